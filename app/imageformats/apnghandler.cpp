// SPDX-License-Identifier: MIT
#include "apnghandler.h"

#include "codeclog.h"

#include <QBuffer>
#include <QColorSpace>
#include <QIODevice>
#include <QImageReader>
#include <QPainter>
#include <QVariant>
#include <optional>
#include <zlib.h>

namespace trove {

namespace {

constexpr char kSignature[] = "\x89PNG\r\n\x1a\n";
constexpr qsizetype kSignatureSize = 8;
/// How far canRead(QIODevice *) looks for the acTL: chunks before the
/// first IDAT are small, but an ICC profile may come first.
constexpr qint64 kFirstPeek = 4096;
constexpr qint64 kLastPeek = 256 * 1024;

quint32 be32(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return (quint32(u[0]) << 24) | (quint32(u[1]) << 16) | (quint32(u[2]) << 8) | quint32(u[3]);
}

quint16 be16(const char *p)
{
    const auto *u = reinterpret_cast<const uchar *>(p);
    return quint16((u[0] << 8) | u[1]);
}

void appendBe32(QByteArray &out, quint32 v)
{
    const char bytes[4] = { char(v >> 24), char(v >> 16), char(v >> 8), char(v) };
    out.append(bytes, 4);
}

/// One whole chunk: length, type, data, CRC.
void appendChunk(QByteArray &out, const char *type, const QByteArray &data)
{
    appendBe32(out, quint32(data.size()));
    const qsizetype start = out.size();
    out.append(type, 4);
    out.append(data);
    appendBe32(out,
        quint32(crc32(0, reinterpret_cast<const Bytef *>(out.constData() + start),
            uInt(out.size() - start))));
}

enum class Walk { Next, Stop };

/// Calls @p each(type, offset of the data, length) for every chunk of
/// @p png after the signature, until it says Stop or the data ends. False
/// when a chunk runs past the end of @p png.
template<typename Each> bool walkChunks(const QByteArray &png, Each each)
{
    qsizetype at = kSignatureSize;
    while (at + 12 <= png.size()) {
        const quint32 length = be32(png.constData() + at);
        if (length > 0x7fffffffU || qint64(length) > png.size() - at - 12)
            return false;
        const QByteArrayView type(png.constData() + at + 4, 4);
        if (each(type, at + 8, qsizetype(length)) == Walk::Stop)
            return true;
        at += 12 + qsizetype(length);
    }
    return at == png.size();
}

/// Whether the CRC of the chunk whose data walkChunks() gave at @p at holds.
bool crcHolds(const QByteArray &png, qsizetype at, qsizetype length)
{
    const auto crc = quint32(
        crc32(0, reinterpret_cast<const Bytef *>(png.constData() + at - 4), uInt(length + 4)));
    return crc == be32(png.constData() + at + length);
}

/// Qt's own PNG reader on @p png, which has no acTL (this handler claims
/// only PNG with one).
QImage decodePng(QByteArray png)
{
    QBuffer buffer(&png);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, "png");
    return reader.read();
}

} // namespace

std::optional<ApngHandler::Frame> ApngHandler::frameControl(
    const char *fctl, QSize canvas, bool isStill)
{
    const qint64 w = be32(fctl + 4), h = be32(fctl + 8), x = be32(fctl + 12), y = be32(fctl + 16);
    Frame frame;
    frame.dispose = quint8(fctl[24]);
    frame.blend = quint8(fctl[25]);
    // Off the canvas, empty, or an operation the format has not.
    if (w <= 0 || h <= 0 || x + w > canvas.width() || y + h > canvas.height() || frame.dispose > 2
        || frame.blend > 1)
        return std::nullopt;
    // The frame that is also the still covers the canvas.
    if (isStill && (x != 0 || y != 0 || w != canvas.width() || h != canvas.height()))
        return std::nullopt;
    frame.rect = QRect(int(x), int(y), int(w), int(h));
    const quint16 num = be16(fctl + 20);
    const quint16 den = be16(fctl + 22);
    frame.delayMs = int(qint64(num) * 1000 / (den == 0 ? 100 : den));
    return frame;
}

bool ApngHandler::isPng(const QByteArray &head)
{
    return head.startsWith(QByteArrayView(kSignature, kSignatureSize));
}

