// SPDX-License-Identifier: MIT
#include "catalog/private/similarstatements.h"

#include "base/tagkey.h"
#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/imagestatements.h"
#include "catalog/private/statementhelpers.h"
#include "catalog/private/trashstatements.h"

#include <QCoreApplication>
#include <QSet>

namespace trove::statements {

namespace {

// Free functions: their strings are the writer's (one context for lupdate).
struct WriterText {
    Q_DECLARE_TR_FUNCTIONS(trove::CatalogWriter)
};

Result<bool> inLibrary(WriterContext &c, qint64 key)
{
    QSqlQuery q = c.catalog.query(QStringLiteral("SELECT 1 FROM images WHERE id = ?"));
    q.bindValue(0, key);
    if (auto r = execQuery(q); !r)
        return r.failure();
    return q.next();
}

} // namespace

Result<void> putHash(WriterContext &c, qint64 key, const ImageHash &hash, bool replace)
{
    QSqlQuery q = c.catalog.query(
        QStringLiteral("INSERT OR %1 INTO image_hashes(image_id, phash, dhash, b0, b1, b2) "
                       "SELECT ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM images WHERE id = ?)")
            .arg(replace ? QStringLiteral("REPLACE") : QStringLiteral("IGNORE")));
    q.bindValue(0, key);
    if (hash.valid) {
        q.bindValue(1, hashToSql(hash.phash));
        q.bindValue(2, hashToSql(hash.dhash));
        for (int b = 0; b < HashBlocks::kCount; ++b)
            q.bindValue(3 + b, qint64(HashBlocks::value(hash.phash, b)));
    } else {
        for (int i = 1; i < 6; ++i)
            q.bindValue(i, QVariant());
    }
    q.bindValue(6, key);
    return execQuery(q);
}

Result<int> putHashes(WriterContext &c, const QList<QPair<qint64, ImageHash>> &hashes)
{
    // Batches stay small (the backfill sends ~64 at a time), so a
    // statement per key costs nothing here (see statementhelpers.h).
    int stored = 0;
    for (const auto &[key, hash] : hashes) {
        if (auto r = putHash(c, key, hash, true); !r)
            return r.failure();
        ++stored;
    }
    return stored;
}

Result<MergeOutcome> merge(WriterContext &c, qint64 keep, const QList<qint64> &others)
{
    if (others.isEmpty())
        return fail(WriterText::tr("nothing to merge into the image"));
    if (others.contains(keep))
        return fail(WriterText::tr("an image cannot be merged into itself"));
    for (qint64 key : QList<qint64> { keep } + others) {
        auto present = inLibrary(c, key);
        if (!present)
            return present.failure();
        if (!*present)
            return fail(WriterText::tr("image %1 is not in the library").arg(key));
    }
    MergeOutcome out;
    out.keep = keep;
    const QString batch = jsonKeys(others);
    auto before = texts(c.catalog, QStringLiteral("SELECT tag FROM tags WHERE image_id = ?"), keep);
    auto beforeSources
        = texts(c.catalog, QStringLiteral("SELECT url FROM sources WHERE image_id = ?"), keep);
    if (!before || !beforeSources)
        return (before ? beforeSources.failure() : before.failure());
    const QStringList statements {
        QStringLiteral("INSERT OR IGNORE INTO tags(image_id, tag, tag_key) "
                       "SELECT ?, tag, tag_key FROM tags "
                       "WHERE image_id IN (SELECT value FROM json_each(?))"),
        QStringLiteral("INSERT OR IGNORE INTO sources(image_id, url, host, added_at) "
                       "SELECT ?, url, host, added_at FROM sources "
                       "WHERE image_id IN (SELECT value FROM json_each(?))"),
    };
    // The others' tags come to the kept image many at a time.
    TextHold text(c);
    if (auto r = text.hold(keep); !r)
        return r.failure();
    for (const QString &sql : statements) {
        QSqlQuery q = c.catalog.query(sql);
        q.bindValue(0, keep);
        q.bindValue(1, batch);
        if (auto r = execQuery(q); !r)
            return r.failure();
    }
    if (auto r = text.write(); !r)
        return r.failure();
    // A note: the kept image's own, else the first of the others'.
    QSqlQuery note = c.catalog.query(QStringLiteral(
        "UPDATE images SET annotation = (SELECT annotation FROM images WHERE id IN "
        "(SELECT value FROM json_each(?)) AND annotation IS NOT NULL ORDER BY id LIMIT 1) "
        "WHERE id = ? AND annotation IS NULL"));
    note.bindValue(0, batch);
    note.bindValue(1, keep);
    if (auto r = execQuery(note); !r)
        return r.failure();
    out.annotationTaken = note.numRowsAffected() > 0;
    // The page it was found on, the same way.
    QSqlQuery page = c.catalog.query(QStringLiteral(
        "UPDATE images SET found_on = (SELECT found_on FROM images WHERE id IN "
        "(SELECT value FROM json_each(?)) AND found_on IS NOT NULL ORDER BY id LIMIT 1) "
        "WHERE id = ? AND found_on IS NULL"));
    page.bindValue(0, batch);
    page.bindValue(1, keep);
    if (auto r = execQuery(page); !r)
        return r.failure();
    out.foundOnTaken = page.numRowsAffected() > 0;
    auto after = texts(c.catalog, QStringLiteral("SELECT tag FROM tags WHERE image_id = ?"), keep);
    auto afterSources
        = texts(c.catalog, QStringLiteral("SELECT url FROM sources WHERE image_id = ?"), keep);
    if (!after || !afterSources)
        return (after ? afterSources.failure() : after.failure());
    QSet<QString> had;
    for (const QString &tag : std::as_const(*before))
        had.insert(tagKey(tag));
    for (const QString &tag : std::as_const(*after))
        if (!had.contains(tagKey(tag)))
            out.tagsAdded.append(tag);
    for (const QString &url : std::as_const(*afterSources))
        if (!beforeSources->contains(url))
            out.sourcesAdded.append(url);
    // The hand-made collections of the others, where the kept image is not
    // yet, at the place of the lowest key among them: choosing the best copy
    // must not take the picture out of an album. The others' memberships
    // wait in the trash with them, as for any removal.
    const QString inCollections
        = QStringLiteral("SELECT collection_id FROM collection_items WHERE image_id = ?");
    auto collectionsBefore = texts(c.catalog, inCollections, keep);
    if (!collectionsBefore)
        return collectionsBefore.failure();
    QSqlQuery join = c.catalog.query(
        QStringLiteral("INSERT OR IGNORE INTO collection_items(collection_id, image_id, position) "
                       "SELECT collection_id, ?, position FROM collection_items "
                       "WHERE image_id IN (SELECT value FROM json_each(?)) ORDER BY image_id"));
    join.bindValue(0, keep);
    join.bindValue(1, batch);
    if (auto r = execQuery(join); !r)
        return r.failure();
    if (join.numRowsAffected() > 0) {
        auto collectionsAfter = texts(c.catalog, inCollections, keep);
        if (!collectionsAfter)
            return collectionsAfter.failure();
        for (const QString &collection : std::as_const(*collectionsAfter))
            if (!collectionsBefore->contains(collection))
                out.collectionsJoined.append(collection.toLongLong());
    }
    auto moved = moveToTrash(c, others);
    if (!moved)
        return moved.failure();
    out.trashed = others;
    c.changed.append(keep);
    return out;
}

Result<int> unmerge(WriterContext &c, const MergeOutcome &merged)
{
    auto restored = restoreFromTrash(c, merged.trashed);
    if (!restored)
        return restored.failure();
    // What merge added, and only that: tags and sources the kept image
    // had before stay.
    const QList<QPair<QString, QStringList>> added {
        { QStringLiteral("DELETE FROM tags WHERE image_id = ? "
                         "AND tag_key IN (SELECT trove_tag_key(value) FROM json_each(?))"),
            merged.tagsAdded },
        { QStringLiteral("DELETE FROM sources WHERE image_id = ? "
                         "AND url IN (SELECT value FROM json_each(?))"),
            merged.sourcesAdded },
    };
    for (const auto &[sql, values] : added) {
        QSqlQuery q = c.catalog.query(sql);
        q.bindValue(0, merged.keep);
        q.bindValue(1, jsonTexts(values));
        if (auto r = execQuery(q); !r)
            return r.failure();
    }
    if (!merged.collectionsJoined.isEmpty()) {
        QSqlQuery leave = c.catalog.query(
            QStringLiteral("DELETE FROM collection_items WHERE image_id = ? "
                           "AND collection_id IN (SELECT value FROM json_each(?))"));
        leave.bindValue(0, merged.keep);
        leave.bindValue(1, jsonKeys(merged.collectionsJoined));
        if (auto r = execQuery(leave); !r)
            return r.failure();
    }
    if (merged.annotationTaken) {
        QSqlQuery note
            = c.catalog.query(QStringLiteral("UPDATE images SET annotation = NULL WHERE id = ?"));
        note.bindValue(0, merged.keep);
        if (auto r = execQuery(note); !r)
            return r.failure();
    }
    if (merged.foundOnTaken) {
        QSqlQuery page
            = c.catalog.query(QStringLiteral("UPDATE images SET found_on = NULL WHERE id = ?"));
        page.bindValue(0, merged.keep);
        if (auto r = execQuery(page); !r)
            return r.failure();
    }
    c.changed.append(merged.keep);
    return restored->count();
}

Result<int> markNotDuplicates(WriterContext &c, const QList<QPair<qint64, qint64>> &pairs)
{
    QSqlQuery q = c.catalog.query(
        QStringLiteral("INSERT OR IGNORE INTO not_duplicates(a, b) VALUES (?, ?)"));
    int added = 0;
    for (const auto &[x, y] : pairs) {
        if (x == y)
            continue;
        q.bindValue(0, std::min(x, y));
        q.bindValue(1, std::max(x, y));
        if (auto r = execQuery(q); !r)
            return r.failure();
        added += q.numRowsAffected();
    }
    return added;
}

} // namespace trove::statements
