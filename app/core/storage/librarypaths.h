// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QString>

namespace trove {

/// Where each part of a library lives on disk. A value; thread-safe to copy.
///
/// <root>/catalog.sqlite, <root>/thumbs.sqlite, <root>/blobs/ab/<sha256>.gz,
/// <root>/tmp/. File names under blobs/ and tmp/ never come from user input.
class LibraryPaths {
    Q_DECLARE_TR_FUNCTIONS(LibraryPaths)

public:
    LibraryPaths() = default;
    explicit LibraryPaths(const QString &root);

    /// The library chosen by, in order: @p explicitDir (--library), the
    /// TROVE_LIBRARY environment variable, the `library/path` setting (the
    /// window's Use Another Library… and Move Library…), and
    /// AppDataLocation/library.
    static LibraryPaths resolve(const QString &explicitDir = {});

    QString root() const { return m_root; }
    QString catalogFile() const;
    QString thumbsFile() const;
    QString blobsDir() const;
    QString tmpDir() const;
    /// blobs/<first two hex digits>/<sha256>.gz
    QString blobFile(const QString &sha256) const;
    /// Where `verify --repair` moves what it must not delete: damaged
    /// blobs, orphans, files in the way of the library's folders.
    QString damagedDir() const;

    /// Why @p folder, one of the library's, cannot be used: a file is
    /// where it should be. What a person reads, naming the way out.
    static QString fileInTheWay(const QString &folder);

    /// Creates damagedDir() if it is missing, private (0700, whatever the
    /// umask) like the library's other folders. Answers its path.
    Result<QString> ensureDamagedDir() const;
    /// Moves @p path (a file of the library) into damagedDir() as
    /// <its name less @p suffix>-<UTC time><@p suffix> (a blob:
    /// <sha256>-<time>.gz). Answers where it went.
    Result<QString> moveToDamaged(const QString &path, const QString &suffix = {}) const;

    /// Creates the directories of a library if they are missing. A new
    /// library (no catalog yet) is made private: folders 0700, catalog and
    /// thumbnail files 0600, whatever the umask.
    Result<void> ensureLayout() const;

    /// The library's own folders and database files that others (group or
    /// everyone) may read or enter, as "path (0755)"; empty when private.
    QStringList readableByOthers() const;

    /// A fresh path in tmp/ for a partial download or blob. Its name starts
    /// with this process's id so that sweepTmp() can tell whose it is.
    QString newTempFile(const QString &suffix) const;

    /// Removes what dead processes left in tmp/ (partial downloads and
    /// blobs). Files of a live process (another window or CLI on the same
    /// library) stay. Returns how many files went.
    int sweepTmp() const;

private:
    QString m_root;
};

} // namespace trove
