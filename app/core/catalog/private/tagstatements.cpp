// SPDX-License-Identifier: MIT
#include "catalog/private/tagstatements.h"

#include "catalog/catalogwriter.h"
#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/statementhelpers.h"
#include "catalog/searchsql.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

namespace trove::tagstatements {

namespace {

// Free functions: their strings are the writer's (one context for lupdate).
struct WriterText {
    Q_DECLARE_TR_FUNCTIONS(trove::CatalogWriter)
};

// What SQLite's NOCASE compares: only ASCII letters fold.
QString asciiFolded(const QString &text)
{
    QString out = text;
    for (QChar &ch : out)
        if (ch.unicode() < 128)
            ch = ch.toLower();
    return out;
}

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

} // namespace

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
        // The tags column compares without case: one group per tag, read
        // along tags_by_tag without touching a row.
        report.scanned = -1;
        sql = QStringLiteral("SELECT tag, count(*) AS n FROM tags GROUP BY tag "
                             "ORDER BY n DESC, tag LIMIT ?");
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
        sql = QStringLiteral("SELECT t.tag AS tag, count(*) AS n FROM (SELECT i.id AS id "
                             "FROM images i ")
            + where
            + QStringLiteral(" LIMIT ?) m JOIN tags t ON t.image_id = m.id "
                             "GROUP BY t.tag ORDER BY n DESC, t.tag LIMIT ?");
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
    TagRename out { from, to, {}, {} };
    if (from == to)
        return out;
    auto keys
        = keysOf(c.catalog, QStringLiteral("SELECT image_id FROM tags WHERE tag = ?"), { from });
    if (!keys)
        return keys.failure();
    out.keys = *keys;
    if (asciiFolded(from) == asciiFolded(to)) {
        // The same tag to the catalog: only its spelling changes.
        if (auto r
            = run(c.catalog, QStringLiteral("UPDATE tags SET tag = ? WHERE tag = ?"), { to, from });
            !r)
            return r.failure();
        out.gained = out.keys;
    } else {
        auto had = keysOf(c.catalog,
            QStringLiteral("SELECT image_id FROM tags WHERE tag = ? AND image_id IN "
                           "(SELECT image_id FROM tags WHERE tag = ?)"),
            { to, from });
        if (!had)
            return had.failure();
        const QSet<qint64> both(had->cbegin(), had->cend());
        for (qint64 key : std::as_const(out.keys))
            if (!both.contains(key))
                out.gained.append(key);
        if (auto r = run(c.catalog,
                QStringLiteral("INSERT OR IGNORE INTO tags(image_id, tag) "
                               "SELECT image_id, ? FROM tags WHERE tag = ?"),
                { to, from });
            !r)
            return r.failure();
        if (auto r = run(c.catalog, QStringLiteral("DELETE FROM tags WHERE tag = ?"), { from }); !r)
            return r.failure();
    }
    c.changed += out.keys;
    return out;
}

Result<int> revertTagRename(WriterContext &c, const TagRename &renamed)
{
    const QString keys = statements::jsonKeys(renamed.keys);
    if (asciiFolded(renamed.from) == asciiFolded(renamed.to)) {
        auto r = run(c.catalog,
            QStringLiteral("UPDATE tags SET tag = ? WHERE tag = ? AND image_id IN "
                           "(SELECT value FROM json_each(?))"),
            { renamed.from, renamed.to, keys });
        if (!r)
            return r.failure();
    } else {
        if (auto r = run(c.catalog,
                QStringLiteral("INSERT OR IGNORE INTO tags(image_id, tag) "
                               "SELECT j.value, ? FROM json_each(?) j "
                               "JOIN images i ON i.id = j.value"),
                { renamed.from, keys });
            !r)
            return r.failure();
        if (auto r = run(c.catalog,
                QStringLiteral("DELETE FROM tags WHERE tag = ? AND image_id IN "
                               "(SELECT value FROM json_each(?))"),
                { renamed.to, statements::jsonKeys(renamed.gained) });
            !r)
            return r.failure();
    }
    c.changed += renamed.keys;
    return int(renamed.keys.size());
}

} // namespace trove::tagstatements
