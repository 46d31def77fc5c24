// SPDX-License-Identifier: MIT
#pragma once

#include "bufferedhandler.h"

#include <QString>

namespace trove {

/// The long tail: PSD (the flattened composite), TGA 1.0 and RLE, DDS,
/// SGI, PCX and the TIFF variants Qt's plugin refuses (16-bit, planar,
/// CMYK), decoded by ImageMagick in the trove-decode helper process
/// (app/decodehelper): memory, CPU and file limits, no network, nothing
/// written, and a wall-clock timeout here. A crash, a hang or a limit in
/// the decoder is a failed read() with a reason (errorString()), never a
/// crashed caller. The size comes from the header, parsed here, so that
/// the caller's pixel limits refuse a bomb before the helper runs.
/// Blocks its thread while the helper runs: a pool thread, never the GUI
/// thread. Any thread, one image each.
class HelperHandler final : public BufferedHandler {
public:
    /// @p format: psd, dds, sgi, pcx, tga or tiff.
    explicit HelperHandler(const QByteArray &format);

    /// psd, dds, sgi or pcx when @p head (a file's first bytes) starts with
    /// that format's signature; empty otherwise. These formats Qt cannot
    /// read at all, so the plugin claims them by content.
    static QByteArray signatureFormat(const QByteArray &head);
    /// signatureFormat(), or tga when @p head is a plausible TGA header
    /// (TGA has no signature), or tiff for a TIFF signature: which format
    /// to try in the helper when Qt's own reader refused the file.
    static QByteArray fallbackFormat(const QByteArray &head);
    /// trove-decode: $TROVE_DECODE_HELPER, else next to the executable,
    /// else in ../libexec/trove/ as installed.
    static QString helperPath();
    /// The wall-clock limit of one decode: $TROVE_DECODE_TIMEOUT_MS, else 30 s
    /// (a 12-megapixel PCX takes ImageMagick 9 s on a loaded 2-core machine).
    static int timeoutMs();

    bool canRead() const override;
    bool read(QImage *image) override;
    QVariant option(ImageOption option) const override;
    void setOption(ImageOption option, const QVariant &value) override;
    bool supportsOption(ImageOption option) const override;

    /// Why the header or the last read() failed, as one line a person can
    /// read: "truncated image (psd)", "the PSD decoder crashed", ...
    QString errorString() const { return m_error; }

private:
    bool parseHeader() override;
    bool runHelper(QImage *image);

    QByteArray m_format;
    QSize m_size;
    QSize m_scaledSize;
    QString m_error;
    bool m_read = false;
};

} // namespace trove
