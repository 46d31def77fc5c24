// SPDX-License-Identifier: MIT
// render-icon: turns Trove's SVG application icon into the raster files the
// installers need, at build time, with nothing but Qt (no rsvg-convert,
// ImageMagick or iconutil on the build machine).
//
//   render-icon ICON.svg OUT.png SIZE          one PNG, SIZE x SIZE
//   render-icon ICON.svg OUT.ico SIZE...       Windows icon, one PNG entry per size
//   render-icon ICON.svg OUT.icns SIZE...      macOS icon, one PNG entry per size
//
// ICO and ICNS are written by hand because Qt's writers store a single image;
// both formats accept PNG-compressed entries (Windows Vista+, macOS 10.7+).
#include <QBuffer>
#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPainter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QtEndian>
#include <cstdio>

namespace {

QByteArray renderPng(QSvgRenderer &svg, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        svg.render(&painter, QRectF(0, 0, size, size));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.convertToFormat(QImage::Format_ARGB32).save(&buffer, "PNG");
    return png;
}

void appendLE16(QByteArray &out, quint16 v)
{
    const quint16 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

void appendLE32(QByteArray &out, quint32 v)
{
    const quint32 le = qToLittleEndian(v);
    out.append(reinterpret_cast<const char *>(&le), sizeof le);
}

void appendBE32(QByteArray &out, quint32 v)
{
    const quint32 be = qToBigEndian(v);
    out.append(reinterpret_cast<const char *>(&be), sizeof be);
}

// ICONDIR, then one ICONDIRENTRY per image, then the PNG payloads.
QByteArray makeIco(const QList<QPair<int, QByteArray>> &images)
{
    QByteArray out;
    appendLE16(out, 0); // reserved
    appendLE16(out, 1); // type: icon
    appendLE16(out, quint16(images.size()));
    quint32 offset = 6 + 16 * quint32(images.size());
    for (const auto &[size, png] : images) {
        out.append(char(size >= 256 ? 0 : size)); // 0 means 256
        out.append(char(size >= 256 ? 0 : size));
        out.append(char(0)); // no palette
        out.append(char(0)); // reserved
        appendLE16(out, 1); // colour planes
        appendLE16(out, 32); // bits per pixel
        appendLE32(out, quint32(png.size()));
        appendLE32(out, offset);
        offset += quint32(png.size());
    }
    for (const auto &image : images)
        out.append(image.second);
    return out;
}

// The ICNS type code that holds a PNG of this pixel size, or nullptr.
const char *icnsType(int size)
{
    switch (size) {
    case 16:
        return "icp4";
    case 32:
        return "icp5";
    case 64:
        return "icp6";
    case 128:
        return "ic07";
    case 256:
        return "ic08";
    case 512:
        return "ic09";
    case 1024:
        return "ic10";
    default:
        return nullptr;
    }
}

QByteArray makeIcns(const QList<QPair<int, QByteArray>> &images)
{
    QByteArray body;
    for (const auto &[size, png] : images) {
        body.append(icnsType(size), 4);
        appendBE32(body, 8 + quint32(png.size()));
        body.append(png);
    }
    QByteArray out("icns", 4);
    appendBE32(out, 8 + quint32(body.size()));
    return out + body;
}

int usage()
{
    std::fputs("usage: render-icon ICON.svg OUT.png SIZE\n"
               "       render-icon ICON.svg OUT.ico|OUT.icns SIZE...\n",
        stderr);
    return 2;
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc < 4)
        return usage();
    const QString input = QString::fromLocal8Bit(argv[1]);
    const QString output = QString::fromLocal8Bit(argv[2]);

    QList<int> sizes;
    for (int i = 3; i < argc; ++i) {
        bool ok = false;
        const int size = QByteArray(argv[i]).toInt(&ok);
        if (!ok || size < 1 || size > 1024)
            return usage();
        if (output.endsWith(QLatin1String(".icns")) && !icnsType(size)) {
            std::fprintf(stderr, "render-icon: ICNS has no PNG slot for %d px\n", size);
            return 2;
        }
        sizes << size;
    }
    if (output.endsWith(QLatin1String(".png")) && sizes.size() != 1)
        return usage();

    QSvgRenderer svg(input);
    if (!svg.isValid()) {
        std::fprintf(stderr, "render-icon: cannot read SVG %s\n", argv[1]);
        return 1;
    }

    QList<QPair<int, QByteArray>> images;
    for (int size : sizes)
        images.append({ size, renderPng(svg, size) });

    QByteArray data;
    if (output.endsWith(QLatin1String(".png")))
        data = images.first().second;
    else if (output.endsWith(QLatin1String(".ico")))
        data = makeIco(images);
    else if (output.endsWith(QLatin1String(".icns")))
        data = makeIcns(images);
    else
        return usage();

    QSaveFile file(output);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size() || !file.commit()) {
        std::fprintf(stderr, "render-icon: cannot write %s\n", argv[2]);
        return 1;
    }
    return 0;
}
