// SPDX-License-Identifier: MIT
#include "catalog/catalogsalvage.h"

#include "base/tagkey.h"
#include "ingest/imageprocessor.h"
#include "ingest/svgdocument.h"
#include "storage/database.h"
#include "storage/gzipcodec.h"
#include "storage/libraryaccess.h"
#include "storage/schema.h"
#include "storage/thumbnailcodec.h"

#include <QAtomicInteger>
#include <QBuffer>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>
#include <QRegularExpression>
#include <QSet>
#include <QSqlRecord>
#include <QUuid>
#include <algorithm>
#include <optional>

namespace trove {

namespace {

QAtomicInteger<quint64> s_salvageCounter;

// A plain SQLite connection, with none of Connection's opening work (no
// journal switch, no migration): what a damaged file can bear.
class RawDatabase final {
    Q_DISABLE_COPY_MOVE(RawDatabase)

public:
    RawDatabase(const QString &file, bool readOnly)
        : m_name(QStringLiteral("trove-salvage-%1").arg(s_salvageCounter.fetchAndAddRelaxed(1)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(file);
        if (readOnly)
            m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        m_open = m_db.open();
    }
    ~RawDatabase()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }

    bool isOpen() const { return m_open; }
    QSqlDatabase &db() { return m_db; }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_open = false;
};

using Row = QHash<QString, QVariant>;

// Whether SQLite can seek in @p table to the first key above @p after and
// read that row (or find none): false where a damaged page is in the way.
bool seeksPast(
    QSqlDatabase &db, const QString &table, const QString &key, const QString &order, qint64 after)
{
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.prepare(QStringLiteral("SELECT %2 FROM %1 WHERE %2 > ? ORDER BY %3 LIMIT 1")
                       .arg(table, key, order)))
        return false;
    q.bindValue(0, after);
    if (!q.exec())
        return false;
    (void)q.next();
    return !q.lastError().isValid();
}

// Reads @p table in the order of its integer key @p key (positive in every
// table read here), row by row. Where SQLite stops at an unreadable page,
// finds the first key it can seek past again: growing steps until a seek
// works (the B-tree's inner pages usually still lead beyond a damaged
// leaf), then halving back, so that few good rows past the damage are
// skipped. Answers a note for each stretch it stepped over. Where @p key
// is not unique (an image's tags, a collection's items) the rows that share
// a key are all read; past a stretch, reading resumes at the next key.
// @p primaryKey, when the table's primary key is more than @p key, orders
// the rows by it: SQLite reads the table itself, not an index that may
// hold the same columns (and may be what is damaged).
QStringList readTable(QSqlDatabase &db, const QString &table, const QString &key,
    const std::function<void(const Row &)> &visit, bool uniqueKey = true,
    const QString &primaryKey = {})
{
    const QString order = primaryKey.isEmpty() ? key : primaryKey;
    QStringList notes;
    qint64 after = 0;
    for (int stretches = 0;; ++stretches) {
        const qint64 from = after;
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(QStringLiteral("SELECT * FROM %1 WHERE %2 > ? ORDER BY %3")
                           .arg(table, key, order))) {
            notes.append(
                CatalogSalvage::tr("%1: unreadable (%2)").arg(table, q.lastError().databaseText()));
            return notes;
        }
        q.bindValue(0, after);
        if (q.exec()) {
            while (q.next()) {
                const QSqlRecord record = q.record();
                Row row;
                for (int i = 0; i < record.count(); ++i)
                    row.insert(record.fieldName(i), record.value(i));
                const qint64 k = row.value(key).toLongLong();
                if (k < after || (uniqueKey && k == after))
                    continue; // a damaged page answering out of order
                after = k;
                visit(row);
            }
        }
        if (!q.lastError().isValid())
            return notes; // read to the end
        const QString why = q.lastError().databaseText();
        if (stretches >= 1000) {
            notes.append(
                CatalogSalvage::tr("%1: gave up after key %2 (%3)").arg(table).arg(after).arg(why));
            return notes;
        }
        // Rows that share a key may go on past the damage: the next key may
        // read (only the rest of this one's rows are lost). Not twice in a
        // row: a pass that read nothing steps on.
        const bool rowsOfAKey = !uniqueKey && after > from;
        qint64 bad = rowsOfAKey ? after - 1 : after;
        qint64 good = -1;
        for (qint64 step = 1; step < (qint64(1) << 62); step *= 2) {
            if (seeksPast(db, table, key, order, bad + step)) {
                good = bad + step;
                break;
            }
            bad += step;
        }
        if (good < 0) {
            notes.append(CatalogSalvage::tr("%1: unreadable after key %2 (%3)")
                             .arg(table)
                             .arg(after)
                             .arg(why));
            return notes;
        }
        while (good - bad > 1) {
            const qint64 mid = bad + (good - bad) / 2;
            if (seeksPast(db, table, key, order, mid))
                good = mid;
            else
                bad = mid;
        }
        notes.append(
            CatalogSalvage::tr("%1: stepped over an unreadable stretch of keys %2 to %3 (%4)")
                .arg(table)
                .arg(rowsOfAKey ? after : after + 1)
                .arg(good)
                .arg(why));
        after = good;
    }
}

