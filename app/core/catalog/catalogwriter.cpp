// SPDX-License-Identifier: MIT
#include "catalog/catalogwriter.h"

#include "base/platform.h"
#include "catalog/private/catalogwriterworker.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QPromise>
#include <QUrl>
#include <QUuid>
#include <optional>

namespace trove {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Result<void> ok()
{
    return {};
}

// A null QString binds as SQL NULL; text columns here are NOT NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

template<typename T> Result<void> asVoid(const Result<T> &r)
{
    return r ? ok() : Result<void>(Error { r.error() });
}

Result<void> insertTags(WriterContext &c, qint64 key, const QStringList &tags)
{
    QSqlQuery q = c.catalog.query(
        QStringLiteral("INSERT OR IGNORE INTO tags(image_id, tag) VALUES (?, ?)"));
    for (const QString &tag : tags) {
        q.bindValue(0, key);
        q.bindValue(1, tag);
        if (auto r = execQuery(q); !r)
            return r;
    }
    return {};
}

Result<void> insertSource(WriterContext &c, qint64 key, const QString &url)
{
    if (url.isEmpty())
        return {};
    QSqlQuery q = c.catalog.query(QStringLiteral(
        "INSERT OR IGNORE INTO sources(image_id, url, host, added_at) VALUES (?, ?, ?, ?)"));
    q.bindValue(0, key);
    q.bindValue(1, url);
    q.bindValue(2, text(QUrl(url).host().toLower()));
    q.bindValue(3, nowMs());
    return execQuery(q);
}

Result<void> finishQueueRow(WriterContext &c, qint64 queueId, IngestState state,
    const QString &error, const QString &imageId = {})
{
    if (queueId <= 0)
        return {};
    QSqlQuery q = c.catalog.query(QStringLiteral(
        "UPDATE queue SET state = ?, error = ?, image_uuid = ?, updated_at = ? WHERE id = ?"));
    q.bindValue(0, int(state));
    q.bindValue(1, text(error));
    q.bindValue(2, text(imageId));
    q.bindValue(3, nowMs());
    q.bindValue(4, queueId);
    return execQuery(q);
}

} // namespace

