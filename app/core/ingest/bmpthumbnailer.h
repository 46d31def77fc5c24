// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QSize>

class QIODevice;

namespace trove {

/// A thumbnail of an uncompressed 24- or 32-bit BMP (BI_RGB: what scanners,
/// screenshot tools and old camera software write), area-averaged straight
/// from the pixel rows as they are read. Qt's reader converts the whole
/// picture to RGB32 first, and the thumbnail was then scaled from that: a
/// 1080p BMP cost ~33 ms of a processing thread, about 3 ms here.
///
/// The pixels are Qt's: opaque RGB, no colour space (Qt's BMP reader reads
/// none), bottom-up or top-down rows. Anything else (palettes, RLE, bit
/// fields, OS/2 headers, a pixel offset inside the headers) is left to Qt.
class BmpThumbnailer final {
public:
    /// Reads the headers from the start of @p device and puts it back where
    /// it was; false when the file is not one this reads.
    bool open(QIODevice *device);

    /// The picture's size; a top-down file's too (Qt reports its height as
    /// negative, an invalid size).
    QSize size() const { return m_size; }

    /// The picture averaged down to @p target, at most size() on either
    /// side (the aspect is the caller's). A null image when the rows are cut
    /// short; the device is back where it was.
    QImage thumbnail(QSize target);

private:
    QIODevice *m_device = nullptr;
    QSize m_size;
    qint64 m_pixelsAt = 0;
    int m_bytesPerPixel = 0;
    qint64 m_stride = 0; ///< bytes per row in the file
    bool m_topDown = false;
};

} // namespace trove
