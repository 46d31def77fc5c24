// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>

namespace trove {

/// The on-disk format of a thumbnail in thumbs.sqlite: JPEG (quality 85) for
/// opaque images, PNG where the image has alpha; the longest side at most
/// kSize. The processor encodes what ingest stores and the reader encodes
/// what it rebuilds from a blob, both here, so the two never drift apart.
/// Pure functions of values; any thread.
class ThumbnailCodec final {
public:
    ThumbnailCodec() = delete;

    /// Longest side, in pixels, of a stored thumbnail.
    static constexpr int kSize = 256;
    static constexpr int kJpegQuality = 85;

    /// @p image (already at most kSize) as stored bytes.
    static QByteArray encode(const QImage &image);
    /// Stored bytes back to an image; null if they are not a thumbnail.
    static QImage decode(const QByteArray &bytes);

    /// The size, in device pixels, a stored thumbnail of @p stored pixels
    /// is shown at in a cell of @p side x @p side device pixels on a screen
    /// of @p scale device pixels per pixel (its devicePixelRatio). A
    /// thumbnail of a larger original (its longest side kSize) fills the
    /// cell, scaled down or up: on a 2x screen a cell of 160 pixels is 320
    /// device pixels, and the 256 stored would leave a photo smaller than
    /// its cell, the size slider doing nothing above 128. One that is the
    /// whole original is shown at the original's own size on the screen,
    /// as it is at 1x, at most the cell. @p side 0: as stored.
    static QSize shownSize(QSize stored, int side, qreal scale = 1.0);
};

} // namespace trove
