// SPDX-License-Identifier: MIT
#include "api/apikey.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <cstdio>

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

Result<QByteArray> write(const LibraryPaths &paths, ApiKey::Made made)
{
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
    QFile f(filePath(paths));
    if (!f.exists())
        return write(paths, ifCreated);
    if (!f.open(QIODevice::ReadOnly))
        return fail(tr("cannot read the API key: %1").arg(f.errorString()));
    if (f.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        return fail(
            tr("%1 is readable by other users; run `trove api-key --new`").arg(f.fileName()));
    const QByteArray key = f.read(256).trimmed();
    if (!isKey(key))
        return fail(tr("%1 holds no valid key; run `trove api-key --new`").arg(f.fileName()));
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
    QFile mark(madeFilePath(paths));
    if (!mark.open(QIODevice::ReadOnly))
        return false;
    return mark.read(256).trimmed() == markOf(*key);
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
