// SPDX-License-Identifier: MIT
#include "api/apiconfig.h"

#include <QUrl>

namespace trove::api {

QStringList ApiConfig::normalizeOrigins(const QStringList &origins)
{
    QStringList out;
    for (QString o : origins) {
        o = o.trimmed();
        while (o.endsWith(QLatin1Char('/')))
            o.chop(1);
        if (o.isEmpty())
            continue;
        const qsizetype sep = o.indexOf(QStringLiteral("://"));
        // Scheme and host are case-insensitive; an extension id is too.
        o = sep < 0 ? o : o.toLower();
        if (!out.contains(o))
            out.append(o);
    }
    return out;
}

QString ApiConfig::originProblem(const QString &typed)
{
    QString o = typed.trimmed();
    if (o.isEmpty())
        return tr("an empty origin");
    if (o.contains(QLatin1Char('*')))
        return tr("%1: wildcards are not allowed; name each origin, such as "
                  "http://localhost:8080")
            .arg(o);
    if (!o.contains(QStringLiteral("://")))
        return tr("%1 has no scheme; an origin is scheme://host[:port], such as "
                  "http://%1")
            .arg(o);
    while (o.endsWith(QLatin1Char('/')))
        o.chop(1); // as normalizeOrigins() does: "http://localhost:8080/" matches
    const QUrl url(o, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() || !url.path().isEmpty() || url.hasQuery()
        || url.hasFragment() || !url.userInfo().isEmpty())
        return tr("%1 is not an origin: an origin is scheme://host[:port], with no path, "
                  "query or user name")
            .arg(o);
    return {};
}

QStringList ApiConfig::usableOrigins(const QStringList &origins)
{
    QStringList usable;
    for (const QString &origin : origins)
        if (originProblem(origin).isEmpty())
            usable.append(origin);
    return normalizeOrigins(usable);
}

} // namespace trove::api
