// SPDX-License-Identifier: MIT
#include "catalog/collections.h"

#include "storage/database.h"

#include <QSqlQuery>

namespace trove {

namespace {

constexpr int kMaxNameLength = 200;

// Counts only images in the gallery: a trashed member waits for its
// restore and is not shown.
const char *const kSelect
    = "SELECT c.id, c.name, c.query, c.created_at, CASE WHEN c.query IS NULL THEN "
      "(SELECT count(*) FROM collection_items ci JOIN images i ON i.id = ci.image_id "
      "WHERE ci.collection_id = c.id) ELSE -1 END AS n FROM collections c ";

CollectionInfo read(const QSqlQuery &q)
{
    CollectionInfo c;
    c.id = q.value(QStringLiteral("id")).toLongLong();
    c.name = q.value(QStringLiteral("name")).toString();
    const QVariant query = q.value(QStringLiteral("query"));
    c.query = query.isNull() ? QString() : query.toString();
    if (!query.isNull() && c.query.isNull())
        c.query = QStringLiteral(""); // an empty saved search: still smart
    c.count = q.value(QStringLiteral("n")).toLongLong();
    c.createdAt = QDateTime::fromMSecsSinceEpoch(
        q.value(QStringLiteral("created_at")).toLongLong(), Qt::UTC);
    return c;
}

} // namespace

Result<QList<CollectionInfo>> Collections::list(Connection &catalog)
{
    QSqlQuery q = catalog.query(
        QLatin1String(kSelect) + QStringLiteral("ORDER BY c.name COLLATE NOCASE, c.id"));
    if (auto r = execQuery(q); !r)
        return r.failure();
    QList<CollectionInfo> out;
    while (q.next())
        out.append(read(q));
    return out;
}

Result<std::optional<CollectionInfo>> Collections::find(Connection &catalog, const QString &name)
{
    QSqlQuery q = catalog.query(QLatin1String(kSelect) + QStringLiteral("WHERE c.name = ?"));
    q.bindValue(0, name.simplified()); // as the writer stores and finds names
    if (auto r = execQuery(q); !r)
        return r.failure();
    if (!q.next())
        return std::optional<CollectionInfo>();
    return std::optional<CollectionInfo>(read(q));
}

Result<QList<qint64>> Collections::members(Connection &catalog, qint64 collectionId)
{
    QSqlQuery q = catalog.query(
        QStringLiteral("SELECT ci.image_id FROM collection_items ci JOIN images i ON i.id = "
                       "ci.image_id WHERE ci.collection_id = ? ORDER BY ci.position, ci.image_id"));
    q.bindValue(0, collectionId);
    if (auto r = execQuery(q); !r)
        return r.failure();
    QList<qint64> keys;
    while (q.next())
        keys.append(q.value(QStringLiteral("image_id")).toLongLong());
    return keys;
}

Result<QString> Collections::cleanName(const QString &name)
{
    const QString clean = name.simplified();
    if (clean.isEmpty())
        return fail(tr("a collection needs a name"));
    // It is typed in quotes after in:; a name that never needs \" there
    // stays easy to type.
    if (clean.contains(QLatin1Char('"')))
        return fail(tr("a collection name cannot contain \""));
    if (clean.size() > kMaxNameLength)
        return fail(tr("a collection name is at most %1 characters").arg(kMaxNameLength));
    return clean;
}

QString Collections::unknown(const QString &name)
{
    return tr("no collection named “%1”").arg(name.trimmed());
}

} // namespace trove
