#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <functional>

class QIODevice;

namespace trove {

/// What compressing one original produced.
struct CompressedBlob {
    QString sha256; ///< hex SHA-256 of the original bytes
    qint64 originalBytes = 0;
    qint64 storedBytes = 0;
    quint32 crc32 = 0;
    int level = 0; ///< deflate level used
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
    /// Deflate level for these bytes, from a cheap probe of a few samples:
    /// already-compressed data (JPEG, PNG, WebP) gains under 1 % from gzip -6
    /// at several times the cost, so it gets a fast level.
    static int chooseLevel(QIODevice &source);

    /// Streams @p sourcePath into a new gzip file @p targetPath, hashing the
    /// original in the same pass. The target is fsynced. @p cancelled is
    /// polled between chunks.
    static Result<CompressedBlob> compressFile(const QString &sourcePath,
                                               const QString &targetPath,
                                               const QString &originalName, int level = -1,
                                               const std::atomic_bool *cancelled = nullptr);

    /// Inflates @p blobPath, checking the gzip CRC and length, and feeds the
    /// original bytes to @p sink (which may be empty). Hashes as it goes.
    static Result<BlobCheck> inflateFile(const QString &blobPath,
                                         const std::function<bool(const char *, qint64)> &sink = {});

    /// The original bytes of a blob, in memory (viewer, thumbnails).
    static Result<QByteArray> readAll(const QString &blobPath, qint64 maxBytes = qint64(1) << 31);
};

} // namespace trove
