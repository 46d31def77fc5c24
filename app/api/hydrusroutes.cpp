// SPDX-License-Identifier: MIT
// The Hydrus Client API subset, with Hydrus's own field names
// (https://hydrusnetwork.github.io/hydrus/developer_api.html), so that Hydrus
// Companion, hydownloader and share tools can send images to Trove.
#include "api/apiresponses.h"
#include "api/apiserver.h"
#include "base/futurewatch.h"
#include "catalog/catalogwriter.h"
#include "ingest/ingestsource.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace trove::api {

namespace {

// Hydrus's Client API version this subset follows.
constexpr int kHydrusApiVersion = 64;
const char kAllTags[] = "all known tags";
// Hex of "all known tags": Hydrus's own key for that service.
const char kAllTagsKey[] = "616c6c206b6e6f776e2074616773";

/// Tags from Hydrus's per-service maps: every service's tags go to Trove's
/// one tag set. Each field is an object of lists of strings; anything else
/// fails naming the field and the service.
Result<QStringList> serviceTags(const QJsonObject &body, const QStringList &fields)
{
    QStringList tags;
    for (const QString &field : fields) {
        const QJsonValue value = body.value(field);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isObject())
            return fail(ApiServer::tr("%1 must be an object of services to tags").arg(field));
        const QJsonObject services = value.toObject();
        for (auto it = services.begin(); it != services.end(); ++it) {
            auto some = tagList(it.value(), field + QLatin1Char('.') + it.key());
            if (!some)
                return some.failure();
            tags += *some;
        }
    }
    return tags;
}

/// A query parameter holding a JSON list (?tags=["a","b"]), as Hydrus sends.
QJsonArray jsonListParam(const QUrlQuery &query, const QString &name, bool *bad)
{
    if (!query.hasQueryItem(name))
        return {};
    const QJsonDocument doc
        = QJsonDocument::fromJson(query.queryItemValue(name, QUrl::FullyDecoded).toUtf8());
    if (!doc.isArray())
        *bad = true;
    return doc.array();
}

/// Hashes as a JSON list of strings (add_tags' `hashes`), else none and
/// @p bad set.
QStringList hashList(const QJsonValue &value, bool *bad)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            *bad = true;
        out.append(v.toString());
    }
    if (!value.isUndefined() && !value.isNull() && !value.isArray())
        *bad = true;
    return out;
}

QJsonObject metadataOf(const ImageRecord &r)
{
    QJsonArray tags;
    for (const QString &t : r.tags)
        tags.append(t);
    const QJsonObject tagMap { { QStringLiteral("0"), tags } };
    const QJsonObject service { { QStringLiteral("name"), QString::fromLatin1(kAllTags) },
        { QStringLiteral("type"), 10 },
        { QStringLiteral("type_pretty"), QString::fromLatin1(kAllTags) },
        { QStringLiteral("storage_tags"), tagMap }, { QStringLiteral("display_tags"), tagMap } };
    QString ext = QLatin1Char('.') + r.format.toLower();
    if (ext == QLatin1String(".jpeg"))
        ext = QStringLiteral(".jpg");
    return QJsonObject { { QStringLiteral("file_id"), r.key }, { QStringLiteral("hash"), r.sha256 },
        { QStringLiteral("size"), r.originalBytes },
        { QStringLiteral("mime"), QString::fromLatin1(mimeTypeOf(r.format)) },
        { QStringLiteral("ext"), ext }, { QStringLiteral("width"), r.width },
        { QStringLiteral("height"), r.height },
        { QStringLiteral("known_urls"), QJsonArray::fromStringList(r.sources) },
        { QStringLiteral("time_modified"), r.addedAt.toSecsSinceEpoch() },
        { QStringLiteral("is_inbox"), false }, { QStringLiteral("is_trashed"), false },
        { QStringLiteral("is_deleted"), false },
        { QStringLiteral("tags"), QJsonObject { { QString::fromLatin1(kAllTagsKey), service } } } };
}

