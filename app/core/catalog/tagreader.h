// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogquery.h"
#include "catalog/tagvocabulary.h"
#include "storage/librarypaths.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace trove {

class TagReaderWorker;

/// Tag counts of one library, read on a thread of their own
/// (`trove-tag-reader`, low priority) so that counting every tag of a
/// million images never holds up the gallery's pages on the library
/// reader's thread. Each request is queued to the worker and answered by a
/// signal in the owner's thread; a newer request of the same kind makes an
/// older one that has not started yet a no-op.
class TagReader final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagReader)

public:
    explicit TagReader(const LibraryPaths &paths, QObject *parent = nullptr);
    ~TagReader() override;

    /// Every tag of the library with its count: answers vocabularyReady.
    void requestVocabulary();
    /// The tags of @p query's matches (CatalogReader::tagCounts()):
    /// answers countsReady with @p generation.
    void requestCounts(quint64 generation, const ImageQuery &query, int limit, qint64 scanLimit);

Q_SIGNALS:
    /// @p loadMs: how long reading and building it took.
    void vocabularyReady(const trove::SharedTagVocabulary &vocabulary, qint64 loadMs);
    void countsReady(quint64 generation, const trove::TagCountsReport &report);
    void failed(const QString &error);

private:
    QThread m_thread;
    TagReaderWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic<quint64>> m_vocabularyWanted;
    std::shared_ptr<std::atomic<quint64>> m_countsWanted;
};

} // namespace trove
