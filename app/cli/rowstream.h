// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogreader.h"
#include "storage/librarypaths.h"

#include <functional>

namespace trove::cli {

/// CatalogReader::forEach(), with the records read on a thread of its own
/// (a catalog connection of its own) while @p visit prints them on the
/// calling thread: SQLite and the printing overlap on two cores. Records
/// travel in batches of a few thousand through a bounded queue, so a
/// million never sit in memory. @p visit returns false to stop; the reader
/// then stops at its next batch.
Result<void> streamRecords(const LibraryPaths &paths, const ImageQuery &query,
    const std::function<bool(const ImageRecord &)> &visit,
    CatalogReader::Detail detail = CatalogReader::Detail::Full);

} // namespace trove::cli