bool isSha256(const QString &s)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(s).hasMatch();
}

struct Salvaged {
    QList<Row> images;
    QList<Row> tags;
    QList<Row> sources;
    QList<Row> trash;
    QList<Row> removed;
    QList<Row> collections;
    QList<Row> collectionItems;
    QString identity; ///< the library's, so its backups stay its own
};

Salvaged readDamaged(const QString &file, SalvageReport &report)
{
    Salvaged out;
    RawDatabase raw(file, true);
    if (!raw.isOpen()) {
        report.notes.append(
            CatalogSalvage::tr("catalog: cannot be opened (%1)").arg(raw.db().lastError().text()));
        return out;
    }
    QSet<QString> shas;
    report.notes
        += readTable(raw.db(), QStringLiteral("images"), QStringLiteral("id"), [&](const Row &row) {
               const QString sha = row.value(QStringLiteral("sha256")).toString();
               if (!isSha256(sha) || row.value(QStringLiteral("id")).toLongLong() <= 0
                   || shas.contains(sha))
                   return;
               shas.insert(sha);
               out.images.append(row);
           });
    report.notes += readTable(
        raw.db(), QStringLiteral("tags"), QStringLiteral("image_id"),
        [&](const Row &row) { out.tags.append(row); }, false);
    report.notes += readTable(
        raw.db(), QStringLiteral("sources"), QStringLiteral("image_id"),
        [&](const Row &row) { out.sources.append(row); }, false);
    report.notes
        += readTable(raw.db(), QStringLiteral("trash"), QStringLiteral("id"), [&](const Row &row) {
               if (isSha256(row.value(QStringLiteral("sha256")).toString()))
                   out.trash.append(row);
           });
    // A catalog from before collections has no such tables: nothing to read.
    if (raw.db().tables().contains(QStringLiteral("collections"))) {
        report.notes += readTable(
            raw.db(), QStringLiteral("collections"), QStringLiteral("id"), [&](const Row &row) {
                if (!row.value(QStringLiteral("name")).toString().trimmed().isEmpty())
                    out.collections.append(row);
            });
        report.notes += readTable(
            raw.db(), QStringLiteral("collection_items"), QStringLiteral("collection_id"),
            [&](const Row &row) { out.collectionItems.append(row); }, false,
            QStringLiteral("collection_id, image_id"));
    }
    QSqlQuery identity(raw.db());
    if (identity.exec(QStringLiteral("SELECT uuid FROM library WHERE id = 1")) && identity.next())
        out.identity = identity.value(0).toString();
    identity.finish();
    // Keyed by text: read as far as it goes.
    QSqlQuery removed(raw.db());
    if (removed.exec(QStringLiteral("SELECT sha256, name, removed_at FROM removed_hashes"))) {
        while (removed.next())
            out.removed.append({ { QStringLiteral("sha256"), removed.value(0) },
                { QStringLiteral("name"), removed.value(1) },
                { QStringLiteral("removed_at"), removed.value(2) } });
    }
    return out;
}

