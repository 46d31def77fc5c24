// SPDX-License-Identifier: MIT
#pragma once

// Files and hashes as the suites check them: what a test writes for trove
// to read, reads back from what trove wrote, and hashes with Qt (not with
// Trove's own Sha256, which is under test). Qt only, header-only.

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>

namespace trove::test {

/// Lower-case hex SHA-256 of @p bytes.
inline QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// Writes @p bytes to @p path (replacing it); false if any of that failed.
inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size()
        && f.flush();
}

/// The bytes of @p path; empty if it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace trove::test
