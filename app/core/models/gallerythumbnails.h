// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/keyedthumbnail.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <functional>

namespace trove {

class LibraryReader;

/// The gallery's thumbnails: a cost-bounded cache of decoded images, and the
/// prefetch that asks LibraryReader for the rows a view shows plus a screenful
/// either side (on-screen rows first). Requests made while one paint runs are
/// collected and sent once; a newer request supersedes an older one in the
/// reader. Knows rows only through @p keyAt, so GalleryModel stays the one
/// owner of rows. Lives on the GUI thread.
class GalleryThumbnails final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GalleryThumbnails)

public:
    /// The key of the image at a row, or 0 when it is not loaded or out of range.
    using KeyAt = std::function<qint64(int row)>;

    GalleryThumbnails(LibraryReader *reader, KeyAt keyAt, QObject *parent = nullptr);

    /// The cached thumbnail, or nullptr (a fetch is then scheduled). One
    /// made for another side is returned meanwhile and fetched again.
    const QImage *find(qint64 key) const;
    /// The view's cell in device pixels, on a screen of @p scale device
    /// pixels per pixel: thumbnails come scaled to be shown in it
    /// (ThumbnailCodec::shownSize(), on the reader's thread); 0, as stored.
    void setSide(int side, qreal scale = 1.0);
    int side() const { return m_side; }
    /// A view asked for this row: without a visible range, the rows touched
    /// during a paint are what gets fetched.
    void touch(int row) const;
    void setVisibleRange(int first, int last);
    void forget(qint64 key);
    void schedule() const;
    /// How many thumbnails are kept decoded at most, however small.
    static int maxCount();
    int cachedCount() const { return int(m_cache.size()); }
    /// What a decoded thumbnail of @p bytes counts for in the cache, in KiB.
    static int thumbnailCost(qsizetype bytes);

Q_SIGNALS:
    /// These thumbnails are in the cache now (one batch of the reader's).
    void arrived(const QList<qint64> &keys);

private:
    void flush() const;
    void onThumbnails(const QList<KeyedThumbnail> &thumbnails, int side);
    /// Whether @p key is cached, made for the side asked for now.
    bool isCurrent(qint64 key) const;

    struct Entry {
        QImage image;
        int side = 0; ///< what it was scaled to fit; 0: as stored
    };

    LibraryReader *m_reader;
    KeyAt m_keyAt;
    int m_side = 0;
    qreal m_scale = 1.0;
    mutable QCache<qint64, Entry> m_cache;
    mutable bool m_scheduled = false;
    mutable int m_touchedFirst = -1;
    mutable int m_touchedLast = -1;
    int m_visibleFirst = -1;
    int m_visibleLast = -1;
};

} // namespace trove
