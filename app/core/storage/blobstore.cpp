// SPDX-License-Identifier: MIT
#include "storage/blobstore.h"

#include "base/platform.h"
#include "storage/diskspace.h"
#include "storage/gzipcodec.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <cerrno>
#include <cstdio>

namespace trove {

BlobStore::BlobStore(LibraryPaths paths)
    : m_paths(std::move(paths))
{
}

bool BlobStore::contains(const QString &sha256) const
{
    return QFile::exists(pathFor(sha256));
}

Result<void> BlobStore::install(
    const QString &tempBlob, const QString &sha256, QSet<QString> *syncLater) const
{
    const QString target = pathFor(sha256);
    const QString dir = QFileInfo(target).absolutePath();
    errno = 0;
    if (const QFileInfo info(dir); info.exists() && !info.isDir())
        return fail(LibraryPaths::fileInTheWay(dir));
    // blobs/ab/ is private like the blobs in it (0700, whatever the umask).
    if (!QFileInfo::exists(dir)
        && !QDir().mkdir(
            dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner)
        && !QFileInfo::exists(dir)) {
        const int savedErrno = errno;
        return DiskSpace::writeFailure(
            m_paths.root(), 0, savedErrno, tr("cannot create folder %1").arg(dir));
    }
    if (QFile::exists(target)) {
        QFile::remove(tempBlob);
        return {};
    }
    // std::rename replaces atomically; QFile::rename refuses to overwrite and
    // would fall back to copying across file systems, which we never want.
    if (std::rename(QFile::encodeName(tempBlob).constData(), QFile::encodeName(target).constData())
        != 0) {
        const int savedErrno = errno;
        return DiskSpace::writeFailure(m_paths.root(), 0, savedErrno,
            tr("cannot move blob into place: %1")
                .arg(QString::fromLocal8Bit(std::strerror(savedErrno))));
    }
    if (syncLater) {
        syncLater->insert(dir);
        return {};
    }
    return syncFolder(dir);
}

Result<void> BlobStore::syncFolder(const QString &dir)
{
    if (!syncDirectory(dir))
        return fail(tr("cannot sync folder %1 to disk").arg(dir));
    return {};
}

Result<void> BlobStore::remove(const QString &sha256) const
{
    const QString target = pathFor(sha256);
    if (QFile::exists(target) && !QFile::remove(target))
        return fail(tr("cannot remove blob %1").arg(target));
    return {};
}

namespace {

// A write cut short by a full disk returns what fitted; the next one
// fails with the reason (ENOSPC), which the caller then reports.
bool writeAll(QIODevice &out, const char *data, qint64 size)
{
    while (size > 0) {
        const qint64 written = out.write(data, size);
        if (written <= 0)
            return false;
        data += written;
        size -= written;
    }
    return true;
}

} // namespace

Result<void> BlobStore::exportTo(const QString &sha256, const QString &targetPath) const
{
    // A pipe, a terminal or a device (`-o /dev/stdout`) is written into,
    // as cp would: replaced by a file through a rename, /dev/null would be
    // gone for everyone.
    if (const QFileInfo target(targetPath); target.exists() && !target.isFile() && !target.isDir())
        return streamTo(sha256, targetPath);
    QSaveFile out(targetPath);
    if (!out.open(QIODevice::WriteOnly))
        return fail(tr("cannot write %1: %2").arg(targetPath, out.errorString()));
    auto check = GzipCodec::inflateFile(
        pathFor(sha256), [&out](const char *data, qint64 n) { return writeAll(out, data, n); });
    if (!check) {
        // A full disk stops the copy from the writing side: say that, not
        // that it was "cancelled".
        const QString written = out.error() != QFileDevice::NoError ? out.errorString() : QString();
        out.cancelWriting();
        if (!written.isEmpty())
            return fail(tr("cannot write %1: %2").arg(targetPath, written));
        return fail(tr("cannot export: %1").arg(check.error()));
    }
    if (check->sha256 != sha256) {
        out.cancelWriting();
        return fail(tr("cannot export: stored bytes do not match their SHA-256"));
    }
    if (!out.commit())
        return fail(tr("cannot write %1: %2").arg(targetPath, out.errorString()));
    return {};
}

Result<void> BlobStore::streamTo(const QString &sha256, const QString &targetPath) const
{
    QFile out(targetPath);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return fail(tr("cannot write %1: %2").arg(targetPath, out.errorString()));
    auto check = GzipCodec::inflateFile(
        pathFor(sha256), [&out](const char *data, qint64 n) { return writeAll(out, data, n); });
    if (!check && out.error() != QFileDevice::NoError)
        return fail(tr("cannot write %1: %2").arg(targetPath, out.errorString()));
    if (!check)
        return fail(tr("cannot export: %1").arg(check.error()));
    if (check->sha256 != sha256)
        return fail(tr("cannot export: stored bytes do not match their SHA-256"));
    return {};
}

} // namespace trove
