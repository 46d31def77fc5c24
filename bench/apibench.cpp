// SPDX-License-Identifier: MIT
// bench/api's driver: 1,000 POST /process_image calls from 8 concurrent
// keep-alive clients against a real `trove serve`, images from a loopback
// TestServer. Prints reply latency (p50/p99/max) while the ingest runs, and
// whether every image was stored, as one JSON object.
//   trove-api-bench [--trove PATH] [--requests N] [--clients N] [--window]
// With --window the real window serves instead (Local API switched on in
// its settings, offscreen unless DISPLAY is set, TROVE_STALL_REPORT on):
// its stall report during the run goes into the JSON as "window_stalls".

#include "imagefactory.h"
#include "testserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QNetworkProxy>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <thread>
#include <vector>

using trove::test::ImageFactory;
using trove::test::Response;
using trove::test::TestServer;

namespace {

/// One keep-alive request on @p socket; answers the status (0 on failure).
int exchange(QTcpSocket &socket, const QByteArray &request, QByteArray *body = nullptr)
{
    socket.write(request);
    QByteArray in;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 30000) {
        if (!socket.waitForReadyRead(1000) && socket.state() != QAbstractSocket::ConnectedState)
            return 0;
        in += socket.readAll();
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end < 0)
            continue;
        static const QRegularExpression length(QStringLiteral("(?i)\r\ncontent-length: *(\\d+)"));
        const auto m = length.match(QString::fromLatin1(in.left(end + 2)));
        const qint64 want = m.hasMatch() ? m.captured(1).toLongLong() : 0;
        if (in.size() - end - 4 >= want) {
            if (body)
                *body = in.mid(end + 4, want);
            return in.mid(9, 3).toInt();
        }
    }
    return 0;
}

