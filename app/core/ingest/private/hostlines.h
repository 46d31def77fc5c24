// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QString>
#include <deque>
#include <functional>
#include <set>

namespace trove {

struct IngestSource;

/// The lines of items waiting to download, one per host, for
/// IngestPipeline (its thread; not thread-safe). The oldest waiting item of
/// any host that may start goes first; a host at its connection limit, or
/// held by a Retry-After, holds back only its own items. Every call is
/// amortised O(1) plus O(log hosts): nothing here walks the queue.
class HostLines final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HostLines)

public:
    /// @p stillWaits tells whether an item still waits to download; ids of
    /// items cancelled or started elsewhere meanwhile are dropped when met.
    explicit HostLines(std::function<bool(quint64)> stillWaits, QObject *parent = nullptr);

    /// Items of one host share its limits; files and data: URLs use no
    /// connection and share the unlimited "" key.
    static QString keyFor(const IngestSource &source);

    /// Connections per host; the "" key has none. A higher limit lets
    /// waiting items start now; a lower one lets those running finish.
    void setPerHost(int limit);
    int perHost() const { return m_perHost; }

    /// Puts @p id in @p key's line: at the back, or at the front for an item
    /// that already had its turn and waits to try again.
    void add(const QString &key, quint64 id, bool front = false);
    /// Takes the next item that may start now out of its line (0 when none)
    /// and sets @p key to its host. The caller reports started() for a
    /// download it begins.
    quint64 takeNext(QString *key);
    /// Whether takeNext() may find an item (it drops stale ids on the way).
    bool hasReady() const { return !m_ready.empty(); }
    /// A download of @p key began or ended.
    void started(const QString &key);
    void finished(const QString &key);
    /// Holds @p key's whole line for at least @p ms from now (a Retry-After);
    /// released() says when it may go on.
    void holdFor(const QString &key, qint64 ms);
    bool isHeld(const QString &key) const;
    int running(const QString &key) const;
    /// Hosts with items waiting, running or held.
    qsizetype hostCount() const { return m_hosts.size(); }
    /// Forgets every line (the pipeline stopped).
    void clear();

Q_SIGNALS:
    /// A hold ended: items of its host may start now.
    void released();

private:
    struct Host {
        std::deque<quint64> waiting;
        int running = 0;
        qint64 heldUntil = 0; ///< m_clock ms
        quint64 readyKey = 0; ///< its key in m_ready, 0 if not there
        bool timerArmed = false; ///< a timer will look at heldUntil
    };

    /// Brings @p key's place in m_ready up to date after anything that
    /// changes whether its first item may start; forgets a host with nothing
    /// left. Each stale id is dropped once.
    void refresh(const QString &key);
    void armRelease(const QString &key);

    std::function<bool(quint64)> m_stillWaits;
    int m_perHost = 4;
    QHash<QString, Host> m_hosts;
    /// Hosts whose first waiting item may start, by that item's id: the
    /// oldest item of any host goes first.
    std::set<std::pair<quint64, QString>> m_ready;
    QElapsedTimer m_clock;
};

} // namespace trove
