// SPDX-License-Identifier: MIT
#include "heifhandler.h"

#include "codeclog.h"
#include "isobmff.h"

#include <QColorSpace>
#include <QIODevice>
#include <QImage>
#include <QVariant>
#include <cstring>
#include <libheif/heif.h>

namespace trove {

namespace {

// Well past any camera; a header that claims more is refused by libheif
// before it allocates.
constexpr int kMaxSide = 65'535;

struct ImageDeleter {
    void operator()(heif_image *i) const { heif_image_release(i); }
};

} // namespace

void HeifHandler::ContextDeleter::operator()(heif_context *c) const
{
    heif_context_free(c);
}
void HeifHandler::HandleDeleter::operator()(heif_image_handle *h) const
{
    heif_image_handle_release(h);
}

HeifHandler::HeifHandler() = default;
HeifHandler::~HeifHandler() = default;

bool HeifHandler::canRead(const QByteArray &head)
{
    return isobmff::formatFromBrands(head) == "heic";
}

bool HeifHandler::canRead() const
{
    if (m_read)
        return false;
    if (!device() || !canRead(device()->peek(64)))
        return false;
    setFormat("heic");
    return true;
}

bool HeifHandler::parseHeader()
{
    m_context.reset(heif_context_alloc());
    if (!m_context)
        return false;
    heif_context_set_maximum_image_size_limit(m_context.get(), kMaxSide);
    heif_error err = heif_context_read_from_memory_without_copy(
        m_context.get(), data().constData(), size_t(data().size()), nullptr);
    if (err.code != heif_error_Ok) {
        qCDebug(lcCodec) << "heif:" << err.message;
        return false;
    }
    heif_image_handle *handle = nullptr;
    err = heif_context_get_primary_image_handle(m_context.get(), &handle);
    if (err.code != heif_error_Ok) {
        qCDebug(lcCodec) << "heif:" << err.message;
        return false;
    }
    m_handle.reset(handle);
    return true;
}

bool HeifHandler::read(QImage *out)
{
    if (m_read || !parsed())
        return false;
    m_read = true;
    const bool alpha = heif_image_handle_has_alpha_channel(m_handle.get());
    heif_image *decoded = nullptr;
    const heif_error err = heif_decode_image(m_handle.get(), &decoded, heif_colorspace_RGB,
        alpha ? heif_chroma_interleaved_RGBA : heif_chroma_interleaved_RGB, nullptr);
    if (err.code != heif_error_Ok) {
        qCDebug(lcCodec) << "heif:" << err.message;
        return false;
    }
    const std::unique_ptr<heif_image, ImageDeleter> owner(decoded);
    const int width = heif_image_get_width(decoded, heif_channel_interleaved);
    const int height = heif_image_get_height(decoded, heif_channel_interleaved);
    int stride = 0;
    const uint8_t *pixels
        = heif_image_get_plane_readonly(decoded, heif_channel_interleaved, &stride);
    if (!pixels || width <= 0 || height <= 0)
        return false;
    QImage image
        = allocate(QSize(width, height), alpha ? QImage::Format_RGBA8888 : QImage::Format_RGB888);
    if (image.isNull())
        return false;
    const size_t rowBytes = size_t(width) * (alpha ? 4 : 3);
    for (int y = 0; y < height; ++y)
        std::memcpy(image.scanLine(y), pixels + qsizetype(y) * stride, rowBytes);

    const size_t iccSize = heif_image_handle_get_raw_color_profile_size(m_handle.get());
    if (iccSize > 0 && iccSize < 4 * 1024 * 1024) {
        QByteArray icc(qsizetype(iccSize), Qt::Uninitialized);
        if (heif_image_handle_get_raw_color_profile(m_handle.get(), icc.data()).code
            == heif_error_Ok)
            image.setColorSpace(QColorSpace::fromIccProfile(icc));
    }
    *out = std::move(image);
    return true;
}

QVariant HeifHandler::option(ImageOption option) const
{
    if (option == Size && parsed())
        return QSize(heif_image_handle_get_width(m_handle.get()),
            heif_image_handle_get_height(m_handle.get()));
    return {};
}

bool HeifHandler::supportsOption(ImageOption option) const
{
    return option == Size;
}

} // namespace trove
