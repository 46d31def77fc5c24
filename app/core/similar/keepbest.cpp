// SPDX-License-Identifier: MIT
#include "similar/keepbest.h"

#include <algorithm>
#include <limits>
#include <tuple>
#include <vector>

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
    // better() with each record's format ranked once, not at every
    // comparison: a group of 46,000 (bench/similar at a million) would
    // rank a million times.
    struct Rank {
        qint64 pixels;
        int format;
        qint64 added;
        qint64 key;
        qsizetype at;
    };
    std::vector<Rank> ranks;
    ranks.reserve(size_t(group.size()));
    for (qsizetype i = 0; i < group.size(); ++i) {
        const ImageRecord &r = group.at(i);
        ranks.push_back({ qint64(r.width) * r.height, formatRank(r.format),
            r.addedAt.isValid() ? r.addedAt.toMSecsSinceEpoch()
                                : std::numeric_limits<qint64>::min(),
            r.key, i });
    }
    std::sort(ranks.begin(), ranks.end(), [](const Rank &a, const Rank &b) {
        if (a.pixels != b.pixels)
            return a.pixels > b.pixels;
        return std::tie(a.format, a.added, a.key) < std::tie(b.format, b.added, b.key);
    });
    QList<ImageRecord> out;
    out.reserve(group.size());
    for (const Rank &r : ranks)
        out.append(std::move(group[r.at]));
    return out;
}

QString KeepBest::ruleText()
{
    return tr("Keeps the image with the most pixels, then the best format (PNG, TIFF, BMP, "
              "JPEG XL, WebP, AVIF, HEIF, JPEG 2000, JPEG, GIF), then the oldest.");
}

} // namespace trove
