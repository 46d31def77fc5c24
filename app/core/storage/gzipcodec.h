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

/// How to deflate one original: a zlib level and strategy.
struct DeflatePlan {
    int level = 6;
    int strategy = 0; ///< Z_DEFAULT_STRATEGY, Z_HUFFMAN_ONLY, ...

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
    /// How to deflate these bytes, from a probe of three 32 KiB samples: the
    /// cheapest of store, Huffman-only, level 1 and level 6 whose samples
    /// come within 0.05 % of level 6. PNG and WebP gain nothing from deflate
    /// (stored, ~2 GB/s); JPEG's small gain is entropy, which Huffman-only
    /// coding gets at ~3x level 1's speed; BMP and other raw pixels get
    /// real LZ77. Measured numbers are in docs/performance.md.
    static DeflatePlan choosePlan(QIODevice &source);

    /// Streams @p sourcePath into a new gzip file @p targetPath, hashing the
    /// original in the same pass. The target is fsynced. @p cancelled is
    /// polled between chunks.
    static Result<CompressedBlob> compressFile(const QString &sourcePath, const QString &targetPath,
        const QString &originalName, std::optional<DeflatePlan> plan = std::nullopt,
        const std::atomic_bool *cancelled = nullptr);

    /// Inflates @p blobPath, checking the gzip CRC and length, and feeds the
    /// original bytes to @p sink (which may be empty). Hashes as it goes.
    static Result<BlobCheck> inflateFile(
        const QString &blobPath, const std::function<bool(const char *, qint64)> &sink = {});

    /// The original bytes of a blob, in memory (viewer, thumbnails).
    static Result<QByteArray> readAll(const QString &blobPath, qint64 maxBytes = qint64(1) << 31);
};

} // namespace trove
