// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <atomic>

class QTcpServer;

namespace trove::test {

class RouteTable;

/// Internal to TestServer: owns the listening socket and every open
/// connection. Lives on the server thread and is destroyed there, which
/// closes all connections at once.
class Listener final : public QObject {
    Q_OBJECT

public:
    explicit Listener(RouteTable &routes);
    ~Listener() override;
    Q_DISABLE_COPY_MOVE(Listener)

    /// Starts listening on 127.0.0.1, a free port. Server thread only.
    /// Returns the port, 0 on failure.
    quint16 listen();
    /// Connections accepted and not yet closed. Any thread.
    int activeConnections() const { return m_active.load(); }

private:
    void acceptPending();

    RouteTable &m_routes;
    QTcpServer *m_server = nullptr;
    std::atomic<int> m_active { 0 };
};

} // namespace trove::test
