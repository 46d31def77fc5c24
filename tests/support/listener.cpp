// SPDX-License-Identifier: MIT
#include "listener.h"

#include "httpconnection.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>

namespace trove::test {

Listener::Listener(RouteTable &routes)
    : m_routes(routes)
{
}

Listener::~Listener()
{
    // Connections first: their sockets abort without signalling back here.
    const auto connections = findChildren<HttpConnection *>(Qt::FindDirectChildrenOnly);
    qDeleteAll(connections);
    delete m_server;
}

quint16 Listener::listen()
{
    if (m_server)
        return m_server->serverPort();
    m_server = new QTcpServer(this);
    // Room for bursts of concurrent clients before the accept loop runs.
    m_server->setListenBacklogSize(1024);
    m_server->setMaxPendingConnections(1024);
    connect(m_server, &QTcpServer::newConnection, this, &Listener::acceptPending);
    if (!m_server->listen(QHostAddress::LocalHost, 0)) {
        qWarning("TestServer: cannot listen on 127.0.0.1: %s", qPrintable(m_server->errorString()));
        delete m_server;
        m_server = nullptr;
        return 0;
    }
    return m_server->serverPort();
}

void Listener::acceptPending()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_routes, this);
        ++m_active;
        connect(connection, &HttpConnection::finished, this, [this, connection] {
            --m_active;
            connection->deleteLater();
        });
    }
}

} // namespace trove::test
