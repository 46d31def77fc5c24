// SPDX-License-Identifier: MIT
#include "catalog/catalogwriter.h"

#include "base/platform.h"
#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/collectionstatements.h"
#include "catalog/private/imagestatements.h"
#include "catalog/private/markstatements.h"
#include "catalog/private/queuestatements.h"
#include "catalog/private/similarstatements.h"
#include "catalog/private/tagstatements.h"
#include "catalog/private/trashstatements.h"
#include "storage/diskspace.h"

#include <QPromise>
#include <algorithm>
#include <optional>

// The facade: thread plumbing and one submit() per request. The statements
// themselves live in private/imagestatements.cpp, private/queuestatements.cpp
// and private/trashstatements.cpp.

namespace trove {

namespace {

template<typename T> Result<void> asVoid(const Result<T> &r)
{
    return r ? Result<void>() : Result<void>(r.failure());
}

} // namespace

CatalogWriter::CatalogWriter(const LibraryPaths &paths, QObject *parent)
    : QObject(parent)
    , m_root(paths.root())
{
    m_thread.setObjectName(QStringLiteral("trove-catalog-writer"));
    m_worker = new CatalogWriterWorker(paths);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(&m_thread, &QThread::started, [] { lowerCurrentThreadPriority(ThreadWork::Catalog); });
    connect(m_worker, &CatalogWriterWorker::committed, this, &CatalogWriter::committed);
    connect(m_worker, &CatalogWriterWorker::imagesAdded, this, &CatalogWriter::imagesAdded);
    connect(m_worker, &CatalogWriterWorker::imagesChanged, this, &CatalogWriter::imagesChanged);
    connect(m_worker, &CatalogWriterWorker::imagesRemoved, this, &CatalogWriter::imagesRemoved);
    m_thread.start();
}

CatalogWriter::~CatalogWriter()
{
    // Requests already posted are written before the thread stops.
    flush();
    m_thread.quit();
    m_thread.wait();
}

void CatalogWriter::flush()
{
    // The blocking call runs after every post() made before it.
    QMetaObject::invokeMethod(m_worker, &CatalogWriterWorker::flush, Qt::BlockingQueuedConnection);
}

QFuture<void> CatalogWriter::whenWritten()
{
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> future = promise->future();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, promise] {
        w->flush();
        promise->finish();
    });
    return future;
}

template<typename T>
QFuture<Result<T>> CatalogWriter::submit(std::function<Result<T>(WriterContext &)> apply,
    std::function<Result<void>(WriterContext &)> before, QStringList intents, bool early,
    QStringList unsynced)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    auto slot = std::make_shared<std::optional<Result<T>>>();
    promise->start();
    WriteJob job;
    job.intents = std::move(intents);
    job.unsynced = std::move(unsynced);
    job.before = std::move(before);
    job.early = early;
    job.apply = [apply = std::move(apply), slot](WriterContext &c) {
        slot->emplace(apply(c));
        return asVoid(**slot);
    };
    job.finish = [promise, slot, root = m_root](const Result<void> &outcome) {
        // The request's own answer, when it has one: an error it gave keeps
        // its kind (e.g. RemovedBefore); a failure of the batch after it
        // succeeded is the batch's.
        Result<T> answer = slot->has_value() && (outcome || !(*slot)->ok())
            ? **slot
            : Result<T>(outcome ? Error { QStringLiteral("internal error") } : outcome.failure());
        // SQLite only says "database or disk is full": say where, and how
        // full (statvfs, here on the writer thread).
        if (!answer.ok() && answer.errorKind() == Error::Kind::DiskFull)
            answer = Result<T>(Error { DiskSpace::reason(root, -1), Error::Kind::DiskFull });
        promise->addResult(std::move(answer));
        promise->finish();
    };
    QFuture<Result<T>> future = promise->future();
    m_worker->post(std::move(job));
    return future;
}

QFuture<Result<bool>> CatalogWriter::open()
{
    auto promise = std::make_shared<QPromise<Result<bool>>>();
    promise->start();
    QFuture<Result<bool>> future = promise->future();
    QMetaObject::invokeMethod(m_worker, [w = m_worker, promise, head = &m_feedHeadAtOpen] {
        auto r = w->openLibrary();
        if (r)
            head->store(w->feedHead());
        promise->addResult(r ? Result<bool>(true) : Result<bool>(r.failure()));
        promise->finish();
    });
    return future;
}

