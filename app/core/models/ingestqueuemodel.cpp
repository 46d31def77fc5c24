// SPDX-License-Identifier: MIT
#include "models/ingestqueuemodel.h"

namespace trove {

IngestQueueModel::IngestQueueModel(IngestPipeline *pipeline, QObject *parent)
    : QAbstractListModel(parent)
    , m_pipeline(pipeline)
{
    m_ids = pipeline->itemIds();
    for (int i = 0; i < m_ids.size(); ++i)
        m_rowOf.insert(m_ids[i], i);
    recount();
    connect(pipeline, &IngestPipeline::itemAdded, this, &IngestQueueModel::onAdded);
    connect(pipeline, &IngestPipeline::itemChanged, this, &IngestQueueModel::onChanged);
    connect(pipeline, &IngestPipeline::itemsRemoved, this, &IngestQueueModel::onRemoved);
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
    case SourceRole:
        return item->request.source;
    case Qt::ToolTipRole:
        if (!item->error.isEmpty())
            return item->request.source + QLatin1Char('\n') + item->error;
        if (!item->note.isEmpty())
            return item->request.source + QLatin1Char('\n') + item->note;
        return item->request.source;
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

void IngestQueueModel::onAdded(quint64 id)
{
    const int row = int(m_ids.size());
    beginInsertRows({}, row, row);
    m_ids.append(id);
    m_rowOf.insert(id, row);
    endInsertRows();
    recount();
}

void IngestQueueModel::onChanged(quint64 id)
{
    const int row = m_rowOf.value(id, -1);
    if (row < 0)
        return;
    Q_EMIT dataChanged(index(row), index(row));
    // Progress ticks are frequent; totals move only when an item finishes.
    const IngestItem *item = m_pipeline->item(id);
    if (item && isFinished(item->state) != m_finishedIds.contains(id))
        recount();
}

void IngestQueueModel::onRemoved(const QList<quint64> &ids)
{
    for (quint64 id : ids) {
        const int row = m_rowOf.value(id, -1);
        if (row < 0)
            continue;
        beginRemoveRows({}, row, row);
        m_ids.removeAt(row);
        m_rowOf.clear();
        for (int i = 0; i < m_ids.size(); ++i)
            m_rowOf.insert(m_ids[i], i);
        endRemoveRows();
    }
    recount();
}

void IngestQueueModel::recount()
{
    m_finishedIds.clear();
    int failed = 0;
    for (quint64 id : std::as_const(m_ids)) {
        const IngestItem *item = m_pipeline->item(id);
        if (item && isFinished(item->state)) {
            m_finishedIds.insert(id);
            if (item->state == IngestState::Failed)
                ++failed;
        }
    }
    m_finished = int(m_finishedIds.size());
    m_failed = failed;
    Q_EMIT totalsChanged(m_finished, int(m_ids.size()));
}

} // namespace trove
