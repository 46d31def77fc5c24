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
    /// response, the handler's result, or a 404 for an unknown path.
    Response answer(const RecordedRequest &request);

    int hits(const QString &path) const;
    int totalHits() const;
    /// The most recent requests to @p path, oldest first (at most 1000).
    QList<RecordedRequest> requests(const QString &path) const;
    /// Forgets hits and logged requests; routes stay.
    void resetCounters();

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
};

} // namespace trove::test
