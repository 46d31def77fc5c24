// SPDX-License-Identifier: MIT
#include "ingest/ingesttypes.h"

#include <QSet>

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
