// SPDX-License-Identifier: MIT
#include "api/apiresponses.h"

#include "base/tagkey.h"
#include "ingest/svgdocument.h"
#include "storage/gzipcodec.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSqlQuery>
#include <QUrl>
#include <cmath>
#include <limits>
#include <optional>

namespace trove::api {

namespace {

bool isSha(const QString &s)
{
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    return hex.match(s).hasMatch();
}

QString tr(const char *text)
{
    return QCoreApplication::translate("trove::api", text);
}

QString html(const QString &s)
{
    return s.toHtmlEscaped();
}

/// ASCII digits as a number. One too big for 64 bits is the largest
/// there is: a position past any image, never 0 or a negative number as
/// toLongLong() without its ok flag made it.
qint64 saturatedNumber(QStringView digits)
{
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    qint64 n = 0;
    for (const QChar c : digits) {
        const int digit = c.unicode() - '0';
        if (n > (kMax - digit) / 10)
            return kMax;
        n = n * 10 + digit;
    }
    return n;
}

/// What a Range header asks of an image of @p size bytes (RFC 9110 §14).
struct ByteRange {
    enum class Kind {
        Ignored, ///< unreadable, another unit or several ranges: serve it all
        Unsatisfiable, ///< nothing of it is in the image: 416
        Part, ///< bytes first to last, both within the image
    };
    Kind kind = Kind::Ignored;
    qint64 first = 0;
    qint64 last = 0;
};

ByteRange byteRange(const QByteArray &header, qint64 size)
{
    using Kind = ByteRange::Kind;
    // One range: bytes=a-b, bytes=a- or bytes=-n; the unit in any case.
    static const QRegularExpression spec(
        QStringLiteral("^bytes=([0-9]*)-([0-9]*)$"), QRegularExpression::CaseInsensitiveOption);
    const QString text = QString::fromLatin1(header).trimmed();
    const auto m = spec.match(text);
    if (!m.hasMatch() || (m.capturedView(1).isEmpty() && m.capturedView(2).isEmpty()))
        return {};
    if (m.capturedView(1).isEmpty()) {
        // The last n bytes; a suffix longer than the image is all of it.
        const qint64 n = saturatedNumber(m.capturedView(2));
        if (n == 0 || size == 0)
            return { Kind::Unsatisfiable };
        return { Kind::Part, qMax<qint64>(0, size - n), size - 1 };
    }
    const qint64 first = saturatedNumber(m.capturedView(1));
    const qint64 last = m.capturedView(2).isEmpty() ? std::numeric_limits<qint64>::max()
                                                    : saturatedNumber(m.capturedView(2));
    if (last < first)
        return {}; // invalid (§14.1.1), so ignored
    if (first >= size)
        return { Kind::Unsatisfiable };
    // A last position past the end means the end.
    return { Kind::Part, first, qMin(last, size - 1) };
}

/// Whether an If-None-Match value names @p etag (quotes included): "*",
/// or a list of entity tags compared weakly, as RFC 9110 §13.1.2 asks of
/// this header, so W/"<sha>" matches "<sha>". A value that is no list of
/// entity tags names nothing.
bool namesEtag(const QByteArray &value, const QByteArray &etag)
{
    const QByteArray list = value.trimmed();
    if (list == "*")
        return true;
    qsizetype i = 0;
    while (i < list.size()) {
        const char c = list.at(i);
        if (c == ' ' || c == '\t' || c == ',') {
            ++i;
            continue;
        }
        if (list.sliced(i).startsWith("W/"))
            i += 2;
        if (i >= list.size() || list.at(i) != '"')
            return false;
        const qsizetype close = list.indexOf('"', i + 1);
        if (close < 0)
            return false;
        if (list.sliced(i, close - i + 1) == etag)
            return true;
        i = close + 1;
    }
    return false;
}

} // namespace

Result<ImageRecord> resolveImage(
    CatalogReader &reader, const QString &idOrName, HttpResponse *refusal)
{
    auto found = idOrName.isEmpty() ? Result<QList<ImageRecord>>(QList<ImageRecord>())
                                    : reader.resolve(idOrName);
    if (!found) {
        *refusal = HttpResponse::error(500, found.error());
        return fail(found.error());
    }
    if (found->isEmpty()) {
        *refusal = HttpResponse::error(404, tr("no image is named %1").arg(idOrName.left(200)));
        return fail(QStringLiteral("not found"));
    }
    if (found->size() > 1) {
        *refusal = HttpResponse::error(409,
            tr("%1 images are named %2; ask by id").arg(found->size()).arg(idOrName.left(200)));
        return fail(QStringLiteral("ambiguous"));
    }
    return found->first();
}

Result<ImageRecord> imageByKey(CatalogReader &reader, qint64 key, HttpResponse *refusal)
{
    auto record = key > 0 ? reader.byKey(key) : Result<ImageRecord>(ImageRecord {});
    if (!record || !record->isValid()) {
        *refusal = HttpResponse::error(404, tr("no file with id %1").arg(key));
        return fail(QStringLiteral("not found"));
    }
    return record;
}

Result<ImageRecord> imageBySha(CatalogReader &reader, const QString &sha256, HttpResponse *refusal)
{
    const QString sha = sha256.toLower();
    if (!isSha(sha)) {
        *refusal = HttpResponse::error(400, tr("not a SHA-256 hash: %1").arg(sha256.left(80)));
        return fail(QStringLiteral("bad hash"));
    }
    QSqlQuery q = reader.catalog().query(QStringLiteral("SELECT id FROM images WHERE sha256 = ?"));
    q.addBindValue(sha);
    if (!q.exec() || !q.next()) {
        *refusal = HttpResponse::error(404, tr("no file has hash %1").arg(sha));
        return fail(QStringLiteral("not found"));
    }
    return imageByKey(reader, q.value(QStringLiteral("id")).toLongLong(), refusal);
}

QByteArray mimeTypeOf(const QString &format)
{
    const QString f = format.toLower();
    if (f == QLatin1String("jpeg") || f == QLatin1String("jpg"))
        return "image/jpeg";
    if (f == QLatin1String("svg") || f == QLatin1String("svgz"))
        return "image/svg+xml";
    if (f == QLatin1String("tif") || f == QLatin1String("tiff"))
        return "image/tiff";
    if (f == QLatin1String("ico") || f == QLatin1String("cur"))
        return "image/vnd.microsoft.icon";
    if (f == QLatin1String("tga"))
        return "image/x-tga";
    if (f == QLatin1String("ppm") || f == QLatin1String("pgm") || f == QLatin1String("pbm"))
        return "image/x-portable-"
            + QByteArray(f == QLatin1String("ppm") ? "pixmap"
                    : f == QLatin1String("pgm")    ? "graymap"
                                                   : "bitmap");
    if (f.isEmpty())
        return "application/octet-stream";
    return "image/" + f.toLatin1();
}

bool acceptsGzip(const QByteArray &acceptEncoding)
{
    // RFC 9110 §12.5.3: codings with optional weights; gzip (or x-gzip) by
    // name, or "*" when gzip is not named. q=0 refuses.
    std::optional<bool> named;
    bool any = false;
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray coding = parts.first().trimmed().toLower();
        bool refused = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed().toLower();
            if (parameter.startsWith("q=")) {
                bool ok = false;
                const double weight = parameter.mid(2).trimmed().toDouble(&ok);
                refused = !ok || weight <= 0;
            }
        }
        if (coding == "gzip" || coding == "x-gzip")
            named = named.value_or(false) || !refused;
        else if (coding == "*")
            any = !refused;
    }
    return named.value_or(any);
}

