// SPDX-License-Identifier: MIT
#include "similar/similarityreader.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <algorithm>
#include <bit>

namespace trove {

namespace {

void valuesWithin(quint32 value, int bits, int radius, int fromBit, QStringList &out)
{
    out.append(QString::number(value));
    if (radius == 0)
        return;
    for (int bit = fromBit; bit < bits; ++bit)
        valuesWithin(value ^ (1u << bit), bits, radius - 1, bit + 1, out);
}

} // namespace

Result<std::optional<ImageHash>> SimilarityReader::hashOf(qint64 key)
{
    QSqlQuery q = m_catalog.query(
        QStringLiteral("SELECT phash, dhash FROM image_hashes WHERE image_id = ?"));
    q.bindValue(0, key);
    if (auto r = execQuery(q); !r)
        return r.failure();
    if (!q.next())
        return std::optional<ImageHash>();
    const QVariant phash = q.value(QStringLiteral("phash"));
    if (phash.isNull())
        return std::optional<ImageHash>(ImageHash {});
    return std::optional<ImageHash>(ImageHash { hashFromSql(phash.toLongLong()),
        hashFromSql(q.value(QStringLiteral("dhash")).toLongLong()), true });
}

QString SimilarityReader::searchSql(const ImageHash &hash, const SimilarityRule &rule)
{
    const int radius = HashBlocks::radius(std::clamp(rule.distance, 0, 64));
    // The difference hash is in no index: asking for it (not the default)
    // reads each candidate's row.
    const QString columns = rule.dhashDistance >= 0 ? QStringLiteral("image_id, phash, dhash")
                                                    : QStringLiteral("image_id, phash, 0 AS dhash");
    if (radius >= 4)
        return QStringLiteral("SELECT -1 AS block, %1 FROM image_hashes WHERE phash IS NOT NULL")
            .arg(columns);
    // One SELECT per block, each answered from its covering index
    // (b, phash): an OR of the three would make SQLite fetch every
    // candidate's table row. Block values are numbers made here, not input:
    // safe as literals, and literals let SQLite seek each one.
    QStringList parts;
    for (int b = 0; b < HashBlocks::kCount; ++b) {
        QStringList values;
        valuesWithin(HashBlocks::value(hash.phash, b), HashBlocks::bits(b), radius, 0, values);
        parts.append(QStringLiteral("SELECT %1 AS block, %2 FROM image_hashes WHERE b%1 IN (%3)")
                         .arg(b)
                         .arg(columns, values.join(QLatin1Char(','))));
    }
    return parts.join(QStringLiteral(" UNION ALL "));
}

Result<QList<SimilarMatch>> SimilarityReader::similar(
    const ImageHash &hash, const SimilarityRule &rule, qint64 exclude)
{
    if (!hash.valid)
        return QList<SimilarMatch>();
    const int d = std::clamp(rule.distance, 0, 64);
    const int radius = HashBlocks::radius(d);
    const QString sql = searchSql(hash, rule);
    QSqlQuery q = m_catalog.query(sql);
    q.setForwardOnly(true);
    if (auto r = execQuery(q); !r)
        return r.failure();
    const QSqlRecord names = q.record();
    const int blockAt = names.indexOf(QStringLiteral("block"));
    const int keyAt = names.indexOf(QStringLiteral("image_id"));
    const int phashAt = names.indexOf(QStringLiteral("phash"));
    const int dhashAt = names.indexOf(QStringLiteral("dhash"));
    QList<SimilarMatch> out;
    while (q.next()) {
        const quint64 phash = hashFromSql(q.value(phashAt).toLongLong());
        if (hammingDistance(phash, hash.phash) > d)
            continue;
        // Found through an earlier block already: count it once.
        const int block = q.value(blockAt).toInt();
        bool seen = false;
        for (int e = 0; e < block && !seen; ++e)
            seen = std::popcount(HashBlocks::value(phash, e) ^ HashBlocks::value(hash.phash, e))
                <= radius;
        const qint64 key = q.value(keyAt).toLongLong();
        if (seen || key == exclude)
            continue;
        const HashEntry e { key, phash, hashFromSql(q.value(dhashAt).toLongLong()) };
        if (rule.matches(e, hash.phash, hash.dhash))
            out.append({ key, hammingDistance(phash, hash.phash) });
    }
    std::sort(out.begin(), out.end(), [](const SimilarMatch &a, const SimilarMatch &b) {
        return std::tie(a.distance, a.key) < std::tie(b.distance, b.key);
    });
    return out;
}

Result<QList<HashEntry>> SimilarityReader::allHashes()
{
    QSqlQuery q = m_catalog.query(
        QStringLiteral("SELECT image_id, phash, dhash FROM image_hashes WHERE phash IS NOT NULL"));
    q.setForwardOnly(true);
    if (auto r = execQuery(q); !r)
        return r.failure();
    QList<HashEntry> out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), hashFromSql(q.value(1).toLongLong()),
            hashFromSql(q.value(2).toLongLong()) });
    return out;
}