bool ApngHandler::hasAnimationControl(const QByteArray &head)
{
    if (!isPng(head))
        return false;
    bool found = false;
    walkChunks(head, [&](QByteArrayView type, qsizetype, qsizetype) {
        if (type == "acTL")
            found = true;
        return found || type == "IDAT" ? Walk::Stop : Walk::Next;
    });
    return found;
}

bool ApngHandler::canRead(QIODevice *device)
{
    if (!device || !device->isReadable())
        return false;
    // Every image read by content passes here: 8 bytes for any other format.
    if (!isPng(device->peek(kSignatureSize)))
        return false;
    const QByteArray head = device->peek(kFirstPeek);
    if (hasAnimationControl(head))
        return true;
    // Not found in the first 4 KiB: look further only if no IDAT came yet.
    if (head.contains("IDAT") || head.size() < kFirstPeek)
        return false;
    return hasAnimationControl(device->peek(kLastPeek));
}

bool ApngHandler::canRead() const
{
    if (parsedOk())
        return m_frames.isEmpty() ? !m_stillRead : m_next < m_frames.size();
    if (!canRead(device()))
        return false;
    setFormat("png");
    return true;
}

bool ApngHandler::parseHeader()
{
    const QByteArray &png = data();
    if (!isPng(png))
        return false;
    bool seenIdat = false;
    bool broken = false;
    bool actl = false;
    quint32 declared = 0;
    quint32 sequence = 0;
    int current = -1; ///< the frame whose data comes next
    bool defaultIsFrame = false;
    const bool whole = walkChunks(png, [&](QByteArrayView type, qsizetype at, qsizetype length) {
        const char *p = png.constData() + at;
        const bool animation = type == "acTL" || type == "fcTL" || type == "fdAT";
        if (animation && !crcHolds(png, at, length)) {
            broken = true;
            return Walk::Stop;
        }
        if (type == "IHDR") {
            if (length != 13)
                return Walk::Stop;
            m_ihdr = png.mid(at, 13);
            m_size = QSize(int(std::min<quint32>(be32(p), 0x7fffffff)),
                int(std::min<quint32>(be32(p + 4), 0x7fffffff)));
        } else if (type == "acTL") {
            if (length != 8 || seenIdat || actl) {
                broken = true;
                return Walk::Stop;
            }
            actl = true;
            declared = be32(p);
            m_plays = int(std::min<quint32>(be32(p + 4), 0x7fffffff));
        } else if (type == "fcTL") {
            if (length != 26 || be32(p) != sequence++ || m_ihdr.isEmpty()) {
                broken = true;
                return Walk::Stop;
            }
            if (m_frames.size() >= kMaxFrames || quint32(m_frames.size()) >= declared)
                return Walk::Stop; // the frames the acTL promised, no more
            auto frame = frameControl(p, m_size, !seenIdat);
            if (!frame) {
                broken = true;
                return Walk::Stop;
            }
            defaultIsFrame |= !seenIdat;
            m_frames.append(*frame);
            current = int(m_frames.size()) - 1;
        } else if (type == "IDAT") {
            seenIdat = true;
            m_still.append({ at, length });
            if (defaultIsFrame && current == 0)
                m_frames[0].spans.append({ at, length });
        } else if (type == "fdAT") {
            if (!seenIdat || length < 4 || be32(p) != sequence++ || current < 0
                || (defaultIsFrame && current == 0)) {
                broken = true;
                return Walk::Stop;
            }
            m_frames[current].spans.append({ at + 4, length - 4 });
        } else if (type == "IEND") {
            return Walk::Stop;
        } else if (!seenIdat) {
            // PLTE, tRNS, gAMA, iCCP, sRGB...: what every frame needs.
            m_shared.append(png.constData() + at - 8, length + 12);
        }
        return Walk::Next;
    });
    if (m_ihdr.isEmpty() || m_still.isEmpty() || !m_size.isValid())
        return false;
    // A file cut short keeps the frames it holds whole; a frame with no
    // data, a broken chunk or no acTL: the still.
    if (!whole && !m_frames.isEmpty() && m_frames.last().spans.isEmpty())
        m_frames.removeLast();
    const bool playable = actl && !broken && !m_frames.isEmpty()
        && std::all_of(
            m_frames.cbegin(), m_frames.cend(), [](const Frame &f) { return !f.spans.isEmpty(); });
    if (!playable) {
        if (actl)
            qCDebug(lcCodec) << "apng: animation chunks unusable, read as a still";
        m_frames.clear();
    }
    return true;
}

