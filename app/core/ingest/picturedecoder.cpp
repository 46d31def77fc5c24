// SPDX-License-Identifier: MIT
#include "ingest/picturedecoder.h"

#include "codeclog.h"
#include "ingest/completeness.h"
#include "ingest/imageprocessor.h"
#include "ingest/svgdocument.h"

#include <QBuffer>
#include <QImageReader>
#include <libexif/exif-data.h>
#include <memory>

namespace trove {

namespace {

// Big enough for a 100-megapixel frame; the reader refuses more.
constexpr int kAllocationLimitMb = 1024;
// A bound on frames regardless of their size (a 1x1 GIF of a million).
constexpr int kMaxFrames = 5000;

QString entryText(ExifData *data, ExifIfd ifd, ExifTag tag)
{
    ExifEntry *entry = exif_content_get_entry(data->ifd[ifd], tag);
    if (!entry)
        return {};
    char text[256] = {};
    exif_entry_get_value(entry, text, sizeof text);
    return QString::fromUtf8(text).simplified();
}

struct ExifDeleter {
    void operator()(ExifData *d) const { exif_data_unref(d); }
};

} // namespace

ExifSummary PictureDecoder::exifSummary(const QByteArray &bytes)
{
    // JPEG: libexif finds APP1 itself. Elsewhere (HEIC and AVIF items, WebP
    // and PNG chunks) the block starts with "Exif\0\0" or is a bare TIFF
    // header in PNG's eXIf; look near the start, where writers put it.
    const QByteArray head = bytes.left(4 * 1024 * 1024);
    qsizetype at = 0;
    if (!bytes.startsWith("\xff\xd8")) {
        at = head.indexOf(QByteArrayLiteral("Exif\0\0"));
        if (at < 0) {
            const qsizetype exif = head.indexOf("eXIf");
            if (exif < 0)
                return {};
            at = exif + 4;
        }
    }
    std::unique_ptr<ExifData, ExifDeleter> data(exif_data_new());
    if (!data)
        return {};
    exif_data_set_option(data.get(), EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS);
    exif_data_unset_option(data.get(), EXIF_DATA_OPTION_FOLLOW_SPECIFICATION);
    QByteArray block = bytes.mid(at);
    if (!block.startsWith("\xff\xd8") && !block.startsWith("Exif"))
        block.prepend(QByteArrayLiteral("Exif\0\0"));
    exif_data_load_data(data.get(), reinterpret_cast<const unsigned char *>(block.constData()),
        unsigned(std::min<qsizetype>(block.size(), 64 * 1024 * 1024)));

    ExifSummary out;
    const QString make = entryText(data.get(), EXIF_IFD_0, EXIF_TAG_MAKE);
    const QString model = entryText(data.get(), EXIF_IFD_0, EXIF_TAG_MODEL);
    // Many models already start with the maker's name ("Canon EOS R5").
    out.camera = model.startsWith(make.section(QLatin1Char(' '), 0, 0), Qt::CaseInsensitive)
        ? model
        : QStringList { make, model }.join(QLatin1Char(' ')).trimmed();
    out.taken = entryText(data.get(), EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL);
    if (out.taken.isEmpty())
        out.taken = entryText(data.get(), EXIF_IFD_0, EXIF_TAG_DATE_TIME);
    QStringList exposure;
    for (const auto tag : { EXIF_TAG_EXPOSURE_TIME, EXIF_TAG_FNUMBER })
        if (QString v = entryText(data.get(), EXIF_IFD_EXIF, tag); !v.isEmpty())
            exposure << v;
    if (QString iso = entryText(data.get(), EXIF_IFD_EXIF, EXIF_TAG_ISO_SPEED_RATINGS);
        !iso.isEmpty())
        exposure << tr("ISO %1").arg(iso);
    if (QString focal = entryText(data.get(), EXIF_IFD_EXIF, EXIF_TAG_FOCAL_LENGTH);
        !focal.isEmpty())
        exposure << focal;
    out.exposure = exposure.join(QStringLiteral(", "));
    return out;
}

Result<Picture> PictureDecoder::decode(const QByteArray &bytes)
{
    const CodecScope quiet;
    // SVG and svgz only as SvgDocument hands them over: QtSvg would read
    // the files an SVG names, and Qt's svgz reader inflates without bound.
    bool svg = false;
    auto readable = SvgDocument::readable(bytes, &svg);
    if (!readable)
        return fail(ImageProcessor::tr("cannot decode image: %1").arg(readable.error()));
    QBuffer buffer;
    // A GIF whose frames reach past its screen is shown whole.
    buffer.setData(svg ? *readable : gifScreenCoveringFrames(bytes));
    buffer.open(QIODevice::ReadOnly);
    // A JPEG kept with junk before its header (ImageProcessor explains).
    buffer.seek(svg ? 0 : ImageProcessor::imageStart(&buffer));
    QImageReader reader(&buffer, svg ? QByteArray("svg") : QByteArray());
    reader.setAutoTransform(true);
    reader.setAllocationLimit(kAllocationLimitMb);

    Picture picture;
    QImage frame = reader.read();
    if (frame.isNull()) {
        // The long tail (TGA 1.0, 16-bit or CMYK TIFF, ...) decodes in the
        // helper process, as it did when the image was added.
        buffer.seek(0);
        const QByteArray longTail = ImageProcessor::longTailFormat(&buffer);
        if (longTail.isEmpty())
            return fail(ImageProcessor::tr("cannot decode image: %1").arg(reader.errorString()));
        auto still = ImageProcessor::decodeInHelper(&buffer, longTail, 0, ImageLimits(), nullptr);
        if (!still)
            return fail(ImageProcessor::tr("cannot decode image: %1").arg(still.error()));
        picture.frames << *still;
        picture.delaysMs << 0;
        picture.exif = exifSummary(bytes);
        return picture;
    }
    const bool animated = reader.supportsAnimation() && reader.imageCount() != 1;
    qint64 total = 0;
    while (!frame.isNull()) {
        total += frame.sizeInBytes();
        if (!picture.frames.isEmpty()
            && (total > kMaxAnimationBytes || picture.frames.size() >= kMaxFrames)) {
            picture.framesCut = true;
            break;
        }
        // Shown as it was meant to look: a phone's P3 photo in sRGB.
        picture.frames << ImageProcessor::toSrgb(std::move(frame));
        picture.delaysMs << reader.nextImageDelay();
        if (!animated)
            break;
        frame = reader.read();
    }
    picture.loopCount = reader.loopCount();
    picture.exif = exifSummary(bytes);
    return picture;
}

} // namespace trove
