// SPDX-License-Identifier: MIT
#include "storage/thumbnailcodec.h"

#include <QBuffer>

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

} // namespace trove
