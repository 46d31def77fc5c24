// SPDX-License-Identifier: MIT
#include "ingest/completeness.h"

#include "isobmff.h"

#include <QBuffer>
#include <QIODevice>
#include <QSet>
#include <QSize>
#include <QtEndian>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <optional>

namespace trove {

namespace {

/// Sequential reads with a buffer, for the byte-wise JPEG scan.
class ByteReader final {
public:
    explicit ByteReader(QIODevice &device)
        : m_device(device)
    {
        m_device.seek(0);
    }

    std::optional<quint8> next()
    {
        if (m_pos == m_buffer.size()) {
            m_buffer = m_device.read(64 * 1024);
            m_pos = 0;
            if (m_buffer.isEmpty())
                return std::nullopt;
        }
        return quint8(m_buffer[m_pos++]);
    }

    bool skip(qint64 n)
    {
        const qint64 inBuffer = m_buffer.size() - m_pos;
        if (n <= inBuffer) {
            m_pos += n;
            return true;
        }
        const qint64 target = m_device.pos() + (n - inBuffer);
        m_buffer.clear();
        m_pos = 0;
        return target <= m_device.size() && m_device.seek(target);
    }

    /// Consumes bytes up to and including the next @p byte; false at the
    /// end. memchr over the buffer: the entropy-coded data of a photo is
    /// megabytes in which only 0xFF matters.
    bool skipPast(char byte)
    {
        for (;;) {
            const char *data = m_buffer.constData();
            if (const void *hit
                = std::memchr(data + m_pos, byte, size_t(m_buffer.size() - m_pos))) {
                m_pos = static_cast<const char *>(hit) - data + 1;
                return true;
            }
            m_buffer = m_device.read(64 * 1024);
            m_pos = 0;
            if (m_buffer.isEmpty())
                return false;
        }
    }

    /// The offset of the next byte next() returns.
    qint64 pos() const { return m_device.pos() - (m_buffer.size() - m_pos); }