QFuture<Result<CommitOutcome>> CatalogWriter::commitImage(const NewImage &image)
{
    const QString sha = image.processed.blob.sha256;
    auto before = [image, sha](WriterContext &c) -> Result<void> {
        return c.blobs.install(image.processed.tempBlobPath, sha, &c.dirsToSync);
    };
    auto apply = [image](WriterContext &c) { return statements::commitImage(c, image); };
    return submit<CommitOutcome>(apply, before, { sha }, false, { image.processed.tempBlobPath });
}

QFuture<Result<QList<qint64>>> CatalogWriter::enqueue(
    const QList<IngestRequest> &requests, const QList<qint64> &walksEnded)
{
    return submit<QList<qint64>>(
        [requests, walksEnded](
            WriterContext &c) { return statements::enqueue(c, requests, walksEnded); },
        {}, {}, true);
}

// Early, as enqueue() is: written ahead of the queue rows that follow it.
QFuture<Result<bool>> CatalogWriter::beginFolderWalk(qint64 walkId, const IngestRequest &folder)
{
    return submit<bool>(
        [walkId, folder](WriterContext &c) -> Result<bool> {
            if (auto r = statements::beginFolderWalk(c, walkId, folder); !r)
                return r.failure();
            return true;
        },
        {}, {}, true);
}

// Not early: after every queue row enqueued before it.
QFuture<Result<bool>> CatalogWriter::endFolderWalks(const QList<qint64> &walkIds)
{
    return submit<bool>([walkIds](WriterContext &c) -> Result<bool> {
        if (auto r = statements::endFolderWalks(c, walkIds); !r)
            return r.failure();
        return true;
    });
}

QFuture<Result<QList<FolderWalkRow>>> CatalogWriter::claimOrphanedFolderWalks()
{
    return submit<QList<FolderWalkRow>>(
        [](WriterContext &c) { return statements::claimOrphanedFolderWalks(c); });
}

QFuture<Result<bool>> CatalogWriter::releaseFolderWalks(const QList<qint64> &walkIds)
{
    return submit<bool>([walkIds](WriterContext &c) -> Result<bool> {
        if (auto r = statements::releaseFolderWalks(c, walkIds); !r)
            return r.failure();
        return true;
    });
}

QFuture<Result<bool>> CatalogWriter::setQueueState(
    qint64 queueId, IngestState state, const QString &error)
{
    return submit<bool>([=](WriterContext &c) -> Result<bool> {
        if (auto r = statements::finishQueueRow(c, queueId, state, error); !r)
            return r.failure();
        return true;
    });
}

QFuture<Result<bool>> CatalogWriter::setQueueStates(
    const QList<qint64> &queueIds, IngestState state, const QString &error)
{
    return submit<bool>([=](WriterContext &c) -> Result<bool> {
        if (auto r = statements::finishQueueRows(c, queueIds, state, error); !r)
            return r.failure();
        return true;
    });
}

QFuture<Result<bool>> CatalogWriter::deleteQueueItems(const QList<qint64> &queueIds)
{
    return submit<bool>(
        [queueIds](WriterContext &c) { return statements::deleteQueueRows(c, queueIds); });
}

QFuture<Result<int>> CatalogWriter::releaseQueueItems(const QList<qint64> &queueIds)
{
    return submit<int>(
        [queueIds](WriterContext &c) { return statements::releaseQueueRows(c, queueIds); });
}

QFuture<Result<QList<QueueRow>>> CatalogWriter::claimOrphanedQueueItems()
{
    return submit<QList<QueueRow>>(
        [](WriterContext &c) { return statements::claimOrphanedQueueRows(c); });
}

QFuture<Result<QList<QueueRow>>> CatalogWriter::claimQueueHistory(int limit)
{
    return submit<QList<QueueRow>>(
        [limit](WriterContext &c) { return statements::claimQueueHistory(c, limit); });
}

QFuture<Result<int>> CatalogWriter::editTags(
    const QList<qint64> &keys, const QStringList &add, const QStringList &remove)
{
    const QStringList toAdd = normalizeTags(add);
    const QStringList toRemove = normalizeTags(remove);
    return submit<int>(
        [=](WriterContext &c) { return statements::editTags(c, keys, toAdd, toRemove); });
}

