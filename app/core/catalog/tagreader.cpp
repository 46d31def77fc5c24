// SPDX-License-Identifier: MIT
#include "catalog/tagreader.h"

#include "base/platform.h"
#include "catalog/private/tagreaderworker.h"

#include <QElapsedTimer>

namespace trove {

TagReader::TagReader(const LibraryPaths &paths, QObject *parent)
    : QObject(parent)
    , m_vocabularyWanted(std::make_shared<std::atomic<quint64>>(0))
    , m_countsWanted(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<trove::SharedTagVocabulary>();
    qRegisterMetaType<trove::TagCountsReport>();
    m_thread.setObjectName(QStringLiteral("trove-tag-reader"));
    m_worker = new TagReaderWorker(paths);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Below the library's reader: the vocabulary of a million images is
    // seconds of work that no first screen should wait behind.
    connect(&m_thread, &QThread::started, [] { lowerCurrentThreadPriority(ThreadWork::Heavy); });
    connect(m_worker, &TagReaderWorker::vocabularyReady, this, &TagReader::vocabularyReady);
    connect(m_worker, &TagReaderWorker::countsReady, this, &TagReader::countsReady);
    connect(m_worker, &TagReaderWorker::failed, this, &TagReader::failed);
    m_thread.start();
}

TagReader::~TagReader()
{
    // Whatever is still queued is not wanted any more.
    m_vocabularyWanted->fetch_add(1);
    m_countsWanted->store(~quint64(0));
    m_thread.quit();
    m_thread.wait();
}

void TagReader::requestVocabulary()
{
    const quint64 ticket = m_vocabularyWanted->fetch_add(1) + 1;
    QMetaObject::invokeMethod(m_worker,
        [w = m_worker, ticket, wanted = m_vocabularyWanted] { w->vocabulary(ticket, wanted); });
}

void TagReader::requestCounts(
    quint64 generation, const ImageQuery &query, int limit, qint64 scanLimit)
{
    m_countsWanted->store(generation);
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker, wanted = m_countsWanted] {
        w->counts(generation, wanted, query, limit, scanLimit);
    });
}

// --- worker ---------------------------------------------------------------

TagReaderWorker::TagReaderWorker(const LibraryPaths &paths)
    : m_paths(paths)
{
}

bool TagReaderWorker::ensureOpen()
{
    if (m_open)
        return true;
    if (auto r = m_reader.open(m_paths); !r) {
        Q_EMIT failed(r.error());
        return false;
    }
    m_open = true;
    return true;
}

void TagReaderWorker::vocabulary(
    quint64 ticket, const std::shared_ptr<std::atomic<quint64>> &wanted)
{
    if (wanted->load() != ticket || !ensureOpen())
        return;
    QElapsedTimer clock;
    clock.start();
    auto counts = m_reader.tagCounts(ImageQuery {});
    if (!counts) {
        Q_EMIT failed(counts.error());
        return;
    }
    auto vocabulary = std::make_shared<const TagVocabulary>(counts->tags);
    Q_EMIT vocabularyReady(vocabulary, clock.elapsed());
}

void TagReaderWorker::counts(quint64 generation,
    const std::shared_ptr<std::atomic<quint64>> &wanted, const ImageQuery &query, int limit,
    qint64 scanLimit)
{
    if (wanted->load() != generation || !ensureOpen())
        return;
    auto report = m_reader.tagCounts(query, limit, scanLimit);
    if (!report) {
        Q_EMIT failed(report.error());
        return;
    }
    Q_EMIT countsReady(generation, *report);
}

} // namespace trove
