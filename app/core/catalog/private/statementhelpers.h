// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QDateTime>
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

} // namespace trove::statements
