// SPDX-License-Identifier: MIT
#include "httpconnection.h"

#include "routetable.h"

#include <QTcpSocket>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <utility>

namespace trove::test {

namespace {

constexpr qsizetype kMaxHead = 64 * 1024;
constexpr qsizetype kMaxLoggedBody = 1024 * 1024;
// An endless body is written one block per timer tick while the socket's
// buffer is nearly empty: at most ~64 MiB/s. Faster, Qt's HTTP thread
// decoding a chunked body never finds its socket empty, so it never leaves
// its read loop to handle the client's abort() (0.6-25 s per run, and a
// 180 s CI timeout, when the refill ran at 1 MiB per millisecond).
constexpr qsizetype kStreamBlock = 64 * 1024;
constexpr qint64 kStreamHighWater = kStreamBlock;

QByteArray chunk(const QByteArray &payload)
{
    return QByteArray::number(payload.size(), 16) + "\r\n" + payload + "\r\n";
}

QByteArray chunked(const QByteArray &body, int chunkSize)
{
    const qsizetype step = std::max(1, chunkSize);
    QByteArray out;
    for (qsizetype at = 0; at < body.size(); at += step)
        out += chunk(body.mid(at, step));
    return out + "0\r\n\r\n";
}

bool hasHeader(const Response &response, const char *name)
{
    return std::any_of(response.headers.cbegin(), response.headers.cend(),
        [name](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, RouteTable &routes, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_routes(routes)
{
    m_socket->setParent(this);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::finish);
    // A client that aborts mid-transfer shows up here (reset, broken pipe).
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpConnection::finish);
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        QTimer::singleShot(0, this, &HttpConnection::finish);
    else if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &HttpConnection::onReadyRead);
}

HttpConnection::~HttpConnection()
{
    // Quietly: no finished() from a half-destroyed object.
    if (m_counted)
        m_routes.release(m_request.path);
    m_socket->disconnect(this);
    m_socket->abort();
}

void HttpConnection::onReadyRead()
{
    if (m_state == State::ReadingHead) {
        m_buffer += m_socket->readAll();
        const qsizetype headEnd = m_buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            if (m_buffer.size() > kMaxHead)
                fail(431);
            return;
        }
        if (!parseHead(headEnd)) {
            fail(400);
            return;
        }
        const QByteArray rest = m_buffer.mid(headEnd + 4);
        m_buffer.clear();
        bool lengthOk = true;
        const QByteArray length = m_request.header("Content-Length");
        m_bodyLeft = length.isNull() ? 0 : length.trimmed().toLongLong(&lengthOk);
        if (!lengthOk || m_bodyLeft < 0) {
            fail(400);
            return;
        }
        if (m_bodyLeft > 0
            && m_request.header("Expect").compare("100-continue", Qt::CaseInsensitive) == 0)
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        m_state = State::ReadingBody;
        m_buffer = rest;
    } else if (m_state == State::ReadingBody) {
        m_buffer += m_socket->readAll();
    } else {
        // Anything after the request (a pipelined one, a body we do not
        // frame) is read and dropped, so the kernel buffer never fills.
        m_socket->readAll();
        return;
    }

    // ReadingBody: keep the first MiB, count the rest.
    const qsizetype take = qsizetype(std::min<qint64>(m_bodyLeft, m_buffer.size()));
    const qsizetype room = std::max<qsizetype>(0, kMaxLoggedBody - m_request.body.size());
    m_request.body += m_buffer.left(std::min(take, room));
    m_bodyLeft -= take;
    m_buffer.clear();
    if (m_bodyLeft == 0)
        dispatch();
}

bool HttpConnection::parseHead(qsizetype headEnd)
{
    const QList<QByteArray> lines = m_buffer.left(headEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1."))
        return false;
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);

    QByteArray path = m_request.target;
    // Absolute form ("http://127.0.0.1:port/p"), as a proxy-minded client sends.
    if (const qsizetype scheme = path.indexOf("://"); scheme > 0 && !path.startsWith('/')) {
        const qsizetype slash = path.indexOf('/', scheme + 3);
        path = slash < 0 ? QByteArray("/") : path.mid(slash);
    }
    if (const qsizetype hash = path.indexOf('#'); hash >= 0)
        path.truncate(hash);
    if (const qsizetype question = path.indexOf('?'); question >= 0) {
        m_request.query = path.mid(question + 1);
        path.truncate(question);
    }
    m_request.path = QString::fromLatin1(path);

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return false;
        m_request.headers.append({ line.left(colon).trimmed(), line.mid(colon + 1).trimmed() });
    }
    return true;
}

