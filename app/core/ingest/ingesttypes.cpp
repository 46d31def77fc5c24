// SPDX-License-Identifier: MIT
#include "ingest/ingesttypes.h"

#include <QSet>
#include <QUrl>

namespace trove {

namespace {

QString withoutControls(QString text)
{
    for (QChar &c : text) {
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    }
    return text.simplified();
}

} // namespace

QString FetchHeaders::page() const
{
    const QUrl url(referer);
    if (!url.isValid()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveFragment).toString();
}

QStringList normalizeTags(const QStringList &tags)
{
    QStringList out;
    QSet<QString> seen;
    for (const QString &raw : tags) {
        const QString tag = withoutControls(raw);
        if (tag.isEmpty() || seen.contains(tag.toCaseFolded()))
            continue;
        seen.insert(tag.toCaseFolded());
        out.append(tag);
    }
    return out;
}

QString normalizeName(const QString &name)
{
    return withoutControls(name);
}

} // namespace trove
