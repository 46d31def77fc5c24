// SPDX-License-Identifier: MIT
#include "models/gallerymodel.h"

#include "catalog/libraryreader.h"
#include "models/gallerythumbnails.h"
#include "models/rowranges.h"

#include <QTimer>
#include <algorithm>

namespace trove {

namespace {

// Added or removed images placed one by one (an add costs a position query
// on the reader thread, a removal a shift of the loaded rows); more at once
// are placed by recounting and reloading, which costs the GUI thread the
// same for ten or a million.
constexpr int kMaxPlacedChanges = 16;
// Loaded records kept before far-away pages are dropped.
constexpr int kMaxCachedRows = 20 * GalleryModel::kPageSize;

} // namespace

GalleryModel::GalleryModel(LibraryReader *reader, QObject *parent)
    : QAbstractListModel(parent)
    , m_reader(reader)
    , m_thumbnails(new GalleryThumbnails(
          reader,
          [this](int row) -> qint64 {
              const ImageRecord *record = m_loaded.at(row);
              return !record || row >= m_count ? 0 : record->key;
          },
          this))
{
    connect(m_thumbnails, &GalleryThumbnails::arrived, this, &GalleryModel::onThumbnails);
    connect(reader, &LibraryReader::countReady, this, &GalleryModel::onCount);
    connect(reader, &LibraryReader::searchFailed, this, [this](quint64 ticket, const QString &e) {
        if (ticket == m_countTicket)
            Q_EMIT searchFailed(e);
    });
    connect(reader, &LibraryReader::countProgress, this, &GalleryModel::onCountProgress);
    connect(reader, &LibraryReader::pageReady, this, &GalleryModel::onPage);
    connect(reader, &LibraryReader::rowsReady, this, &GalleryModel::onRows);
    connect(reader, &LibraryReader::recordsReady, this, &GalleryModel::onRecords);
    // Whatever any process commits reaches the model through the feed: one
    // path for this window's own ingest, the command line and the API.
    connect(reader, &LibraryReader::changesReady, this, &GalleryModel::applyChanges);
    recount();
}

GalleryModel::~GalleryModel() = default;

int GalleryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

Qt::ItemFlags GalleryModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled
        | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> GalleryModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({ { KeyRole, "key" }, { IdRole, "id" }, { RecordRole, "record" },
        { ThumbnailRole, "thumbnail" }, { LoadedRole, "loaded" }, { FormatRole, "format" },
        { WidthRole, "width" }, { HeightRole, "height" }, { OriginalBytesRole, "originalBytes" },
        { StoredBytesRole, "storedBytes" }, { AddedAtRole, "addedAt" }, { TagsRole, "tags" },
        { SourcesRole, "sources" }, { Sha256Role, "sha256" }, { DamagedRole, "damaged" },
        { AnimatedRole, "animated" }, { RatingRole, "rating" }, { FavouriteRole, "favourite" } });
    return names;
}

QVariant GalleryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    m_thumbnails->touch(row);

    const ImageRecord *found = m_loaded.at(row);
    if (!found) {
        requestPage(row / kPageSize);
        switch (role) {
        case LoadedRole:
            return false;
        case Qt::DisplayRole:
            return QString();
        default:
            return {};
        }
    }
    const ImageRecord &r = *found;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return r.name;
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2 · %3×%4")
            .arg(r.name, r.format.toUpper())
            .arg(r.width)
            .arg(r.height);
    case KeyRole:
        return r.key;
    case IdRole:
        return r.id;
    case RecordRole:
        return QVariant::fromValue(r);
    case ThumbnailRole:
        if (const QImage *image = m_thumbnails->find(r.key))
            return *image;
        return QImage();
    case LoadedRole:
        return true;
    case FormatRole:
        return r.format;
    case WidthRole:
        return r.width;
    case HeightRole:
        return r.height;
    case OriginalBytesRole:
        return r.originalBytes;
    case StoredBytesRole:
        return r.storedBytes;
    case AddedAtRole:
        return r.addedAt;
    case TagsRole:
        return r.tags;
    case SourcesRole:
        return r.sources;
    case Sha256Role:
        return r.sha256;
    case DamagedRole:
        return r.damaged;
    case AnimatedRole:
        return r.animated;
    case RatingRole:
        return r.rating;
    case FavouriteRole:
        return r.favourite;
    default:
        return {};
    }
}

