// SPDX-License-Identifier: MIT
#pragma once

#include "api/httpmessage.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>
#include <optional>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace trove::api {

class HttpServer;

/// Answers one request, on the server's thread, at any later time; does
/// nothing if the client has gone. A value: copy it into continuations.
class HttpResponder {
public:
    HttpResponder() = default;
    HttpResponder(HttpServer *server, quint64 connection, bool head)
        : m_server(server)
        , m_connection(connection)
        , m_head(head)
    {
    }
    void send(const HttpResponse &response) const;

private:
    QPointer<HttpServer> m_server;
    quint64 m_connection = 0;
    bool m_head = false;
};

/// What the server enforces before any handler runs.
struct HttpLimits {
    int maxHeaderBytes = 16 * 1024;
    int headerTimeoutMs = 10'000; ///< a request head must arrive within this
    int bodyTimeoutMs = 30'000; ///< and its body within this
    int idleTimeoutMs = 30'000; ///< a kept-alive connection with nothing to say
    int maxConnections = 64;
    qint64 maxDrainBytes = 8 << 20; ///< read and dropped after a refusal, then close
};

/// A small HTTP/1.1 server on QTcpServer: keep-alive, one request at a time
/// per connection, Content-Length bodies only. Lives on, and only touches
/// its sockets from, the thread that created it.
///
/// Built on QTcpServer rather than Qt HTTP Server because Qt 6.4's
/// QHttpServer hands a request to its routes only once the whole body is
/// buffered (docs/api.md): here the head check runs as soon as the head is
/// in, so a refused request (bad Host, no key, too large) never has its
/// body read into memory.
class HttpServer final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    /// Runs on the request head (no body yet) with its declared
    /// Content-Length: a response refuses it at once, without reading the
    /// body; nothing lets it through. @p maxBody is set to the largest body
    /// the request may carry.
    using HeadCheck = std::function<std::optional<HttpResponse>(
        const HttpRequest &head, qint64 contentLength, qint64 &maxBody)>;
    using Handler = std::function<void(const HttpRequest &request, const HttpResponder &reply)>;

    explicit HttpServer(
        HeadCheck check, Handler handler, const HttpLimits &limits = {}, QObject *parent = nullptr);
    ~HttpServer() override;

    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString errorString() const;

private:
    friend class HttpResponder;
    struct Connection;
    enum class Stage { Head, Body, Handling, Draining };

    void onNewConnection();
    void onReadyRead(quint64 id);
    void process(Connection &c);
    bool parseHead(Connection &c, qsizetype headEnd);
    void dispatch(Connection &c);
    void respond(quint64 id, const HttpResponse &response, bool head);
    void refuse(Connection &c, const HttpResponse &response);
    void write(Connection &c, const HttpResponse &response, bool head, bool close);
    void armTimer(Connection &c, int ms);
    void drop(quint64 id);

    HeadCheck m_check;
    Handler m_handler;
    HttpLimits m_limits;
    QTcpServer *m_server;
    quint64 m_nextId = 1;
    QHash<quint64, Connection *> m_connections;
};

} // namespace trove::api
