// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace trove::api {

/// A token bucket per client: @p burst requests at once, refilled at
/// @p perSecond. Not thread-safe: the server's thread owns it.
class RateLimiter final {
public:
    RateLimiter(double perSecond, int burst);

    /// Takes a token for @p client; false when it has none left, with the
    /// seconds until it has one in @p retryAfter.
    bool admit(const QString &client, int *retryAfter = nullptr);

private:
    struct Bucket {
        double tokens = 0;
        qint64 at = 0; ///< ms on m_clock when last refilled
    };
    double m_perSecond;
    int m_burst;
    QElapsedTimer m_clock;
    QHash<QString, Bucket> m_buckets;
};

} // namespace trove::api
