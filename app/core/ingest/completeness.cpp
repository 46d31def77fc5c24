// SPDX-License-Identifier: MIT
#include "ingest/completeness.h"

#include "ingest/private/oldformats.h"
#include "isobmff.h"

#include <QBuffer>
#include <QIODevice>
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
        complete = completeness::tiffComplete(device);
    else if (format == "psd")
        complete = completeness::psdComplete(device);
    else if (format == "tga")
        complete = completeness::tgaComplete(device);
    device.seek(start);
    return complete;
}

} // namespace trove
