// SPDX-License-Identifier: MIT
#pragma once

#include "recordedrequest.h"
#include "response.h"

#include <QByteArray>
#include <QObject>

class QTcpSocket;

namespace trove::test {

class RouteTable;

/// Internal to TestServer: serves one accepted socket, one request, then
/// closes (or stalls, or streams forever). Lives on the server thread.
/// Emits finished() once, when the socket is gone; the owner deletes it then.
class HttpConnection final : public QObject {
    Q_OBJECT

public:
    /// Takes ownership of @p socket.
    HttpConnection(QTcpSocket *socket, RouteTable &routes, QObject *parent = nullptr);
    ~HttpConnection() override;
    Q_DISABLE_COPY_MOVE(HttpConnection)

signals:
    void finished();

private:
    enum class State { ReadingHead, ReadingBody, Answering, Stalled, Streaming, Closing, Done };

    void onReadyRead();
    bool parseHead(qsizetype headEnd);
    void dispatch();
    void send(const Response &response);
    void pump();
    void fail(int status);
    void finish();

    QTcpSocket *m_socket;
    RouteTable &m_routes;
    State m_state = State::ReadingHead;
    QByteArray m_buffer;
    RecordedRequest m_request;
    qint64 m_bodyLeft = 0;
    QByteArray m_block; // one paced write of an endless body, framed
    bool m_pumpScheduled = false;
    bool m_counted = false; // in RouteTable's in-flight count until finish()
};

} // namespace trove::test
