// SPDX-License-Identifier: MIT
#include "similar/hashindex.h"

#include "base/platform.h"

#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>

namespace trove {

namespace {

// Calls @p visit(v) for every v of @p bits bits within @p radius bits of
// @p value.
template<typename Visit>
void withinRadius(quint32 value, int bits, int radius, int fromBit, Visit &visit)
{
    visit(value);
    if (radius == 0)
        return;
    for (int bit = fromBit; bit < bits; ++bit)
        withinRadius(value ^ (1u << bit), bits, radius - 1, bit + 1, visit);
}

// Union-find over positions, smaller root wins so groups read in order.
struct Sets {
    explicit Sets(size_t n)
        : parent(n)
    {
        std::iota(parent.begin(), parent.end(), quint32(0));
    }
    quint32 find(quint32 x)
    {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
    void join(quint32 a, quint32 b)
    {
        a = find(a);
        b = find(b);
        if (a != b)
            parent[std::max(a, b)] = std::min(a, b);
    }
    std::vector<quint32> parent;
};

} // namespace

HashIndex::HashIndex(QList<HashEntry> entries)
{
    std::sort(entries.begin(), entries.end(), [](const HashEntry &a, const HashEntry &b) {
        return std::tie(a.phash, a.key) < std::tie(b.phash, b.key);
    });
    m_keys.reserve(size_t(entries.size()));
    m_dhashes.reserve(size_t(entries.size()));
    for (const HashEntry &e : std::as_const(entries)) {
        if (m_nodes.empty() || m_nodes.back().phash != e.phash) {
            m_nodes.push_back({ e.phash });
            m_memberStart.push_back(quint32(m_keys.size()));
        }
        m_keys.push_back(e.key);
        m_dhashes.push_back(e.dhash);
    }
    m_memberStart.push_back(quint32(m_keys.size()));

    // Counting sort of the nodes by each block's value.
    for (int b = 0; b < kBlocks; ++b) {
        Block &block = m_blocks[size_t(b)];
        block.offsets.assign((size_t(1) << bits(b)) + 1, 0);
        for (const Node &n : m_nodes)
            ++block.offsets[blockOf(n.phash, b) + 1];
        std::partial_sum(block.offsets.begin(), block.offsets.end(), block.offsets.begin());
        std::vector<quint32> fill(block.offsets.begin(), block.offsets.end() - 1);
        block.phash.resize(m_nodes.size());
        block.node.resize(m_nodes.size());
        for (quint32 i = 0; i < quint32(m_nodes.size()); ++i) {
            const quint32 at = fill[blockOf(m_nodes[i].phash, b)]++;
            block.phash[at] = m_nodes[i].phash;
            block.node[at] = i;
        }
    }
}

template<typename Visit>
void HashIndex::search(
    quint64 phash, const SimilarityRule &rule, Visit &&visit, std::optional<quint32> after) const
{
    if (m_nodes.empty())
        return;
    const int d = std::clamp(rule.distance, 0, 64);
    const int radius = d / kBlocks;
    if (radius >= 3) {
        // ~380 rows per block and more: a plain scan is as fast.
        for (quint32 i = after ? *after + 1 : 0; i < quint32(m_nodes.size()); ++i)
            if (hammingDistance(m_nodes[i].phash, phash) <= d)
                visit(i);
        return;
    }
    for (int b = 0; b < kBlocks; ++b) {
        const Block &block = m_blocks[size_t(b)];
        auto row = [&](quint32 value) {
            quint32 at = block.offsets[value];
            const quint32 end = block.offsets[value + 1];
            if (after) {
                // A row lists its nodes in rising order: skip to those past.
                at = quint32(
                    std::upper_bound(block.node.begin() + at, block.node.begin() + end, *after)
                    - block.node.begin());
            }
            for (; at < end; ++at) {
                const quint64 other = block.phash[at];
                if (hammingDistance(other, phash) > d)
                    continue;
                // Found through an earlier block already: visit once.
                bool seen = false;
                for (int e = 0; e < b && !seen; ++e)
                    seen = std::popcount(blockOf(other, e) ^ blockOf(phash, e)) <= radius;
                if (seen)
                    continue;
                visit(block.node[at]);
            }
        };
        withinRadius(blockOf(phash, b), bits(b), radius, 0, row);
    }
}

QList<SimilarMatch> HashIndex::similar(
    quint64 phash, quint64 dhash, const SimilarityRule &rule, qint64 exclude) const
{
    QList<SimilarMatch> out;
    search(phash, rule, [&](quint32 node) {
        const int distance = hammingDistance(m_nodes[node].phash, phash);
        for (quint32 m = m_memberStart[node]; m < m_memberStart[node + 1]; ++m)
            if (m_keys[m] != exclude
                && (rule.dhashDistance < 0
                    || hammingDistance(m_dhashes[m], dhash) <= rule.dhashDistance))
                out.append({ m_keys[m], distance });
    });
    std::sort(out.begin(), out.end(), [](const SimilarMatch &a, const SimilarMatch &b) {
        return std::tie(a.distance, a.key) < std::tie(b.distance, b.key);
    });
    return out;
}

QList<std::vector<std::pair<quint32, quint32>>> HashIndex::pairsByWideBlocks(
    const SimilarityRule &rule) const
{
    // Every pair within d bits, once, through the catalog's three wide
    // blocks (HashBlocks): a pair agrees within r = d/3 bits on some block.
    // For each block and each pattern F of at most r flipped bits, walk the
    // nodes in that block's order and read the row of (value ^ F):
    // consecutive nodes differ in low bits, so do their rows, and the walk
    // reads memory nearly in order; a query at a time would jump through
    // a 16 MB table ~700 times per node (bench/similar: 0.09 ms a node at
    // a million).
    using Edges = std::vector<std::pair<quint32, quint32>>;
    const int d = std::clamp(rule.distance, 0, 64);
    const int radius = HashBlocks::radius(d);
    struct Wide {
        std::vector<quint32> offsets;
        std::vector<quint64> phash;
        std::vector<quint32> node;
    };
    std::array<Wide, HashBlocks::kCount> wide;
    for (int b = 0; b < HashBlocks::kCount; ++b) {
        Wide &w = wide[size_t(b)];
        w.offsets.assign((size_t(1) << HashBlocks::bits(b)) + 1, 0);
        for (const Node &n : m_nodes)
            ++w.offsets[HashBlocks::value(n.phash, b) + 1];
        std::partial_sum(w.offsets.begin(), w.offsets.end(), w.offsets.begin());
        std::vector<quint32> fill(w.offsets.begin(), w.offsets.end() - 1);
        w.phash.resize(m_nodes.size());
        w.node.resize(m_nodes.size());
        for (quint32 i = 0; i < quint32(m_nodes.size()); ++i) {
            const quint32 at = fill[HashBlocks::value(m_nodes[i].phash, b)]++;
            w.phash[at] = m_nodes[i].phash;
            w.node[at] = i;
        }
    }
    struct Task {
        int block;
        quint32 flips;
    };
    QList<Task> tasks;
    for (int b = 0; b < HashBlocks::kCount; ++b) {
        auto add = [&tasks, b](quint32 value) { tasks.append({ b, value }); };
        withinRadius(0, HashBlocks::bits(b), radius, 0, add);
    }
    const auto pass = [&wide, d, radius](const Task &task) {
        Edges edges;
        const Wide &w = wide[size_t(task.block)];
        const quint32 n = quint32(w.node.size());
        // Each pair once: with flips, from the side whose value has the
        // highest flipped bit clear (the other side never reads its row);
        // within one row, from the smaller node.
        const quint32 top = task.flips ? quint32(1) << (31 - std::countl_zero(task.flips)) : 0;
        for (quint32 pos = 0; pos < n; ++pos) {
            const quint64 phash = w.phash[pos];
            const quint32 value = HashBlocks::value(phash, task.block);
            if (value & top)
                continue;
            const quint32 me = w.node[pos];
            const quint32 row = value ^ task.flips;
            for (quint32 at = w.offsets[row]; at < w.offsets[row + 1]; ++at) {
                const quint64 other = w.phash[at];
                if ((top == 0 && w.node[at] <= me) || hammingDistance(other, phash) > d)
                    continue;
                // Found through an earlier block already.
                bool seen = false;
                for (int e = 0; e < task.block && !seen; ++e)
                    seen = std::popcount(HashBlocks::value(other, e) ^ HashBlocks::value(phash, e))
                        <= radius;
                if (!seen)
                    edges.emplace_back(std::min(me, w.node[at]), std::max(me, w.node[at]));
            }
        }
        return edges;
    };
    return QtConcurrent::blockingMapped<QList<Edges>>(backgroundPool(), tasks, pass);
}

QList<QList<HashEntry>> HashIndex::groups(
    const SimilarityRule &rule, const KeyPairs &notDuplicates, PairSearch how) const
{
    const auto apart = [&](quint32 a, quint32 b) {
        const qint64 ka = m_keys[a];
        const qint64 kb = m_keys[b];
        return notDuplicates.contains({ std::min(ka, kb), std::max(ka, kb) });
    };
    Sets sets(m_keys.size());
    // Every pair accepted: the members of a range are one set already, and
    // one pair links two ranges whole.
    const bool everyPair = rule.dhashDistance < 0 && notDuplicates.isEmpty();
    // Links two member ranges through each pair the difference hash (if
    // asked) accepts and nobody marked apart. Not through the first such
    // pair alone: with a pair kept apart (or refused by the difference
    // hash) a range's members may be in different sets, and a member left
    // out was dropped from the duplicates with its real twin (A and B kept
    // apart, C a copy of both: B vanished).
    const auto link = [&](quint32 fromA, quint32 toA, quint32 fromB, quint32 toB) {
        for (quint32 a = fromA; a < toA; ++a)
            for (quint32 b = fromB; b < toB; ++b) {
                if (!everyPair && sets.find(a) == sets.find(b))
                    continue;
                if ((rule.dhashDistance < 0
                        || hammingDistance(m_dhashes[a], m_dhashes[b]) <= rule.dhashDistance)
                    && (notDuplicates.isEmpty() || !apart(a, b))) {
                    sets.join(a, b);
                    if (everyPair)
                        return;
                }
            }
    };
    // A member in no pair kept apart goes with every member it meets when
    // no difference hash is asked: one such member per node makes its node
    // one set, and links another node whole, without a loop over every
    // pair (quadratic in a node of thousands of copies of one picture,
    // which one pair kept apart anywhere in the library sent it through).
    constexpr quint32 kNone = std::numeric_limits<quint32>::max();
    std::vector<quint32> freeMember;
    if (!everyPair && rule.dhashDistance < 0) {
        QSet<qint64> marked;
        for (const auto &[a, b] : notDuplicates) {
            marked.insert(a);
            marked.insert(b);
        }
        freeMember.assign(m_nodes.size(), kNone);
        for (quint32 i = 0; i < quint32(m_nodes.size()); ++i)
            for (quint32 m = m_memberStart[i]; m < m_memberStart[i + 1]; ++m)
                if (!marked.contains(m_keys[m])) {
                    freeMember[i] = m;
                    break;
                }
    }
    const auto freeOf
        = [&freeMember](quint32 node) { return freeMember.empty() ? kNone : freeMember[node]; };
    // The same hashes: one picture, unless a person said otherwise.
    for (quint32 i = 0; i < quint32(m_nodes.size()); ++i) {
        if (const quint32 f = freeOf(i); f != kNone) {
            for (quint32 m = m_memberStart[i]; m < m_memberStart[i + 1]; ++m)
                sets.join(f, m);
            continue;
        }
        for (quint32 m = m_memberStart[i] + 1; m < m_memberStart[i + 1]; ++m)
            link(m_memberStart[i], m, m, m + 1);
    }
    // Links between nodes, found in parallel (reading only immutable
    // tables), joined here.
    using Edges = std::vector<std::pair<quint32, quint32>>;
    QList<Edges> found;
    // The walk reads every node once per pattern: worth it only where the
    // nodes are dense in the wide tables, and beyond d = 8 its passes
    // multiply by eight.
    const bool walk = HashBlocks::radius(std::clamp(rule.distance, 0, 64)) <= 2
        && (how == PairSearch::ByBlockWalk
            || (how == PairSearch::Auto && qsizetype(m_nodes.size()) >= kBlockWalkFrom));
    if (walk)
        found = pairsByWideBlocks(rule);
    else {
        const quint32 nodes = quint32(m_nodes.size());
        const quint32 chunk = 4096;
        QList<quint32> starts;
        for (quint32 at = 0; at < nodes; at += chunk)
            starts.append(at);
        const auto edgesFrom = [this, &rule, nodes, chunk](quint32 start) {
            Edges edges;
            for (quint32 i = start; i < std::min(nodes, start + chunk); ++i)
                search(
                    m_nodes[i].phash, rule, [&](quint32 j) { edges.emplace_back(i, j); }, i);
            return edges;
        };
        found = QtConcurrent::blockingMapped<QList<Edges>>(backgroundPool(), starts, edgesFrom);
    }
    for (const Edges &edges : found)
        for (const auto &[i, j] : edges) {
            if (everyPair && sets.find(m_memberStart[i]) == sets.find(m_memberStart[j]))
                continue;
            // A free member of one node (whose node is one set already)
            // takes every member of the other.
            const quint32 fi = freeOf(i);
            const quint32 fj = freeOf(j);
            if (fi != kNone || fj != kNone) {
                const quint32 f = fi != kNone ? fi : fj;
                const quint32 other = fi != kNone ? j : i;
                for (quint32 m = m_memberStart[other]; m < m_memberStart[other + 1]; ++m)
                    sets.join(f, m);
                continue;
            }
            link(m_memberStart[i], m_memberStart[i + 1], m_memberStart[j], m_memberStart[j + 1]);
        }
    // Members by root; positions rise with (hash, key), so sort each group.
    std::vector<quint32> count(m_keys.size(), 0);
    for (quint32 p = 0; p < quint32(m_keys.size()); ++p)
        ++count[sets.find(p)];
    QHash<quint32, qsizetype> slot;
    QList<QList<HashEntry>> out;
    quint32 node = 0;
    for (quint32 p = 0; p < quint32(m_keys.size()); ++p) {
        while (m_memberStart[node + 1] <= p)
            ++node;
        const quint32 root = sets.find(p);
        if (count[root] < 2)
            continue;
        auto it = slot.find(root);
        if (it == slot.end()) {
            it = slot.insert(root, out.size());
            out.append(QList<HashEntry>());
        }
        out[*it].append({ m_keys[p], m_nodes[node].phash, m_dhashes[p] });
    }
    for (auto &group : out)
        std::sort(group.begin(), group.end(),
            [](const HashEntry &a, const HashEntry &b) { return a.key < b.key; });
    std::sort(out.begin(), out.end(), [](const QList<HashEntry> &a, const QList<HashEntry> &b) {
        return a.size() != b.size() ? a.size() > b.size() : a.first().key < b.first().key;
    });
    return out;
}

} // namespace trove