CatalogWriter::CatalogWriter(const LibraryPaths &paths, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("trove-catalog-writer"));
    m_worker = new CatalogWriterWorker(paths);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
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
    std::function<Result<void>(WriterContext &)> before, QStringList intents)
{
    auto promise = std::make_shared<QPromise<Result<T>>>();
    auto slot = std::make_shared<std::optional<Result<T>>>();
    promise->start();
    WriteJob job;
    job.intents = std::move(intents);
    job.before = std::move(before);
    job.apply = [apply = std::move(apply), slot](WriterContext &c) {
        slot->emplace(apply(c));
        return asVoid(**slot);
    };
    job.finish = [promise, slot](const Result<void> &outcome) {
        if (outcome && slot->has_value())
            promise->addResult(**slot);
        else
            promise->addResult(
                Result<T>(Error { outcome ? QStringLiteral("internal error") : outcome.error() }));
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
    QMetaObject::invokeMethod(m_worker, [w = m_worker, promise] {
        auto r = w->openLibrary();
        promise->addResult(r ? Result<bool>(true) : Result<bool>(Error { r.error() }));
        promise->finish();
    });
    return future;
}

QFuture<Result<CommitOutcome>> CatalogWriter::commitImage(const NewImage &image)
{
    const QString sha = image.processed.blob.sha256;
    auto before = [image, sha](WriterContext &c) -> Result<void> {
        return c.blobs.install(image.processed.tempBlobPath, sha);
    };
    auto apply = [image, sha](WriterContext &c) -> Result<CommitOutcome> {
        CommitOutcome out;
        QSqlQuery find
            = c.catalog.query(QStringLiteral("SELECT id, uuid, name FROM images WHERE sha256 = ?"));
        find.bindValue(0, sha);
        if (auto r = execQuery(find); !r)
            return Error { r.error() };
        if (find.next()) {
            out.key = find.value(0).toLongLong();
            out.id = find.value(1).toString();
            out.name = find.value(2).toString();
            out.duplicate = true;
            find.finish();
            if (auto r = insertSource(c, out.key, image.sourceUrl); !r)
                return Error { r.error() };
            if (auto r = insertTags(c, out.key, image.tags); !r)
                return Error { r.error() };
            if (auto r = finishQueueRow(c, image.queueId, IngestState::Duplicate, {}, out.id); !r)
                return Error { r.error() };
            c.changed.append(out.key);
            return out;
        }
        find.finish();

        const ProcessedImage &p = image.processed;
        out.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        out.name = image.name;
        QSqlQuery insert = c.catalog.query(QStringLiteral(
            "INSERT INTO images(uuid, name, sha256, format, width, height, original_bytes, "
            "stored_bytes, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        insert.bindValue(0, out.id);
        insert.bindValue(1, text(out.name));
        insert.bindValue(2, sha);
        insert.bindValue(3, p.format);
        insert.bindValue(4, p.width);
        insert.bindValue(5, p.height);
        insert.bindValue(6, p.blob.originalBytes);
        insert.bindValue(7, p.blob.storedBytes);
        insert.bindValue(8, nowMs());
        if (auto r = execQuery(insert); !r)
            return Error { r.error() };
        out.key = insert.lastInsertId().toLongLong();
        if (auto r = insertSource(c, out.key, image.sourceUrl); !r)
            return Error { r.error() };
        if (auto r = insertTags(c, out.key, image.tags); !r)
            return Error { r.error() };
        if (auto r = finishQueueRow(c, image.queueId, IngestState::Done, {}, out.id); !r)
            return Error { r.error() };
        c.added.append(out.key);
        if (!p.thumbnail.isEmpty())
            c.thumbnails.append({ out.key, p.thumbnail, p.thumbnailSize });
        return out;
    };
    return submit<CommitOutcome>(apply, before, { sha });
}

QFuture<Result<QList<qint64>>> CatalogWriter::enqueue(const QList<IngestRequest> &requests)
{
    return submit<QList<qint64>>([requests](WriterContext &c) -> Result<QList<qint64>> {
        QSqlQuery q = c.catalog.query(QStringLiteral(
            "INSERT INTO queue(source, name, tags, state, owner_pid, created_at, updated_at) "
            "VALUES (?, ?, ?, 0, ?, ?, ?)"));
        QList<qint64> ids;
        for (const IngestRequest &r : requests) {
            q.bindValue(0, r.source);
            q.bindValue(1, text(r.name));
            q.bindValue(2, text(r.tags.join(QLatin1Char('\n'))));
            q.bindValue(3, currentPid());
            q.bindValue(4, nowMs());
            q.bindValue(5, nowMs());
            if (auto e = execQuery(q); !e)
                return Error { e.error() };
            ids.append(q.lastInsertId().toLongLong());
        }
        return ids;
    });
}

QFuture<Result<bool>> CatalogWriter::setQueueState(
    qint64 queueId, IngestState state, const QString &error)
{
    return submit<bool>([=](WriterContext &c) -> Result<bool> {
        if (auto r = finishQueueRow(c, queueId, state, error); !r)
            return Error { r.error() };
        return true;
    });
}

QFuture<Result<bool>> CatalogWriter::deleteQueueItems(const QList<qint64> &queueIds)
{
    return submit<bool>([queueIds](WriterContext &c) -> Result<bool> {
        QSqlQuery q = c.catalog.query(QStringLiteral("DELETE FROM queue WHERE id = ?"));
        for (qint64 id : queueIds) {
            q.bindValue(0, id);
            if (auto r = execQuery(q); !r)
                return Error { r.error() };
        }
        return true;
    });
}

QFuture<Result<int>> CatalogWriter::releaseQueueItems(const QList<qint64> &queueIds)
{
    return submit<int>([queueIds](WriterContext &c) -> Result<int> {
        QSqlQuery release = c.catalog.query(QStringLiteral(
            "UPDATE queue SET owner_pid = 0 WHERE id = ? AND state < 3 AND owner_pid = ?"));
        int released = 0;
        for (qint64 id : queueIds) {
            release.bindValue(0, id);
            release.bindValue(1, currentPid());
            if (auto r = execQuery(release); !r)
                return Error { r.error() };
            released += release.numRowsAffected();
        }
        return released;
    });
}

QFuture<Result<QList<QueueRow>>> CatalogWriter::claimOrphanedQueueItems()
{
    return submit<QList<QueueRow>>([](WriterContext &c) -> Result<QList<QueueRow>> {
        QSqlQuery owners = c.catalog.query(
            QStringLiteral("SELECT DISTINCT owner_pid FROM queue WHERE state < 3"));
        if (auto r = execQuery(owners); !r)
            return Error { r.error() };
        QList<qint64> dead;
        while (owners.next()) {
            const qint64 pid = owners.value(0).toLongLong();
            if (!isProcessAlive(pid))
                dead.append(pid);
        }
        owners.finish();
        QList<QueueRow> rows;
        QSqlQuery select
            = c.catalog.query(QStringLiteral("SELECT id, source, name, tags FROM queue WHERE state "
                                             "< 3 AND owner_pid = ? ORDER BY id"));
        QSqlQuery claim = c.catalog.query(QStringLiteral(
            "UPDATE queue SET owner_pid = ?, state = 0 WHERE state < 3 AND owner_pid = ?"));
        for (qint64 pid : dead) {
            select.bindValue(0, pid);
            if (auto r = execQuery(select); !r)
                return Error { r.error() };
            while (select.next()) {
                QueueRow row;
                row.id = select.value(0).toLongLong();
                row.request.source = select.value(1).toString();
                row.request.name = select.value(2).toString();
                row.request.tags
                    = select.value(3).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                rows.append(row);
            }
            select.finish();
            claim.bindValue(0, currentPid());
            claim.bindValue(1, pid);
            if (auto r = execQuery(claim); !r)
                return Error { r.error() };
        }
        return rows;
    });
}

QFuture<Result<int>> CatalogWriter::editTags(
    const QList<qint64> &keys, const QStringList &add, const QStringList &remove)
{
    const QStringList toAdd = normalizeTags(add);
    const QStringList toRemove = normalizeTags(remove);
    return submit<int>([=](WriterContext &c) -> Result<int> {
        QSqlQuery drop
            = c.catalog.query(QStringLiteral("DELETE FROM tags WHERE image_id = ? AND tag = ?"));
        int changed = 0;
        for (qint64 key : keys) {
            if (auto r = insertTags(c, key, toAdd); !r)
                return Error { r.error() };
            for (const QString &tag : toRemove) {
                drop.bindValue(0, key);
                drop.bindValue(1, tag);
                if (auto r = execQuery(drop); !r)
                    return Error { r.error() };
            }
            ++changed;
            c.changed.append(key);
        }
        return changed;
    });
}

QFuture<Result<bool>> CatalogWriter::rename(const QList<qint64> &keys, const QString &name)
{
    const QString clean = normalizeName(name);
    return submit<bool>([=](WriterContext &c) -> Result<bool> {
        if (clean.isEmpty())
            return Error { tr("a name cannot be empty") };
        QSqlQuery q = c.catalog.query(QStringLiteral("UPDATE images SET name = ? WHERE id = ?"));
        for (qint64 key : keys) {
            q.bindValue(0, clean);
            q.bindValue(1, key);
            if (auto r = execQuery(q); !r)
                return Error { r.error() };
            c.changed.append(key);
        }
        return true;
    });
}

QFuture<Result<int>> CatalogWriter::remove(const QList<qint64> &keys)
{
    return submit<int>([keys](WriterContext &c) -> Result<int> {
        QSqlQuery find = c.catalog.query(QStringLiteral("SELECT sha256 FROM images WHERE id = ?"));
        QSqlQuery journal = c.catalog.query(QStringLiteral(
            "INSERT OR REPLACE INTO blob_journal(sha256, op, owner_pid) VALUES (?, 2, ?)"));
        QSqlQuery drop = c.catalog.query(QStringLiteral("DELETE FROM images WHERE id = ?"));
        QStringList shas;
        QList<qint64> gone;
        for (qint64 key : keys) {
            find.bindValue(0, key);
            if (auto r = execQuery(find); !r)
                return Error { r.error() };
            if (!find.next())
                continue;
            const QString sha = find.value(0).toString();
            find.finish();
            journal.bindValue(0, sha);
            journal.bindValue(1, currentPid());
            drop.bindValue(0, key);
            if (auto r = execQuery(journal); !r)
                return Error { r.error() };
            if (auto r = execQuery(drop); !r)
                return Error { r.error() };
            shas.append(sha);
            gone.append(key);
        }
        c.unlinkAfterCommit += shas;
        c.dropThumbnails += gone;
        c.removed += gone;
        return int(gone.size());
    });
}

QFuture<Result<bool>> CatalogWriter::quarantine(const QList<QPair<qint64, QString>> &keysAndShas)
{
    auto before = [keysAndShas](WriterContext &c) -> Result<void> {
        const QString aside = c.paths.root() + QStringLiteral("/damaged");
        QDir().mkpath(aside);
        const QString stamp
            = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss"));
        for (const auto &[key, sha] : keysAndShas) {
            const QString blob = c.blobs.pathFor(sha);
            if (QFile::exists(blob)
                && !QFile::rename(blob, QStringLiteral("%1/%2-%3.gz").arg(aside, sha, stamp)))
                return Error { tr("cannot move %1 aside").arg(blob) };
        }
        return {};
    };
    auto apply = [keysAndShas](WriterContext &c) -> Result<bool> {
        QSqlQuery q = c.catalog.query(QStringLiteral("UPDATE images SET damaged = 1 WHERE id = ?"));
        for (const auto &[key, sha] : keysAndShas) {
            q.bindValue(0, key);
            if (auto r = execQuery(q); !r)
                return Error { r.error() };
            c.changed.append(key);
        }
        return true;
    };
    return submit<bool>(apply, before);
}

QFuture<Result<bool>> CatalogWriter::restoreBlob(
    qint64 key, const CompressedBlob &blob, const QString &tempBlob)
{
    auto before
        = [blob, tempBlob](WriterContext &c) { return c.blobs.install(tempBlob, blob.sha256); };
    auto apply = [key, blob](WriterContext &c) -> Result<bool> {
        QSqlQuery q = c.catalog.query(QStringLiteral(
            "UPDATE images SET damaged = 0, stored_bytes = ? WHERE id = ? AND sha256 = ?"));
        q.bindValue(0, blob.storedBytes);
        q.bindValue(1, key);
        q.bindValue(2, blob.sha256);
        if (auto r = execQuery(q); !r)
            return Error { r.error() };
        if (q.numRowsAffected() != 1)
            return Error { tr("no image %1 with that SHA-256").arg(key) };
        c.changed.append(key);
        return true;
    };
    return submit<bool>(apply, before, { blob.sha256 });
}

QFuture<Result<bool>> CatalogWriter::putThumbnail(qint64 key, const QByteArray &data, QSize size)
{
    return submit<bool>([=](WriterContext &c) -> Result<bool> {
        c.thumbnails.append({ key, data, size });
        return true;
    });
}

} // namespace trove
