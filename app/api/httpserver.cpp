// SPDX-License-Identifier: MIT
#include "api/httpserver.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <algorithm>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace trove::api {

namespace {

/// Where the head in @p buffer ends: the index of the line feed that ends
/// its last line, with @p bodyStart set past the empty line after it; -1
/// while incomplete. Lines may end in CRLF or in a bare LF, which RFC 9112
/// §2.2 lets a server take as a line end; waiting for a CRLF CRLF that
/// such a client never sends left it unanswered until the head timeout.
qsizetype headEnd(const QByteArray &buffer, qsizetype *bodyStart)
{
    const qsizetype size = buffer.size();
    for (qsizetype lf = buffer.indexOf('\n'); lf >= 0; lf = buffer.indexOf('\n', lf + 1)) {
        if (lf + 1 < size && buffer.at(lf + 1) == '\n') {
            *bodyStart = lf + 2;
            return lf;
        }
        if (lf + 2 < size && buffer.at(lf + 1) == '\r' && buffer.at(lf + 2) == '\n') {
            *bodyStart = lf + 3;
            return lf;
        }
    }
    return -1;
}

/// Content-Length as RFC 9110 §8.6 has it: digits only ("+5", "-0" and
/// "0x5" were taken by toLongLong()), and a number that fits.
bool parseLength(const QByteArray &value, qint64 *length)
{
    if (value.isEmpty() || value.size() > 18)
        return false;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return false;
    }
    *length = value.toLongLong();
    return true;
}

/// Ends the sending half of @p socket once the answer is handed to the
/// kernel: the client reads the answer and then the end of the stream at
/// once, while what it still sends is read and dropped. Without it, a
/// client that reads to the end (curl, HTTP/1.0) waited out the drain.
void endSending(QTcpSocket *socket)
{
#ifdef Q_OS_UNIX
    socket->flush();
    if (socket->bytesToWrite() == 0 && socket->socketDescriptor() >= 0)
        ::shutdown(int(socket->socketDescriptor()), SHUT_WR);
#else
    Q_UNUSED(socket);
#endif
}

} // namespace

struct HttpServer::Connection {
    quint64 id = 0;
    QTcpSocket *socket = nullptr;
    QTimer *timer = nullptr;
    QByteArray buffer;
    HttpRequest request;
    Stage stage = Stage::Head;
    qint64 bodyLength = 0;
    qint64 drainLeft = 0;
};

void HttpResponder::send(const HttpResponse &response) const
{
    if (m_server)
        m_server->respond(m_connection, response, m_head);
}

HttpServer::HttpServer(HeadCheck check, Handler handler, const HttpLimits &limits, QObject *parent)
    : QObject(parent)
    , m_check(std::move(check))
    , m_handler(std::move(handler))
    , m_limits(limits)
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::onNewConnection);
}

HttpServer::~HttpServer()
{
    for (Connection *c : std::as_const(m_connections)) {
        c->socket->disconnect(this);
        c->socket->abort();
        delete c;
    }
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QString HttpServer::errorString() const
{
    return m_server->errorString();
}

void HttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        auto *c = new Connection;
        c->id = m_nextId++;
        c->socket = socket;
        c->timer = new QTimer(socket);
        c->timer->setSingleShot(true);
        socket->setParent(this);
        m_connections.insert(c->id, c);
        const quint64 id = c->id;
        connect(socket, &QTcpSocket::readyRead, this, [this, id] { onReadyRead(id); });
        connect(socket, &QTcpSocket::disconnected, this, [this, id] { drop(id); });
        connect(c->timer, &QTimer::timeout, this, [this, id] {
            Connection *c = m_connections.value(id);
            if (c && c->stage != Stage::Handling) {
                c->socket->abort();
                drop(id);
            }
        });
        if (m_connections.size() > m_limits.maxConnections) {
            write(*c,
                HttpResponse::error(503, QStringLiteral("too many connections; try again later")),
                false, true);
            continue;
        }
        armTimer(*c, m_limits.headerTimeoutMs);
        if (socket->bytesAvailable() > 0)
            onReadyRead(id);
    }
}

void HttpServer::armTimer(Connection &c, int ms)
{
    c.timer->start(ms);
}

void HttpServer::drop(quint64 id)
{
    Connection *c = m_connections.take(id);
    if (!c)
        return;
    c->socket->disconnect(this);
    c->socket->deleteLater();
    delete c;
}