/// A file_id query parameter: a whole number from 1, else 0.
qint64 fileIdParam(const QUrlQuery &query)
{
    bool ok = false;
    const qint64 key = query.queryItemValue(QStringLiteral("file_id")).toLongLong(&ok);
    return ok && key > 0 ? key : 0;
}

/// The one file a request names by file_id or hash. Both is a mistake,
/// not a choice: the id's file was served whatever the hash said.
Result<ImageRecord> oneFile(CatalogReader &reader, const QUrlQuery &query, HttpResponse *refusal)
{
    const bool byId = query.hasQueryItem(QStringLiteral("file_id"));
    const bool byHash = query.hasQueryItem(QStringLiteral("hash"));
    if (byId && byHash) {
        *refusal = HttpResponse::error(
            400, ApiServer::tr("name the file with file_id or hash, not both"));
        return fail(QStringLiteral("two names"));
    }
    if (byId) {
        const qint64 key = fileIdParam(query);
        if (key <= 0) {
            *refusal = HttpResponse::error(400, ApiServer::tr("file_id must be a file id"));
            return fail(QStringLiteral("bad id"));
        }
        return imageByKey(reader, key, refusal);
    }
    if (byHash)
        return imageBySha(reader, query.queryItemValue(QStringLiteral("hash")), refusal);
    *refusal = HttpResponse::error(400, ApiServer::tr("name the file with file_id or hash"));
    return fail(QStringLiteral("no file"));
}

} // namespace

