// SPDX-License-Identifier: MIT
#include "base/tagkey.h"

namespace trove {

namespace {

bool isAscii(const QString &text)
{
    for (const QChar c : text)
        if (c.unicode() >= 0x80)
            return false;
    return true;
}

} // namespace

QString tagKey(const QString &tag)
{
    // Most tags are ASCII: no composition to undo or redo, and folding is
    // lowering (a million tags keyed by a migration in a fraction of the
    // time).
    if (isAscii(tag))
        return tag.toLower();
    return tag.normalized(QString::NormalizationForm_D)
        .toCaseFolded()
        .normalized(QString::NormalizationForm_C);
}

bool sameTag(const QString &a, const QString &b)
{
    return a == b || tagKey(a) == tagKey(b);
}

QString composedTag(const QString &tag)
{
    return isAscii(tag) ? tag : tag.normalized(QString::NormalizationForm_C);
}

} // namespace trove
