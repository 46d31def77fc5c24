// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QColor>
#include <QImage>
#include <QList>
#include <QString>

namespace trove::test {

/// Deterministic test images, really encoded, made in memory: the same
/// arguments give the same bytes, another seed gives other bytes. The one
/// generator of every suite (unit, end to end, hostile, window), so that a
/// fixture bug is fixed once. Pictures have a gradient, shapes and
/// seed-dependent colours so decoding them is meaningful; pattern() is the
/// noisy kind for codec and compression tests; solid() is one colour, for
/// grabs. Stateless; any thread once a QGuiApplication exists (the encoders
/// are Qt image plugins).
///
/// Qt 6.4 on Debian 12 has writers for bmp cur icns ico jpeg/jpg pbm pgm png
/// ppm tif/tiff wbmp webp xbm xpm, and readers for those plus gif mng svg
/// svgz tga. So GIF and TGA are encoded here by hand and SVG is written as
/// text; ICO too, because Qt's ICO writer emits uninitialised bytes.
class ImageFactory final {
public:
    ImageFactory() = delete;

    /// The picture behind every raster format: @p width x @p height.
    static QImage picture(int width, int height, quint32 seed = 0, bool alpha = false);
    /// Gradients under seeded noise: detail in every pixel, so a PNG of it
    /// is incompressible (a gzip plan stores it), a JPEG has work to do, and
    /// two seeds give two files.
    static QImage pattern(int width, int height, quint32 seed = 1, bool alpha = false);
    /// A photo-like picture whose layout, not only its colours, depends on
    /// @p seed: a gradient sky at a random angle, a dozen shapes of random
    /// size, place and colour (some with gradients), then fine grain. What
    /// "similar images" tells apart: two seeds are two pictures.
    static QImage scene(int width, int height, quint32 seed);
    /// One colour, easy to recognise in a grab.
    static QImage solid(int width, int height, const QColor &colour);
    /// solid() as PNG.
    static QByteArray solidPng(const QColor &colour, int width = 64, int height = 48);
    /// @p image encoded by Qt's writer for @p format; empty if none.
    /// @p progressive asks for progressive scans (JPEG).
    static QByteArray encode(
        const QImage &image, const QByteArray &format, int quality = -1, bool progressive = false);

    static QByteArray png(int width, int height, quint32 seed = 0);
    static QByteArray jpeg(int width, int height, int quality = 85, quint32 seed = 0);
    /// GIF89a, 256-colour 3-3-2 palette, LZW.
    static QByteArray gif(int width, int height, quint32 seed = 0);
    /// The table-based image data of a GIF (LZW minimum code size 8, the
    /// codes in sub-blocks, the terminator) for 8-bit palette @p indices:
    /// for suites that write their own GIF headers (animations).
    static QByteArray gifImageData(const QByteArray &indices);
    /// Lossy WebP (Qt's default quality).
    static QByteArray webp(int width, int height, quint32 seed = 0);
    static QByteArray bmp(int width, int height, quint32 seed = 0);
    static QByteArray tiff(int width, int height, quint32 seed = 0);
    /// One 32-bit BMP image in an ICO, written by hand (Qt's writer is not
    /// deterministic); both sides at most 256.
    static QByteArray ico(int width, int height, quint32 seed = 0);
    /// Uncompressed 32-bit TGA with a TGA 2.0 footer (Qt reads nothing else),
    /// x origin 256 so that Qt's sniffing does not take it for a CUR: with
    /// x origin 0, QImageReader without a format hint says "ico" and fails.
    static QByteArray tga(int width, int height, quint32 seed = 0);
    /// SVG text (gradient, circle, rectangle, path) whose intrinsic size is
    /// @p width x @p height.
    static QByteArray svg(int width, int height, quint32 seed = 0);
    /// svg() in one gzip member: compressed SVG as Inkscape saves it. Not
    /// in formats() (Qt names every gzip file svgz), but image() makes it.
    static QByteArray svgz(int width, int height, quint32 seed = 0);

    /// Every format name image() accepts: png jpeg gif webp bmp tiff ico
    /// tga svg.
    static QList<QByteArray> formats();
    /// Dispatches on @p format (a name from formats(), or svgz); empty if
    /// unknown.
    static QByteArray image(const QByteArray &format, int width, int height, quint32 seed = 0);
    /// "image/png", "image/svg+xml", ... for a name from formats().
    static QByteArray mimeType(const QByteArray &format);

    /// The first @p keepFraction (0..1) of @p bytes: a broken file.
    static QByteArray truncated(const QByteArray &bytes, double keepFraction);
    /// A small UTF-8 HTML page (what a link to a web page returns).
    static QByteArray html(const QString &title = QStringLiteral("Not an image"));

    /// A PNG chunk: length, @p type, @p data and its CRC-32.
    static QByteArray pngChunk(const QByteArray &type, const QByteArray &data);
    /// A well-formed PNG whose IHDR declares @p width x @p height (with
    /// valid CRCs) but whose pixel data is a token: what a decompression
    /// bomb looks like to a header reader.
    static QByteArray pngDeclaring(quint32 width, quint32 height);
    /// Binary noise that no image handler claims and no text sniffer calls
    /// text: a fixed prefix (not a TGA or WBMP header), control bytes
    /// throughout.
    static QByteArray garbage(qsizetype size, quint32 seed = 7);
    /// Uniform random bytes: incompressible.
    static QByteArray randomBytes(qsizetype size, quint32 seed = 3);
};

} // namespace trove::test
