// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiconfig.h"
#include "api/apidoor.h"
#include "api/apiingest.h"
#include "api/apireads.h"
#include "api/httpserver.h"
#include "base/result.h"
#include "storage/librarypaths.h"

#include <QObject>
#include <memory>

namespace trove {
class CatalogWriter;
class IngestPipeline;
} // namespace trove

namespace trove::api {

/// One request on its way through the API: what came in, where the answer
/// goes, and the CORS origin to name in it. A value.
struct Exchange {
    HttpRequest request;
    HttpResponder responder;
    QByteArray corsOrigin;
    QByteArray keyQuery; ///< "key=..." when the key came in the query
    void send(HttpResponse response) const;

    /// The methods a route takes.
    enum class Takes { GetOrHead, Post };
    /// Whether the request's method is one @p takes names; if not, answers
    /// 405 with Allow (RFC 9110 §15.5.6). Each route is matched by its path
    /// first and asks this, so a path is written once whatever the method.
    bool takes(Takes takes) const;
};

/// The local API of one library: the original service's routes, a Hydrus
/// Client API subset and an Eagle API subset, behind the door's locks.
///
/// It owns nothing of the library: it is handed the writer and the
/// pipeline of whoever serves (`trove serve` today; the window, through
/// the same constructor, once its "Local API" setting exists), so an add
/// through the API is the same add as a paste in the window. Lives on, and
/// answers from, the pipeline's thread, which it never blocks: reads run on
/// ApiReads' pool, writes go through the writer's futures.
class ApiServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiServer)

public:
    ApiServer(const LibraryPaths &paths, CatalogWriter *writer, IngestPipeline *pipeline,
        const ApiConfig &config, const QByteArray &key, QObject *parent = nullptr);
    ~ApiServer() override;

    Result<void> start();
    quint16 port() const;

private:
    void handle(const HttpRequest &request, const HttpResponder &responder);
    /// Answers the read on the pool thread.
    void read(const Exchange &ex, ApiReads::Read read);
    /// Adds one link or file; @p reply turns the queue row id into the answer.
    void add(const Exchange &ex, const IngestRequest &request,
        std::function<HttpResponse(qint64 queueId)> reply);

    // The original service (apiserver.cpp)
    void home(const Exchange &ex);
    void processImage(const Exchange &ex);
    void status(const Exchange &ex, const QString &id);
    void listImages(const Exchange &ex);
    // Hydrus Client API subset (hydrusroutes.cpp)
    bool routeHydrus(const Exchange &ex);
    void hydrusAddUrl(const Exchange &ex);
    void hydrusAddFile(const Exchange &ex);
    void hydrusAddTags(const Exchange &ex);
    // Eagle API subset (eagleroutes.cpp)
    bool routeEagle(const Exchange &ex);
    void eagleAdd(const Exchange &ex, const QJsonArray &items, bool fromPath, bool many);

    LibraryPaths m_paths;
    CatalogWriter *m_writer;
    ApiConfig m_config;
    ApiDoor m_door;
    ApiIngest m_ingest;
    std::unique_ptr<ApiReads> m_reads;
    HttpServer *m_http = nullptr;
};

} // namespace trove::api
