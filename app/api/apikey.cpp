// SPDX-License-Identifier: MIT
#include "api/apikey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace trove::api {

namespace {

bool isKey(const QByteArray &key)
{
    if (key.size() != 64)
        return false;
    for (char ch : key) {
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
            return false;
    }
    return true;
}

QByteArray markOf(const QByteArray &key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex();
}

/// @p bytes in @p target, created 0600 under a temp name and renamed over
/// what was there: at no moment can another user read it, and a crash
/// leaves the old or the new.
Result<void> writePrivate(const LibraryPaths &paths, const QString &target, const QByteArray &bytes)
{
    const QString temp = paths.newTempFile(QStringLiteral(".key"));
    QFile f(temp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(ApiKey::tr("cannot write the API key: %1").arg(f.errorString()));
    if (f.write(bytes) != bytes.size() || !f.flush()) {
        f.remove();
        return fail(ApiKey::tr("cannot write the API key: %1").arg(f.errorString()));
    }
    f.close();
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData())
        != 0) {
        QFile::remove(temp);
        return fail(ApiKey::tr("cannot write the API key to %1").arg(target));
    }
    return {};
}

/// Whether @p path is a symbolic link (dangling or not).
bool isLink(const QString &path)
{
#ifdef Q_OS_UNIX
    struct stat st { };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode);
#else
    return QFileInfo(path).isSymLink();
#endif
}

QString linkRefused(const QString &path)
{
    return ApiKey::tr("%1 is a symbolic link; the API key is never read or written through "
                      "one (another user could point it elsewhere): remove it, then run "
                      "`trove api-key --new`")
        .arg(path);
}

/// The first bytes of the owner-only regular file @p path, opened without
/// following a symbolic link, so nobody can swap the file for a link to
/// one of their choosing between a check and the read. A file that others
/// may read or write, or that another user owns, is refused: its key
/// would not be a secret.
Result<QByteArray> readPrivate(const QString &path)
{
#ifdef Q_OS_UNIX
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        const int error = errno;
        if (error == ELOOP || isLink(path))
            return fail(linkRefused(path));
        return fail(ApiKey::tr("cannot read the API key: %1")
                        .arg(QString::fromLocal8Bit(std::strerror(error))));
    }
    struct stat st { };
    QByteArray bytes(256, Qt::Uninitialized);
    ssize_t n = -1;
    QString refused;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        refused = ApiKey::tr("%1 is not a regular file; run `trove api-key --new`").arg(path);
    else if (st.st_uid != ::geteuid())
        refused = ApiKey::tr("%1 belongs to another user; run `trove api-key --new`").arg(path);
    else if (st.st_mode & (S_IRGRP | S_IROTH))
        refused = ApiKey::tr("%1 is readable by other users; run `trove api-key --new`").arg(path);
    else if (st.st_mode & (S_IWGRP | S_IWOTH))
        refused = ApiKey::tr("%1 can be changed by other users (it must be 0600); run "
                             "`trove api-key --new`")
                      .arg(path);
    else
        n = ::read(fd, bytes.data(), bytes.size());
    ::close(fd);
    if (!refused.isEmpty())
        return fail(refused);
    if (n < 0)
        return fail(ApiKey::tr("cannot read the API key: %1").arg(path));
    bytes.truncate(n);
    return bytes;
#else
    if (isLink(path))
        return fail(linkRefused(path));
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return fail(ApiKey::tr("cannot read the API key: %1").arg(f.errorString()));
    return f.read(256);
#endif
}

Result<QByteArray> write(const LibraryPaths &paths, ApiKey::Made made)
{
    // The rename below would replace a link, not write through it; but a
    // link there was put by someone, and is named rather than dropped.
    for (const QString &file : { ApiKey::filePath(paths), ApiKey::madeFilePath(paths) }) {
        if (isLink(file))
            return fail(linkRefused(file));
    }
    if (auto layout = paths.ensureLayout(); !layout)
        return fail(layout.error());
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 8);
    const QByteArray key = raw.toHex();
    // The key first, then its mark: a crash between leaves a key that
    // counts as made by a server, the safe side. A mark left from an
    // earlier key names that key, so it never vouches for this one.
    if (auto r = writePrivate(paths, ApiKey::filePath(paths), key + '\n'); !r)
        return r.failure();
    if (made == ApiKey::Made::ByServer) {
        QFile::remove(ApiKey::madeFilePath(paths));
        return key;
    }
    if (auto r = writePrivate(paths, ApiKey::madeFilePath(paths), markOf(key) + '\n'); !r)
        return r.failure();
    return key;
}

} // namespace

QString ApiKey::filePath(const LibraryPaths &paths)
{
    return QDir(paths.root()).filePath(QStringLiteral("api-key"));
}

QString ApiKey::madeFilePath(const LibraryPaths &paths)
{
    return QDir(paths.root()).filePath(QStringLiteral("api-key.made"));
}

Result<QByteArray> ApiKey::load(const LibraryPaths &paths, Made ifCreated)
{
    const QString file = filePath(paths);
    if (!QFileInfo::exists(file) && !isLink(file))
        return write(paths, ifCreated);
    auto bytes = readPrivate(file);
    if (!bytes)
        return bytes.failure();
    const QByteArray key = bytes->trimmed();
    if (!isKey(key))
        return fail(tr("%1 holds no valid key; run `trove api-key --new`").arg(file));
    return key;
}

Result<QByteArray> ApiKey::renew(const LibraryPaths &paths)
{
    return write(paths, Made::OnPurpose);
}

bool ApiKey::madeOnPurpose(const LibraryPaths &paths)
{
    if (!QFile::exists(filePath(paths)))
        return false;
    auto key = load(paths); // checks the file's mode and contents too
    if (!key)
        return false;
    auto mark = readPrivate(madeFilePath(paths));
    return mark && mark->trimmed() == markOf(*key);
}

bool ApiKey::matches(const QByteArray &expected, const QByteArray &given)
{
    if (expected.isEmpty() || expected.size() != given.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < expected.size(); ++i)
        diff |= static_cast<unsigned char>(expected[i] ^ given[i]);
    return diff == 0;
}

} // namespace trove::api
