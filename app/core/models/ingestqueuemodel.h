// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingestpipeline.h"

#include <QAbstractListModel>
#include <QHash>
#include <QSet>

namespace trove {

/// The ingest queue as rows for a view: one per item, with its state,
/// progress and failure reason. Mirrors IngestPipeline's items (which own
/// the state); emits dataChanged for the one row that changed. GUI thread.
class IngestQueueModel final : public QAbstractListModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IngestQueueModel)

public:
    enum Role {
        ItemIdRole = Qt::UserRole + 1,
        SourceRole,
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

    quint64 itemId(int row) const { return m_ids.value(row); }
    int rowOf(quint64 id) const { return m_rowOf.value(id, -1); }

    /// Finished items / all items, for a total progress bar.
    int finishedCount() const { return m_finished; }
    int failedCount() const { return m_failed; }

    static QString stateText(IngestState state);

Q_SIGNALS:
    void totalsChanged(int finished, int total);

private:
    void onAdded(quint64 id);
    void onChanged(quint64 id);
    void onRemoved(const QList<quint64> &ids);
    void recount();

    IngestPipeline *m_pipeline;
    QList<quint64> m_ids;
    QHash<quint64, int> m_rowOf;
    QSet<quint64> m_finishedIds;
    int m_finished = 0;
    int m_failed = 0;
};

} // namespace trove
