// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "storage/blobstore.h"
#include "storage/database.h"
#include "storage/librarypaths.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QSize>
#include <deque>
#include <functional>
#include <vector>

namespace trove {

/// What a write request may touch, on the writer thread only.
struct WriterContext {
    LibraryPaths paths;
    BlobStore blobs;
    Connection catalog;
    Connection thumbs;
    QList<qint64> added;
    QList<qint64> changed;
    QList<qint64> removed;
    QStringList unlinkAfterCommit; ///< sha256 of blobs whose rows this batch deletes
    QList<std::tuple<qint64, QByteArray, QSize>> thumbnails; ///< written after the commit
    QList<qint64> dropThumbnails;
    /// Folders of blobs installed by this batch's before(), synced once
    /// each before its transaction.
    QSet<QString> dirsToSync;
};

/// One request in the writer's queue. apply() runs inside the batch
/// transaction, under its own savepoint; finish() runs after the commit (or
/// after the failure) and answers the caller.
struct WriteJob {
    QStringList intents; ///< blobs this job installs (journalled first)
    /// Files whose data must be on the disk before before() runs: blobs
    /// written with GzipCodec::Sync::ByInstaller, synced for the batch.
    QStringList unsynced;
    std::function<Result<void>(WriterContext &)> before; ///< outside the transaction
    std::function<Result<void>(WriterContext &)> apply;
    std::function<void(const Result<void> &)> finish;
    /// Written ahead of the rest of its batch (new queue rows).
    bool early = false;
};

/// The writer's thread-side half. Owns both write connections; everything
/// here runs on the writer thread.
class CatalogWriterWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogWriterWorker)

public:
    explicit CatalogWriterWorker(const LibraryPaths &paths);
    ~CatalogWriterWorker() override;

    /// Called from any thread.
    void post(WriteJob job);

    Result<void> openLibrary();
    /// The change feed's last sequence, -1 if it cannot be read.
    qint64 feedHead();
    /// Writes everything posted so far (before the thread stops).
    void flush();

Q_SIGNALS:
    /// A batch was written (or failed): readers of this process look at the
    /// change feed now rather than at their next poll.
    void committed();
    void imagesAdded(const QList<qint64> &keys);
    void imagesChanged(const QList<qint64> &keys);
    void imagesRemoved(const QList<qint64> &keys);

private:
    void syncBlobData(const std::deque<WriteJob> &jobs, std::vector<Result<void>> &outcomes);
    void drain();
    /// Writes @p jobs as one batch: one transaction, a savepoint each.
    void write(std::deque<WriteJob> jobs);
    void announceThumbnails();
    void recoverJournal();
    void settleBlobs(const QStringList &shas);
    Result<void> journal(const QStringList &shas);

    WriterContext m_ctx;
    std::deque<WriteJob> m_pending;
    static constexpr int kCoalesceMs = 25;
    bool m_drainScheduled = false;
    bool m_drainDelayed = false; ///< the scheduled drain waits for kCoalesceMs
    QElapsedTimer m_lastDrain; ///< when the last batch began
    bool m_open = false;
    /// Why open failed ("library … is read-only: …"), for every later write.
    Error m_openError;
    /// The feed is pruned every this many batches.
    static constexpr int kPruneEvery = 256;
    quint64 m_drains = 0;
};

} // namespace trove
