// SPDX-License-Identifier: MIT
#include "catalog/private/collectionstatements.h"

#include "catalog/collections.h"
#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/statementhelpers.h"
#include "catalog/searchlanguage.h"

#include <QCoreApplication>
#include <QSet>

namespace trove::statements {

namespace {

struct Target {
    qint64 id = 0;
    bool smart = false;
};

Result<Target> collectionNamed(WriterContext &c, const QString &name)
{
    QSqlQuery q = c.catalog.query(QStringLiteral(
        "SELECT id, query IS NOT NULL AS smart FROM collections WHERE name_key = ?"));
    q.bindValue(0, Collections::nameKey(name));
    if (auto r = execQuery(q); !r)
        return r.failure();
    if (!q.next())
        return fail(Collections::unknown(name));
    return Target { q.value(QStringLiteral("id")).toLongLong(),
        q.value(QStringLiteral("smart")).toBool() };
}

Result<Target> handMade(WriterContext &c, const QString &name)
{
    auto t = collectionNamed(c, name);
    if (t && t->smart)
        return fail(Collections::tr("“%1” is a smart collection (a saved search): images are "
                                    "not added to it or ordered by hand")
                        .arg(name.simplified()));
    return t;
}

/// Smart collections whose saved search names collection @p from by name
/// name @p to instead: a rename does not break the searches built on it.
Result<void> renameInSavedSearches(WriterContext &c, const QString &from, const QString &to)
{
    QSqlQuery smart = c.catalog.query(
        QStringLiteral("SELECT id, query FROM collections WHERE query LIKE '%in:%'"));
    if (auto r = execQuery(smart); !r)
        return r;
    QList<QPair<qint64, QString>> rewritten;
    while (smart.next()) {
        QString query = smart.value(QStringLiteral("query")).toString();
        const search::Parsed parsed = search::SearchLanguage::parse(query);
        if (!parsed.ok())
            continue;
        // From the end of the text, so that earlier positions stay right.
        bool named = false;
        for (const search::Node *term : search::SearchLanguage::collectionTerms(parsed.root)) {
            if (!Collections::sameName(term->text, from))
                continue;
            query.replace(term->position, term->length, QStringLiteral("in:\"%1\"").arg(to));
            named = true;
        }
        if (!named)
            continue;
        rewritten.append({ smart.value(QStringLiteral("id")).toLongLong(), query });
    }
    smart.finish();
    QSqlQuery put
        = c.catalog.query(QStringLiteral("UPDATE collections SET query = ? WHERE id = ?"));
    for (const auto &[id, query] : std::as_const(rewritten)) {
        put.bindValue(0, query);
        put.bindValue(1, id);
        if (auto r = execQuery(put); !r)
            return r;
    }
    return {};
}

/// Refuses a smart collection @p name whose search @p query names itself,
/// directly or through other smart collections: it was accepted, and every
/// use of it then failed (with the name of another one in the loop).
Result<void> refuseLoop(WriterContext &c, const QString &name, const QString &query)
{
    QStringList pending { query };
    QStringList via; // the smart collection each pending search is of
    via.append(QString());
    QSet<QString> seen;
    while (!pending.isEmpty()) {
        const QString search = pending.takeFirst();
        const QString through = via.takeFirst();
        const search::Parsed parsed = search::SearchLanguage::parse(search);
        if (!parsed.ok())
            continue; // the query's own errors are told where it is read
        for (const search::Node *node : search::SearchLanguage::collectionTerms(parsed.root)) {
            const QString &term = node->text;
            if (Collections::sameName(term, name)) {
                if (through.isEmpty())
                    return fail(Collections::tr("a smart collection cannot name itself (in:%1)")
                                    .arg(term.simplified()));
                return fail(Collections::tr("“%1” names “%2”, which names it back")
                                .arg(name.simplified(), through));
            }
            const QString key = Collections::nameKey(term);
            if (seen.contains(key))
                continue;
            seen.insert(key);
            auto found = Collections::find(c.catalog, term, Collections::Counted::No);
            if (!found)
                return found.failure();
            if (*found && (*found)->isSmart()) {
                pending.append((*found)->query);
                via.append((*found)->name);
            }
        }
    }
    return {};
}

/// The keys of @p keys that are in the collection now, for the change list.
Result<QList<qint64>> membersAmong(WriterContext &c, qint64 id, const QString &batch)
{
    QSqlQuery q = c.catalog.query(
        QStringLiteral("SELECT image_id FROM collection_items WHERE collection_id = ? AND "
                       "image_id IN (SELECT value FROM json_each(?))"));
    q.bindValue(0, id);
    q.bindValue(1, batch);
    if (auto r = execQuery(q); !r)
        return r.failure();
    QList<qint64> out;
    while (q.next())
        out.append(q.value(QStringLiteral("image_id")).toLongLong());
    return out;
}

} // namespace

Result<qint64> createCollection(WriterContext &c, const QString &name, const QString &query)
{
    auto clean = Collections::cleanName(name);
    if (!clean)
        return clean.failure();
    if (!query.isNull() && query.trimmed().isEmpty())
        return fail(Collections::tr("a smart collection needs a search"));
    if (!query.isNull()) {
        if (auto r = refuseLoop(c, *clean, query); !r)
            return r.failure();
    }
    QSqlQuery taken
        = c.catalog.query(QStringLiteral("SELECT 1 FROM collections WHERE name_key = ?"));
    taken.bindValue(0, Collections::nameKey(*clean));
    if (auto r = execQuery(taken); !r)
        return r.failure();
    if (taken.next())
        return fail(Collections::tr("a collection named “%1” exists already").arg(*clean));
    QSqlQuery q = c.catalog.query(QStringLiteral(
        "INSERT INTO collections(name, name_key, query, created_at) VALUES (?, ?, ?, ?)"));
    q.bindValue(0, *clean);
    q.bindValue(1, Collections::nameKey(*clean));
    q.bindValue(2, query.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(query));
    q.bindValue(3, nowMs());
    if (auto r = execQuery(q); !r)
        return r.failure();
    return q.lastInsertId().toLongLong();
}

Result<bool> deleteCollection(WriterContext &c, const QString &name)
{
    auto t = collectionNamed(c, name);
    if (!t)
        return t.failure();
    QSqlQuery members = c.catalog.query(
        QStringLiteral("SELECT image_id FROM collection_items WHERE collection_id = ?"));
    members.bindValue(0, t->id);
    if (auto r = execQuery(members); !r)
        return r.failure();
    while (members.next())
        c.changed.append(members.value(QStringLiteral("image_id")).toLongLong());
    QSqlQuery q = c.catalog.query(QStringLiteral("DELETE FROM collections WHERE id = ?"));
    q.bindValue(0, t->id);
    if (auto r = execQuery(q); !r)
        return r.failure();
    return true;
}

Result<int> addToCollection(WriterContext &c, const QString &name, const QList<qint64> &keys)
{
    auto t = handMade(c, name);
    if (!t)
        return t.failure();
    if (keys.isEmpty())
        return 0;
    const QString batch = jsonKeys(keys);
    auto before = membersAmong(c, t->id, batch);
    if (!before)
        return before.failure();
    // After the last one, in the order given (json_each's key is the index).
    QSqlQuery q = c.catalog.query(QStringLiteral(
        "INSERT OR IGNORE INTO collection_items(collection_id, image_id, position) "
        "SELECT ?, j.value, (SELECT coalesce(max(position), 0) FROM collection_items WHERE "
        "collection_id = ?) + 1 + j.key FROM json_each(?) j "
        "WHERE EXISTS (SELECT 1 FROM images WHERE id = j.value)"));
    q.bindValue(0, t->id);
    q.bindValue(1, t->id);
    q.bindValue(2, batch);
    if (auto r = execQuery(q); !r)
        return r.failure();
    const int added = q.numRowsAffected();
    auto after = membersAmong(c, t->id, batch);
    if (!after)
        return after.failure();
    for (qint64 key : std::as_const(*after))
        if (!before->contains(key))
            c.changed.append(key);
    return added;
}

Result<int> removeFromCollection(WriterContext &c, const QString &name, const QList<qint64> &keys)
{
    auto t = collectionNamed(c, name);
    if (!t)
        return t.failure();
    if (keys.isEmpty())
        return 0;
    const QString batch = jsonKeys(keys);
    auto present = membersAmong(c, t->id, batch);
    if (!present)
        return present.failure();
    QSqlQuery q = c.catalog.query(
        QStringLiteral("DELETE FROM collection_items WHERE collection_id = ? AND image_id IN "
                       "(SELECT value FROM json_each(?))"));
    q.bindValue(0, t->id);
    q.bindValue(1, batch);
    if (auto r = execQuery(q); !r)
        return r.failure();
    c.changed += *present;
    return int(present->size());
}

Result<int> moveInCollection(
    WriterContext &c, const QString &name, const QList<qint64> &keys, qint64 beforeKey)
{
    auto t = handMade(c, name);
    if (!t)
        return t.failure();
    // Between the item before the target and the target: REAL positions
    // leave room, and a renumbering (1, 2, 3…) makes room when they run
    // out.
    const auto positionOf = [&](const QString &sql, qint64 key) -> Result<std::optional<double>> {
        QSqlQuery q = c.catalog.query(sql);
        q.bindValue(0, t->id);
        q.bindValue(1, key);
        if (auto r = execQuery(q); !r)
            return r.failure();
        if (!q.next() || q.value(0).isNull())
            return std::optional<double>();
        return std::optional<double>(q.value(0).toDouble());
    };
    const QString batch = jsonKeys(keys);
    double low = 0;
    double high = 0;
    if (beforeKey != 0 && !keys.contains(beforeKey)) {
        auto at = positionOf(QStringLiteral("SELECT position FROM collection_items WHERE "
                                            "collection_id = ? AND image_id = ?"),
            beforeKey);
        if (!at)
            return at.failure();
        if (!*at)
            return fail(Collections::tr("that image is not in “%1”").arg(name.simplified()));
        high = **at;
        QSqlQuery prev = c.catalog.query(QStringLiteral(
            "SELECT max(position) FROM collection_items WHERE collection_id = ? "
            "AND position < ? AND image_id NOT IN (SELECT value FROM json_each(?))"));
        prev.bindValue(0, t->id);
        prev.bindValue(1, high);
        prev.bindValue(2, batch);
        if (auto r = execQuery(prev); !r)
            return r.failure();
        low = prev.next() && !prev.value(0).isNull() ? prev.value(0).toDouble() : high - 1;
    } else {
        auto last = positionOf(QStringLiteral("SELECT max(position) FROM collection_items WHERE "
                                              "collection_id = ? AND image_id != ?"),
            0);
        if (!last)
            return last.failure();
        low = last->value_or(0);
        high = low + 1;
    }
    QSqlQuery put = c.catalog.query(QStringLiteral(
        "UPDATE collection_items SET position = ? WHERE collection_id = ? AND image_id = ?"));
    int moved = 0;
    const double step = (high - low) / double(keys.size() + 1);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        put.bindValue(0, low + step * double(i + 1));
        put.bindValue(1, t->id);
        put.bindValue(2, keys[i]);
        if (auto r = execQuery(put); !r)
            return r.failure();
        moved += put.numRowsAffected();
    }
    if (step < 1e-9) {
        // Out of room between two neighbours: number them all again. The
        // new numbers are computed before any is written (row_number() is
        // materialised): a subquery counting the rows before each one saw
        // the rows already renumbered and gave neighbours equal positions.
        QSqlQuery renumber = c.catalog.query(QStringLiteral(
            "UPDATE collection_items SET position = r.n FROM (SELECT image_id, row_number() OVER "
            "(ORDER BY position, image_id) AS n FROM collection_items WHERE collection_id = ?) "
            "AS r WHERE collection_items.collection_id = ? AND collection_items.image_id = "
            "r.image_id"));
        renumber.bindValue(0, t->id);
        renumber.bindValue(1, t->id);
        if (auto r = execQuery(renumber); !r)
            return r.failure();
    }
    return moved;
}

