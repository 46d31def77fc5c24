// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

class QIODevice;

namespace trove {

/// Whether an encoded image is whole: its container walks to the end marker
/// (JPEG EOI, PNG IEND, GIF trailer) or its declared length (WebP RIFF, BMP).
/// Decoders fill a cut-off JPEG with grey and call it a success; this tells a
/// truncated download from a real picture. Formats without a check pass.
/// Reads @p device from its start in small chunks; any thread.
bool isCompleteImage(QIODevice &device, const QByteArray &format);

} // namespace trove