bool ApiServer::routeHydrus(const Exchange &ex)
{
    const QByteArray &path = ex.request.path;
    const QUrlQuery &query = ex.request.query;
    using enum Exchange::Takes;

    // Each route by its path, then its method (Exchange::takes()).
    if (path == "/api_version") {
        if (!ex.takes(GetOrHead))
            return true;
        ex.send(HttpResponse::json(200,
            QJsonObject { { QStringLiteral("version"), kHydrusApiVersion },
                { QStringLiteral("hydrus_version"), 0 },
                { QStringLiteral("server"), QStringLiteral("Trove") },
                { QStringLiteral("trove_version"), QCoreApplication::applicationVersion() } }));
    } else if (path == "/verify_access_key") {
        if (!ex.takes(GetOrHead))
            return true;
        ex.send(HttpResponse::json(200,
            QJsonObject { { QStringLiteral("basic_permissions"), QJsonArray { 0, 1, 2, 3 } },
                { QStringLiteral("human_description"),
                    QStringLiteral("Trove local API: import URLs and files, edit tags, search "
                                   "and fetch files") } }));
    } else if (path == "/add_urls/add_url") {
        if (ex.takes(Post))
            hydrusAddUrl(ex);
    } else if (path == "/add_files/add_file") {
        if (ex.takes(Post))
            hydrusAddFile(ex);
    } else if (path == "/add_tags/add_tags") {
        if (ex.takes(Post))
            hydrusAddTags(ex);
    } else if (path == "/add_urls/get_url_files") {
        if (!ex.takes(GetOrHead))
            return true;
        const QString url = query.queryItemValue(QStringLiteral("url"), QUrl::FullyDecoded);
        if (url.isEmpty()) {
            ex.send(HttpResponse::error(400, tr("get_url_files needs ?url=")));
            return true;
        }
        auto source = IngestSource::parse(url);
        const QString normalised = source && !source->isLocal() ? source->sourceString() : url;
        read(ex, [url, normalised](CatalogReader &reader, const LibraryPaths &) {
            QSqlQuery q = reader.catalog().query(
                QStringLiteral("SELECT DISTINCT i.sha256 AS sha256 FROM sources s JOIN images i ON "
                               "i.id = s.image_id "
                               "WHERE s.url = ? OR s.url = ?"));
            q.addBindValue(url);
            q.addBindValue(normalised);
            if (!q.exec())
                return HttpResponse::error(500, tr("cannot read the sources"));
            QJsonArray statuses;
            while (q.next())
                statuses.append(QJsonObject { { QStringLiteral("status"), 2 },
                    { QStringLiteral("hash"), q.value(QStringLiteral("sha256")).toString() },
                    { QStringLiteral("note"),
                        QStringLiteral("url recognised: already in the library") } });
            // Hydrus's 3, "previously deleted": images of this URL waiting in
            // the trash (bytes emptied from it keep no URL). A scan of the
            // trash's JSON sources: the trash is small next to the library.
            QSqlQuery trashed = reader.catalog().query(
                QStringLiteral("SELECT DISTINCT t.sha256 AS sha256 FROM trash t, "
                               "json_each(t.sources) j "
                               "WHERE json_extract(j.value, '$.url') IN (?, ?)"));
            trashed.addBindValue(url);
            trashed.addBindValue(normalised);
            if (!trashed.exec())
                return HttpResponse::error(500, tr("cannot read the trash"));
            while (trashed.next())
                statuses.append(QJsonObject { { QStringLiteral("status"), 3 },
                    { QStringLiteral("hash"), trashed.value(QStringLiteral("sha256")).toString() },
                    { QStringLiteral("note"),
                        QStringLiteral("url recognised: previously deleted (in the trash)") } });
            return HttpResponse::json(200,
                QJsonObject { { QStringLiteral("normalised_url"), normalised },
                    { QStringLiteral("url_file_statuses"), statuses } });
        });
    } else if (path == "/get_files/search_files") {
        if (!ex.takes(GetOrHead))
            return true;
        bool bad = false;
        const QJsonArray tags = jsonListParam(query, QStringLiteral("tags"), &bad);
        if (bad) {
            ex.send(HttpResponse::error(400, tr("tags must be a JSON list of strings")));
            return true;
        }
        // [1, 2] was no tags, so every file.
        auto given = tagList(tags, QStringLiteral("tags"));
        if (!given) {
            ex.send(HttpResponse::error(400, tr("tags must be a JSON list of strings")));
            return true;
        }
        if (const QString tooMany = TagLimits::check(*given); !tooMany.isEmpty()) {
            ex.send(HttpResponse::error(400, tooMany));
            return true;
        }
        QStringList include;
        QStringList exclude;
        for (const QString &t : std::as_const(*given)) {
            if (t.isEmpty() || t.startsWith(QLatin1String("system:")))
                continue; // Hydrus system predicates: not served
            if (t.startsWith(QLatin1Char('-')))
                exclude.append(t.mid(1));
            else
                include.append(t);
        }
        const bool hashes
            = query.queryItemValue(QStringLiteral("return_hashes")) == QLatin1String("true");
        const bool ids
            = query.queryItemValue(QStringLiteral("return_file_ids")) != QLatin1String("false");
        // No predicate at all (tags=[], or no tags=) finds nothing, as in
        // Hydrus, where a client asks for every file with
        // ["system:everything"]; it answered every file, as if unfiltered.
        const bool nothing = given->isEmpty();
        read(ex,
            [include, exclude, hashes, ids, nothing](CatalogReader &reader, const LibraryPaths &) {
                auto keys = nothing ? Result<QList<qint64>>(QList<qint64>())
                                    : keysWithTags(reader, include, exclude, {}, 0, 10000);
                if (!keys)
                    return HttpResponse::error(500, keys.error());
                QJsonObject o;
                QJsonArray fileIds;
                for (qint64 k : *keys)
                    fileIds.append(k);
                if (ids)
                    o.insert(QStringLiteral("file_ids"), fileIds);
                if (hashes) {
                    QJsonArray list;
                    auto records = reader.byKeys(*keys);
                    if (records) {
                        for (const ImageRecord &r : *records)
                            list.append(r.sha256);
                    }
                    o.insert(QStringLiteral("hashes"), list);
                }
                return HttpResponse::json(200, o);
            });
    } else if (path == "/get_files/file_metadata") {
        if (!ex.takes(GetOrHead))
            return true;
        bool bad = false;
        QJsonArray fileIds = jsonListParam(query, QStringLiteral("file_ids"), &bad);
        QJsonArray hashes = jsonListParam(query, QStringLiteral("hashes"), &bad);
        // ["3"] was file 0 and an answer for it.
        for (const QJsonValue &v : std::as_const(fileIds)) {
            if (fileIdOf(v) <= 0) {
                ex.send(HttpResponse::error(400, tr("file_ids must be a JSON list of file ids")));
                return true;
            }
        }
        for (const QJsonValue &v : std::as_const(hashes)) {
            if (!v.isString()) {
                ex.send(
                    HttpResponse::error(400, tr("hashes must be a JSON list of SHA-256 hashes")));
                return true;
            }
        }
        if (query.hasQueryItem(QStringLiteral("file_id"))) {
            const qint64 key = fileIdParam(query);
            if (key <= 0) {
                ex.send(HttpResponse::error(400, tr("file_id must be a file id")));
                return true;
            }
            fileIds.append(key);
        }
        if (query.hasQueryItem(QStringLiteral("hash")))
            hashes.append(query.queryItemValue(QStringLiteral("hash")));
        if (bad || (fileIds.isEmpty() && hashes.isEmpty())
            || fileIds.size() + hashes.size() > 1000) {
            ex.send(HttpResponse::error(
                400, tr("name up to 1000 files with file_ids=[..] or hashes=[..]")));
            return true;
        }
        read(ex, [fileIds, hashes](CatalogReader &reader, const LibraryPaths &) {
            QJsonArray metadata;
            HttpResponse refusal;
            for (const QJsonValue &v : fileIds) {
                auto r = imageByKey(reader, v.toInteger(), &refusal);
                metadata.append(r ? metadataOf(*r)
                                  : QJsonObject { { QStringLiteral("file_id"), v.toInteger() },
                                      { QStringLiteral("hash"), QJsonValue() } });
            }
            for (const QJsonValue &v : hashes) {
                auto r = imageBySha(reader, v.toString(), &refusal);
                metadata.append(r ? metadataOf(*r)
                                  : QJsonObject { { QStringLiteral("file_id"), QJsonValue() },
                                      { QStringLiteral("hash"), v.toString() } });
            }
            return HttpResponse::json(200,
                QJsonObject { { QStringLiteral("services"), QJsonObject {} },
                    { QStringLiteral("metadata"), metadata } });
        });
    } else if (path == "/get_files/file" || path == "/get_files/thumbnail") {
        if (!ex.takes(GetOrHead))
            return true;
        const bool thumb = path == "/get_files/thumbnail";
        const HttpRequest request = ex.request;
        read(ex, [thumb, request](CatalogReader &reader, const LibraryPaths &paths) {
            HttpResponse refusal;
            auto record = oneFile(reader, request.query, &refusal);
            if (!record)
                return refusal;
            // Hydrus clients check the file they get against its hash.
            return thumb ? thumbnailResponse(reader, *record, request)
                         : originalResponse(*record, paths, request, SvgzCoding::AsFile);
        });
    } else {
        return false;
    }
    return true;
}

