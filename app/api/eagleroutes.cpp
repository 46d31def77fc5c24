// SPDX-License-Identifier: MIT
// The Eagle API subset (https://api.eagle.cool), with Eagle's field names
// and its {"status": "success", "data": ...} envelope, so userscripts and
// tools written for Eagle can send images to Trove.
#include "api/apiresponses.h"
#include "api/apiserver.h"

#include <QJsonArray>
#include <QSysInfo>
#include <memory>

namespace trove::api {

namespace {

HttpResponse success(const QJsonValue &data = {})
{
    QJsonObject o { { QStringLiteral("status"), QStringLiteral("success") } };
    if (!data.isUndefined() && !data.isNull())
        o.insert(QStringLiteral("data"), data);
    return HttpResponse::json(200, o);
}

HttpResponse eagleError(int status, const QString &message)
{
    return HttpResponse::json(status,
        QJsonObject { { QStringLiteral("status"), QStringLiteral("error") },
            { QStringLiteral("message"), message }, { QStringLiteral("error"), message } });
}

QString extOf(const QString &format)
{
    const QString f = format.toLower();
    return f == QLatin1String("jpeg") ? QStringLiteral("jpg") : f;
}

QJsonObject eagleItem(const ImageRecord &r)
{
    return QJsonObject { { QStringLiteral("id"), r.id }, { QStringLiteral("name"), r.name },
        { QStringLiteral("size"), r.originalBytes }, { QStringLiteral("ext"), extOf(r.format) },
        { QStringLiteral("tags"), QJsonArray::fromStringList(r.tags) },
        { QStringLiteral("folders"), QJsonArray {} }, { QStringLiteral("isDeleted"), false },
        { QStringLiteral("url"), r.sources.value(0) }, { QStringLiteral("website"), r.foundOn },
        { QStringLiteral("annotation"), r.annotation },
        { QStringLiteral("modificationTime"), r.addedAt.toMSecsSinceEpoch() },
        { QStringLiteral("width"), r.width }, { QStringLiteral("height"), r.height },
        { QStringLiteral("star"), r.rating }, { QStringLiteral("palettes"), QJsonArray {} } };
}

// Eagle's `headers` for one item's download: Referer, User-Agent and Cookie,
// names in any case. Other names are ignored, as a browser extension may
// send what it has. A value that could split the request (CR, LF, NUL) or
// is over 8 KiB refuses the call: better than a fetch that silently goes
// without what it was given.
Result<FetchHeaders> eagleHeaders(const QJsonObject &headers)
{
    FetchHeaders out;
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        const QString name = it.key().toLower();
        if (name != QLatin1String("referer") && name != QLatin1String("user-agent")
            && name != QLatin1String("cookie"))
            continue;
        if (!it.value().isString())
            return fail(ApiServer::tr("headers.%1 must be a string").arg(it.key()));
        const QByteArray raw = it.value().toString().toUtf8();
        if (raw.contains('\r') || raw.contains('\n') || raw.contains('\0'))
            return fail(ApiServer::tr("headers.%1 contains a line break or NUL").arg(it.key()));
        const QByteArray value = raw.trimmed();
        if (value.size() > 8 * 1024)
            return fail(ApiServer::tr("headers.%1 is longer than 8 KiB").arg(it.key()));
        if (name == QLatin1String("referer"))
            out.referer = pageUrl(QString::fromUtf8(value));
        else if (name == QLatin1String("user-agent"))
            out.userAgent = value;
        else
            out.cookie = value;
    }
    return out;
}

} // namespace

