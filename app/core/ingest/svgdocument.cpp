// SPDX-License-Identifier: MIT
#include "ingest/svgdocument.h"

#include "ingest/imageprocessor.h"

#include <QBuffer>
#include <QIODevice>
#include <QRegularExpression>
#include <QScopeGuard>
#include <array>
#include <functional>
#include <zlib.h>

namespace trove {

namespace {

// What sniffing looks at, as for any text (ImageProcessor::sniffMimeType).
constexpr qsizetype kSniffBytes = 4096;
// Compressed bytes a sniff may read to inflate kSniffBytes: deflate's
// stored blocks and a gzip header's name and comment cost a few KiB.
constexpr qsizetype kSniffInput = 32 * 1024;
constexpr qint64 kChunk = 64 * 1024;

bool startsAsGzip(QByteArrayView head)
{
    return head.size() >= 2 && uchar(head[0]) == 0x1f && uchar(head[1]) == 0x8b;
}

bool isSvgText(const QByteArray &text)
{
    return ImageProcessor::sniffMimeType(text.left(kSniffBytes)) == QLatin1String("image/svg+xml");
}

struct Inflation {
    enum class End {
        Whole, ///< every member ended
        Cut, ///< the input ended inside a member
        Full, ///< more than the limit came out
        Corrupt, ///< zlib refused the data (message)
    };
    QByteArray text;
    End end = End::Whole;
    QString message;
};

// Inflates the gzip members that @p next hands out in pieces (empty at the
// end), keeping at most @p limit bytes. Members follow each other as gzip(1)
// reads them; bytes after the last that start no member are ignored.
Inflation inflateMembers(const std::function<QByteArray()> &next, qint64 limit)
{
    Inflation out;
    z_stream zs {};
    if (inflateInit2(&zs, 15 + 16) != Z_OK) {
        out.end = Inflation::End::Corrupt;
        out.message = QStringLiteral("zlib could not start");
        return out;
    }
    const auto endInflate = qScopeGuard([&zs] { inflateEnd(&zs); });
    std::array<char, 16 * 1024> buffer;
    QByteArray input;
    int rc = Z_OK;
    for (;;) {
        if (zs.avail_in == 0) {
            input = next();
            if (input.isEmpty()) {
                out.end = rc == Z_STREAM_END ? Inflation::End::Whole : Inflation::End::Cut;
                return out;
            }
            zs.next_in = reinterpret_cast<Bytef *>(input.data());
            zs.avail_in = uInt(input.size());
        }
        if (rc == Z_STREAM_END) {
            if (*zs.next_in != 0x1f)
                return out; // trailing bytes (padding), not another member
            inflateReset(&zs);
        }
        zs.next_out = reinterpret_cast<Bytef *>(buffer.data());
        zs.avail_out = uInt(buffer.size());
        rc = inflate(&zs, Z_NO_FLUSH);
        // What came out before an error is kept: a wrong CRC is found
        // after the whole text, and says more about an SVG than nothing.
        const qint64 produced = qint64(buffer.size()) - zs.avail_out;
        if (out.text.size() + produced > limit) {
            out.text.append(buffer.data(), qsizetype(limit - out.text.size()));
            out.end = Inflation::End::Full;
            return out;
        }
        out.text.append(buffer.data(), qsizetype(produced));
        if (rc == Z_NEED_DICT || rc == Z_DATA_ERROR || rc == Z_MEM_ERROR || rc == Z_STREAM_ERROR
            || (rc == Z_BUF_ERROR && zs.avail_in > 0)) {
            out.end = Inflation::End::Corrupt;
            out.message = QString::fromLatin1(zs.msg ? zs.msg : "corrupt data");
            return out;
        }
    }
}

} // namespace

bool SvgDocument::isSvg(QByteArrayView format)
{
    return format == "svg" || format == "svgz";
}

bool SvgDocument::isSvg(QStringView format)
{
    return format == u"svg" || format == u"svgz";
}

QByteArray SvgDocument::sniff(QIODevice *device)
{
    const QByteArray head = device->peek(startsAsGzip(device->peek(2)) ? kSniffInput : kSniffBytes);
    if (startsAsGzip(head)) {
        bool given = false;
        const Inflation start = inflateMembers(
            [&] {
                if (given)
                    return QByteArray();
                given = true;
                return head;
            },
            kSniffBytes);
        return isSvgText(start.text) ? QByteArrayLiteral("svgz") : QByteArray();
    }
    // Only text that opens a tag can be SVG; the mime database is not
    // asked about every photo.
    if (!head.trimmed().startsWith('<') && !head.startsWith("\xef\xbb\xbf"))
        return {};
    return isSvgText(head) ? QByteArrayLiteral("svg") : QByteArray();
}

Result<QByteArray> SvgDocument::drawable(QIODevice *device, QByteArrayView format)
{
    auto svg = text(device, format);
    if (!svg)
        return svg;
    return withoutExternalReferences(*svg);
}

Result<QByteArray> SvgDocument::text(QIODevice *device, QByteArrayView format)
{
    device->seek(0);
    const auto notAnImage = [device] {
        device->seek(0);
        return fail(ImageProcessor::tr("not an image (%1)")
                        .arg(ImageProcessor::sniffMimeType(device->peek(kSniffBytes))));
    };
    if (format != "svgz") {
        if (device->size() > kMaxBytes)
            return fail(ImageProcessor::tr("SVG too large: %1 bytes").arg(device->size()));
        QByteArray plain = device->readAll();
        if (!isSvgText(plain))
            return notAnImage();
        return plain;
    }
    const Inflation inflated = inflateMembers([device] { return device->read(kChunk); }, kMaxBytes);
    // A gzip of something else is no SVG, however it ends.
    if (!isSvgText(inflated.text))
        return notAnImage();
    switch (inflated.end) {
    case Inflation::End::Whole:
        break;
    case Inflation::End::Cut:
        return fail(ImageProcessor::tr("truncated image (%1)").arg(QStringLiteral("svgz")));
    case Inflation::End::Full:
        return fail(
            ImageProcessor::tr("SVG too large: more than %1 bytes uncompressed").arg(kMaxBytes));
    case Inflation::End::Corrupt:
        return fail(ImageProcessor::tr("unsupported or corrupt image (%1): %2")
                        .arg(QStringLiteral("svgz"), inflated.message));
    }
    return inflated.text;
}

Result<QByteArray> SvgDocument::readable(const QByteArray &original, bool *isSvg)
{
    QBuffer buffer;
    buffer.setData(original);
    buffer.open(QIODevice::ReadOnly);
    QByteArray format = sniff(&buffer);
    // No image but svgz is gzip: Qt's svgz reader must not see the rest (it
    // inflates without a bound); drawable() says what it is instead.
    if (format.isEmpty() && startsAsGzip(original))
        format = QByteArrayLiteral("svgz");
    if (isSvg)
        *isSvg = !format.isEmpty();
    if (format.isEmpty())
        return original;
    return drawable(&buffer, format);
}

QByteArray SvgDocument::withoutExternalReferences(const QByteArray &svg)
{
    static const QRegularExpression href(QStringLiteral(R"(((?:xlink:)?href\s*=\s*)(["'])(.*?)\2)"),
        QRegularExpression::DotMatchesEverythingOption);
    const QString text = QString::fromUtf8(svg);
    QString out;
    out.reserve(text.size());
    qsizetype last = 0;
    auto it = href.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString value = m.captured(3).trimmed();
        if (value.startsWith(QLatin1Char('#'))
            || value.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
            continue;
        out += QStringView(text).mid(last, m.capturedStart(3) - last);
        out += QLatin1Char('#');
        last = m.capturedEnd(3);
    }
    out += QStringView(text).mid(last);
    return out.toUtf8();
}

} // namespace trove
