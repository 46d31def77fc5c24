// SPDX-License-Identifier: MIT
#include "api/apireads.h"

#include <QHash>
#include <memory>

namespace trove::api {

// One reader per pool thread and library; it goes (closing its connections
// on its own thread) when the thread ends.
Result<CatalogReader *> ApiReads::threadReader(const LibraryPaths &paths)
{
    thread_local QHash<QString, std::shared_ptr<CatalogReader>> readers;
    auto &reader = readers[paths.root()];
    if (!reader) {
        auto fresh = std::make_shared<CatalogReader>();
        if (auto opened = fresh->open(paths); !opened)
            return fail(opened.error());
        reader = fresh;
    }
    return reader.get();
}

ApiReads::ApiReads(const LibraryPaths &paths, int threads)
    : m_paths(paths)
{
    m_pool.setObjectName(QStringLiteral("trove-api-reads"));
    m_pool.setMaxThreadCount(threads);
    m_pool.setExpiryTimeout(-1); // keep the threads and their connections
}

ApiReads::~ApiReads()
{
    m_pool.clear();
    m_pool.waitForDone();
}

QFuture<HttpResponse> ApiReads::run(Read read)
{
    return QtConcurrent::run(&m_pool, [paths = m_paths, read = std::move(read)] {
        auto reader = threadReader(paths);
        if (!reader)
            return HttpResponse::error(
                503, QStringLiteral("cannot read the library: %1").arg(reader.error()));
        return read(**reader, paths);
    });
}

} // namespace trove::api
