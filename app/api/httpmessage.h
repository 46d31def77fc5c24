// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace trove::api {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

/// One parsed HTTP/1.1 request. A value.
struct HttpRequest {
    QByteArray method; ///< as sent: GET, POST, OPTIONS, ...
    QByteArray target; ///< the request target as sent, percent-encoded
    QByteArray path; ///< target without query, still percent-encoded
    QUrlQuery query;
    HeaderList headers; ///< names lower-cased, in order
    QByteArray body;
    QHostAddress peer;
    bool keepAlive = true;

    /// Value of header @p lowerName, or a null QByteArray.
    QByteArray header(const QByteArray &lowerName) const;
    bool isGetLike() const { return method == "GET" || method == "HEAD"; }
};

/// One answer. A value; build it on any thread.
struct HttpResponse {
    int status = 200;
    HeaderList headers;
    QByteArray body;

    HttpResponse &withHeader(const QByteArray &name, const QByteArray &value);
    bool hasHeader(const QByteArray &name) const;

    static HttpResponse json(int status, const QJsonValue &value);
    /// A refusal: {"error": reason, "status": code}.
    static HttpResponse error(int status, const QString &reason);
    static HttpResponse bytes(int status, const QByteArray &body, const QByteArray &contentType);
    static QByteArray reasonPhrase(int status);
};

} // namespace trove::api
