// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "storage/librarypaths.h"

#include <QCoreApplication>
#include <QFuture>
#include <QStringList>
#include <functional>

namespace trove {

/// What the copy of a move did.
struct MoveReport {
    qint64 images = 0; ///< images and trashed images in the new place
    qint64 blobs = 0; ///< blob files in the new place
    qint64 bytes = 0; ///< what the library took on disk
};

/// Preferences ▸ Library ▸ Move Library…: the library copied into an empty
/// folder (LibraryBackup's consistent copy), checked there, and, once the
/// window uses the copy, the old library's own files deleted. Two steps so
/// that the old library stays in use and whole until the copy is proven:
/// copy() never touches the source, and a copy that fails or is
/// cancelled is removed again. Pure functions of the disk: any thread,
/// blocking.
class LibraryMove final {
    Q_DECLARE_TR_FUNCTIONS(LibraryMove)

public:
    /// Blobs done so far of all.
    using Progress = std::function<void(qint64 done, qint64 total)>;
    /// Polled between blobs and before the copy is declared good.
    using Cancelled = std::function<bool()>;

    /// Why @p dest cannot take the library at @p source (inside it, not
    /// empty, not a folder, too little free space for @p bytesNeeded;
    /// < 0: not checked), or nothing.
    static Result<void> checkDestination(
        const LibraryPaths &source, const QString &dest, qint64 bytesNeeded = -1);

    /// What the library's own files take on disk (catalogs, blobs).
    static qint64 librarySize(const LibraryPaths &source);

    /// Copies the library at @p source into @p dest (empty or missing)
    /// and verifies the copy: complete, as many images and blobs as the
    /// source, nothing committed to the source meanwhile. On failure or
    /// cancel (@p cancelled polled between blobs and at the end) what was written in
    /// @p dest is removed again, and @p dest too if this made it.
    static Result<MoveReport> copy(const LibraryPaths &source, const QString &dest,
        const Progress &progress = {}, const Cancelled &cancelled = {});

    /// copy() on a pool thread; progress and cancel as LibraryBackup::start().
    static QFuture<Result<MoveReport>> start(const LibraryPaths &source, const QString &dest);

    /// Deletes the files and folders Trove itself keeps in the library at
    /// @p old (catalogs with their journals, blobs/, tmp/, the API key,
    /// damaged/), and the folder when nothing else is left. Call it only
    /// once nothing has the library open. Answers what is left (entries
    /// Trove did not create, or that could not be deleted), as paths.
    static Result<QStringList> removeOld(const LibraryPaths &old);
};

} // namespace trove
