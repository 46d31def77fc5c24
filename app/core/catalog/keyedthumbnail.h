// SPDX-License-Identifier: MIT
#pragma once

#include <QImage>
#include <QList>
#include <QMetaType>

namespace trove {

/// A thumbnail as LibraryReader hands it on: the image's key and the
/// thumbnail, decoded and fitted to what was asked.
struct KeyedThumbnail {
    qint64 key = 0;
    QImage image;
};

} // namespace trove

Q_DECLARE_METATYPE(trove::KeyedThumbnail)
