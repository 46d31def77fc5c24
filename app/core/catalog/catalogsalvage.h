// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "storage/librarypaths.h"

#include <QCoreApplication>
#include <QStringList>
#include <atomic>
#include <functional>

namespace trove {

/// What salvaging a damaged catalog did.
struct SalvageReport {
    QString damagedFile; ///< where the damaged catalog was kept; empty if there was none
    qint64 imagesRead = 0; ///< image rows read back from the damaged file
    qint64 tagsRead = 0;
    qint64 sourcesRead = 0;
    qint64 trashRead = 0;
    qint64 collectionsRead = 0; ///< hand-made and smart, with the items that were salvaged
    qint64 rebuiltFromBlobs = 0; ///< images no readable row named, rebuilt from their blob
    /// Blobs that are not intact images: left where they are for verify,
    /// which moves them aside.
    qint64 unreadableBlobs = 0;
    QStringList
        notes; ///< what could not be read: "images: skipped an unreadable stretch after key 41"
};

/// Rebuilds a library's catalog when catalog.sqlite is damaged, as SQLite's
/// `.recover` would (which only its shell has): the damaged file and its
/// -wal/-shm are moved aside (never deleted) as
/// catalog.sqlite.damaged-<time>; what plain SELECTs can still read of it,
/// table by table in key order, stepping over unreadable stretches, goes
/// into a fresh catalog (images with their ids, names, tags, sources,
/// times and notes; the trash; removed hashes; collections, their saved
/// searches and their images in order); then every blob that no
/// salvaged row names is read back and becomes an image again: SHA-256 from
/// its content, name from its gzip FNAME, format, size and dimensions from
/// its bytes, a thumbnail made anew. The unfinished ingest queue is not
/// salvaged.
///
/// Runs on the calling thread with connections of its own (the CLI's main
/// thread, or a pool thread for the window); nothing else may have the
/// library open meanwhile. A pure function of the library on disk.
class CatalogSalvage final {
    Q_DECLARE_TR_FUNCTIONS(CatalogSalvage)

public:
    CatalogSalvage() = delete;

    /// @p progress hears (done, total, what) now and then; total 0 while
    /// unknown. @p cancelled is polled between blobs; a cancelled salvage
    /// still leaves a consistent catalog of what it got to.
    using Progress = std::function<void(qint64 done, qint64 total, const QString &what)>;

    static Result<SalvageReport> run(const LibraryPaths &paths, const Progress &progress = {},
        const std::atomic_bool *cancelled = nullptr);

    /// Makes images again of @p blobs (paths under blobs/) that are intact
    /// images no row names (and whose bytes were not removed for good), as
    /// run() does after salvaging rows: the blobs a catalog lost, e.g. with
    /// its -wal. Answers the blobs it adopted; the others stay as they are.
    static Result<QStringList> adoptBlobs(const QStringList &blobs, const LibraryPaths &paths,
        const Progress &progress = {}, const std::atomic_bool *cancelled = nullptr);

    /// SQLite's own account of @p file (PRAGMA integrity_check, or why the
    /// file cannot even be opened as a database), read without changing
    /// it: empty when it is sound.
    static QStringList diagnose(const QString &file, int maxLines = 100);

    /// "a few of @p problems, then how many more": what a person reads.
    static QString summarize(const QStringList &problems, int shown = 3);
};

} // namespace trove
