// SPDX-License-Identifier: MIT
#include "imagefactory.h"

#include "response.h"

#include <QBuffer>
#include <QColor>
#include <QImageWriter>
#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QtEndian>
#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace trove::test {

namespace {

QColor seedColour(quint32 seed, int offset, int alpha = 255)
{
    return QColor::fromHsv(int((seed * 47u + quint32(offset)) % 360u), 200, 230, alpha);
}

void appendLe16(QByteArray &out, int value)
{
    out.append(char(value & 0xFF));
    out.append(char((value >> 8) & 0xFF));
}

void appendLe32(QByteArray &out, qint64 value)
{
    appendLe16(out, int(value & 0xFFFF));
    appendLe16(out, int((value >> 16) & 0xFFFF));
}

/// Packs variable-width LZW codes least significant bit first into GIF
/// sub-blocks of at most 255 bytes.
class GifCodeWriter final {
public:
    explicit GifCodeWriter(QByteArray &out)
        : m_out(out)
    {
    }

    void write(int code, int width)
    {
        m_bits |= quint32(code) << m_bitCount;
        m_bitCount += width;
        while (m_bitCount >= 8) {
            pushByte(char(m_bits & 0xFF));
            m_bits >>= 8;
            m_bitCount -= 8;
        }
    }

    void finish()
    {
        if (m_bitCount > 0)
            pushByte(char(m_bits & 0xFF));
        flushBlock();
        m_out.append('\0'); // block terminator
    }

private:
    void pushByte(char byte)
    {
        m_block.append(byte);
        if (m_block.size() == 255)
            flushBlock();
    }

    void flushBlock()
    {
        if (m_block.isEmpty())
            return;
        m_out.append(char(m_block.size()));
        m_out.append(m_block);
        m_block.clear();
    }

    QByteArray &m_out;
    QByteArray m_block;
    quint32 m_bits = 0;
    int m_bitCount = 0;
};

// LZW as in the GIF89a spec, appendix F, with 8-bit pixels.
void lzwEncode(const QByteArray &pixels, QByteArray &out)
{
    constexpr int kMinCodeSize = 8;
    constexpr int kClear = 1 << kMinCodeSize;
    constexpr int kEnd = kClear + 1;
    out.append(char(kMinCodeSize));
    GifCodeWriter writer(out);
    std::unordered_map<quint32, int> table;
    int codeSize = kMinCodeSize + 1;
    int lastCode = kEnd;
    writer.write(kClear, codeSize);
    if (pixels.isEmpty()) {
        writer.write(kEnd, codeSize);
        writer.finish();
        return;
    }
    int current = quint8(pixels.at(0));
    for (qsizetype i = 1; i < pixels.size(); ++i) {
        const int next = quint8(pixels.at(i));
        const quint32 key = (quint32(current) << 8) | quint32(next);
        if (const auto it = table.find(key); it != table.end()) {
            current = it->second;
            continue;
        }
        writer.write(current, codeSize);
        table.emplace(key, ++lastCode);
        if (lastCode >= (1 << codeSize))
            ++codeSize;
        if (lastCode == 4095) {
            writer.write(kClear, codeSize);
            table.clear();
            codeSize = kMinCodeSize + 1;
            lastCode = kEnd;
        }
        current = next;
    }
    writer.write(current, codeSize);
    writer.write(kEnd, codeSize);
    writer.finish();
}

} // namespace

