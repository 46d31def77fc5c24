// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "storage/librarypaths.h"

#include <QCoreApplication>
#include <QSet>

namespace trove {

/// The content-addressed store of original bytes: blobs/ab/<sha256>.gz,
/// immutable once in place. Stateless apart from its paths; any thread.
/// Behind this small interface an object store could stand in later.
class BlobStore final {
    Q_DECLARE_TR_FUNCTIONS(BlobStore)

public:
    explicit BlobStore(LibraryPaths paths);

    QString pathFor(const QString &sha256) const { return m_paths.blobFile(sha256); }
    bool contains(const QString &sha256) const;

    /// Moves a finished, fsynced temp blob into place (rename, then fsync of
    /// the directory). If the blob is already there (same bytes added
    /// before), the temp file is removed instead: content addressing makes
    /// the two identical. With @p syncLater the directory is added there
    /// instead of synced: the caller syncs each once, after every rename
    /// of its batch (one journal commit for all of them on ext4, not one
    /// per blob), and before it records the blobs anywhere.
    Result<void> install(
        const QString &tempBlob, const QString &sha256, QSet<QString> *syncLater = nullptr) const;
    /// Flushes a folder's entries to disk (what install() does after the
    /// rename), or says why not.
    static Result<void> syncFolder(const QString &dir);

    /// Removes a blob; missing is not an error.
    Result<void> remove(const QString &sha256) const;

    /// Streams the original bytes of a blob to @p targetPath, byte-identical,
    /// through a temp file renamed into place, so a failed export leaves no
    /// half-written file. A pipe or a device is written into instead.
    Result<void> exportTo(const QString &sha256, const QString &targetPath) const;

private:
    Result<void> streamTo(const QString &sha256, const QString &targetPath) const;

    LibraryPaths m_paths;
};

} // namespace trove
