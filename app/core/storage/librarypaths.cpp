// SPDX-License-Identifier: MIT
#include "storage/librarypaths.h"

#include "base/platform.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>
#include <QUuid>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace trove {

LibraryPaths::LibraryPaths(const QString &root)
    : m_root(QDir::cleanPath(QDir(root).absolutePath()))
{
}

LibraryPaths LibraryPaths::resolve(const QString &explicitDir)
{
    if (!explicitDir.isEmpty())
        return LibraryPaths(explicitDir);
    const QString env = qEnvironmentVariable("TROVE_LIBRARY");
    if (!env.isEmpty())
        return LibraryPaths(env);
    // Between the environment and the default: the library/path setting,
    // chosen in the window's Preferences (Use Another Library…), so that
    // the commands and `trove serve` use the library the window shows.
    const QString chosen = userSettings()->value(QStringLiteral("library/path")).toString();
    if (!chosen.isEmpty())
        return LibraryPaths(chosen);
    return LibraryPaths(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/library"));
}

QString LibraryPaths::catalogFile() const
{
    return m_root + QStringLiteral("/catalog.sqlite");
}
QString LibraryPaths::thumbsFile() const
{
    return m_root + QStringLiteral("/thumbs.sqlite");
}
QString LibraryPaths::blobsDir() const
{
    return m_root + QStringLiteral("/blobs");
}
QString LibraryPaths::tmpDir() const
{
    return m_root + QStringLiteral("/tmp");
}

QString LibraryPaths::blobFile(const QString &sha256) const
{
    return blobsDir() + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256
        + QStringLiteral(".gz");
}

QString LibraryPaths::damagedDir() const
{
    return m_root + QStringLiteral("/damaged");
}

QString LibraryPaths::fileInTheWay(const QString &folder)
{
    return tr("%1 is a file, where the library's folder should be: move it away or run "
              "`trove verify --repair`")
        .arg(QDir::toNativeSeparators(folder));
}

Result<QString> LibraryPaths::ensureDamagedDir() const
{
    const QString dir = damagedDir();
    const bool existed = QFileInfo::exists(dir);
    if (!QDir().mkpath(dir))
        return fail(tr("cannot create folder %1").arg(dir));
    if (!existed)
        ::chmod(QFile::encodeName(dir).constData(), S_IRWXU);
    return dir;
}

Result<QString> LibraryPaths::moveToDamaged(const QString &path, const QString &suffix) const
{
    auto dir = ensureDamagedDir();
    if (!dir)
        return dir.failure();
    QString name = QFileInfo(path).fileName();
    if (!suffix.isEmpty() && name.endsWith(suffix))
        name.chop(suffix.size());
    const QString to
        = QStringLiteral("%1/%2-%3%4")
              .arg(*dir, name,
                  QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddTHHmmss")),
                  suffix);
    if (!QFile::rename(path, to))
        return fail(tr("cannot move %1 aside").arg(path));
    return to;
}

Result<void> LibraryPaths::ensureLayout() const
{
    if (m_root.isEmpty())
        return fail(tr("no library folder given"));
    const QFileInfo info(m_root);
    if (info.exists() && !info.isDir())
        return fail(tr("library path %1 is not a folder").arg(m_root));
    // A new library is private whatever the umask: folders 0700, the
    // catalogs 0600 before SQLite first opens them (it gives -wal and -shm
    // the database file's mode). An existing one is left as it is; `trove
    // verify` says when others can read it.
    const bool isNew = !QFileInfo::exists(catalogFile());
    const bool rootIsFresh = !info.exists()
        || (isNew
            && QDir(m_root).isEmpty(
                QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot));
    for (const QString &dir : { m_root, blobsDir(), tmpDir() }) {
        const QFileInfo there(dir);
        if (there.exists() && !there.isDir())
            return fail(fileInTheWay(dir));
        const bool existed = there.exists();
        if (!QDir().mkpath(dir))
            return fail(tr("cannot create folder %1").arg(dir));
        if (!existed || (dir == m_root && rootIsFresh))
            ::chmod(QFile::encodeName(dir).constData(), S_IRWXU);
    }
    if (isNew) {
        for (const QString &file : { catalogFile(), thumbsFile() }) {
            const int fd = ::open(QFile::encodeName(file).constData(),
                O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, S_IRUSR | S_IWUSR);
            if (fd >= 0) {
                ::fchmod(fd, S_IRUSR | S_IWUSR); // the umask may only take bits away
                ::close(fd);
            }
        }
    }
    return {};
}

QStringList LibraryPaths::readableByOthers() const
{
    QStringList open;
    const QStringList paths { m_root, blobsDir(), tmpDir(), catalogFile(), thumbsFile(),
        catalogFile() + QStringLiteral("-wal"), thumbsFile() + QStringLiteral("-wal") };
    for (const QString &path : paths) {
        struct stat st { };
        if (::stat(QFile::encodeName(path).constData(), &st) == 0
            && (st.st_mode & (S_IRWXG | S_IRWXO)) != 0)
            open.append(QStringLiteral("%1 (%2)")
                            .arg(QDir::toNativeSeparators(path))
                            .arg(QString::number(st.st_mode & 07777, 8)
                                     .rightJustified(4, QLatin1Char('0'))));
    }
    return open;
}

QString LibraryPaths::newTempFile(const QString &suffix) const
{
    return tmpDir() + QLatin1Char('/') + QString::number(currentPid()) + QLatin1Char('-')
        + QUuid::createUuid().toString(QUuid::Id128) + suffix;
}

int LibraryPaths::sweepTmp() const
{
    int removed = 0;
    const QDateTime staleBefore = QDateTime::currentDateTimeUtc().addDays(-1);
    QDirIterator it(tmpDir(), QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    while (it.hasNext()) {
        const QFileInfo fi(it.next());
        bool isPid = false;
        const qint64 pid = fi.fileName().section(QLatin1Char('-'), 0, 0).toLongLong(&isPid);
        const bool orphan = isPid ? !isProcessAlive(pid) : fi.lastModified().toUTC() < staleBefore;
        if (orphan && QFile::remove(fi.absoluteFilePath()))
            ++removed;
    }
    return removed;
}

} // namespace trove
