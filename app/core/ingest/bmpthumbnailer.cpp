// SPDX-License-Identifier: MIT
#include "ingest/bmpthumbnailer.h"

#include <QIODevice>
#include <QtEndian>
#include <algorithm>
#include <cstdlib>
#include <vector>

namespace trove {

namespace {

constexpr int kFileHeader = 14;
// BITMAPINFOHEADER and its successors, V2 to V5: the layout of the first
// 40 bytes is the same in all of them.
constexpr quint32 kInfoSizes[] = { 40, 52, 56, 108, 124 };
constexpr quint32 kBiRgb = 0;
// Past any limit an ImageProcessor allows: keeps every product below in range.
constexpr qint64 kMaxSide = 1 << 20;
// Rows are read this many bytes at a time (at least one row).
constexpr qint64 kReadBytes = 1 << 20;

// For each of @p to parts, where it starts among @p from (from >= to):
// source index i belongs to part floor(i * to / from). to + 1 entries.
std::vector<qint64> partStarts(qint64 from, qint64 to)
{
    std::vector<qint64> starts(size_t(to) + 1);
    for (qint64 t = 0; t <= to; ++t)
        starts[size_t(t)] = (t * from + to - 1) / to;
    return starts;
}

bool readFully(QIODevice *device, char *into, qint64 bytes)
{
    while (bytes > 0) {
        const qint64 n = device->read(into, bytes);
        if (n <= 0)
            return false;
        into += n;
        bytes -= n;
    }
    return true;
}

} // namespace

bool BmpThumbnailer::open(QIODevice *device)
{
    const qint64 start = device->pos();
    if (start != 0 && !device->seek(0))
        return false;
    const QByteArray head = device->read(kFileHeader + 40);
    device->seek(start);
    if (head.size() < kFileHeader + 40 || !head.startsWith("BM"))
        return false;
    const char *h = head.constData();
    const quint32 pixelsAt = qFromLittleEndian<quint32>(h + 10);
    const quint32 infoSize = qFromLittleEndian<quint32>(h + 14);
    const qint64 width = qFromLittleEndian<qint32>(h + 18);
    const qint64 height = qFromLittleEndian<qint32>(h + 22);
    const quint16 planes = qFromLittleEndian<quint16>(h + 26);
    const quint16 bits = qFromLittleEndian<quint16>(h + 28);
    const quint32 compression = qFromLittleEndian<quint32>(h + 30);
    if (std::find(std::begin(kInfoSizes), std::end(kInfoSizes), infoSize) == std::end(kInfoSizes)
        || planes != 1 || (bits != 24 && bits != 32) || compression != kBiRgb)
        return false;
    if (width <= 0 || width > kMaxSide || height == 0 || std::abs(height) > kMaxSide)
        return false;
    // A pixel offset inside the headers is a broken file; Qt has its own
    // way of reading those.
    if (pixelsAt < kFileHeader + infoSize)
        return false;
    const qint64 stride = (width * bits + 31) / 32 * 4; // rows end on 4 bytes
    if (!device->isSequential() && device->size() < pixelsAt + stride * std::abs(height))
        return false;
    m_device = device;
    m_size = QSize(int(width), int(std::abs(height)));
    m_pixelsAt = pixelsAt;
    m_bytesPerPixel = bits / 8;
    m_stride = stride;
    m_topDown = height < 0;
    return true;
}

QImage BmpThumbnailer::thumbnail(QSize target)
{
    if (!m_device || target.isEmpty() || target.width() > m_size.width()
        || target.height() > m_size.height())
        return {};
    const qint64 width = m_size.width();
    const qint64 height = m_size.height();
    const qint64 tw = target.width();
    const qint64 th = target.height();
    const qint64 stride = m_stride;

    const qint64 start = m_device->pos();
    if (!m_device->seek(m_pixelsAt))
        return {};
    const std::vector<qint64> columns = partStarts(width, tw);
    const std::vector<qint64> rows = partStarts(height, th);
    // Sums of red, green and blue per thumbnail pixel.
    std::vector<quint64> sums(size_t(tw * th * 3), 0);

    const qint64 rowsPerRead = std::max<qint64>(1, kReadBytes / stride);
    QByteArray buffer(rowsPerRead * stride, Qt::Uninitialized);
    const int bpp = m_bytesPerPixel;
    for (qint64 fileRow = 0; fileRow < height;) {
        const qint64 n = std::min(rowsPerRead, height - fileRow);
        if (!readFully(m_device, buffer.data(), n * stride)) {
            m_device->seek(start);
            return {};
        }
        for (qint64 r = 0; r < n; ++r, ++fileRow) {
            const qint64 y = m_topDown ? fileRow : height - 1 - fileRow;
            quint64 *acc = sums.data() + (y * th / height) * tw * 3;
            const uchar *p = reinterpret_cast<const uchar *>(buffer.constData()) + r * stride;
            qint64 x = 0;
            for (qint64 tx = 0; tx < tw; ++tx) {
                // A run is at most kMaxSide pixels: 255 times that fits.
                quint32 red = 0, green = 0, blue = 0;
                for (const qint64 end = columns[size_t(tx) + 1]; x < end; ++x, p += bpp) {
                    blue += p[0];
                    green += p[1];
                    red += p[2];
                }
                acc[0] += red;
                acc[1] += green;
                acc[2] += blue;
                acc += 3;
            }
        }
    }
    m_device->seek(start);

    QImage out(int(tw), int(th), QImage::Format_RGB32);
    if (out.isNull())
        return {};
    const quint64 *s = sums.data();
    for (qint64 ty = 0; ty < th; ++ty) {
        auto *line = reinterpret_cast<QRgb *>(out.scanLine(int(ty)));
        const quint64 rowCount = quint64(rows[size_t(ty) + 1] - rows[size_t(ty)]);
        for (qint64 tx = 0; tx < tw; ++tx, s += 3) {
            const quint64 count = rowCount * quint64(columns[size_t(tx) + 1] - columns[size_t(tx)]);
            const auto mean = [count](quint64 sum) { return int((sum + count / 2) / count); };
            line[tx] = qRgb(mean(s[0]), mean(s[1]), mean(s[2]));
        }
    }
    return out;
}

} // namespace trove
