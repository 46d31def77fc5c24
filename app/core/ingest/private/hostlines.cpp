// SPDX-License-Identifier: MIT
#include "ingest/private/hostlines.h"

#include "ingest/ingestsource.h"

#include <QTimer>
#include <algorithm>
#include <climits>
#include <limits>

namespace trove {

HostLines::HostLines(std::function<bool(quint64)> stillWaits, QObject *parent)
    : QObject(parent)
    , m_stillWaits(std::move(stillWaits))
{
    m_clock.start();
}

QString HostLines::keyFor(const IngestSource &source)
{
    if (source.isLocal()
        || (source.url.scheme() != QLatin1String("http")
            && source.url.scheme() != QLatin1String("https")))
        return {};
    return source.url.host().toLower();
}

void HostLines::setPerHost(int limit)
{
    m_perHost = std::max(1, limit);
    // Hosts are few (those with items waiting, running or held), never the
    // queue.
    const QStringList keys = m_hosts.keys();
    for (const QString &key : keys)
        refresh(key);
}

void HostLines::add(const QString &key, quint64 id, bool front)
{
    Host &host = m_hosts[key];
    if (front)
        host.waiting.push_front(id);
    else
        host.waiting.push_back(id);
    refresh(key);
}

quint64 HostLines::takeNext(QString *key)
{
    while (!m_ready.empty()) {
        const QString next = m_ready.begin()->second;
        auto it = m_hosts.find(next);
        if (it == m_hosts.end() || it->waiting.empty() || !m_stillWaits(it->waiting.front())) {
            refresh(next); // its first item went meanwhile
            continue;
        }
        const quint64 id = it->waiting.front();
        it->waiting.pop_front();
        refresh(next);
        if (key)
            *key = next;
        return id;
    }
    return 0;
}

void HostLines::started(const QString &key)
{
    ++m_hosts[key].running;
    refresh(key);
}

void HostLines::finished(const QString &key)
{
    if (auto it = m_hosts.find(key); it != m_hosts.end() && it->running > 0)
        --it->running;
    refresh(key);
}

void HostLines::holdFor(const QString &key, qint64 ms)
{
    Host &host = m_hosts[key];
    host.heldUntil = std::max(host.heldUntil, m_clock.elapsed() + std::max<qint64>(0, ms));
    refresh(key);
    armRelease(key);
}

bool HostLines::isHeld(const QString &key) const
{
    const auto it = m_hosts.constFind(key);
    return it != m_hosts.cend() && it->heldUntil > m_clock.elapsed();
}

int HostLines::running(const QString &key) const
{
    const auto it = m_hosts.constFind(key);
    return it == m_hosts.cend() ? 0 : it->running;
}

void HostLines::clear()
{
    m_hosts.clear();
    m_ready.clear();
}

void HostLines::refresh(const QString &key)
{
    auto it = m_hosts.find(key);
    if (it == m_hosts.end())
        return;
    Host &host = *it;
    while (!host.waiting.empty() && !m_stillWaits(host.waiting.front()))
        host.waiting.pop_front();
    if (host.readyKey != 0) {
        m_ready.erase({ host.readyKey, key });
        host.readyKey = 0;
    }
    const bool held = host.heldUntil > m_clock.elapsed();
    const int limit = key.isEmpty() ? std::numeric_limits<int>::max() : m_perHost;
    if (!host.waiting.empty() && !held && host.running < limit) {
        host.readyKey = host.waiting.front();
        m_ready.insert({ host.readyKey, key });
    } else if (host.waiting.empty() && host.running == 0 && !held) {
        m_hosts.erase(it);
    }
}

// One timer per held host lets it go.
void HostLines::armRelease(const QString &key)
{
    auto it = m_hosts.find(key);
    if (it == m_hosts.end() || it->timerArmed)
        return;
    it->timerArmed = true;
    const qint64 left = std::max<qint64>(1, it->heldUntil - m_clock.elapsed());
    QTimer::singleShot(int(std::min<qint64>(left, INT_MAX)), Qt::PreciseTimer, this, [this, key] {
        auto host = m_hosts.find(key);
        if (host == m_hosts.end())
            return; // cleared meanwhile
        host->timerArmed = false;
        if (host->heldUntil > m_clock.elapsed()) {
            armRelease(key); // extended by a later answer meanwhile
            return;
        }
        refresh(key);
        Q_EMIT released();
    });
}

} // namespace trove
