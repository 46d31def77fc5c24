// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>

class QMimeData;

namespace trove::ui {

/// What a paste or a drop carries that Trove can add: sources (http, https
/// and data links, local files) or, when there is no usable link, the image
/// itself as encoded bytes or as pixels. Links with other schemes are kept
/// as sources too, so that the queue shows why they were refused. A value;
/// reading it touches neither the disk nor the network.
struct DropContent {
    QStringList sources;
    QByteArray imageBytes; ///< encoded as it came (image/png, image/jpeg, ...)
    QString imageSuffix; ///< ".png" for imageBytes
    QImage image; ///< pixels only (application/x-qt-image)
    QStringList unreadable; ///< text that holds nothing to add, for the message
    QStringList formats; ///< the offered MIME types, for the message

    bool hasImageData() const { return !imageBytes.isEmpty() || !image.isNull(); }
    bool isEmpty() const { return sources.isEmpty() && !hasImageData(); }

    static DropContent fromMimeData(const QMimeData *mime);
    /// Links in free text, one per line or mixed with prose; lines that are
    /// file paths or file:// URLs; other scheme://... words.
    static DropContent fromText(const QString &text);
};

} // namespace trove::ui
