// SPDX-License-Identifier: MIT
#pragma once

#include "similar/perceptualhash.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <array>
#include <optional>
#include <utility>
#include <vector>

namespace trove {

/// One hashed image, as the index holds it.
struct HashEntry {
    qint64 key = 0;
    quint64 phash = 0;
    quint64 dhash = 0;
};

/// When two images count as the same picture.
struct SimilarityRule {
    /// Most bits in which the DCT hashes may differ (see docs/architecture.md,
    /// "Similar images", for why 8).
    int distance = kDefaultDistance;
    /// Most bits in which the difference hashes may differ; < 0: not asked.
    int dhashDistance = -1;
    static constexpr int kDefaultDistance = 8;
    static constexpr int kMaxDistance = 32;

    bool matches(const HashEntry &a, quint64 phash, quint64 dhash) const
    {
        return hammingDistance(a.phash, phash) <= distance
            && (dhashDistance < 0 || hammingDistance(a.dhash, dhash) <= dhashDistance);
    }
};

/// An image found near a query, with the bits its DCT hash differs in.
struct SimilarMatch {
    qint64 key = 0;
    int distance = 0;
    friend bool operator==(const SimilarMatch &, const SimilarMatch &) = default;
};

/// Pairs of images a person said are not duplicates, smaller key first.
using KeyPairs = QSet<QPair<qint64, qint64>>;

/// Multi-index hashing over the DCT hash (Norouzi, Punjani and Fleet,
/// "Fast search in Hamming space with multi-index hashing", 2012), in
/// memory. For one query (similar()): the 64 bits cut into five blocks
/// (13, 13, 13, 13 and 12 bits), each with a table from block value to the
/// hashes that have it; two hashes within d bits agree within d/5 bits on
/// at least one block, so at d = 8 a search reads 14 rows per block, each a
/// contiguous run, from tables that stay in cache. For all pairs
/// (groups()): the catalog's three wide blocks (HashBlocks), walked once
/// per pattern of flipped bits in block order (see pairsByWideBlocks), so
/// a million hashes group in seconds rather than a minute (bench/similar,
/// docs/architecture.md). Images with the same DCT hash share one node, so
/// a library where thousands of (flat, blank) images hash alike costs one
/// node, not a million pairs. Immutable once built; any thread may query
/// it at once.
class HashIndex final {
public:
    HashIndex() = default;
    explicit HashIndex(QList<HashEntry> entries);

    qsizetype size() const { return qsizetype(m_keys.size()); }

    /// Images whose hashes @p rule accepts against (@p phash, @p dhash),
    /// nearest first (then by key); @p exclude is left out.
    QList<SimilarMatch> similar(
        quint64 phash, quint64 dhash, const SimilarityRule &rule, qint64 exclude = 0) const;

    /// Every group of two or more images linked by pairs the rule accepts
    /// (transitively), except links between pairs in @p notDuplicates.
    /// Each group in key order; groups largest first, then by first key.
    /// How groups() finds pairs: a search per node (fast while the
    /// library's hashes are sparse in the wide tables), or the walk of
    /// pairsByWideBlocks (fast from a few hundred thousand on, d <= 8).
    enum class PairSearch { Auto, ByNode, ByBlockWalk };
    QList<QList<HashEntry>> groups(const SimilarityRule &rule, const KeyPairs &notDuplicates = {},
        PairSearch how = PairSearch::Auto) const;
    /// Auto's switch from ByNode to ByBlockWalk (bench/similar: at 10,000
    /// nodes the walk takes 0.8 s against 0.02 s, at 100,000 about the
    /// same, at 1,000,000 7.7 s against 68 s).
    static constexpr qsizetype kBlockWalkFrom = 250'000;

private:
    static constexpr int kBlocks = 5;
    static constexpr int shift(int block) { return 13 * block; }
    static constexpr int bits(int block) { return block == 4 ? 12 : 13; }
    static constexpr quint32 blockOf(quint64 hash, int block)
    {
        return quint32((hash >> shift(block)) & ((quint64(1) << bits(block)) - 1));
    }
    struct Node {
        quint64 phash;
    };
    struct Block {
        std::vector<quint32> offsets; ///< 2^bits + 1 row starts
        std::vector<quint64> phash; ///< the nodes' hashes, in row order
        std::vector<quint32> node; ///< which node, in row order
    };
    /// Calls @p visit(node) once for each node within the rule's distance
    /// of @p phash (the difference hash is each member's business); with
    /// @p after, only for nodes past it (each pair once, for groups()).
    template<typename Visit>
    void search(quint64 phash, const SimilarityRule &rule, Visit &&visit,
        std::optional<quint32> after = std::nullopt) const;
    /// Every pair of nodes within the rule's distance (d <= 8), in chunks
    /// made in parallel: see the .cpp.
    QList<std::vector<std::pair<quint32, quint32>>> pairsByWideBlocks(
        const SimilarityRule &rule) const;

    std::vector<Node> m_nodes; ///< unique phash, sorted
    std::vector<quint32> m_memberStart; ///< node i's keys: [start[i], start[i+1])
    std::vector<qint64> m_keys;
    std::vector<quint64> m_dhashes; ///< each key's own
    std::array<Block, kBlocks> m_blocks;
};

} // namespace trove
