// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingestpipeline.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>
#include <deque>
#include <set>

namespace trove {

/// The ingest queue as rows for a view: one per item, with its state,
/// progress and failure reason. Mirrors IngestPipeline's items (which own
/// the state); emits dataChanged for the one row that changed. Every event
/// costs O(1) or O(log n) plus the rows it touches, never a pass over the
/// queue: it holds 100,000 items while links finish one by one. GUI thread.
class IngestQueueModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestQueueModel)

public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        SourceRole, ///< the link or path as given; DisplayRole is for people (SourceLabel)
        StateRole, ///< IngestState as int
        StateTextRole, ///< "Downloading", "retrying in 12 s (HTTP 429)", "Failed: HTTP 404", ...
        ProgressRole, ///< 0..100, or -1 while unknown
        ReceivedRole,
        TotalRole,
        ErrorRole,
        ImageIdRole,
        ImageNameRole,
        ImageKeyRole,
        FinishedRole,
        RemovedBeforeRole, ///< failed: its bytes were removed before (Add Anyway)
        NoteRole, ///< why an unfinished item waits ("retrying in 12 s (HTTP 429)"), or empty
    };

    explicit IngestQueueModel(IngestPipeline *pipeline, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    quint64 itemId(int row) const
    {
        return row >= 0 && std::size_t(row) < m_ids.size() ? m_ids[std::size_t(row)] : 0;
    }
    int rowOf(quint64 id) const;
    /// The first failed row at or after @p from (wrapping), or -1.
    /// O(log n): failed ids are kept in order, as rows are.
    int nextFailedRow(int from = 0) const;

    /// Finished items / all items, for a total progress bar.
    int finishedCount() const { return m_finished; }
    int failedCount() const { return m_failed; }

    static QString stateText(IngestState state);

Q_SIGNALS:
    void totalsChanged(int finished, int total);
    /// The item in @p row has just failed (not emitted for rows that
    /// arrive failed: rowsInserted covers those).
    void rowFailed(int row);

private:
    void onAdded(quint64 first, quint64 last);
    void onChanged(quint64 id);
    void onRemoved(const QList<quint64> &ids);
    /// Brings the counters up to date for @p id; true if they moved.
    bool track(quint64 id);
    void recount();
    void emitTotals();

    IngestPipeline *m_pipeline;
    /// Item ids in queue order. The pipeline hands out ids in increasing
    /// order and appends, so this stays sorted: rowOf() is a binary search
    /// and removing rows never renumbers a hash. A deque, which grows by
    /// blocks: a list doubling at 100,000 ids copied them all into fresh
    /// pages within one batch's handling (page faults cost ~4 ms a
    /// megabyte on a VM), part of a 16 ms gap in a 100,000-file import.
    std::deque<quint64> m_ids;
    /// Ordered sets rather than hashes: a QSet of 100,000 ids rehashed
    /// all of them at once, on the GUI thread, each time it doubled.
    std::set<quint64> m_finishedIds;
    std::set<quint64> m_failedIds; ///< ordered: the first failure is begin()
    int m_finished = 0;
    int m_failed = 0;
};

} // namespace trove
