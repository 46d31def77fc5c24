// SPDX-License-Identifier: MIT
#include "catalog/private/queuestatements.h"

#include "base/platform.h"
#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/statementhelpers.h"

#include <algorithm>

namespace trove::statements {

namespace {

// Unfinished rows are those below the first finished state.
constexpr int kFirstFinished = int(IngestState::Done);

// One row of a SELECT of id, source, name, tags, force_add, annotation and
// referer.
QueueRow queueRowFrom(const QSqlQuery &q)
{
    QueueRow row;
    row.id = q.value(QStringLiteral("id")).toLongLong();
    row.request.source = q.value(QStringLiteral("source")).toString();
    row.request.name = q.value(QStringLiteral("name")).toString();
    row.request.tags
        = q.value(QStringLiteral("tags")).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    row.request.force = q.value(QStringLiteral("force_add")).toInt() != 0;
    row.request.annotation = q.value(QStringLiteral("annotation")).toString();
    row.request.headers.referer = q.value(QStringLiteral("referer")).toString();
    return row;
}

} // namespace

Result<QList<qint64>> enqueue(
    WriterContext &c, const QList<IngestRequest> &requests, const QList<qint64> &walksEnded)
{
    QSqlQuery q = c.catalog.query(
        QStringLiteral("INSERT INTO queue(source, name, tags, state, owner_pid, created_at, "
                       "updated_at, force_add, annotation, referer) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QList<qint64> ids;
    for (const IngestRequest &r : requests) {
        q.bindValue(0, r.source);
        q.bindValue(1, text(r.name));
        q.bindValue(2, text(r.tags.join(QLatin1Char('\n'))));
        q.bindValue(3, int(IngestState::Queued));
        q.bindValue(4, currentPid());
        q.bindValue(5, nowMs());
        q.bindValue(6, nowMs());
        q.bindValue(7, r.force ? 1 : 0);
        q.bindValue(8, nullIfEmpty(r.annotation));
        // Of the headers only the Referer, as it is sent and kept as the
        // page the image is found on (no user name or password): a cookie
        // or a user agent is never written.
        q.bindValue(9, nullIfEmpty(r.headers.page()));
        if (auto e = execQuery(q); !e)
            return e.failure();
        ids.append(q.lastInsertId().toLongLong());
    }
    // The walk's last files and its end commit together: a crash between
    // them would lose the files, or walk the folder again for nothing.
    if (auto r = endFolderWalks(c, walksEnded); !r)
        return r.failure();
    return ids;
}

Result<void> finishQueueRow(WriterContext &c, qint64 queueId, IngestState state,
    const QString &error, const QString &imageId)
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

Result<void> finishQueueRows(
    WriterContext &c, const QList<qint64> &queueIds, IngestState state, const QString &error)
{
    if (queueIds.isEmpty())
        return {};
    QSqlQuery q
        = c.catalog.query(QStringLiteral("UPDATE queue SET state = ?, error = ?, updated_at = ? "
                                         "WHERE id IN (SELECT value FROM json_each(?))"));
    q.bindValue(0, int(state));
    q.bindValue(1, text(error));
    q.bindValue(2, nowMs());
    q.bindValue(3, jsonKeys(queueIds));
    return execQuery(q);
}

// One statement for the batch: `trove add` of 100,000 links spent 395 s
// deleting its rows one statement at a time.
Result<bool> deleteQueueRows(WriterContext &c, const QList<qint64> &queueIds)
{
    if (queueIds.isEmpty())
        return true;
    QSqlQuery q = c.catalog.query(
        QStringLiteral("DELETE FROM queue WHERE id IN (SELECT value FROM json_each(?))"));
    q.bindValue(0, jsonKeys(queueIds));
    if (auto r = execQuery(q); !r)
        return r.failure();
    return true;
}

Result<int> releaseQueueRows(WriterContext &c, const QList<qint64> &queueIds)
{
    if (queueIds.isEmpty())
        return 0;
    QSqlQuery release = c.catalog.query(QStringLiteral(
        "UPDATE queue SET owner_pid = 0 WHERE id IN (SELECT value FROM json_each(?)) "
        "AND state < ? AND owner_pid = ?"));
    release.bindValue(0, jsonKeys(queueIds));
    release.bindValue(1, kFirstFinished);
    release.bindValue(2, currentPid());
    if (auto r = execQuery(release); !r)
        return r.failure();
    return release.numRowsAffected();
}

Result<QList<QueueRow>> claimOrphanedQueueRows(WriterContext &c)
{
    QSqlQuery owners
        = c.catalog.query(QStringLiteral("SELECT DISTINCT owner_pid FROM queue WHERE state < ?"));
    owners.bindValue(0, kFirstFinished);
    if (auto r = execQuery(owners); !r)
        return r.failure();
    QList<qint64> dead;
    while (owners.next()) {
        const qint64 pid = owners.value(QStringLiteral("owner_pid")).toLongLong();
        if (!isProcessAlive(pid))
            dead.append(pid);
    }
    owners.finish();
    QList<QueueRow> rows;
    QSqlQuery select
        = c.catalog.query(QStringLiteral("SELECT id, source, name, tags, force_add, annotation, "
                                         "referer FROM queue "
                                         "WHERE state < ? AND owner_pid = ? ORDER BY id"));
    QSqlQuery claim = c.catalog.query(QStringLiteral(
        "UPDATE queue SET owner_pid = ?, state = ? WHERE state < ? AND owner_pid = ?"));
    for (qint64 pid : dead) {
        select.bindValue(0, kFirstFinished);
        select.bindValue(1, pid);
        if (auto r = execQuery(select); !r)
            return r.failure();
        while (select.next()) {
            rows.append(queueRowFrom(select));
        }
        select.finish();
        claim.bindValue(0, currentPid());
        claim.bindValue(1, int(IngestState::Queued));
        claim.bindValue(2, kFirstFinished);
        claim.bindValue(3, pid);
        if (auto r = execQuery(claim); !r)
            return r.failure();
    }
    return rows;
}

Result<QList<QueueRow>> claimQueueHistory(WriterContext &c, int limit)
{
    QSqlQuery owners = c.catalog.query(
        QStringLiteral("SELECT DISTINCT owner_pid FROM queue WHERE state IN (?, ?)"));
    owners.bindValue(0, int(IngestState::Failed));
    owners.bindValue(1, int(IngestState::Cancelled));
    if (auto r = execQuery(owners); !r)
        return r.failure();
    QList<qint64> gone;
    while (owners.next()) {
        const qint64 pid = owners.value(QStringLiteral("owner_pid")).toLongLong();
        if (pid != currentPid() && !isProcessAlive(pid))
            gone.append(pid);
    }
    owners.finish();
    QList<QueueRow> rows;
    QSqlQuery select = c.catalog.query(
        QStringLiteral("SELECT id, source, name, tags, force_add, annotation, referer, state, "
                       "error FROM queue "
                       "WHERE state IN (?, ?) AND owner_pid = ? ORDER BY id DESC LIMIT ?"));
    QSqlQuery claim
        = c.catalog.query(QStringLiteral("UPDATE queue SET owner_pid = ? WHERE id = ?"));
    for (qint64 pid : std::as_const(gone)) {
        if (rows.size() >= limit)
            break;
        select.bindValue(0, int(IngestState::Failed));
        select.bindValue(1, int(IngestState::Cancelled));
        select.bindValue(2, pid);
        select.bindValue(3, limit - int(rows.size()));
        if (auto r = execQuery(select); !r)
            return r.failure();
        while (select.next()) {
            QueueRow row = queueRowFrom(select);
            row.state = IngestState(select.value(QStringLiteral("state")).toInt());
            row.error = select.value(QStringLiteral("error")).toString();
            rows.append(row);
        }
        select.finish();
    }
    for (const QueueRow &row : std::as_const(rows)) {
        claim.bindValue(0, currentPid());
        claim.bindValue(1, row.id);
        if (auto r = execQuery(claim); !r)
            return r.failure();
    }
    // Oldest first, as they were queued.
    std::reverse(rows.begin(), rows.end());
    return rows;
}

Result<void> beginFolderWalk(WriterContext &c, qint64 walkId, const IngestRequest &folder)
{
    QSqlQuery q = c.catalog.query(
        QStringLiteral("INSERT INTO folder_walks(id, root, name, tags, force_add, annotation, "
                       "referer, owner_pid, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bindValue(0, walkId);
    q.bindValue(1, folder.source);
    q.bindValue(2, text(folder.name));
    q.bindValue(3, text(folder.tags.join(QLatin1Char('\n'))));
    q.bindValue(4, folder.force ? 1 : 0);
    q.bindValue(5, nullIfEmpty(folder.annotation));
    q.bindValue(6, nullIfEmpty(folder.headers.page()));
    q.bindValue(7, currentPid());
    q.bindValue(8, nowMs());
    return execQuery(q);
}

Result<void> endFolderWalks(WriterContext &c, const QList<qint64> &walkIds)
{
    if (walkIds.isEmpty())
        return {};
    QSqlQuery q = c.catalog.query(
        QStringLiteral("DELETE FROM folder_walks WHERE id IN (SELECT value FROM json_each(?))"));
    q.bindValue(0, jsonKeys(walkIds));
    return execQuery(q);
}

Result<QList<FolderWalkRow>> claimOrphanedFolderWalks(WriterContext &c)
{
    QSqlQuery select = c.catalog.query(
        QStringLiteral("SELECT id, root, name, tags, force_add, annotation, referer, owner_pid "
                       "FROM folder_walks ORDER BY created_at, id"));
    if (auto r = execQuery(select); !r)
        return r.failure();
    QList<FolderWalkRow> walks;
    while (select.next()) {
        const qint64 pid = select.value(QStringLiteral("owner_pid")).toLongLong();
        if (pid != 0 && (pid == currentPid() || isProcessAlive(pid)))
            continue; // still being walked
        FolderWalkRow walk;
        walk.id = select.value(QStringLiteral("id")).toLongLong();
        walk.request.source = select.value(QStringLiteral("root")).toString();
        walk.request.name = select.value(QStringLiteral("name")).toString();
        walk.request.tags = select.value(QStringLiteral("tags"))
                                .toString()
                                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        walk.request.force = select.value(QStringLiteral("force_add")).toInt() != 0;
        walk.request.annotation = select.value(QStringLiteral("annotation")).toString();
        walk.request.headers.referer = select.value(QStringLiteral("referer")).toString();
        walks.append(walk);
    }
    select.finish();
    QSqlQuery claim
        = c.catalog.query(QStringLiteral("UPDATE folder_walks SET owner_pid = ? WHERE id = ?"));
    // Files of the folder that are queued and not finished (this process
    // has just taken over those of the dead one): not queued again.
    QSqlQuery queued = c.catalog.query(QStringLiteral(
        "SELECT source FROM queue WHERE state < ? AND substr(source, 1, length(?)) = ?"));
    for (FolderWalkRow &walk : walks) {
        claim.bindValue(0, currentPid());
        claim.bindValue(1, walk.id);
        if (auto r = execQuery(claim); !r)
            return r.failure();
        QString prefix = walk.request.source;
        if (!prefix.endsWith(QLatin1Char('/')))
            prefix += QLatin1Char('/');
        queued.bindValue(0, kFirstFinished);
        queued.bindValue(1, prefix);
        queued.bindValue(2, prefix);
        if (auto r = execQuery(queued); !r)
            return r.failure();
        while (queued.next())
            walk.queued.insert(queued.value(QStringLiteral("source")).toString());
        queued.finish();
    }
    return walks;
}

Result<void> releaseFolderWalks(WriterContext &c, const QList<qint64> &walkIds)
{
    if (walkIds.isEmpty())
        return {};
    QSqlQuery q = c.catalog.query(QStringLiteral("UPDATE folder_walks SET owner_pid = 0 "
                                                 "WHERE id IN (SELECT value FROM json_each(?)) "
                                                 "AND owner_pid = ?"));
    q.bindValue(0, jsonKeys(walkIds));
    q.bindValue(1, currentPid());
    return execQuery(q);
}

} // namespace trove::statements