void HttpServer::onReadyRead(quint64 id)
{
    Connection *c = m_connections.value(id);
    if (!c)
        return;
    if (c->stage == Stage::Draining) {
        if (c->drainLeft <= 0)
            return; // closing
        while (c->drainLeft > 0 && c->socket->bytesAvailable() > 0) {
            const qsizetype dropped = c->socket->read(qMin<qint64>(c->drainLeft, 1 << 20)).size();
            if (dropped == 0)
                break;
            c->drainLeft -= dropped;
        }
        if (c->drainLeft <= 0)
            c->socket->disconnectFromHost();
        return;
    }
    if (c->stage == Stage::Handling)
        return; // one request at a time; the rest waits in the socket
    c->buffer += c->socket->readAll();
    process(*c);
}

void HttpServer::process(Connection &c)
{
    if (c.stage == Stage::Head) {
        qsizetype bodyStart = 0;
        const qsizetype end = headEnd(c.buffer, &bodyStart);
        if (end < 0) {
            if (c.buffer.size() > m_limits.maxHeaderBytes)
                refuse(c,
                    HttpResponse::error(431,
                        QStringLiteral("request head over %1 bytes").arg(m_limits.maxHeaderBytes)));
            return;
        }
        if (end > m_limits.maxHeaderBytes) {
            refuse(c,
                HttpResponse::error(431,
                    QStringLiteral("request head over %1 bytes").arg(m_limits.maxHeaderBytes)));
            return;
        }
        if (!parseHead(c, end))
            return;
        c.buffer.remove(0, bodyStart);
        qint64 maxBody = 0;
        if (auto refusal = m_check(c.request, c.bodyLength, maxBody)) {
            refuse(c, *refusal);
            return;
        }
        if (c.bodyLength > maxBody) {
            refuse(c,
                HttpResponse::error(413,
                    QStringLiteral("body of %1 bytes; this route takes at most %2")
                        .arg(c.bodyLength)
                        .arg(maxBody)));
            return;
        }
        c.stage = Stage::Body;
        armTimer(c, m_limits.bodyTimeoutMs);
        // A client that asked first (curl does for big bodies) sends the
        // body only now; a refused one got its final answer above instead.
        if (c.request.header("expect").toLower() == "100-continue"
            && c.buffer.size() < c.bodyLength)
            c.socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    }
    if (c.stage == Stage::Body) {
        if (c.buffer.size() < c.bodyLength)
            return;
        c.request.body = c.buffer.left(c.bodyLength);
        c.buffer.remove(0, c.bodyLength);
        dispatch(c);
    }
}

bool HttpServer::parseHead(Connection &c, qsizetype headEnd)
{
    HttpRequest r;
    r.peer = c.socket->peerAddress();
    c.request = {};
    c.bodyLength = 0;
    const QList<QByteArray> lines = c.buffer.left(headEnd).split('\n');
    const QList<QByteArray> start = lines.value(0).trimmed().split(' ');
    if (start.size() != 3 || !start[2].startsWith("HTTP/1.")) {
        refuse(c, HttpResponse::error(400, QStringLiteral("malformed request line")));
        return false;
    }
    r.method = start[0];
    r.target = start[1];
    // The absolute form (RFC 9112 §3.2.2), which a server must accept: its
    // authority must be the Host header's, so the door's Host check (DNS
    // rebinding) decides on it too; the rest is the origin form.
    QByteArray authority;
    if (r.target.left(7).toLower() == "http://") {
        const qsizetype end = r.target.indexOf('/', 7);
        const qsizetype query = r.target.indexOf('?', 7);
        const qsizetype cut = end < 0 ? query : query < 0 ? end : qMin(end, query);
        authority = cut < 0 ? r.target.mid(7) : r.target.mid(7, cut - 7);
        r.target = cut < 0 ? QByteArray("/") : r.target.mid(cut);
        if (!r.target.startsWith('/'))
            r.target.prepend('/');
        if (authority.isEmpty() || authority.contains('@')) {
            refuse(c, HttpResponse::error(400, QStringLiteral("malformed request target")));
            return false;
        }
    } else if (!r.target.startsWith('/')) {
        refuse(c, HttpResponse::error(400, QStringLiteral("malformed request line")));
        return false;
    }
    const qsizetype q = r.target.indexOf('?');
    r.path = q < 0 ? r.target : r.target.left(q);
    if (q >= 0) {
        // '+' is a space in form-encoded queries; QUrlQuery keeps it literal.
        QByteArray query = r.target.mid(q + 1);
        query.replace('+', "%20");
        r.query.setQuery(QString::fromLatin1(query));
    }
    const bool http10 = start[2] == "HTTP/1.0";
    qint64 length = 0;
    bool sawLength = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].endsWith('\r') ? lines[i].chopped(1) : lines[i];
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        // No space in a name or before its colon (RFC 9112 §5.1): a server
        // that trims it may read a header another hop ignores.
        const QByteArray rawName = line.left(qMax<qsizetype>(colon, 0));
        if (colon <= 0 || rawName.contains(' ') || rawName.contains('\t')) {
            refuse(c, HttpResponse::error(400, QStringLiteral("malformed header line")));
            return false;
        }
        const QByteArray name = rawName.toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        // The fields the door decides on come once: with two, which one
        // it checked and which one another reader takes would differ
        // (RFC 9112 §3.2 asks for 400 on a second Host). The access keys
        // and the body's type are such fields too.
        static constexpr std::pair<const char *, const char *> kOnce[] = {
            { "host", "Host" },
            { "origin", "Origin" },
            { "trove-api-key", "Trove-Api-Key" },
            { "hydrus-client-api-access-key", "Hydrus-Client-API-Access-Key" },
            { "content-type", "Content-Type" },
        };
        for (const auto &[lower, shown] : kOnce) {
            if (name != lower)
                continue;
            if (std::any_of(r.headers.cbegin(), r.headers.cend(),
                    [&name](const auto &h) { return h.first == name; })) {
                refuse(c,
                    HttpResponse::error(
                        400, QStringLiteral("more than one %1 header").arg(QLatin1String(shown))));
                return false;
            }
        }
        if (name == "content-length") {
            qint64 n = 0;
            if (!parseLength(value, &n) || (sawLength && n != length)) {
                refuse(c, HttpResponse::error(400, QStringLiteral("bad Content-Length")));
                return false;
            }
            length = n;
            sawLength = true;
        } else if (name == "transfer-encoding") {
            refuse(c,
                HttpResponse::error(411,
                    QStringLiteral(
                        "chunked request bodies are not accepted; send Content-Length")));
            return false;
        }
        r.headers.append({ name, value });
    }
    if (!authority.isEmpty() && r.header("host").toLower() != authority.toLower()) {
        refuse(c,
            HttpResponse::error(
                400, QStringLiteral("the Host header differs from the request target's host")));
        return false;
    }
    const QByteArray connection = r.header("connection").toLower();
    r.keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
    c.request = r;
    c.bodyLength = length;
    return true;
}

