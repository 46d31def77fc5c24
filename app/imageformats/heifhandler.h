// SPDX-License-Identifier: MIT
#pragma once

#include "bufferedhandler.h"

#include <memory>

struct heif_context;
struct heif_image_handle;

namespace trove {

/// HEIF and HEIC stills (phones' photos) through libheif: the primary
/// image, with the container's rotation and mirroring applied, so size()
/// is the size shown. Any thread, one image each.
class HeifHandler final : public BufferedHandler {
public:
    HeifHandler();
    ~HeifHandler() override;

    static bool canRead(const QByteArray &head);

    bool canRead() const override;
    bool read(QImage *image) override;
    QVariant option(ImageOption option) const override;
    bool supportsOption(ImageOption option) const override;

private:
    bool parseHeader() override;

    struct ContextDeleter {
        void operator()(heif_context *c) const;
    };
    struct HandleDeleter {
        void operator()(heif_image_handle *h) const;
    };
    std::unique_ptr<heif_context, ContextDeleter> m_context;
    std::unique_ptr<heif_image_handle, HandleDeleter> m_handle;
    bool m_read = false;
};

} // namespace trove
