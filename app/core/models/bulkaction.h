// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogquery.h"
#include "catalog/catalogwriter.h"

#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QStringList>

namespace trove {

class LibraryReader;

/// One change applied to many images — a whole selection of a million rows
/// as well as three — without the GUI thread ever holding or walking them:
/// the rows a selection names are resolved to keys on the reader thread,
/// then written in batches, each batch one all-or-nothing request to the
/// writer, the next sent when the last is answered so cancel() takes effect
/// within one batch. Batches grow or shrink to take about kBatchTargetMs. Reports progress and, at
/// the end, the keys it changed (what an undo needs). Lives on the GUI thread; deletes itself after
/// finished().
class BulkAction final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkAction)

public:
    enum class Kind {
        Remove, ///< to the trash
        Restore, ///< back from the trash
        DeleteForGood, ///< out of the trash, not back (emptyTrash())
        EditTags,
        SetRating, ///< setValue(): 0 to 5 stars
        SetFavourite, ///< setValue(): 1 on, 0 off
        AddToCollection, ///< appended to setCollection()'s, in row order
        RemoveFromCollection,
    };
    /// Keys in the first writer request. The next ones are sized from how
    /// long the last took (nextBatchSize()).
    static constexpr int kBatch = 5000;
    static constexpr int kMinBatch = 1000;
    static constexpr int kMaxBatch = 50000;
    /// What one writer request should take: long enough that a batch shares
    /// the index pages it dirties (at a million images a batch of 5,000
    /// dirtied about four 4 KiB pages per image, 80 MB of WAL), short
    /// enough that Stop lands soon and another process's writer, waiting up
    /// to 10 s for the lock, gets it.
    static constexpr qint64 kBatchTargetMs = 3000;
    /// The size of the batch after one of @p size keys that took
    /// @p elapsedMs: scaled toward kBatchTargetMs, at most doubled, within
    /// kMinBatch and kMaxBatch.
    static int nextBatchSize(int size, qint64 elapsedMs);

    /// Acts on rows (first, last; inclusive) of @p query as the reader
    /// resolves them now.
    BulkAction(LibraryReader *reader, CatalogWriter *writer, Kind kind, const ImageQuery &query,
        const QList<QPair<qint64, qint64>> &rows, QObject *parent = nullptr);
    /// Acts on these keys (an undo, or targets already known).
    BulkAction(
        CatalogWriter *writer, Kind kind, const QList<qint64> &keys, QObject *parent = nullptr);
    ~BulkAction() override;

    void setTags(const QStringList &add, const QStringList &remove);
    /// The rating or the favourite flag SetRating and SetFavourite give.
    void setValue(int value) { m_value = value; }
    int value() const { return m_value; }
    /// For AddToCollection and RemoveFromCollection: which collection.
    void setCollection(const QString &name) { m_collection = name; }
    QString collection() const { return m_collection; }
    Kind kind() const { return m_kind; }
    QStringList tagsToAdd() const { return m_add; }
    QStringList tagsToRemove() const { return m_remove; }

    void start();
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    /// The keys written so far (all of them after a finish without error):
    /// the first doneCount() of the keys, as batches go in order and stop at
    /// the first failure. Shares the key list when all are done; a copy of
    /// its front after a cancel or a failure.
    QList<qint64> doneKeys() const;
    qint64 doneCount() const { return m_done; }
    /// For Remove, Restore, DeleteForGood and the collection kinds: what the
    /// writer reports it changed, summed over the batches; fewer
    /// than doneCount() when some keys had nothing left to act on (a restore
    /// of images deleted for good from the trash meanwhile).
    qint64 changedCount() const { return m_changed; }
    /// For EditTags: exactly what the batches written so far changed, and
    /// the images they left alone (moved to the trash elsewhere).
    const TagDelta &tagDelta() const { return m_delta; }
    /// For SetRating and SetFavourite: what the batches written so far
    /// changed, and the images they left alone.
    const MarkDelta &markDelta() const { return m_marks; }
    /// For Restore: the trashed images merged into an image that holds the
    /// same bytes by now (added again while they were in the trash), rather
    /// than put back; counted in changedCount() too.
    const QList<RestoreMerge> &restoreMerges() const { return m_merges; }

Q_SIGNALS:
    /// @p done of @p total images written; total is -1 until resolved.
    void progress(qint64 done, qint64 total);
    /// @p error is empty on success (including a cancel, see isCancelled()).
    void finished(qint64 done, const QString &error);

private:
    void onKeys(quint64 ticket, const QList<qint64> &keys, const QString &error);
    void next();
    void finish(const QString &error);

    QPointer<LibraryReader> m_reader;
    QPointer<CatalogWriter> m_writer;
    Kind m_kind;
    ImageQuery m_query;
    QList<QPair<qint64, qint64>> m_rows;
    QStringList m_add;
    QStringList m_remove;
    QString m_collection;
    QList<qint64> m_keys;
    // How many of m_keys are written; not a list of them: growing a list to
    // a million keys, batch by batch, cost the GUI thread 15.8 ms in one
    // batch's handler (the step from 2^19 to 2^20 entries, at a million).
    qsizetype m_done = 0;
    qint64 m_changed = 0;
    QList<RestoreMerge> m_merges;
    TagDelta m_delta;
    MarkDelta m_marks;
    int m_value = 0;
    qsizetype m_next = 0;
    int m_batch = kBatch;
    quint64 m_ticket = 0;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace trove
