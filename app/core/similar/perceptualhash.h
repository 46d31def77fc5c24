// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QtGlobal>
#include <bit>

namespace trove {

/// The two 64-bit signals that tell a re-encode, resize or light edit of a
/// picture from another picture. A value; any thread.
struct ImageHash {
    /// DCT hash: greyscale 32x32, the 8x8 lowest frequencies after the DC
    /// term, each bit "above the median". Survives re-encoding, resizing,
    /// brightness and small edits; the index searches on it.
    quint64 phash = 0;
    /// Difference hash: greyscale 9x8, each bit "brighter than its right
    /// neighbour". A second opinion on the pairs phash finds.
    quint64 dhash = 0;
    bool valid = false;

    friend bool operator==(const ImageHash &, const ImageHash &) = default;
};

/// Bits in which two hashes differ.
inline int hammingDistance(quint64 a, quint64 b)
{
    return std::popcount(a ^ b);
}

/// SQLite stores integers signed: a hash goes in and out bit for bit, never
/// through arithmetic that could overflow.
inline qint64 hashToSql(quint64 hash)
{
    return std::bit_cast<qint64>(hash);
}
inline quint64 hashFromSql(qint64 value)
{
    return std::bit_cast<quint64>(value);
}

/// How the 64 bits of the DCT hash are cut for multi-index hashing: three
/// blocks of 22, 21 and 21 bits. Two hashes within d bits agree within
/// d / 3 bits on at least one block (pigeonhole). About 2^21 rows per block
/// suits a library of a million: a block value names ~0.5 images, so a
/// search at d = 8 (radius 2: 232 values per block) looks at a few hundred
/// rows, where 16-bit blocks (radius 2 of 4 blocks) would look at ~8,000.
struct HashBlocks {
    static constexpr int kCount = 3;
    static constexpr int shift(int block) { return block == 0 ? 0 : block == 1 ? 22 : 43; }
    static constexpr int bits(int block) { return block == 0 ? 22 : 21; }
    static constexpr quint32 value(quint64 hash, int block)
    {
        return quint32((hash >> shift(block)) & ((quint64(1) << bits(block)) - 1));
    }
    /// The radius each block is searched with for distance @p d.
    static constexpr int radius(int d) { return d / kCount; }
};

/// Computes ImageHash from decoded pixels. A pure function: any thread.
class PerceptualHash final {
public:
    /// @p image as decoded (any size, format and alpha; transparent parts
    /// count as white, as a viewer on a light page shows them). A null
    /// image gives an invalid hash.
    static ImageHash compute(const QImage &image);
};

} // namespace trove
