// SPDX-License-Identifier: MIT
#include "similar/keepbest.h"

#include <algorithm>

namespace trove {

int KeepBest::formatRank(const QString &format)
{
    // Lossless first (a PNG of a JPEG keeps every pixel the JPEG had, and
    // more rarely fewer), then modern lossy codecs, then JPEG, then
    // palette formats that may have lost colours.
    static const QStringList order { QStringLiteral("png"), QStringLiteral("tiff"),
        QStringLiteral("bmp"), QStringLiteral("jxl"), QStringLiteral("webp"),
        QStringLiteral("avif"), QStringLiteral("heif"), QStringLiteral("jp2"),
        QStringLiteral("jpeg"), QStringLiteral("gif"), QStringLiteral("tga"),
        QStringLiteral("ico") };
    const qsizetype at = order.indexOf(format.toLower());
    return at < 0 ? int(order.size()) : int(at);
}

bool KeepBest::better(const ImageRecord &a, const ImageRecord &b)
{
    const qint64 pixelsA = qint64(a.width) * a.height;
    const qint64 pixelsB = qint64(b.width) * b.height;
    if (pixelsA != pixelsB)
        return pixelsA > pixelsB;
    const int rankA = formatRank(a.format);
    const int rankB = formatRank(b.format);
    if (rankA != rankB)
        return rankA < rankB;
    if (a.addedAt != b.addedAt)
        return a.addedAt < b.addedAt;
    return a.key < b.key;
}

QList<ImageRecord> KeepBest::ordered(QList<ImageRecord> group)
{
    std::sort(group.begin(), group.end(), &KeepBest::better);
    return group;
}

QString KeepBest::ruleText()
{
    return tr("Keeps the image with the most pixels, then the best format (PNG, TIFF, BMP, "
              "JPEG XL, WebP, AVIF, HEIF, JPEG 2000, JPEG, GIF), then the oldest.");
}

} // namespace trove
