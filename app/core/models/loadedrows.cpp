// SPDX-License-Identifier: MIT
#include "models/loadedrows.h"

#include <QSet>
#include <algorithm>

namespace trove {

void LoadedRows::clear()
{
    m_rows.clear();
    m_keys.clear();
    m_records.clear();
}

qsizetype LoadedRows::lowerBound(int row) const
{
    return std::lower_bound(m_rows.cbegin(), m_rows.cend(), row) - m_rows.cbegin();
}

const ImageRecord *LoadedRows::at(int row) const
{
    const qsizetype i = lowerBound(row);
    return i < qsizetype(m_rows.size()) && m_rows[i] == row ? &m_records[i] : nullptr;
}

int LoadedRows::rowOf(qint64 key) const
{
    const auto it = std::find(m_keys.cbegin(), m_keys.cend(), key);
    return it == m_keys.cend() ? -1 : m_rows[it - m_keys.cbegin()];
}

void LoadedRows::eraseAt(qsizetype index)
{
    m_rows.erase(m_rows.begin() + index);
    m_keys.erase(m_keys.begin() + index);
    m_records.erase(m_records.begin() + index);
}

void LoadedRows::eraseWhere(const std::function<bool(qsizetype index)> &drop)
{
    qsizetype kept = 0;
    for (qsizetype i = 0; i < qsizetype(m_rows.size()); ++i) {
        if (drop(i))
            continue;
        if (kept != i) {
            m_rows[kept] = m_rows[i];
            m_keys[kept] = m_keys[i];
            m_records[kept] = std::move(m_records[i]);
        }
        ++kept;
    }
    m_rows.resize(kept);
    m_keys.resize(kept);
    m_records.resize(kept);
}

void LoadedRows::store(int row, const ImageRecord &record)
{
    const auto stale = std::find(m_keys.cbegin(), m_keys.cend(), record.key);
    if (stale != m_keys.cend() && m_rows[stale - m_keys.cbegin()] != row)
        eraseAt(stale - m_keys.cbegin());
    const qsizetype i = lowerBound(row);
    if (i < qsizetype(m_rows.size()) && m_rows[i] == row) {
        m_keys[i] = record.key;
        m_records[i] = record;
        return;
    }
    m_rows.insert(m_rows.begin() + i, row);
    m_keys.insert(m_keys.begin() + i, record.key);
    m_records.insert(m_records.begin() + i, record);
}

void LoadedRows::storeRun(int first, const QList<ImageRecord> &records)
{
    if (records.isEmpty())
        return;
    const int last = first + int(records.size()) - 1;
    QSet<qint64> incoming;
    incoming.reserve(records.size());
    for (const ImageRecord &record : records)
        incoming.insert(record.key);
    // One compaction: what the run replaces, and stale copies of its images.
    eraseWhere([&](qsizetype i) {
        return (m_rows[i] >= first && m_rows[i] <= last) || incoming.contains(m_keys[i]);
    });
    const qsizetype at = lowerBound(first);
    std::vector<int> rows(records.size());
    std::vector<qint64> keys(records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        rows[i] = first + int(i);
        keys[i] = records[i].key;
    }
    m_rows.insert(m_rows.begin() + at, rows.cbegin(), rows.cend());
    m_keys.insert(m_keys.begin() + at, keys.cbegin(), keys.cend());
    m_records.insert(m_records.begin() + at, records.cbegin(), records.cend());
}

void LoadedRows::insertRows(int row, int count)
{
    for (qsizetype i = lowerBound(row); i < qsizetype(m_rows.size()); ++i)
        m_rows[i] += count;
}

void LoadedRows::removeRow(int row)
{
    qsizetype i = lowerBound(row);
    if (i < qsizetype(m_rows.size()) && m_rows[i] == row)
        eraseAt(i);
    for (; i < qsizetype(m_rows.size()); ++i)
        --m_rows[i];
}

void LoadedRows::moveRow(int from, int to)
{
    if (from == to)
        return;
    const qsizetype at = lowerBound(from);
    const bool loaded = at < qsizetype(m_rows.size()) && m_rows[at] == from;
    std::optional<ImageRecord> moved;
    qint64 key = 0;
    if (loaded) {
        moved = std::move(m_records[at]);
        key = m_keys[at];
        eraseAt(at);
    }
    // The rows between close the gap (or open one): their order stays.
    if (from < to) {
        for (qsizetype i = lowerBound(from + 1); i < qsizetype(m_rows.size()) && m_rows[i] <= to;
             ++i)
            --m_rows[i];
    } else {
        for (qsizetype i = lowerBound(to); i < qsizetype(m_rows.size()) && m_rows[i] < from; ++i)
            ++m_rows[i];
    }
    if (loaded) {
        const qsizetype i = lowerBound(to);
        m_rows.insert(m_rows.begin() + i, to);
        m_keys.insert(m_keys.begin() + i, key);
        m_records.insert(m_records.begin() + i, std::move(*moved));
    }
}

void LoadedRows::truncate(int count)
{
    const qsizetype i = lowerBound(count);
    m_rows.resize(i);
    m_keys.resize(i);
    m_records.resize(i);
}

void LoadedRows::dropIf(
    const std::function<bool(int row)> &drop, const std::function<void(int row)> &dropped)
{
    eraseWhere([&](qsizetype i) {
        if (!drop(m_rows[i]))
            return false;
        dropped(m_rows[i]);
        return true;
    });
}

void LoadedRows::forEach(const std::function<void(int row, const ImageRecord &record)> &visit) const
{
    for (qsizetype i = 0; i < qsizetype(m_rows.size()); ++i)
        visit(m_rows[i], m_records[i]);
}

} // namespace trove
