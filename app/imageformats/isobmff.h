// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>

class QIODevice;

namespace trove::isobmff {

/// The format key ("avif", "heic") an ISO base media file's `ftyp` box
/// names among its major and compatible brands; empty for anything else.
/// AVIF wins over HEIC when a file names both. @p head: the first bytes.
QByteArray formatFromBrands(const QByteArray &head);

/// Whether the top-level boxes of @p device (ISOBMFF, JPEG 2000 and JPEG XL
/// containers share the layout) each fit in the file: a download cut short
/// ends in the middle of one. Reads box headers only, from the start.
bool boxesComplete(QIODevice &device);

} // namespace trove::isobmff
