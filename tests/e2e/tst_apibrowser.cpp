// SPDX-License-Identifier: MIT
// The local API from a real browser: Debian's Chromium, headless, loads a
// page from a second loopback origin (the TestServer) whose script posts a
// link to `trove serve` with fetch(). Refused while that origin is not
// allowed (no CORS headers), accepted once it is; and GET / renders the
// count in the browser. Skipped when chromium is not installed.

#include "imagefactory.h"
#include "testserver.h"
#include "troveprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <memory>

using trove::test::ImageFactory;
using trove::test::Response;
using trove::test::TestServer;

class TestApiBrowser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fetchFromOtherOriginRefusedUntilAllowed();
    void homePageRendersCountInBrowser();

private:
    QString library() const { return m_dir->filePath(QStringLiteral("library")); }
    bool startServe(const QStringList &extra = {});
    void stopServe();
    /// Runs headless Chromium on @p url with @p extra flags until @p done
    /// says so or @p timeoutMs passes; answers its stdout.
    QByteArray chromium(const QString &url, const QStringList &extra,
        const std::function<bool()> &done, int timeoutMs = 45000);
    /// What the page reported to the TestServer's /report, or empty.
    QByteArray report() const;

    TestServer m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_serve;
    QString m_chromium;
    quint16 m_port = 0;
    QByteArray m_key;
};

void TestApiBrowser::initTestCase()
{
    m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (m_chromium.isEmpty())
        QSKIP("chromium is not installed (scripts/install-deps.sh installs it)");
    QVERIFY(m_server.start());
}

void TestApiBrowser::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server.clearRoutes();
    m_server.resetCounters();
    const auto key = trove::test::runTrove(
        { QStringLiteral("api-key"), QStringLiteral("--library"), library() },
        trove::test::cleanTroveEnvironment(m_dir->path()));
    m_key = key.out.trimmed();
    QCOMPARE(m_key.size(), 64);
}

void TestApiBrowser::cleanup()
{
    stopServe();
    m_dir.reset();
}

