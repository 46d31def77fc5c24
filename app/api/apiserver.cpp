// SPDX-License-Identifier: MIT
#include "api/apiserver.h"

#include "api/apiresponses.h"
#include "base/futurewatch.h"
#include "catalog/catalogwriter.h"
#include "catalog/searchlanguage.h"
#include "ingest/ingestpipeline.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QUrl>

namespace trove::api {

namespace {

constexpr qint64 kHomePageSize = 60;

/// The one segment after @p prefix ("/image/"), percent-decoded; null when
/// the path has more segments (path tricks end in a 404, never a file).
QString segmentAfter(const QByteArray &path, const QByteArray &prefix)
{
    if (!path.startsWith(prefix))
        return {};
    const QByteArray raw = path.mid(prefix.size());
    if (raw.isEmpty() || raw.contains('/'))
        return {};
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}

} // namespace

bool Exchange::takes(Takes takes) const
{
    if (takes == Takes::GetOrHead ? request.isGetLike() : request.method == "POST")
        return true;
    send(HttpResponse::error(405,
        ApiServer::tr("%1 does not take %2")
            .arg(QString::fromLatin1(request.path), QString::fromLatin1(request.method)))
             .withHeader("Allow", takes == Takes::GetOrHead ? "GET, HEAD" : "POST"));
    return false;
}

void Exchange::send(HttpResponse response) const
{
    if (!corsOrigin.isEmpty() && !response.hasHeader("Access-Control-Allow-Origin")) {
        response.withHeader("Access-Control-Allow-Origin", corsOrigin).withHeader("Vary", "Origin");
        response.withHeader("Access-Control-Expose-Headers", "ETag, Content-Range, Location");
    }
    responder.send(response);
}

ApiServer::ApiServer(const LibraryPaths &paths, CatalogWriter *writer, IngestPipeline *pipeline,
    const ApiConfig &config, const QByteArray &key, QObject *parent)
    : QObject(parent)
    , m_paths(paths)
    , m_writer(writer)
    , m_config(config)
    , m_door(config, key)
    , m_ingest(paths, pipeline)
    , m_reads(std::make_unique<ApiReads>(paths))
{
    m_http = new HttpServer([this](const HttpRequest &head, qint64 length,
                                qint64 &maxBody) { return m_door.check(head, length, maxBody); },
        [this](const HttpRequest &request, const HttpResponder &responder) {
            handle(request, responder);
        },
        {}, this);
}

ApiServer::~ApiServer()
{
    delete m_http; // no more requests, then the reads finish
    m_http = nullptr;
    m_reads.reset();
}

Result<void> ApiServer::start()
{
    if (!m_http->listen(m_config.listen, m_config.port))
        return fail(tr("cannot listen on %1:%2: %3")
                        .arg(m_config.listen.toString())
                        .arg(m_config.port)
                        .arg(m_http->errorString()));
    m_door.setPort(m_http->port());
    return {};
}

quint16 ApiServer::port() const
{
    return m_http->port();
}

void ApiServer::read(const Exchange &ex, ApiReads::Read read)
{
    whenFinished(m_reads->run(std::move(read)), this, [ex](const HttpResponse &r) { ex.send(r); });
}

void ApiServer::add(const Exchange &ex, const IngestRequest &request,
    std::function<HttpResponse(qint64 queueId)> reply)
{
    m_ingest.submit(request, [ex, reply = std::move(reply)](const Result<qint64> &queueId) {
        if (!queueId)
            ex.send(HttpResponse::error(400, queueId.error()));
        else
            ex.send(reply(*queueId));
    });
}

void ApiServer::handle(const HttpRequest &request, const HttpResponder &responder)
{
    Exchange ex { request, responder, m_door.corsOrigin(request), {} };
    bool keyInQuery = false;
    const QByteArray key = ApiDoor::givenKey(request, &keyInQuery);
    if (keyInQuery)
        ex.keyQuery = "key=" + QUrl::toPercentEncoding(QString::fromUtf8(key));

    if (request.method == "OPTIONS") {
        if (!ex.corsOrigin.isEmpty())
            responder.send(m_door.preflight(request));
        else
            responder.send(
                HttpResponse::bytes(204, {}, {}).withHeader("Allow", "GET, HEAD, POST, OPTIONS"));
        return;
    }

    const QByteArray &path = request.path;
    using enum Exchange::Takes;
    if (path == "/") {
        if (ex.takes(GetOrHead))
            home(ex);
    } else if (path == "/process_image") {
        if (ex.takes(Post))
            processImage(ex);
    } else if (path.startsWith("/status/")) {
        if (ex.takes(GetOrHead))
            status(ex, segmentAfter(path, "/status/"));
    } else if (path.startsWith("/image/") || path.startsWith("/thumbnail/")) {
        const bool thumb = path.startsWith("/thumbnail/");
        const QString arg = segmentAfter(path, thumb ? "/thumbnail/" : "/image/");
        if (!ex.takes(GetOrHead))
            return;
        if (arg.isEmpty()) {
            ex.send(HttpResponse::error(404, tr("no such image")));
            return;
        }
        read(ex, [arg, thumb, request](CatalogReader &reader, const LibraryPaths &paths) {
            HttpResponse refusal;
            auto record = resolveImage(reader, arg, &refusal);
            if (!record)
                return refusal;
            return thumb ? thumbnailResponse(reader, *record, request)
                         : originalResponse(*record, paths, request);
        });
    } else if (path == "/api/images") {
        if (ex.takes(GetOrHead))
            listImages(ex);
    } else if (routeHydrus(ex) || routeEagle(ex)) {
        return;
    } else {
        ex.send(HttpResponse::error(
            404, tr("no such route: %1").arg(QString::fromLatin1(path.left(200)))));
    }
}

void ApiServer::home(const Exchange &ex)
{
    bool ok = true;
    const QString pageText = ex.request.query.queryItemValue(QStringLiteral("page"));
    const qint64 page = pageText.isEmpty() ? 0 : pageText.toLongLong(&ok);
    if (!ok || page < 0) {
        ex.send(HttpResponse::error(400, tr("page must be a number from 0")));
        return;
    }
    const QString keyQuery = QString::fromLatin1(ex.keyQuery);
    read(ex, [page, keyQuery](CatalogReader &reader, const LibraryPaths &) {
        auto stats = reader.stats();
        if (!stats)
            return HttpResponse::error(500, stats.error());
        // A page past the last one is empty; its offset is never computed
        // (page=9223372036854775807 would overflow it).
        const qint64 offset
            = page > stats->images / kHomePageSize ? stats->images : page * kHomePageSize;
        auto records = reader.page({}, offset, kHomePageSize, stats->images);
        if (!records)
            return HttpResponse::error(500, records.error());
        HttpResponse r = HttpResponse::bytes(200,
            homePage(*stats, *records, page, kHomePageSize, keyQuery), "text/html; charset=utf-8");
        r.withHeader("Cache-Control", "no-store");
        return r;
    });
}

void ApiServer::processImage(const Exchange &ex)
{
    HttpResponse refusal;
    auto body = jsonBody(ex.request, &refusal);
    if (!body) {
        ex.send(refusal);
        return;
    }
    auto url = ApiIngest::checkUrl(body->value(QStringLiteral("url")));
    if (!url) {
        ex.send(HttpResponse::error(400, url.error()));
        return;
    }
    const QJsonValue name = body->value(QStringLiteral("name"));
    if (const auto text = textField(name, QStringLiteral("name")); !text) {
        ex.send(HttpResponse::error(400, text.error()));
        return;
    }
    // A list of strings, nothing else: "x" was a tag and [1, null] none.
    const auto tags = tagList(body->value(QStringLiteral("tags")), QStringLiteral("tags"));
    if (!tags) {
        ex.send(HttpResponse::error(400, tags.error()));
        return;
    }
    if (const QString tooMany = TagLimits::check(*tags); !tooMany.isEmpty()) {
        ex.send(HttpResponse::error(400, tooMany));
        return;
    }
    // `website`: the page the image was found on, sent as the Referer.
    add(ex,
        { *url, name.toString(), *tags, false,
            FetchHeaders { pageUrl(body->value(QStringLiteral("website"))) } },
        [](qint64 id) {
            const QString statusUrl = QStringLiteral("/status/%1").arg(id);
            return HttpResponse::json(202,
                QJsonObject { { QStringLiteral("id"), id },
                    { QStringLiteral("status_url"), statusUrl },
                    { QStringLiteral("state"), QStringLiteral("queued") } })
                .withHeader("Location", statusUrl.toLatin1());
        });
}

void ApiServer::status(const Exchange &ex, const QString &idText)
{
    bool ok = false;
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0) {
        ex.send(HttpResponse::error(404, tr("no such request: %1").arg(idText.left(80))));
        return;
    }
    auto answer = [id](const QString &state, const QString &source, const QString &reason,
                      const QString &imageId, const QString &imageName) {
        QJsonObject o { { QStringLiteral("id"), id }, { QStringLiteral("state"), state },
            { QStringLiteral("source"), source } };
        if (!reason.isEmpty())
            o.insert(QStringLiteral("reason"), reason);
        if (!imageId.isEmpty()) {
            QJsonObject image { { QStringLiteral("id"), imageId },
                { QStringLiteral("url"), QStringLiteral("/image/") + imageId } };
            if (!imageName.isEmpty())
                image.insert(QStringLiteral("name"), imageName);
            o.insert(QStringLiteral("image"), image);
        }
        return HttpResponse::json(200, o);
    };
    // This process's own adds answer from the pipeline (progress included);
    // any other queue row (another process, an earlier run) from the catalog.
    if (const IngestItem *item = m_ingest.item(id)) {
        ex.send(answer(stateWord(item->state), item->request.source, item->error, item->imageId,
            item->imageName));
        return;
    }
    read(ex, [id, answer](CatalogReader &reader, const LibraryPaths &) {
        // The image's name as the pipeline gives it: without it, an add
        // answered after a restart (or once the item left memory) lost it.
        QSqlQuery q = reader.catalog().query(
            QStringLiteral("SELECT q.state AS state, q.source AS source, q.error AS error, "
                           "q.image_uuid AS image_uuid, i.name AS image_name FROM queue q "
                           "LEFT JOIN images i ON i.uuid = q.image_uuid AND q.image_uuid != '' "
                           "WHERE q.id = ?"));
        q.addBindValue(id);
        if (!q.exec())
            return HttpResponse::error(500, tr("cannot read the queue"));
        if (!q.next())
            return HttpResponse::error(404, tr("no such request: %1").arg(id));
        return answer(stateWord(IngestState(q.value(QStringLiteral("state")).toInt())),
            q.value(QStringLiteral("source")).toString(),
            q.value(QStringLiteral("error")).toString(),
            q.value(QStringLiteral("image_uuid")).toString(),
            q.value(QStringLiteral("image_name")).toString());
    });
}

