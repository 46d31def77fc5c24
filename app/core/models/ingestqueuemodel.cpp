// SPDX-License-Identifier: MIT
#include "models/ingestqueuemodel.h"

#include "ingest/sourcelabel.h"

#include <algorithm>

namespace trove {

IngestQueueModel::IngestQueueModel(IngestPipeline *pipeline, QObject *parent)
    : QAbstractListModel(parent)
    , m_pipeline(pipeline)
{
    const QList<quint64> ids = pipeline->itemIds();
    m_ids.assign(ids.cbegin(), ids.cend());
    Q_ASSERT(std::is_sorted(m_ids.cbegin(), m_ids.cend()));
    recount();
    connect(pipeline, &IngestPipeline::itemsAdded, this, &IngestQueueModel::onAdded);
    connect(pipeline, &IngestPipeline::itemChanged, this, &IngestQueueModel::onChanged);
    connect(pipeline, &IngestPipeline::itemsRemoved, this, &IngestQueueModel::onRemoved);
    connect(pipeline, &IngestPipeline::itemsChanged, this, [this] {
        recount(); // one pass for a bulk change (Cancel All)
        if (!m_ids.empty())
            Q_EMIT dataChanged(index(0), index(int(m_ids.size()) - 1));
    });
}

int IngestQueueModel::rowOf(quint64 id) const
{
    const auto it = std::lower_bound(m_ids.cbegin(), m_ids.cend(), id);
    return it != m_ids.cend() && *it == id ? int(it - m_ids.cbegin()) : -1;
}

int IngestQueueModel::nextFailedRow(int from) const
{
    if (m_failedIds.empty())
        return -1;
    // Rows are in id order, so the first failed id at or after the row's
    // id is the next failed row.
    const int rows = int(m_ids.size());
    auto it = from > 0 && from < rows ? m_failedIds.lower_bound(m_ids[std::size_t(from)])
                                      : m_failedIds.begin();
    if (from >= rows || it == m_failedIds.end())
        it = m_failedIds.begin(); // wrap
    return rowOf(*it);
}

int IngestQueueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QHash<int, QByteArray> IngestQueueModel::roleNames() const
{
    auto names = QAbstractListModel::roleNames();
    names.insert({ { ItemIdRole, "itemId" }, { SourceRole, "source" }, { StateRole, "state" },
        { StateTextRole, "stateText" }, { ProgressRole, "progress" }, { ReceivedRole, "received" },
        { TotalRole, "total" }, { ErrorRole, "error" }, { ImageIdRole, "imageId" },
        { ImageNameRole, "imageName" }, { ImageKeyRole, "imageKey" }, { FinishedRole, "finished" },
        { NoteRole, "note" } });
    return names;
}

QString IngestQueueModel::stateText(IngestState state)
{
    switch (state) {
    case IngestState::Queued:
        return tr("Queued");
    case IngestState::Downloading:
        return tr("Downloading");
    case IngestState::Processing:
        return tr("Processing");
    case IngestState::Done:
        return tr("Added");
    case IngestState::Duplicate:
        return tr("Already in library");
    case IngestState::Failed:
        return tr("Failed");
    case IngestState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QVariant IngestQueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const IngestItem *item = m_pipeline->item(m_ids[index.row()]);
    if (!item)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return SourceLabel::display(item->request);
    case SourceRole:
        return item->request.source;
    case Qt::ToolTipRole: {
        const QString source = SourceLabel::full(item->request);
        if (!item->error.isEmpty())
            return source + QLatin1Char('\n') + item->error;
        if (!item->note.isEmpty())
            return source + QLatin1Char('\n') + item->note;
        return source;
    }
    case ItemIdRole:
        return item->id;
    case StateRole:
        return int(item->state);
    case StateTextRole:
        if (!isFinished(item->state) && !item->note.isEmpty())
            return item->note; // "retrying in 12 s (HTTP 429)"
        return item->error.isEmpty() || item->state == IngestState::Cancelled
            ? stateText(item->state)
            : tr("Failed: %1").arg(item->error);
    case ProgressRole:
        if (item->state == IngestState::Done || item->state == IngestState::Duplicate)
            return 100;
        if (item->total > 0)
            return int(100 * item->received / item->total);
        return -1;
    case ReceivedRole:
        return item->received;
    case TotalRole:
        return item->total;
    case ErrorRole:
        return item->error;
    case ImageIdRole:
        return item->imageId;
    case ImageNameRole:
        return item->imageName;
    case ImageKeyRole:
        return item->imageKey;
    case FinishedRole:
        return isFinished(item->state);
    case RemovedBeforeRole:
        return item->removedBefore && item->state == IngestState::Failed;
    case NoteRole:
        return item->note;
    default:
        return {};
    }
}

void IngestQueueModel::onAdded(quint64 first, quint64 last)
{
    if (last < first)
        return;
    const int row = int(m_ids.size());
    const int count = int(last - first + 1);
    Q_ASSERT(m_ids.empty() || m_ids.back() < first);
    beginInsertRows({}, row, row + count - 1);
    for (quint64 id = first; id <= last; ++id) {
        m_ids.push_back(id);
        track(id); // refused links arrive already failed
    }
    endInsertRows();
    emitTotals();
}

void IngestQueueModel::onChanged(quint64 id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row), index(row));
    // Progress ticks are frequent; totals move only when an item finishes.
    const int failedBefore = m_failed;
    if (track(id)) {
        emitTotals();
        if (m_failed > failedBefore)
            Q_EMIT rowFailed(row);
    }
}

