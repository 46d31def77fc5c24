// SPDX-License-Identifier: MIT
#include "testserver.h"

#include "listener.h"

#include <QMetaObject>
#include <QThread>
#include <atomic>
#include <memory>
#include <utility>

namespace trove::test {

TestServer::TestServer() = default;

TestServer::~TestServer()
{
    stop();
}

bool TestServer::start()
{
    if (m_listener)
        return true;
    m_thread = std::make_unique<QThread>();
    m_thread->setObjectName(QStringLiteral("TestServer"));
    auto *listener = new Listener(m_routes);
    listener->moveToThread(m_thread.get());
    // Destroyed on its own thread as the thread ends, with every socket.
    QObject::connect(m_thread.get(), &QThread::finished, listener, &QObject::deleteLater);
    m_thread->start();

    quint16 port = 0;
    QMetaObject::invokeMethod(
        listener, [listener] { return listener->listen(); }, Qt::BlockingQueuedConnection, &port);
    m_listener = listener;
    if (port == 0) {
        stop();
        return false;
    }
    m_port = port;
    return true;
}

void TestServer::stop()
{
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    m_thread.reset();
    m_listener = nullptr;
    m_port = 0;
}

QUrl TestServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

void TestServer::addRoute(const QString &path, const Response &response)
{
    m_routes.setResponse(path, response);
}

void TestServer::addHandler(const QString &path, RequestHandler handler)
{
    m_routes.setHandler(path, std::move(handler));
}

void TestServer::addSequence(
    const QString &path, const QList<Response> &first, const Response &then)
{
    auto served = std::make_shared<std::atomic<qsizetype>>(0);
    m_routes.setHandler(path, [first, then, served](const RecordedRequest &) {
        const qsizetype n = served->fetch_add(1);
        return n < first.size() ? first.at(n) : then;
    });
}

int TestServer::maxConcurrentRequests() const
{
    return m_routes.maxInFlight();
}

int TestServer::maxConcurrentRequests(const QString &path) const
{
    return m_routes.maxInFlight(path);
}

void TestServer::removeRoute(const QString &path)
{
    m_routes.remove(path);
}

void TestServer::clearRoutes()
{
    m_routes.clear();
}

int TestServer::hits(const QString &path) const
{
    return m_routes.hits(path);
}

int TestServer::totalHits() const
{
    return m_routes.totalHits();
}

QList<RecordedRequest> TestServer::requests(const QString &path) const
{
    return m_routes.requests(path);
}

QList<QPair<QByteArray, QByteArray>> TestServer::requestHeaders(const QString &path) const
{
    const QList<RecordedRequest> log = m_routes.requests(path);
    return log.isEmpty() ? QList<QPair<QByteArray, QByteArray>> {} : log.constLast().headers;
}

QByteArray TestServer::lastRequestHeader(const QString &path, const QByteArray &name) const
{
    const QList<RecordedRequest> log = m_routes.requests(path);
    return log.isEmpty() ? QByteArray {} : log.constLast().header(name);
}

void TestServer::resetCounters()
{
    m_routes.resetCounters();
}

int TestServer::activeConnections() const
{
    return m_listener ? m_listener->activeConnections() : 0;
}

} // namespace trove::test
