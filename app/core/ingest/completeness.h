// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

class QIODevice;

namespace trove {

/// Where a JPEG's entropy-coded data lies: from the first byte after its
/// first scan's header to the end of its EOI marker. What comes before is
/// headers (tables, EXIF, XMP, ICC); what follows the EOI is trailing data
/// (a phone's second picture, padding).
struct EntropySpan {
    qint64 begin = 0;
    qint64 end = 0;
    bool isEmpty() const { return end <= begin; }
    bool operator==(const EntropySpan &) const = default;
};

/// Whether an encoded image is whole: its container walks to the end marker
/// (JPEG EOI, PNG IEND, GIF trailer, J2K EOC) or its declared length (WebP
/// RIFF, BMP, the boxes of AVIF, HEIC, JP2 and JPEG XL containers).
/// Decoders fill a cut-off JPEG with grey and call it a success; this tells a
/// truncated download from a real picture. Formats without a check pass.
/// Reads @p device from its start in small chunks; any thread.
/// @p span (optional) receives the JPEG's entropy span when the file is a
/// whole JPEG; it is left empty otherwise.
bool isCompleteImage(QIODevice &device, const QByteArray &format, EntropySpan *span = nullptr);

/// A GIF whose frames reach past its logical screen (old tools wrote the
/// screen wrong): its bytes with the screen grown to cover every frame,
/// which is what browsers show; Qt would crop the frames to the screen.
/// Empty when the screen already covers them (or the GIF is not whole).
/// For decoding only: the original bytes are what is kept.
QByteArray gifScreenCoveringFrames(QIODevice &device);
/// The same for bytes in memory: @p bytes grown, or @p bytes as they are.
QByteArray gifScreenCoveringFrames(const QByteArray &bytes);

/// Whether a PNG's first IDAT starts with a valid zlib header. libpng
/// reports a bad one by printing to stderr itself (Qt installs no error
/// function), so the processor refuses such a file before decoding it.
bool pngDataStartsAsZlib(QIODevice &device);

} // namespace trove