// Inserts @p row into @p table, the columns it has that the table has too.
bool insertRow(Connection &c, const QString &table, const QStringList &columns, const Row &row,
    const QString &verb = QStringLiteral("INSERT"))
{
    QStringList names;
    QVariantList values;
    for (const QString &column : columns) {
        if (row.contains(column)) {
            names.append(column);
            values.append(row.value(column));
        }
    }
    QSqlQuery q
        = c.query(QStringLiteral("%1 INTO %2(%3) VALUES (%4)")
                      .arg(verb, table, names.join(QLatin1Char(',')),
                          QStringList(names.size(), QStringLiteral("?")).join(QLatin1Char(','))));
    for (int i = 0; i < values.size(); ++i)
        q.bindValue(i, values[i]);
    return q.exec();
}

// An image again from its blob alone; empty when the blob is no intact image.
struct Rebuilt {
    Row row;
    QByteArray thumbnail;
    QSize thumbnailSize;
};

std::optional<Rebuilt> rebuildFromBlob(const QString &path, const QString &sha)
{
    QByteArray bytes;
    auto check = GzipCodec::inflateFile(path, [&bytes](const char *data, qint64 size) {
        bytes.append(data, size);
        return true;
    });
    if (!check || check->sha256 != sha)
        return std::nullopt;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    const QByteArray format = ImageProcessor::sniffImageFormat(&buffer);
    if (format.isEmpty())
        return std::nullopt;
    // SVG's size is read from SvgDocument's text, as ingest read it.
    const bool svg = SvgDocument::isSvg(format);
    QByteArray svgText;
    QBuffer text(&svgText);
    if (svg) {
        auto drawable = SvgDocument::drawable(&buffer, format);
        if (!drawable)
            return std::nullopt;
        svgText = std::move(drawable).value();
        text.open(QIODevice::ReadOnly);
    }
    QImageReader reader(svg ? &text : &buffer, svg ? QByteArray("svg") : format);
    QSize size = reader.size();
    if (!size.isValid()) {
        const QImage image = reader.read();
        if (image.isNull())
            return std::nullopt;
        size = image.size();
    }
    Rebuilt out;
    QString name = QFileInfo(check->storedName).completeBaseName();
    if (name.isEmpty())
        name = check->storedName.isEmpty() ? sha.left(12) : check->storedName;
    const QFileInfo info(path);
    out.row = {
        { QStringLiteral("uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
        { QStringLiteral("name"), name },
        { QStringLiteral("sha256"), sha },
        { QStringLiteral("format"), QString::fromLatin1(format) },
        { QStringLiteral("width"), size.width() },
        { QStringLiteral("height"), size.height() },
        { QStringLiteral("original_bytes"), check->originalBytes },
        { QStringLiteral("stored_bytes"), info.size() },
        // The blob was written when the image was added.
        { QStringLiteral("added_at"), info.lastModified().toMSecsSinceEpoch() },
    };
    if (auto thumb = ImageProcessor::thumbnailFromBytes(bytes, ThumbnailCodec::kSize)) {
        out.thumbnail = ThumbnailCodec::encode(*thumb);
        out.thumbnailSize = thumb->size();
    }
    return out;
}

const QStringList kImageColumns { QStringLiteral("id"), QStringLiteral("uuid"),
    QStringLiteral("name"), QStringLiteral("sha256"), QStringLiteral("format"),
    QStringLiteral("width"), QStringLiteral("height"), QStringLiteral("original_bytes"),
    QStringLiteral("stored_bytes"), QStringLiteral("added_at"), QStringLiteral("damaged"),
    QStringLiteral("annotation"), QStringLiteral("found_on"), QStringLiteral("rating"),
    QStringLiteral("favourite") };

} // namespace

Result<SalvageReport> CatalogSalvage::run(
    const LibraryPaths &paths, const Progress &progress, const std::atomic_bool *cancelled)
{
    auto tell = [&](qint64 done, qint64 total, const QString &what) {
        if (progress)
            progress(done, total, what);
    };
    const LibraryAccess access = LibraryAccess::probe(paths.root());
    if (!access.writable)
        return fail(tr("library %1 is read-only: %2").arg(paths.root(), access.readOnlyReason),
            Error::Kind::ReadOnly);

    SalvageReport report;
    Salvaged salvaged;
    tell(0, 0, tr("Reading what the damaged catalog still holds"));
    // An empty catalog file (a new library's, made private before SQLite
    // opened it) holds nothing to salvage or keep.
    if (QFileInfo(paths.catalogFile()).size() > 0
        || QFileInfo(paths.catalogFile() + QStringLiteral("-wal")).size() > 0) {
        auto aside = Connection::moveAside(paths.catalogFile());
        if (!aside)
            return aside.failure();
        report.damagedFile = *aside;
        salvaged = readDamaged(report.damagedFile, report);
    }

    Connection catalog;
    if (auto r = catalog.open(paths, Connection::Kind::Catalog); !r)
        return r.failure();
    Connection thumbs;
    if (auto r = thumbs.open(paths, Connection::Kind::Thumbs); !r)
        return r.failure();
    if (auto r = catalog.exec(QStringLiteral("BEGIN IMMEDIATE")); !r)
        return r.failure();

    if (!salvaged.identity.isEmpty()) {
        QSqlQuery same = catalog.query(QStringLiteral("UPDATE library SET uuid = ? WHERE id = 1"));
        same.bindValue(0, salvaged.identity);
        same.exec(); // a new identity if not: its old backups are then refused, not lost
    }

    QSet<qint64> keys;
    QSet<QString> known;
    for (Row row : std::as_const(salvaged.images)) {
        if (!insertRow(catalog, QStringLiteral("images"), kImageColumns, row)) {
            // A uuid read twice from a damaged page: the image keeps its key.
            row.insert(QStringLiteral("uuid"), QUuid::createUuid().toString(QUuid::WithoutBraces));
            if (!insertRow(catalog, QStringLiteral("images"), kImageColumns, row))
                continue;
        }
        keys.insert(row.value(QStringLiteral("id")).toLongLong());
        known.insert(row.value(QStringLiteral("sha256")).toString());
        ++report.imagesRead;
    }
    for (Row row : std::as_const(salvaged.tags)) {
        // Keyed anew, whatever the damaged catalog's schema was: of two
        // spellings that fold together, the first read stays.
        row.insert(QStringLiteral("tag_key"), tagKey(row.value(QStringLiteral("tag")).toString()));
        if (keys.contains(row.value(QStringLiteral("image_id")).toLongLong())
            && insertRow(catalog, QStringLiteral("tags"),
                { QStringLiteral("image_id"), QStringLiteral("tag"), QStringLiteral("tag_key") },
                row, QStringLiteral("INSERT OR IGNORE")))
            ++report.tagsRead;
    }
    for (const Row &row : std::as_const(salvaged.sources)) {
        if (keys.contains(row.value(QStringLiteral("image_id")).toLongLong())
            && insertRow(catalog, QStringLiteral("sources"),
                { QStringLiteral("image_id"), QStringLiteral("url"), QStringLiteral("host"),
                    QStringLiteral("added_at") },
                row, QStringLiteral("INSERT OR IGNORE")))
            ++report.sourcesRead;
    }
    QSet<qint64> trashKeys;
    for (const Row &row : std::as_const(salvaged.trash)) {
        const qint64 key = row.value(QStringLiteral("id")).toLongLong();
        if (keys.contains(key) || known.contains(row.value(QStringLiteral("sha256")).toString()))
            continue;
        if (insertRow(catalog, QStringLiteral("trash"),
                kImageColumns
                    + QStringList { QStringLiteral("tags"), QStringLiteral("sources"),
                        QStringLiteral("trashed_at") },
                row)) {
            trashKeys.insert(key);
            known.insert(row.value(QStringLiteral("sha256")).toString());
            ++report.trashRead;
        }
    }
    // Collections keep their keys, names, saved searches and hand order;
    // their name keys are written anew (fillComputedColumns(), which also
    // renames the later of two names that fold together). Items only of
    // images salvaged here, in the catalog or in its trash.
    QSet<qint64> collectionKeys;
    for (const Row &row : std::as_const(salvaged.collections)) {
        if (insertRow(catalog, QStringLiteral("collections"),
                { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("query"),
                    QStringLiteral("created_at") },
                row)) {
            collectionKeys.insert(row.value(QStringLiteral("id")).toLongLong());
            ++report.collectionsRead;
        }
    }
    for (const Row &row : std::as_const(salvaged.collectionItems)) {
        const qint64 image = row.value(QStringLiteral("image_id")).toLongLong();
        if (collectionKeys.contains(row.value(QStringLiteral("collection_id")).toLongLong())
            && (keys.contains(image) || trashKeys.contains(image)))
            (void)insertRow(catalog, QStringLiteral("collection_items"),
                { QStringLiteral("collection_id"), QStringLiteral("image_id"),
                    QStringLiteral("position") },
                row, QStringLiteral("INSERT OR IGNORE"));
    }
    if (auto r = schema::fillComputedColumns(catalog); !r) {
        (void)catalog.exec(QStringLiteral("ROLLBACK"));
        return r.failure();
    }
    for (const Row &row : std::as_const(salvaged.removed))
        (void)insertRow(catalog, QStringLiteral("removed_hashes"),
            { QStringLiteral("sha256"), QStringLiteral("name"), QStringLiteral("removed_at") }, row,
            QStringLiteral("INSERT OR IGNORE"));

    // Thumbnails of keys no salvaged row has any more would show on the
    // images rebuilt below, which may get those keys.
    {
        QSqlQuery stale = thumbs.query(QStringLiteral("SELECT image_id FROM thumbs"));
        QList<qint64> drop;
        if (stale.exec()) {
            while (stale.next()) {
                const qint64 key = stale.value(0).toLongLong();
                if (!keys.contains(key) && !trashKeys.contains(key))
                    drop.append(key);
            }
        }
        stale.finish();
        (void)thumbs.exec(QStringLiteral("BEGIN"));
        QSqlQuery del = thumbs.query(QStringLiteral("DELETE FROM thumbs WHERE image_id = ?"));
        for (qint64 key : std::as_const(drop)) {
            del.bindValue(0, key);
            (void)del.exec();
        }
        (void)thumbs.exec(QStringLiteral("COMMIT"));
    }

    if (auto r = catalog.exec(QStringLiteral("COMMIT")); !r) {
        (void)catalog.exec(QStringLiteral("ROLLBACK"));
        return r.failure();
    }
    catalog.close();
    thumbs.close();

    // Every blob no row names: an image again if it is an intact one.
    QStringList blobs;
    QDirIterator it(
        paths.blobsDir(), { QStringLiteral("*.gz") }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!known.contains(QFileInfo(path).completeBaseName()))
            blobs.append(path);
    }
    auto adopted = adoptBlobs(blobs, paths, progress, cancelled);
    if (!adopted)
        return adopted.failure();
    report.rebuiltFromBlobs = adopted->size();
    report.unreadableBlobs = blobs.size() - adopted->size();
    return report;
}