void ApiServer::hydrusAddUrl(const Exchange &ex)
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
    auto tags = serviceTags(*body,
        { QStringLiteral("service_names_to_additional_tags"),
            QStringLiteral("service_keys_to_additional_tags") });
    auto filterable = tagList(
        body->value(QStringLiteral("filterable_tags")), QStringLiteral("filterable_tags"));
    if (!tags || !filterable) {
        ex.send(HttpResponse::error(400, !tags ? tags.error() : filterable.error()));
        return;
    }
    *tags += *filterable;
    if (const QString tooMany = TagLimits::check(*tags); !tooMany.isEmpty()) {
        ex.send(HttpResponse::error(400, tooMany));
        return;
    }
    const QString normalised = *url;
    add(ex, { *url, {}, *tags }, [normalised](qint64 id) {
        return HttpResponse::json(200,
            QJsonObject { { QStringLiteral("human_result_text"),
                              QStringLiteral("\"%1\" URL added successfully.").arg(normalised) },
                { QStringLiteral("normalised_url"), normalised },
                { QStringLiteral("trove_status_url"), QStringLiteral("/status/%1").arg(id) } });
    });
}

// Hydrus answers add_file once the file is imported: status 1 imported,
// 2 already in the library, 4 failed. The file comes as {"path": ...} or as
// the raw bytes of the body.
void ApiServer::hydrusAddFile(const Exchange &ex)
{
    auto answered = [ex](const Result<qint64> &queueId) {
        if (!queueId)
            ex.send(HttpResponse::json(200,
                QJsonObject { { QStringLiteral("status"), 4 },
                    { QStringLiteral("hash"), QString() },
                    { QStringLiteral("note"), queueId.error() } }));
    };
    auto finished = [this, ex](const IngestItem &item) {
        const bool ok = item.state == IngestState::Done || item.state == IngestState::Duplicate;
        const int status = item.state == IngestState::Done ? 1 : ok ? 2 : 4;
        const QString note
            = ok ? (status == 1 ? tr("imported") : tr("already in the library")) : item.error;
        const qint64 key = item.imageKey;
        if (!ok || key <= 0) {
            ex.send(HttpResponse::json(200,
                QJsonObject { { QStringLiteral("status"), status },
                    { QStringLiteral("hash"), QString() }, { QStringLiteral("note"), note } }));
            return;
        }
        read(ex, [key, status, note](CatalogReader &reader, const LibraryPaths &) {
            HttpResponse refusal;
            auto record = imageByKey(reader, key, &refusal);
            return HttpResponse::json(200,
                QJsonObject { { QStringLiteral("status"), status },
                    { QStringLiteral("hash"), record ? record->sha256 : QString() },
                    { QStringLiteral("note"), note } });
        });
    };

    if (!ex.request.header("content-type").toLower().startsWith("application/json")) {
        if (ex.request.body.isEmpty()) {
            ex.send(HttpResponse::error(
                400, tr("no file: send its bytes, or {\"path\": ...} as JSON")));
            return;
        }
        // The suffix only names the temp file; the processor sniffs the bytes.
        const QByteArray type = ex.request.header("content-type").toLower();
        const QString suffix = type.startsWith("image/")
            ? QString::fromLatin1(type.mid(6).split(';').first().split('+').first())
            : QStringLiteral("bin");
        m_ingest.submitBytes(ex.request.body, suffix, { {}, tr("upload"), {} }, answered, finished);
        return;
    }
    HttpResponse refusal;
    auto body = jsonBody(ex.request, &refusal);
    if (!body) {
        ex.send(refusal);
        return;
    }
    auto path = ApiIngest::checkPath(body->value(QStringLiteral("path")));
    if (!path) {
        ex.send(HttpResponse::error(400, path.error()));
        return;
    }
    m_ingest.submit({ *path, {}, {} }, answered, finished);
}