HttpResponse originalResponse(const ImageRecord &record, const LibraryPaths &paths,
    const HttpRequest &request, SvgzCoding svgz)
{
    const bool isSvgz = record.format.compare(QLatin1String("svgz"), Qt::CaseInsensitive) == 0;
    // An svgz is SVG in gzip. A client that takes gzip (a browser) is sent
    // the file as it is, declared so, and inflates it; one that does not
    // say so (Python's urllib, curl without --compressed) gets the SVG
    // text, so that what it saves is a drawing. Two representations: two
    // ETags, and Vary.
    const bool declared = isSvgz && svgz == SvgzCoding::Declared;
    const bool inflate = declared && !acceptsGzip(request.header("accept-encoding"));
    const QByteArray etag
        = '"' + record.sha256.toLatin1() + (inflate ? QByteArray("-svg") : QByteArray()) + '"';
    const QByteArray ifNoneMatch = request.header("if-none-match");
    if (!ifNoneMatch.isEmpty() && namesEtag(ifNoneMatch, etag)) {
        HttpResponse r;
        r.status = 304;
        r.withHeader("ETag", etag);
        if (declared)
            r.withHeader("Vary", "Accept-Encoding");
        return r;
    }
    auto bytes = GzipCodec::readAll(paths.blobFile(record.sha256));
    if (!bytes)
        return HttpResponse::error(500,
            tr("cannot read image %1: %2 (`trove verify` checks the library)")
                .arg(record.id, bytes.error()));
    if (inflate) {
        QBuffer file(&*bytes);
        file.open(QIODevice::ReadOnly);
        auto text = SvgDocument::text(&file, "svgz");
        if (!text)
            return HttpResponse::error(500,
                tr("cannot inflate image %1: %2 (`trove verify` checks the library)")
                    .arg(record.id, text.error()));
        *bytes = std::move(*text);
    }
    const qint64 size = bytes->size();
    HttpResponse r = HttpResponse::bytes(200, *bytes,
        isSvgz && !declared ? QByteArray("application/gzip") : mimeTypeOf(record.format));
    r.withHeader("ETag", etag).withHeader("Accept-Ranges", "bytes");
    // Ranges count the bytes sent: the file's, or the inflated text's.
    if (declared) {
        if (!inflate)
            r.withHeader("Content-Encoding", "gzip");
        r.withHeader("Vary", "Accept-Encoding");
    }
    const QByteArray ascii
        = QString(record.name)
              .replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._ -]")), QStringLiteral("_"))
              .toLatin1();
    r.withHeader("Content-Disposition",
        "inline; filename=\"" + ascii + "\"; filename*=UTF-8''"
            + QUrl::toPercentEncoding(record.name));
    const QByteArray range = request.header("range");
    if (range.isEmpty())
        return r;
    const ByteRange part = byteRange(range, size);
    if (part.kind == ByteRange::Kind::Ignored)
        return r;
    if (part.kind == ByteRange::Kind::Unsatisfiable) {
        HttpResponse bad
            = HttpResponse::error(416, tr("range outside the %1 bytes of the image").arg(size));
        bad.withHeader("Content-Range", "bytes */" + QByteArray::number(size));
        return bad;
    }
    const qint64 first = part.first;
    const qint64 last = part.last;
    r.status = 206;
    r.body = r.body.mid(first, last - first + 1);
    r.withHeader("Content-Range",
        "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
            + QByteArray::number(size));
    return r;
}