Result<CollectionMove> reorderInCollection(
    WriterContext &c, const QString &name, const QList<qint64> &keys, qint64 beforeKey)
{
    auto t = handMade(c, name);
    if (!t)
        return t.failure();
    // Each key's follower in the order now, read on the index, from the
    // last of them to the first.
    QSqlQuery placed = c.catalog.query(
        QStringLiteral("SELECT image_id, position FROM collection_items WHERE collection_id = ? "
                       "AND image_id IN (SELECT value FROM json_each(?)) "
                       "ORDER BY position DESC, image_id DESC"));
    placed.bindValue(0, t->id);
    placed.bindValue(1, jsonKeys(keys));
    if (auto r = execQuery(placed); !r)
        return r.failure();
    QList<QPair<qint64, double>> old;
    while (placed.next())
        old.append({ placed.value(QStringLiteral("image_id")).toLongLong(),
            placed.value(QStringLiteral("position")).toDouble() });
    placed.finish();
    QSqlQuery next = c.catalog.query(QStringLiteral(
        "SELECT image_id FROM collection_items WHERE collection_id = ? AND (position > ? OR "
        "(position = ? AND image_id > ?)) ORDER BY position, image_id LIMIT 1"));
    CollectionMove out;
    for (const auto &[key, position] : std::as_const(old)) {
        next.bindValue(0, t->id);
        next.bindValue(1, position);
        next.bindValue(2, position);
        next.bindValue(3, key);
        if (auto r = execQuery(next); !r)
            return r.failure();
        out.undo.append(
            { key, next.next() ? next.value(QStringLiteral("image_id")).toLongLong() : 0 });
        next.finish();
    }
    auto moved = moveInCollection(c, name, keys, beforeKey);
    if (!moved)
        return moved.failure();
    out.moved = *moved;
    return out;
}