QImage ImageFactory::scene(int width, int height, quint32 seed)
{
    QImage image(std::max(1, width), std::max(1, height), QImage::Format_RGB32);
    const qreal w = image.width();
    const qreal h = image.height();
    QRandomGenerator rng(seed * 2654435761u + 17u);
    const auto colour = [&rng] {
        return QColor::fromHsv(
            int(rng.bounded(360)), 40 + int(rng.bounded(200)), 40 + int(rng.bounded(215)));
    };
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal angle = rng.bounded(2 * M_PI);
    QLinearGradient sky(w / 2 - std::cos(angle) * w / 2, h / 2 - std::sin(angle) * h / 2,
        w / 2 + std::cos(angle) * w / 2, h / 2 + std::sin(angle) * h / 2);
    sky.setColorAt(0, colour());
    sky.setColorAt(1, colour());
    painter.fillRect(image.rect(), sky);
    const int shapes = 8 + int(rng.bounded(8));
    for (int i = 0; i < shapes; ++i) {
        const QRectF box(rng.bounded(w) - w * 0.2, rng.bounded(h) - h * 0.2,
            w * (0.08 + rng.bounded(0.5)), h * (0.08 + rng.bounded(0.5)));
        if (rng.bounded(2) == 0) {
            QLinearGradient fill(box.topLeft(), box.bottomRight());
            fill.setColorAt(0, colour());
            fill.setColorAt(1, colour());
            painter.setBrush(fill);
        } else {
            painter.setBrush(colour());
        }
        painter.setPen(rng.bounded(3) == 0 ? QPen(colour(), std::max(1.0, w / 100)) : Qt::NoPen);
        switch (rng.bounded(3)) {
        case 0:
            painter.drawEllipse(box);
            break;
        case 1:
            painter.drawRect(box);
            break;
        default: {
            QPolygonF polygon;
            const int corners = 3 + int(rng.bounded(4));
            for (int c = 0; c < corners; ++c)
                polygon << QPointF(
                    box.left() + rng.bounded(box.width()), box.top() + rng.bounded(box.height()));
            painter.drawPolygon(polygon);
        }
        }
    }
    painter.end();
    // Grain, as a camera leaves it: +-6 per channel.
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const int n = int(rng.bounded(13)) - 6;
            const QRgb p = line[x];
            line[x] = qRgb(std::clamp(qRed(p) + n, 0, 255), std::clamp(qGreen(p) + n, 0, 255),
                std::clamp(qBlue(p) + n, 0, 255));
        }
    }
    return image;
}

QImage ImageFactory::picture(int width, int height, quint32 seed, bool alpha)
{
    QImage image(std::max(1, width), std::max(1, height),
        alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    image.fill(Qt::transparent);
    const qreal w = image.width();
    const qreal h = image.height();
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);

    QLinearGradient background(0, 0, w, h);
    background.setColorAt(0, seedColour(seed, 0, alpha ? 160 : 255));
    background.setColorAt(1, seedColour(seed, 150).darker(160));
    painter.fillRect(image.rect(), background);

    painter.setPen(QPen(seedColour(seed, 60), std::max(1.0, w / 64)));
    painter.setBrush(seedColour(seed, 200));
    painter.drawEllipse(QRectF(w * 0.1, h * 0.15, w * 0.45, h * 0.5));
    painter.setBrush(seedColour(seed, 300, 200));
    painter.drawRect(QRectF(w * 0.5, h * 0.45, w * 0.4, h * 0.4));
    QPainterPath triangle;
    triangle.moveTo(w * 0.15, h * 0.9);
    triangle.lineTo(w * 0.45, h * 0.55);
    triangle.lineTo(w * 0.6, h * 0.95);
    triangle.closeSubpath();
    painter.fillPath(triangle, seedColour(seed, 100));

    // Seeded specks: two seeds differ even where their hues coincide.
    QRandomGenerator rng(seed);
    for (int i = 0; i < 24; ++i) {
        const QPointF at(rng.bounded(w), rng.bounded(h));
        painter.fillRect(QRectF(at, QSizeF(std::max(1.0, w / 40), std::max(1.0, h / 40))),
            QColor::fromRgb(rng.generate()));
    }
    painter.end();
    return image;
}

