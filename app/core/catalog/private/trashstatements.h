// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogwriter.h"

#include <QList>

namespace trove {

struct WriterContext;

/// The statements on the trash (tables `trash` and `removed_hashes`). They
/// run on the writer thread inside the batch transaction, under the job's
/// savepoint, and record what they touched in the WriterContext;
/// CatalogWriter's facade submits them.
namespace statements {

/// Copies each image with its tags and sources into `trash` and deletes its
/// row; blob and thumbnail stay.
Result<int> moveToTrash(WriterContext &c, const QList<qint64> &keys);
/// Puts trash rows back under their key (or merges them into the image that
/// holds the same bytes by now).
Result<TrashRestore> restoreFromTrash(WriterContext &c, const QList<qint64> &keys);
/// Takes merges of restoreFromTrash() back: the trash rows come back as they
/// were, the images they merged into lose what they gained.
Result<int> unmergeRestored(WriterContext &c, const QList<RestoreMerge> &merges);
/// Deletes trash rows, remembers their bytes and journals their blobs; a
/// blob goes after the commit when no row names it any more.
Result<int> emptyTrash(WriterContext &c, const TrashFilter &filter);

} // namespace statements

} // namespace trove
