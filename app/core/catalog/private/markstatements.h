// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogwriter.h"

#include <QList>

namespace trove {

struct WriterContext;

/// The statements on an image's marks: its rating and its favourite flag.
/// They run on the writer thread inside the batch transaction, under the
/// job's savepoint, and record the images they changed in the
/// WriterContext; CatalogWriter's facade submits them.
namespace statements {

/// Sets @p mark to @p value on @p keys; answers each image whose value
/// really changed with the value it had (images already there, and keys
/// not in the library, are left alone; the latter are answered in
/// MarkDelta::absent).
Result<MarkDelta> setMark(
    WriterContext &c, MarkDelta::Mark mark, const QList<qint64> &keys, int value);
/// Gives every image of @p delta the value it had before, if it still has
/// the one the edit set (MarkDelta::value).
Result<Reverted> revertMarks(WriterContext &c, const MarkDelta &delta);
/// Gives every image of @p delta @p value again, if it still has the value
/// it had before the edit.
Result<Reverted> reapplyMarks(WriterContext &c, const MarkDelta &delta, int value);

} // namespace statements

} // namespace trove
