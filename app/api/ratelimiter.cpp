// SPDX-License-Identifier: MIT
#include "api/ratelimiter.h"

#include <cmath>

namespace trove::api {

RateLimiter::RateLimiter(double perSecond, int burst)
    : m_perSecond(perSecond)
    , m_burst(qMax(1, burst))
{
    m_clock.start();
}

bool RateLimiter::admit(const QString &client, int *retryAfter)
{
    if (m_perSecond <= 0)
        return true;
    const qint64 now = m_clock.elapsed();
    // Full buckets say nothing a new one would not: forget them, so a
    // stream of new clients cannot grow the table without bound.
    if (m_buckets.size() > 4096) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->tokens + double(now - it->at) * m_perSecond / 1000.0 >= m_burst)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(client);
    if (it == m_buckets.end())
        it = m_buckets.insert(client, Bucket { double(m_burst), now });
    it->tokens = qMin(double(m_burst), it->tokens + double(now - it->at) * m_perSecond / 1000.0);
    it->at = now;
    if (it->tokens >= 1.0) {
        it->tokens -= 1.0;
        return true;
    }
    if (retryAfter)
        *retryAfter = qMax(1, int(std::ceil((1.0 - it->tokens) / m_perSecond)));
    return false;
}

} // namespace trove::api
