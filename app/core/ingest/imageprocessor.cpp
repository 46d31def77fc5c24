// SPDX-License-Identifier: MIT
#include "ingest/imageprocessor.h"

#include "codeclog.h"
#include "helperhandler.h"
#include "ingest/bmpthumbnailer.h"
#include "ingest/completeness.h"
#include "ingest/svgdocument.h"
#include "storage/diskspace.h"
#include "storage/thumbnailcodec.h"

#include <QBuffer>
#include <QColorSpace>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QMimeDatabase>
#include <optional>

namespace trove {

namespace {

QSize fitted(QSize size, int box)
{
    if (size.width() <= box && size.height() <= box)
        return size;
    return size.scaled(box, box, Qt::KeepAspectRatio).expandedTo(QSize(1, 1));
}

bool isPalette(QImage::Format format)
{
    return format == QImage::Format_Indexed8 || format == QImage::Format_Mono
        || format == QImage::Format_MonoLSB;
}

// A palette image as 32-bit pixels, with alpha only where its palette has
// some; any other image as it is. Scaling and colour conversion want them:
// Qt scales a palette image smoothly into ARGB32 even when every colour is
// opaque (a GIF's, a PNG-8's or an 8-bit BMP's thumbnail was then stored as
// a PNG with an alpha channel, several times a JPEG's size).
QImage withoutPalette(QImage image)
{
    if (isPalette(image.format()))
        image.convertTo(image.hasAlphaChannel() ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    return image;
}

// Decodes @p reader (already positioned) into a thumbnail-sized image,
// letting the codec scale while it decodes where it can (JPEG, SVG).
Result<QImage> decodeThumbnail(
    QImageReader &reader, const QByteArray &format, QSize fullSize, int box)
{
    reader.setAutoTransform(true);
    // A palette image is scaled below, after withoutPalette() (Qt's PNG
    // reader would scale it into ARGB32 itself).
    if (fullSize.isValid() && !isPalette(reader.imageFormat())
        && reader.supportsOption(QImageIOHandler::ScaledSize)) {
        const QSize target = fitted(fullSize, box);
        if (target != fullSize)
            reader.setScaledSize(target);
    }
    QImage image = withoutPalette(reader.read());
    if (image.isNull())
        return fail(ImageProcessor::tr("unsupported or corrupt image (%1): %2")
                        .arg(QString::fromLatin1(format), reader.errorString()));
    // target already has the image's aspect; keeping it again rounds down.
    const QSize target = fitted(image.size(), box);
    if (target != image.size())
        image = image.scaled(target, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return ImageProcessor::toSrgb(std::move(image));
}

// Qt 6.4's ICO plugin claims uncompressed true-colour TGA files; when the
// ICO decoder then fails, the bytes may well be a TGA.
Result<QImage> retryAsTga(QIODevice &device, QSize fullSize, int box)
{
    device.seek(0);
    QImageReader tga(&device, "tga");
    return decodeThumbnail(tga, "tga", fullSize.isValid() ? fullSize : tga.size(), box);
}

} // namespace

qint64 ImageProcessor::imageStart(QIODevice *device)
{
    if (!sniffImageFormat(device).isEmpty())
        return 0;
    const qsizetype at = device->peek(kMaxJpegJunk + 3).indexOf(QByteArrayLiteral("\xff\xd8\xff"));
    return at > 0 && at <= kMaxJpegJunk ? at : 0;
}

QByteArray ImageProcessor::longTailFormat(QIODevice *device)
{
    return HelperHandler::fallbackFormat(device->peek(128));
}

Result<QImage> ImageProcessor::decodeInHelper(QIODevice *device, const QByteArray &format, int box,
    const ImageLimits &limits, QSize *fullSize)
{
    device->seek(0);
    HelperHandler handler(format);
    handler.setDevice(device);
    const QSize size = handler.option(QImageIOHandler::Size).toSize();
    if (!size.isValid())
        return fail(handler.errorString());
    if (size.width() > limits.maxSide || size.height() > limits.maxSide
        || qint64(size.width()) * size.height() > limits.maxPixels)
        return fail(tr("image too large: %1x%2").arg(size.width()).arg(size.height()));
    if (box > 0 && fitted(size, box) != size)
        handler.setOption(QImageIOHandler::ScaledSize, fitted(size, box));
    QImage image;
    if (!handler.read(&image))
        return fail(handler.errorString());
    if (fullSize)
        *fullSize = size;
    return toSrgb(std::move(image));
}

QString ImageProcessor::sniffMimeType(const QByteArray &head)
{
    static const QMimeDatabase db;
    return db.mimeTypeForData(head).name();
}

QByteArray ImageProcessor::sniffImageFormat(QIODevice *device)
{
    const qint64 start = device->pos();
    const QByteArray format = QImageReader::imageFormat(device);
    device->seek(start);
    // Qt's SVG plugin claims anything that starts like XML (see process())
    // and every gzip file as svgz: only what is really SVG is.
    if (SvgDocument::isSvg(format))
        return SvgDocument::sniff(device);
    return format;
}

QImage ImageProcessor::toSrgb(QImage image)
{
    // A phone's Display P3 or a camera's Adobe RGB shown as if it were sRGB
    // looks dull or garish; converting the (small) decoded image is cheap.
    const QColorSpace space = image.colorSpace();
    if (!space.isValid() || space == QColorSpace::SRgb)
        return image;
    image = withoutPalette(std::move(image));
    image.convertToColorSpace(QColorSpace::SRgb);
    return image;
}

Result<ProcessedImage> ImageProcessor::process(
    const ProcessRequest &request, const std::atomic_bool *cancelled)
{
    // What libpng, libtiff and friends say about the file goes to the
    // trove.codec log, not to a terminal waiting for one line per item.
    const CodecScope quiet;
    QFile disk(request.dataPath);
    if (!disk.open(QIODevice::ReadOnly))
        return fail(tr("cannot read %1: %2").arg(request.dataPath, disk.errorString()));
    if (disk.size() == 0)
        return fail(tr("empty file: no image data"));
    // A JPEG behind a little junk is read from where it starts; the blob
    // keeps every byte of the file.
    QBuffer shifted;
    if (const qint64 at = imageStart(&disk); at > 0) {
        shifted.setData(disk.readAll().mid(at));
        shifted.open(QIODevice::ReadOnly);
    } else if (disk.peek(6).startsWith("GIF8")) {
        // Frames past the logical screen are shown whole, as browsers do.
        if (QByteArray grown = gifScreenCoveringFrames(disk); !grown.isEmpty()) {
            shifted.setData(grown);
            shifted.open(QIODevice::ReadOnly);
        }
    }
    QIODevice &file = shifted.isOpen() ? static_cast<QIODevice &>(shifted) : disk;

    const ImageLimits &limits = request.limits;
    QImageReader reader(&file);
    reader.setDecideFormatFromContent(true);
    // Qt refuses to allocate more than this; our own pixel cap below says
    // why in words before it comes to that.
    reader.setAllocationLimit(int(limits.maxPixels * 4 / (1024 * 1024)) + 1);

    QByteArray format = reader.format();
    // Qt's SVG plugin claims anything that starts like XML, XHTML and HTML
    // comments included, and every gzip file (a .tar.gz) as svgz; only what
    // sniffs as SVG, inflated for svgz, is SVG.
    const bool notReallySvg = SvgDocument::isSvg(format) && [&] {
        file.seek(0);
        return SvgDocument::sniff(&file) != format;
    }();
    file.seek(0);
    // PSD, DDS, SGI, PCX and what nothing else claims but looks like a TGA
    // go to the helper process; TGA and TIFF files Qt's readers fail on go
    // there too, below.
    const QByteArray longTail = longTailFormat(&file);
    const bool helperFirst = !longTail.isEmpty()
        && (format.isEmpty() || (format == longTail && format != "tga" && format != "tiff"));
    if (helperFirst)
        format = longTail;
    if ((format.isEmpty() && !helperFirst) || notReallySvg) {
        const QString mime = sniffMimeType(file.read(4096));
        if (mime.startsWith(QLatin1String("image/")))
            return fail(tr("unsupported or corrupt image (%1)").arg(mime));
        return fail(tr("not an image (%1)").arg(mime));
    }

    // QtSvg reads every referenced file while it parses, even for size(),
    // and Qt's svgz reader inflates without a bound: SVG and svgz are probed
    // and decoded only from SvgDocument's text. The format stays "svgz", so
    // the original is served and exported as what it is.
    QByteArray cleanedSvg;
    QBuffer svgBuffer(&cleanedSvg);
    std::optional<QImageReader> svgReader;
    if (SvgDocument::isSvg(format)) {
        auto text = SvgDocument::drawable(&file, format);
        if (!text)
            return text.failure();
        cleanedSvg = std::move(text).value();
        svgBuffer.open(QIODevice::ReadOnly);
        svgReader.emplace(&svgBuffer, "svg");
        file.seek(0);
    }
    QImageReader &probe = svgReader ? *svgReader : reader;

    // The container walk reads headers only; before size(), whose header
    // parse would otherwise be the first to trip over a cut-off file.
    // Qt's ICO handler claims TGA files (see retryAsTga): an ICO directory
    // that does not fit is no verdict on them.
    EntropySpan entropy;
    // A TGA that Qt's ICO handler claims is judged as the TGA it is: cut
    // short, it was reported as a corrupt "(ico)".
    if (format == "ico" && longTail == "tga") {
        if (!isCompleteImage(file, longTail))
            return fail(tr("truncated image (%1)").arg(QStringLiteral("tga")));
    } else if (!isCompleteImage(file, format, &entropy)) {
        return fail(tr("truncated image (%1)").arg(QString::fromLatin1(format)));
    }
    if (format == "png" && !pngDataStartsAsZlib(file))
        return fail(tr("unsupported or corrupt image (png): the image data is not zlib data"));

    // A plain 24- or 32-bit BMP is averaged down as its rows are read.
    BmpThumbnailer bmp;
    const bool bmpRows = format == "bmp" && !helperFirst && bmp.open(&file);
    QSize size = bmpRows ? bmp.size() : probe.size();
    if (size.isValid()
        && (size.width() > limits.maxSide || size.height() > limits.maxSide
            || qint64(size.width()) * size.height() > limits.maxPixels))
        return fail(tr("image too large: %1x%2").arg(size.width()).arg(size.height()));

    if (cancelled && cancelled->load())
        return fail(tr("cancelled"));

    Result<QImage> thumb = QImage();
    if (helperFirst) {
        thumb = decodeInHelper(&file, format, limits.thumbnailSize, limits, &size);
    } else if (svgReader) {
        thumb = decodeThumbnail(*svgReader, format, size, limits.thumbnailSize);
    } else if (QImage rows = bmpRows ? bmp.thumbnail(fitted(size, limits.thumbnailSize)) : QImage();
               !rows.isNull()) {
        thumb = std::move(rows);
    } else {
        // Qt's reader, also for a BMP whose rows the thumbnailer found cut
        // short: its reason is the one the user sees.
        // The reader has parsed the header; isCompleteImage() put the device
        // back where it was, so decoding continues from there.
        thumb = decodeThumbnail(reader, format, size, limits.thumbnailSize);
        // A phone's portrait photo is stored landscape with an EXIF
        // orientation (JPEG, TIFF): it is shown upright, so it is as wide
        // and as tall as it is shown, as JPEG XL and HEIF already say.
        if (thumb && (reader.transformation() & QImageIOHandler::TransformationRotate90))
            size.transpose();
        if (!thumb && format == "ico") {
            file.seek(0);
            const QSize tgaSize = QImageReader(&file, "tga").size();
            if (auto tga = retryAsTga(file, tgaSize, limits.thumbnailSize)) {
                thumb = tga;
                format = "tga";
                size = tgaSize;
            }
        }
        // TGA 1.0 (no footer), RLE TGA, 16-bit, planar and CMYK TIFF: the
        // helper's decoder reads what Qt's plugins refuse.
        if (!thumb && (format == "ico" || format == "tga" || format == "tiff")
            && (longTail == "tga" || longTail == "tiff")) {
            QSize helperSize;
            if (auto viaHelper
                = decodeInHelper(&file, longTail, limits.thumbnailSize, limits, &helperSize)) {
                thumb = viaHelper;
                format = longTail;
                size = helperSize;
            } else {
                qCDebug(lcCodec) << "helper:" << viaHelper.error();
                // Qt's reason stands unless the helper's says more: a
                // crash, a timeout or a size.
                if (!viaHelper.error().startsWith(QLatin1String("unsupported or corrupt")))
                    thumb = viaHelper.failure();
            }
        }
    }
    if (!thumb)
        return thumb.failure();

    ProcessedImage out;
    out.format = QString::fromLatin1(format);
    const QSize full = size.isValid() ? size : thumb->size();
    out.width = full.width();
    out.height = full.height();
    out.hash = PerceptualHash::compute(*thumb);
    out.thumbnail = ThumbnailCodec::encode(*thumb);
    out.thumbnailSize = thumb->size();
    out.animated
        = !svgReader && !helperFirst && reader.supportsAnimation() && reader.imageCount() != 1;
    out.tempBlobPath = request.tempBlobPath;
    const qint64 originalBytes = file.size();
    // A JPEG's plan comes from a probe of its entropy-coded data; other
    // files are probed by compressFile().
    std::optional<DeflatePlan> plan;
    if (!entropy.isEmpty() && entropy.end <= originalBytes)
        plan = GzipCodec::jpegPlan(file, entropy.begin, entropy.end);
    file.close();

    // The blob is at most about as large as the original: if that cannot
    // fit, stop before the disk fills rather than after.
    if (!request.libraryRoot.isEmpty()) {
        if (auto room = DiskSpace::check(request.libraryRoot, originalBytes); !room)
            return room.failure();
    }
    // Not synced here: the writer syncs a whole batch of blobs with one
    // flush before it installs them (CatalogWriter::commitImage), where a
    // sync per blob held this thread for the device's flush of each.
    auto blob = GzipCodec::compressFile(request.dataPath, request.tempBlobPath,
        request.originalName, plan, cancelled, GzipCodec::Sync::ByInstaller);
    if (!blob) {
        QFile::remove(request.tempBlobPath);
        return blob.failure();
    }
    out.blob = std::move(blob).value();
    return out;
}

Result<QImage> ImageProcessor::thumbnailFromBytes(const QByteArray &bytes, int size)
{
    const CodecScope quiet;
    // SVG and svgz as process() draws them: inflated within bounds, without
    // external references.
    bool svg = false;
    auto readable = SvgDocument::readable(bytes, &svg);
    if (!readable)
        return readable.failure();
    QBuffer buffer;
    if (svg) {
        buffer.setData(*readable);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, "svg");
        return decodeThumbnail(reader, "svg", reader.size(), size);
    }
    // A GIF whose frames reach past its screen is shown whole.
    buffer.setData(gifScreenCoveringFrames(bytes));
    buffer.open(QIODevice::ReadOnly);
    buffer.seek(imageStart(&buffer));
    if (BmpThumbnailer bmp; bmp.open(&buffer)) {
        if (QImage rows = bmp.thumbnail(fitted(bmp.size(), size)); !rows.isNull())
            return rows;
    }
    QImageReader reader(&buffer);
    reader.setDecideFormatFromContent(true);
    auto thumb = decodeThumbnail(reader, reader.format(), reader.size(), size);
    if (!thumb) {
        buffer.seek(0);
        if (const QByteArray longTail = longTailFormat(&buffer); !longTail.isEmpty())
            if (auto viaHelper = decodeInHelper(&buffer, longTail, size, ImageLimits(), nullptr))
                return viaHelper;
    }
    return thumb;
}

Result<ImageHash> ImageProcessor::hashFromBytes(const QByteArray &bytes)
{
    auto image = thumbnailFromBytes(bytes, ImageLimits().thumbnailSize);
    if (!image)
        return image.failure();
    return PerceptualHash::compute(*image);
}

} // namespace trove