void HttpServer::dispatch(Connection &c)
{
    c.stage = Stage::Handling;
    c.timer->stop();
    const bool head = c.request.method == "HEAD";
    m_handler(c.request, HttpResponder(this, c.id, head));
}

void HttpServer::respond(quint64 id, const HttpResponse &response, bool head)
{
    Connection *c = m_connections.value(id);
    if (!c || c->stage != Stage::Handling)
        return;
    const bool close = !c->request.keepAlive;
    write(*c, response, head, close);
    if (close)
        return;
    c->stage = Stage::Head;
    c->request = {};
    c->bodyLength = 0;
    armTimer(*c, m_limits.idleTimeoutMs);
    // A pipelined request may already be waiting, in the buffer or the socket.
    QTimer::singleShot(0, this, [this, id] {
        if (Connection *c = m_connections.value(id); c && c->stage == Stage::Head) {
            c->buffer += c->socket->readAll();
            if (!c->buffer.isEmpty())
                process(*c);
        }
    });
}

// Answers at once and closes; a body still on its way is read and dropped
// (up to a bound) so the client sees the answer rather than a reset.
void HttpServer::refuse(Connection &c, const HttpResponse &response)
{
    const qint64 pending = c.stage == Stage::Head ? c.bodyLength - c.buffer.size() : 0;
    c.stage = Stage::Draining;
    c.buffer.clear();
    c.drainLeft = qMin(pending, m_limits.maxDrainBytes);
    armTimer(c, 2000);
    write(c, response, c.request.method == "HEAD", true);
    if (c.drainLeft > 0)
        endSending(c.socket);
}

void HttpServer::write(Connection &c, const HttpResponse &response, bool head, bool close)
{
    QByteArray out;
    out.reserve(256 + (head ? 0 : response.body.size()));
    out += "HTTP/1.1 " + QByteArray::number(response.status) + ' '
        + HttpResponse::reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        out += name + ": " + value + "\r\n";
    if (response.status != 204 && response.status != 304)
        out += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    out += "X-Content-Type-Options: nosniff\r\n";
    out += close ? "Connection: close\r\n\r\n" : "Connection: keep-alive\r\n\r\n";
    if (!head)
        out += response.body;
    c.socket->write(out);
    if (close && (c.stage != Stage::Draining || c.drainLeft <= 0)) {
        c.stage = Stage::Draining;
        c.drainLeft = 0;
        c.socket->disconnectFromHost();
    }
}

} // namespace trove::api
