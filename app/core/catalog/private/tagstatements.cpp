// SPDX-License-Identifier: MIT
#include "catalog/private/tagstatements.h"

#include "base/tagkey.h"
#include "catalog/catalogwriter.h"
#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/statementhelpers.h"
#include "catalog/searchsql.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <algorithm>

namespace trove::tagstatements {

namespace {

// Free functions: their strings are the writer's (one context for lupdate).
struct WriterText {
    Q_DECLARE_TR_FUNCTIONS(trove::CatalogWriter)
};

Result<QSqlQuery> run(Connection &c, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q = c.query(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (auto r = execQuery(q); !r)
        return r.failure();
    return q;
}

Result<QList<qint64>> keysOf(Connection &c, const QString &sql, const QVariantList &binds)
{
    auto q = run(c, sql, binds);
    if (!q)
        return q.failure();
    QList<qint64> out;
    while (q->next())
        out.append(q->value(0).toLongLong());
    return out;
}

// Tags as the tags table keeps them: no empty one, and one spelling of
// each key (the first wins).
QStringList withoutDuplicates(const QStringList &tags)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        const QString folded = tagKey(tag);
        if (tag.isEmpty() || seen.contains(folded))
            continue;
        seen.insert(folded);
        out.append(tag);
    }
    return out;
}

bool holds(const QStringList &tags, const QString &tag)
{
    const QString folded = tagKey(tag);
    return std::any_of(
        tags.cbegin(), tags.cend(), [&](const QString &t) { return tagKey(t) == folded; });
}

// What the tags table does to one image: `to` in place of `from`, or, when
// the image has `to` already (in whatever spelling), just `from` gone.
QStringList replaced(QStringList tags, const QString &from, const QString &to)
{
    const QString folded = tagKey(from);
    const bool merge = folded != tagKey(to) && holds(tags, to);
    if (merge)
        tags.removeIf([&](const QString &t) { return tagKey(t) == folded; });
    else
        for (QString &tag : tags)
            if (tagKey(tag) == folded)
                tag = to;
    return withoutDuplicates(tags);
}

struct TrashTags {
    qint64 key = 0;
    QStringList tags;
};

// A trashed image keeps its tags as one JSON array in its trash row
// (schema step 6); restoring it puts back exactly those.
Result<QList<TrashTags>> trashTags(Connection &c, const QString &where, const QVariantList &binds)
{
    auto q = run(c, QStringLiteral("SELECT id, tags FROM trash WHERE ") + where, binds);
    if (!q)
        return q.failure();
    QList<TrashTags> out;
    while (q->next()) {
        QStringList tags;
        const QJsonArray array
            = QJsonDocument::fromJson(q->value(QStringLiteral("tags")).toString().toUtf8()).array();
        for (const QJsonValue &v : array)
            tags.append(v.toString());
        out.append({ q->value(QStringLiteral("id")).toLongLong(), tags });
    }
    return out;
}

// One statement for all the rows, however many: a statement per row under
// the job's savepoint costs time that grows with the square of the batch.
Result<void> writeTrashTags(Connection &c, const QList<TrashTags> &rows)
{
    if (rows.isEmpty())
        return {};
    QJsonArray pairs;
    for (const TrashTags &row : rows)
        pairs.append(QJsonArray { row.key, QJsonArray::fromStringList(row.tags) });
    auto r = run(c,
        QStringLiteral("UPDATE trash SET tags = json_extract(m.value, '$[1]') "
                       "FROM json_each(?) m WHERE trash.id = json_extract(m.value, '$[0]')"),
        { QString::fromUtf8(QJsonDocument(pairs).toJson(QJsonDocument::Compact)) });
    if (!r)
        return r.failure();
    return {};
}

// The trash's half of a rename: the same tag, the same merge, so that
// restoring an image later does not bring the old tag back.
Result<void> renameInTrash(WriterContext &c, TagRename &out)
{
    // Each trash row's tags are keyed as they are read (a trashed image's
    // tags are JSON text, with no key of their own).
    auto rows = trashTags(c.catalog,
        QStringLiteral("EXISTS (SELECT 1 FROM json_each(trash.tags) j "
                       "WHERE trove_tag_key(j.value) = ?)"),
        { tagKey(out.from) });
    if (!rows)
        return rows.failure();
    const bool respell = sameTag(out.from, out.to);
    for (TrashTags &row : *rows) {
        out.trashed.append(row.key);
        if (respell || !holds(row.tags, out.to))
            out.trashedGained.append(row.key);
        row.tags = replaced(row.tags, out.from, out.to);
    }
    return writeTrashTags(c.catalog, *rows);
}

Result<void> revertInTrash(WriterContext &c, const TagRename &renamed)
{
    // Wherever the images are by now: one renamed in the library may have
    // been trashed since, one renamed in the trash restored.
    auto rows = trashTags(c.catalog, QStringLiteral("id IN (SELECT value FROM json_each(?))"),
        { statements::jsonKeys(renamed.keys + renamed.trashed) });
    if (!rows)
        return rows.failure();
    const QList<qint64> gainedList = renamed.gained + renamed.trashedGained;
    const QSet<qint64> gained(gainedList.cbegin(), gainedList.cend());
    for (TrashTags &row : *rows) {
        // The tag goes back where it was; `to` stays where it was before.
        if (gained.contains(row.key))
            row.tags = replaced(row.tags, renamed.to, renamed.from);
        row.tags = withoutDuplicates(row.tags << renamed.from);
    }
    return writeTrashTags(c.catalog, *rows);
}

// Every image tagged @p key (only those in the JSON array @p among, when
// given) spelled @p spelling. Each row is put in anew (REPLACE deletes the
// old one without its triggers), so that the insert triggers write the
// image's search text and a change for the feed, which an UPDATE of the
// spelling would not: another window would go on showing the old one.
Result<void> respell(
    WriterContext &c, const QString &spelling, const QString &key, const QString &among)
{
    QString sql = QStringLiteral("INSERT OR REPLACE INTO tags(image_id, tag, tag_key) "
                                 "SELECT image_id, ?, tag_key FROM tags WHERE tag_key = ? "
                                 "AND tag != ?");
    QVariantList binds { spelling, key, spelling };
    if (!among.isEmpty()) {
        sql += QStringLiteral(" AND image_id IN (SELECT value FROM json_each(?))");
        binds << among;
    }
    if (auto r = run(c.catalog, sql, binds); !r)
        return r.failure();
    return {};
}

} // namespace