void ApiServer::listImages(const Exchange &ex)
{
    const QUrlQuery &q = ex.request.query;
    ImageQuery query;
    // The window's search language: `search=tag:cats -tag:dogs fluffy`;
    // `tag=` too. A search that cannot be read is the caller's mistake.
    query.search = q.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded);
    if (const auto error = search::SearchLanguage::parse(query.search).error) {
        ex.send(HttpResponse::error(
            400, tr("search: %1 (at character %2)").arg(error->message).arg(error->position + 1)));
        return;
    }
    if (const QString tag = q.queryItemValue(QStringLiteral("tag"), QUrl::FullyDecoded);
        !tag.isEmpty())
        query.tag = tag;
    bool ok = true;
    const QString limitText = q.queryItemValue(QStringLiteral("limit"));
    const qint64 limit = limitText.isEmpty() ? 50 : limitText.toLongLong(&ok);
    if (!ok || limit < 1 || limit > 500) {
        ex.send(HttpResponse::error(400, tr("limit must be a number from 1 to 500")));
        return;
    }
    const QString after = q.queryItemValue(QStringLiteral("after"), QUrl::FullyDecoded);
    read(ex, [query, limit, after](CatalogReader &reader, const LibraryPaths &) {
        qint64 offset = 0;
        if (!after.isEmpty()) {
            HttpResponse refusal;
            auto record = resolveImage(reader, after, &refusal);
            if (!record)
                return HttpResponse::error(400, tr("after: no image %1").arg(after.left(80)));
            auto row = reader.rowOf(query, record->key);
            if (!row || *row < 0)
                return HttpResponse::error(
                    400, tr("after: image %1 is not in this listing").arg(after.left(80)));
            offset = *row + 1;
        }
        const bool plain = !query.isFiltered();
        qint64 total = -1;
        if (plain) {
            auto stats = reader.stats();
            total = stats ? stats->images : -1;
        }
        auto records = reader.page(query, offset, limit, total);
        if (!records)
            return HttpResponse::error(500, records.error());
        QJsonArray images;
        for (const ImageRecord &r : *records)
            images.append(r.toJson());
        QJsonObject o { { QStringLiteral("images"), images } };
        o.insert(QStringLiteral("next"),
            records->size() == limit ? QJsonValue(records->last().id) : QJsonValue());
        return HttpResponse::json(200, o);
    });
}

} // namespace trove::api