QByteArray ApngHandler::framePng(QSize size, const QList<QPair<qsizetype, qsizetype>> &spans) const
{
    QByteArray ihdr;
    appendBe32(ihdr, quint32(size.width()));
    appendBe32(ihdr, quint32(size.height()));
    ihdr.append(m_ihdr.mid(8)); // depth, colour type, compression, filter, interlace
    QByteArray idat;
    for (const auto &[at, length] : spans)
        idat.append(data().constData() + at, length);
    QByteArray png(kSignature, kSignatureSize);
    appendChunk(png, "IHDR", ihdr);
    png.append(m_shared);
    appendChunk(png, "IDAT", idat);
    appendChunk(png, "IEND", {});
    return png;
}

bool ApngHandler::readStill(QImage *image)
{
    // Rebuilt without the animation chunks, so that it is Qt's to read.
    *image = decodePng(framePng(m_size, m_still));
    return !image->isNull();
}

bool ApngHandler::readFrame(QImage *image)
{
    const Frame &frame = m_frames.at(m_next);
    if (m_next == 0) {
        m_canvas = allocate(m_size, QImage::Format_ARGB32_Premultiplied);
        if (m_canvas.isNull())
            return false;
        m_canvas.fill(Qt::transparent);
        m_saved = {};
    } else {
        const Frame &previous = m_frames.at(m_next - 1);
        // The first frame's "previous" is the empty canvas: "background".
        const int dispose = previous.dispose == 2 && m_next - 1 == 0 ? 1 : previous.dispose;
        QPainter painter(&m_canvas);
        painter.setCompositionMode(QPainter::CompositionMode_Source);
        if (dispose == 1)
            painter.fillRect(previous.rect, Qt::transparent);
        else if (dispose == 2 && !m_saved.isNull())
            painter.drawImage(previous.rect.topLeft(), m_saved);
    }
    const QImage part = decodePng(framePng(frame.rect.size(), frame.spans));
    if (part.isNull() || part.size() != frame.rect.size())
        return false;
    if (m_next == 0)
        m_canvas.setColorSpace(part.colorSpace());
    m_saved = frame.dispose == 2 ? m_canvas.copy(frame.rect) : QImage();
    {
        QPainter painter(&m_canvas);
        painter.setCompositionMode(frame.blend == 0 ? QPainter::CompositionMode_Source
                                                    : QPainter::CompositionMode_SourceOver);
        painter.drawImage(frame.rect.topLeft(), part);
    }
    *image = m_canvas;
    return true;
}

bool ApngHandler::read(QImage *image)
{
    if (!parsed())
        return false;
    if (m_frames.isEmpty()) {
        if (m_stillRead)
            return false;
        m_stillRead = true;
        return readStill(image);
    }
    if (m_next >= m_frames.size())
        return false;
    if (readFrame(image)) {
        ++m_next;
        return true;
    }
    if (m_next == 0) {
        // Not one frame decodes: what a reader without APNG shows.
        qCDebug(lcCodec) << "apng: the first frame does not decode, read as a still";
        m_frames.clear();
        m_stillRead = true;
        return readStill(image);
    }
    m_next = int(m_frames.size());
    return false;
}

QVariant ApngHandler::option(ImageOption option) const
{
    if (option == Size && parsed())
        return m_size;
    if (option == Animation)
        return parsed() && m_frames.size() > 1;
    return {};
}

bool ApngHandler::supportsOption(ImageOption option) const
{
    return option == Size || option == Animation;
}

int ApngHandler::imageCount() const
{
    if (!parsed())
        return 0;
    return m_frames.isEmpty() ? 1 : int(m_frames.size());
}

int ApngHandler::loopCount() const
{
    if (!parsed() || m_frames.size() < 2)
        return 0;
    return m_plays == 0 ? -1 : m_plays - 1;
}

int ApngHandler::nextImageDelay() const
{
    if (!parsed() || m_frames.isEmpty())
        return 0;
    return m_frames.at(std::clamp(m_next - 1, 0, int(m_frames.size()) - 1)).delayMs;
}

int ApngHandler::currentImageNumber() const
{
    return std::max(0, m_next - 1);
}

bool ApngHandler::jumpToNextImage()
{
    QImage skipped;
    return read(&skipped);
}

} // namespace trove
