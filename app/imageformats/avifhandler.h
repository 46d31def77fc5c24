// SPDX-License-Identifier: MIT
#pragma once

#include "bufferedhandler.h"

#include <QImage>
#include <memory>

struct avifDecoder;

namespace trove {

/// AVIF stills and sequences through libavif. Reads frames in order, so
/// QMovie plays a sequence; the container's rotation and mirroring are
/// applied, and size() is the size shown. Any thread, one image each.
class AvifHandler final : public BufferedHandler {
public:
    AvifHandler();
    ~AvifHandler() override;

    static bool canRead(const QByteArray &head);

    bool canRead() const override;
    bool read(QImage *image) override;
    QVariant option(ImageOption option) const override;
    bool supportsOption(ImageOption option) const override;
    int imageCount() const override;
    int loopCount() const override;
    int nextImageDelay() const override;
    int currentImageNumber() const override;
    bool jumpToNextImage() override;

private:
    bool parseHeader() override;
    bool decodeNext(QImage *image);

    struct DecoderDeleter {
        void operator()(avifDecoder *d) const;
    };
    std::unique_ptr<avifDecoder, DecoderDeleter> m_decoder;
    QSize m_size; ///< as shown: after rotation
    int m_current = -1;
    /// The header declares more than libavif decodes: size only, no pixels.
    bool m_tooLarge = false;
    int m_delayMs = 0;
};

} // namespace trove
