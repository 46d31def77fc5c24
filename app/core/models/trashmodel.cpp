// SPDX-License-Identifier: MIT
#include "models/trashmodel.h"

#include "catalog/libraryreader.h"

#include <QLocale>
#include <QTimer>
#include <algorithm>
#include <limits>
#include <utility>

namespace trove {

namespace {

// The thumbnail beside a name, at most this many pixels a side.
constexpr int kIconSide = 48;
// Pages kept read; past this, pages far from the one asked for go.
constexpr int kMaxPages = 40;
constexpr int kKeepPagesAround = 15;

} // namespace

TrashModel::TrashModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    m_thumbnails.setMaxCost(512); // icons of 48 px: about 5 MB (18 MB at 2x)
    m_grow.setSingleShot(true);
    m_grow.setInterval(0);
    connect(&m_grow, &QTimer::timeout, this, &TrashModel::growRows);
}

void TrashModel::setIconScale(qreal scale)
{
    if (qFuzzyCompare(scale, m_iconScale))
        return;
    m_iconScale = scale;
    m_thumbnails.clear();
    m_thumbnailAsked.clear();
    if (rowCount() > 0)
        Q_EMIT dataChanged(
            index(0, NameColumn), index(rowCount() - 1, NameColumn), { Qt::DecorationRole });
}

TrashModel::~TrashModel() = default;

void TrashModel::setReader(LibraryReader *reader)
{
    if (m_reader)
        disconnect(m_reader, nullptr, this, nullptr);
    beginResetModel();
    m_reader = reader;
    ++m_generation;
    m_shownGeneration = m_generation;
    m_total = 0;
    m_rows = 0;
    m_all = 0;
    m_counted = false;
    m_viewChanged = false;
    m_pages.clear();
    m_requested.clear();
    m_rowOfKey.clear();
    m_thumbnailAsked.clear();
    m_thumbnails.clear();
    m_tickets.clear();
    endResetModel();
    if (!reader)
        return;
    connect(reader, &LibraryReader::trashPageReady, this, &TrashModel::onPage);
    connect(reader, &LibraryReader::trashKeysReady, this, &TrashModel::onKeys);
    connect(reader, &LibraryReader::changesReady, this, &TrashModel::onChanges);
    connect(reader, &LibraryReader::thumbnailsReady, this, &TrashModel::onThumbnails);
    refresh();
}

void TrashModel::refresh()
{
    if (!m_reader)
        return;
    // What is shown stays until the new first page says whether anything
    // moved; rows asked for meanwhile are read under the new generation.
    ++m_generation;
    m_requested.clear();
    request(0);
}

void TrashModel::setFilter(const QString &filter)
{
    const QString simplified = filter.simplified();
    if (simplified == m_filter)
        return;
    m_filter = simplified;
    // Another filter with the same count and first rows still keeps other
    // rows further down: what is shown goes when the answer comes.
    m_viewChanged = true;
    refresh();
}

void TrashModel::setOrder(TrashOrder order)
{
    if (order == m_order)
        return;
    m_order = order;
    // The same rows in another order: nothing shown stays where it was.
    m_viewChanged = true;
    refresh();
}

namespace {

// Each order of the trash and the header click that shows it: the one
// table both directions read.
struct SortColumn {
    TrashOrder order;
    int column;
    Qt::SortOrder direction;
};
constexpr SortColumn kSortColumns[] = {
    { TrashOrder::NewestFirst, TrashModel::RemovedColumn, Qt::DescendingOrder },
    { TrashOrder::OldestFirst, TrashModel::RemovedColumn, Qt::AscendingOrder },
    { TrashOrder::NameAscending, TrashModel::NameColumn, Qt::AscendingOrder },
    { TrashOrder::NameDescending, TrashModel::NameColumn, Qt::DescendingOrder },
    { TrashOrder::LargestFirst, TrashModel::SizeColumn, Qt::DescendingOrder },
    { TrashOrder::SmallestFirst, TrashModel::SizeColumn, Qt::AscendingOrder },
    { TrashOrder::FormatAscending, TrashModel::FormatColumn, Qt::AscendingOrder },
    { TrashOrder::FormatDescending, TrashModel::FormatColumn, Qt::DescendingOrder },
};

} // namespace

void TrashModel::sort(int column, Qt::SortOrder order)
{
    for (const SortColumn &s : kSortColumns) {
        if (s.column == column && s.direction == order) {
            setOrder(s.order);
            return;
        }
    }
}

