// SPDX-License-Identifier: MIT
#include "jxlhandler.h"

#include "codeclog.h"

#include <QColorSpace>
#include <QIODevice>
#include <QVariant>
#include <jxl/decode.h>
#include <memory>

namespace trove {

void JxlHandler::DecoderDeleter::operator()(JxlDecoderStruct *d) const
{
    JxlDecoderDestroy(d);
}

JxlHandler::JxlHandler() = default;
JxlHandler::~JxlHandler() = default;

bool JxlHandler::canRead(const QByteArray &head)
{
    const JxlSignature sig = JxlSignatureCheck(
        reinterpret_cast<const uint8_t *>(head.constData()), size_t(head.size()));
    return sig == JXL_SIG_CODESTREAM || sig == JXL_SIG_CONTAINER;
}

bool JxlHandler::canRead() const
{
    if (parsedOk())
        return !m_finished;
    if (!device() || !canRead(device()->peek(12)))
        return false;
    setFormat("jxl");
    return true;
}

bool JxlHandler::parseHeader()
{
    m_decoder.reset(JxlDecoderCreate(nullptr));
    JxlDecoder *dec = m_decoder.get();
    if (!dec
        || JxlDecoderSubscribeEvents(dec,
               JXL_DEC_BASIC_INFO | JXL_DEC_COLOR_ENCODING | JXL_DEC_FRAME | JXL_DEC_FULL_IMAGE)
            != JXL_DEC_SUCCESS
        || JxlDecoderSetInput(
               dec, reinterpret_cast<const uint8_t *>(data().constData()), size_t(data().size()))
            != JXL_DEC_SUCCESS)
        return false;
    JxlDecoderCloseInput(dec);
    if (JxlDecoderProcessInput(dec) != JXL_DEC_BASIC_INFO)
        return false;
    JxlBasicInfo info;
    if (JxlDecoderGetBasicInfo(dec, &info) != JXL_DEC_SUCCESS)
        return false;
    m_size = QSize(int(info.xsize), int(info.ysize));
    if (info.orientation > JXL_ORIENT_ROTATE_180) // 5-8 swap the sides
        m_size.transpose();
    m_grey = info.num_color_channels == 1;
    m_alpha = info.alpha_bits > 0;
    m_animated = info.have_animation;
    if (m_animated) {
        m_loops = info.animation.num_loops == 0 ? -1 : int(info.animation.num_loops);
        if (info.animation.tps_numerator > 0)
            m_msPerTick = 1000.0 * info.animation.tps_denominator / info.animation.tps_numerator;
        // A bare codestream has no length to check: an animation cut after
        // its first frame would otherwise pass for a whole one.
        m_frames = frameCount();
        if (m_frames == 0)
            return false;
    }
    return true;
}

int JxlHandler::frameCount() const
{
    // Frame headers alone do not tell a frame whose data was cut off (the
    // decoder skips over sections it is not asked for), so every frame is
    // decoded, into a callback that keeps nothing: time, not memory.
    std::unique_ptr<JxlDecoder, DecoderDeleter> walker(JxlDecoderCreate(nullptr));
    JxlDecoder *dec = walker.get();
    const JxlPixelFormat format { 4, JXL_TYPE_UINT8, JXL_NATIVE_ENDIAN, 0 };
    const auto discard = [](void *, size_t, size_t, size_t, const void *) {};
    if (!dec
        || JxlDecoderSubscribeEvents(dec, JXL_DEC_FRAME | JXL_DEC_FULL_IMAGE) != JXL_DEC_SUCCESS
        || JxlDecoderSetInput(
               dec, reinterpret_cast<const uint8_t *>(data().constData()), size_t(data().size()))
            != JXL_DEC_SUCCESS)
        return 0;
    JxlDecoderCloseInput(dec);
    int frames = 0;
    for (;;) {
        switch (JxlDecoderProcessInput(dec)) {
        case JXL_DEC_FRAME:
            break;
        case JXL_DEC_NEED_IMAGE_OUT_BUFFER:
            if (JxlDecoderSetImageOutCallback(dec, &format, discard, nullptr) != JXL_DEC_SUCCESS)
                return 0;
            break;
        case JXL_DEC_FULL_IMAGE:
            ++frames;
            break;
        case JXL_DEC_SUCCESS:
            return frames;
        default:
            // NEED_MORE_INPUT with the input closed, or an error.
            return 0;
        }
    }
}

bool JxlHandler::read(QImage *out)
{
    if (!parsed() || m_finished)
        return false;
    JxlDecoder *dec = m_decoder.get();
    // Grey without alpha stays grey; everything else comes as RGBA.
    const bool greyOut = m_grey && !m_alpha;
    const JxlPixelFormat format { greyOut ? 1u : 4u, JXL_TYPE_UINT8, JXL_NATIVE_ENDIAN, 4 };
    QImage image;
    for (;;) {
        const JxlDecoderStatus status = JxlDecoderProcessInput(dec);
        switch (status) {
        case JXL_DEC_COLOR_ENCODING: {
            size_t size = 0;
            if (JxlDecoderGetICCProfileSize(dec, &format, JXL_COLOR_PROFILE_TARGET_DATA, &size)
                    == JXL_DEC_SUCCESS
                && size > 0 && size < 4 * 1024 * 1024) {
                m_icc.resize(qsizetype(size));
                if (JxlDecoderGetColorAsICCProfile(dec, &format, JXL_COLOR_PROFILE_TARGET_DATA,
                        reinterpret_cast<uint8_t *>(m_icc.data()), size)
                    != JXL_DEC_SUCCESS)
                    m_icc.clear();
            }
            break;
        }
        case JXL_DEC_FRAME: {
            JxlFrameHeader header;
            if (JxlDecoderGetFrameHeader(dec, &header) == JXL_DEC_SUCCESS)
                m_delayMs = int(header.duration * m_msPerTick + 0.5);
            break;
        }
        case JXL_DEC_NEED_IMAGE_OUT_BUFFER: {
            image = allocate(m_size,
                greyOut ? QImage::Format_Grayscale8
                        : (m_alpha ? QImage::Format_RGBA8888 : QImage::Format_RGBX8888));
            size_t needed = 0;
            if (image.isNull()
                || JxlDecoderImageOutBufferSize(dec, &format, &needed) != JXL_DEC_SUCCESS
                || needed > size_t(image.sizeInBytes())
                || JxlDecoderSetImageOutBuffer(dec, &format, image.bits(), needed)
                    != JXL_DEC_SUCCESS)
                return false;
            break;
        }
        case JXL_DEC_FULL_IMAGE:
            if (image.isNull())
                return false;
            ++m_current;
            if (!m_icc.isEmpty())
                image.setColorSpace(QColorSpace::fromIccProfile(m_icc));
            *out = std::move(image);
            return true;
        case JXL_DEC_SUCCESS:
            m_finished = true;
            return false;
        default:
            // JXL_DEC_NEED_MORE_INPUT with the input closed: cut short.
            qCDebug(lcCodec) << "jxl: decoder status" << int(status);
            m_finished = true;
            return false;
        }
    }
}

QVariant JxlHandler::option(ImageOption option) const
{
    if (option == Size && parsed())
        return m_size;
    if (option == Animation)
        return parsed() && m_animated;
    return {};
}

bool JxlHandler::supportsOption(ImageOption option) const
{
    return option == Size || option == Animation;
}

int JxlHandler::imageCount() const
{
    if (!parsed())
        return 0;
    return m_animated ? m_frames : 1;
}

int JxlHandler::loopCount() const
{
    return m_loops;
}

int JxlHandler::nextImageDelay() const
{
    return m_delayMs;
}

int JxlHandler::currentImageNumber() const
{
    return m_current;
}

bool JxlHandler::jumpToNextImage()
{
    QImage skipped;
    return read(&skipped);
}

} // namespace trove
