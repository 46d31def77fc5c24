// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QUrl>

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
    /// The site a browser named beside pixels it gave without a usable
    /// link ("example.org"), for the queue's "Dropped from example.org".
    QString imageHost;

    bool hasImageData() const { return !imageBytes.isEmpty() || !image.isNull(); }
    bool isEmpty() const { return sources.isEmpty() && !hasImageData(); }

    /// What a QMimeData holds, copied as it came. Reading a clipboard or a
    /// drop needs the GUI thread (and a drop's data lives only during the
    /// event); making sense of it, a 100,000-line link dump included, does
    /// not: fromSnapshot() runs on any thread.
    struct Snapshot {
        QStringList formats;
        QByteArray imageBytes;
        QString imageSuffix;
        QImage image;
        QByteArray uriList; ///< text/uri-list, raw
        QList<QUrl> urls; ///< QMimeData::urls(), only when there was no raw uri-list
        QByteArray mozUrl; ///< text/x-moz-url
        QString promiseUrl; ///< application/x-moz-file-promise-url
        QString html; ///< only with image data or a promise (the one <img>)
        QString text;
        bool hasText = false;
        qsizetype size() const { return uriList.size() + text.size() + mozUrl.size(); }
    };
    static Snapshot capture(const QMimeData *mime);
    static DropContent fromSnapshot(const Snapshot &snapshot);
    static DropContent fromMimeData(const QMimeData *mime) { return fromSnapshot(capture(mime)); }
    /// Links in free text, one per line or mixed with prose; lines that are
    /// file paths or file:// URLs; other scheme://... words.
    static DropContent fromText(const QString &text);
};

} // namespace trove::ui
