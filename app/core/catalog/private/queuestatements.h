// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "ingest/ingesttypes.h"

#include <QList>

namespace trove {

struct WriterContext;

/// The statements on the persisted ingest queue (table `queue`). They run on
/// the writer thread, inside the batch transaction CatalogWriterWorker opens;
/// CatalogWriter's facade submits them. States are compared as IngestState,
/// never as literal numbers.
namespace statements {

Result<QList<qint64>> enqueue(WriterContext &c, const QList<IngestRequest> &requests);
/// Records a row's final state (or a retry); @p imageId names the image it
/// produced. No-op for @p queueId <= 0 (work that has no row).
Result<void> finishQueueRow(WriterContext &c, qint64 queueId, IngestState state,
    const QString &error, const QString &imageId = {});
/// finishQueueRow() for many rows in one statement.
Result<void> finishQueueRows(
    WriterContext &c, const QList<qint64> &queueIds, IngestState state, const QString &error);
Result<bool> deleteQueueRows(WriterContext &c, const QList<qint64> &queueIds);
Result<int> releaseQueueRows(WriterContext &c, const QList<qint64> &queueIds);
Result<QList<QueueRow>> claimOrphanedQueueRows(WriterContext &c);
/// Failed and cancelled rows of processes that are gone (newest first, at
/// most @p limit): a queue's history, taken over to show again.
Result<QList<QueueRow>> claimQueueHistory(WriterContext &c, int limit);

} // namespace statements

} // namespace trove
