// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogquery.h"
#include "catalog/tagvocabulary.h"

namespace trove {
class Connection;
struct TagCountsReport;
struct TagRename;
struct WriterContext;
} // namespace trove

/// The statements behind tag counts (any reader's connection) and tag
/// renames (the writer's).
namespace trove::tagstatements {

/// Tags of the images @p query matches, with counts, most first; see
/// CatalogReader::tagCounts().
Result<TagCountsReport> tagCounts(
    Connection &c, const ImageQuery &query, int limit, qint64 scanLimit);

/// The counts of the tags of the first `?` images matching @p where
/// ("WHERE …" on images i), top `?` first: tagCounts()'s query when a
/// search is set; its own function so that tests can read its plan.
QString countsOfMatchesSql(const QString &where);

/// Every image tagged @p from is tagged @p to instead (a merge when some
/// already were); answers what undoing it needs.
Result<TagRename> renameTag(WriterContext &c, const QString &from, const QString &to);
/// Takes that back; answers how many images changed.
Result<int> revertTagRename(WriterContext &c, const TagRename &renamed);

} // namespace trove::tagstatements
