// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogquery.h"
#include "catalog/changefeed.h"
#include "catalog/tagreader.h"

#include <QObject>
#include <QTimer>

namespace trove {

class LibraryReader;

/// The tags of one open library for the window: the whole vocabulary (what
/// the search box, the add bar and the tag editor complete from) and the
/// tags of the gallery's current query with counts (the Tags sidebar).
/// Both are read by a TagReader off the GUI thread and read again, after a
/// pause, whenever the change feed says images were added, removed or
/// retagged by any process. Completing is a lookup in the in-memory
/// vocabulary (microseconds at 100,000 tags). GUI thread.
class TagService final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagService)

public:
    /// Tags the sidebar lists at most: the most carried.
    static constexpr int kSidebarLimit = 500;
    /// Matches of a filtered query looked at at most (see
    /// CatalogReader::tagCounts()).
    static constexpr qint64 kScanLimit = 20000;

    /// Follows @p feed's changes (optional).
    explicit TagService(
        const LibraryPaths &paths, LibraryReader *feed = nullptr, QObject *parent = nullptr);

    /// Reads the vocabulary (and the counts) for the first time.
    void start();
    /// Never null; empty until the first read answers.
    SharedTagVocabulary vocabulary() const { return m_vocabulary; }
    /// What @p text completes to, most relevant first.
    TagCounts complete(const QString &text, int limit = 12) const;

    /// The query whose tags counts() has.
    void setQuery(const ImageQuery &query);
    const ImageQuery &query() const { return m_query; }
    const TagCountsReport &counts() const { return m_counts; }
    /// How long the last vocabulary read took (ms).
    qint64 lastLoadMs() const { return m_lastLoadMs; }

Q_SIGNALS:
    void vocabularyChanged();
    void countsChanged();
    void failed(const QString &error);

private:
    void applyChanges(const ChangeBatch &batch);
    void reload();
    void requestCounts();
    void takeVocabulary(const SharedTagVocabulary &vocabulary, qint64 loadMs);

    TagReader m_tags;
    SharedTagVocabulary m_vocabulary;
    ImageQuery m_query;
    TagCountsReport m_counts;
    quint64 m_countsGeneration = 0;
    qint64 m_lastLoadMs = 0;
    bool m_started = false;
    /// Coalesces a burst of changes (an ingest, a bulk retag) into one read.
    QTimer m_refresh;
};

} // namespace trove
