// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogwriter.h"
#include "similar/perceptualhash.h"

#include <QList>
#include <QPair>

namespace trove {

struct WriterContext;

/// The statements of "similar images": perceptual hashes, merging
/// duplicates and remembering pairs that are not. Writer thread only,
/// inside the batch transaction, like statements/imagestatements.h.
namespace statements {

/// Stores @p hash for @p key unless it has one (an invalid hash is stored
/// as "cannot be hashed"). @p replace: overwrite.
Result<void> putHash(WriterContext &c, qint64 key, const ImageHash &hash, bool replace = false);
/// putHash() for many; keys no longer in the library are skipped.
Result<int> putHashes(WriterContext &c, const QList<QPair<qint64, ImageHash>> &hashes);
Result<MergeOutcome> merge(WriterContext &c, qint64 keep, const QList<qint64> &others);
Result<int> unmerge(WriterContext &c, const MergeOutcome &merged);
Result<int> markNotDuplicates(WriterContext &c, const QList<QPair<qint64, qint64>> &pairs);

} // namespace statements

} // namespace trove
