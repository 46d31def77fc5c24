// SPDX-License-Identifier: MIT
#include "routetable.h"

#include <QMutexLocker>
#include <algorithm>
#include <utility>

namespace trove::test {

namespace {
constexpr qsizetype kMaxLoggedPerPath = 1000;
}

void RouteTable::setResponse(const QString &path, const Response &response)
{
    const QMutexLocker lock(&m_mutex);
    m_routes.insert(path, Route { response, {} });
}

void RouteTable::setHandler(const QString &path, RequestHandler handler)
{
    const QMutexLocker lock(&m_mutex);
    m_routes.insert(path, Route { {}, std::move(handler) });
}

void RouteTable::remove(const QString &path)
{
    const QMutexLocker lock(&m_mutex);
    m_routes.remove(path);
}

void RouteTable::clear()
{
    const QMutexLocker lock(&m_mutex);
    m_routes.clear();
}

Response RouteTable::answer(const RecordedRequest &request)
{
    Route route;
    bool found = false;
    {
        const QMutexLocker lock(&m_mutex);
        ++m_totalHits;
        ++m_hits[request.path];
        const int now = ++m_inFlight[request.path];
        m_maxInFlight[request.path] = std::max(m_maxInFlight.value(request.path), now);
        m_maxInFlightTotal = std::max(m_maxInFlightTotal, ++m_inFlightTotal);
        auto &log = m_requests[request.path];
        if (log.size() >= kMaxLoggedPerPath)
            log.removeFirst();
        log.append(request);
        const auto it = m_routes.constFind(request.path);
        if (it != m_routes.constEnd()) {
            route = *it;
            found = true;
        }
    }
    if (!found)
        return Response::status(404);
    // Outside the lock, so a handler may call back into the table.
    return route.handler ? route.handler(request) : route.response;
}

void RouteTable::release(const QString &path)
{
    const QMutexLocker lock(&m_mutex);
    auto it = m_inFlight.find(path);
    if (it == m_inFlight.end() || *it == 0)
        return; // counted before a resetCounters()
    --*it;
    --m_inFlightTotal;
}

int RouteTable::maxInFlight() const
{
    const QMutexLocker lock(&m_mutex);
    return m_maxInFlightTotal;
}

int RouteTable::maxInFlight(const QString &path) const
{
    const QMutexLocker lock(&m_mutex);
    return m_maxInFlight.value(path);
}

int RouteTable::hits(const QString &path) const
{
    const QMutexLocker lock(&m_mutex);
    return m_hits.value(path);
}

int RouteTable::totalHits() const
{
    const QMutexLocker lock(&m_mutex);
    return m_totalHits;
}

QList<RecordedRequest> RouteTable::requests(const QString &path) const
{
    const QMutexLocker lock(&m_mutex);
    return m_requests.value(path);
}

void RouteTable::resetCounters()
{
    const QMutexLocker lock(&m_mutex);
    m_hits.clear();
    m_requests.clear();
    m_totalHits = 0;
    m_inFlight.clear();
    m_maxInFlight.clear();
    m_inFlightTotal = 0;
    m_maxInFlightTotal = 0;
}

} // namespace trove::test
