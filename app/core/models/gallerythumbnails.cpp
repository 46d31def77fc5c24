// SPDX-License-Identifier: MIT
#include "models/gallerythumbnails.h"

#include "catalog/libraryreader.h"

#include <QTimer>
#include <algorithm>

namespace trove {

namespace {

// Thumbnails kept decoded: ~256 KiB each at full size, so about 250.
constexpr int kThumbnailCacheKiB = 64 * 1024;
// What one thumbnail counts for at least. A 24x24 thumbnail is 2 KiB of
// pixels, so the bound alone let 32,000 of them stay decoded (80 MB with
// their headers) while 100,000 tiny images streamed past the top of the
// gallery. With this floor at most 4,096 are kept, still several screens
// at the smallest zoom; full-size ones are counted by their pixels.
constexpr int kMinThumbnailCostKiB = 16;

} // namespace

int GalleryThumbnails::thumbnailCost(qsizetype bytes)
{
    return std::max(kMinThumbnailCostKiB, int((bytes + 1023) / 1024));
}

int GalleryThumbnails::maxCount()
{
    return kThumbnailCacheKiB / kMinThumbnailCostKiB;
}

GalleryThumbnails::GalleryThumbnails(LibraryReader *reader, KeyAt keyAt, QObject *parent)
    : QObject(parent)
    , m_reader(reader)
    , m_keyAt(std::move(keyAt))
{
    m_cache.setMaxCost(kThumbnailCacheKiB);
    connect(reader, &LibraryReader::thumbnailsReady, this, &GalleryThumbnails::onThumbnails);
}

const QImage *GalleryThumbnails::find(qint64 key) const
{
    const Entry *entry = m_cache.object(key);
    if (!entry || entry->side != m_side)
        schedule();
    return entry ? &entry->image : nullptr;
}

bool GalleryThumbnails::isCurrent(qint64 key) const
{
    const Entry *entry = m_cache.object(key);
    return entry && entry->side == m_side;
}

void GalleryThumbnails::setSide(int side, qreal scale)
{
    if (side == m_side && qFuzzyCompare(scale, m_scale))
        return;
    // What is cached stays shown (the view scales it) until its
    // replacement comes; an entry says the side it was made for, so the
    // rarer change of the scale alone (another screen, the same side)
    // starts afresh.
    if (side == m_side)
        m_cache.clear();
    m_side = side;
    m_scale = scale;
    schedule();
}

void GalleryThumbnails::touch(int row) const
{
    m_touchedFirst = m_touchedFirst < 0 ? row : std::min(m_touchedFirst, row);
    m_touchedLast = std::max(m_touchedLast, row);
}

void GalleryThumbnails::setVisibleRange(int first, int last)
{
    m_visibleFirst = first;
    m_visibleLast = last;
    if (first >= 0)
        schedule();
}

void GalleryThumbnails::forget(qint64 key)
{
    m_cache.remove(key);
}

void GalleryThumbnails::schedule() const
{
    if (m_scheduled)
        return;
    m_scheduled = true;
    // Collected over one paint, sent once.
    QTimer::singleShot(0, this, &GalleryThumbnails::flush);
}

void GalleryThumbnails::flush() const
{
    m_scheduled = false;
    const int first = m_visibleFirst >= 0 ? m_visibleFirst : m_touchedFirst;
    const int last = m_visibleFirst >= 0 ? m_visibleLast : m_touchedLast;
    m_touchedFirst = m_touchedLast = -1;
    if (first < 0)
        return;
    const int screen = std::max(1, last - first + 1);
    QList<qint64> wanted;
    // On-screen rows first, then a screenful below and above.
    auto want = [&](int from, int to) {
        for (int row = std::max(0, from); row <= to; ++row) {
            const qint64 key = m_keyAt(row);
            if (key > 0 && !isCurrent(key))
                wanted.append(key);
        }
    };
    want(first, last);
    want(last + 1, last + screen);
    want(first - screen, first - 1);
    if (!wanted.isEmpty())
        m_reader->requestThumbnails(wanted, m_side, m_scale);
}

void GalleryThumbnails::onThumbnails(const QList<KeyedThumbnail> &thumbnails, int side)
{
    QList<qint64> keys;
    keys.reserve(thumbnails.size());
    for (const auto &[key, image] : thumbnails) {
        m_cache.insert(key, new Entry { image, side }, thumbnailCost(image.sizeInBytes()));
        keys.append(key);
    }
    Q_EMIT arrived(keys);
}

} // namespace trove
