// SPDX-License-Identifier: MIT
#pragma once

#include "recordedrequest.h"
#include "response.h"
#include "routetable.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>
#include <memory>

class QThread;

namespace trove::test {

class Listener;

/// A loopback HTTP/1.1 server for end-to-end tests, serving fixed or
/// computed responses per path, including broken ones (see Response).
/// Its sockets live on its own thread, so a test whose main thread blocks
/// or spins an event loop is still served. Create, start() and stop() it on
/// one thread (the test's); the route and counter methods may be called from
/// any thread. It listens on 127.0.0.1 only, on a free port, and
/// closes every connection after one answer.
///
/// Routing uses the path of the request target, percent-encoded as sent,
/// without query or fragment; unknown paths answer 404. Request bodies with
/// a Content-Length are read and logged (first MiB); chunked request bodies
/// are not framed. Routes and counters survive stop() and start(); the port
/// does not.
class TestServer final {
public:
    TestServer();
    /// Stops the server: quits and joins its thread, dropping open sockets.
    ~TestServer();
    Q_DISABLE_COPY_MOVE(TestServer)

    /// Listens on 127.0.0.1:0. True if listening (also when already was).
    bool start();
    /// Closes the listener and every connection (stalled and endless ones
    /// too) and joins the thread. Idempotent.
    void stop();
    bool isRunning() const { return m_listener != nullptr; }

    /// The bound port; 0 when not running.
    quint16 port() const { return m_port; }
    /// `http://127.0.0.1:<port><path>`; @p path starts with '/' and may
    /// carry a query.
    QUrl url(const QString &path = QStringLiteral("/")) const;

    /// Answers @p path with @p response (replacing any earlier route).
    void addRoute(const QString &path, const Response &response);
    /// Answers @p path with what @p handler returns; it runs on the server
    /// thread, so it must only touch thread-safe state.
    void addHandler(const QString &path, RequestHandler handler);
    /// Answers the first requests to @p path with @p first, in order, and
    /// every later one with @p then (e.g. a 429 with Retry-After, then 200).
    void addSequence(const QString &path, const QList<Response> &first, const Response &then);
    void removeRoute(const QString &path);
    void clearRoutes();

    /// Requests received for @p path (any method, routed or 404).
    int hits(const QString &path) const;
    int totalHits() const;
    /// The last (up to 1000) requests to @p path, oldest first.
    QList<RecordedRequest> requests(const QString &path) const;
    /// Headers of the last request to @p path, in order; empty if none.
    QList<QPair<QByteArray, QByteArray>> requestHeaders(const QString &path) const;
    /// Value of header @p name (any case) in the last request to @p path;
    /// null if there was no request or no such header.
    QByteArray lastRequestHeader(const QString &path, const QByteArray &name) const;
    /// Forgets hits, logged requests and maxConcurrentRequests(); routes stay.
    void resetCounters();
    /// The most requests in flight at once, from the whole request received
    /// until its whole answer is written (or, for stalled and endless ones,
    /// the connection closed): over all paths, or to @p path.
    int maxConcurrentRequests() const;
    int maxConcurrentRequests(const QString &path) const;

    /// Connections accepted and not yet closed: drops to 0 once clients
    /// abort or finish, which lets a test check that a client hung up.
    int activeConnections() const;

private:
    RouteTable m_routes;
    std::unique_ptr<QThread> m_thread;
    Listener *m_listener = nullptr; // lives on m_thread, deleted there
    quint16 m_port = 0;
};

} // namespace trove::test
