// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QString>

/// Small helpers shared by the writer's statement files (writer thread only).
namespace trove::statements {

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// A null QString binds as SQL NULL; text columns here are NOT NULL.
inline QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

/// Keys as one JSON array, for `... IN (SELECT value FROM json_each(?))`:
/// a statement per key under the job's savepoint costs time that grows
/// with the square of the batch (the in-memory sub-journal).
inline QString jsonKeys(const QList<qint64> &keys)
{
    QString out = QStringLiteral("[");
    out.reserve(keys.size() * 8 + 2);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += QString::number(keys[i]);
    }
    return out + QLatin1Char(']');
}

/// Texts as one JSON array, for `... IN (SELECT value FROM json_each(?))`.
inline QString jsonTexts(const QStringList &texts)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
}

} // namespace trove::statements
