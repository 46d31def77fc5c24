// SPDX-License-Identifier: MIT
#include "storage/thumbnailcodec.h"

#include <QBuffer>
#include <algorithm>

namespace trove {

QByteArray ThumbnailCodec::encode(const QImage &image)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    if (image.hasAlphaChannel())
        image.save(&buffer, "PNG");
    else
        // JPEG has no alpha and few pixel formats: indexed (GIF), 16-bit and
        // grey images are written the same way once they are RGB32.
        image.convertToFormat(QImage::Format_RGB32).save(&buffer, "JPEG", kJpegQuality);
    return out;
}

QImage ThumbnailCodec::decode(const QByteArray &bytes)
{
    return bytes.isEmpty() ? QImage() : QImage::fromData(bytes);
}

QSize ThumbnailCodec::shownSize(QSize stored, int side, qreal scale)
{
    if (side <= 0 || stored.isEmpty())
        return stored;
    const bool reduced = std::max(stored.width(), stored.height()) >= kSize;
    const QSize natural = reduced ? QSize(side, side) : (QSizeF(stored) * scale).toSize();
    QSize shown = stored.scaled(
        std::min(side, natural.width()), std::min(side, natural.height()), Qt::KeepAspectRatio);
    return shown.expandedTo(QSize(1, 1));
}

} // namespace trove
