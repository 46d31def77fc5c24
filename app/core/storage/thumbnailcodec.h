// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImage>

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
};

} // namespace trove
