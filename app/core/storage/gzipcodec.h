// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <functional>
#include <optional>

class QIODevice;

namespace trove {

/// How to deflate one original: a zlib level, strategy and window, and
/// optionally a span of the file [fastBegin, fastEnd) deflated at fastLevel
/// in a window of fastWindowBits instead. The gzip member then holds one
/// deflate stream made of three segments, each begun afresh (see
/// compressFile()).
struct DeflatePlan {
    int level = 6;
    int strategy = 0; ///< Z_DEFAULT_STRATEGY, Z_HUFFMAN_ONLY, ...
    int windowBits = 15; ///< 9..15: a 512 B .. 32 KiB window
    qint64 fastBegin = 0;
    qint64 fastEnd = 0;
    int fastLevel = 2;
    int fastWindowBits = 14;

    bool hasFastSpan() const { return fastEnd > fastBegin; }
    bool operator==(const DeflatePlan &) const = default;
};

/// What compressing one original produced.
struct CompressedBlob {
    QString sha256; ///< hex SHA-256 of the original bytes
    qint64 originalBytes = 0;
    qint64 storedBytes = 0;
    quint32 crc32 = 0;
    DeflatePlan plan; ///< how it was deflated
};

/// What reading a blob back found.
struct BlobCheck {
    QString sha256;
    qint64 originalBytes = 0;
    QString storedName; ///< FNAME from the gzip header
};

/// zlib in gzip format: one member per blob, FNAME = the original file name,
/// CRC-32 and ISIZE in the trailer, so `gzip -t` and `zcat` read every blob.
/// Pure functions of their arguments; safe on any thread.
class GzipCodec final {
    Q_DECLARE_TR_FUNCTIONS(GzipCodec)

public:
    /// How to deflate these bytes, from a probe of three 32 KiB samples:
    /// stored when level 6 gains less than 0.05 % on them (PNG, WebP: ~2 GB/s),
    /// else level 2 when its samples come within 0.05 % of level 6's (BMP
    /// and other raw pixels), else level 6. Level 2 costs what level 1 does
    /// and stays under `gzip -6` where level 1 went 0.14 % over it on BMPs.
    /// Measured numbers are in docs/performance.md.
    static DeflatePlan choosePlan(QIODevice &source);

    /// A JPEG's plan, from a probe of its entropy-coded data @p entropyBegin
    /// .. @p entropyEnd in @p source (four 8 KiB samples, the first at its
    /// start and the last at its end): jpegFastPlan() when level 2 in a
    /// 16 KiB window comes within 0.02 % of level 6 on them, as it does on
    /// the noise-like data of a photo; else level 6 for the whole file. A
    /// picture with flat areas (a wallpaper's gradients, a sky, a scan)
    /// repeats itself in its entropy-coded data, and level 2 fell up to
    /// 1.6 % behind `gzip -6` there. @p source is left where it was.
    static DeflatePlan jpegPlan(QIODevice &source, qint64 entropyBegin, qint64 entropyEnd);

    /// The fast JPEG plan: the entropy-coded data @p entropyBegin ..
    /// @p entropyEnd at level 2 in a 16 KiB window, the rest (tables, EXIF,
    /// XMP, ICC, data after the EOI) at level 6 in a 32 KiB window. Level 6
    /// is kept for the metadata, where a large XMP packet or Photoshop block
    /// would put level 2 over `gzip -6` + 0.1 %.
    static DeflatePlan jpegFastPlan(qint64 entropyBegin, qint64 entropyEnd);

    /// Whether compressFile() waits for the blob to reach the disk.
    enum class Sync {
        Now, ///< fsynced before it returns
        /// Its write-back only started: whoever installs it syncs it first
        /// (the catalog writer, once per batch: CatalogWriter::commitImage).
        ByInstaller,
    };

    /// Streams @p sourcePath into a new gzip file @p targetPath, hashing the
    /// original in the same pass. @p cancelled is polled between chunks.
    static Result<CompressedBlob> compressFile(const QString &sourcePath, const QString &targetPath,
        const QString &originalName, std::optional<DeflatePlan> plan = std::nullopt,
        const std::atomic_bool *cancelled = nullptr, Sync sync = Sync::Now);

    /// Inflates @p blobPath, checking the gzip CRC and length, and feeds the
    /// original bytes to @p sink (which may be empty). Hashes as it goes.
    static Result<BlobCheck> inflateFile(
        const QString &blobPath, const std::function<bool(const char *, qint64)> &sink = {});

    /// The original bytes of a blob, in memory (viewer, thumbnails).
    static Result<QByteArray> readAll(const QString &blobPath, qint64 maxBytes = qint64(1) << 31);
};

} // namespace trove
