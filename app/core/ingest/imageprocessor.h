// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "similar/perceptualhash.h"
#include "storage/gzipcodec.h"
#include "storage/thumbnailcodec.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QSize>
#include <QString>
#include <atomic>

namespace trove {

/// Bounds that keep one hostile file from taking the machine down.
struct ImageLimits {
    qint64 maxPixels = 100'000'000; ///< decoded width x height
    int maxSide = 30'000; ///< either dimension
    int thumbnailSize = ThumbnailCodec::kSize; ///< longest side of the stored thumbnail
};

/// What the processor works on: a finished download or a local file.
struct ProcessRequest {
    QString dataPath; ///< the original bytes
    QString originalName; ///< goes into the gzip FNAME field
    QString tempBlobPath; ///< where to write the compressed blob (in tmp/)
    ImageLimits limits;
    /// The library the blob is for: its free space is checked before
    /// compressing (a DiskFull error when the blob may not fit). Empty: no
    /// check.
    QString libraryRoot;
};

/// What it produced: metadata, a thumbnail and a temp blob ready to install.
struct ProcessedImage {
    QString format; ///< Qt's name: png, jpeg, gif, webp, bmp, svg, svgz, ...
    int width = 0;
    int height = 0;
    CompressedBlob blob;
    QString tempBlobPath;
    QByteArray thumbnail; ///< ThumbnailCodec::encode: JPEG, or PNG with alpha
    QSize thumbnailSize;
    bool animated = false; ///< more than one frame (the first is the thumbnail)
    /// From the decoded picture (thumbnail size, sRGB, over white), before
    /// the thumbnail is encoded: what "similar images" compares.
    ImageHash hash;
};

/// Sniffs, checks, decodes, thumbnails, hashes and compresses one image.
/// A pure function of its request: no QObject, no shared state, safe to run
/// on any pool thread. On failure nothing is left at tempBlobPath.
class ImageProcessor final {
    Q_DECLARE_TR_FUNCTIONS(ImageProcessor)

public:
    static Result<ProcessedImage> process(
        const ProcessRequest &request, const std::atomic_bool *cancelled = nullptr);

    /// Decodes a thumbnail from original bytes in memory (used to rebuild a
    /// missing thumbnail from a blob).
    static Result<QImage> thumbnailFromBytes(const QByteArray &bytes, int size);

    /// The perceptual hash of original bytes in memory, decoded exactly as
    /// process() decodes them: the backfill of images added before hashing
    /// existed gets the same hash ingest would have given.
    static Result<ImageHash> hashFromBytes(const QByteArray &bytes);

    /// @p image in sRGB: converted when it carries another colour space (an
    /// ICC profile: Display P3, Adobe RGB), as it is when it has none.
    static QImage toSrgb(QImage image);

    /// How far past @p device's position the image starts: 0, unless junk
    /// comes before a JPEG's header (up to kMaxJpegJunk bytes: a stray BOM,
    /// a line of text an old tool wrote). Browsers show such files, so Trove
    /// keeps them, bytes and junk alike, and every reader decodes from
    /// there. Leaves the device where it was.
    static qint64 imageStart(QIODevice *device);
    static constexpr qsizetype kMaxJpegJunk = 1024;

    /// The long-tail format (psd, dds, sgi, pcx, tga, tiff) that @p device
    /// may be in, decoded in the trove-decode helper process when Qt's own
    /// readers cannot: PSD, DDS, SGI and PCX by signature, TGA by a
    /// plausible header, TIFF by signature (for the variants Qt's plugin
    /// refuses). Empty when none. Leaves the device where it was.
    static QByteArray longTailFormat(QIODevice *device);

    /// Decodes @p device (from its start) as @p format in the helper
    /// process, scaled to fit @p box (0: full size), within @p limits: the
    /// size is read from the header first, so a bomb never reaches the
    /// helper. A crash, a hang or a limit in the helper is a failure with a
    /// reason. Sets @p fullSize to the image's own size. Blocks; never on
    /// the GUI thread.
    static Result<QImage> decodeInHelper(QIODevice *device, const QByteArray &format, int box,
        const ImageLimits &limits, QSize *fullSize);

    /// The mime type sniffed from the first bytes: "text/html".
    static QString sniffMimeType(const QByteArray &head);

    /// The image format Qt reads @p device as ("png", "jpeg", ...), judged
    /// by content alone, never by a file name; empty when it is no image.
    /// Reads only what the formats' probes read (a header, TGA's footer) and
    /// leaves the device where it was. Text that merely starts like XML is
    /// not SVG; a gzip file is "svgz" only when its first KiB inflated are
    /// SVG (SvgDocument::sniff), never a .tar.gz.
    static QByteArray sniffImageFormat(QIODevice *device);
};

} // namespace trove
