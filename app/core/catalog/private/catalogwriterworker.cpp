// SPDX-License-Identifier: MIT
#include "catalog/private/catalogwriterworker.h"

#include "base/platform.h"
#include "catalog/changefeed.h"
#include "storage/diskspace.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>
#include <QTimer>
#include <QVariant>
#include <algorithm>
#include <cerrno>
#include <iterator>

namespace trove {

CatalogWriterWorker::CatalogWriterWorker(const LibraryPaths &paths)
    : m_ctx { paths, BlobStore(paths), {}, {}, {}, {}, {}, {}, {}, {} }
{
}

CatalogWriterWorker::~CatalogWriterWorker() = default;

void CatalogWriterWorker::post(WriteJob job)
{
    QMetaObject::invokeMethod(this, [this, job = std::move(job)]() mutable {
        const bool early = job.early;
        m_pending.push_back(std::move(job));
        // Requests that arrive while one batch is being written wait and then
        // share one transaction. Under a stream of them (an ingest), a batch
        // starts at most every kCoalesceMs: each pays a journal write, the
        // blobs' syncs and a commit whatever its size, and each is one more
        // change every open window applies. 10,000 pasted links: `trove add`
        // 327 -> 389 images/s, the window 325 -> 537/s and its GUI thread
        // 11.6 -> 4.8 CPU-s. New queue rows (early) are never held back:
        // whoever enqueued is waiting for their ids.
        if (m_drainScheduled && !(early && m_drainDelayed))
            return;
        const qint64 since = m_lastDrain.isValid() ? m_lastDrain.elapsed() : kCoalesceMs;
        const int wait = early ? 0 : int(std::max<qint64>(0, kCoalesceMs - since));
        m_drainScheduled = true;
        m_drainDelayed = wait > 0;
        QTimer::singleShot(wait, this, &CatalogWriterWorker::drain);
    });
}

Result<void> CatalogWriterWorker::openLibrary()
{
    if (m_open)
        return {};
    if (auto r = m_ctx.catalog.open(m_ctx.paths, Connection::Kind::Catalog); !r) {
        m_openError = r.failure();
        return r;
    }
    if (auto r = m_ctx.thumbs.open(m_ctx.paths, Connection::Kind::Thumbs); !r) {
        m_openError = r.failure();
        return r;
    }
    m_open = true;
    m_ctx.paths.sweepTmp();
    recoverJournal();
    // Short-lived writers (one `trove add`) never reach kPruneEvery batches:
    // keep the feed bounded at every open as well.
    (void)pruneChangeFeed(m_ctx.catalog);
    return {};
}

qint64 CatalogWriterWorker::feedHead()
{
    ChangeFeed feed(m_ctx.catalog);
    const auto head = feed.head();
    return head ? *head : -1;
}

Result<void> CatalogWriterWorker::journal(const QStringList &shas)
{
    if (shas.isEmpty())
        return {};
    if (auto r = m_ctx.catalog.exec(QStringLiteral("BEGIN IMMEDIATE")); !r)
        return r;
    QSqlQuery q = m_ctx.catalog.query(QStringLiteral(
        "INSERT OR REPLACE INTO blob_journal(sha256, op, owner_pid) VALUES (?, 1, ?)"));
    for (const QString &sha : shas) {
        q.bindValue(0, sha);
        q.bindValue(1, currentPid());
        if (auto r = execQuery(q); !r) {
            (void)m_ctx.catalog.exec(QStringLiteral("ROLLBACK"));
            return r;
        }
    }
    return m_ctx.catalog.exec(QStringLiteral("COMMIT"));
}

// A blob whose fate was in flight is kept if and only if a row names it: an
// image's or a trash row's.
void CatalogWriterWorker::settleBlobs(const QStringList &shas)
{
    QSqlQuery exists
        = m_ctx.catalog.query(QStringLiteral("SELECT 1 FROM images WHERE sha256 = ? UNION ALL "
                                             "SELECT 1 FROM trash WHERE sha256 = ? LIMIT 1"));
    QSqlQuery forget
        = m_ctx.catalog.query(QStringLiteral("DELETE FROM blob_journal WHERE sha256 = ?"));
    for (const QString &sha : shas) {
        exists.bindValue(0, sha);
        exists.bindValue(1, sha);
        if (exists.exec() && !exists.next())
            (void)m_ctx.blobs.remove(sha);
        exists.finish();
        forget.bindValue(0, sha);
        (void)forget.exec();
    }
}

void CatalogWriterWorker::recoverJournal()
{
    QSqlQuery q = m_ctx.catalog.query(QStringLiteral("SELECT sha256, owner_pid FROM blob_journal"));
    if (!q.exec())
        return;
    QStringList orphaned;
    while (q.next()) {
        if (!isProcessAlive(q.value(1).toLongLong()))
            orphaned.append(q.value(0).toString());
    }
    q.finish();
    settleBlobs(orphaned);
}

void CatalogWriterWorker::flush()
{
    while (!m_pending.empty())
        drain();
}

void CatalogWriterWorker::announceThumbnails()
{
    // thumbs.sqlite is another database: its rows cannot share the catalog's
    // transaction, so the feed hears of them in a small one of their own.
    if (m_ctx.thumbnails.isEmpty() || !m_ctx.catalog.exec(QStringLiteral("BEGIN")).ok())
        return;
    QSqlQuery q
        = m_ctx.catalog.query(QStringLiteral("INSERT INTO changes(kind, image_id) VALUES (?, ?)"));
    for (const auto &[key, data, size] : std::as_const(m_ctx.thumbnails)) {
        q.bindValue(0, int(ChangeKind::ThumbnailReady));
        q.bindValue(1, key);
        (void)q.exec();
    }
    if (!m_ctx.catalog.exec(QStringLiteral("COMMIT")).ok())
        (void)m_ctx.catalog.exec(QStringLiteral("ROLLBACK"));
}

void CatalogWriterWorker::drain()
{
    m_drainScheduled = false;
    m_drainDelayed = false;
    m_lastDrain.start();
    std::deque<WriteJob> jobs;
    jobs.swap(m_pending);
    if (jobs.empty())
        return;
    // New queue rows are written ahead of the batch, in a transaction of
    // their own: whoever enqueued (the local API's 202, a paste) is answered
    // without waiting for the blobs this batch installs and syncs. Nothing
    // posted earlier can depend on a row that does not exist yet.
    const auto early = std::stable_partition(
        jobs.begin(), jobs.end(), [](const WriteJob &job) { return job.early; });
    if (early != jobs.begin() && early != jobs.end()) {
        std::deque<WriteJob> first(
            std::make_move_iterator(jobs.begin()), std::make_move_iterator(early));
        jobs.erase(jobs.begin(), early);
        write(std::move(first));
    }
    write(std::move(jobs));
}

// The data of the batch's new blobs reaches the disk before any of them is
// renamed into place: a blob under its final name is always whole (install()
// and every later add of the same bytes trust it). One flush of the file
// system for many blobs; file by file for one, or when that flush failed,
// so that only the blob that cannot be synced fails its job.
void CatalogWriterWorker::syncBlobData(
    const std::deque<WriteJob> &jobs, std::vector<Result<void>> &outcomes)
{
    qsizetype files = 0;
    for (size_t i = 0; i < jobs.size(); ++i)
        files += outcomes[i] ? jobs[i].unsynced.size() : 0;
    if (files == 0 || (files > 1 && syncFileSystemOf(m_ctx.paths.root())))
        return;
    for (size_t i = 0; i < jobs.size(); ++i) {
        for (const QString &file : jobs[i].unsynced) {
            if (outcomes[i] && !syncFile(file))
                outcomes[i] = DiskSpace::writeFailure(
                    m_ctx.paths.root(), 0, errno, tr("cannot sync %1 to disk").arg(file));
        }
    }
}

void CatalogWriterWorker::write(std::deque<WriteJob> jobs)
{

    std::vector<Result<void>> outcomes(jobs.size());
    if (!m_open) {
        for (size_t i = 0; i < jobs.size(); ++i)
            jobs[i].finish(
                m_openError.message.isEmpty() ? fail(tr("the library is not open")) : m_openError);
        return;
    }

    // 1. Record the blobs about to be installed, then install them.
    QStringList intents;
    for (size_t i = 0; i < jobs.size(); ++i) {
        if (outcomes[i])
            intents += jobs[i].intents;
    }
    if (auto r = journal(intents); !r) {
        for (size_t i = 0; i < jobs.size(); ++i) {
            if (!jobs[i].intents.isEmpty() && outcomes[i])
                outcomes[i] = r;
        }
    }
    syncBlobData(jobs, outcomes);
    for (size_t i = 0; i < jobs.size(); ++i) {
        if (outcomes[i] && jobs[i].before)
            outcomes[i] = jobs[i].before(m_ctx);
    }
    // The blobs' folders, synced after all of the batch's renames: on ext4
    // with a journal the first sync commits every rename, where a sync per
    // blob was a journal commit per image. Many folders (a batch of small
    // images lands in as many of blobs/00..ff) take one flush of the file
    // system; a blob whose folder cannot be synced fails its job, as before.
    if (m_ctx.dirsToSync.size() > 1 && syncFileSystemOf(m_ctx.paths.root()))
        m_ctx.dirsToSync.clear();
    if (!m_ctx.dirsToSync.isEmpty()) {
        QHash<QString, Result<void>> unsynced;
        for (const QString &dir : std::as_const(m_ctx.dirsToSync)) {
            if (auto synced = BlobStore::syncFolder(dir); !synced)
                unsynced.insert(dir, synced);
        }
        m_ctx.dirsToSync.clear();
        for (size_t i = 0; i < jobs.size() && !unsynced.isEmpty(); ++i) {
            for (const QString &sha : std::as_const(jobs[i].intents)) {
                const auto failed
                    = unsynced.constFind(QFileInfo(m_ctx.blobs.pathFor(sha)).absolutePath());
                if (outcomes[i] && failed != unsynced.cend())
                    outcomes[i] = *failed;
            }
        }
    }

    // 2. One transaction for the batch; a savepoint isolates each job.
    const bool began = m_ctx.catalog.exec(QStringLiteral("BEGIN IMMEDIATE")).ok();
    for (size_t i = 0; i < jobs.size(); ++i) {
        if (!outcomes[i] || !jobs[i].apply)
            continue;
        if (!began) {
            outcomes[i] = fail(tr("the library is busy or read-only"));
            continue;
        }
        (void)m_ctx.catalog.exec(QStringLiteral("SAVEPOINT job"));
        outcomes[i] = jobs[i].apply(m_ctx);
        if (!outcomes[i])
            (void)m_ctx.catalog.exec(QStringLiteral("ROLLBACK TO job"));
        (void)m_ctx.catalog.exec(QStringLiteral("RELEASE job"));
    }
    if (began) {
        QSqlQuery forget
            = m_ctx.catalog.query(QStringLiteral("DELETE FROM blob_journal WHERE sha256 = ?"));
        for (const QString &sha : std::as_const(intents)) {
            forget.bindValue(0, sha);
            (void)forget.exec();
        }
        if (auto commit = m_ctx.catalog.exec(QStringLiteral("COMMIT")); !commit) {
            (void)m_ctx.catalog.exec(QStringLiteral("ROLLBACK"));
            for (auto &o : outcomes) {
                if (o)
                    o = commit;
            }
            m_ctx.added.clear();
            m_ctx.changed.clear();
            m_ctx.removed.clear();
            m_ctx.unlinkAfterCommit.clear();
            m_ctx.thumbnails.clear();
            m_ctx.dropThumbnails.clear();
            settleBlobs(intents);
        }
    }

    // 3. After the commit: files and thumbnails, then answers and signals.
    {
        // Failed jobs may have installed blobs that no row names.
        QStringList unsettled;
        for (size_t i = 0; i < jobs.size(); ++i) {
            if (!outcomes[i])
                unsettled += jobs[i].intents;
        }
        if (!unsettled.isEmpty())
            settleBlobs(unsettled);
        if (!m_ctx.unlinkAfterCommit.isEmpty()) {
            settleBlobs(m_ctx.unlinkAfterCommit);
            m_ctx.unlinkAfterCommit.clear();
        }
        if (!m_ctx.thumbnails.isEmpty() || !m_ctx.dropThumbnails.isEmpty()) {
            (void)m_ctx.thumbs.exec(QStringLiteral("BEGIN"));
            QSqlQuery put
                = m_ctx.thumbs.query(QStringLiteral("INSERT OR REPLACE INTO thumbs(image_id, "
                                                    "width, height, data) VALUES (?, ?, ?, ?)"));
            for (const auto &[key, data, size] : std::as_const(m_ctx.thumbnails)) {
                put.bindValue(0, key);
                put.bindValue(1, size.width());
                put.bindValue(2, size.height());
                put.bindValue(3, data);
                (void)put.exec();
            }
            QSqlQuery drop
                = m_ctx.thumbs.query(QStringLiteral("DELETE FROM thumbs WHERE image_id = ?"));
            // A key dropped and given to an image again in the same batch
            // keeps the thumbnail just written for it.
            QSqlQuery inUse
                = m_ctx.catalog.query(QStringLiteral("SELECT 1 FROM images WHERE id = ?"));
            for (qint64 key : std::as_const(m_ctx.dropThumbnails)) {
                inUse.bindValue(0, key);
                if (inUse.exec() && inUse.next()) {
                    inUse.finish();
                    continue;
                }
                inUse.finish();
                drop.bindValue(0, key);
                (void)drop.exec();
            }
            (void)m_ctx.thumbs.exec(QStringLiteral("COMMIT"));
            announceThumbnails();
            m_ctx.thumbnails.clear();
            m_ctx.dropThumbnails.clear();
        }
        if (++m_drains % kPruneEvery == 0)
            (void)pruneChangeFeed(m_ctx.catalog);
    }
    for (size_t i = 0; i < jobs.size(); ++i)
        jobs[i].finish(outcomes[i]);

    Q_EMIT committed();
    if (!m_ctx.added.isEmpty())
        Q_EMIT imagesAdded(std::exchange(m_ctx.added, {}));
    if (!m_ctx.changed.isEmpty())
        Q_EMIT imagesChanged(std::exchange(m_ctx.changed, {}));
    if (!m_ctx.removed.isEmpty())
        Q_EMIT imagesRemoved(std::exchange(m_ctx.removed, {}));
}

} // namespace trove