bool ApiServer::routeEagle(const Exchange &ex)
{
    const QByteArray &path = ex.request.path;
    using enum Exchange::Takes;
    // Each route by its path, then its method (Exchange::takes()).
    if (path == "/api/application/info") {
        if (!ex.takes(GetOrHead))
            return true;
        ex.send(success(
            QJsonObject { { QStringLiteral("version"), QCoreApplication::applicationVersion() },
                { QStringLiteral("prereleaseVersion"), QJsonValue() },
                { QStringLiteral("buildVersion"), QCoreApplication::applicationVersion() },
                { QStringLiteral("execPath"), QString() },
                { QStringLiteral("platform"), QSysInfo::productType() },
                { QStringLiteral("application"), QStringLiteral("Trove") } }));
        return true;
    }
    if (path == "/api/item/addFromURL" || path == "/api/item/addFromURLs"
        || path == "/api/item/addFromPath") {
        if (!ex.takes(Post))
            return true;
        HttpResponse refusal;
        auto body = jsonBody(ex.request, &refusal);
        if (!body) {
            ex.send(refusal);
            return true;
        }
        if (path == "/api/item/addFromURLs") {
            const QJsonValue items = body->value(QStringLiteral("items"));
            if (!items.isArray() || items.toArray().isEmpty() || items.toArray().size() > 1000) {
                ex.send(
                    eagleError(400, tr("items must be a list of 1 to 1000 {url, ...} objects")));
                return true;
            }
            eagleAdd(ex, items.toArray(), false, true);
        } else {
            eagleAdd(ex, QJsonArray { *body }, path == "/api/item/addFromPath", false);
        }
        return true;
    }
    if (path == "/api/item/list") {
        if (!ex.takes(GetOrHead))
            return true;
        const QUrlQuery &q = ex.request.query;
        bool ok = true;
        bool okOffset = true;
        const QString limitText = q.queryItemValue(QStringLiteral("limit"));
        const QString offsetText = q.queryItemValue(QStringLiteral("offset"));
        const qint64 limit = limitText.isEmpty() ? 200 : limitText.toLongLong(&ok);
        const qint64 offset = offsetText.isEmpty() ? 0 : offsetText.toLongLong(&okOffset);
        if (!ok || !okOffset || limit < 1 || limit > 1000 || offset < 0) {
            ex.send(eagleError(400, tr("limit must be 1 to 1000 and offset 0 or more")));
            return true;
        }
        const QString keyword = q.queryItemValue(QStringLiteral("keyword"), QUrl::FullyDecoded);
        const QStringList tags = q.queryItemValue(QStringLiteral("tags"), QUrl::FullyDecoded)
                                     .split(QLatin1Char(','), Qt::SkipEmptyParts);
        const QString ext = q.queryItemValue(QStringLiteral("ext"), QUrl::FullyDecoded).toLower();
        read(ex, [limit, offset, keyword, tags, ext](CatalogReader &reader, const LibraryPaths &) {
            QList<ImageRecord> records;
            if (!tags.isEmpty()) {
                QStringList trimmed;
                for (const QString &t : tags)
                    trimmed.append(t.trimmed());
                auto keys = keysWithTags(reader, trimmed, {}, keyword, offset, limit);
                if (!keys)
                    return eagleError(500, keys.error());
                auto found = reader.byKeys(*keys);
                if (!found)
                    return eagleError(500, found.error());
                records = *found;
            } else {
                ImageQuery query;
                // Eagle's keyword is text to find, not a search of Trove's
                // language: one quoted phrase.
                if (QString text = keyword; !text.remove(QLatin1Char('"')).trimmed().isEmpty())
                    query.search = QLatin1Char('"') + text + QLatin1Char('"');
                auto found = reader.list(query, offset, limit);
                if (!found)
                    return eagleError(500, found.error());
                records = *found;
            }
            QJsonArray data;
            for (const ImageRecord &r : std::as_const(records)) {
                if (ext.isEmpty() || extOf(r.format) == ext || r.format.toLower() == ext)
                    data.append(eagleItem(r));
            }
            return success(data);
        });
        return true;
    }
    return false;
}

// Every item is checked before any is queued: one bad item refuses the
// whole call and adds nothing.
void ApiServer::eagleAdd(const Exchange &ex, const QJsonArray &items, bool fromPath, bool many)
{
    QList<IngestRequest> requests;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items[i].toObject();
        const QString where = many ? tr("item %1: ").arg(i) : QString();
        // 3 was an item with "no url given"; a number as a name, no name.
        if (!items[i].isObject()) {
            ex.send(eagleError(400, where + tr("an item must be an object")));
            return;
        }
        for (const QString &field : { QStringLiteral("name"), QStringLiteral("annotation") }) {
            if (const auto text = textField(item.value(field), field); !text) {
                ex.send(eagleError(400, where + text.error()));
                return;
            }
        }
        auto source = fromPath ? ApiIngest::checkPath(item.value(QStringLiteral("path")))
                               : ApiIngest::checkUrl(item.value(QStringLiteral("url")));
        if (!source) {
            ex.send(eagleError(400, where + source.error()));
            return;
        }
        // Referer, User-Agent and Cookie go with this item's download only,
        // and are never stored (docs/api.md). The page the image came from
        // is headers.Referer, else website.
        const QJsonValue given = item.value(QStringLiteral("headers"));
        if (!given.isUndefined() && !given.isNull() && !given.isObject()) {
            ex.send(eagleError(400, where + tr("headers must be an object")));
            return;
        }
        auto headers = eagleHeaders(given.toObject());
        if (!headers) {
            ex.send(eagleError(400, where + headers.error()));
            return;
        }
        auto tags = tagList(item.value(QStringLiteral("tags")), QStringLiteral("tags"));
        if (tags) {
            if (const QString tooMany = TagLimits::check(*tags); !tooMany.isEmpty())
                tags = fail(tooMany);
        }
        if (!tags) {
            ex.send(eagleError(400, where + tags.error()));
            return;
        }
        if (headers->referer.isEmpty())
            headers->referer = pageUrl(item.value(QStringLiteral("website")));
        requests.append({ *source, item.value(QStringLiteral("name")).toString(), *tags, false,
            *headers, item.value(QStringLiteral("annotation")).toString().trimmed() });
    }
    struct Gather {
        QJsonArray data;
        QString error;
        qsizetype left = 0;
    };
    auto gather = std::make_shared<Gather>();
    gather->left = requests.size();
    for (qsizetype i = 0; i < requests.size(); ++i) {
        m_ingest.submit(requests[i], [ex, gather, many](const Result<qint64> &id) {
            if (!id)
                gather->error = id.error();
            else
                gather->data.append(QJsonObject { { QStringLiteral("id"), *id },
                    { QStringLiteral("status_url"), QStringLiteral("/status/%1").arg(*id) } });
            if (--gather->left > 0)
                return;
            if (!gather->error.isEmpty())
                ex.send(eagleError(500, gather->error));
            else
                ex.send(success(many ? QJsonValue(gather->data) : gather->data.first()));
        });
    }
}

} // namespace trove::api