void GalleryModel::setQuery(const ImageQuery &query)
{
    if (query == m_query && m_ready)
        return;
    beginResetModel();
    m_query = query;
    ++m_generation;
    m_count = 0;
    m_ready = false;
    m_countFinal = false;
    m_loaded.clear();
    m_renamed.clear();
    m_requestedPages.clear();
    endResetModel();
    recount();
}

void GalleryModel::setVisibleRange(int first, int last)
{
    m_visibleFirst = first;
    m_visibleLast = last;
    if (first < 0)
        return;
    for (int page = first / kPageSize; page <= last / kPageSize; ++page)
        requestPage(page);
    m_thumbnails->setVisibleRange(first, last);
}

void GalleryModel::setThumbnailSide(int side, qreal scale)
{
    m_thumbnails->setSide(side, scale);
}

std::optional<ImageRecord> GalleryModel::recordAt(int row) const
{
    const ImageRecord *record = m_loaded.at(row);
    if (!record)
        return std::nullopt;
    return *record;
}

QList<ImageRecord> GalleryModel::loadedRecordsIn(
    const QList<QPair<qint64, qint64>> &ranges, int limit) const
{
    QList<ImageRecord> records;
    qint64 span = 0;
    for (const auto &[first, last] : ranges)
        span += last - first + 1;
    if (span <= m_loaded.size()) {
        for (const auto &[first, last] : ranges) {
            for (qint64 row = first; row <= last && records.size() < limit; ++row) {
                if (const ImageRecord *record = m_loaded.at(int(row)))
                    records.append(*record);
            }
        }
        return records;
    }
    // Fewer rows loaded than selected: walk what is loaded (rising).
    m_loaded.forEach([&](int row, const ImageRecord &record) {
        if (records.size() >= limit)
            return;
        const auto in = std::upper_bound(ranges.cbegin(), ranges.cend(), row,
            [](qint64 r, const QPair<qint64, qint64> &range) { return r < range.first; });
        if (in != ranges.cbegin() && row <= std::prev(in)->second)
            records.append(record);
    });
    return records;
}

int GalleryModel::rowOfKey(qint64 key) const
{
    return m_loaded.rowOf(key);
}

void GalleryModel::requestPage(int page) const
{
    if (page < 0 || qint64(page) * kPageSize >= m_count || m_requestedPages.contains(page))
        return;
    m_requestedPages.insert(page);
    m_reader->requestPage(
        m_generation, m_query, qint64(page) * kPageSize, kPageSize, m_countFinal ? m_count : -1);
}

void GalleryModel::store(int row, const ImageRecord &record)
{
    m_loaded.store(row, record);
}

void GalleryModel::recount()
{
    m_reader->requestCount(++m_countTicket, m_query);
}

void GalleryModel::onCountProgress(quint64 ticket, qint64 countedSoFar, qint64 afterKey)
{
    if (ticket != m_countTicket)
        return;
    m_ready = true;
    m_countFinal = false;
    // Counting only ever adds rows at the end: the rows already read stay
    // where they are, so nothing is reloaded, and the view can show the
    // first screens while the rest is counted.
    if (countedSoFar > m_count) {
        beginInsertRows({}, int(m_count), int(countedSoFar) - 1);
        m_count = countedSoFar;
        endInsertRows();
        if (m_visibleFirst >= 0) {
            for (int page = m_visibleFirst / kPageSize; page <= m_visibleLast / kPageSize; ++page)
                requestPage(page);
        }
        Q_EMIT countChanged(m_count);
    }
    m_reader->continueCount(ticket, m_query, afterKey, countedSoFar);
}

void GalleryModel::onCount(quint64 ticket, qint64 count)
{
    if (ticket != m_countTicket)
        return;
    m_ready = true;
    m_countFinal = true;
    const bool changed = count != m_count;
    if (count > m_count) {
        beginInsertRows({}, int(m_count), int(count) - 1);
        m_count = count;
        endInsertRows();
    } else if (count < m_count) {
        beginRemoveRows({}, int(count), int(m_count) - 1);
        // Only loaded rows are held: those, not every removed row.
        m_loaded.truncate(int(count));
        m_count = count;
        endRemoveRows();
    }
    // Rows that moved under a page already read (or appended without one)
    // are reloaded rather than left as placeholders.
    if (changed)
        reloadVisible();
    Q_EMIT countChanged(m_count);
}

