// SPDX-License-Identifier: MIT
#include "catalog/tagvocabulary.h"

#include "base/tagkey.h"

#include <QHash>
#include <algorithm>

namespace trove {

namespace {

QString folded(const QString &text)
{
    // Compared as the catalog compares tags (base/tagkey.h). A newline
    // separates the tags in the infix text: none may hold one.
    QString f = tagKey(text);
    f.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return f;
}

} // namespace

/// The @p limit most carried of the entries offered (ties: the first in
/// sorted order), kept in a heap whose top is the worst kept: offering
/// 100,000 candidates costs a comparison each, not a sort.
class TagVocabulary::Best final {
    /// Heap order: a before b when a is carried more.
    struct Order {
        const Best *best;
        bool operator()(int a, int b) const { return best->better(a, b); }
    };
    Order order() const { return { this }; }

public:
    Best(const std::vector<Entry> &entries, int limit)
        : m_entries(entries)
        , m_limit(size_t(std::max(limit, 0)))
    {
        m_heap.reserve(m_limit + 1);
    }

    void offer(int index)
    {
        if (m_limit == 0)
            return;
        if (m_heap.size() == m_limit && !better(index, m_heap.front()))
            return;
        m_heap.push_back(index);
        std::push_heap(m_heap.begin(), m_heap.end(), order());
        if (m_heap.size() > m_limit) {
            std::pop_heap(m_heap.begin(), m_heap.end(), order());
            m_heap.pop_back();
        }
    }

    TagCounts take(int limit)
    {
        std::sort_heap(m_heap.begin(), m_heap.end(), order());
        TagCounts out;
        for (size_t i = 0; i < m_heap.size() && i < size_t(std::max(limit, 0)); ++i) {
            const Entry &e = m_entries[size_t(m_heap[i])];
            out.append({ e.tag, e.count });
        }
        return out;
    }

private:
    bool better(int a, int b) const
    {
        const Entry &x = m_entries[size_t(a)];
        const Entry &y = m_entries[size_t(b)];
        return x.count != y.count ? x.count > y.count : a < b;
    }

    const std::vector<Entry> &m_entries;
    size_t m_limit;
    std::vector<int> m_heap;
};

TagVocabulary::TagVocabulary(const TagCounts &counts)
{
    QHash<QString, qint64> merged;
    merged.reserve(counts.size());
    for (const TagCount &c : counts)
        merged[c.tag] += c.count;
    m_entries.reserve(merged.size());
    for (auto it = merged.cbegin(); it != merged.cend(); ++it)
        if (!it.key().isEmpty())
            m_entries.push_back({ it.key(), folded(it.key()), it.value() });
    std::sort(m_entries.begin(), m_entries.end(), [](const Entry &a, const Entry &b) {
        return a.folded != b.folded ? a.folded < b.folded : a.tag < b.tag;
    });
    qsizetype length = 0;
    for (const Entry &e : m_entries)
        length += e.folded.size() + 1;
    m_text.reserve(length);
    m_starts.reserve(m_entries.size());
    for (const Entry &e : m_entries) {
        m_text += QLatin1Char('\n');
        m_starts.push_back(m_text.size());
        m_text += e.folded;
    }
    m_byCount.resize(m_entries.size());
    for (size_t i = 0; i < m_byCount.size(); ++i)
        m_byCount[i] = int(i);
    std::stable_sort(m_byCount.begin(), m_byCount.end(),
        [this](int a, int b) { return m_entries[size_t(a)].count > m_entries[size_t(b)].count; });
}

qint64 TagVocabulary::countOf(const QString &tag) const
{
    const QString key = folded(tag);
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
        [](const Entry &e, const QString &k) { return e.folded < k; });
    qint64 n = 0;
    // The catalog counts "Äpfel" and "äpfel" as one tag; a vocabulary
    // given both spellings counts both.
    for (; it != m_entries.end() && it->folded == key; ++it)
        n += it->count;
    return n;
}

TagCounts TagVocabulary::top(int limit) const
{
    TagCounts out;
    const qsizetype keep = std::clamp<qsizetype>(limit, 0, qsizetype(m_byCount.size()));
    out.reserve(keep);
    for (qsizetype i = 0; i < keep; ++i) {
        const Entry &e = m_entries[size_t(m_byCount[size_t(i)])];
        out.append({ e.tag, e.count });
    }
    return out;
}

TagCounts TagVocabulary::complete(const QString &text, int limit) const
{
    const QString key = folded(text);
    if (key.isEmpty())
        return top(limit);
    if (limit <= 0)
        return {};
    // Prefix matches are one run of the sorted entries.
    const auto first = std::lower_bound(m_entries.begin(), m_entries.end(), key,
        [](const Entry &e, const QString &k) { return e.folded < k; });
    Best exact(m_entries, limit);
    Best prefix(m_entries, limit);
    auto it = first;
    for (; it != m_entries.end() && it->folded.startsWith(key); ++it)
        (it->folded.size() == key.size() ? exact : prefix).offer(int(it - m_entries.begin()));
    const size_t prefixFirst = size_t(first - m_entries.begin());
    const size_t prefixEnd = size_t(it - m_entries.begin());

    TagCounts out = exact.take(limit);
    out += prefix.take(limit - int(out.size()));
    if (out.size() >= limit)
        return out;

    // Infix matches: one scan of all the folded text. Hits come in order,
    // so the entry a hit falls in is found by walking on from the last
    // one; the rest of that entry is skipped.
    Best infix(m_entries, limit - int(out.size()));
    const QStringView haystack(m_text);
    qsizetype from = 0;
    size_t index = 0;
    while (true) {
        const qsizetype hit = haystack.indexOf(key, from);
        if (hit < 0)
            break;
        while (index + 1 < m_starts.size() && m_starts[index + 1] <= hit)
            ++index;
        // Those that begin with it were taken above.
        if (index < prefixFirst || index >= prefixEnd)
            infix.offer(int(index));
        if (index + 1 >= m_starts.size())
            break;
        from = m_starts[index + 1];
    }
    out += infix.take(limit - int(out.size()));
    return out;
}

} // namespace trove
