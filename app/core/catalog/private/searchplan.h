// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogreader.h"
#include "catalog/searchsql.h"

namespace trove {

/// How CatalogReader answers a search of several terms: which term collects
/// the matches (by capped counts of the candidates), whether a count would
/// hold the first screen back, and such a count in windows of keys. Runs on
/// the reader's connection, on its thread.
namespace searchplan {

/// How a filtered query is best answered.
struct Plan {
    querysql::Driver driver;
    qint64 estimate = -1; ///< the driving term's matches, up to its cap; -1: unknown
    bool many = false; ///< the estimate reached its cap
    size_t terms = 0; ///< conjuncts
};

Plan planFor(Connection &catalog, const ImageQuery &query);
/// Whether counting it whole would hold the first screen back: nothing an
/// index collects, or a driving term with many matches to test.
bool countsInWindows(const Plan &plan, const ImageQuery &query);
/// One step of such a count: the matches among the keys after @p afterKey,
/// in a window of max(@p step, afterKey) keys.
Result<CatalogReader::CountStep> countWindow(
    Connection &catalog, const Plan &plan, const ImageQuery &query, qint64 afterKey, qint64 step);

} // namespace searchplan

} // namespace trove
