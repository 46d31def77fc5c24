// SPDX-License-Identifier: MIT
#pragma once

// Small, header-only helpers for the unit suites: deterministic images in
// every format the processor handles, made in memory, plus file and hash
// helpers. The end-to-end suites use trove_testsupport instead.

#include <QBuffer>
#include <QByteArray>
#include <QColor>
#include <QCryptographicHash>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>
#include <QString>
#include <QtEndian>
#include <array>

namespace trove::testimages {

/// A picture with detail (gradients plus seeded noise), so that JPEG and
/// friends have something to encode and two seeds give two different files.
inline QImage pattern(int w, int h, quint32 seed = 1, bool alpha = false)
{
    QImage image(w, h, alpha ? QImage::Format_ARGB32 : QImage::Format_RGB32);
    QRandomGenerator rng(seed);
    for (int y = 0; y < h; ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        for (int x = 0; x < w; ++x) {
            const int noise = int(rng.bounded(48));
            const int a = alpha ? 64 + (x * 191) / std::max(1, w - 1) : 255;
            line[x] = qRgba((x * 255) / std::max(1, w - 1) ^ noise, (y * 255) / std::max(1, h - 1),
                int((seed * 37 + quint32(noise)) & 0xFF), a);
        }
    }
    return image;
}

/// Encodes @p image with Qt's writer for @p format ("png", "jpeg", "webp",
/// "bmp", "tiff", "ico"). Empty if there is no writer.
inline QByteArray encode(
    const QImage &image, const QByteArray &format, bool progressive = false, int quality = -1)
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

/// A GIF89a made by hand (Qt has no GIF writer): 256-colour global table, a
/// graphic control extension, a comment, one image, LZW with a clear code
/// every 100 pixels so the code width stays at 9 bits.
inline QByteArray gif(int w, int h, quint32 seed = 1)
{
    QByteArray out("GIF89a");
    auto le16 = [&out](int v) {
        out.append(char(v & 0xFF));
        out.append(char((v >> 8) & 0xFF));
    };
    le16(w);
    le16(h);
    out.append(char(0xF7)); // global table, 8-bit colour resolution, 256 entries
    out.append(char(0));
    out.append(char(0));
    for (int i = 0; i < 256; ++i) {
        out.append(char(i));
        out.append(char(255 - i));
        out.append(char((i * 7) & 0xFF));
    }
    out.append(QByteArray::fromHex("21f90400000000"
                                   "00")); // graphic control extension
    out.append(QByteArray::fromHex("21fe")); // comment extension
    out.append(char(5));
    out.append("trove");
    out.append(char(0));
    out.append(char(0x2C));
    le16(0);
    le16(0);
    le16(w);
    le16(h);
    out.append(char(0));
    out.append(char(8)); // LZW minimum code size

    QByteArray lzw;
    quint32 bits = 0;
    int nbits = 0;
    auto put = [&](int code) {
        bits |= quint32(code) << nbits;
        nbits += 9;
        while (nbits >= 8) {
            lzw.append(char(bits & 0xFF));
            bits >>= 8;
            nbits -= 8;
        }
    };
    QRandomGenerator rng(seed);
    int sinceClear = 100;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            if (sinceClear == 100) {
                put(256);
                sinceClear = 0;
            }
            put(int(((x * 3 + y * 5) ^ rng.bounded(32) ^ seed) & 0xFF));
            ++sinceClear;
        }
    }
    put(257);
    if (nbits > 0)
        lzw.append(char(bits & 0xFF));
    for (qsizetype i = 0; i < lzw.size(); i += 255) {
        const QByteArray block = lzw.mid(i, 255);
        out.append(char(block.size()));
        out.append(block);
    }
    out.append(char(0));
    out.append(char(0x3B));
    return out;
}

inline QByteArray svg(int w, int h, quint32 seed = 1)
{
    return QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%1\" height=\"%2\" "
                          "viewBox=\"0 0 %1 %2\">\n"
                          "  <rect width=\"%1\" height=\"%2\" fill=\"#%3\"/>\n"
                          "  <circle cx=\"%4\" cy=\"%5\" r=\"%6\" fill=\"#204080\"/>\n"
                          "</svg>\n")
        .arg(w)
        .arg(h)
        .arg(QString::number(0x100000 + (seed * 0x1F3D5B) % 0xEFFFFF, 16))
        .arg(w / 2)
        .arg(h / 2)
        .arg(std::min(w, h) / 3)
        .toUtf8();
}

inline QByteArray html()
{
    return QByteArrayLiteral(
        "<!DOCTYPE html>\n<html><head><title>Not found</title></head>\n"
        "<body><h1>Sorry</h1><p>This is not the picture you wanted.</p></body></html>\n");
}

/// Binary noise that no image handler claims and no text sniffer calls text:
/// a fixed prefix (not a TGA or WBMP header) and control bytes throughout.
inline QByteArray garbage(qsizetype n, quint32 seed = 7)
{
    QRandomGenerator rng(seed);
    QByteArray out = QByteArray("\x7FGARBAGE\x01\x02\x00\x03", 12).left(n);
    while (out.size() < n)
        out.append(char(rng.bounded(256)));
    return out;
}

/// Uniform random bytes: incompressible.
inline QByteArray randomBytes(qsizetype n, quint32 seed = 3)
{
    QRandomGenerator rng(seed);
    QByteArray out(n, Qt::Uninitialized);
    for (qsizetype i = 0; i < n; ++i)
        out[i] = char(rng.bounded(256));
    return out;
}

/// The first @p fraction of @p bytes (at least one byte, at most all but one).
inline QByteArray truncated(const QByteArray &bytes, double fraction)
{
    const qsizetype keep
        = std::clamp<qsizetype>(qsizetype(double(bytes.size()) * fraction), 1, bytes.size() - 1);
    return bytes.left(keep);
}

inline quint32 crc32(const QByteArray &data)
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
    quint32 c = 0xFFFFFFFFu;
    for (const char ch : data)
        c = table[(c ^ quint8(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

inline QByteArray pngChunk(const QByteArray &type, const QByteArray &data)
{
    QByteArray out(4, Qt::Uninitialized);
    qToBigEndian<quint32>(quint32(data.size()), out.data());
    out += type + data;
    QByteArray crc(4, Qt::Uninitialized);
    qToBigEndian<quint32>(crc32(type + data), crc.data());
    return out + crc;
}

/// A well-formed PNG whose IHDR declares @p w x @p h (with valid CRCs) but
/// whose pixel data is a token: what a decompression bomb looks like to a
/// header reader.
inline QByteArray pngDeclaring(quint32 w, quint32 h)
{
    QByteArray ihdr(13, '\0');
    qToBigEndian<quint32>(w, ihdr.data());
    qToBigEndian<quint32>(h, ihdr.data() + 4);
    ihdr[8] = 8; // bit depth
    ihdr[9] = 2; // RGB
    // zlib.compress(8 zero bytes): valid, and far too little for the size.
    const QByteArray idat = QByteArray::fromHex("789c636080000000080001");
    return QByteArray::fromHex("89504e470d0a1a0a") + pngChunk("IHDR", ihdr) + pngChunk("IDAT", idat)
        + pngChunk("IEND", {});
}

inline QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size()
        && f.flush();
}

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace trove::testimages