QFuture<Result<TagDelta>> CatalogWriter::editTagsRecorded(
    const QList<qint64> &keys, const QStringList &add, const QStringList &remove)
{
    const QStringList toAdd = normalizeTags(add);
    const QStringList toRemove = normalizeTags(remove);
    return submit<TagDelta>([=](WriterContext &c) -> Result<TagDelta> {
        TagDelta delta;
        if (auto r = statements::editTags(c, keys, toAdd, toRemove, &delta); !r)
            return r.failure();
        return delta;
    });
}

QFuture<Result<Reverted>> CatalogWriter::revertTags(const TagDelta &delta)
{
    return submit<Reverted>([delta](WriterContext &c) { return statements::revertTags(c, delta); });
}

QFuture<Result<TagRename>> CatalogWriter::renameTag(const QString &from, const QString &to)
{
    const QString source = normalizeTags({ from }).value(0);
    const QString target = normalizeTags({ to }).value(0);
    return submit<TagRename>(
        [source, target](WriterContext &c) { return tagstatements::renameTag(c, source, target); });
}

QFuture<Result<int>> CatalogWriter::revertTagRename(const TagRename &renamed)
{
    return submit<int>(
        [renamed](WriterContext &c) { return tagstatements::revertTagRename(c, renamed); });
}

QFuture<Result<Renamed>> CatalogWriter::rename(const QList<qint64> &keys, const QString &name)
{
    const QString clean = normalizeName(name);
    return submit<Renamed>([=](WriterContext &c) { return statements::rename(c, keys, clean); });
}

QFuture<Result<Reverted>> CatalogWriter::revertRename(const Renamed &renamed)
{
    return submit<Reverted>(
        [renamed](WriterContext &c) { return statements::renameAgain(c, renamed, true); });
}

QFuture<Result<Reverted>> CatalogWriter::reapplyRename(const Renamed &renamed)
{
    return submit<Reverted>(
        [renamed](WriterContext &c) { return statements::renameAgain(c, renamed, false); });
}

QFuture<Result<MarkDelta>> CatalogWriter::setRating(const QList<qint64> &keys, int rating)
{
    const int stars = std::clamp(rating, 0, 5);
    return submit<MarkDelta>([keys, stars](WriterContext &c) {
        return statements::setMark(c, MarkDelta::Mark::Rating, keys, stars);
    });
}

QFuture<Result<MarkDelta>> CatalogWriter::setFavourite(const QList<qint64> &keys, bool favourite)
{
    return submit<MarkDelta>([keys, favourite](WriterContext &c) {
        return statements::setMark(c, MarkDelta::Mark::Favourite, keys, favourite ? 1 : 0);
    });
}

QFuture<Result<Reverted>> CatalogWriter::revertMarks(const MarkDelta &delta)
{
    return submit<Reverted>(
        [delta](WriterContext &c) { return statements::revertMarks(c, delta); });
}

QFuture<Result<Reverted>> CatalogWriter::reapplyMarks(const MarkDelta &delta, int value)
{
    const int clean
        = delta.mark == MarkDelta::Mark::Rating ? std::clamp(value, 0, 5) : (value != 0 ? 1 : 0);
    return submit<Reverted>(
        [delta, clean](WriterContext &c) { return statements::reapplyMarks(c, delta, clean); });
}

QFuture<Result<bool>> CatalogWriter::shuffle()
{
    return submit<bool>([](WriterContext &c) { return statements::shuffle(c); });
}

QFuture<Result<qint64>> CatalogWriter::createCollection(const QString &name, const QString &query)
{
    return submit<qint64>(
        [=](WriterContext &c) { return statements::createCollection(c, name, query); });
}

QFuture<Result<bool>> CatalogWriter::deleteCollection(const QString &name)
{
    return submit<bool>([=](WriterContext &c) { return statements::deleteCollection(c, name); });
}

QFuture<Result<int>> CatalogWriter::addToCollection(const QString &name, const QList<qint64> &keys)
{
    return submit<int>(
        [=](WriterContext &c) { return statements::addToCollection(c, name, keys); });
}

QFuture<Result<int>> CatalogWriter::removeFromCollection(
    const QString &name, const QList<qint64> &keys)
{
    return submit<int>(
        [=](WriterContext &c) { return statements::removeFromCollection(c, name, keys); });
}