Result<KeyPairs> SimilarityReader::notDuplicates()
{
    QSqlQuery q = m_catalog.query(QStringLiteral("SELECT a, b FROM not_duplicates"));
    q.setForwardOnly(true);
    if (auto r = execQuery(q); !r)
        return r.failure();
    KeyPairs out;
    while (q.next())
        out.insert({ q.value(0).toLongLong(), q.value(1).toLongLong() });
    return out;
}

Result<QList<QList<HashEntry>>> SimilarityReader::duplicates(const SimilarityRule &rule)
{
    auto hashes = allHashes();
    if (!hashes)
        return hashes.failure();
    auto apart = notDuplicates();
    if (!apart)
        return apart.failure();
    return HashIndex(std::move(*hashes)).groups(rule, *apart);
}

Result<QList<ImageRecord>> SimilarityReader::briefs(const QList<qint64> &keys)
{
    // In rising key order, so the rows are read along the table, not back
    // and forth through it.
    QList<qint64> sorted = keys;
    std::sort(sorted.begin(), sorted.end());
    QList<ImageRecord> out;
    out.reserve(sorted.size());
    QSqlQuery q = m_catalog.query(
        QStringLiteral("SELECT id, uuid, name, format, width, height, original_bytes, added_at "
                       "FROM images WHERE id IN (SELECT value FROM json_each(?))"));
    q.setForwardOnly(true);
    constexpr qsizetype kChunk = 20000;
    for (qsizetype at = 0; at < sorted.size(); at += kChunk) {
        QByteArray batch = "[";
        for (qsizetype i = at; i < std::min(sorted.size(), at + kChunk); ++i) {
            if (i > at)
                batch += ',';
            batch += QByteArray::number(sorted[i]);
        }
        batch += ']';
        q.bindValue(0, QString::fromLatin1(batch));
        if (auto r = execQuery(q); !r)
            return r.failure();
        // Columns by name, looked up once per statement rather than per row.
        const QSqlRecord names = q.record();
        const int keyAt = names.indexOf(QStringLiteral("id"));
        const int idAt = names.indexOf(QStringLiteral("uuid"));
        const int nameAt = names.indexOf(QStringLiteral("name"));
        const int formatAt = names.indexOf(QStringLiteral("format"));
        const int widthAt = names.indexOf(QStringLiteral("width"));
        const int heightAt = names.indexOf(QStringLiteral("height"));
        const int bytesAt = names.indexOf(QStringLiteral("original_bytes"));
        const int addedAt = names.indexOf(QStringLiteral("added_at"));
        while (q.next()) {
            ImageRecord r;
            r.key = q.value(keyAt).toLongLong();
            r.id = q.value(idAt).toString();
            r.name = q.value(nameAt).toString();
            r.format = q.value(formatAt).toString();
            r.width = q.value(widthAt).toInt();
            r.height = q.value(heightAt).toInt();
            r.originalBytes = q.value(bytesAt).toLongLong();
            r.addedAt = QDateTime::fromMSecsSinceEpoch(q.value(addedAt).toLongLong(), Qt::UTC);
            out.append(std::move(r));
        }
        q.finish();
    }
    return out;
}

Result<HashProgress> SimilarityReader::progress()
{
    QSqlQuery q = m_catalog.query(
        QStringLiteral("SELECT (SELECT images FROM stats WHERE id = 1) AS images, "
                       "(SELECT count(*) FROM image_hashes) AS hashed, "
                       "(SELECT count(*) FROM image_hashes WHERE phash IS NULL) AS unhashable"));
    if (auto r = execQuery(q); !r)
        return r.failure();
    HashProgress out;
    if (q.next()) {
        out.images = q.value(QStringLiteral("images")).toLongLong();
        out.hashed = q.value(QStringLiteral("hashed")).toLongLong();
        out.unhashable = q.value(QStringLiteral("unhashable")).toLongLong();
    }
    return out;
}

Result<QList<QPair<qint64, QString>>> SimilarityReader::unhashed(qint64 afterKey, int limit)
{
    QSqlQuery q = m_catalog.query(QStringLiteral(
        "SELECT i.id, i.sha256 FROM images i WHERE i.id > ? AND NOT EXISTS "
        "(SELECT 1 FROM image_hashes h WHERE h.image_id = i.id) ORDER BY i.id LIMIT ?"));
    q.bindValue(0, afterKey);
    q.bindValue(1, limit);
    if (auto r = execQuery(q); !r)
        return r.failure();
    QList<QPair<qint64, QString>> out;
    while (q.next())
        out.append({ q.value(0).toLongLong(), q.value(1).toString() });
    return out;
}

} // namespace trove
