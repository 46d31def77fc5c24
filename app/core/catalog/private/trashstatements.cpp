// SPDX-License-Identifier: MIT
#include "catalog/private/trashstatements.h"

#include "base/naturalkey.h"
#include "base/platform.h"
#include "catalog/changefeed.h"
#include "catalog/private/catalogwriterworker.h"
#include "catalog/private/imagestatements.h"
#include "catalog/private/similarstatements.h"
#include "catalog/private/statementhelpers.h"
#include "ingest/ingestsource.h"
#include "ingest/ingesttypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSize>
#include <QSqlRecord>

namespace trove::statements {

namespace {

// Tags and sources go into the trash row as JSON built by SQLite itself.
// The batch's keys come in as one JSON array: a statement per key under the
// job's savepoint costs time that grows with the square of the batch (the
// in-memory sub-journal; 110 s for 10,000 keys against 1.5 s this way).
const char *const kCopyToTrash
    = "INSERT INTO trash(id, uuid, name, sha256, format, width, height, original_bytes, "
      "stored_bytes, added_at, damaged, annotation, found_on, animated, rating, favourite, phash, "
      "dhash, tags, sources, trashed_at) "
      "SELECT i.id, i.uuid, i.name, i.sha256, i.format, i.width, i.height, i.original_bytes, "
      "i.stored_bytes, i.added_at, i.damaged, i.annotation, i.found_on, i.animated, i.rating, "
      "i.favourite, "
      "(SELECT phash FROM image_hashes WHERE image_id = i.id), "
      "(SELECT dhash FROM image_hashes WHERE image_id = i.id), "
      "(SELECT json_group_array(tag) FROM tags WHERE image_id = i.id), "
      "(SELECT json_group_array(json_object('url', url, 'host', host, 'added_at', added_at)) "
      "FROM sources WHERE image_id = i.id), ? FROM images i "
      "WHERE i.id IN (SELECT value FROM json_each(?))";

// Keyed as the writer keys every tag (trove_tag_key(), base/tagkey.h): of
// two spellings that fold together, the first stays.
const char *const kPutTags = "INSERT OR IGNORE INTO tags(image_id, tag, tag_key) "
                             "SELECT ?, value, trove_tag_key(value) FROM json_each(?) "
                             "WHERE value != ''";

const char *const kPutSources
    = "INSERT OR IGNORE INTO sources(image_id, url, host, added_at) "
      "SELECT ?, json_extract(value, '$.url'), coalesce(json_extract(value, '$.host'), ''), "
      "coalesce(json_extract(value, '$.added_at'), 0) FROM json_each(?)";

} // namespace

Result<int> moveToTrash(WriterContext &c, const QList<qint64> &keys)
{
    if (keys.isEmpty())
        return 0;
    const QString batch = jsonKeys(keys);
    // Keys not in the library (already trashed, or never were) are skipped.
    QSqlQuery present = c.catalog.query(
        QStringLiteral("SELECT id FROM images WHERE id IN (SELECT value FROM json_each(?))"));
    present.bindValue(0, batch);
    if (auto r = execQuery(present); !r)
        return r.failure();
    QList<qint64> moved;
    while (present.next())
        moved.append(present.value(QStringLiteral("id")).toLongLong());
    present.finish();
    if (moved.isEmpty())
        return 0;
    QSqlQuery copy = c.catalog.query(QLatin1String(kCopyToTrash));
    copy.bindValue(0, nowMs());
    copy.bindValue(1, batch);
    if (auto r = execQuery(copy); !r)
        return r.failure();
    QSqlQuery drop = c.catalog.query(
        QStringLiteral("DELETE FROM images WHERE id IN (SELECT value FROM json_each(?))"));
    drop.bindValue(0, batch);
    if (auto r = execQuery(drop); !r)
        return r.failure();
    c.removed += moved;
    return int(moved.size());
}

namespace {

// The trash rows of a batch that go back as they were, in a few statements:
// their bytes are not in the library, their key is free, and no other row of
// the batch has the same bytes (the lowest key of such twins goes here, the
// rest merge into it one by one).
const char *const kPlainRestores
    = "SELECT g.k FROM (SELECT min(t.id) AS k, t.sha256 AS sha FROM trash t "
      "WHERE t.id IN (SELECT value FROM json_each(?)) GROUP BY t.sha256) g "
      "WHERE NOT EXISTS (SELECT 1 FROM images i WHERE i.sha256 = g.sha) "
      "AND NOT EXISTS (SELECT 1 FROM images i WHERE i.id = g.k)";

// The batch's rows with their natural name keys, as one JSON array of
// [id, key] pairs for INSERT … SELECT (the trash keeps no key: it is computed
// in C++, base/naturalkey.h). Putting the key in with the row, rather than
// an UPDATE after, writes each row, its change-feed entry and its place in
// images_by_name_key once instead of twice.
Result<QString> withNameKeys(WriterContext &c, const QString &batch)
{
    QSqlQuery read = c.catalog.query(
        QStringLiteral("SELECT id, name FROM trash WHERE id IN (SELECT value FROM json_each(?))"));
    read.bindValue(0, batch);
    if (auto r = execQuery(read); !r)
        return r.failure();
    QJsonArray pairs;
    while (read.next())
        pairs.append(
            QJsonArray { read.value(0).toLongLong(), naturalSortKey(read.value(1).toString()) });
    read.finish();
    return QString::fromUtf8(QJsonDocument(pairs).toJson(QJsonDocument::Compact));
}

Result<void> restoreAsTheyWere(WriterContext &c, const QString &batch)
{
    auto keyed = withNameKeys(c, batch);
    if (!keyed)
        return keyed.failure();
    // Tags and sources go in before their images. Each one put in after its
    // image rewrote the image's search text (a full-text delete and insert
    // of name, tags and hosts): about 0.4 s of every 5,000 images restored at
    // a million. Put in first, they are there when the image's row goes in,
    // and image_text_insert writes its text once, whole. Their foreign keys
    // wait for the images meanwhile; a failure rolls the job's savepoint
    // back, deferred counts included.
    const DeferredForeignKeys deferred(c.catalog);
    if (!deferred.result())
        return deferred.result();
    // Each statement takes the batch's keys as the rows `%1` stands for.
    const auto overBatch = [&c, &batch](const QStringList &statements) -> Result<void> {
        const QString rows = QStringLiteral("(SELECT value FROM json_each(?))");
        for (const QString &statement : statements) {
            QSqlQuery q = c.catalog.query(statement.arg(rows));
            q.bindValue(0, batch);
            if (auto r = execQuery(q); !r)
                return r;
        }
        return {};
    };
    const QStringList before {
        QStringLiteral("INSERT OR IGNORE INTO tags(image_id, tag, tag_key) "
                       "SELECT t.id, j.value, trove_tag_key(j.value) "
                       "FROM trash t, json_each(t.tags) j WHERE t.id IN %1 AND j.value != ''"),
        QStringLiteral("INSERT OR IGNORE INTO sources(image_id, url, host, added_at) "
                       "SELECT t.id, json_extract(j.value, '$.url'), "
                       "coalesce(json_extract(j.value, '$.host'), ''), "
                       "coalesce(json_extract(j.value, '$.added_at'), 0) "
                       "FROM trash t, json_each(t.sources) j WHERE t.id IN %1"),
    };
    if (auto r = overBatch(before); !r)
        return r;
    // Lowest key first (statements::ascending()): each image's insert
    // writes its search text. In the batch's newest-first order 20,000
    // images of a million took 10.9 s to put back, in key order 3.4 s.
    QSqlQuery insert = c.catalog.query(QStringLiteral(
        "INSERT INTO images(id, uuid, name, sha256, format, width, height, "
        "original_bytes, stored_bytes, added_at, damaged, annotation, found_on, animated, rating, "
        "favourite, name_key) "
        "SELECT t.id, t.uuid, t.name, t.sha256, t.format, t.width, t.height, "
        "t.original_bytes, t.stored_bytes, t.added_at, t.damaged, t.annotation, t.found_on, "
        "t.animated, t.rating, t.favourite, v.k "
        "FROM (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS k "
        "FROM json_each(?)) AS v JOIN trash t ON t.id = v.id ORDER BY t.id"));
    insert.bindValue(0, *keyed);
    if (auto r = execQuery(insert); !r)
        return r;
    const QStringList after {
        // HashBlocks' 22, 21 and 21 bits.
        QStringLiteral("INSERT OR IGNORE INTO image_hashes(image_id, phash, dhash, b0, b1, b2) "
                       "SELECT id, phash, dhash, phash & 4194303, (phash >> 22) & 2097151, "
                       "(phash >> 43) & 2097151 FROM trash WHERE id IN %1 AND phash IS NOT NULL"),
        QStringLiteral("DELETE FROM removed_hashes WHERE sha256 IN "
                       "(SELECT sha256 FROM trash WHERE id IN %1)"),
        QStringLiteral("DELETE FROM trash WHERE id IN %1"),
    };
    return overBatch(after);
}

} // namespace

namespace {

/// The row @p q stands on, column by column.
QVariantMap rowOf(const QSqlQuery &q)
{
    const QSqlRecord record = q.record();
    QVariantMap row;
    for (int i = 0; i < record.count(); ++i)
        row.insert(record.fieldName(i), q.value(i));
    return row;
}

/// Whether @p name is one an import gives by itself to an image from one of
/// @p sources (the file's name without its extension, else the host), rather
/// than one a person gave it.
bool isDefaultName(const QString &name, const QStringList &sources)
{
    return std::any_of(sources.cbegin(), sources.cend(), [&name](const QString &source) {
        return normalizeName(IngestSource::defaultNameOf(source)) == name;
    });
}

/// Trash row @p row (rowOf()) merged into image @p target, which holds the
/// same bytes: one image, with both histories and what the person gave
/// either. The caller drops the trash row.
Result<RestoreMerge> mergeIntoImage(WriterContext &c, const QVariantMap &row, qint64 target)
{
    RestoreMerge m;
    m.key = row.value(QStringLiteral("id")).toLongLong();
    m.id = row.value(QStringLiteral("uuid")).toString();
    m.name = row.value(QStringLiteral("name")).toString();
    m.into = target;
    m.trashRow = row;

    QSqlQuery image = c.catalog.query(
        QStringLiteral("SELECT uuid, name, rating, favourite, annotation IS NULL AS no_note, "
                       "found_on IS NULL AS no_page FROM images WHERE id = ?"));
    image.bindValue(0, target);
    if (auto r = execQuery(image); !r)
        return r.failure();
    if (!image.next())
        return fail(QStringLiteral("image %1 is not in the library").arg(target));
    m.intoId = image.value(QStringLiteral("uuid")).toString();
    const QString current = image.value(QStringLiteral("name")).toString();
    m.ratingBefore = image.value(QStringLiteral("rating")).toInt();
    m.favouriteBefore = image.value(QStringLiteral("favourite")).toInt() != 0;
    const bool hadNoNote = image.value(QStringLiteral("no_note")).toInt() != 0;
    const bool hadNoPage = image.value(QStringLiteral("no_page")).toInt() != 0;
    image.finish();

    const auto tagsBefore
        = texts(c.catalog, QStringLiteral("SELECT tag FROM tags WHERE image_id = ?"), target);
    const auto sourcesBefore
        = texts(c.catalog, QStringLiteral("SELECT url FROM sources WHERE image_id = ?"), target);
    const auto collectionsBefore = texts(c.catalog,
        QStringLiteral("SELECT collection_id FROM collection_items WHERE image_id = ?"), target);
    if (!tagsBefore || !sourcesBefore || !collectionsBefore)
        return !tagsBefore
            ? tagsBefore.failure()
            : (!sourcesBefore ? sourcesBefore.failure() : collectionsBefore.failure());

    // Tags and sources; the tags many at once (held, the text written once).
    TextHold text(c);
    if (auto r = text.hold(target); !r)
        return r.failure();
    for (const auto &[sql, column] :
        { std::pair { kPutTags, "tags" }, { kPutSources, "sources" } }) {
        QSqlQuery q = c.catalog.query(QLatin1String(sql));
        q.bindValue(0, target);
        q.bindValue(1, row.value(QLatin1String(column)));
        if (auto r = execQuery(q); !r)
            return r.failure();
    }
    if (auto r = text.write(); !r)
        return r.failure();
    const auto tagsAfter
        = texts(c.catalog, QStringLiteral("SELECT tag FROM tags WHERE image_id = ?"), target);
    const auto sourcesAfter
        = texts(c.catalog, QStringLiteral("SELECT url FROM sources WHERE image_id = ?"), target);
    if (!tagsAfter || !sourcesAfter)
        return !tagsAfter ? tagsAfter.failure() : sourcesAfter.failure();
    for (const QString &tag : *tagsAfter)
        if (!tagsBefore->contains(tag, Qt::CaseInsensitive))
            m.tagsAdded.append(tag);
    for (const QString &url : *sourcesAfter)
        if (!sourcesBefore->contains(url))
            m.sourcesAdded.append(url);

    // The trashed image's name (the one asked back), over one the image
    // only took from its file or link; a name a person gave the image
    // stays.
    if (m.name != current && !m.name.isEmpty() && isDefaultName(current, *sourcesBefore)) {
        QSqlQuery rename = c.catalog.query(
            QStringLiteral("UPDATE images SET name = ?, name_key = ? WHERE id = ?"));
        rename.bindValue(0, m.name);
        rename.bindValue(1, naturalSortKey(m.name));
        rename.bindValue(2, target);
        if (auto r = execQuery(rename); !r)
            return r.failure();
        m.nameTaken = true;
        m.nameBefore = current;
    }
    m.intoName = m.nameTaken ? m.name : current;

    // Of the two, the higher rating and either's favourite flag.
    const int rating = row.value(QStringLiteral("rating")).toInt();
    const bool favourite = row.value(QStringLiteral("favourite")).toInt() != 0;
    m.rating = std::max(m.ratingBefore, rating);
    m.favourite = m.favouriteBefore || favourite;
    if (m.rating != m.ratingBefore || m.favourite != m.favouriteBefore) {
        QSqlQuery marks = c.catalog.query(
            QStringLiteral("UPDATE images SET rating = ?, favourite = ? WHERE id = ?"));
        marks.bindValue(0, m.rating);
        marks.bindValue(1, int(m.favourite));
        marks.bindValue(2, target);
        if (auto r = execQuery(marks); !r)
            return r.failure();
    }
    const QVariant note = row.value(QStringLiteral("annotation"));
    const QVariant page = row.value(QStringLiteral("found_on"));
    if (auto r = keepFirstNoteAndPage(c.catalog, target, note, page); !r)
        return r.failure();
    m.annotationTaken = hadNoNote && !note.isNull();
    m.foundOnTaken = hadNoPage && !page.isNull();

    // Its places in collections, where the image is not already: the
    // trashed image's memberships go with its trash row.
    QSqlQuery places = c.catalog.query(QStringLiteral(
        "SELECT collection_id, position FROM collection_items WHERE image_id = ? ORDER BY 1"));
    places.bindValue(0, m.key);
    if (auto r = execQuery(places); !r)
        return r.failure();
    while (places.next()) {
        const qint64 collection = places.value(0).toLongLong();
        m.memberships.append({ collection, places.value(1).toDouble() });
        if (!collectionsBefore->contains(QString::number(collection)))
            m.collectionsJoined.append(collection);
    }
    places.finish();
    if (!m.collectionsJoined.isEmpty()) {
        QSqlQuery join = c.catalog.query(QStringLiteral(
            "INSERT OR IGNORE INTO collection_items(collection_id, image_id, position) "
            "SELECT collection_id, ?, position FROM collection_items "
            "WHERE image_id = ?"));
        join.bindValue(0, target);
        join.bindValue(1, m.key);
        if (auto r = execQuery(join); !r)
            return r.failure();
    }

    // The trash row's thumbnail has no image any more.
    c.changed.append(target);
    c.dropThumbnails.append(m.key);
    return m;
}

/// One row in the change feed for trash rows that went or came back without
/// an image leaving or joining the gallery: views of the trash read it again.
Result<void> trashRowsMoved(WriterContext &c)
{
    return c.catalog.exec(QStringLiteral("INSERT INTO changes(kind, image_id) VALUES (%1, 0)")
                              .arg(int(ChangeKind::TrashEmptied)));
}

} // namespace

Result<TrashRestore> restoreFromTrash(WriterContext &c, const QList<qint64> &requested)
{
    TrashRestore out;
    if (requested.isEmpty())
        return out;
    QSqlQuery plainQuery = c.catalog.query(QLatin1String(kPlainRestores));
    const QString batch = jsonKeys(requested);
    plainQuery.bindValue(0, batch);
    if (auto r = execQuery(plainQuery); !r)
        return r.failure();
    QList<qint64> plain;
    while (plainQuery.next())
        plain.append(plainQuery.value(0).toLongLong());
    plainQuery.finish();
    if (!plain.isEmpty()) {
        if (auto r = restoreAsTheyWere(c, jsonKeys(plain)); !r)
            return r.failure();
        c.added += plain;
    }
    // What is left merges into bytes already back, or needs a new key.
    const QSet<qint64> done(plain.cbegin(), plain.cend());
    QList<qint64> keys;
    for (qint64 key : requested)
        if (!done.contains(key))
            keys.append(key);
    out.restored = std::move(plain);
    if (keys.isEmpty())
        return out;

    QSqlQuery find = c.catalog.query(QStringLiteral("SELECT * FROM trash WHERE id = ?"));
    QSqlQuery sameBytes = c.catalog.query(QStringLiteral("SELECT id FROM images WHERE sha256 = ?"));
    QSqlQuery keyTaken = c.catalog.query(QStringLiteral("SELECT 1 FROM images WHERE id = ?"));
    QSqlQuery insert = c.catalog.query(QStringLiteral(
        "INSERT INTO images(id, uuid, name, sha256, format, width, height, "
        "original_bytes, stored_bytes, added_at, damaged, annotation, found_on, animated, rating, "
        "favourite, name_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    QSqlQuery putTags = c.catalog.query(QLatin1String(kPutTags));
    QSqlQuery putSources = c.catalog.query(QLatin1String(kPutSources));
    QSqlQuery forgetRemoval
        = c.catalog.query(QStringLiteral("DELETE FROM removed_hashes WHERE sha256 = ?"));
    QSqlQuery drop = c.catalog.query(QStringLiteral("DELETE FROM trash WHERE id = ?"));
    for (qint64 key : keys) {
        find.bindValue(0, key);
        if (auto r = execQuery(find); !r)
            return r.failure();
        if (!find.next())
            continue;
        const QVariantMap row = rowOf(find);
        find.finish();
        const QString sha = row.value(QStringLiteral("sha256")).toString();

        sameBytes.bindValue(0, sha);
        if (auto r = execQuery(sameBytes); !r)
            return r.failure();
        qint64 target = sameBytes.next() ? sameBytes.value(QStringLiteral("id")).toLongLong() : 0;
        sameBytes.finish();
        if (target > 0) {
            // The same bytes came back meanwhile: one image, with both
            // histories and everything the person gave either.
            auto merged = mergeIntoImage(c, row, target);
            if (!merged)
                return merged.failure();
            out.merged.append(std::move(*merged));
        } else {
            keyTaken.bindValue(0, key);
            if (auto r = execQuery(keyTaken); !r)
                return r.failure();
            const bool taken = keyTaken.next();
            keyTaken.finish();
            // New keys never take a trashed one (see commitImage), so the
            // key is free; should it not be, a new key beats failing.
            insert.bindValue(0, taken ? QVariant() : QVariant(key));
            int i = 1;
            for (const char *column : { "uuid", "name", "sha256", "format", "width", "height",
                     "original_bytes", "stored_bytes", "added_at", "damaged", "annotation",
                     "found_on", "animated", "rating", "favourite" })
                insert.bindValue(i++, row.value(QLatin1String(column)));
            insert.bindValue(i, naturalSortKey(row.value(QStringLiteral("name")).toString()));
            if (auto r = execQuery(insert); !r)
                return r.failure();
            target = insert.lastInsertId().toLongLong();
            c.added.append(target);
            out.restored.append(key);
            if (const QVariant phash = row.value(QStringLiteral("phash")); !phash.isNull()) {
                const ImageHash hash { hashFromSql(phash.toLongLong()),
                    hashFromSql(row.value(QStringLiteral("dhash")).toLongLong()), true };
                if (auto r = putHash(c, target, hash); !r)
                    return r.failure();
            }
            putTags.bindValue(0, target);
            putTags.bindValue(1, row.value(QStringLiteral("tags")));
            if (auto r = execQuery(putTags); !r)
                return r.failure();
            putSources.bindValue(0, target);
            putSources.bindValue(1, row.value(QStringLiteral("sources")));
            if (auto r = execQuery(putSources); !r)
                return r.failure();
        }
        forgetRemoval.bindValue(0, sha);
        if (auto r = execQuery(forgetRemoval); !r)
            return r.failure();
        drop.bindValue(0, key);
        if (auto r = execQuery(drop); !r)
            return r.failure();
    }
    if (!out.merged.isEmpty()) {
        if (auto r = trashRowsMoved(c); !r)
            return r.failure();
    }
    return out;
}

Result<int> unmergeRestored(WriterContext &c, const QList<RestoreMerge> &merges)
{
    QSqlQuery inUse = c.catalog.query(QStringLiteral(
        "SELECT (SELECT count(*) FROM images WHERE id = ?) + (SELECT count(*) FROM trash "
        "WHERE id = ?), (SELECT count(*) FROM images WHERE id = ?)"));
    QSqlQuery join = c.catalog.query(
        QStringLiteral("INSERT OR IGNORE INTO collection_items(collection_id, image_id, position) "
                       "SELECT id, ?, ? FROM collections WHERE id = ? AND query IS NULL"));
    QSqlQuery leave = c.catalog.query(
        QStringLiteral("DELETE FROM collection_items WHERE image_id = ? AND collection_id IN "
                       "(SELECT value FROM json_each(?))"));
    QSqlQuery dropTags = c.catalog.query(QStringLiteral(
        "DELETE FROM tags WHERE image_id = ? AND tag IN (SELECT value FROM json_each(?))"));
    QSqlQuery dropSources = c.catalog.query(QStringLiteral(
        "DELETE FROM sources WHERE image_id = ? AND url IN (SELECT value FROM json_each(?))"));
    QSqlQuery thumbnail = c.thumbs.query(
        QStringLiteral("SELECT width, height, data FROM thumbs WHERE image_id = ?"));
    int done = 0;
    for (const RestoreMerge &m : merges) {
        // Only while the image it went into is still there, and its own key
        // is free (no restore or undo put it back meanwhile).
        inUse.bindValue(0, m.key);
        inUse.bindValue(1, m.key);
        inUse.bindValue(2, m.into);
        if (auto r = execQuery(inUse); !r)
            return r.failure();
        const bool free = inUse.next() && inUse.value(0).toInt() == 0;
        const bool intoThere = inUse.value(1).toInt() > 0;
        inUse.finish();
        if (!free || !intoThere || m.trashRow.isEmpty())
            continue;

        // The trash row as it was: every column it had.
        const QStringList columns = m.trashRow.keys();
        QStringList quoted;
        for (const QString &column : columns)
            quoted.append(QLatin1Char('"') + column + QLatin1Char('"'));
        QSqlQuery back = c.catalog.query(
            QStringLiteral("INSERT INTO trash(%1) VALUES (%2)")
                .arg(quoted.join(QLatin1Char(',')),
                    QStringList(columns.size(), QStringLiteral("?")).join(QLatin1Char(','))));
        for (int i = 0; i < columns.size(); ++i)
            back.bindValue(i, m.trashRow.value(columns[i]));
        if (auto r = execQuery(back); !r)
            return r.failure();
        // Its collections wait for it again (those still there).
        for (const auto &[collection, position] : m.memberships) {
            join.bindValue(0, m.key);
            join.bindValue(1, position);
            join.bindValue(2, collection);
            if (auto r = execQuery(join); !r)
                return r.failure();
        }

        // What the image gained, and only that.
        leave.bindValue(0, m.into);
        leave.bindValue(1, jsonKeys(m.collectionsJoined));
        if (auto r = execQuery(leave); !r)
            return r.failure();
        dropTags.bindValue(0, m.into);
        dropTags.bindValue(1, jsonTexts(m.tagsAdded));
        if (auto r = execQuery(dropTags); !r)
            return r.failure();
        dropSources.bindValue(0, m.into);
        dropSources.bindValue(1, jsonTexts(m.sourcesAdded));
        if (auto r = execQuery(dropSources); !r)
            return r.failure();
        // Values the merge set, where they are still what it set.
        struct Revert {
            bool applies;
            const char *sql;
            QVariantList values;
        };
        const QList<Revert> reverts {
            { m.nameTaken, "UPDATE images SET name = ?, name_key = ? WHERE id = ? AND name = ?",
                { m.nameBefore, naturalSortKey(m.nameBefore), m.into, m.name } },
            { m.rating != m.ratingBefore,
                "UPDATE images SET rating = ? WHERE id = ? AND rating = ?",
                { m.ratingBefore, m.into, m.rating } },
            { m.favourite != m.favouriteBefore,
                "UPDATE images SET favourite = ? WHERE id = ? AND favourite = ?",
                { int(m.favouriteBefore), m.into, int(m.favourite) } },
            { m.annotationTaken,
                "UPDATE images SET annotation = NULL WHERE id = ? AND annotation IS ?",
                { m.into, m.trashRow.value(QStringLiteral("annotation")) } },
            { m.foundOnTaken, "UPDATE images SET found_on = NULL WHERE id = ? AND found_on IS ?",
                { m.into, m.trashRow.value(QStringLiteral("found_on")) } },
        };
        for (const Revert &revert : reverts) {
            if (!revert.applies)
                continue;
            QSqlQuery q = c.catalog.query(QLatin1String(revert.sql));
            for (int i = 0; i < revert.values.size(); ++i)
                q.bindValue(i, revert.values[i]);
            if (auto r = execQuery(q); !r)
                return r.failure();
        }

        // The same bytes, so the same thumbnail, for the trash's list (and
        // not dropped after all, should the merge be in this batch too).
        c.dropThumbnails.removeAll(m.key);
        thumbnail.bindValue(0, m.into);
        if (thumbnail.exec() && thumbnail.next())
            c.thumbnails.append({ m.key, thumbnail.value(2).toByteArray(),
                QSize(thumbnail.value(0).toInt(), thumbnail.value(1).toInt()) });
        thumbnail.finish();
        c.changed.append(m.into);
        ++done;
    }
    if (done > 0) {
        if (auto r = trashRowsMoved(c); !r)
            return r.failure();
    }
    return done;
}

Result<int> emptyTrash(WriterContext &c, const TrashFilter &filter)
{
    // Which rows: collected first, then deleted one by one with the same
    // statements whatever the filter.
    struct Row {
        qint64 key;
        QString sha;
        QString name;
    };
    QList<Row> rows;
    auto collect = [&rows](QSqlQuery &q) -> Result<void> {
        if (auto r = execQuery(q); !r)
            return r;
        while (q.next())
            rows.append({ q.value(QStringLiteral("id")).toLongLong(),
                q.value(QStringLiteral("sha256")).toString(),
                q.value(QStringLiteral("name")).toString() });
        q.finish();
        return {};
    };
    const QString select = QStringLiteral("SELECT id, sha256, name FROM trash");
    if (filter.kind == TrashFilter::Kind::Keys) {
        QSqlQuery q = c.catalog.query(select + QStringLiteral(" WHERE id = ?"));
        for (qint64 key : filter.keys) {
            q.bindValue(0, key);
            if (auto r = collect(q); !r)
                return r.failure();
        }
    } else if (filter.kind == TrashFilter::Kind::TrashedBefore) {
        QSqlQuery q = c.catalog.query(select + QStringLiteral(" WHERE trashed_at < ?"));
        q.bindValue(0, filter.before.toMSecsSinceEpoch());
        if (auto r = collect(q); !r)
            return r.failure();
    } else {
        QSqlQuery q = c.catalog.query(select);
        if (auto r = collect(q); !r)
            return r.failure();
    }

    QSqlQuery drop = c.catalog.query(QStringLiteral("DELETE FROM trash WHERE id = ?"));
    QSqlQuery inLibrary = c.catalog.query(QStringLiteral("SELECT 1 FROM images WHERE sha256 = ?"));
    QSqlQuery remember = c.catalog.query(QStringLiteral(
        "INSERT OR REPLACE INTO removed_hashes(sha256, name, removed_at) VALUES (?, ?, ?)"));
    QSqlQuery journal = c.catalog.query(QStringLiteral(
        "INSERT OR REPLACE INTO blob_journal(sha256, op, owner_pid) VALUES (?, 2, ?)"));
    const qint64 now = nowMs();
    QStringList shas;
    for (const Row &row : std::as_const(rows)) {
        drop.bindValue(0, row.key);
        if (auto r = execQuery(drop); !r)
            return r.failure();
        // Bytes still in the library (added again since) are not removed:
        // neither remembered nor unlinked.
        inLibrary.bindValue(0, row.sha);
        if (auto r = execQuery(inLibrary); !r)
            return r.failure();
        const bool kept = inLibrary.next();
        inLibrary.finish();
        c.dropThumbnails.append(row.key);
        if (kept)
            continue;
        remember.bindValue(0, row.sha);
        remember.bindValue(1, text(row.name));
        remember.bindValue(2, now);
        if (auto r = execQuery(remember); !r)
            return r.failure();
        // Journalled in this transaction, unlinked after the commit (and
        // only if no trash row still names the bytes): a crash on either
        // side leaves the next writer to finish it.
        journal.bindValue(0, row.sha);
        journal.bindValue(1, currentPid());
        if (auto r = execQuery(journal); !r)
            return r.failure();
        shas.append(row.sha);
    }
    c.unlinkAfterCommit += shas;
    // One row for the whole statement: a window showing the trash reads it
    // again, whichever process emptied it.
    if (!rows.isEmpty()) {
        if (auto r
            = c.catalog.exec(QStringLiteral("INSERT INTO changes(kind, image_id) VALUES (%1, 0)")
                                 .arg(int(ChangeKind::TrashEmptied)));
            !r)
            return r.failure();
    }
    return int(rows.size());
}

} // namespace trove::statements