Result<int> restoreCollectionOrder(
    WriterContext &c, const QString &name, const QList<QPair<qint64, qint64>> &undo)
{
    int moved = 0;
    for (const auto &[key, follower] : undo) {
        auto one = moveInCollection(c, name, { key }, follower);
        if (!one)
            return one.failure();
        moved += *one;
    }
    return moved;
}

Result<QString> renameCollection(WriterContext &c, const QString &from, const QString &to)
{
    auto t = collectionNamed(c, from);
    if (!t)
        return t.failure();
    auto clean = Collections::cleanName(to);
    if (!clean)
        return clean.failure();
    // Another collection's name, whatever its case; this one's own name in
    // another case is a rename.
    QSqlQuery taken = c.catalog.query(
        QStringLiteral("SELECT name FROM collections WHERE name_key = ? AND id != ?"));
    taken.bindValue(0, Collections::nameKey(*clean));
    taken.bindValue(1, t->id);
    if (auto r = execQuery(taken); !r)
        return r.failure();
    if (taken.next())
        return fail(Collections::tr("a collection named “%1” exists already")
                        .arg(taken.value(QStringLiteral("name")).toString()));
    taken.finish();
    QSqlQuery q = c.catalog.query(
        QStringLiteral("UPDATE collections SET name = ?, name_key = ? WHERE id = ?"));
    q.bindValue(0, *clean);
    q.bindValue(1, Collections::nameKey(*clean));
    q.bindValue(2, t->id);
    if (auto r = execQuery(q); !r)
        return r.failure();
    if (auto r = renameInSavedSearches(c, from.simplified(), *clean); !r)
        return r.failure();
    return *clean;
}

} // namespace trove::statements