void GalleryModel::onPage(quint64 generation, qint64 offset, const QList<ImageRecord> &records)
{
    if (generation != m_generation || records.isEmpty())
        return;
    const int first = int(offset);
    const int fits = int(std::clamp<qint64>(m_count - first, 0, records.size()));
    m_loaded.storeRun(first, fits == records.size() ? records : records.mid(0, fits));
    const int last = first + fits - 1;
    if (last >= first)
        Q_EMIT dataChanged(index(first), index(std::min<int>(last, int(m_count) - 1)));
    // A page read after more commits than this model has counted.
    if (m_countFinal && offset + records.size() > m_count)
        recount();
    evictFarPages();
    m_thumbnails->schedule();
}

void GalleryModel::onRows(quint64 generation, const QList<QPair<qint64, qint64>> &rows)
{
    if (generation != m_generation)
        return;
    QList<QPair<qint64, qint64>> sorted = rows;
    std::sort(sorted.begin(), sorted.end(),
        [](const auto &a, const auto &b) { return a.second < b.second; });
    bool inserted = false;
    // New rows at consecutive places (a burst of adds at the top of a
    // newest-first gallery) go in as one run: one insert for the views.
    int runFirst = -1;
    int runCount = 0;
    const auto flush = [&] {
        if (runCount > 0)
            insertRows(runFirst, runCount);
        runCount = 0;
    };
    for (const auto &[key, row] : sorted) {
        // A renamed (re-rated) image in a name (rating) order: its new place, found like an
        // added one's, and moved there (the selection moves with it).
        if (m_renamed.remove(key) && row >= 0) {
            if (const int from = m_loaded.rowOf(key); from >= 0) {
                flush();
                moveRow(from, int(std::clamp<qint64>(row, 0, m_count - 1)));
                continue;
            }
        }
        if (row < 0 || m_loaded.containsKey(key))
            continue;
        const int at = int(std::clamp<qint64>(row, 0, m_count + runCount));
        if (runCount > 0 && at == runFirst + runCount) {
            ++runCount;
        } else {
            flush();
            runFirst = at;
            runCount = 1;
        }
        inserted = true;
    }
    flush();
    if (inserted) {
        // Positions were computed against the catalog as it is now, which
        // may be ahead of this model; reloading what is visible and the
        // count heals any difference.
        reloadVisible();
        Q_EMIT countChanged(m_count);
    }
    // Even when every key was already here (a page read after the commit
    // brought them), the count may still be behind.
    recount();
}

void GalleryModel::insertRows(int row, int count)
{
    beginInsertRows({}, row, row + count - 1);
    m_loaded.insertRows(row, count);
    m_count += count;
    endInsertRows();
}

void GalleryModel::moveRow(int from, int to)
{
    if (from == to || from < 0 || to < 0 || from >= m_count || to >= m_count)
        return;
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return;
    // Rows between the two places shift by one toward the old place; only
    // loaded rows are held, so this costs what is loaded.
    m_loaded.moveRow(from, to);
    endMoveRows();
}

void GalleryModel::removeRowAt(int row)
{
    beginRemoveRows({}, row, row);
    m_loaded.removeRow(row);
    --m_count;
    endRemoveRows();
}

void GalleryModel::reloadVisible()
{
    m_requestedPages.clear();
    const int first = m_visibleFirst >= 0 ? m_visibleFirst : 0;
    const int last = m_visibleFirst >= 0 ? m_visibleLast : kPageSize - 1;
    for (int page = first / kPageSize; page <= last / kPageSize; ++page)
        requestPage(page);
}

