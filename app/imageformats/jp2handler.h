// SPDX-License-Identifier: MIT
#pragma once

#include "bufferedhandler.h"

#include <memory>

namespace trove {

/// JPEG 2000, in its JP2 box container or as a bare codestream (J2K),
/// through OpenJPEG. Grey, grey + alpha, RGB(A), sYCC and CMYK at any
/// precision become 8-bit RGB(A). A scaled size is decoded at the
/// resolution level nearest above it, which is what makes thumbnails of
/// large JPEG 2000 files cheap. Any thread, one image each.
class Jp2Handler final : public BufferedHandler {
public:
    Jp2Handler();
    ~Jp2Handler() override;

    static bool canRead(const QByteArray &head);

    bool canRead() const override;
    bool read(QImage *image) override;
    QVariant option(ImageOption option) const override;
    void setOption(ImageOption option, const QVariant &value) override;
    bool supportsOption(ImageOption option) const override;

private:
    struct Decoder;
    bool parseHeader() override;

    std::unique_ptr<Decoder> m_decoder;
    bool m_read = false;
    QSize m_size;
    QSize m_scaledSize;
};

} // namespace trove
