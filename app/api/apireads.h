// SPDX-License-Identifier: MIT
#pragma once

#include "api/httpmessage.h"
#include "catalog/catalogreader.h"
#include "storage/librarypaths.h"

#include <QFuture>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <functional>

namespace trove::api {

/// Where the API reads: a small pool of threads, each with its own
/// CatalogReader on the library, so the server's thread never waits on
/// SQLite or a blob. A read is a function of a reader that builds the
/// whole response (bytes included) on the pool.
class ApiReads final {
    Q_DISABLE_COPY_MOVE(ApiReads)

public:
    using Read = std::function<HttpResponse(CatalogReader &reader, const LibraryPaths &paths)>;

    explicit ApiReads(const LibraryPaths &paths, int threads = 2);
    ~ApiReads();

    QFuture<HttpResponse> run(Read read);

    /// Any value read on the pool; @p read gets a reader or why there is none.
    template<typename T> QFuture<Result<T>> call(std::function<Result<T>(CatalogReader &)> read)
    {
        return QtConcurrent::run(&m_pool, [paths = m_paths, read = std::move(read)]() -> Result<T> {
            auto reader = threadReader(paths);
            if (!reader)
                return fail(reader.error());
            return read(**reader);
        });
    }

    /// This thread's reader of @p paths, opened on first use.
    static Result<CatalogReader *> threadReader(const LibraryPaths &paths);

private:
    LibraryPaths m_paths;
    QThreadPool m_pool;
};

} // namespace trove::api
