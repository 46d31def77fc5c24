// SPDX-License-Identifier: MIT
#pragma once

#include "bufferedhandler.h"

#include <QByteArray>
#include <QImage>
#include <memory>

struct JxlDecoderStruct;

namespace trove {

/// JPEG XL stills and animations through libjxl, oriented as shown. Frames
/// come in order (QMovie plays them); the colour profile of the output is
/// attached. Any thread, one image each.
class JxlHandler final : public BufferedHandler {
public:
    JxlHandler();
    ~JxlHandler() override;

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
    /// The frames of the codestream in data(), each decoded and dropped;
    /// 0 when it ends before its last frame is whole.
    int frameCount() const;
    bool parseHeader() override;

    struct DecoderDeleter {
        void operator()(JxlDecoderStruct *d) const;
    };
    std::unique_ptr<JxlDecoderStruct, DecoderDeleter> m_decoder;
    bool m_finished = false;
    QSize m_size;
    bool m_grey = false;
    bool m_alpha = false;
    bool m_animated = false;
    int m_frames = 1; ///< an animation's, counted by frameCount()
    int m_loops = 0;
    double m_msPerTick = 0;
    int m_current = -1;
    int m_delayMs = 0;
    QByteArray m_icc;
};

} // namespace trove
