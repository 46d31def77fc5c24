// SPDX-License-Identifier: MIT
#include "output.h"

#include <algorithm>
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

QString printable(const QString &text)
{
    auto unsafe = [](char16_t c) {
        return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029
            || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
    };
    if (std::none_of(text.cbegin(), text.cend(), [&](QChar c) { return unsafe(c.unicode()); }))
        return text;
    QString out;
    out.reserve(text.size() + 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (!unsafe(u))
            out += c;
        else if (u == '\n')
            out += QLatin1String("\\n");
        else if (u == '\r')
            out += QLatin1String("\\r");
        else if (u == '\t')
            out += QLatin1String("\\t");
        else if (u < 0x100)
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else
            out += QStringLiteral("\\u%1").arg(uint(u), 4, 16, QLatin1Char('0'));
    }
    return out;
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
