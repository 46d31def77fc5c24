// SPDX-License-Identifier: MIT
#pragma once

#include "recordedrequest.h"
#include "response.h"

#include <QHash>
#include <QList>
#include <QMutex>
#include <QString>
#include <functional>

namespace trove::test {

/// Computes an answer per request; runs on TestServer's thread.
using RequestHandler = std::function<Response(const RecordedRequest &)>;

/// TestServer's routes and request log: what each path answers, how often it
/// was asked and what was sent. Thread-safe: tests write routes and read
/// counters on their thread while the server thread looks routes up.
class RouteTable final {
public:
    RouteTable() = default;
    Q_DISABLE_COPY_MOVE(RouteTable)

    void setResponse(const QString &path, const Response &response);
    void setHandler(const QString &path, RequestHandler handler);
    void remove(const QString &path);
    void clear();

    /// Logs @p request and returns what its path answers: the fixed
    /// response, the handler's result, or a 404 for an unknown path. The
    /// request counts as in flight until release(request.path).
    Response answer(const RecordedRequest &request);
    /// The connection that carried a request to @p path has closed.
    void release(const QString &path);

    int hits(const QString &path) const;
    int totalHits() const;
    /// The most recent requests to @p path, oldest first (at most 1000).
    QList<RecordedRequest> requests(const QString &path) const;
    /// Forgets hits, logged requests and the in-flight peaks; routes stay.
    void resetCounters();
    /// The most requests in flight at once (received, connection not yet
    /// closed): over all paths, or to @p path.
    int maxInFlight() const;
    int maxInFlight(const QString &path) const;

private:
    struct Route {
        Response response;
        RequestHandler handler; // wins over response when set
    };

    mutable QMutex m_mutex;
    QHash<QString, Route> m_routes;
    QHash<QString, int> m_hits;
    QHash<QString, QList<RecordedRequest>> m_requests;
    int m_totalHits = 0;
    QHash<QString, int> m_inFlight;
    QHash<QString, int> m_maxInFlight;
    int m_inFlightTotal = 0;
    int m_maxInFlightTotal = 0;
};

} // namespace trove::test
