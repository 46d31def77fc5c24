// SPDX-License-Identifier: MIT
#include "avifhandler.h"

#include "codeclog.h"
#include "isobmff.h"

#include <QColorSpace>
#include <QIODevice>
#include <QImageReader>
#include <QTransform>
#include <QVariant>
#include <QtEndian>
#include <avif/avif.h>

namespace trove {

void AvifHandler::DecoderDeleter::operator()(avifDecoder *d) const
{
    avifDecoderDestroy(d);
}

AvifHandler::AvifHandler() = default;
AvifHandler::~AvifHandler() = default;

bool AvifHandler::canRead(const QByteArray &head)
{
    return isobmff::formatFromBrands(head) == "avif";
}

bool AvifHandler::canRead() const
{
    if (parsedOk())
        return m_current + 1 < imageCount();
    if (!device() || !canRead(device()->peek(64)))
        return false;
    setFormat("avif");
    return true;
}

bool AvifHandler::parseHeader()
{
    m_decoder.reset(avifDecoderCreate());
    if (!m_decoder)
        return false;
    avifDecoder *dec = m_decoder.get();
    // One thread: the ingest pool already decodes one image per core.
    dec->maxThreads = 1;
    // Browsers show files that miss a box the specification wants
    // (pixi, clap rules); so does Trove.
    dec->strictFlags = AVIF_STRICT_DISABLED;
    dec->ignoreXMP = AVIF_TRUE;
    if (avifDecoderSetIOMemory(
            dec, reinterpret_cast<const uint8_t *>(data().constData()), size_t(data().size()))
        != AVIF_RESULT_OK)
        return false;
    const avifResult result = avifDecoderParse(dec);
    if (result != AVIF_RESULT_OK) {
        qCDebug(lcCodec) << "avif:" << avifResultToString(result) << dec->diag.error;
        // libavif refuses a header over its own limits (16384 x 16384
        // pixels, 32768 a side) as a parse error. The size it declares is
        // still the answer, so that the caller's pixel limits refuse the
        // bomb by name ("image too large: 60000x60000"); nothing decodes.
        const qsizetype ispe = data().indexOf("ispe");
        if (ispe >= 4 && ispe + 16 <= data().size()) {
            const QSize declared(int(qFromBigEndian<quint32>(data().constData() + ispe + 8)),
                int(qFromBigEndian<quint32>(data().constData() + ispe + 12)));
            if (declared.width() > int(AVIF_DEFAULT_IMAGE_DIMENSION_LIMIT)
                || declared.height() > int(AVIF_DEFAULT_IMAGE_DIMENSION_LIMIT)
                || qint64(declared.width()) * declared.height() > AVIF_DEFAULT_IMAGE_SIZE_LIMIT) {
                m_size = declared;
                m_tooLarge = true;
                return true;
            }
        }
        return false;
    }
    QSize size(int(dec->image->width), int(dec->image->height));
    if ((dec->image->transformFlags & AVIF_TRANSFORM_IROT) && (dec->image->irot.angle & 1))
        size.transpose();
    m_size = size;
    // The AV1 decoder allocates its frames itself, outside Qt's allocation
    // limit (QImageReader::setAllocationLimit): bound them by it.
    const qint64 allowedPixels = QImageReader::allocationLimit() > 0
        ? qint64(QImageReader::allocationLimit()) * 1024 * 1024 / 4
        : qint64(AVIF_DEFAULT_IMAGE_SIZE_LIMIT);
    dec->imageSizeLimit
        = uint32_t(qBound(qint64(1), allowedPixels, qint64(AVIF_DEFAULT_IMAGE_SIZE_LIMIT)));
    return true;
}

bool AvifHandler::decodeNext(QImage *out)
{
    avifDecoder *dec = m_decoder.get();
    const avifResult next = avifDecoderNextImage(dec);
    if (next != AVIF_RESULT_OK) {
        qCDebug(lcCodec) << "avif:" << avifResultToString(next);
        return false;
    }
    ++m_current;
    m_delayMs = int(dec->imageTiming.duration * 1000.0 + 0.5);
    const avifImage *img = dec->image;
    const bool alpha = img->alphaPlane != nullptr;
    QImage image = allocate(QSize(int(img->width), int(img->height)),
        alpha ? QImage::Format_RGBA8888 : QImage::Format_RGBX8888);
    if (image.isNull())
        return false;
    avifRGBImage rgb;
    avifRGBImageSetDefaults(&rgb, img);
    rgb.format = AVIF_RGB_FORMAT_RGBA;
    rgb.depth = 8;
    rgb.pixels = image.bits();
    rgb.rowBytes = uint32_t(image.bytesPerLine());
    if (avifImageYUVToRGB(img, &rgb) != AVIF_RESULT_OK)
        return false;
    if (img->icc.size > 0)
        image.setColorSpace(QColorSpace::fromIccProfile(
            QByteArray(reinterpret_cast<const char *>(img->icc.data), qsizetype(img->icc.size))));

    // HEIF order: rotate (anti-clockwise), then mirror.
    if ((img->transformFlags & AVIF_TRANSFORM_IROT) && img->irot.angle != 0)
        image = image.transformed(QTransform().rotate(-90.0 * img->irot.angle));
    if (img->transformFlags & AVIF_TRANSFORM_IMIR) {
        if (img->imir.mode == 0)
            image = std::move(image).mirrored(false, true); // top and bottom exchanged
        else
            image = std::move(image).mirrored(true, false);
    }
    *out = std::move(image);
    return true;
}

bool AvifHandler::read(QImage *image)
{
    if (!parsed() || m_tooLarge || m_current + 1 >= imageCount())
        return false;
    return decodeNext(image);
}

QVariant AvifHandler::option(ImageOption option) const
{
    if (option == Size && parsed())
        return m_size;
    if (option == Animation)
        return parsed() && imageCount() > 1;
    return {};
}

bool AvifHandler::supportsOption(ImageOption option) const
{
    return option == Size || option == Animation;
}

int AvifHandler::imageCount() const
{
    if (!parsed())
        return 0;
    return m_tooLarge ? 1 : qMax(1, m_decoder->imageCount);
}

int AvifHandler::loopCount() const
{
    return imageCount() > 1 ? -1 : 0;
}

int AvifHandler::nextImageDelay() const
{
    return m_delayMs;
}

int AvifHandler::currentImageNumber() const
{
    return m_current;
}

bool AvifHandler::jumpToNextImage()
{
    QImage skipped;
    return read(&skipped);
}

} // namespace trove
