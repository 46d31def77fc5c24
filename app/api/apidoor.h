// SPDX-License-Identifier: MIT
#pragma once

#include "api/apiconfig.h"
#include "api/httpmessage.h"
#include "api/ratelimiter.h"

#include <QCoreApplication>
#include <optional>

namespace trove::api {

/// The locks on the local API's door, checked on each request head before
/// its body is read: Host (against DNS rebinding), Origin (CORS only for
/// allowed origins), the per-client rate limit, the access key and the body
/// size. Every refusal is a JSON error naming the lock. The server's thread
/// owns it.
class ApiDoor final {
    Q_DECLARE_TR_FUNCTIONS(ApiDoor)
    Q_DISABLE_COPY_MOVE(ApiDoor)

public:
    ApiDoor(const ApiConfig &config, const QByteArray &key);

    /// Set once the server listens (the port is part of the allowed Hosts).
    void setPort(quint16 port) { m_port = port; }

    /// A refusal, or nothing with @p maxBody set to what the route may carry.
    std::optional<HttpResponse> check(
        const HttpRequest &head, qint64 contentLength, qint64 &maxBody);

    /// The origin to name in Access-Control-Allow-Origin, if @p request
    /// comes from an allowed one; empty otherwise.
    QByteArray corsOrigin(const HttpRequest &request) const;
    /// The answer to an allowed CORS preflight.
    HttpResponse preflight(const HttpRequest &request) const;

    /// The key a request carries (Trove-Api-Key, Hydrus-Client-API-Access-Key
    /// or ?key=), and whether it came in the query (links on the HTML page
    /// then carry it on).
    static QByteArray givenKey(const HttpRequest &request, bool *inQuery = nullptr);

private:
    std::optional<HttpResponse> refuse(
        const HttpRequest &head, qint64 contentLength, qint64 &maxBody);
    bool hostAllowed(const QByteArray &host) const;
    bool originAllowed(const QByteArray &origin) const;

    ApiConfig m_config;
    QByteArray m_key;
    quint16 m_port = 0;
    RateLimiter m_limiter;
};

} // namespace trove::api
