// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QHostAddress>
#include <QStringList>

namespace trove::api {

/// How the local API listens and what it lets in. A value.
struct ApiConfig {
    // The window shows originProblem() under its Preferences field: this
    // file's strings are in the window's catalogue (ui/CMakeLists.txt).
    Q_DECLARE_TR_FUNCTIONS(ApiConfig)

public:
    static constexpr quint16 kDefaultPort = 45871;

    QHostAddress listen = QHostAddress(QHostAddress::LocalHost);
    quint16 port = kDefaultPort; ///< 0: any free port (tests)
    /// Origins (scheme://host[:port], or chrome-extension://ID,
    /// moz-extension://UUID) whose pages may call the API from a browser.
    /// None by default: CORS headers go to these origins only.
    QStringList allowedOrigins;
    /// Requests per second each client (peer address + Origin) may make on
    /// average, and how many at once; 0 turns the limit off.
    double ratePerSecond = 50;
    int rateBurst = 200;
    qint64 maxJsonBody = qint64(1) << 20; ///< every JSON route
    qint64 maxFileBody = qint64(64) << 20; ///< raw bytes to /add_files/add_file

    /// Origins as typed: trimmed, lower-case scheme and host, no trailing
    /// slash; empty ones dropped.
    static QStringList normalizeOrigins(const QStringList &origins);
    /// Why @p origin as typed can never equal a browser's Origin header
    /// (no scheme, a path, a wildcard, ...); empty when it can.
    static QString originProblem(const QString &origin);
    /// @p origins without those originProblem() names, normalised.
    static QStringList usableOrigins(const QStringList &origins);
};

} // namespace trove::api