void HttpConnection::dispatch()
{
    m_state = State::Answering;
    m_request.receivedMs = std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::steady_clock::now().time_since_epoch())
                               .count();
    m_counted = true;
    const Response response = m_routes.answer(m_request);
    if (response.delayMs > 0)
        QTimer::singleShot(response.delayMs, this, [this, response] { send(response); });
    else
        send(response);
}

void HttpConnection::send(const Response &response)
{
    if (m_state != State::Answering)
        return;

    int status = response.statusCode;
    if (!response.redirectTo.isEmpty() && (status < 300 || status > 399))
        status = 302;
    const bool isHead = m_request.method == "HEAD";
    const bool noBodyStatus = (status >= 100 && status < 200) || status == 204 || status == 304;
    const bool sendsBody = !isHead && !noBodyStatus;
    const bool endless = response.infiniteBody;
    const QByteArray entity
        = response.gzipBody && !endless ? Response::gzip(response.body) : response.body;

    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' '
        + (response.reason.isEmpty() ? Response::reasonPhrase(status) : response.reason) + "\r\n";
    auto addAuto = [&](const char *name, const QByteArray &value) {
        if (!hasHeader(response, name))
            head += QByteArray(name) + ": " + value + "\r\n";
    };
    if (response.chunked && !noBodyStatus)
        addAuto("Transfer-Encoding", "chunked");
    else if (response.contentLength >= 0)
        addAuto("Content-Length", QByteArray::number(response.contentLength));
    else if (!endless && !noBodyStatus)
        addAuto("Content-Length", QByteArray::number(entity.size()));
    if (response.gzipBody && !endless)
        addAuto("Content-Encoding", "gzip");
    if (!response.redirectTo.isEmpty())
        addAuto("Location", response.redirectTo.toUtf8());
    addAuto("Connection", "close");
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";

    QByteArray wireBody;
    if (sendsBody) {
        if (!endless)
            wireBody = response.chunked ? chunked(entity, response.chunkSize) : entity;
        else if (!entity.isEmpty())
            wireBody = response.chunked ? chunk(entity) : entity;
    }

    const qint64 stallAt = response.stallAfterHeaders ? 0 : response.stallAfterBytes;
    m_socket->write(stallAt >= 0 ? head + wireBody.left(qsizetype(stallAt)) : head + wireBody);
    if (m_state == State::Done) // the client vanished during the write
        return;
    if (stallAt >= 0) {
        m_state = State::Stalled;
        return;
    }
    if (endless && sendsBody) {
        m_state = State::Streaming;
        QByteArray filler(kStreamBlock, Qt::Uninitialized);
        for (qsizetype i = 0; i < filler.size(); ++i)
            filler[i] = char('a' + (i * 7 + i / 251) % 26);
        m_block = response.chunked ? chunk(filler) : filler;
        // Refilled on a 1 ms timer, not straight from bytesWritten: a client
        // that reads as fast as this writes never leaves its read loop (Qt's
        // HTTP thread then never handles abort()). See kStreamBlock.
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_pumpScheduled)
                return;
            m_pumpScheduled = true;
            QTimer::singleShot(1, this, [this] {
                m_pumpScheduled = false;
                pump();
            });
        });
        pump();
        return;
    }
    m_state = State::Closing;
    // The whole answer is queued: no longer in flight. Counted off here, not
    // once the socket is gone, as the client may have the answer (and send
    // its next request) before this thread sees the close.
    if (std::exchange(m_counted, false))
        m_routes.release(m_request.path);
    m_socket->disconnectFromHost(); // after the buffered bytes are out
}

void HttpConnection::pump()
{
    if (m_state == State::Streaming && m_socket->state() == QAbstractSocket::ConnectedState
        && m_socket->bytesToWrite() < kStreamHighWater)
        m_socket->write(m_block);
}

void HttpConnection::fail(int status)
{
    m_state = State::Closing;
    const QByteArray reason = Response::reasonPhrase(status);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason
        + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    m_socket->disconnectFromHost();
}

void HttpConnection::finish()
{
    if (m_state == State::Done)
        return;
    m_state = State::Done;
    if (std::exchange(m_counted, false))
        m_routes.release(m_request.path);
    m_socket->disconnect(this);
    m_socket->abort();
    emit finished();
}

} // namespace trove::test
