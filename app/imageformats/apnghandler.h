// SPDX-License-Identifier: MIT
#pragma once

#include "bufferedhandler.h"

#include <QImage>
#include <QList>
#include <QRect>
#include <optional>

class QIODevice;

namespace trove {

/// Animated PNG (APNG: acTL, fcTL, fdAT) through Qt's own PNG reader, which
/// shows only the still. Each frame goes to that reader as a PNG of its own
/// (the file's IHDR at the frame's size, the chunks before the first IDAT,
/// the frame's data) and is composed on the canvas with the frame's dispose
/// and blend operations, as browsers play it.
///
/// Claims only PNG data with an acTL before its first IDAT; any other PNG
/// goes to Qt's reader. An APNG whose animation chunks are broken (out of
/// sequence, a frame off the canvas, a bad CRC, a frame that does not
/// decode first) is read as the still PNG it also is, as browsers show it.
/// Any thread, one image each.
class ApngHandler final : public BufferedHandler {
public:
    /// Frames read at most; the rest of a longer animation is left out.
    static constexpr int kMaxFrames = 10'000;

    /// Whether @p head starts with PNG's signature.
    static bool isPng(const QByteArray &head);
    /// Whether @p head, the start of a PNG, has an acTL chunk before its
    /// first IDAT (false when it ends before either).
    static bool hasAnimationControl(const QByteArray &head);
    /// hasAnimationControl() on what @p device holds from where it stands,
    /// peeking as far as the first IDAT (within 256 KiB).
    static bool canRead(QIODevice *device);

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
    struct Frame;
    /// The frame an fcTL's 26 bytes at @p fctl describe on @p canvas, or
    /// none when it is off the canvas or names an unknown operation; the
    /// frame that @p isStill must cover the canvas.
    static std::optional<Frame> frameControl(const char *fctl, QSize canvas, bool isStill);
    bool parseHeader() override;
    /// The PNG Qt reads for a frame of @p size made of @p spans of data().
    QByteArray framePng(QSize size, const QList<QPair<qsizetype, qsizetype>> &spans) const;
    bool readStill(QImage *image);
    bool readFrame(QImage *image);

    struct Frame {
        QRect rect;
        int delayMs = 0;
        quint8 dispose = 0; ///< 0 none, 1 background, 2 previous
        quint8 blend = 0; ///< 0 source, 1 over
        QList<QPair<qsizetype, qsizetype>> spans; ///< (offset, length) of its zlib data in data()
    };
    QByteArray m_ihdr; ///< IHDR's 13 bytes
    QByteArray m_shared; ///< whole chunks before the first IDAT that every frame repeats
    QList<QPair<qsizetype, qsizetype>> m_still; ///< the IDAT data
    QSize m_size;
    QList<Frame> m_frames; ///< empty: read as a still
    int m_plays = 0; ///< acTL's: 0 for ever
    int m_next = 0; ///< the frame read() gives next
    bool m_stillRead = false;
    QImage m_canvas;
    QImage m_saved; ///< the canvas under the last frame, for dispose "previous"
};

} // namespace trove
