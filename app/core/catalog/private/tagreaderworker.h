// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogreader.h"
#include "catalog/tagreader.h"

namespace trove {

/// The thread-side half of TagReader: owns its CatalogReader.
class TagReaderWorker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagReaderWorker)

public:
    explicit TagReaderWorker(const LibraryPaths &paths);

    void vocabulary(quint64 ticket, const std::shared_ptr<std::atomic<quint64>> &wanted);
    void counts(quint64 generation, const std::shared_ptr<std::atomic<quint64>> &wanted,
        const ImageQuery &query, int limit, qint64 scanLimit);

Q_SIGNALS:
    void vocabularyReady(const trove::SharedTagVocabulary &vocabulary, qint64 loadMs);
    void countsReady(quint64 generation, const trove::TagCountsReport &report);
    void failed(const QString &error);

private:
    bool ensureOpen();

    LibraryPaths m_paths;
    CatalogReader m_reader;
    bool m_open = false;
};

} // namespace trove
