// SPDX-License-Identifier: MIT
#pragma once

// What the reader does when the window shows a new query, for the probes
// that time it against the library (search, collections).

#include "catalog/catalogreader.h"
#include "catalog/libraryreader.h"

#include <QElapsedTimer>
#include <optional>

namespace trove::bench {

/// GalleryModel's first screen: the first count step (a text alone counts
/// in steps), then the first page of @p pageSize rows with the total once it
/// is known. Milliseconds, or nothing when either failed.
inline std::optional<double> firstScreenMs(
    CatalogReader &reader, const ImageQuery &query, qint64 pageSize)
{
    QElapsedTimer clock;
    clock.start();
    auto step = reader.countStep(query, 0, LibraryReader::kCountStep);
    if (!step)
        return std::nullopt;
    if (!reader.page(query, 0, pageSize, step->complete ? step->count : -1))
        return std::nullopt;
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace trove::bench