QString countsOfMatchesSql(const QString &where)
{
    // The matches drive the join (CROSS JOIN: SQLite keeps the order
    // written), each looking its tags up by the primary key: told by
    // statistics (ANALYZE) that the tags are few beside the images, the
    // planner would otherwise read every tag of the library and look each
    // up among the matches, through an index it builds for the query.
    return QStringLiteral("SELECT min(t.tag) AS tag, count(*) AS n FROM (SELECT i.id AS id "
                          "FROM images i ")
        + where
        + QStringLiteral(" LIMIT ?) m CROSS JOIN tags t ON t.image_id = m.id "
                         "GROUP BY t.tag_key ORDER BY n DESC, t.tag_key LIMIT ?");
}

Result<TagCountsReport> tagCounts(
    Connection &c, const ImageQuery &query, int limit, qint64 scanLimit)
{
    if (const auto error = querysql::searchError(query))
        return fail(error->message);
    QVariantList binds;
    // A tag or a text collects its matches from its index; column terms
    // alone (format:, width:) match most images, found soonest by walking
    // the rows and stopping at the bound.
    const querysql::Driver driver
        = querysql::defaultDriver(querysql::conjunctsOf(querysql::searchRoot(query)));
    const QString where = querysql::whereFor(query, binds,
        driver.kind == querysql::Driver::Kind::Term ? querysql::Drive::Matches
                                                    : querysql::Drive::Order);
    TagCountsReport report;
    QString sql;
    QVariantList all;
    if (where.isEmpty()) {
        // One group per tag key, whatever its spellings (the first of them
        // in code point order is shown; ties in the count go by key, so
        // without case), read along tags_by_key, which holds the
        // spellings, without touching a row.
        report.scanned = -1;
        sql = QStringLiteral("SELECT min(tag) AS tag, count(*) AS n FROM tags GROUP BY tag_key "
                             "ORDER BY n DESC, tag_key LIMIT ?");
        all = { limit < 0 ? -1 : limit };
    } else {
        // A bound on the matches looked at keeps a query that matches most
        // of a million images from costing seconds: past it the counts are
        // of the first scanLimit matches, and say so.
        const qint64 cap = scanLimit < 0 ? -1 : scanLimit;
        auto n = run(c,
            QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM images i ") + where
                + QStringLiteral(" LIMIT ?)"),
            QVariantList(binds) << (cap < 0 ? -1 : cap + 1));
        if (!n)
            return n.failure();
        const qint64 matches = n->next() ? n->value(0).toLongLong() : 0;
        report.partial = cap >= 0 && matches > cap;
        report.scanned = report.partial ? cap : matches;
        sql = countsOfMatchesSql(where);
        all = binds;
        all << cap << (limit < 0 ? -1 : limit);
    }
    auto q = run(c, sql, all);
    if (!q)
        return q.failure();
    while (q->next())
        report.tags.append({ q->value(QStringLiteral("tag")).toString(),
            q->value(QStringLiteral("n")).toLongLong() });
    return report;
}

