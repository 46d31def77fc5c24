// SPDX-License-Identifier: MIT
#pragma once

#include <QItemSelection>
#include <QList>
#include <QPair>
#include <algorithm>
#include <utility>

namespace trove {

/// Rows (first, last; inclusive) in order, none overlapping or touching.
using RowRanges = QList<QPair<qint64, qint64>>;

/// @p ranges in order, those that overlap or touch merged into one.
inline RowRanges mergedRanges(RowRanges ranges)
{
    std::sort(ranges.begin(), ranges.end());
    RowRanges merged;
    for (const auto &range : std::as_const(ranges)) {
        if (!merged.isEmpty() && range.first <= merged.last().second + 1)
            merged.last().second = std::max(merged.last().second, range.second);
        else
            merged.append(range);
    }
    return merged;
}

/// The rows of @p selection as RowRanges. A selection holds ranges (Select
/// All of a million rows is one): this walks those, where
/// selectedIndexes() would build an index per row.
inline RowRanges rowRanges(const QItemSelection &selection)
{
    RowRanges ranges;
    ranges.reserve(selection.size());
    for (const QItemSelectionRange &range : selection)
        ranges.append({ range.top(), range.bottom() });
    return mergedRanges(std::move(ranges));
}

/// How many rows @p ranges hold.
inline qint64 rowsIn(const RowRanges &ranges)
{
    qint64 n = 0;
    for (const auto &[first, last] : ranges)
        n += last - first + 1;
    return n;
}

} // namespace trove
