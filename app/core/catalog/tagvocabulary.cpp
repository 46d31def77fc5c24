// SPDX-License-Identifier: MIT
#include "catalog/tagvocabulary.h"

#include <QHash>
#include <algorithm>

namespace trove {

namespace {

QString folded(const QString &text)
{
    // A newline separates the tags in the infix text: none may hold one.
    QString f = text.toCaseFolded();
    f.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return f;
}

} // namespace

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
}

qint64 TagVocabulary::countOf(const QString &tag) const
{
    const QString key = folded(tag);
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), key,
        [](const Entry &e, const QString &k) { return e.folded < k; });
    qint64 n = 0;
    // "Äpfel" and "äpfel" are two tags to SQLite (NOCASE folds ASCII only):
    // both count.
    for (; it != m_entries.end() && it->folded == key; ++it)
        n += it->count;
    return n;
}

TagCounts TagVocabulary::best(std::vector<int> &candidates, int limit) const
{
    const auto before = [this](int a, int b) {
        const Entry &x = m_entries[size_t(a)];
        const Entry &y = m_entries[size_t(b)];
        return x.count != y.count ? x.count > y.count : a < b;
    };
    const auto keep = std::min(candidates.size(), size_t(std::max(limit, 0)));
    std::partial_sort(
        candidates.begin(), candidates.begin() + qsizetype(keep), candidates.end(), before);
    TagCounts out;
    out.reserve(qsizetype(keep));
    for (size_t i = 0; i < keep; ++i) {
        const Entry &e = m_entries[size_t(candidates[i])];
        out.append({ e.tag, e.count });
    }
    return out;
}

TagCounts TagVocabulary::top(int limit) const
{
    std::vector<int> all(m_entries.size());
    for (size_t i = 0; i < all.size(); ++i)
        all[i] = int(i);
    return best(all, limit);
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
    std::vector<int> exact;
    std::vector<int> prefix;
    auto it = first;
    for (; it != m_entries.end() && it->folded.startsWith(key); ++it)
        (it->folded.size() == key.size() ? exact : prefix).push_back(int(it - m_entries.begin()));
    const int prefixFirst = int(first - m_entries.begin());
    const int prefixEnd = int(it - m_entries.begin());

    TagCounts out = best(exact, limit);
    out += best(prefix, limit - int(out.size()));
    if (out.size() >= limit)
        return out;

    // Infix matches: one scan of all the folded text. A hit maps to its
    // entry by where it starts; the rest of that entry is skipped.
    std::vector<int> infix;
    const QStringView haystack(m_text);
    qsizetype from = 0;
    while (true) {
        const qsizetype hit = haystack.indexOf(key, from);
        if (hit < 0)
            break;
        const auto after = std::upper_bound(m_starts.begin(), m_starts.end(), hit);
        const int index = int(after - m_starts.begin()) - 1;
        // Those that begin with it were taken above.
        if (index >= 0 && (index < prefixFirst || index >= prefixEnd))
            infix.push_back(index);
        // The next entry begins after its newline.
        from = after == m_starts.end() ? haystack.size() : *after;
    }
    out += best(infix, limit - int(out.size()));
    return out;
}

} // namespace trove
