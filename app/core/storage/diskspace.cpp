// SPDX-License-Identifier: MIT
#include "storage/diskspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStorageInfo>
#include <cerrno>
#include <sys/statvfs.h>

namespace trove {

namespace {

// The nearest folder that exists: a new library's root may not yet.
QString existingAncestor(const QString &path)
{
    QFileInfo info(path);
    while (!info.exists() && !info.isRoot() && info.absolutePath() != info.absoluteFilePath())
        info = QFileInfo(info.absolutePath());
    return info.absoluteFilePath();
}

qint64 bytesUnder(const QString &root)
{
    qint64 total = 0;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
        QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace

qint64 DiskSpace::available(const QString &libraryRoot)
{
    struct statvfs fs { };
    qint64 free = -1;
    if (::statvfs(QFile::encodeName(existingAncestor(libraryRoot)).constData(), &fs) == 0)
        free = qint64(fs.f_bavail) * qint64(fs.f_frsize);
    bool capped = false;
    const qint64 quota = qEnvironmentVariable("TROVE_TEST_LIBRARY_QUOTA").toLongLong(&capped);
    if (capped && quota >= 0) {
        const qint64 left = std::max<qint64>(0, quota - bytesUnder(libraryRoot));
        free = free < 0 ? left : std::min(free, left);
    }
    return free;
}

QString DiskSpace::megabytes(qint64 bytes)
{
    return tr("%1 MB").arg(double(std::max<qint64>(0, bytes)) / 1e6, 0, 'f', 1);
}

QString DiskSpace::reason(const QString &libraryRoot, qint64 needed)
{
    const QStorageInfo volume(existingAncestor(libraryRoot));
    const QString where = volume.isValid() ? QDir::toNativeSeparators(volume.rootPath())
                                           : QDir::toNativeSeparators(libraryRoot);
    const qint64 free = available(libraryRoot);
    const QString freeText
        = free < 0 ? tr("free space unknown") : tr("%1 free").arg(megabytes(free));
    if (needed < 0)
        return tr("no space left on %1: %2").arg(where, freeText);
    return tr("no space left on %1: %2, this image needs %3")
        .arg(where, freeText, megabytes(needed + kSpareBytes));
}

Result<void> DiskSpace::check(const QString &libraryRoot, qint64 needed)
{
    const qint64 free = available(libraryRoot);
    if (free < 0 || free >= needed + kSpareBytes)
        return {};
    return Error { reason(libraryRoot, needed), Error::Kind::DiskFull };
}

bool DiskSpace::wasFull(const QString &libraryRoot, qint64 needed, int savedErrno)
{
    if (savedErrno == ENOSPC || savedErrno == EDQUOT)
        return true;
    const qint64 free = available(libraryRoot);
    return free >= 0 && free < std::max<qint64>(needed, 0) + kSpareBytes / 4;
}

Error DiskSpace::writeFailure(
    const QString &libraryRoot, qint64 needed, int savedErrno, const QString &otherwise)
{
    if (wasFull(libraryRoot, needed, savedErrno))
        return Error { reason(libraryRoot, needed), Error::Kind::DiskFull };
    return Error { otherwise };
}

} // namespace trove