HttpResponse thumbnailResponse(
    CatalogReader &reader, const ImageRecord &record, const HttpRequest &request)
{
    Q_UNUSED(request);
    auto thumb = reader.thumbnail(record.key);
    if (!thumb)
        return HttpResponse::error(500, thumb.error());
    if (thumb->isEmpty())
        return HttpResponse::error(404, tr("image %1 has no thumbnail yet").arg(record.id));
    const QByteArray type = thumb->startsWith("\x89PNG") ? "image/png" : "image/jpeg";
    HttpResponse r = HttpResponse::bytes(200, *thumb, type);
    r.withHeader("Cache-Control", "private, max-age=86400");
    return r;
}

Result<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *refusal)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(request.body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        *refusal = HttpResponse::error(400,
            request.body.isEmpty() ? tr("no JSON body")
                : error.error != QJsonParseError::NoError
                ? tr("body is not JSON: %1 at byte %2").arg(error.errorString()).arg(error.offset)
                : tr("body is not a JSON object"));
        return fail(QStringLiteral("bad body"));
    }
    return doc.object();
}

QString pageUrl(const QJsonValue &value)
{
    const QUrl url(value.toString().trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url.toString();
}

Result<QStringList> tagList(const QJsonValue &value, const QString &field)
{
    if (value.isUndefined() || value.isNull())
        return QStringList();
    const auto refuse
        = [&field] { return fail(tr("%1 must be a list of strings").arg(field.left(200))); };
    if (!value.isArray())
        return refuse();
    QStringList out;
    for (const QJsonValue &v : value.toArray()) {
        if (!v.isString())
            return refuse();
        if (const QString tag = v.toString().trimmed(); !tag.isEmpty())
            out.append(tag);
    }
    return out;
}

Result<QString> textField(const QJsonValue &value, const QString &field)
{
    if (value.isUndefined() || value.isNull())
        return QString();
    if (!value.isString())
        return fail(tr("%1 must be a string").arg(field.left(200)));
    return value.toString();
}

qint64 fileIdOf(const QJsonValue &value)
{
    // JSON numbers are doubles: a whole one up to 2^53 is exact.
    const double d = value.toDouble(0);
    if (!value.isDouble() || d < 1 || d > 9007199254740992.0 || d != std::trunc(d))
        return 0;
    return qint64(d);
}

Result<QList<qint64>> keysWithTags(CatalogReader &reader, const QStringList &include,
    const QStringList &exclude, const QString &keyword, qint64 offset, qint64 limit)
{
    QString sql = QStringLiteral("SELECT i.id FROM images i WHERE 1");
    QVariantList binds;
    // Tags by key (base/tagkey.h): any case, any script.
    for (const QString &t : include) {
        sql += QStringLiteral(" AND EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id AND "
                              "t.tag_key = ?)");
        binds << tagKey(t);
    }
    for (const QString &t : exclude) {
        sql += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.image_id = i.id AND "
                              "t.tag_key = ?)");
        binds << tagKey(t);
    }
    if (!keyword.isEmpty()) {
        sql += QStringLiteral(" AND i.name LIKE ? ESCAPE '\\'");
        binds << querysql::likeContains(keyword);
    }
    sql += QStringLiteral(" ORDER BY i.added_at DESC, i.id DESC LIMIT ? OFFSET ?");
    binds << limit << offset;
    QSqlQuery q = reader.catalog().query(sql);
    for (const QVariant &b : binds)
        q.addBindValue(b);
    if (!q.exec())
        return fail(QStringLiteral("search failed"));
    QList<qint64> keys;
    while (q.next())
        keys.append(q.value(QStringLiteral("id")).toLongLong());
    return keys;
}

