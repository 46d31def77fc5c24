// SPDX-License-Identifier: MIT
#pragma once

class QIODevice;

/// Completeness checks of the formats old tools, scanners and image editors
/// write (isCompleteImage()'s helpers for TIFF, TGA and Photoshop). Each
/// reads the device from its start; any thread.
namespace trove::completeness {

bool tiffComplete(QIODevice &device);
bool tgaComplete(QIODevice &device);
bool psdComplete(QIODevice &device);

} // namespace trove::completeness