bool TestApiBrowser::startServe(const QStringList &extra)
{
    stopServe();
    m_serve = std::make_unique<QProcess>();
    m_serve->setProcessEnvironment(trove::test::cleanTroveEnvironment(m_dir->path()));
    m_serve->start(QStringLiteral(TROVE_BINARY),
        QStringList { QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--library"), library() }
            + extra);
    static const QRegularExpression listening(QStringLiteral("on http://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000 && m_serve->state() != QProcess::NotRunning) {
        m_serve->waitForReadyRead(200);
        out += m_serve->readAllStandardOutput();
        if (const auto m = listening.match(QString::fromUtf8(out)); m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return true;
        }
    }
    return false;
}

void TestApiBrowser::stopServe()
{
    if (!m_serve)
        return;
    m_serve->terminate();
    if (!m_serve->waitForFinished(10000)) {
        m_serve->kill();
        m_serve->waitForFinished(5000);
    }
    m_serve.reset();
}

QByteArray TestApiBrowser::chromium(
    const QString &url, const QStringList &extra, const std::function<bool()> &done, int timeoutMs)
{
    QTemporaryDir profile;
    QProcess p;
    p.setProcessEnvironment(trove::test::cleanTroveEnvironment(m_dir->path()));
    // Nothing but loopback: no sync, no updates, no QUIC, no first run.
    p.start(m_chromium,
        QStringList { QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
            QStringLiteral("--disable-gpu"), QStringLiteral("--disable-quic"),
            QStringLiteral("--no-first-run"), QStringLiteral("--disable-background-networking"),
            QStringLiteral("--disable-component-update"), QStringLiteral("--disable-sync"),
            QStringLiteral("--no-proxy-server"),
            QStringLiteral("--user-data-dir=") + profile.path() }
            + extra + QStringList { url });
    QElapsedTimer t;
    t.start();
    QByteArray out;
    while (t.elapsed() < timeoutMs && p.state() != QProcess::NotRunning && !done()) {
        p.waitForFinished(100);
        out += p.readAllStandardOutput();
    }
    if (p.state() != QProcess::NotRunning) {
        p.terminate();
        if (!p.waitForFinished(5000)) {
            p.kill();
            p.waitForFinished(5000);
        }
    }
    return out + p.readAllStandardOutput();
}

QByteArray TestApiBrowser::report() const
{
    const auto requests = m_server.requests(QStringLiteral("/report"));
    return requests.isEmpty() ? QByteArray() : requests.last().body;
}

void TestApiBrowser::fetchFromOtherOriginRefusedUntilAllowed()
{
    m_server.addRoute(
        QStringLiteral("/cat.png"), Response::ok(ImageFactory::png(120, 80, 5), "image/png"));
    m_server.addRoute(QStringLiteral("/report"), Response::ok("ok", "text/plain"));
    const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(m_server.port());

    auto pageFor = [&](quint16 apiPort) {
        const QByteArray page
            = "<!DOCTYPE html><html><body><script>\n"
              "function report(s) { fetch('/report', {method: 'POST', body: s}); }\n"
              "fetch('http://127.0.0.1:"
            + QByteArray::number(apiPort)
            + "/process_image', {method: 'POST', headers: {'Content-Type': "
              "'application/json', 'Trove-Api-Key': '"
            + m_key + "'}, body: JSON.stringify({url: '"
            + m_server.url(QStringLiteral("/cat.png")).toEncoded()
            + "', name: 'from the browser'})})\n"
              "  .then(r => r.text().then(t => report(r.status + ' ' + t)))\n"
              "  .catch(e => report('refused ' + e));\n"
              "</script></body></html>\n";
        m_server.addRoute(QStringLiteral("/page.html"), Response::ok(page, "text/html"));
    };

    // Not allowed: the preflight is refused, the browser blocks the call.
    QVERIFY(startServe());
    pageFor(m_port);
    chromium(m_server.url(QStringLiteral("/page.html")).toString(), {},
        [&] { return !report().isEmpty(); });
    QVERIFY2(report().startsWith("refused"), report());
    QCOMPARE(m_server.hits(QStringLiteral("/cat.png")), 0);

    // Allowed: the same page's post is accepted and the image stored.
    m_server.resetCounters();
    QVERIFY(startServe({ QStringLiteral("--allow-origin"), QString::fromLatin1(origin) }));
    pageFor(m_port);
    chromium(m_server.url(QStringLiteral("/page.html")).toString(), {},
        [&] { return !report().isEmpty(); });
    QVERIFY2(report().startsWith("202 "), report());
    const QJsonObject accepted = QJsonDocument::fromJson(report().mid(4)).object();
    QVERIFY(accepted.value(QLatin1String("id")).toInteger() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_server.hits(QStringLiteral("/cat.png")) > 0, 20000);
}

void TestApiBrowser::homePageRendersCountInBrowser()
{
    m_server.addRoute(
        QStringLiteral("/a.png"), Response::ok(ImageFactory::png(200, 150, 9), "image/png"));
    const auto added = trove::test::runTrove(
        { QStringLiteral("add"), m_server.url(QStringLiteral("/a.png")).toString(),
            QStringLiteral("--library"), library() },
        trove::test::cleanTroveEnvironment(m_dir->path()));
    QCOMPARE(added.exitCode, 0);
    QVERIFY(startServe());
    const QString home
        = QStringLiteral("http://127.0.0.1:%1/?key=%2").arg(m_port).arg(QString::fromLatin1(m_key));
    const QByteArray dom = chromium(home,
        { QStringLiteral("--dump-dom"), QStringLiteral("--virtual-time-budget=3000") },
        [] { return false; });
    QVERIFY2(dom.contains("<strong id=\"count\">1</strong>"), dom.left(1000));
    QVERIFY(dom.contains("/thumbnail/"));

    const QString shot = m_dir->filePath(QStringLiteral("home.png"));
    chromium(home,
        { QStringLiteral("--screenshot=") + shot, QStringLiteral("--window-size=900,600"),
            QStringLiteral("--virtual-time-budget=3000") },
        [] { return false; });
    const QImage image(shot);
    QVERIFY2(!image.isNull(), qPrintable(shot));
    QCOMPARE(image.size(), QSize(900, 600));
}

QTEST_MAIN(TestApiBrowser)
#include "tst_apibrowser.moc"
