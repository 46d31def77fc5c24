// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "storage/librarypaths.h"

#include <QCoreApplication>
#include <QFuture>
#include <atomic>
#include <functional>

namespace trove {

/// What one backup did.
struct BackupReport {
    qint64 images = 0; ///< images in the copy's library
    qint64 trashed = 0; ///< images in the copy's trash
    qint64 blobsCopied = 0;
    qint64 blobsSkipped = 0; ///< already in the destination (an earlier backup)
    qint64 blobsRemoved = 0; ///< in the destination, named by no row any more
    qint64 bytesCopied = 0;
};

/// A consistent copy of a live library in another folder, which is itself a
/// library: restoring is opening it. The catalogs are snapshots taken with
/// SQLite's VACUUM INTO (a read transaction: the window and `trove add`
/// keep writing meanwhile); the blobs they name are copied, and only those
/// not there yet, since blobs are immutable and named by their content. The
/// new catalog is renamed into place last, and a marker file says a backup
/// is under way until it is done, so a half-finished backup is never taken
/// for a complete one. A pure function of the disk: any thread, blocking.
class LibraryBackup final {
    Q_DECLARE_TR_FUNCTIONS(LibraryBackup)

public:
    /// Blobs done so far of all the snapshot names.
    using Progress = std::function<void(qint64 done, qint64 total)>;

    /// Present while a backup writes into the destination.
    static QString markerFile(const QString &dest);

    /// Backs the library at @p source up into @p dest (created if missing;
    /// else an earlier backup, or an empty folder). @p cancelled is polled
    /// between blobs; a cancelled backup leaves the marker.
    static Result<BackupReport> run(const LibraryPaths &source, const QString &dest,
        const Progress &progress = {}, const std::atomic_bool *cancelled = nullptr);

    /// run() on a pool thread: the future reports blobs done as its
    /// progress (value of range) and cancelling it stops between blobs (its
    /// result is then dropped, as for any cancelled future).
    static QFuture<Result<BackupReport>> start(const LibraryPaths &source, const QString &dest);

    /// Why @p dest is not a complete backup (no catalog, or the marker of
    /// an unfinished one), or nothing.
    static Result<void> checkComplete(const QString &dest);
};

} // namespace trove
