// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/imagerecord.h"
#include "similar/hashindex.h"
#include "storage/database.h"

#include <QCoreApplication>
#include <optional>

namespace trove {

/// How far hashing has come: images in the library and how many of them
/// have a hash (or are known to have none).
struct HashProgress {
    qint64 images = 0;
    qint64 hashed = 0;
    qint64 unhashable = 0; ///< could not be decoded
    qint64 remaining() const { return std::max<qint64>(0, images - hashed); }
};

/// The reading side of "similar images" on one catalog connection (so on
/// that connection's thread): an image's hash, the images near a hash, all
/// hashes for grouping, and what the backfill has left to do.
class SimilarityReader final {
    Q_DECLARE_TR_FUNCTIONS(SimilarityReader)
    Q_DISABLE_COPY_MOVE(SimilarityReader)

public:
    explicit SimilarityReader(Connection &catalog)
        : m_catalog(catalog)
    {
    }

    /// The image's hash: nullopt while it is not hashed yet, an invalid
    /// hash when it cannot be.
    Result<std::optional<ImageHash>> hashOf(qint64 key);

    /// Images whose hash @p rule accepts, nearest first, without reading
    /// every hash: the entries of the indexed blocks (HashBlocks) within
    /// d/3 bits of the query's (multi-index hashing in SQL), each checked
    /// with the hash its covering index holds, so no table row is read
    /// (unless the rule asks for the difference hash). From d = 12 on every
    /// hash is read.
    Result<QList<SimilarMatch>> similar(
        const ImageHash &hash, const SimilarityRule &rule, qint64 exclude = 0);
    /// The statement similar() runs (for EXPLAIN QUERY PLAN in the tests
    /// and the benchmark): columns block, image_id, phash, dhash.
    static QString searchSql(const ImageHash &hash, const SimilarityRule &rule);

    /// Every valid hash (16 bytes an image; ~0.5 s at a million).
    Result<QList<HashEntry>> allHashes();
    /// The pairs a person marked "not duplicates".
    Result<KeyPairs> notDuplicates();

    /// Groups of near-duplicates over the whole library (HashIndex::groups).
    Result<QList<QList<HashEntry>>> duplicates(const SimilarityRule &rule);

    /// The records of @p keys with only what lists of similar images print
    /// and the keep-best rule needs (key, id, name, format, dimensions,
    /// original size, added; no tags, sources or stored size), read in a
    /// few statements however many keys (CatalogReader::byKeys costs a
    /// statement per key: minutes for the 200,000 images in groups of a
    /// million). Keys not in the library are left out; in key order.
    Result<QList<ImageRecord>> briefs(const QList<qint64> &keys);

    Result<HashProgress> progress();
    /// Images without a hash row, key above @p afterKey, in key order:
    /// (key, sha256).
    Result<QList<QPair<qint64, QString>>> unhashed(qint64 afterKey, int limit);

private:
    Connection &m_catalog;
};

} // namespace trove
