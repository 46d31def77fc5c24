// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"

#include <functional>
#include <optional>
#include <vector>

namespace trove {

/// The records a GalleryModel holds, by row: a few thousand pages' worth,
/// a small window on a query of any size. Rows are kept sorted in arrays,
/// so that an insert or removal elsewhere shifts row numbers (integers)
/// and never copies a record or rebuilds a hash: a stream of new images
/// arriving at the top of a newest-first gallery cost a copy of every
/// loaded record per image before. Lookups by row are binary searches;
/// by key a scan of the keys only (contiguous, a few thousand).
/// A value; not thread-safe.
class LoadedRows final {
public:
    int size() const { return int(m_rows.size()); }
    bool isEmpty() const { return m_rows.empty(); }
    void clear();

    /// The record at @p row, or null when it is not loaded.
    const ImageRecord *at(int row) const;
    /// The row of the loaded record with @p key, or -1.
    int rowOf(qint64 key) const;
    bool containsKey(qint64 key) const { return rowOf(key) >= 0; }

    /// Puts @p record at @p row, replacing what was there; the same image
    /// held at another row (a stale copy) is dropped.
    void store(int row, const ImageRecord &record);
    /// Puts @p records at @p first, @p first + 1, …, in one pass.
    void storeRun(int first, const QList<ImageRecord> &records);

    /// Rows at or after @p row move down by @p count.
    void insertRows(int row, int count);
    /// Drops the record at @p row (if loaded); the rows after it move up.
    void removeRow(int row);
    /// Moves the row @p from to @p to, the rows between shifting by one.
    void moveRow(int from, int to);
    /// Drops every record at @p count or after.
    void truncate(int count);
    /// Drops the records whose row @p drop says so, calling @p dropped
    /// with each dropped row.
    void dropIf(
        const std::function<bool(int row)> &drop, const std::function<void(int row)> &dropped);

    /// Calls @p visit(row, record) for each loaded record, rising.
    void forEach(const std::function<void(int row, const ImageRecord &record)> &visit) const;

private:
    qsizetype lowerBound(int row) const;
    void eraseAt(qsizetype index);
    /// Removes every entry @p drop names by index, in one pass; the rest
    /// keep their order.
    void eraseWhere(const std::function<bool(qsizetype index)> &drop);

    std::vector<int> m_rows; ///< rising
    std::vector<qint64> m_keys; ///< m_records[i].key, for scanning
    std::vector<ImageRecord> m_records;
};

} // namespace trove