Result<TagRename> renameTag(WriterContext &c, const QString &from, const QString &to)
{
    if (from.isEmpty() || to.isEmpty())
        return Error { WriterText::tr("a tag cannot be empty") };
    TagRename out { from, to, {}, {}, {}, {} };
    if (from == to)
        return out;
    // Every spelling of `from` is renamed (tagKey(): "über" names "Über").
    const QString fromKey = tagKey(from);
    const QString toKey = tagKey(to);
    auto keys = keysOf(
        c.catalog, QStringLiteral("SELECT image_id FROM tags WHERE tag_key = ?"), { fromKey });
    if (!keys)
        return keys.failure();
    out.keys = *keys;
    if (fromKey == toKey) {
        // The same tag: only its spelling changes. Put in anew (REPLACE),
        // so that the insert triggers write each image's search text and
        // its change, as any other rename does.
        if (auto r = respell(c, to, toKey, QString()); !r)
            return r.failure();
        out.gained = out.keys;
    } else {
        auto had = keysOf(c.catalog,
            QStringLiteral("SELECT image_id FROM tags WHERE tag_key = ? AND image_id IN "
                           "(SELECT image_id FROM tags WHERE tag_key = ?)"),
            { toKey, fromKey });
        if (!had)
            return had.failure();
        const QSet<qint64> both(had->cbegin(), had->cend());
        for (qint64 key : std::as_const(out.keys))
            if (!both.contains(key))
                out.gained.append(key);
        if (auto r = run(c.catalog,
                QStringLiteral("INSERT OR IGNORE INTO tags(image_id, tag, tag_key) "
                               "SELECT image_id, ?, ? FROM tags WHERE tag_key = ?"),
                { to, toKey, fromKey });
            !r)
            return r.failure();
        if (auto r
            = run(c.catalog, QStringLiteral("DELETE FROM tags WHERE tag_key = ?"), { fromKey });
            !r)
            return r.failure();
    }
    if (auto r = renameInTrash(c, out); !r)
        return r.failure();
    c.changed += out.keys;
    return out;
}

Result<int> revertTagRename(WriterContext &c, const TagRename &renamed)
{
    const QString keys = statements::jsonKeys(renamed.keys + renamed.trashed);
    const QString fromKey = tagKey(renamed.from);
    const QString toKey = tagKey(renamed.to);
    if (fromKey == toKey) {
        if (auto r = respell(c, renamed.from, fromKey, keys); !r)
            return r.failure();
    } else {
        if (auto r = run(c.catalog,
                QStringLiteral("INSERT OR IGNORE INTO tags(image_id, tag, tag_key) "
                               "SELECT j.value, ?, ? FROM json_each(?) j "
                               "JOIN images i ON i.id = j.value ORDER BY i.id"),
                { renamed.from, fromKey, keys });
            !r)
            return r.failure();
        if (auto r = run(c.catalog,
                QStringLiteral("DELETE FROM tags WHERE tag_key = ? AND image_id IN "
                               "(SELECT value FROM json_each(?))"),
                { toKey, statements::jsonKeys(renamed.gained + renamed.trashedGained) });
            !r)
            return r.failure();
    }
    if (auto r = revertInTrash(c, renamed); !r)
        return r.failure();
    c.changed += renamed.keys;
    return int(renamed.keys.size() + renamed.trashed.size());
}

} // namespace trove::tagstatements