QImage ImageFactory::pattern(int width, int height, quint32 seed, bool alpha)
{
    QImage image(width, height, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const int noise = int(rng.bounded(48));
            const int a = alpha ? 64 + (x * 191) / std::max(1, width - 1) : 255;
            line[x] = qRgba((x * 255) / std::max(1, width - 1) ^ noise,
                (y * 255) / std::max(1, height - 1), int((seed * 37 + quint32(noise)) & 0xFF), a);
        }
    }
    return image;
}

QImage ImageFactory::solid(int width, int height, const QColor &colour)
{
    QImage image(width, height, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

QByteArray ImageFactory::solidPng(const QColor &colour, int width, int height)
{
    return encode(solid(width, height, colour), "png");
}

QByteArray ImageFactory::encode(
    const QImage &image, const QByteArray &format, int quality, bool progressive)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    if (quality >= 0)
        writer.setQuality(quality);
    if (progressive)
        writer.setProgressiveScanWrite(true);
    if (!writer.write(image))
        return {};
    return out;
}

QByteArray ImageFactory::png(int width, int height, quint32 seed)
{
    return encode(picture(width, height, seed, true), "png");
}

QByteArray ImageFactory::jpeg(int width, int height, int quality, quint32 seed)
{
    return encode(picture(width, height, seed), "jpeg", quality);
}

QByteArray ImageFactory::gif(int width, int height, quint32 seed)
{
    const QImage image = picture(width, height, seed);
    QByteArray out("GIF89a");
    appendLe16(out, image.width());
    appendLe16(out, image.height());
    out.append(char(0xF7)); // global colour table, 8 bits of resolution, 256 entries
    out.append('\0'); // background colour index
    out.append('\0'); // no aspect ratio
    for (int i = 0; i < 256; ++i) {
        out.append(char(((i >> 5) & 7) * 255 / 7));
        out.append(char(((i >> 2) & 7) * 255 / 7));
        out.append(char((i & 3) * 255 / 3));
    }
    out.append(',');
    appendLe16(out, 0);
    appendLe16(out, 0);
    appendLe16(out, image.width());
    appendLe16(out, image.height());
    out.append('\0'); // no local table, not interlaced

    QByteArray indices;
    indices.reserve(qsizetype(image.width()) * image.height());
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            const QRgb p = line[x];
            indices.append(char((qRed(p) >> 5) << 5 | (qGreen(p) >> 5) << 2 | qBlue(p) >> 6));
        }
    }
    lzwEncode(indices, out);
    out.append(';'); // trailer
    return out;
}

QByteArray ImageFactory::gifImageData(const QByteArray &indices)
{
    QByteArray out;
    lzwEncode(indices, out);
    return out;
}

QByteArray ImageFactory::webp(int width, int height, quint32 seed)
{
    return encode(picture(width, height, seed), "webp");
}

QByteArray ImageFactory::bmp(int width, int height, quint32 seed)
{
    return encode(picture(width, height, seed), "bmp");
}

QByteArray ImageFactory::tiff(int width, int height, quint32 seed)
{
    return encode(picture(width, height, seed), "tiff");
}