void GalleryModel::onRecords(const QList<ImageRecord> &records)
{
    bool anyMissing = false;
    QList<qint64> renamed;
    for (const ImageRecord &record : records) {
        const int row = m_loaded.rowOf(record.key);
        if (row < 0) {
            anyMissing = true;
            continue;
        }
        const ImageRecord *old = m_loaded.at(row);
        if (old && querysql::sortsElsewhere(m_query.order, *old, record))
            renamed.append(record.key);
        store(row, record);
        Q_EMIT dataChanged(index(row), index(row));
    }
    if (!renamed.isEmpty()) {
        for (qint64 key : std::as_const(renamed))
            m_renamed.insert(key);
        m_reader->requestRows(m_generation, m_query, renamed);
    }
    // A changed image may now match the search, or sort elsewhere.
    if (anyMissing || !m_query.search.isEmpty() || !m_query.tag.isEmpty()) {
        reloadVisible();
        recount();
    }
}

void GalleryModel::onThumbnails(const QList<qint64> &keys)
{
    RowRanges rows;
    rows.reserve(keys.size());
    for (qint64 key : keys) {
        if (const int row = m_loaded.rowOf(key); row >= 0)
            rows.append({ row, row });
    }
    // A batch is mostly a run of neighbouring rows: one dataChanged per
    // run, one repaint for the view.
    for (const auto &[first, last] : mergedRanges(std::move(rows)))
        Q_EMIT dataChanged(
            index(int(first)), index(int(last)), { ThumbnailRole, Qt::DecorationRole });
}

void GalleryModel::applyChanges(const ChangeBatch &batch)
{
    if (!batch.removed.isEmpty())
        Q_EMIT imagesRemoved(batch.removed);
    if (batch.bulk) {
        heal();
        return;
    }
    if (batch.removed.size() + batch.added.size() > kMaxPlacedChanges) {
        for (qint64 key : batch.removed)
            m_thumbnails->forget(key);
        heal();
        return;
    }
    if (!batch.removed.isEmpty())
        onImagesRemoved(batch.removed);
    if (!batch.added.isEmpty())
        onImagesAdded(batch.added);
    if (!batch.changed.isEmpty()) {
        // Only rows held here can show a difference; in a filtered or
        // name-ordered view a change may also move rows in or out.
        // A key also in added that is not held here is placed by the add.
        QList<qint64> loaded;
        bool unplaced = false;
        const QSet<qint64> added(batch.added.cbegin(), batch.added.cend());
        for (qint64 key : batch.changed) {
            if (m_loaded.containsKey(key))
                loaded.append(key);
            else if (!added.contains(key))
                unplaced = true;
        }
        if (!loaded.isEmpty())
            m_reader->requestRecords(loaded);
        else if (unplaced && (!m_query.search.isEmpty() || !m_query.tag.isEmpty()))
            heal();
    }
    for (qint64 key : batch.thumbnails) {
        m_thumbnails->forget(key);
        const int row = m_loaded.rowOf(key);
        if (row >= 0)
            Q_EMIT dataChanged(index(row), index(row), { ThumbnailRole, Qt::DecorationRole });
    }
    // A move in a collection changes no image, only collection_items: the
    // feed says CollectionsChanged, and the hand order is read again.
    if (batch.collectionsChanged && ImageQuery::isCollectionOrder(m_query.order))
        heal();
}

void GalleryModel::heal()
{
    reloadVisible();
    recount();
}

void GalleryModel::onImagesAdded(const QList<qint64> &keys)
{
    m_reader->requestRows(m_generation, m_query, keys);
}

void GalleryModel::onImagesRemoved(const QList<qint64> &keys)
{
    bool unknown = false;
    for (qint64 key : keys) {
        m_thumbnails->forget(key);
        const int row = m_loaded.rowOf(key);
        if (row >= 0)
            removeRowAt(row);
        else
            unknown = true;
    }
    if (unknown) {
        reloadVisible();
        recount();
    }
    Q_EMIT countChanged(m_count);
}

void GalleryModel::evictFarPages()
{
    if (m_loaded.size() <= kMaxCachedRows)
        return;
    const int centre = m_visibleFirst >= 0 ? (m_visibleFirst + m_visibleLast) / 2 : 0;
    const int keep = kMaxCachedRows / 2;
    m_loaded.dropIf([centre, keep](int row) { return std::abs(row - centre) > keep; },
        [this](int row) { m_requestedPages.remove(row / kPageSize); });
}

} // namespace trove