void IngestQueueModel::onRemoved(const QList<quint64> &ids)
{
    QList<int> rows;
    rows.reserve(ids.size());
    for (quint64 id : ids) {
        m_finished -= int(m_finishedIds.erase(id));
        m_failed -= int(m_failedIds.erase(id));
        if (const int row = rowOf(id); row >= 0)
            rows.append(row);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // Contiguous runs, removed from the back so the rows ahead keep their
    // numbers. Clearing finished items leaves few runs (the unfinished
    // ones sit together at the end); a scatter of many runs is one reset
    // rather than thousands of moves of the whole list.
    int runs = 0;
    for (int i = 0; i < rows.size(); ++i)
        runs += int(i == 0 || rows[i] != rows[i - 1] + 1);
    constexpr int kMaxRuns = 64;
    if (runs > kMaxRuns) {
        beginResetModel();
        const QSet<quint64> gone(ids.cbegin(), ids.cend());
        std::erase_if(m_ids, [&](quint64 id) { return gone.contains(id); });
        endResetModel();
    } else {
        for (qsizetype end = rows.size(); end > 0;) {
            qsizetype begin = end - 1;
            while (begin > 0 && rows[begin - 1] == rows[begin] - 1)
                --begin;
            beginRemoveRows({}, rows[begin], rows[end - 1]);
            m_ids.erase(m_ids.begin() + rows[begin], m_ids.begin() + rows[end - 1] + 1);
            endRemoveRows();
            end = begin;
        }
    }
    emitTotals();
}

bool IngestQueueModel::track(quint64 id)
{
    const IngestItem *item = m_pipeline->item(id);
    const bool finished = item && isFinished(item->state);
    const bool failed = item && item->state == IngestState::Failed;
    bool moved = false;
    if (finished != m_finishedIds.contains(id)) {
        finished ? (void)m_finishedIds.insert(id) : (void)m_finishedIds.erase(id);
        m_finished += finished ? 1 : -1;
        moved = true;
    }
    if (failed != m_failedIds.contains(id)) {
        failed ? (void)m_failedIds.insert(id) : (void)m_failedIds.erase(id);
        m_failed += failed ? 1 : -1;
        moved = true;
    }
    return moved;
}

void IngestQueueModel::recount()
{
    m_finishedIds.clear();
    m_failedIds.clear();
    m_finished = 0;
    m_failed = 0;
    for (quint64 id : std::as_const(m_ids))
        track(id);
    emitTotals();
}

void IngestQueueModel::emitTotals()
{
    Q_EMIT totalsChanged(m_finished, int(m_ids.size()));
}

} // namespace trove