QByteArray ImageFactory::ico(int width, int height, quint32 seed)
{
    // By hand: Qt's ICO writer leaves uninitialised bytes in its output, so
    // its files differ from run to run.
    const QImage image = picture(std::min(width, 256), std::min(height, 256), seed, true);
    const int w = image.width();
    const int h = image.height();
    const int maskStride = ((w + 31) / 32) * 4;
    const qint64 dibSize = 40 + qint64(w) * h * 4 + qint64(maskStride) * h;

    QByteArray out;
    appendLe16(out, 0); // reserved
    appendLe16(out, 1); // icon, not cursor
    appendLe16(out, 1); // one image
    out.append(char(w & 0xFF)); // 0 means 256
    out.append(char(h & 0xFF));
    out.append('\0'); // no palette
    out.append('\0');
    appendLe16(out, 1); // planes
    appendLe16(out, 32); // bits per pixel
    appendLe32(out, dibSize);
    appendLe32(out, 6 + 16); // the image follows this one entry

    appendLe32(out, 40); // BITMAPINFOHEADER
    appendLe32(out, w);
    appendLe32(out, qint64(h) * 2); // colour rows plus mask rows
    appendLe16(out, 1);
    appendLe16(out, 32);
    appendLe32(out, 0); // BI_RGB
    appendLe32(out, dibSize - 40);
    appendLe32(out, 0);
    appendLe32(out, 0);
    appendLe32(out, 0);
    appendLe32(out, 0);
    for (int y = h - 1; y >= 0; --y) { // bottom-up
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < w; ++x) {
            out.append(char(qBlue(line[x])));
            out.append(char(qGreen(line[x])));
            out.append(char(qRed(line[x])));
            out.append(char(qAlpha(line[x])));
        }
    }
    for (int y = h - 1; y >= 0; --y) { // AND mask: 1 where fully transparent
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        QByteArray row(maskStride, '\0');
        for (int x = 0; x < w; ++x) {
            if (qAlpha(line[x]) == 0)
                row[x / 8] = char(row[x / 8] | (0x80 >> (x % 8)));
        }
        out.append(row);
    }
    return out;
}

QByteArray ImageFactory::tga(int width, int height, quint32 seed)
{
    const QImage image = picture(width, height, seed, true);
    QByteArray out;
    out.append(char(0)); // no image id: Qt 6.4 skips an id twice
    out.append(char(0)); // no colour map
    out.append(char(2)); // uncompressed true colour
    out.append(5, '\0'); // colour map specification
    // x origin 256 (a display hint decoders ignore): its high byte is where
    // an ICO header has a zero reserved byte, and without it Qt's sniffing
    // takes a TGA for a cursor and fails to decode it.
    appendLe16(out, 256);
    appendLe16(out, 0);
    appendLe16(out, image.width());
    appendLe16(out, image.height());
    out.append(char(32));
    out.append(char(0x28)); // 8 alpha bits, first row at the top
    for (int y = 0; y < image.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            out.append(char(qBlue(line[x])));
            out.append(char(qGreen(line[x])));
            out.append(char(qRed(line[x])));
            out.append(char(qAlpha(line[x])));
        }
    }
    out.append(8, '\0'); // no extension area, no developer directory
    out.append("TRUEVISION-XFILE.");
    out.append('\0');
    return out;
}

QByteArray ImageFactory::svg(int width, int height, quint32 seed)
{
    const QString a = seedColour(seed, 0).name();
    const QString b = seedColour(seed, 150).darker(160).name();
    const QString c = seedColour(seed, 200).name();
    const QString d = seedColour(seed, 300).name();
    const QString e = seedColour(seed, 100).name();
    const QString svg = QStringLiteral(R"svg(<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%1" height="%2" viewBox="0 0 %1 %2">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="%3"/>
      <stop offset="1" stop-color="%4"/>
    </linearGradient>
  </defs>
  <rect width="%1" height="%2" fill="url(#bg)"/>
  <circle cx="%8" cy="%9" r="%10" fill="%5" stroke="%7" stroke-width="2"/>
  <rect x="%11" y="%12" width="%13" height="%14" fill="%6" fill-opacity="0.8"/>
  <path d="M %15 %16 L %17 %18 L %19 %20 Z" fill="%7"/>
</svg>
)svg")
                            .arg(width)
                            .arg(height)
                            .arg(a, b, c, d, e)
                            .arg(width * 0.33)
                            .arg(height * 0.4)
                            .arg(std::min(width, height) * 0.25)
                            .arg(width * 0.5)
                            .arg(height * 0.45)
                            .arg(width * 0.4)
                            .arg(height * 0.4)
                            .arg(width * 0.15)
                            .arg(height * 0.9)
                            .arg(width * 0.45)
                            .arg(height * 0.55)
                            .arg(width * 0.6)
                            .arg(height * 0.95);
    return svg.toUtf8();
}

