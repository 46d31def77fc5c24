// SPDX-License-Identifier: MIT
#include "api/apidoor.h"

#include "api/apikey.h"

#include <QUrl>

namespace trove::api {

ApiDoor::ApiDoor(const ApiConfig &config, const QByteArray &key)
    : m_config(config)
    , m_key(key)
    , m_port(config.port)
    , m_limiter(config.ratePerSecond, config.rateBurst)
{
    m_config.allowedOrigins = ApiConfig::normalizeOrigins(config.allowedOrigins);
}

QByteArray ApiDoor::givenKey(const HttpRequest &request, bool *inQuery)
{
    if (inQuery)
        *inQuery = false;
    QByteArray key = request.header("trove-api-key");
    if (key.isNull())
        key = request.header("hydrus-client-api-access-key");
    if (key.isNull() && request.query.hasQueryItem(QStringLiteral("key"))) {
        key = request.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded).toUtf8();
        if (inQuery)
            *inQuery = true;
    }
    return key;
}

bool ApiDoor::hostAllowed(const QByteArray &hostHeader) const
{
    const QByteArray host = hostHeader.toLower();
    const QByteArray port = ':' + QByteArray::number(m_port);
    QList<QByteArray> names { "127.0.0.1", "localhost", "[::1]" };
    if (!m_config.listen.isLoopback() && m_config.listen != QHostAddress::Any
        && m_config.listen != QHostAddress::AnyIPv4 && m_config.listen != QHostAddress::AnyIPv6) {
        const QByteArray address = m_config.listen.toString().toLatin1();
        names.append(m_config.listen.protocol() == QAbstractSocket::IPv6Protocol
                ? '[' + address + ']'
                : address);
    }
    for (const QByteArray &name : names) {
        if (host == name + port)
            return true;
    }
    return false;
}

bool ApiDoor::originAllowed(const QByteArray &origin) const
{
    const QString o = QString::fromLatin1(origin).toLower();
    // The API's own pages (GET /) may always call it.
    for (const char *self : { "http://127.0.0.1:", "http://localhost:", "http://[::1]:" }) {
        if (o == QLatin1String(self) + QString::number(m_port))
            return true;
    }
    return m_config.allowedOrigins.contains(o);
}

QByteArray ApiDoor::corsOrigin(const HttpRequest &request) const
{
    const QByteArray origin = request.header("origin");
    return !origin.isEmpty() && originAllowed(origin) ? origin : QByteArray();
}

HttpResponse ApiDoor::preflight(const HttpRequest &request) const
{
    HttpResponse r;
    r.status = 204;
    r.withHeader("Access-Control-Allow-Origin", request.header("origin"))
        .withHeader("Vary", "Origin")
        .withHeader("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
        .withHeader("Access-Control-Allow-Headers",
            "Content-Type, Trove-Api-Key, Hydrus-Client-API-Access-Key, Range")
        .withHeader("Access-Control-Max-Age", "600");
    return r;
}

std::optional<HttpResponse> ApiDoor::check(
    const HttpRequest &head, qint64 contentLength, qint64 &maxBody)
{
    auto refusal = refuse(head, contentLength, maxBody);
    // A page of an allowed origin may read why it was refused (a wrong
    // key, the rate limit); any other origin learns nothing.
    const QByteArray cors = corsOrigin(head);
    if (refusal && !cors.isEmpty())
        refusal->withHeader("Access-Control-Allow-Origin", cors).withHeader("Vary", "Origin");
    return refusal;
}

std::optional<HttpResponse> ApiDoor::refuse(
    const HttpRequest &head, qint64 contentLength, qint64 &maxBody)
{
    const QByteArray host = head.header("host");
    if (host.isEmpty())
        return HttpResponse::error(400, tr("no Host header"));
    if (!hostAllowed(host))
        return HttpResponse::error(403,
            tr("Host %1 is not this API's (DNS rebinding guard): use 127.0.0.1:%2 or localhost:%2")
                .arg(QString::fromLatin1(host))
                .arg(m_port));

    const QByteArray origin = head.header("origin");
    if (!origin.isNull() && !originAllowed(origin))
        return HttpResponse::error(403,
            tr("origin %1 is not allowed to call this API; allow it with "
               "`trove serve --allow-origin %1`")
                .arg(QString::fromLatin1(origin)));

    QString client = head.peer.toString();
    if (!origin.isNull())
        client += QLatin1Char('|') + QString::fromLatin1(origin);
    int retryAfter = 1;
    if (!m_limiter.admit(client, &retryAfter)) {
        HttpResponse r = HttpResponse::error(
            429, tr("rate limit: more than %1 requests per second").arg(m_config.ratePerSecond));
        r.withHeader("Retry-After", QByteArray::number(retryAfter));
        return r;
    }

    maxBody = m_config.maxJsonBody;
    if (head.method == "OPTIONS")
        return std::nullopt; // a preflight carries no key; answered by the server
    if (head.method == "GET" && head.path == "/api_version")
        return std::nullopt;

    const QByteArray key = givenKey(head);
    if (key.isNull())
        return HttpResponse::error(401,
            tr("missing access key: send it as Trove-Api-Key, Hydrus-Client-API-Access-Key "
               "or ?key= (`trove api-key` prints it)"));
    if (!ApiKey::matches(m_key, key))
        return HttpResponse::error(403, tr("wrong access key"));

    const bool isJson = head.header("content-type").toLower().startsWith("application/json");
    if (head.method == "POST" && head.path == "/add_files/add_file" && !isJson)
        maxBody = m_config.maxFileBody;
    if (contentLength > maxBody)
        return HttpResponse::error(413,
            tr("body of %1 bytes; this route takes at most %2").arg(contentLength).arg(maxBody));
    return std::nullopt;
}

} // namespace trove::api
