// SPDX-License-Identifier: MIT
#include "ingest/private/oldformats.h"

#include <QIODevice>
#include <QSet>
#include <QtEndian>
#include <algorithm>
#include <iterator>

namespace trove::completeness {

// Every page's strips (or tiles) must be there. Qt reads the first page
// only; a multi-page scan or fax cut short kept its first page whole and
// passed. Classic TIFF; BigTIFF is left to the decoder.
bool tiffComplete(QIODevice &device)
{
    const qint64 size = device.size();
    device.seek(0);
    const QByteArray head = device.read(8);
    if (head.size() < 8)
        return false;
    const bool little = head.startsWith("II");
    if (!little && !head.startsWith("MM"))
        return true; // not TIFF as we know it: the decoder decides
    const auto u16 = [little](const char *p) {
        return little ? qFromLittleEndian<quint16>(p) : qFromBigEndian<quint16>(p);
    };
    const auto u32 = [little](const char *p) {
        return little ? qFromLittleEndian<quint32>(p) : qFromBigEndian<quint32>(p);
    };
    if (u16(head.constData() + 2) != 42)
        return true; // BigTIFF (43)
    // The values of an entry: inline in its last four bytes when they fit.
    const auto values = [&](const char *entry, QList<qint64> *out) {
        const quint16 type = u16(entry + 2);
        const quint32 count = u32(entry + 4);
        const int width = type == 3 ? 2 : type == 4 ? 4 : 0; // SHORT, LONG
        if (width == 0 || count == 0 || count > 10'000'000)
            return width != 0;
        const qint64 bytes = qint64(count) * width;
        QByteArray data;
        if (bytes <= 4) {
            data = QByteArray(entry + 8, 4);
        } else {
            const qint64 at = u32(entry + 8);
            if (at + bytes > size || !device.seek(at))
                return false;
            data = device.read(bytes);
            if (data.size() != bytes)
                return false;
        }
        out->reserve(qsizetype(count));
        for (quint32 i = 0; i < count; ++i)
            out->append(width == 2 ? u16(data.constData() + 2 * i) : u32(data.constData() + 4 * i));
        return true;
    };
    qint64 ifd = u32(head.constData() + 4);
    QSet<qint64> seen;
    for (int page = 0; ifd != 0 && page < 10'000; ++page) {
        if (ifd + 2 > size || seen.contains(ifd) || !device.seek(ifd))
            return false;
        seen.insert(ifd);
        const QByteArray countBytes = device.read(2);
        const quint16 entries = u16(countBytes.constData());
        const QByteArray table = device.read(qint64(entries) * 12 + 4);
        if (table.size() != qint64(entries) * 12 + 4)
            return false;
        QList<qint64> offsets;
        QList<qint64> counts;
        for (int i = 0; i < entries; ++i) {
            const char *entry = table.constData() + i * 12;
            const quint16 tag = u16(entry);
            // Any value stored apart (a resolution, a page name, a colour
            // profile) must be there too: a cut file often ends in them.
            static constexpr int kTypeBytes[] = { 0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8 };
            const quint16 type = u16(entry + 2);
            if (type < std::size(kTypeBytes) && qint64(u32(entry + 4)) * kTypeBytes[type] > 4
                && qint64(u32(entry + 8)) + qint64(u32(entry + 4)) * kTypeBytes[type] > size)
                return false;
            if ((tag == 273 || tag == 324) && !values(entry, &offsets)) // Strip/TileOffsets
                return false;
            if ((tag == 279 || tag == 325) && !values(entry, &counts)) // Strip/TileByteCounts
                return false;
        }
        for (qsizetype i = 0; i < std::min(offsets.size(), counts.size()); ++i) {
            if (offsets[i] + counts[i] > size)
                return false;
        }
        ifd = u32(table.constData() + qsizetype(entries) * 12);
    }
    return true;
}

// An uncompressed TGA's pixels follow its header, id and colour map, as
// many as its size says; run-length data has no length to check (the
// decoder runs out of it).
bool tgaComplete(QIODevice &device)
{
    device.seek(0);
    const QByteArray head = device.read(18);
    if (head.size() < 18)
        return false;
    const auto *h = reinterpret_cast<const uchar *>(head.constData());
    const int type = h[2];
    if (type != 1 && type != 2 && type != 3)
        return true;
    const qint64 colourMap
        = h[1] == 1 ? qint64(qFromLittleEndian<quint16>(h + 5)) * ((h[7] + 7) / 8) : 0;
    const qint64 pixels = qint64(qFromLittleEndian<quint16>(h + 12))
        * qFromLittleEndian<quint16>(h + 14) * ((h[16] + 7) / 8);
    return device.size() >= 18 + h[0] + colourMap + pixels;
}

// A Photoshop file ends with the flattened image, the one Trove shows:
// its rows must all be there (raw, or RLE with a length per row), after
// the sections before it, each of which says its length.
bool psdComplete(QIODevice &device)
{
    const qint64 size = device.size();
    device.seek(0);
    const QByteArray head = device.read(26);
    if (head.size() < 26 || !head.startsWith("8BPS"))
        return true; // not a PSD: the decoder decides
    const char *h = head.constData();
    const quint16 version = qFromBigEndian<quint16>(h + 4);
    const qint64 channels = qFromBigEndian<quint16>(h + 12);
    const qint64 height = qFromBigEndian<quint32>(h + 14);
    const qint64 width = qFromBigEndian<quint32>(h + 18);
    const qint64 depth = qFromBigEndian<quint16>(h + 22);
    qint64 at = 26;
    // Colour mode data, image resources, layers and masks (8 bytes long
    // in a PSB).
    for (int section = 0; section < 3; ++section) {
        const int lengthBytes = section == 2 && version == 2 ? 8 : 4;
        if (at + lengthBytes > size || !device.seek(at))
            return false;
        const QByteArray length = device.read(lengthBytes);
        const qint64 n = lengthBytes == 8 ? qint64(qFromBigEndian<quint64>(length.constData()))
                                          : qint64(qFromBigEndian<quint32>(length.constData()));
        if (n < 0)
            return false;
        at += lengthBytes + n;
    }
    if (at + 2 > size || !device.seek(at))
        return false;
    const quint16 compression = qFromBigEndian<quint16>(device.read(2).constData());
    at += 2;
    const qint64 rows = channels * height;
    if (compression == 0)
        return at + rows * ((width * depth + 7) / 8) <= size;
    if (compression != 1)
        return true; // ZIP: the decoder decides
    const int countBytes = version == 2 ? 4 : 2;
    if (rows > 10'000'000 || at + rows * countBytes > size)
        return false;
    const QByteArray table = device.read(rows * countBytes);
    if (table.size() != rows * countBytes)
        return false;
    qint64 data = 0;
    for (qint64 i = 0; i < rows; ++i)
        data += countBytes == 4 ? qint64(qFromBigEndian<quint32>(table.constData() + 4 * i))
                                : qint64(qFromBigEndian<quint16>(table.constData() + 2 * i));
    return at + rows * countBytes + data <= size;
}

} // namespace trove::completeness
