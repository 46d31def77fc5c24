// SPDX-License-Identifier: MIT
#include "api/apikey.h"

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

Result<QByteArray> write(const LibraryPaths &paths)
{
    if (auto layout = paths.ensureLayout(); !layout)
        return fail(layout.error());
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), 8);
    const QByteArray key = raw.toHex();
    // Created 0600 under a temp name, then renamed over the old key: at no
    // moment can another user read it, and a crash leaves the old or the new.
    const QString target = ApiKey::filePath(paths);
    const QString temp = paths.newTempFile(QStringLiteral(".key"));
    QFile f(temp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return fail(ApiKey::tr("cannot write the API key: %1").arg(f.errorString()));
    if (f.write(key + '\n') != key.size() + 1 || !f.flush()) {
        f.remove();
        return fail(ApiKey::tr("cannot write the API key: %1").arg(f.errorString()));
    }
    f.close();
    if (std::rename(QFile::encodeName(temp).constData(), QFile::encodeName(target).constData())
        != 0) {
        QFile::remove(temp);
        return fail(ApiKey::tr("cannot write the API key to %1").arg(target));
    }
    return key;
}

} // namespace

QString ApiKey::filePath(const LibraryPaths &paths)
{
    return QDir(paths.root()).filePath(QStringLiteral("api-key"));
}

Result<QByteArray> ApiKey::load(const LibraryPaths &paths)
{
    QFile f(filePath(paths));
    if (!f.exists())
        return write(paths);
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
    return write(paths);
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