Result<QStringList> CatalogSalvage::adoptBlobs(const QStringList &blobs, const LibraryPaths &paths,
    const Progress &progress, const std::atomic_bool *cancelled)
{
    Connection catalog;
    if (auto r = catalog.open(paths, Connection::Kind::Catalog); !r)
        return r.failure();
    Connection thumbs;
    if (auto r = thumbs.open(paths, Connection::Kind::Thumbs); !r)
        return r.failure();
    if (auto r = catalog.exec(QStringLiteral("BEGIN IMMEDIATE")); !r)
        return r.failure();
    // Keys are never those of an image in the trash (see commitImage).
    qint64 nextKey = 1;
    {
        QSqlQuery top = catalog.query(QStringLiteral("SELECT max(coalesce((SELECT max(id) FROM "
                                                     "images), 0), coalesce((SELECT max(id) FROM "
                                                     "trash), 0)) + 1"));
        if (top.exec() && top.next())
            nextKey = top.value(0).toLongLong();
    }
    // Bytes someone removed for good stay orphans (verify moves them aside).
    QSqlQuery named = catalog.query(QStringLiteral(
        "SELECT 1 FROM images WHERE sha256 = ? UNION ALL SELECT 1 FROM trash WHERE sha256 = ? "
        "UNION ALL SELECT 1 FROM removed_hashes WHERE sha256 = ? LIMIT 1"));
    QSqlQuery dropThumb = thumbs.query(QStringLiteral("DELETE FROM thumbs WHERE image_id = ?"));
    QSqlQuery putThumb = thumbs.query(QStringLiteral(
        "INSERT OR REPLACE INTO thumbs(image_id, width, height, data) VALUES (?, ?, ?, ?)"));
    (void)thumbs.exec(QStringLiteral("BEGIN"));
    QStringList adopted;
    for (qsizetype i = 0; i < blobs.size(); ++i) {
        if (cancelled && cancelled->load())
            break;
        if (progress)
            progress(i, blobs.size(), tr("Rebuilding images from their stored files"));
        const QString sha = QFileInfo(blobs[i]).completeBaseName();
        if (!isSha256(sha))
            continue;
        for (int b = 0; b < 3; ++b)
            named.bindValue(b, sha);
        if (!named.exec() || named.next())
            continue;
        named.finish();
        auto rebuilt = rebuildFromBlob(blobs[i], sha);
        if (!rebuilt)
            continue;
        rebuilt->row.insert(QStringLiteral("id"), nextKey);
        if (!insertRow(catalog, QStringLiteral("images"), kImageColumns, rebuilt->row))
            continue;
        adopted.append(blobs[i]);
        // A thumbnail an earlier image left under this key is not this one's.
        dropThumb.bindValue(0, nextKey);
        (void)dropThumb.exec();
        if (!rebuilt->thumbnail.isEmpty()) {
            putThumb.bindValue(0, nextKey);
            putThumb.bindValue(1, rebuilt->thumbnailSize.width());
            putThumb.bindValue(2, rebuilt->thumbnailSize.height());
            putThumb.bindValue(3, rebuilt->thumbnail);
            (void)putThumb.exec();
        }
        ++nextKey;
    }
    named.finish();
    // Rows were copied column by column: the natural name keys, computed
    // in C++, are written for them all at once.
    if (auto r = schema::fillComputedColumns(catalog); !r) {
        (void)catalog.exec(QStringLiteral("ROLLBACK"));
        (void)thumbs.exec(QStringLiteral("ROLLBACK"));
        return r.failure();
    }
    (void)thumbs.exec(QStringLiteral("COMMIT"));
    if (auto r = catalog.exec(QStringLiteral("COMMIT")); !r) {
        (void)catalog.exec(QStringLiteral("ROLLBACK"));
        return r.failure();
    }
    if (progress)
        progress(blobs.size(), blobs.size(), tr("Done"));
    return adopted;
}

QStringList CatalogSalvage::diagnose(const QString &file, int maxLines)
{
    if (!QFileInfo::exists(file))
        return { tr("%1 is missing").arg(file) };
    RawDatabase raw(file, true);
    if (!raw.isOpen())
        return { raw.db().lastError().databaseText() };
    QStringList problems;
    QSqlQuery q(raw.db());
    if (!q.exec(QStringLiteral("PRAGMA integrity_check(%1)").arg(maxLines)))
        return { q.lastError().databaseText() };
    while (q.next()) {
        const QString line = q.value(0).toString();
        if (line != QLatin1String("ok"))
            problems.append(line);
    }
    if (q.lastError().isValid())
        problems.append(q.lastError().databaseText());
    return problems;
}

QString CatalogSalvage::summarize(const QStringList &problems, int shown)
{
    QStringList head = problems.mid(0, shown);
    QString text = head.join(QStringLiteral("; "));
    if (problems.size() > shown)
        text += tr("; and %n more", nullptr, int(problems.size() - shown));
    return text;
}

} // namespace trove