QByteArray homePage(const LibraryStats &stats, const QList<ImageRecord> &records, qint64 page,
    qint64 pageSize, const QString &keyQuery)
{
    const QString k = keyQuery.isEmpty() ? QString() : QLatin1Char('?') + keyQuery;
    const QString amp = keyQuery.isEmpty() ? QString() : QLatin1Char('&') + keyQuery;
    QString s;
    s += QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        "<meta name=\"referrer\" content=\"no-referrer\">"
                        "<title>Trove</title><style>"
                        "body{font-family:sans-serif;margin:1.5em}"
                        "ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:12px}"
                        "li{width:180px;font-size:12px;overflow:hidden}"
                        "img{max-width:180px;max-height:180px;display:block}"
                        "</style></head><body>\n<h1>Trove</h1>\n");
    s += QStringLiteral("<p>Images: <strong id=\"count\">%1</strong></p>\n").arg(stats.images);
    s += QStringLiteral("<p>Last upload: <strong id=\"last-upload\">%1</strong></p>\n")
             .arg(stats.lastAdded.isValid() ? isoUtc(stats.lastAdded) : QStringLiteral("never"));
    s += QStringLiteral("<ul id=\"images\">\n");
    for (const ImageRecord &r : records) {
        const QString id = html(r.id);
        s += QStringLiteral("<li><a href=\"/image/%1%2\"><img src=\"/thumbnail/%1%2\" alt=\"%3\" "
                            "loading=\"lazy\"></a><span class=\"name\">%3</span><br>"
                            "%4 %5x%6, %7</li>\n")
                 .arg(id, html(k), html(r.name), html(r.format))
                 .arg(r.width)
                 .arg(r.height)
                 .arg(isoUtc(r.addedAt));
    }
    s += QStringLiteral("</ul>\n<p>");
    // From past the end, "newer" leads back to the last page.
    const qint64 lastPage = qMax<qint64>(0, (stats.images - 1) / pageSize);
    if (page > 0)
        s += QStringLiteral("<a rel=\"prev\" href=\"/?page=%1%2\">newer</a> ")
                 .arg(qMin(page - 1, lastPage))
                 .arg(html(amp));
    if (page < lastPage)
        s += QStringLiteral("<a rel=\"next\" href=\"/?page=%1%2\">older</a>")
                 .arg(page + 1)
                 .arg(html(amp));
    s += QStringLiteral("</p>\n</body></html>\n");
    return s.toUtf8();
}

} // namespace trove::api
