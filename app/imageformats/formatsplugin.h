// SPDX-License-Identifier: MIT
#pragma once

#include <QImageIOPlugin>

namespace trove {

/// The one image-format plugin Trove brings: AVIF, HEIF/HEIC, JPEG XL and
/// JPEG 2000, each recognised by its content. A shared plugin Qt loads at
/// the first read that needs it (see CMakeLists.txt for where it lies), so
/// every QImageReader in the process sees these formats and a process that
/// reads no image never loads the codec libraries.
class TroveImageFormatsPlugin final : public QImageIOPlugin {
    Q_OBJECT
    Q_PLUGIN_METADATA(IID QImageIOHandlerFactoryInterface_iid FILE "troveformats.json")

public:
    Capabilities capabilities(QIODevice *device, const QByteArray &format) const override;
    QImageIOHandler *create(QIODevice *device, const QByteArray &format = {}) const override;

    /// The key of the format @p head (a file's first 64 bytes) is in, or
    /// empty when none of this plugin's.
    static QByteArray formatOf(const QByteArray &head);
};

} // namespace trove
