// SPDX-License-Identifier: MIT
#include "ingest/ingesttypes.h"

#include "base/tagkey.h"

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
        const QString tag = composedTag(withoutControls(raw));
        if (tag.isEmpty())
            continue;
        const QString key = tagKey(tag);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        out.append(tag);
    }
    return out;
}

QString TagLimits::check(const QStringList &tags)
{
    if (tags.size() > kMaxTags)
        return tr("at most %1 tags at a time; %2 given").arg(kMaxTags).arg(tags.size());
    for (const QString &tag : tags) {
        // Characters as people count them: code points of the composed
        // tag, so an emoji or an "é" typed as e + accent counts once (UTF-16
        // units counted both twice, and 251 emoji were "over 500").
        const QString composed = composedTag(tag.trimmed());
        const QList<uint> characters = composed.toUcs4();
        if (characters.size() > kMaxLength)
            return tr("a tag is longer than %1 characters: %2…")
                .arg(kMaxLength)
                .arg(QString::fromUcs4(
                    reinterpret_cast<const char32_t *>(characters.constData()), 40));
    }
    return {};
}

QString normalizeName(const QString &name)
{
    // Composed (NFC): "café" copied from a Mac's file name (NFD) is found
    // by the "café" typed on any keyboard.
    QString clean = withoutControls(name).normalized(QString::NormalizationForm_C);
    if (clean.size() > kMaxImageNameLength) {
        // Never half a surrogate pair.
        qsizetype end = kMaxImageNameLength;
        if (clean.at(end - 1).isHighSurrogate())
            --end;
        clean.truncate(end);
        clean = clean.trimmed();
    }
    return clean;
}

} // namespace trove
