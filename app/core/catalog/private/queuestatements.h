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

/// Writes queue rows for @p requests; in the same transaction forgets the
/// folder walks @p walksEnded, whose last files these are.
Result<QList<qint64>> enqueue(
    WriterContext &c, const QList<IngestRequest> &requests, const QList<qint64> &walksEnded = {});
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

/// Remembers a folder import that starts walking (table `folder_walks`):
/// @p folder names the folder (source) and the add's name, tags and flags.
Result<void> beginFolderWalk(WriterContext &c, qint64 walkId, const IngestRequest &folder);
/// Forgets folder walks that ended (or were cancelled by a person).
Result<void> endFolderWalks(WriterContext &c, const QList<qint64> &walkIds);
/// Takes over the folder walks of processes that are gone (or that let go
/// of them), oldest first, each with the files unfinished queue rows hold.
Result<QList<FolderWalkRow>> claimOrphanedFolderWalks(WriterContext &c);
/// Lets go of this process's walks @p walkIds, for the next process.
Result<void> releaseFolderWalks(WriterContext &c, const QList<qint64> &walkIds);

} // namespace statements

} // namespace trove
