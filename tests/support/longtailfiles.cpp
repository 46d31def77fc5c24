// SPDX-License-Identifier: MIT
#include "longtailfiles.h"

#include <QImage>

namespace trove::test {

namespace bytes {

void be16(QByteArray &out, quint32 v)
{
    out.append(char((v >> 8) & 0xFF));
    out.append(char(v & 0xFF));
}

void be32(QByteArray &out, quint32 v)
{
    be16(out, v >> 16);
    be16(out, v & 0xFFFF);
}

void le16(QByteArray &out, quint32 v)
{
    out.append(char(v & 0xFF));
    out.append(char((v >> 8) & 0xFF));
}

void le24(QByteArray &out, quint32 v)
{
    le16(out, v & 0xFFFF);
    out.append(char((v >> 16) & 0xFF));
}

void le32(QByteArray &out, quint32 v)
{
    le16(out, v & 0xFFFF);
    le16(out, v >> 16);
}

void le16Replace(QByteArray &out, qsizetype at, quint32 v)
{
    out[at] = char(v & 0xFF);
    out[at + 1] = char((v >> 8) & 0xFF);
}

} // namespace bytes

using namespace bytes;

QByteArray LongTailFiles::psd(const QImage &image, bool rle)
{
    const int w = image.width();
    const int h = image.height();
    QByteArray out("8BPS");
    be16(out, 1);
    out.append(6, '\0');
    be16(out, 3); // channels
    be32(out, quint32(h));
    be32(out, quint32(w));
    be16(out, 8);
    be16(out, 3); // RGB
    be32(out, 0); // colour mode data
    be32(out, 0); // image resources
    be32(out, 0); // layer and mask information
    be16(out, rle ? 1 : 0);
    QList<QByteArray> rows; // channel-major, as stored
    for (int c = 0; c < 3; ++c) {
        for (int y = 0; y < h; ++y) {
            QByteArray row;
            for (int x = 0; x < w; ++x) {
                const QRgb p = image.pixel(x, y);
                row.append(char(c == 0 ? qRed(p) : c == 1 ? qGreen(p) : qBlue(p)));
            }
            if (rle) {
                // PackBits: a run of equal bytes is (1 - n, byte).
                QByteArray packed;
                for (int x = 0; x < w;) {
                    int n = 1;
                    while (x + n < w && n < 128 && row[x + n] == row[x])
                        ++n;
                    packed.append(char(1 - n));
                    packed.append(row[x]);
                    x += n;
                }
                row = packed;
            }
            rows << row;
        }
    }
    if (rle)
        for (const QByteArray &row : rows)
            be16(out, quint32(row.size()));
    for (const QByteArray &row : rows)
        out += row;
    return out;
}

QByteArray LongTailFiles::dds(const QImage &image, bool dxt1)
{
    const int w = image.width();
    const int h = image.height();
    QByteArray out("DDS ");
    le32(out, 124);
    le32(out, dxt1 ? 0x81007 : 0x100F); // caps, height, width, pixel format, pitch or linear size
    le32(out, quint32(h));
    le32(out, quint32(w));
    le32(out, dxt1 ? quint32(((w + 3) / 4) * ((h + 3) / 4) * 8) : quint32(w * 4));
    le32(out, 0); // depth
    le32(out, 0); // mipmaps
    out.append(44, '\0');
    le32(out, 32); // pixel format
    le32(out, dxt1 ? 0x4 : 0x41); // FOURCC, or RGB with alpha
    out.append(dxt1 ? QByteArray("DXT1") : QByteArray(4, '\0'));
    le32(out, dxt1 ? 0 : 32);
    le32(out, dxt1 ? 0 : 0x00FF0000);
    le32(out, dxt1 ? 0 : 0x0000FF00);
    le32(out, dxt1 ? 0 : 0x000000FF);
    le32(out, dxt1 ? 0 : 0xFF000000);
    le32(out, 0x1000); // texture
    out.append(16, '\0');
    if (!dxt1) {
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                const QRgb p = image.pixel(x, y);
                out.append(char(qBlue(p)));
                out.append(char(qGreen(p)));
                out.append(char(qRed(p)));
                out.append(char(0xFF));
            }
        }
        return out;
    }
    for (int by = 0; by < (h + 3) / 4; ++by) {
        for (int bx = 0; bx < (w + 3) / 4; ++bx) {
            const QRgb p = image.pixel(qMin(bx * 4, w - 1), qMin(by * 4, h - 1));
            const quint32 c565
                = quint32((qRed(p) >> 3) << 11 | (qGreen(p) >> 2) << 5 | qBlue(p) >> 3);
            le16(out, c565);
            le16(out, c565);
            le32(out, 0);
        }
    }
    return out;
}

QByteArray LongTailFiles::sgi(const QImage &image)
{
    const int w = image.width();
    const int h = image.height();
    QByteArray out;
    be16(out, 474);
    out.append('\0'); // verbatim
    out.append(char(1)); // one byte a sample
    be16(out, 3);
    be16(out, quint32(w));
    be16(out, quint32(h));
    be16(out, 3);
    be32(out, 0);
    be32(out, 255);
    out.append(512 - out.size(), '\0');
    for (int c = 0; c < 3; ++c)
        for (int y = h - 1; y >= 0; --y)
            for (int x = 0; x < w; ++x) {
                const QRgb p = image.pixel(x, y);
                out.append(char(c == 0 ? qRed(p) : c == 1 ? qGreen(p) : qBlue(p)));
            }
    return out;
}

QByteArray LongTailFiles::tgaRle(const QImage &image)
{
    QByteArray out;
    out.append('\0');
    out.append('\0');
    out.append(char(10));
    out.append(5, '\0');
    le16(out, 0);
    le16(out, 0);
    le16(out, quint32(image.width()));
    le16(out, quint32(image.height()));
    out.append(char(24));
    out.append(char(0x20));
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width();) {
            int n = 1;
            while (x + n < image.width() && n < 128 && image.pixel(x + n, y) == image.pixel(x, y))
                ++n;
            out.append(char(0x80 | (n - 1)));
            const QRgb p = image.pixel(x, y);
            out.append(char(qBlue(p)));
            out.append(char(qGreen(p)));
            out.append(char(qRed(p)));
            x += n;
        }
    }
    return out;
}

} // namespace trove::test