QByteArray ImageFactory::svgz(int width, int height, quint32 seed)
{
    return Response::gzip(svg(width, height, seed));
}

QList<QByteArray> ImageFactory::formats()
{
    return { "png", "jpeg", "gif", "webp", "bmp", "tiff", "ico", "tga", "svg" };
}

QByteArray ImageFactory::image(const QByteArray &format, int width, int height, quint32 seed)
{
    if (format == "png")
        return png(width, height, seed);
    if (format == "jpeg" || format == "jpg")
        return jpeg(width, height, 85, seed);
    if (format == "gif")
        return gif(width, height, seed);
    if (format == "webp")
        return webp(width, height, seed);
    if (format == "bmp")
        return bmp(width, height, seed);
    if (format == "tiff" || format == "tif")
        return tiff(width, height, seed);
    if (format == "ico")
        return ico(width, height, seed);
    if (format == "tga")
        return tga(width, height, seed);
    if (format == "svg")
        return svg(width, height, seed);
    if (format == "svgz")
        return svgz(width, height, seed);
    return {};
}

QByteArray ImageFactory::mimeType(const QByteArray &format)
{
    if (format == "jpeg" || format == "jpg")
        return "image/jpeg";
    if (format == "tiff" || format == "tif")
        return "image/tiff";
    if (format == "ico")
        return "image/vnd.microsoft.icon";
    if (format == "tga")
        return "image/x-tga";
    if (format == "svg" || format == "svgz")
        return "image/svg+xml";
    if (format == "bmp")
        return "image/bmp";
    return "image/" + format;
}

QByteArray ImageFactory::truncated(const QByteArray &bytes, double keepFraction)
{
    const double fraction = std::clamp(keepFraction, 0.0, 1.0);
    return bytes.left(qsizetype(std::llround(double(bytes.size()) * fraction)));
}

QByteArray ImageFactory::html(const QString &title)
{
    const QString escaped = title.toHtmlEscaped();
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<title>%1</title>\n</head>\n<body>\n<h1>%1</h1>\n"
                          "<p>This is a web page, not an image.</p>\n"
                          "<p><img src=\"/picture.png\" alt=\"a picture\"></p>\n"
                          "</body>\n</html>\n")
        .arg(escaped)
        .toUtf8();
}

QByteArray ImageFactory::pngChunk(const QByteArray &type, const QByteArray &data)
{
    static const std::array<quint32, 256> table = [] {
        std::array<quint32, 256> t {};
        for (quint32 i = 0; i < 256; ++i) {
            quint32 c = i;
            for (int k = 0; k < 8; ++k)
                c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    quint32 crc = 0xFFFFFFFFu;
    for (const char ch : type + data)
        crc = table[(crc ^ quint8(ch)) & 0xFF] ^ (crc >> 8);
    crc ^= 0xFFFFFFFFu;

    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(data.size()), out.data());
    out += type + data;
    QByteArray crcBytes(4, Qt::Uninitialized);
    qToBigEndian<quint32>(crc, crcBytes.data());
    return out + crcBytes;
}

QByteArray ImageFactory::pngDeclaring(quint32 width, quint32 height)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(width, ihdr.data());
    qToBigEndian<quint32>(height, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    // zlib.compress(8 zero bytes): valid, and far too little for the size.
    const QByteArray idat = QByteArray::fromHex("789c636080000000080001");
    return QByteArray::fromHex("89504e470d0a1a0a") + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat)
        + pngChunk("IEND", {});
}

QByteArray ImageFactory::garbage(qsizetype size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out = QByteArray("\x7FGARBAGE\x01\x02\x00\x03", 12).left(size);
    while (out.size() < size)
        out.append(char(rng.bounded(256)));
    return out;
}

QByteArray ImageFactory::randomBytes(qsizetype size, quint32 seed)
{
    QRandomGenerator rng(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (qsizetype i = 0; i < size; ++i)
        out[i] = char(rng.bounded(256));
    return out;
}

} // namespace trove::test