QByteArray request(const QByteArray &method, const QByteArray &path, quint16 port,
    const QByteArray &key, const QByteArray &body = {})
{
    QByteArray r = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port)
        + "\r\nTrove-Api-Key: " + key + "\r\n";
    if (!body.isNull())
        r += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
            + "\r\n";
    return r + "\r\n" + body;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5));
    return v[i];
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOptions({ { QStringLiteral("trove"), QStringLiteral("The trove binary."),
                            QStringLiteral("PATH") },
        { QStringLiteral("requests"), QStringLiteral("POSTs in all."), QStringLiteral("N"),
            QStringLiteral("1000") },
        { QStringLiteral("clients"), QStringLiteral("Concurrent clients."), QStringLiteral("N"),
            QStringLiteral("8") },
        { QStringLiteral("window"), QStringLiteral("The window serves, not `trove serve`.") } });
    parser.process(app);
    const QString trove = parser.isSet(QStringLiteral("trove"))
        ? parser.value(QStringLiteral("trove"))
        : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("trove"));
    const int total = parser.value(QStringLiteral("requests")).toInt();
    const int clients = parser.value(QStringLiteral("clients")).toInt();

    TestServer images;
    if (!images.start())
        return 1;
    for (int i = 0; i < total; ++i)
        images.addRoute(QStringLiteral("/img/%1.png").arg(i),
            Response::ok(ImageFactory::png(96, 64, quint32(1000 + i)), "image/png"));

    QTemporaryDir dir;
    const QString library = dir.filePath(QStringLiteral("library"));
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *proxy :
        { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY" })
        env.remove(QString::fromLatin1(proxy));
    env.insert(QStringLiteral("HOME"), dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    QProcess keyProcess;
    keyProcess.setProcessEnvironment(env);
    keyProcess.start(trove, { QStringLiteral("api-key"), QStringLiteral("--library"), library });
    keyProcess.waitForFinished(30000);
    const QByteArray key = keyProcess.readAllStandardOutput().trimmed();

    const bool window = parser.isSet(QStringLiteral("window"));
    const QString stallReport = dir.filePath(QStringLiteral("stalls.json"));
    QProcess serve;
    quint16 port = 0;
    if (window) {
        // The window's own settings: Local API on, a free port, no rate limit.
        {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            port = probe.serverPort();
        }
        QSettings settings(
            dir.filePath(QStringLiteral("config/Trove/Trove.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("LocalApi/enabled"), true);
        settings.setValue(QStringLiteral("LocalApi/port"), port);
        settings.setValue(QStringLiteral("LocalApi/rateLimit"), 0);
        settings.sync();
        if (!qEnvironmentVariableIsSet("DISPLAY"))
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        else
            env.remove(QStringLiteral("QT_QPA_PLATFORM"));
        env.insert(QStringLiteral("TROVE_STALL_REPORT"), stallReport);
        serve.setProcessEnvironment(env);
        serve.start(trove, { QStringLiteral("--library"), library });
        bool up = false;
        for (int i = 0; i < 150 && !up; ++i) {
            QTcpSocket s;
            s.setProxy(QNetworkProxy::NoProxy);
            s.connectToHost(QHostAddress::LocalHost, port);
            up = s.waitForConnected(200);
            if (!up)
                QThread::msleep(100);
        }
        if (!up)
            port = 0;
        QThread::msleep(1500); // the idle window is part of the record
    } else {
        serve.setProcessEnvironment(env);
        serve.start(trove,
            { QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--rate-limit"), QStringLiteral("0"), QStringLiteral("--library"),
                library });
        QByteArray said;
        static const QRegularExpression listening(QStringLiteral("127\\.0\\.0\\.1:(\\d+)/"));
        for (int i = 0; i < 100 && port == 0; ++i) {
            serve.waitForReadyRead(200);
            said += serve.readAllStandardOutput();
            if (const auto m = listening.match(QString::fromUtf8(said)); m.hasMatch())
                port = quint16(m.captured(1).toUInt());
        }
    }
    if (port == 0 || key.size() != 64) {
        std::fprintf(stderr, "trove serve did not start\n");
        return 1;
    }

    QMutex mutex;
    std::vector<double> latencies;
    int accepted = 0;
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            QTcpSocket socket;
            socket.setProxy(QNetworkProxy::NoProxy);
            socket.connectToHost(QHostAddress::LocalHost, port);
            socket.waitForConnected(5000);
            std::vector<double> mine;
            int ok = 0;
            for (int i = c; i < total; i += clients) {
                const QByteArray body = QJsonDocument(
                    QJsonObject { { QStringLiteral("url"),
                                      images.url(QStringLiteral("/img/%1.png").arg(i)).toString() },
                        { QStringLiteral("name"), QStringLiteral("bench %1").arg(i) } })
                                            .toJson(QJsonDocument::Compact);
                QElapsedTimer t;
                t.start();
                const int status
                    = exchange(socket, request("POST", "/process_image", port, key, body));
                mine.push_back(double(t.nsecsElapsed()) / 1e6);
                ok += status == 202;
            }
            QMutexLocker lock(&mutex);
            latencies.insert(latencies.end(), mine.begin(), mine.end());
            accepted += ok;
        });
    }
    for (auto &t : threads)
        t.join();
    const double postSeconds = double(wall.elapsed()) / 1000.0;

    // Then wait for the ingest to store them all.
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, port);
    socket.waitForConnected(5000);
    qint64 stored = 0;
    static const QRegularExpression count(QStringLiteral("id=\"count\">(\\d+)<"));
    while (wall.elapsed() < 600000) {
        QByteArray page;
        exchange(socket, request("GET", "/", port, key), &page);
        stored = count.match(QString::fromUtf8(page)).captured(1).toLongLong();
        if (stored >= total)
            break;
        QThread::msleep(250);
    }
    const double ingestSeconds = double(wall.elapsed()) / 1000.0;
    serve.terminate();
    serve.waitForFinished(20000);

    QJsonObject stalls;
    if (window) {
        QFile f(stallReport);
        if (f.open(QIODevice::ReadOnly))
            stalls = QJsonDocument::fromJson(f.readAll()).object();
        stalls.remove(QStringLiteral("gaps_over_4ms")); // long; the summary is enough here
    }
    QJsonObject result { { QStringLiteral("benchmark"), QStringLiteral("api") },
        { QStringLiteral("server"), window ? QStringLiteral("window") : QStringLiteral("serve") },
        { QStringLiteral("requests"), total }, { QStringLiteral("clients"), clients },
        { QStringLiteral("accepted_202"), accepted },
        { QStringLiteral("reply_p50_ms"), percentile(latencies, 0.50) },
        { QStringLiteral("reply_p99_ms"), percentile(latencies, 0.99) },
        { QStringLiteral("reply_max_ms"), percentile(latencies, 1.0) },
        { QStringLiteral("posting_seconds"), postSeconds }, { QStringLiteral("stored"), stored },
        { QStringLiteral("all_stored"), stored == total },
        { QStringLiteral("all_stored_seconds"), ingestSeconds },
        { QStringLiteral("cores"), QThread::idealThreadCount() } };
    if (window)
        result.insert(QStringLiteral("window_stalls"), stalls);
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return accepted == total && stored == total ? 0 : 1;
}