QPair<int, Qt::SortOrder> TrashModel::sortIndicator(TrashOrder order)
{
    for (const SortColumn &s : kSortColumns) {
        if (s.order == order)
            return { s.column, s.direction };
    }
    return { RemovedColumn, Qt::DescendingOrder };
}

const TrashRecord *TrashModel::recordAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return nullptr;
    const auto it = m_pages.constFind(row / kPageSize);
    if (it == m_pages.cend() || row % kPageSize >= it->size())
        return nullptr;
    return &it->at(row % kPageSize);
}

quint64 TrashModel::resolveKeys(const QList<QPair<qint64, qint64>> &ranges, Scope scope)
{
    const quint64 ticket = ++m_nextTicket;
    if (!m_reader) {
        QTimer::singleShot(
            0, this, [this, ticket] { Q_EMIT keysResolved(ticket, {}, tr("no library is open")); });
        return ticket;
    }
    const bool whole = scope == Scope::Whole;
    m_tickets.insert(ticket, whole ? m_all : m_total);
    // The whole trash is asked for as one range of all its rows: any order
    // names the same keys.
    if (whole)
        m_reader->requestTrashKeys(ticket, ranges);
    else
        m_reader->requestTrashKeys(ticket, ranges, m_filter, m_order);
    return ticket;
}

int TrashModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_counted ? 0 : m_rows;
}

void TrashModel::growRows()
{
    const int all = int(std::min<qint64>(m_total, std::numeric_limits<int>::max()));
    if (!m_counted || m_rows >= all)
        return;
    const int last = int(std::min<qint64>(qint64(m_rows) + m_rowsPerTurn, all)) - 1;
    beginInsertRows({}, m_rows, last);
    m_rows = last + 1;
    endInsertRows();
    if (m_rows < all)
        m_grow.start();
}

int TrashModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TrashModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TrashRecord *record = recordAt(index.row());
    if (!record) {
        request(index.row() / kPageSize);
        if (role == Qt::DisplayRole && index.column() == NameColumn)
            return QStringLiteral("…");
        if (role == LoadedRole)
            return false;
        if (role == KeyRole)
            return qint64(0);
        return {};
    }
    const ImageRecord &image = record->image;
    switch (role) {
    case KeyRole:
        return image.key;
    case LoadedRole:
        return true;
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return image.name;
        case RemovedColumn:
            return QLocale().toString(record->trashedAt.toLocalTime(), QLocale::ShortFormat);
        case FormatColumn:
            return image.format.toUpper();
        case SizeColumn:
            return QLocale().formattedDataSize(image.originalBytes, 1);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == NameColumn)
            return tr("%1\n%2 × %3, %4, added %5")
                .arg(image.name)
                .arg(image.width)
                .arg(image.height)
                .arg(image.format.toUpper(),
                    QLocale().toString(image.addedAt.toLocalTime(), QLocale::ShortFormat));
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        if (const QImage *icon = m_thumbnails.object(image.key))
            return *icon;
        if (m_reader && !m_thumbnailAsked.contains(image.key)) {
            m_thumbnailAsked.insert(image.key);
            // Collected over one paint, asked for once.
            if (m_thumbnailWanted.isEmpty())
                QTimer::singleShot(0, this, [this] {
                    if (m_reader && !m_thumbnailWanted.isEmpty())
                        m_reader->requestTrashThumbnails(
                            m_thumbnailWanted, qRound(kIconSide * m_iconScale), m_iconScale);
                    m_thumbnailWanted.clear();
                });
            m_thumbnailWanted.append(image.key);
        }
        return {};
    default:
        return {};
    }
}

QVariant TrashModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case RemovedColumn:
        return tr("Removed");
    case FormatColumn:
        return tr("Format");
    case SizeColumn:
        return tr("Size");
    case ColumnCount:
        break;
    }
    return {};
}

void TrashModel::request(qint64 page) const
{
    if (!m_reader || m_requested.contains(page))
        return;
    m_requested.insert(page);
    m_reader->requestTrashPage(m_generation, page * kPageSize, kPageSize, m_filter, m_order);
}

