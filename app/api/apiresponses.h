// SPDX-License-Identifier: MIT
#pragma once

#include "api/httpmessage.h"
#include "base/result.h"
#include "catalog/catalogreader.h"
#include "catalog/imagerecord.h"
#include "storage/librarypaths.h"

#include <QJsonObject>

// Pure helpers the routes share: they build responses from values and a
// reader, on whichever thread calls them (the read pool).
namespace trove::api {

/// The one image @p idOrName names (id, unique id prefix, or exact name):
/// 404 when none, 409 when several share the name.
Result<ImageRecord> resolveImage(
    CatalogReader &reader, const QString &idOrName, HttpResponse *refusal);
/// The image with this SHA-256 (64 hex digits), or a 404 refusal.
Result<ImageRecord> imageBySha(CatalogReader &reader, const QString &sha256, HttpResponse *refusal);
Result<ImageRecord> imageByKey(CatalogReader &reader, qint64 key, HttpResponse *refusal);

/// How an svgz original is described: as SVG in gzip (`Content-Encoding:
/// gzip`, what a browser shows), or as a file that is gzip (what a client
/// checking the file's SHA-256 must receive untouched: HTTP libraries
/// inflate a declared coding on their own).
enum class SvgzCoding { Declared, AsFile };

/// Whether an Accept-Encoding value takes gzip (RFC 9110 §12.5.3): gzip or
/// x-gzip named with a weight above 0, or "*" when gzip is not named. An
/// empty value (no header) does not: such a client gets the identity.
bool acceptsGzip(const QByteArray &acceptEncoding);

/// The original bytes, byte-identical, with Content-Type, ETag (the
/// SHA-256), If-None-Match and single byte ranges. The name and id never
/// reach the file system: the blob path comes from the stored SHA-256.
/// A declared svgz goes to a client that does not take gzip as its SVG
/// text (ETag "SHA-svg"), with Vary: Accept-Encoding either way.
HttpResponse originalResponse(const ImageRecord &record, const LibraryPaths &paths,
    const HttpRequest &request, SvgzCoding svgz = SvgzCoding::Declared);
/// The stored thumbnail (JPEG, or PNG with alpha).
HttpResponse thumbnailResponse(
    CatalogReader &reader, const ImageRecord &record, const HttpRequest &request);

QByteArray mimeTypeOf(const QString &format);

/// The body as a JSON object, or a 400 naming what is wrong.
Result<QJsonObject> jsonBody(const HttpRequest &request, HttpResponse *refusal);
/// The tags of field @p field: a JSON array of strings, trimmed, empty ones
/// dropped (absent or null: none). Anything else (a string, numbers, null
/// in the list) fails naming the field, rather than being read as tags or
/// dropped. Callers bound the tags they gather with TagLimits::check().
Result<QStringList> tagList(const QJsonValue &value, const QString &field);
/// Field @p field as text: a JSON string as it is, absent or null empty.
/// Anything else fails naming the field ({"url": 1} was "no url given").
Result<QString> textField(const QJsonValue &value, const QString &field);
/// A file id as JSON: a whole number from 1 (Hydrus's file_id), else 0.
qint64 fileIdOf(const QJsonValue &value);
/// A JSON string that is an http or https URL (a page an image was found
/// on), else empty: such fields are optional and never refuse a call.
QString pageUrl(const QJsonValue &value);

/// Keys of images having every tag of @p include and none of @p exclude
/// (case-insensitive), newest first, with @p keyword in the name if set.
Result<QList<qint64>> keysWithTags(CatalogReader &reader, const QStringList &include,
    const QStringList &exclude, const QString &keyword, qint64 offset, qint64 limit);

/// GET /: the count, the last upload time and a page of the list, newest
/// first, with thumbnails. @p keyQuery ("key=...", or empty) is appended
/// to links so a browser that opened the page with ?key= can follow them.
QByteArray homePage(const LibraryStats &stats, const QList<ImageRecord> &records, qint64 page,
    qint64 pageSize, const QString &keyQuery);

} // namespace trove::api