void ApiServer::hydrusAddTags(const Exchange &ex)
{
    HttpResponse refusal;
    auto body = jsonBody(ex.request, &refusal);
    if (!body) {
        ex.send(refusal);
        return;
    }
    bool badHashes = false;
    QStringList hashes = hashList(body->value(QStringLiteral("hashes")), &badHashes);
    if (badHashes) {
        ex.send(HttpResponse::error(400, tr("hashes must be a list of SHA-256 hashes")));
        return;
    }
    if (body->contains(QStringLiteral("hash")))
        hashes.append(body->value(QStringLiteral("hash")).toString());
    // ["3"] was file 0: a 404 for a file nobody named.
    QList<qint64> fileIds;
    const QJsonValue ids = body->value(QStringLiteral("file_ids"));
    bool badIds = !ids.isUndefined() && !ids.isNull() && !ids.isArray();
    for (const QJsonValue &v : ids.toArray()) {
        badIds = badIds || fileIdOf(v) <= 0;
        fileIds.append(fileIdOf(v));
    }
    if (body->contains(QStringLiteral("file_id"))) {
        badIds = badIds || fileIdOf(body->value(QStringLiteral("file_id"))) <= 0;
        fileIds.append(fileIdOf(body->value(QStringLiteral("file_id"))));
    }
    if (badIds) {
        ex.send(HttpResponse::error(400, tr("file_id and file_ids must be a list of file ids")));
        return;
    }
    auto added = serviceTags(
        *body, { QStringLiteral("service_names_to_tags"), QStringLiteral("service_keys_to_tags") });
    if (!added) {
        ex.send(HttpResponse::error(400, added.error()));
        return;
    }
    QStringList add = *added;
    QStringList remove;
    for (const QString &field : { QStringLiteral("service_names_to_actions_to_tags"),
             QStringLiteral("service_keys_to_actions_to_tags") }) {
        const QJsonValue value = body->value(field);
        if (!value.isUndefined() && !value.isNull() && !value.isObject()) {
            ex.send(HttpResponse::error(
                400, tr("%1 must be an object of services to actions to tags").arg(field)));
            return;
        }
        const QJsonObject services = value.toObject();
        for (auto it = services.begin(); it != services.end(); ++it) {
            const QString where = field + QLatin1Char('.') + it.key();
            if (!it.value().isObject()) {
                ex.send(HttpResponse::error(
                    400, tr("%1 must be an object of actions to tags").arg(where)));
                return;
            }
            const QJsonObject actions = it.value().toObject();
            auto adding = tagList(actions.value(QStringLiteral("0")), where + QStringLiteral(".0"));
            auto removing
                = tagList(actions.value(QStringLiteral("1")), where + QStringLiteral(".1"));
            if (!adding || !removing) {
                ex.send(HttpResponse::error(400, !adding ? adding.error() : removing.error()));
                return;
            }
            add += *adding;
            remove += *removing;
        }
    }
    if (const QString tooMany = TagLimits::check(add + remove); !tooMany.isEmpty()) {
        ex.send(HttpResponse::error(400, tooMany));
        return;
    }
    if (hashes.isEmpty() && fileIds.isEmpty()) {
        ex.send(
            HttpResponse::error(400, tr("name the files with hash, hashes, file_id or file_ids")));
        return;
    }
    if (add.isEmpty() && remove.isEmpty()) {
        ex.send(HttpResponse::error(400, tr("no tags to add or remove")));
        return;
    }
    // Every file must exist before anything changes: all or nothing.
    auto keys = m_reads->call<QList<qint64>>(
        [hashes, fileIds](CatalogReader &reader) -> Result<QList<qint64>> {
            QList<qint64> keys;
            HttpResponse refusal;
            for (const QString &h : hashes) {
                auto r = imageBySha(reader, h, &refusal);
                if (!r)
                    return fail(QStringLiteral("no file has hash %1").arg(h.left(80)));
                keys.append(r->key);
            }
            for (qint64 id : fileIds) {
                auto r = imageByKey(reader, id, &refusal);
                if (!r)
                    return fail(QStringLiteral("no file with id %1").arg(id));
                keys.append(r->key);
            }
            return keys;
        });
    whenFinished(keys, this, [this, ex, add, remove](const Result<QList<qint64>> &keys) {
        if (!keys) {
            ex.send(HttpResponse::error(404, keys.error()));
            return;
        }
        whenFinished(
            m_writer->editTags(*keys, add, remove), this, [ex](const Result<int> &changed) {
                ex.send(changed ? HttpResponse::json(200, QJsonObject {})
                                : HttpResponse::error(500, changed.error()));
            });
    });
}

} // namespace trove::api