void TrashModel::onPage(
    quint64 generation, qint64 offset, qint64 total, qint64 all, const QList<TrashRecord> &rows)
{
    if (generation != m_generation)
        return;
    const qint64 page = offset / kPageSize;
    const bool allMoved = all != m_all;
    m_all = all;
    if (m_shownGeneration != m_generation) {
        // The first answer since a change: keep what is shown (and its
        // selection) when the trash is as it was, which is what a change
        // elsewhere in the library (an ingest) leaves it.
        const auto shown = m_pages.constFind(page);
        bool same = !std::exchange(m_viewChanged, false) && m_counted && total == m_total
            && shown != m_pages.cend() && shown->size() == rows.size();
        for (qsizetype i = 0; same && i < rows.size(); ++i)
            same = shown->at(i).image.key == rows.at(i).image.key
                && shown->at(i).trashedAt == rows.at(i).trashedAt;
        m_shownGeneration = m_generation;
        if (!same) {
            beginResetModel();
            m_total = total;
            m_rows = int(std::min<qint64>(total, m_rowsPerTurn));
            m_counted = true;
            m_pages.clear();
            m_rowOfKey.clear();
            m_requested = { page };
            storePage(page, rows);
            endResetModel();
            if (m_rows < m_total)
                m_grow.start();
            Q_EMIT counted(m_total);
            return;
        }
        // Same rows: the other pages read before stay valid; the ones
        // asked for under the old generation are asked again if needed.
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            m_requested.insert(it.key());
        // A filter that hides what moved: the trash's size is news.
        if (allMoved)
            Q_EMIT counted(m_total);
    } else if (total != m_total) {
        // Moved between two reads: its change is on its way in the feed.
        refresh();
        return;
    }
    storePage(page, rows);
    // Rows the view is not told of yet have nothing to update.
    const qint64 lastShown = std::min<qint64>(offset + rows.size(), m_rows) - 1;
    if (lastShown >= offset)
        Q_EMIT dataChanged(index(int(offset), 0), index(int(lastShown), ColumnCount - 1));
}

void TrashModel::storePage(qint64 page, const QList<TrashRecord> &rows)
{
    dropFarPages(page);
    m_pages.insert(page, rows);
    for (qsizetype i = 0; i < rows.size(); ++i)
        m_rowOfKey.insert(rows.at(i).image.key, int(page * kPageSize + i));
}

void TrashModel::dropFarPages(qint64 near)
{
    if (m_pages.size() < kMaxPages)
        return;
    for (auto it = m_pages.begin(); it != m_pages.end();) {
        if (std::abs(it.key() - near) > kKeepPagesAround) {
            for (const TrashRecord &r : std::as_const(*it))
                m_rowOfKey.remove(r.image.key);
            m_requested.remove(it.key());
            it = m_pages.erase(it);
        } else {
            ++it;
        }
    }
}

void TrashModel::onKeys(
    quint64 ticket, qint64 total, const QList<qint64> &keys, const QString &error)
{
    const auto asked = m_tickets.constFind(ticket);
    if (asked == m_tickets.cend())
        return;
    const qint64 shown = *asked;
    m_tickets.erase(asked);
    if (!error.isEmpty())
        Q_EMIT keysResolved(ticket, {}, error);
    else if (total != shown)
        Q_EMIT keysResolved(ticket, {}, tr("the trash changed meanwhile; choose the images again"));
    else
        Q_EMIT keysResolved(ticket, keys, {});
}

void TrashModel::onChanges(const ChangeBatch &batch)
{
    // Into the trash (removed), out of it (added back), emptied.
    if (batch.trashEmptied || batch.bulk || !batch.removed.isEmpty() || !batch.added.isEmpty())
        refresh();
}

void TrashModel::onThumbnails(const QList<KeyedThumbnail> &thumbnails, int side)
{
    Q_UNUSED(side)
    int first = -1;
    int last = -1;
    for (const auto &[key, image] : thumbnails) {
        // Asked again when it is wanted again (its icon may leave the cache).
        m_thumbnailAsked.remove(key);
        const auto row = m_rowOfKey.constFind(key);
        if (row == m_rowOfKey.cend() || *row >= m_rows || image.isNull())
            continue;
        // Made small by the reader; one the gallery asked for is larger.
        const int device = qRound(kIconSide * m_iconScale);
        QImage icon = image.width() > device || image.height() > device
            ? image.scaled(device, device, Qt::KeepAspectRatio, Qt::SmoothTransformation)
            : image;
        icon.setDevicePixelRatio(m_iconScale);
        m_thumbnails.insert(key, new QImage(std::move(icon)));
        first = first < 0 ? *row : std::min(first, *row);
        last = std::max(last, *row);
    }
    if (first >= 0)
        Q_EMIT dataChanged(
            index(first, NameColumn), index(last, NameColumn), { Qt::DecorationRole });
}

} // namespace trove
