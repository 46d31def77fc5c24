// SPDX-License-Identifier: MIT
#include "output.h"

#include <cstdio>

namespace trove::cli {

Output::Output()
    : m_out(stdout)
    , m_err(stderr)
{
}

void Output::json(const QJsonDocument &doc)
{
    m_out << doc.toJson(QJsonDocument::Indented);
    m_out.flush();
}

void Output::write(const QByteArray &utf8)
{
    m_out.flush();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
}

void Output::error(const QString &message)
{
    m_err << "trove: " << message << Qt::endl;
}

QString humanBytes(qint64 bytes)
{
    const char *units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return unit == 0
        ? QStringLiteral("%1 B").arg(bytes)
        : QStringLiteral("%1 %2").arg(value, 0, 'f', 1).arg(QLatin1String(units[unit]));
}

QString shortId(const QString &id)
{
    return id.left(8);
}

} // namespace trove::cli