    std::optional<quint16> be16()
    {
        auto hi = next();
        auto lo = next();
        if (!hi || !lo)
            return std::nullopt;
        return quint16((*hi << 8) | *lo);
    }

private:
    QIODevice &m_device;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
};

bool jpegComplete(QIODevice &device, EntropySpan *span)
{
    ByteReader r(device);
    if (r.next() != 0xFF || r.next() != 0xD8)
        return false;
    std::optional<quint8> pending;
    qint64 entropyBegin = -1;
    for (;;) {
        quint8 marker;
        if (pending) {
            marker = *pending;
            pending.reset();
        } else {
            auto b = r.next();
            if (!b || *b != 0xFF)
                return false;
            do {
                b = r.next();
            } while (b && *b == 0xFF);
            if (!b)
                return false;
            marker = *b;
        }
        if (marker == 0xD9) {
            if (span && entropyBegin >= 0)
                *span = { entropyBegin, r.pos() };
            return true;
        }
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
            continue;
        const auto length = r.be16();
        if (!length || *length < 2 || !r.skip(*length - 2))
            return false;
        if (marker != 0xDA)
            continue;
        if (entropyBegin < 0)
            entropyBegin = r.pos();
        // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or a
        // restart marker; anything else is the next marker.
        for (;;) {
            if (!r.skipPast(char(0xFF)))
                return false;
            std::optional<quint8> b;
            do {
                b = r.next();
            } while (b && *b == 0xFF);
            if (!b)
                return false;
            if (*b == 0x00 || (*b >= 0xD0 && *b <= 0xD7))
                continue;
            pending = *b;
            break;
        }
    }
}

bool pngComplete(QIODevice &device)
{
    const qint64 size = device.size();
    qint64 pos = 8;
    while (pos + 8 <= size) {
        device.seek(pos);
        const QByteArray head = device.read(8);
        if (head.size() < 8)
            return false;
        const quint32 length = qFromBigEndian<quint32>(head.constData());
        const qint64 end = pos + 12 + qint64(length);
        if (end > size)
            return false;
        if (head.mid(4, 4) == "IEND")
            return true;
        pos = end;
    }
    return false;
}

bool gifSkipSubBlocks(ByteReader &r)
{
    for (;;) {
        auto n = r.next();
        if (!n)
            return false;
        if (*n == 0)
            return true;
        if (!r.skip(*n))
            return false;
    }
}

// Walks a GIF to its trailer; @p extents (if given) grows to cover every
// frame's rectangle.
bool gifWalk(QIODevice &device, QSize *extents)
{
    ByteReader r(device);
    if (!r.skip(10))
        return false;
    auto flags = r.next();
    if (!flags || !r.skip(2))
        return false;
    if (*flags & 0x80 && !r.skip(3 * (1 << ((*flags & 0x07) + 1))))
        return false;
    for (;;) {
        auto block = r.next();
        if (!block)
            return false;
        switch (*block) {
        case 0x3B:
            return true;
        case 0x21:
            if (!r.next() || !gifSkipSubBlocks(r))
                return false;
            break;
        case 0x2C: {
            quint8 d[8];
            for (quint8 &b : d) {
                auto v = r.next();
                if (!v)
                    return false;
                b = *v;
            }
            if (extents) {
                const int right = (d[0] | d[1] << 8) + (d[4] | d[5] << 8);
                const int bottom = (d[2] | d[3] << 8) + (d[6] | d[7] << 8);
                *extents = extents->expandedTo(QSize(right, bottom));
            }
            auto local = r.next();
            if (!local)
                return false;
            if (*local & 0x80 && !r.skip(3 * (1 << ((*local & 0x07) + 1))))
                return false;
            if (!r.next() || !gifSkipSubBlocks(r))
                return false;
            break;
        }
        default:
            return false;
        }
    }
}

bool gifComplete(QIODevice &device)
{
    return gifWalk(device, nullptr);
}

// Every image the directory lists lies inside the file.
bool icoComplete(QIODevice &device)
{
    device.seek(0);
    const QByteArray head = device.read(6);
    if (head.size() < 6)
        return false;
    const int count = qFromLittleEndian<quint16>(head.constData() + 4);
    const QByteArray entries = device.read(qint64(count) * 16);
    if (count == 0 || entries.size() < count * 16)
        return false;
    for (int i = 0; i < count; ++i) {
        const char *e = entries.constData() + i * 16;
        const qint64 size = qFromLittleEndian<quint32>(e + 8);
        const qint64 offset = qFromLittleEndian<quint32>(e + 12);
        if (offset + size > device.size())
            return false;
    }
    return true;
}

bool riffComplete(QIODevice &device)
{
    device.seek(0);
    const QByteArray head = device.read(12);
    if (head.size() < 12)
        return false;
    return device.size() >= 8 + qint64(qFromLittleEndian<quint32>(head.constData() + 4));
}

// The pixel rows must all be there. The file header's own size field is
// not trusted: old tools write it wrong and browsers ignore it; the rows'
// size comes from the info header (or its image size field, for RLE).
bool bmpComplete(QIODevice &device)
{
    device.seek(0);
    const QByteArray head = device.read(14 + 24);
    if (head.size() < 14 + 12)
        return false;
    const char *h = head.constData();
    const qint64 pixels = qFromLittleEndian<quint32>(h + 10);
    const quint32 infoSize = qFromLittleEndian<quint32>(h + 14);
    qint64 width = 0;
    qint64 height = 0;
    quint32 bits = 0;
    quint32 compression = 0;
    quint32 imageSize = 0;
    if (infoSize == 12) { // BITMAPCOREHEADER (OS/2 1.x)
        width = qFromLittleEndian<quint16>(h + 18);
        height = qFromLittleEndian<quint16>(h + 20);
        bits = qFromLittleEndian<quint16>(h + 24);
    } else {
        if (head.size() < 14 + 24)
            return false;
        width = qFromLittleEndian<qint32>(h + 18);
        height = std::abs(qint64(qFromLittleEndian<qint32>(h + 22)));
        bits = qFromLittleEndian<quint16>(h + 28);
        compression = qFromLittleEndian<quint32>(h + 30);
        imageSize = qFromLittleEndian<quint32>(h + 34);
    }
    qint64 rows = 0;
    if (compression == 0 || compression == 3 || compression == 6) // RGB, (alpha) bit fields
        rows = (width * bits + 31) / 32 * 4 * height;
    else
        rows = imageSize; // RLE, JPEG, PNG: their length, when given
    return width > 0 && device.size() >= pixels + rows && device.size() > pixels;
}

// A bare JPEG 2000 codestream ends with its EOC marker.
bool j2kComplete(QIODevice &device)
{
    const qint64 size = device.size();
    if (size < 4 || !device.seek(size - 2))
        return false;
    return device.read(2) == QByteArray::fromHex("ffd9");
}

// JPEG XL: the container's boxes must all be there; a bare codestream has
// no length to check, and libjxl refuses one that ends early.
bool jxlComplete(QIODevice &device)
{
    device.seek(0);
    if (device.peek(2) == QByteArray::fromHex("ff0a"))
        return true;
    return isobmff::boxesComplete(device);
}

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

} // namespace

bool pngDataStartsAsZlib(QIODevice &device)
{
    const qint64 start = device.pos();
    const qint64 size = device.size();
    bool valid = true;
    for (qint64 pos = 8; pos + 10 <= size;) {
        device.seek(pos);
        const QByteArray head = device.read(10);
        if (head.size() < 10)
            break;
        const quint32 length = qFromBigEndian<quint32>(head.constData());
        if (head.mid(4, 4) == "IDAT") {
            const auto cmf = quint8(head[8]);
            const auto flg = quint8(head[9]);
            valid = length >= 2 && (cmf & 0x0f) == 8 && (cmf >> 4) <= 7
                && (quint32(cmf) * 256 + flg) % 31 == 0;
            break;
        }
        pos += 12 + qint64(length);
    }
    device.seek(start);
    return valid;
}

QByteArray gifScreenCoveringFrames(QIODevice &device)
{
    const qint64 start = device.pos();
    QSize extents;
    const bool whole = gifWalk(device, &extents);
    device.seek(0);
    QByteArray bytes;
    const QByteArray head = device.peek(10);
    if (whole && head.size() == 10) {
        const QSize screen(qFromLittleEndian<quint16>(head.constData() + 6),
            qFromLittleEndian<quint16>(head.constData() + 8));
        const QSize covering = screen.expandedTo(extents);
        if (covering != screen && covering.width() <= 0xFFFF && covering.height() <= 0xFFFF) {
            bytes = device.readAll();
            qToLittleEndian<quint16>(quint16(covering.width()), bytes.data() + 6);
            qToLittleEndian<quint16>(quint16(covering.height()), bytes.data() + 8);
        }
    }
    device.seek(start);
    return bytes;
}

QByteArray gifScreenCoveringFrames(const QByteArray &bytes)
{
    if (!bytes.startsWith("GIF8"))
        return bytes;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QByteArray grown = gifScreenCoveringFrames(buffer);
    return grown.isEmpty() ? bytes : grown;
}

bool isCompleteImage(QIODevice &device, const QByteArray &format, EntropySpan *span)
{
    const qint64 start = device.pos();
    if (span)
        *span = {};
    bool complete = true;
    if (format == "jpeg" || format == "jpg")
        complete = jpegComplete(device, span);
    else if (format == "png")
        complete = pngComplete(device);
    else if (format == "gif")
        complete = gifComplete(device);
    else if (format == "ico" || format == "cur")
        complete = icoComplete(device);
    else if (format == "webp")
        complete = riffComplete(device);
    else if (format == "bmp")
        complete = bmpComplete(device);
    else if (format == "avif" || format == "heic" || format == "jp2")
        complete = isobmff::boxesComplete(device);
    else if (format == "j2k")
        complete = j2kComplete(device);
    else if (format == "jxl")
        complete = jxlComplete(device);
    else if (format == "tiff" || format == "tif")
        complete = tiffComplete(device);
    else if (format == "psd")
        complete = psdComplete(device);
    else if (format == "tga")
        complete = tgaComplete(device);
    device.seek(start);
    return complete;
}

} // namespace trove
