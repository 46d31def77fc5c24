// SPDX-License-Identifier: MIT
#include "ingest/queuefilter.h"

#include "models/ingestqueuemodel.h"

namespace trove::ui {

void QueueFilter::setMode(Mode mode)
{
    m_mode = mode;
    invalidateFilter();
}

bool QueueFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const auto state = IngestState(
        sourceModel()->index(row, 0, parent).data(IngestQueueModel::StateRole).toInt());
    switch (m_mode) {
    case Mode::Active:
        return !isFinished(state);
    case Mode::Failed:
        return state == IngestState::Failed;
    case Mode::All:
        break;
    }
    return true;
}

} // namespace trove::ui
