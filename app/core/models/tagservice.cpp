// SPDX-License-Identifier: MIT
#include "models/tagservice.h"

#include "catalog/libraryreader.h"

#include <algorithm>

namespace trove {

namespace {

// A pause after the last change before the tags are read again; at least
// a few times what a read costs, so that a library being filled for hours
// spends most of the tag thread's time idle.
constexpr int kRefreshPauseMs = 700;

} // namespace

TagService::TagService(const LibraryPaths &paths, LibraryReader *feed, QObject *parent)
    : QObject(parent)
    , m_tags(paths)
    , m_vocabulary(std::make_shared<const TagVocabulary>())
{
    m_refresh.setObjectName(QStringLiteral("tagRefresh"));
    m_refresh.setSingleShot(true);
    connect(&m_refresh, &QTimer::timeout, this, &TagService::reload);
    connect(&m_tags, &TagReader::vocabularyReady, this, &TagService::takeVocabulary);
    connect(&m_tags, &TagReader::countsReady, this,
        [this](quint64 generation, const TagCountsReport &report) {
            if (generation != m_countsGeneration)
                return;
            m_counts = report;
            Q_EMIT countsChanged();
        });
    connect(&m_tags, &TagReader::failed, this, &TagService::failed);
    if (feed)
        connect(feed, &LibraryReader::changesReady, this, &TagService::applyChanges);
}

void TagService::start()
{
    m_started = true;
    reload();
}

TagCounts TagService::complete(const QString &text, int limit) const
{
    return m_vocabulary->complete(text, limit);
}

void TagService::setQuery(const ImageQuery &query)
{
    // The order does not change which tags there are.
    ImageQuery q = query;
    q.order = ImageQuery::Order::NewestFirst;
    if (q == m_query && m_countsGeneration > 0)
        return;
    m_query = q;
    requestCounts();
}

void TagService::applyChanges(const ChangeBatch &batch)
{
    if (!m_started || !batch.touchesImages())
        return;
    m_refresh.start(int(std::max<qint64>(kRefreshPauseMs, 4 * m_lastLoadMs)));
}

void TagService::reload()
{
    m_tags.requestVocabulary();
    if (m_query.isFiltered())
        requestCounts();
}

void TagService::requestCounts()
{
    ++m_countsGeneration;
    if (!m_query.isFiltered()) {
        // Every image: the vocabulary has the counts already (and answers
        // again when it is read anew).
        m_counts = { m_vocabulary->top(kSidebarLimit), false, -1 };
        Q_EMIT countsChanged();
        return;
    }
    if (m_started)
        m_tags.requestCounts(m_countsGeneration, m_query, kSidebarLimit, kScanLimit);
}

void TagService::takeVocabulary(const SharedTagVocabulary &vocabulary, qint64 loadMs)
{
    m_vocabulary = vocabulary;
    m_lastLoadMs = loadMs;
    Q_EMIT vocabularyChanged();
    if (!m_query.isFiltered())
        requestCounts();
}

} // namespace trove
