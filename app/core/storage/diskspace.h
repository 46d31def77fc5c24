// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QString>

namespace trove {

/// Free space where a library lives, and the reason a person reads when it
/// runs out. Pure functions of the file system; any thread (a statvfs, plus
/// a look at the mount table when a reason is written).
class DiskSpace final {
    Q_DECLARE_TR_FUNCTIONS(DiskSpace)

public:
    /// Room kept free beyond what an image itself needs: the catalog's
    /// rows, its write-ahead log and the thumbnail.
    static constexpr qint64 kSpareBytes = 1024 * 1024;

    /// Bytes the library at @p libraryRoot may still write: what statvfs
    /// says is available to this user. TROVE_TEST_LIBRARY_QUOTA=N (a test
    /// hook, read at every call) caps it at N minus what the library's
    /// files take now, so that pausing and resuming can be tested where no
    /// small file system can be mounted. -1 when unknown.
    static qint64 available(const QString &libraryRoot);

    /// "no space left on /mnt/photos: 0.9 MB free, this image needs 5.8 MB"
    /// (@p needed < 0: the numbers of the volume only).
    static QString reason(const QString &libraryRoot, qint64 needed);

    /// Error::Kind::DiskFull with reason(), when fewer than @p needed bytes
    /// (plus kSpareBytes) are free; else nothing.
    static Result<void> check(const QString &libraryRoot, qint64 needed);

    /// Whether a write that just failed failed for want of space: errno
    /// says so (ENOSPC, EDQUOT), or less than @p needed is left.
    static bool wasFull(const QString &libraryRoot, qint64 needed, int savedErrno);

    /// A failed write as an error: DiskFull with reason() when wasFull(),
    /// else @p otherwise as it is.
    static Error writeFailure(
        const QString &libraryRoot, qint64 needed, int savedErrno, const QString &otherwise);

    /// "5.8 MB"
    static QString megabytes(qint64 bytes);
};

} // namespace trove
