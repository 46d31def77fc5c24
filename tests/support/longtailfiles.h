// SPDX-License-Identifier: MIT
#pragma once

// The long-tail formats written by hand, as old tools and game pipelines
// write them: what Trove's trove-decode helper reads (PSD, DDS, SGI, TGA
// 1.0 with run-length rows). tst_formats and bench/formats both make their
// files here. Qt only, no Trove code.

#include <QByteArray>
#include <QtGlobal>

class QImage;

namespace trove::test {

/// Byte writers for hand-made headers, big- and little-endian.
namespace bytes {
void be16(QByteArray &out, quint32 v);
void be32(QByteArray &out, quint32 v);
void le16(QByteArray &out, quint32 v);
void le24(QByteArray &out, quint32 v);
void le32(QByteArray &out, quint32 v);
/// Overwrites the little-endian 16-bit value at @p at.
void le16Replace(QByteArray &out, qsizetype at, quint32 v);
} // namespace bytes

class LongTailFiles final {
public:
    /// Photoshop: header, empty colour mode data, resources and layers, then
    /// the flattened composite, planar RGB, raw (@p rle false) or PackBits.
    static QByteArray psd(const QImage &image, bool rle);
    /// DirectDraw Surface: uncompressed 32-bit BGRA, or DXT1 of flat 4x4
    /// blocks (both end points the block's colour).
    static QByteArray dds(const QImage &image, bool dxt1);
    /// SGI, verbatim: 512-byte header, then each channel's rows bottom up.
    static QByteArray sgi(const QImage &image);
    /// TGA 1.0 (no footer), run-length encoded true colour (image type 10),
    /// rows from the top.
    static QByteArray tgaRle(const QImage &image);
};

} // namespace trove::test
