// SPDX-License-Identifier: MIT
#pragma once

// What the bench drivers share for their JSON: one-decimal rounding, the
// median of repeated runs, and what /proc says of the machine and of this
// process. Linux; Qt only.

#include <QByteArray>
#include <QFile>
#include <QList>
#include <QString>
#include <algorithm>
#include <cmath>
#include <cstring>

namespace trove::bench {

inline double round1(double v)
{
    return std::round(v * 10.0) / 10.0;
}

/// The median of @p v (the upper one of an even count), @p empty when none.
inline double median(QList<double> v, double empty = -1)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? empty : v[v.size() / 2];
}

/// The 1-minute load average, or -1.
inline double loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().split(' ').value(0).toDouble() : -1;
}

/// A kB field of /proc/self/status ("VmHWM:", "VmRSS:") in MB, or -1.
inline double statusMb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(field))
            return line.mid(qsizetype(std::strlen(field))).trimmed().split(' ').value(0).toDouble()
                / 1024.0;
    }
    return -1;
}

} // namespace trove::bench