QFuture<Result<int>> CatalogWriter::moveInCollection(
    const QString &name, const QList<qint64> &keys, qint64 beforeKey)
{
    return submit<int>(
        [=](WriterContext &c) { return statements::moveInCollection(c, name, keys, beforeKey); });
}

QFuture<Result<CollectionMove>> CatalogWriter::reorderInCollection(
    const QString &name, const QList<qint64> &keys, qint64 beforeKey)
{
    return submit<CollectionMove>([=](WriterContext &c) {
        return statements::reorderInCollection(c, name, keys, beforeKey);
    });
}

QFuture<Result<int>> CatalogWriter::restoreCollectionOrder(
    const QString &name, const QList<QPair<qint64, qint64>> &undo)
{
    return submit<int>(
        [=](WriterContext &c) { return statements::restoreCollectionOrder(c, name, undo); });
}

QFuture<Result<QString>> CatalogWriter::renameCollection(const QString &from, const QString &to)
{
    return submit<QString>(
        [=](WriterContext &c) { return statements::renameCollection(c, from, to); });
}

QFuture<Result<int>> CatalogWriter::remove(const QList<qint64> &keys)
{
    return moveToTrash(keys);
}

QFuture<Result<int>> CatalogWriter::moveToTrash(const QList<qint64> &keys)
{
    return submit<int>([keys](WriterContext &c) { return statements::moveToTrash(c, keys); });
}

QFuture<Result<int>> CatalogWriter::restoreFromTrash(const QList<qint64> &keys)
{
    return submit<int>([keys](WriterContext &c) -> Result<int> {
        auto restored = statements::restoreFromTrash(c, keys);
        if (!restored)
            return restored.failure();
        return restored->count();
    });
}

QFuture<Result<TrashRestore>> CatalogWriter::restoreFromTrashRecorded(const QList<qint64> &keys)
{
    return submit<TrashRestore>(
        [keys](WriterContext &c) { return statements::restoreFromTrash(c, keys); });
}

QFuture<Result<int>> CatalogWriter::unmergeRestored(const QList<RestoreMerge> &merges)
{
    return submit<int>(
        [merges](WriterContext &c) { return statements::unmergeRestored(c, merges); });
}

QFuture<Result<int>> CatalogWriter::emptyTrash(const TrashFilter &filter)
{
    return submit<int>([filter](WriterContext &c) { return statements::emptyTrash(c, filter); });
}

QFuture<Result<bool>> CatalogWriter::quarantine(const QList<QPair<qint64, QString>> &keysAndShas)
{
    auto before
        = [keysAndShas](WriterContext &c) { return statements::moveBlobsAside(c, keysAndShas); };
    auto apply
        = [keysAndShas](WriterContext &c) { return statements::markDamaged(c, keysAndShas); };
    return submit<bool>(apply, before);
}

QFuture<Result<bool>> CatalogWriter::restoreBlob(
    qint64 key, const CompressedBlob &blob, const QString &tempBlob)
{
    auto before = [blob, tempBlob](WriterContext &c) {
        return c.blobs.install(tempBlob, blob.sha256, &c.dirsToSync);
    };
    auto apply = [key, blob](WriterContext &c) { return statements::clearDamaged(c, key, blob); };
    return submit<bool>(apply, before, { blob.sha256 });
}

QFuture<Result<int>> CatalogWriter::putHashes(const QList<QPair<qint64, ImageHash>> &hashes)
{
    return submit<int>([hashes](WriterContext &c) { return statements::putHashes(c, hashes); });
}

QFuture<Result<MergeOutcome>> CatalogWriter::merge(qint64 keep, const QList<qint64> &others)
{
    return submit<MergeOutcome>(
        [keep, others](WriterContext &c) { return statements::merge(c, keep, others); });
}

QFuture<Result<int>> CatalogWriter::unmerge(const MergeOutcome &merged)
{
    return submit<int>([merged](WriterContext &c) { return statements::unmerge(c, merged); });
}

QFuture<Result<int>> CatalogWriter::markNotDuplicates(const QList<QPair<qint64, qint64>> &pairs)
{
    return submit<int>(
        [pairs](WriterContext &c) { return statements::markNotDuplicates(c, pairs); });
}

QFuture<Result<bool>> CatalogWriter::putThumbnail(qint64 key, const QByteArray &data, QSize size)
{
    return submit<bool>([=](WriterContext &c) -> Result<bool> {
        c.thumbnails.append({ key, data, size });
        return true;
    });
}

} // namespace trove
