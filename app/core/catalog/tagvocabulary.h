// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <memory>
#include <vector>

namespace trove {

/// A tag and how many images carry it.
struct TagCount {
    QString tag;
    qint64 count = 0;

    bool operator==(const TagCount &) const = default;
};
using TagCounts = QList<TagCount>;

/// The tags of the images a query matches, with counts.
struct TagCountsReport {
    TagCounts tags; ///< most carried first
    /// Only the first scanLimit matches were looked at (a query matching
    /// most of a large library): the counts are of those.
    bool partial = false;
    qint64 scanned = 0; ///< images looked at (-1: all of them, unfiltered)
};

/// Every distinct tag of a library with its count, held in memory so that
/// completing what a person types costs microseconds, not a query: the tags
/// sorted by their case-folded text (a binary search finds the prefix
/// matches) and that text once more as one string with a newline before
/// each tag (one scan finds the infix matches). Immutable once built: the
/// tag thread builds it, the GUI thread shares it (std::shared_ptr<const>)
/// and completes on it. A value; any thread.
class TagVocabulary final {
public:
    TagVocabulary() = default;
    /// @p counts in any order; a tag listed twice adds up.
    explicit TagVocabulary(const TagCounts &counts);

    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    /// How many images carry @p tag (compared by tagKey()); 0: none.
    qint64 countOf(const QString &tag) const;
    /// The @p limit tags carried most, most first (ties by name).
    TagCounts top(int limit) const;
    /// What @p text completes to, at most @p limit tags: those that begin
    /// with it first, then those that hold it elsewhere, each part carried
    /// most first, an exact match before all. Case-insensitive as the
    /// catalog compares tags (tagKey(): Unicode case folding, composed);
    /// empty text: top().
    TagCounts complete(const QString &text, int limit) const;

private:
    struct Entry {
        QString tag;
        QString folded;
        qint64 count = 0;
    };
    class Best;

    std::vector<Entry> m_entries; ///< by folded text, then tag
    QString m_text; ///< "\n" + folded of each entry, in order
    std::vector<qsizetype> m_starts; ///< where each entry's folded text begins in m_text
    std::vector<int> m_byCount; ///< entries, most carried first (ties: sorted order)
};

using SharedTagVocabulary = std::shared_ptr<const TagVocabulary>;

} // namespace trove

Q_DECLARE_METATYPE(trove::TagCounts)
Q_DECLARE_METATYPE(trove::TagCountsReport)
Q_DECLARE_METATYPE(trove::SharedTagVocabulary)
