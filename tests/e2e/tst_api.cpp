// SPDX-License-Identifier: MIT
// The local API end to end: the real `trove serve` as a child process on
// loopback, images from a loopback TestServer, real HTTP clients
// (QNetworkAccessManager, raw sockets for what it will not send, curl when
// present). Every route, and one test per lock on the door.

#include "imagefactory.h"
#include "testserver.h"
#include "troveprocess.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <atomic>
#include <csignal>
#include <memory>
#include <unistd.h>

using trove::test::ImageFactory;
using trove::test::processState;
using trove::test::Response;
using trove::test::TestServer;

namespace {

QString sha256Hex(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

/// One answer as a client saw it.
struct Reply {
    int status = 0;
    QHash<QByteArray, QByteArray> headers; ///< names lower-cased
    QByteArray body;
    qint64 ms = 0;
    QString error; ///< transport error, if any

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const QByteArray &name) const { return headers.value(name.toLower()); }
    QByteArray describe() const
    {
        return QByteArray::number(status) + ' ' + error.toUtf8() + ' ' + body.left(600);
    }
};

/// Parses a raw HTTP/1.1 response (what a socket received up to close).
Reply parseRaw(const QByteArray &raw)
{
    Reply r;
    const qsizetype end = raw.indexOf("\r\n\r\n");
    if (end < 0) {
        r.error = QStringLiteral("no response head");
        return r;
    }
    const QList<QByteArray> lines = raw.left(end).split('\n');
    r.status = lines.value(0).split(' ').value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0)
            r.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
    }
    r.body = raw.mid(end + 4);
    return r;
}

} // namespace

class TestApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    // The original service
    void originalServiceEndToEnd();
    void imageByNameOrIdWithRangeAndEtag();
    void svgzIsServedAsGzippedSvg();
    void rangesFollowRfc9110_data();
    void rangesFollowRfc9110();
    void ifNoneMatchComparesWeakly_data();
    void ifNoneMatchComparesWeakly();
    void thumbnailRoute();
    void statusReportsFailureReason();
    void statusAfterRestartNamesTheImage();
    void redirectLoopFailsAtOnce_data();
    void redirectLoopFailsAtOnce();
    void apiImagesKeysetPaging();
    void homePagePastTheEndIsEmpty_data();
    void homePagePastTheEndIsEmpty();
    void processImageRefusesBadInput_data();
    void processImageRefusesBadInput();
    void processImageWithCurl();
    void serveStopsOnCtrlZ();
    // Hydrus and Eagle subsets
    void hydrusAddUrlThenGetUrlFiles();
    void hydrusFilesSearchMetadataAndTags();
    void tagRoutesInAnyCase_data();
    void tagRoutesInAnyCase();
    void hydrusAddFileByPathAndBytes();
    void hydrusRefusesBadInput_data();
    void hydrusRefusesBadInput();
    void tagsAreBoundedOnEveryRoute_data();
    void tagsAreBoundedOnEveryRoute();
    void eagleAddFromUrlAndList();
    void eagleAddFromUrlsIsAllOrNothing();
    void eagleHeadersGoWithTheirItemOnly();
    void eagleCookieStaysWithItsOrigin_data();
    void eagleCookieStaysWithItsOrigin();
    void eagleRefusesBadHeaders_data();
    void eagleRefusesBadHeaders();
    void eagleRefusesFieldsOfTheWrongType_data();
    void eagleRefusesFieldsOfTheWrongType();
    // The locks
    void lockApiVersionIsOpenWithoutKey();
    void lockMissingKeyIs401();
    void lockWrongKeyIs403_data();
    void lockWrongKeyIs403();
    void lockBadHostIs403DnsRebinding_data();
    void lockBadHostIs403DnsRebinding();
    void lockDisallowedOriginPreflightIs403();
    void lockAllowedOriginGetsCorsHeaders();
    void lockOversizedBodyIs413BeforeItIsSent();
    void lockRefusalEndsTheConnectionAtOnce();
    void wrongMethodIs405WithAllow_data();
    void wrongMethodIs405WithAllow();
    void serveRefusesOriginsThatCannotMatch_data();
    void serveRefusesOriginsThatCannotMatch();
    void serveLeavesOutSavedOriginsThatCannotMatch();
    void lockChunkedBodyIs411();
    void lockHeadIsReadStrictly_data();
    void lockHeadIsReadStrictly();
    void expectContinueOnlyForAcceptedHeads();
    void lockPathTricksAre404_data();
    void lockPathTricksAre404();
    void lockRateLimitIs429();
    void lockKeyFileIsOwnerOnlyAndRenewable();
    void lockListenBeyondLoopbackNeedsExistingKey_data();
    void lockListenBeyondLoopbackNeedsExistingKey();

private:
    QString library() const { return m_dir->filePath(QStringLiteral("library")); }
    trove::test::TroveRun trove(const QStringList &args);
    /// Starts `trove serve --port 0` with @p extra arguments; false if it did
    /// not say where it listens. @p ownGroup: in a process group of its
    /// own, as a shell's job is (the system stops a job on SIGTSTP only
    /// when someone outside it can continue it).
    bool startServe(const QStringList &extra = {}, bool ownGroup = false);
    void stopServe();
    QUrl url(const QString &pathAndQuery) const;
    /// A request through QNetworkAccessManager, with the key unless @p key
    /// is given (empty: none).
    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QList<QPair<QByteArray, QByteArray>> &headers = {}, bool withKey = true);
    Reply postJson(const QString &path, const QJsonObject &body)
    {
        return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
            { { "Content-Type", "application/json" } });
    }
    /// Bytes written as they are on a raw socket; what came back until close.
    Reply raw(const QByteArray &bytes, int timeoutMs = 10000);
    /// Polls /status/<id> until the item is finished.
    QJsonObject waitFinished(qint64 id, int timeoutMs = 30000);
    /// The queue id an Eagle add answers with (`data.id`).
    static qint64 eagleId(const Reply &reply)
    {
        return reply.json()
            .value(QLatin1String("data"))
            .toObject()
            .value(QLatin1String("id"))
            .toInteger();
    }
    /// Serves a PNG at @p path; answers its bytes.
    QByteArray servePng(const QString &path, quint32 seed, int w = 64, int h = 48);

    TestServer m_server;
    /// Another origin on the same machine (another port) for redirects.
    TestServer m_other;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_serve;
    QNetworkAccessManager m_nam;
    quint16 m_port = 0;
    QByteArray m_key;
};

void TestApi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(QFileInfo(QStringLiteral(TROVE_BINARY)).isExecutable(), TROVE_BINARY);
    QVERIFY(m_server.start());
    QVERIFY(m_other.start());
    m_nam.setProxy(QNetworkProxy::NoProxy);
    m_nam.setAutoDeleteReplies(false);
}

void TestApi::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_server.clearRoutes();
    m_server.resetCounters();
    m_other.clearRoutes();
    m_other.resetCounters();
    const auto key = trove({ QStringLiteral("api-key"), QStringLiteral("--library"), library() });
    QCOMPARE(key.exitCode, 0);
    m_key = key.out.trimmed();
    QCOMPARE(m_key.size(), 64);
    QVERIFY(startServe());
}

void TestApi::cleanup()
{
    stopServe();
    m_dir.reset();
}

trove::test::TroveRun TestApi::trove(const QStringList &args)
{
    return trove::test::runTrove(args, trove::test::cleanTroveEnvironment(m_dir->path()), 30000);
}

bool TestApi::startServe(const QStringList &extra, bool ownGroup)
{
    stopServe();
    m_serve = std::make_unique<QProcess>();
    m_serve->setProcessEnvironment(trove::test::cleanTroveEnvironment(m_dir->path()));
    if (ownGroup)
        m_serve->setChildProcessModifier([] { ::setpgid(0, 0); });
    m_serve->start(QStringLiteral(TROVE_BINARY),
        QStringList { QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
            QStringLiteral("--library"), library() }
            + extra);
    if (!m_serve->waitForStarted(10000))
        return false;
    static const QRegularExpression listening(QStringLiteral("on http://127\\.0\\.0\\.1:(\\d+)/"));
    QByteArray out;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 20000) {
        m_serve->waitForReadyRead(200);
        out += m_serve->readAllStandardOutput();
        const auto m = listening.match(QString::fromUtf8(out));
        if (m.hasMatch()) {
            m_port = quint16(m.captured(1).toUInt());
            return true;
        }
        if (m_serve->state() == QProcess::NotRunning)
            break;
    }
    qWarning() << "trove serve did not start:" << out << m_serve->readAllStandardError();
    return false;
}

void TestApi::stopServe()
{
    if (!m_serve)
        return;
    if (m_serve->state() != QProcess::NotRunning) {
        m_serve->terminate();
        if (!m_serve->waitForFinished(10000)) {
            m_serve->kill();
            m_serve->waitForFinished(5000);
        }
    }
    m_serve.reset();
}

QUrl TestApi::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

Reply TestApi::request(const QByteArray &method, const QString &path, const QByteArray &body,
    const QList<QPair<QByteArray, QByteArray>> &headers, bool withKey)
{
    QNetworkRequest req(url(path));
    req.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (withKey)
        req.setRawHeader("Trove-Api-Key", m_key);
    for (const auto &[name, value] : headers)
        req.setRawHeader(name, value);
    QElapsedTimer t;
    t.start();
    // HEAD through head(): as a custom verb, QNetworkAccessManager would wait
    // for the Content-Length bytes a HEAD answer never sends.
    std::unique_ptr<QNetworkReply> reply(method == "HEAD"
            ? m_nam.head(req)
            : m_nam.sendCustomRequest(
                req, method, body.isNull() && method == "POST" ? QByteArray("") : body));
    QEventLoop loop;
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    Reply r;
    r.ms = t.elapsed();
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    r.body = reply->readAll();
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.error = reply->errorString();
    return r;
}

Reply TestApi::raw(const QByteArray &bytes, int timeoutMs)
{
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    Reply r;
    if (!socket.waitForConnected(5000)) {
        r.error = socket.errorString();
        return r;
    }
    QElapsedTimer t;
    t.start();
    socket.write(bytes);
    QByteArray in;
    while (t.elapsed() < timeoutMs && socket.state() == QAbstractSocket::ConnectedState) {
        socket.waitForReadyRead(100);
        in += socket.readAll();
        // A complete answer is enough: the server may keep the socket open
        // while it drains a body the test never sends.
        const qsizetype end = in.indexOf("\r\n\r\n");
        if (end >= 0) {
            const Reply head = parseRaw(in);
            if (head.headers.contains("content-length")
                && in.size() - end - 4 >= head.header("content-length").toLongLong())
                break;
        }
    }
    in += socket.readAll();
    r = parseRaw(in);
    r.ms = t.elapsed();
    return r;
}

QJsonObject TestApi::waitFinished(qint64 id, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    QJsonObject last;
    while (t.elapsed() < timeoutMs) {
        const Reply r = request("GET", QStringLiteral("/status/%1").arg(id));
        last = r.json();
        const QString state = last.value(QLatin1String("state")).toString();
        if (state == QLatin1String("done") || state == QLatin1String("duplicate")
            || state == QLatin1String("failed") || state == QLatin1String("cancelled"))
            return last;
        QTest::qWait(50);
    }
    return last;
}

QByteArray TestApi::servePng(const QString &path, quint32 seed, int w, int h)
{
    const QByteArray png = ImageFactory::png(w, h, seed);
    m_server.addRoute(path, Response::ok(png, "image/png"));
    return png;
}

// --- the original service --------------------------------------------------

// The service Trove grew from: post a link, get an answer at once, see it in
// GET / with the count and the last upload time, fetch it back
// byte-identical by name.
void TestApi::originalServiceEndToEnd()
{
    // A slow image: the answer must not wait for it.
    const QByteArray png = ImageFactory::png(800, 600, 7);
    Response slow = Response::ok(png, "image/png");
    slow.delayMs = 1500;
    m_server.addRoute(QStringLiteral("/cat.png"), slow);

    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/cat.png")).toString() },
            { QStringLiteral("name"), QStringLiteral("my cat") },
            { QStringLiteral("website"), QStringLiteral("http://pages.test/cats?p=2") },
            { QStringLiteral("tags"),
                QJsonArray { QStringLiteral("cats"), QStringLiteral("pets") } } });
    QCOMPARE(posted.status, 202);
    QVERIFY2(posted.ms < 1000, QByteArray::number(posted.ms));
    const qint64 id = posted.json().value(QLatin1String("id")).toInteger();
    QVERIFY(id > 0);
    QCOMPARE(posted.json().value(QLatin1String("status_url")).toString(),
        QStringLiteral("/status/%1").arg(id));
    QCOMPARE(posted.header("Location"), QByteArray("/status/") + QByteArray::number(id));

    // Still at work when the answer came.
    const QString early = request("GET", QStringLiteral("/status/%1").arg(id))
                              .json()
                              .value(QLatin1String("state"))
                              .toString();
    QVERIFY2(early == QLatin1String("queued") || early == QLatin1String("downloading"),
        qPrintable(early));

    const QJsonObject done = waitFinished(id);
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("done"));
    // The page it was found on went with the download.
    QCOMPARE(m_server.lastRequestHeader(QStringLiteral("/cat.png"), "Referer"),
        QByteArray("http://pages.test/cats?p=2"));
    const QString imageId
        = done.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();
    QVERIFY(!imageId.isEmpty());

    const Reply home = request("GET", QStringLiteral("/"));
    QCOMPARE(home.status, 200);
    QVERIFY(home.header("Content-Type").startsWith("text/html"));
    QVERIFY2(home.body.contains("<strong id=\"count\">1</strong>"), home.body.left(800));
    const auto stats = trove({ QStringLiteral("stats"), QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    const QString lastAdded = stats.json().object().value(QLatin1String("last_added")).toString();
    QVERIFY(!lastAdded.isEmpty());
    QVERIFY2(home.body.contains("<strong id=\"last-upload\">" + lastAdded.toUtf8() + "</strong>"),
        home.body.left(800));
    QVERIFY(home.body.contains("my cat"));
    QVERIFY(home.body.contains("/thumbnail/" + imageId.toUtf8()));

    const Reply image = request("GET", QStringLiteral("/image/my%20cat"));
    QCOMPARE(image.status, 200);
    QCOMPARE(image.body, png);
    QCOMPARE(image.header("Content-Type"), QByteArray("image/png"));
    QVERIFY(image.header("Content-Encoding").isEmpty());
    QCOMPARE(image.header("ETag"), '"' + sha256Hex(png).toLatin1() + '"');

    // The CLI sees the same library: name and tags as posted.
    const auto shown = trove({ QStringLiteral("show"), imageId, QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.json().object().value(QLatin1String("tags")).toArray().size(), 2);
}

void TestApi::imageByNameOrIdWithRangeAndEtag()
{
    const QByteArray png = servePng(QStringLiteral("/r.png"), 3, 300, 200);
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/r.png")).toString() } });
    QCOMPARE(posted.status, 202);
    const QJsonObject done = waitFinished(posted.json().value(QLatin1String("id")).toInteger());
    const QString imageId
        = done.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("done"));

    const Reply byId = request("GET", QStringLiteral("/image/") + imageId);
    QCOMPARE(byId.body, png);
    const Reply byPrefix = request("GET", QStringLiteral("/image/") + imageId.left(8));
    QCOMPARE(byPrefix.body, png);
    const Reply byName = request("GET", QStringLiteral("/image/r")); // default name: the file name
    QCOMPARE(byName.body, png);
    QCOMPARE(byName.header("Accept-Ranges"), QByteArray("bytes"));

    const Reply part
        = request("GET", QStringLiteral("/image/") + imageId, {}, { { "Range", "bytes=10-29" } });
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, png.mid(10, 20));
    QCOMPARE(part.header("Content-Range"), "bytes 10-29/" + QByteArray::number(png.size()));
    const Reply tail
        = request("GET", QStringLiteral("/image/") + imageId, {}, { { "Range", "bytes=-16" } });
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body, png.right(16));
    const Reply outside = request("GET", QStringLiteral("/image/") + imageId, {},
        { { "Range", "bytes=" + QByteArray::number(png.size() + 5) + "-" } });
    QCOMPARE(outside.status, 416);

    const Reply cached = request("GET", QStringLiteral("/image/") + imageId, {},
        { { "If-None-Match", byId.header("ETag") } });
    QCOMPARE(cached.status, 304);
    QVERIFY(cached.body.isEmpty());

    const Reply head = request("HEAD", QStringLiteral("/image/") + imageId);
    QCOMPARE(head.status, 200);
    QCOMPARE(head.header("Content-Length").toLongLong(), png.size());
    QVERIFY(head.body.isEmpty());

    QCOMPARE(request("GET", QStringLiteral("/image/nothing-by-this-name")).status, 404);
}

// Compressed SVG goes out as the original bytes, said to be SVG in gzip:
// a browser inflates and shows it; a download keeps the .svgz as it is.
// The Hydrus API sends it as the gzip file it is.
void TestApi::svgzIsServedAsGzippedSvg()
{
    const QByteArray svgz = ImageFactory::svgz(300, 200, 5);
    m_server.addRoute(QStringLiteral("/d.svgz"), Response::ok(svgz, "image/svg+xml"));
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/d.svgz")).toString() } });
    QCOMPARE(posted.status, 202);
    const QJsonObject done = waitFinished(posted.json().value(QLatin1String("id")).toInteger());
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("done"));
    const QString imageId
        = done.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();

    // Qt's client, like a browser, inflates it: the drawing.
    const Reply image = request("GET", QStringLiteral("/image/") + imageId);
    QCOMPARE(image.status, 200);
    QCOMPARE(image.body, ImageFactory::svg(300, 200, 5));
    QCOMPARE(image.header("Content-Type"), QByteArray("image/svg+xml"));
    QCOMPARE(image.header("Content-Encoding"), QByteArray("gzip"));
    // On the wire (a client that asks for gzip itself keeps it): the file.
    const Reply raw = request(
        "GET", QStringLiteral("/image/") + imageId, {}, { { "Accept-Encoding", "gzip" } });
    QCOMPARE(raw.status, 200);
    QCOMPARE(raw.body, svgz);
    // A Hydrus client checks the file against its hash: the gzip file, no
    // coding its HTTP library would undo.
    const Reply file = request("GET", QStringLiteral("/get_files/file?hash=") + sha256Hex(svgz));
    QCOMPARE(file.status, 200);
    QCOMPARE(file.body, svgz);
    QVERIFY(file.header("Content-Encoding").isEmpty());
    const Reply thumb = request("GET", QStringLiteral("/thumbnail/") + imageId);
    QCOMPARE(thumb.status, 200);
    const QImage thumbnail = QImage::fromData(thumb.body);
    QVERIFY(!thumbnail.isNull());
    QCOMPARE(thumbnail.width(), 256);

    // A client that does not take gzip (Python's urllib, curl without
    // --compressed: no Accept-Encoding) saves what it is sent: the SVG
    // text, as a representation of its own (ETag, Vary), ranges over it.
    const QByteArray drawing = ImageFactory::svg(300, 200, 5);
    const QByteArray sha = sha256Hex(svgz).toLatin1();
    QCOMPARE(image.header("ETag"), '"' + sha + '"');
    QCOMPARE(image.header("Vary"), QByteArray("Accept-Encoding"));
    const auto plainGet = [&](const QByteArray &extra) {
        return this->raw("GET /image/" + imageId.toLatin1()
            + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
            + "\r\nTrove-Api-Key: " + m_key + "\r\n" + extra + "Connection: close\r\n\r\n");
    };
    for (const QByteArray &asked : { QByteArray(), QByteArray("Accept-Encoding: identity\r\n"),
             QByteArray("Accept-Encoding: gzip;q=0, br\r\n") }) {
        const Reply text = plainGet(asked);
        QVERIFY2(text.status == 200, text.describe().constData());
        QCOMPARE(text.body, drawing);
        QVERIFY(text.header("Content-Encoding").isEmpty());
        QCOMPARE(text.header("Content-Type"), QByteArray("image/svg+xml"));
        QCOMPARE(text.header("Content-Length"), QByteArray::number(drawing.size()));
        QCOMPARE(text.header("ETag"), '"' + sha + "-svg\"");
        QCOMPARE(text.header("Vary"), QByteArray("Accept-Encoding"));
    }
    const Reply part = plainGet("Range: bytes=0-9\r\n");
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, drawing.left(10));
    QCOMPARE(part.header("Content-Range"), "bytes 0-9/" + QByteArray::number(drawing.size()));
    // Each ETag validates its own representation only.
    QCOMPARE(plainGet("If-None-Match: \"" + sha + "-svg\"\r\n").status, 304);
    QCOMPARE(plainGet("If-None-Match: \"" + sha + "\"\r\n").status, 200);
    const Reply gzipped = plainGet("Accept-Encoding: gzip\r\nIf-None-Match: \"" + sha + "\"\r\n");
    QCOMPARE(gzipped.status, 304);
    QCOMPARE(gzipped.header("Vary"), QByteArray("Accept-Encoding"));
}

// RFC 9110 §14: a last position past the end is the end, a first one at
// or past it is 416 with the size, a suffix longer than the image is the
// whole image, and a Range that cannot be read is ignored (200, all of
// it). Numbers too big for 64 bits are read as "very large", never as 0.
// SIZE is replaced by the image's size; last -1 means the last byte.
void TestApi::rangesFollowRfc9110_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("a range") << QByteArray("bytes=10-29") << 206 << qint64(10) << qint64(29);
    QTest::newRow("unit in capitals") << QByteArray("Bytes=0-0") << 206 << qint64(0) << qint64(0);
    QTest::newRow("from a position") << QByteArray("bytes=7-") << 206 << qint64(7) << qint64(-1);
    QTest::newRow("last past the end")
        << QByteArray("bytes=3-SIZE") << 206 << qint64(3) << qint64(-1);
    QTest::newRow("last past 2^63")
        << QByteArray("bytes=0-9223372036854775808") << 206 << qint64(0) << qint64(-1);
    QTest::newRow("last past 2^64")
        << QByteArray("bytes=0-99999999999999999999") << 206 << qint64(0) << qint64(-1);
    QTest::newRow("first at the end") << QByteArray("bytes=SIZE-") << 416 << qint64(0) << qint64(0);
    QTest::newRow("first past 2^64 - 1")
        << QByteArray("bytes=18446744073709551615-") << 416 << qint64(0) << qint64(0);
    QTest::newRow("first past 2^63") << QByteArray("bytes=9223372036854775808-9223372036854775809")
                                     << 416 << qint64(0) << qint64(0);
    QTest::newRow("suffix") << QByteArray("bytes=-16") << 206 << qint64(-16) << qint64(-1);
    QTest::newRow("suffix longer than the image")
        << QByteArray("bytes=-99999999999999999999") << 206 << qint64(0) << qint64(-1);
    QTest::newRow("empty suffix") << QByteArray("bytes=-0") << 416 << qint64(0) << qint64(0);
    QTest::newRow("last before first") << QByteArray("bytes=9-2") << 200 << qint64(0) << qint64(-1);
    QTest::newRow("no numbers") << QByteArray("bytes=-") << 200 << qint64(0) << qint64(-1);
    QTest::newRow("signed") << QByteArray("bytes=+1-5") << 200 << qint64(0) << qint64(-1);
    QTest::newRow("other unit") << QByteArray("items=0-5") << 200 << qint64(0) << qint64(-1);
}

void TestApi::rangesFollowRfc9110()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    const QByteArray png = servePng(QStringLiteral("/range.png"), 8, 120, 90);
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/range.png")).toString() } });
    const QJsonObject done = waitFinished(posted.json().value(QLatin1String("id")).toInteger());
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("done"));
    const QString imageId
        = done.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();
    const qint64 size = png.size();
    range.replace("SIZE", QByteArray::number(size));
    if (first < 0)
        first += size;
    if (last < 0)
        last += size;

    const Reply r = request("GET", QStringLiteral("/image/") + imageId, {}, { { "Range", range } });
    QCOMPARE(r.status, status);
    if (status == 416) {
        QCOMPARE(r.header("Content-Range"), "bytes */" + QByteArray::number(size));
    } else if (status == 206) {
        QCOMPARE(r.header("Content-Range"),
            "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                + QByteArray::number(size));
        QCOMPARE(r.body, png.mid(first, last - first + 1));
    } else {
        QVERIFY(!r.headers.contains("content-range"));
        QCOMPARE(r.body, png);
    }
}

// If-None-Match takes a list of entity tags and compares them weakly
// (RFC 9110 §13.1.2): W/"<sha>" and a list naming the image's tag are
// "not modified", and so is *. ETAG is replaced by the image's tag.
void TestApi::ifNoneMatchComparesWeakly_data()
{
    QTest::addColumn<QByteArray>("ifNoneMatch");
    QTest::addColumn<int>("status");
    QTest::newRow("the tag") << QByteArray("ETAG") << 304;
    QTest::newRow("weak") << QByteArray("W/ETAG") << 304;
    QTest::newRow("in a list") << QByteArray("\"x\", ETAG") << 304;
    QTest::newRow("weak in a list") << QByteArray("\"x\",W/ETAG , \"y\"") << 304;
    QTest::newRow("any") << QByteArray("*") << 304;
    QTest::newRow("another tag") << QByteArray("\"x\"") << 200;
    QTest::newRow("others in a list") << QByteArray("W/\"x\", \"y\"") << 200;
    QTest::newRow("unquoted") << QByteArray("SHA") << 200;
}

void TestApi::ifNoneMatchComparesWeakly()
{
    QFETCH(QByteArray, ifNoneMatch);
    QFETCH(int, status);
    const QByteArray png = servePng(QStringLiteral("/etag.png"), 9);
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/etag.png")).toString() } });
    const QJsonObject done = waitFinished(posted.json().value(QLatin1String("id")).toInteger());
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("done"));
    const QString imageId
        = done.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();
    const QByteArray sha = sha256Hex(png).toLatin1();
    ifNoneMatch.replace("ETAG", '"' + sha + '"').replace("SHA", sha);
    const Reply r = request(
        "GET", QStringLiteral("/image/") + imageId, {}, { { "If-None-Match", ifNoneMatch } });
    QCOMPARE(r.status, status);
    QCOMPARE(r.header("ETag"), '"' + sha + '"');
    QCOMPARE(r.body, status == 304 ? QByteArray() : png);
}

void TestApi::thumbnailRoute()
{
    servePng(QStringLiteral("/t.png"), 4, 640, 480);
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/t.png")).toString() } });
    const QJsonObject done = waitFinished(posted.json().value(QLatin1String("id")).toInteger());
    const QString imageId
        = done.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();
    const Reply thumb = request("GET", QStringLiteral("/thumbnail/") + imageId);
    QCOMPARE(thumb.status, 200);
    QVERIFY(thumb.header("Content-Type").startsWith("image/"));
    const QImage decoded = QImage::fromData(thumb.body);
    QVERIFY(!decoded.isNull());
    QCOMPARE(qMax(decoded.width(), decoded.height()), 256);
}

void TestApi::statusReportsFailureReason()
{
    m_server.addRoute(QStringLiteral("/gone.png"), Response::status(404));
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/gone.png")).toString() } });
    QCOMPARE(posted.status, 202);
    const QJsonObject done = waitFinished(posted.json().value(QLatin1String("id")).toInteger());
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
    QVERIFY2(done.value(QLatin1String("reason")).toString().contains(QLatin1String("404")),
        qPrintable(done.value(QLatin1String("reason")).toString()));
    QCOMPARE(request("GET", QStringLiteral("/status/999999")).status, 404);
    QCOMPARE(request("GET", QStringLiteral("/status/abc")).status, 404);

    // A queue row of an earlier process answers from the catalog.
    QVERIFY(startServe());
    const Reply again = request("GET",
        QStringLiteral("/status/%1").arg(posted.json().value(QLatin1String("id")).toInteger()));
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json().value(QLatin1String("state")).toString(), QStringLiteral("failed"));
}

void TestApi::apiImagesKeysetPaging()
{
    QStringList ids;
    for (int i = 0; i < 3; ++i) {
        const QString path = QStringLiteral("/p%1.png").arg(i);
        servePng(path, 10 + i);
        const Reply posted = postJson(QStringLiteral("/process_image"),
            { { QStringLiteral("url"), m_server.url(path).toString() },
                { QStringLiteral("name"), QStringLiteral("page %1").arg(i) },
                { QStringLiteral("tags"),
                    QJsonArray { i == 1 ? QStringLiteral("odd") : QStringLiteral("even") } } });
        const QJsonObject done = waitFinished(posted.json().value(QLatin1String("id")).toInteger());
        ids << done.value(QLatin1String("image")).toObject().value(QLatin1String("id")).toString();
        QTest::qWait(1100); // distinct added_at seconds: a stable newest-first order
    }
    const Reply first = request("GET", QStringLiteral("/api/images?limit=2"));
    QCOMPARE(first.status, 200);
    const QJsonArray firstImages = first.json().value(QLatin1String("images")).toArray();
    QCOMPARE(firstImages.size(), 2);
    QCOMPARE(firstImages[0].toObject().value(QLatin1String("id")).toString(), ids[2]);
    QCOMPARE(firstImages[1].toObject().value(QLatin1String("id")).toString(), ids[1]);
    for (const char *field : { "id", "name", "tags", "source_url", "sha256", "format", "width",
             "height", "original_bytes", "stored_bytes", "added_at" })
        QVERIFY2(firstImages[0].toObject().contains(QLatin1String(field)), field);
    const QString next = first.json().value(QLatin1String("next")).toString();
    QCOMPARE(next, ids[1]);
    const Reply second = request("GET", QStringLiteral("/api/images?limit=2&after=") + next);
    const QJsonArray secondImages = second.json().value(QLatin1String("images")).toArray();
    QCOMPARE(secondImages.size(), 1);
    QCOMPARE(secondImages[0].toObject().value(QLatin1String("id")).toString(), ids[0]);
    QVERIFY(second.json().value(QLatin1String("next")).isNull());

    const Reply odd = request("GET", QStringLiteral("/api/images?tag=odd"));
    QCOMPARE(odd.json().value(QLatin1String("images")).toArray().size(), 1);
    const Reply search = request("GET", QStringLiteral("/api/images?search=%22page+2%22"));
    QCOMPARE(search.json().value(QLatin1String("images")).toArray().size(), 1);
    // The window's search language: tag: and text together (the host,
    // 127.0.0.1, has a 2 in it: a phrase keeps "page 2" together).
    const Reply even = request("GET", QStringLiteral("/api/images?search=tag%3Aeven"));
    QCOMPARE(even.json().value(QLatin1String("images")).toArray().size(), 2);
    const Reply evenPage2
        = request("GET", QStringLiteral("/api/images?search=tag%3Aeven%20%22page%202%22"));
    const QJsonArray evenPage2Images = evenPage2.json().value(QLatin1String("images")).toArray();
    QCOMPARE(evenPage2Images.size(), 1);
    QCOMPARE(evenPage2Images[0].toObject().value(QLatin1String("id")).toString(), ids[2]);
    const Reply oddPage2
        = request("GET", QStringLiteral("/api/images?search=tag%3Aodd+%22page+2%22"));
    QCOMPARE(oddPage2.json().value(QLatin1String("images")).toArray().size(), 0);
    const Reply both
        = request("GET", QStringLiteral("/api/images?search=-tag%3Aodd+-tag%3Aeven+OR+page"));
    QCOMPARE(both.json().value(QLatin1String("images")).toArray().size(), 3);
    // A search it cannot read is the caller's mistake, explained.
    const Reply unreadable = request("GET", QStringLiteral("/api/images?search=colour%3Ared"));
    QCOMPARE(unreadable.status, 400);
    QVERIFY2(unreadable.body.contains("unknown predicate colour:"), unreadable.body.constData());
    QCOMPARE(request("GET", QStringLiteral("/api/images?limit=0")).status, 400);
    QCOMPARE(request("GET", QStringLiteral("/api/images?after=nosuchimage")).status, 400);
}

// A page past the last one is empty, however far past (the reader once
// read such a page from the back with a negative LIMIT: the whole library);
// a page that is no number from 0 is refused.
void TestApi::homePagePastTheEndIsEmpty_data()
{
    QTest::addColumn<QString>("page");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("images");
    QTest::newRow("first") << QStringLiteral("0") << 200 << 1;
    QTest::newRow("next after the last") << QStringLiteral("1") << 200 << 0;
    QTest::newRow("far past") << QStringLiteral("99999") << 200 << 0;
    QTest::newRow("largest qint64") << QStringLiteral("9223372036854775807") << 200 << 0;
    QTest::newRow("past qint64") << QStringLiteral("9223372036854775808") << 400 << 0;
    QTest::newRow("negative") << QStringLiteral("-1") << 400 << 0;
    QTest::newRow("not a number") << QStringLiteral("two") << 400 << 0;
}

void TestApi::homePagePastTheEndIsEmpty()
{
    QFETCH(QString, page);
    QFETCH(int, status);
    QFETCH(int, images);
    servePng(QStringLiteral("/only.png"), 5);
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/only.png")).toString() } });
    QCOMPARE(waitFinished(posted.json().value(QLatin1String("id")).toInteger())
                 .value(QLatin1String("state"))
                 .toString(),
        QStringLiteral("done"));
    const Reply home = request("GET", QStringLiteral("/?page=") + page);
    QCOMPARE(home.status, status);
    if (status != 200)
        return;
    QCOMPARE(home.body.count("<li>"), images);
    QVERIFY2(home.body.contains("<strong id=\"count\">1</strong>"), home.body.left(800));
    QVERIFY(!home.body.contains("rel=\"next\""));
    // From past the end, "newer" leads back to the only page there is.
    if (images == 0)
        QVERIFY2(home.body.contains("rel=\"prev\" href=\"/?page=0\""), home.body.right(400));
}

// Ctrl+Z on `trove serve`: the queue's download goes back to it (its
// connection closes) before the process stops; continued, the add finishes.
void TestApi::serveStopsOnCtrlZ()
{
    QVERIFY(startServe({}, true));
    auto stalling = std::make_shared<std::atomic_bool>(true);
    const Response image = Response::ok(ImageFactory::png(64, 48, 77), "image/png");
    m_server.addHandler(
        QStringLiteral("/ctrlz.png"), [stalling, image](const trove::test::RecordedRequest &) {
            Response r = image;
            r.stallAfterHeaders = stalling->load();
            return r;
        });
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/ctrlz.png")).toString() } });
    QCOMPARE(posted.status, 202);
    const qint64 id = posted.json().value(QLatin1String("id")).toInteger();
    // Answered (stalling), not only connected: a request the server had yet
    // to read when the stop aborted it would be answered without the stall.
    QTRY_COMPARE_WITH_TIMEOUT(
        m_server.hits(QStringLiteral("/ctrlz.png")), 1, trove::test::kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activeConnections(), 1, trove::test::kLivenessMs);

    const qint64 pid = m_serve->processId();
    ::kill(pid_t(pid), SIGTSTP);
    QTRY_COMPARE_WITH_TIMEOUT(processState(pid), 'T', trove::test::kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activeConnections(), 0, trove::test::kLivenessMs);
    stalling->store(false);
    ::kill(pid_t(pid), SIGCONT);
    QCOMPARE(waitFinished(id).value(QLatin1String("state")).toString(), QStringLiteral("done"));
    QCOMPARE(m_server.hits(QStringLiteral("/ctrlz.png")), 2);
    QVERIFY(m_serve->readAllStandardError().contains("trove: stopped with 1 item(s) to go"));
}

// /status of an add from an earlier process (or one the server has let go
// of) answers from the catalog's queue row; it named the image's id but
// not its name, which the same request answered before the restart.
void TestApi::statusAfterRestartNamesTheImage()
{
    servePng(QStringLiteral("/named.png"), 17);
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/named.png")).toString() },
            { QStringLiteral("name"), QStringLiteral("kitty") } });
    QCOMPARE(posted.status, 202);
    const qint64 id = posted.json().value(QLatin1String("id")).toInteger();
    const QJsonObject before = waitFinished(id);
    QCOMPARE(before.value(QLatin1String("state")).toString(), QStringLiteral("done"));
    const QJsonObject image = before.value(QLatin1String("image")).toObject();
    QCOMPARE(image.value(QLatin1String("name")).toString(), QStringLiteral("kitty"));

    QVERIFY(startServe());
    const Reply after = request("GET", QStringLiteral("/status/%1").arg(id));
    QCOMPARE(after.status, 200);
    QCOMPARE(after.json().value(QLatin1String("state")).toString(), QStringLiteral("done"));
    QCOMPARE(after.json().value(QLatin1String("image")).toObject(), image);
}

// A redirect loop, or more hops than allowed, is the server's answer, not
// a passing fault: the add fails at once with that reason, and no URL of
// it is asked for again (a transient failure is tried 3 times, 1 s apart).
void TestApi::redirectLoopFailsAtOnce_data()
{
    QTest::addColumn<int>("hops"); ///< 0: a loop of two URLs
    QTest::addColumn<QString>("reason");
    QTest::newRow("loop A-B-A") << 0 << QStringLiteral("redirect loop");
    QTest::newRow("12 hops") << 12 << QStringLiteral("too many redirects");
}

void TestApi::redirectLoopFailsAtOnce()
{
    QFETCH(int, hops);
    QFETCH(QString, reason);
    QStringList paths;
    if (hops == 0) {
        paths = { QStringLiteral("/loop/a"), QStringLiteral("/loop/b") };
        m_server.addRoute(paths[0], Response::redirect(302, m_server.url(paths[1]).toString()));
        m_server.addRoute(paths[1], Response::redirect(302, m_server.url(paths[0]).toString()));
    } else {
        for (int i = 0; i <= hops; ++i)
            paths.append(QStringLiteral("/hop/%1").arg(i));
        for (int i = 0; i < hops; ++i)
            m_server.addRoute(
                paths[i], Response::redirect(302, m_server.url(paths[i + 1]).toString()));
        servePng(paths.last(), 5);
    }
    QElapsedTimer t;
    t.start();
    const Reply posted = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(paths[0]).toString() } });
    QCOMPARE(posted.status, 202);
    const QJsonObject done = waitFinished(posted.json().value(QLatin1String("id")).toInteger());
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("failed"));
    QVERIFY2(done.value(QLatin1String("reason")).toString().contains(reason),
        qPrintable(done.value(QLatin1String("reason")).toString()));
    QTest::qWait(1500); // past the first retry's earliest start
    for (const QString &path : std::as_const(paths))
        QVERIFY2(m_server.hits(path) <= 1, qPrintable(path));
    QCOMPARE(m_server.hits(paths[0]), 1);
}

void TestApi::processImageRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("not json") << QByteArray("url=http://x/") << QStringLiteral("not JSON");
    QTest::newRow("not an object") << QByteArray("[1]") << QStringLiteral("not a JSON object");
    QTest::newRow("no url") << QByteArray("{\"name\":\"x\"}") << QStringLiteral("no url");
    QTest::newRow("url a number") << QByteArray("{\"url\":1}")
                                  << QStringLiteral("url must be a string");
    QTest::newRow("url a list") << QByteArray("{\"url\":[\"http://127.0.0.1:1/a.png\"]}")
                                << QStringLiteral("url must be a string");
    QTest::newRow("local file") << QByteArray("{\"url\":\"file:///etc/passwd\"}")
                                << QStringLiteral("not an http");
    QTest::newRow("bare path") << QByteArray("{\"url\":\"/etc/passwd\"}")
                               << QStringLiteral("not an http");
    QTest::newRow("javascript") << QByteArray("{\"url\":\"javascript:alert(1)\"}")
                                << QStringLiteral("not an http");
    QTest::newRow("tags not a list")
        << QByteArray("{\"url\":\"http://127.0.0.1:1/a.png\",\"tags\":{}}")
        << QStringLiteral("tags");
    QTest::newRow("name not a string")
        << QByteArray("{\"url\":\"http://127.0.0.1:1/a.png\",\"name\":5}")
        << QStringLiteral("name");
    QTest::newRow("tags a string")
        << QByteArray("{\"url\":\"http://127.0.0.1:1/a.png\",\"tags\":\"x\"}")
        << QStringLiteral("tags must be a list of strings");
    QTest::newRow("tags not strings")
        << QByteArray("{\"url\":\"http://127.0.0.1:1/a.png\",\"tags\":[\"a\",1,null,{}]}")
        << QStringLiteral("tags must be a list of strings");
}

void TestApi::processImageRefusesBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    const Reply r = request(
        "POST", QStringLiteral("/process_image"), body, { { "Content-Type", "application/json" } });
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json().value(QLatin1String("error")).toString().contains(reason), r.describe());
    // Nothing was queued or stored.
    QCOMPARE(request("GET", QStringLiteral("/status/1")).status, 404);
    QCOMPARE(request("GET", QStringLiteral("/api/images"))
                 .json()
                 .value(QLatin1String("images"))
                 .toArray()
                 .size(),
        0);
}

void TestApi::processImageWithCurl()
{
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        QSKIP("curl is not installed (scripts/install-deps.sh installs it)");
    const QByteArray png = servePng(QStringLiteral("/curl.png"), 21);
    QProcess p;
    QProcessEnvironment env = trove::test::cleanTroveEnvironment(m_dir->path());
    p.setProcessEnvironment(env);
    p.start(curl,
        { QStringLiteral("-sS"), QStringLiteral("--noproxy"), QStringLiteral("*"),
            QStringLiteral("-H"), QStringLiteral("Trove-Api-Key: ") + QString::fromLatin1(m_key),
            QStringLiteral("-H"), QStringLiteral("Content-Type: application/json"),
            QStringLiteral("-d"),
            QStringLiteral("{\"url\":\"%1\",\"name\":\"curled\"}")
                .arg(m_server.url(QStringLiteral("/curl.png")).toString()),
            url(QStringLiteral("/process_image")).toString() });
    QVERIFY(p.waitForFinished(20000));
    const QJsonObject posted = QJsonDocument::fromJson(p.readAllStandardOutput()).object();
    const QJsonObject done = waitFinished(posted.value(QLatin1String("id")).toInteger());
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("done"));
    const QString out = m_dir->filePath(QStringLiteral("curled.png"));
    p.start(curl,
        { QStringLiteral("-sS"), QStringLiteral("--noproxy"), QStringLiteral("*"),
            QStringLiteral("-o"), out,
            url(QStringLiteral("/image/curled?key=") + QString::fromLatin1(m_key)).toString() });
    QVERIFY(p.waitForFinished(20000));
    QFile f(out);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), png);
}

// --- Hydrus ---------------------------------------------------------------

void TestApi::hydrusAddUrlThenGetUrlFiles()
{
    const QByteArray png = servePng(QStringLiteral("/h.png"), 31);
    const QString link = m_server.url(QStringLiteral("/h.png")).toString();
    const Reply added = request("POST", QStringLiteral("/add_urls/add_url"),
        QJsonDocument(
            QJsonObject { { QStringLiteral("url"), link },
                { QStringLiteral("service_names_to_additional_tags"),
                    QJsonObject { { QStringLiteral("my tags"),
                        QJsonArray { QStringLiteral("hydrus"), QStringLiteral("blue") } } } } })
            .toJson(),
        { { "Content-Type", "application/json" }, { "Hydrus-Client-API-Access-Key", m_key } },
        false);
    QCOMPARE(added.status, 200);
    QCOMPARE(added.json().value(QLatin1String("normalised_url")).toString(), link);
    QVERIFY(added.json()
                .value(QLatin1String("human_result_text"))
                .toString()
                .contains(QLatin1String("added successfully")));

    // Unknown until stored; Hydrus lists no statuses for a new URL.
    QElapsedTimer t;
    t.start();
    QJsonArray statuses;
    while (t.elapsed() < 20000 && statuses.isEmpty()) {
        QTest::qWait(100);
        const Reply files = request("GET",
            QStringLiteral("/add_urls/get_url_files?url=")
                + QString::fromLatin1(QUrl::toPercentEncoding(link)),
            {}, { { "Hydrus-Client-API-Access-Key", m_key } }, false);
        QCOMPARE(files.status, 200);
        statuses = files.json().value(QLatin1String("url_file_statuses")).toArray();
    }
    QCOMPARE(statuses.size(), 1);
    QCOMPARE(statuses[0].toObject().value(QLatin1String("status")).toInt(), 2);
    QCOMPARE(statuses[0].toObject().value(QLatin1String("hash")).toString(), sha256Hex(png));

    // Moved to the trash: Hydrus's 3, "previously deleted".
    const auto removed = trove(
        { QStringLiteral("remove"), QStringLiteral("h"), QStringLiteral("--library"), library() });
    QVERIFY2(removed.exitCode == 0, removed.describe().constData());
    const Reply gone = request("GET",
        QStringLiteral("/add_urls/get_url_files?url=")
            + QString::fromLatin1(QUrl::toPercentEncoding(link)),
        {}, { { "Hydrus-Client-API-Access-Key", m_key } }, false);
    const QJsonArray goneStatuses = gone.json().value(QLatin1String("url_file_statuses")).toArray();
    QCOMPARE(goneStatuses.size(), 1);
    QCOMPARE(goneStatuses[0].toObject().value(QLatin1String("status")).toInt(), 3);
    QCOMPARE(goneStatuses[0].toObject().value(QLatin1String("hash")).toString(), sha256Hex(png));

    const Reply unknown = request("GET",
        QStringLiteral("/add_urls/get_url_files?url=http%3A%2F%2F127.0.0.1%3A1%2Fnever.png"));
    QCOMPARE(unknown.json().value(QLatin1String("url_file_statuses")).toArray().size(), 0);
    const Reply verify = request("GET", QStringLiteral("/verify_access_key"));
    QCOMPARE(verify.status, 200);
    QVERIFY(verify.json().contains(QLatin1String("basic_permissions")));
}

void TestApi::hydrusFilesSearchMetadataAndTags()
{
    const QByteArray png = servePng(QStringLiteral("/s.png"), 41);
    const Reply added = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/s.png")).toString() },
            { QStringLiteral("tags"), QJsonArray { QStringLiteral("sky") } } });
    QCOMPARE(waitFinished(added.json().value(QLatin1String("id")).toInteger())
                 .value(QLatin1String("state"))
                 .toString(),
        QStringLiteral("done"));
    const QString sha = sha256Hex(png);

    const Reply search = request("GET",
        QStringLiteral("/get_files/search_files?return_hashes=true&tags=")
            + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("[\"sky\"]"))));
    QCOMPARE(search.status, 200);
    const QJsonArray fileIds = search.json().value(QLatin1String("file_ids")).toArray();
    QCOMPARE(fileIds.size(), 1);
    QCOMPARE(search.json().value(QLatin1String("hashes")).toArray().at(0).toString(), sha);
    const qint64 fileId = fileIds[0].toInteger();
    const Reply none = request("GET",
        QStringLiteral("/get_files/search_files?tags=")
            + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("[\"sky\",\"-sky\"]"))));
    QCOMPARE(none.json().value(QLatin1String("file_ids")).toArray().size(), 0);
    // No predicate finds nothing, as in Hydrus; every file is
    // ["system:everything"]. An empty list answered every file.
    const auto count = [this](const QString &tags) {
        const Reply r = request("GET",
            QStringLiteral("/get_files/search_files?return_hashes=true")
                + (tags.isNull() ? QString()
                                 : QStringLiteral("&tags=")
                            + QString::fromLatin1(QUrl::toPercentEncoding(tags))));
        return r.status == 200
                && r.json().value(QLatin1String("hashes")).toArray().size()
                    == r.json().value(QLatin1String("file_ids")).toArray().size()
            ? r.json().value(QLatin1String("file_ids")).toArray().size()
            : -1;
    };
    QCOMPARE(count(QStringLiteral("[]")), 0);
    QCOMPARE(count(QString()), 0);
    QCOMPARE(count(QStringLiteral("[\"system:everything\"]")), 1);
    QCOMPARE(count(QStringLiteral("[\"-cloud\"]")), 1);

    const Reply meta = request("GET",
        QStringLiteral("/get_files/file_metadata?hashes=")
            + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("[\"%1\"]").arg(sha))));
    const QJsonObject m = meta.json().value(QLatin1String("metadata")).toArray().at(0).toObject();
    QCOMPARE(m.value(QLatin1String("file_id")).toInteger(), fileId);
    QCOMPARE(m.value(QLatin1String("hash")).toString(), sha);
    QCOMPARE(m.value(QLatin1String("mime")).toString(), QStringLiteral("image/png"));
    QCOMPARE(m.value(QLatin1String("width")).toInt(), 64);
    QCOMPARE(m.value(QLatin1String("size")).toInteger(), png.size());

    QCOMPARE(request("GET", QStringLiteral("/get_files/file?hash=") + sha).body, png);
    QCOMPARE(request("GET", QStringLiteral("/get_files/file?file_id=%1").arg(fileId)).body, png);
    QVERIFY(
        !QImage::fromData(request("GET", QStringLiteral("/get_files/thumbnail?hash=") + sha).body)
             .isNull());
    QCOMPARE(request("GET", QStringLiteral("/get_files/file?hash=") + QString(64, QLatin1Char('0')))
                 .status,
        404);
    QCOMPARE(request("GET", QStringLiteral("/get_files/file?hash=../../api-key")).status, 400);

    const Reply tagged = postJson(QStringLiteral("/add_tags/add_tags"),
        { { QStringLiteral("hash"), sha },
            { QStringLiteral("service_names_to_actions_to_tags"),
                QJsonObject { { QStringLiteral("my tags"),
                    QJsonObject { { QStringLiteral("0"), QJsonArray { QStringLiteral("cloud") } },
                        { QStringLiteral("1"), QJsonArray { QStringLiteral("sky") } } } } } } });
    QCOMPARE(tagged.status, 200);
    const QJsonArray tags = request("GET", QStringLiteral("/api/images"))
                                .json()
                                .value(QLatin1String("images"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QLatin1String("tags"))
                                .toArray();
    QCOMPARE(tags, QJsonArray { QStringLiteral("cloud") });
    // An unknown hash changes nothing.
    const Reply bad = postJson(QStringLiteral("/add_tags/add_tags"),
        { { QStringLiteral("hashes"), QJsonArray { sha, QString(64, QLatin1Char('1')) } },
            { QStringLiteral("service_names_to_tags"),
                QJsonObject {
                    { QStringLiteral("my tags"), QJsonArray { QStringLiteral("nope") } } } } });
    QCOMPARE(bad.status, 404);
    QCOMPARE(request("GET", QStringLiteral("/api/images?tag=nope"))
                 .json()
                 .value(QLatin1String("images"))
                 .toArray()
                 .size(),
        0);
}

void TestApi::tagRoutesInAnyCase_data()
{
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("typed");
    QTest::newRow("ASCII") << QStringLiteral("Nature") << QStringLiteral("NATURE");
    QTest::newRow("umlaut") << QStringLiteral("Über") << QStringLiteral("über");
    QTest::newRow("capitals") << QStringLiteral("ÄRGER") << QStringLiteral("ärger");
    QTest::newRow("Greek") << QStringLiteral("ΣΟΦΊΑ") << QStringLiteral("σοφία");
    QTest::newRow("decomposed") << QStringLiteral("Über") << QStringLiteral("u\u0308ber");
}

// Every route that names a tag finds it in any case of any script: the
// search language's, Hydrus's search and tag edits, Eagle's list.
void TestApi::tagRoutesInAnyCase()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    const QByteArray png = servePng(QStringLiteral("/case.png"), 47);
    const Reply added = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/case.png")).toString() },
            { QStringLiteral("tags"), QJsonArray { stored } } });
    QCOMPARE(waitFinished(added.json().value(QLatin1String("id")).toInteger())
                 .value(QLatin1String("state"))
                 .toString(),
        QStringLiteral("done"));
    const auto encoded
        = [](const QString &text) { return QString::fromLatin1(QUrl::toPercentEncoding(text)); };
    const auto images = [&](const QString &query) {
        const Reply r = request("GET", QStringLiteral("/api/images?") + query);
        return r.status == 200 ? r.json().value(QLatin1String("images")).toArray().size() : -1;
    };
    QCOMPARE(images(QStringLiteral("tag=") + encoded(typed)), 1);
    QCOMPARE(
        images(QStringLiteral("search=") + encoded(QStringLiteral("tag:\"%1\"").arg(typed))), 1);
    QCOMPARE(
        images(QStringLiteral("search=") + encoded(QStringLiteral("-tag:\"%1\"").arg(typed))), 0);
    const auto hydrus = [&](const QString &tag) {
        const Reply r = request("GET",
            QStringLiteral("/get_files/search_files?tags=")
                + encoded(QString::fromUtf8(
                    QJsonDocument(QJsonArray { tag }).toJson(QJsonDocument::Compact))));
        return r.status == 200 ? r.json().value(QLatin1String("file_ids")).toArray().size() : -1;
    };
    QCOMPARE(hydrus(typed), 1);
    QCOMPARE(hydrus(QLatin1Char('-') + typed), 0);
    const Reply eagle = request("GET", QStringLiteral("/api/item/list?tags=") + encoded(typed));
    QCOMPARE(eagle.json().value(QLatin1String("data")).toArray().size(), 1);

    // Hydrus's add_tags: added in another case, the one spelling stays;
    // removed in another case, it goes.
    const auto tagsNow = [&] {
        return request("GET", QStringLiteral("/api/images"))
            .json()
            .value(QLatin1String("images"))
            .toArray()
            .at(0)
            .toObject()
            .value(QLatin1String("tags"))
            .toArray();
    };
    const auto edit = [&](const char *action, const QString &tag) {
        return postJson(QStringLiteral("/add_tags/add_tags"),
            { { QStringLiteral("hash"), sha256Hex(png) },
                { QStringLiteral("service_names_to_actions_to_tags"),
                    QJsonObject { { QStringLiteral("my tags"),
                        QJsonObject { { QLatin1String(action), QJsonArray { tag } } } } } } })
            .status;
    };
    QCOMPARE(edit("0", typed), 200);
    QCOMPARE(tagsNow(), QJsonArray { stored });
    QCOMPARE(edit("1", typed), 200);
    QCOMPARE(tagsNow(), QJsonArray {});
}

void TestApi::hydrusAddFileByPathAndBytes()
{
    const QByteArray png = ImageFactory::png(50, 40, 51);
    const QString path = m_dir->filePath(QStringLiteral("local.png"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(png);
    f.close();
    const Reply first
        = postJson(QStringLiteral("/add_files/add_file"), { { QStringLiteral("path"), path } });
    QCOMPARE(first.status, 200);
    QCOMPARE(first.json().value(QLatin1String("status")).toInt(), 1);
    QCOMPARE(first.json().value(QLatin1String("hash")).toString(), sha256Hex(png));
    const Reply again
        = postJson(QStringLiteral("/add_files/add_file"), { { QStringLiteral("path"), path } });
    QCOMPARE(again.json().value(QLatin1String("status")).toInt(), 2);
    const Reply missing = postJson(QStringLiteral("/add_files/add_file"),
        { { QStringLiteral("path"), m_dir->filePath(QStringLiteral("none.png")) } });
    QCOMPARE(missing.status, 400);
    const QByteArray other = ImageFactory::jpeg(70, 50, 85, 52);
    const Reply rawBytes = request("POST", QStringLiteral("/add_files/add_file"), other,
        { { "Content-Type", "application/octet-stream" } });
    QCOMPARE(rawBytes.status, 200);
    QCOMPARE(rawBytes.json().value(QLatin1String("status")).toInt(), 1);
    QCOMPARE(rawBytes.json().value(QLatin1String("hash")).toString(), sha256Hex(other));
    QCOMPARE(
        request("GET", QStringLiteral("/get_files/file?hash=") + sha256Hex(other)).body, other);
    // Uploaded bytes have no source: not the server's temp file, which is
    // gone (once per upload of the same bytes, it was).
    const Reply sameAgain = request(
        "POST", QStringLiteral("/add_files/add_file"), other, { { "Content-Type", "image/jpeg" } });
    QCOMPARE(sameAgain.json().value(QLatin1String("status")).toInt(), 2);
    const QJsonArray images = request("GET", QStringLiteral("/api/images"))
                                  .json()
                                  .value(QLatin1String("images"))
                                  .toArray();
    QCOMPARE(images.size(), 2);
    for (const QJsonValue &v : images) {
        const QJsonObject image = v.toObject();
        if (image.value(QLatin1String("sha256")).toString() != sha256Hex(other))
            continue;
        QVERIFY2(image.value(QLatin1String("source_url")).toString().isEmpty(),
            QJsonDocument(image).toJson().constData());
        QCOMPARE(image.value(QLatin1String("sources")).toArray().size(), 0);
    }
    const Reply meta = request("GET",
        QStringLiteral("/get_files/file_metadata?hashes=")
            + QString::fromLatin1(
                QUrl::toPercentEncoding(QStringLiteral("[\"%1\"]").arg(sha256Hex(other)))));
    QCOMPARE(meta.json()
                 .value(QLatin1String("metadata"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("known_urls"))
                 .toArray()
                 .size(),
        0);

    // Failed uploads leave nothing in tmp/ either: nobody can retry them
    // through the API, and their files would fill the disk.
    for (int i = 0; i < 5; ++i) {
        const Reply notImage = request("POST", QStringLiteral("/add_files/add_file"),
            QByteArray("<html>not an image</html>") + QByteArray::number(i)
                + QByteArray(100000, ' '),
            { { "Content-Type", "application/octet-stream" } });
        QCOMPARE(notImage.json().value(QLatin1String("status")).toInt(), 4);
        QVERIFY2(notImage.json()
                     .value(QLatin1String("note"))
                     .toString()
                     .contains(QLatin1String("not an image")),
            notImage.describe());
    }
    QTRY_COMPARE(QDir(library() + QStringLiteral("/tmp")).entryList(QDir::Files), QStringList());
}

// Input Hydrus clients send wrongly is refused with the reason, never read
// as something else: a list of numbers as no tags (every file), a
// string id as file 0, a file named twice by id and by hash as the id's.
// SHA is the one image's hash, ID its file id.
void TestApi::hydrusRefusesBadInput_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("target");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("reason");
    QTest::newRow("search: tags not strings")
        << QByteArray("GET") << QStringLiteral("/get_files/search_files?tags=%5B1%2C2%5D")
        << QByteArray() << QStringLiteral("tags must be a JSON list of strings");
    QTest::newRow("search: a null tag")
        << QByteArray("GET")
        << QStringLiteral("/get_files/search_files?tags=%5B%22sky%22%2Cnull%5D") << QByteArray()
        << QStringLiteral("tags must be a JSON list of strings");
    QTest::newRow("metadata: ids as strings")
        << QByteArray("GET") << QStringLiteral("/get_files/file_metadata?file_ids=%5B%22ID%22%5D")
        << QByteArray() << QStringLiteral("file_ids must be a JSON list of file ids");
    QTest::newRow("metadata: a fraction")
        << QByteArray("GET") << QStringLiteral("/get_files/file_metadata?file_ids=%5B1.5%5D")
        << QByteArray() << QStringLiteral("file_ids must be a JSON list of file ids");
    QTest::newRow("metadata: hashes not strings")
        << QByteArray("GET") << QStringLiteral("/get_files/file_metadata?hashes=%5B3%5D")
        << QByteArray() << QStringLiteral("hashes must be a JSON list of SHA-256 hashes");
    QTest::newRow("metadata: file_id not a number")
        << QByteArray("GET") << QStringLiteral("/get_files/file_metadata?file_id=x") << QByteArray()
        << QStringLiteral("file_id must be a file id");
    QTest::newRow("file: id and hash")
        << QByteArray("GET") << QStringLiteral("/get_files/file?file_id=ID&hash=SHA")
        << QByteArray() << QStringLiteral("not both");
    QTest::newRow("file: id and another hash")
        << QByteArray("GET") << QStringLiteral("/get_files/file?file_id=ID&hash=00") << QByteArray()
        << QStringLiteral("not both");
    QTest::newRow("thumbnail: id and hash")
        << QByteArray("GET") << QStringLiteral("/get_files/thumbnail?file_id=ID&hash=SHA")
        << QByteArray() << QStringLiteral("not both");
    QTest::newRow("file: file_id not a number")
        << QByteArray("GET") << QStringLiteral("/get_files/file?file_id=ID.0") << QByteArray()
        << QStringLiteral("file_id must be a file id");
    QTest::newRow("add_tags: ids as strings")
        << QByteArray("POST") << QStringLiteral("/add_tags/add_tags")
        << QByteArray("{\"file_ids\":[\"ID\"],\"service_names_to_tags\":{\"my tags\":[\"a\"]}}")
        << QStringLiteral("file_ids must be a list of file ids");
    QTest::newRow("add_tags: tags not strings")
        << QByteArray("POST") << QStringLiteral("/add_tags/add_tags")
        << QByteArray("{\"hash\":\"SHA\",\"service_names_to_tags\":{\"my tags\":[\"a\",7]}}")
        << QStringLiteral("must be a list of strings");
    QTest::newRow("add_tags: a tag as a string")
        << QByteArray("POST") << QStringLiteral("/add_tags/add_tags")
        << QByteArray("{\"hash\":\"SHA\",\"service_names_to_tags\":{\"my tags\":\"a\"}}")
        << QStringLiteral("must be a list of strings");
    QTest::newRow("add_url: tags not strings")
        << QByteArray("POST") << QStringLiteral("/add_urls/add_url")
        << QByteArray("{\"url\":\"http://127.0.0.1:1/a.png\","
                      "\"service_names_to_additional_tags\":{\"my tags\":[{}]}}")
        << QStringLiteral("must be a list of strings");
    QTest::newRow("add_url: filterable_tags not a list")
        << QByteArray("POST") << QStringLiteral("/add_urls/add_url")
        << QByteArray("{\"url\":\"http://127.0.0.1:1/a.png\",\"filterable_tags\":\"a\"}")
        << QStringLiteral("filterable_tags must be a list of strings");
    QTest::newRow("add_url: url a number")
        << QByteArray("POST") << QStringLiteral("/add_urls/add_url") << QByteArray("{\"url\":1}")
        << QStringLiteral("url must be a string");
    QTest::newRow("add_file: path a number")
        << QByteArray("POST") << QStringLiteral("/add_files/add_file") << QByteArray("{\"path\":7}")
        << QStringLiteral("path must be a string");
}

void TestApi::hydrusRefusesBadInput()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, target);
    QFETCH(QByteArray, body);
    QFETCH(QString, reason);
    const QByteArray png = servePng(QStringLiteral("/hb.png"), 42);
    const Reply added = postJson(QStringLiteral("/process_image"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/hb.png")).toString() },
            { QStringLiteral("tags"), QJsonArray { QStringLiteral("sky") } } });
    const QJsonObject done = waitFinished(added.json().value(QLatin1String("id")).toInteger());
    QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("done"));
    const QString sha = sha256Hex(png);
    const qint64 fileId = request("GET",
        QStringLiteral("/get_files/file_metadata?hashes=")
            + QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("[\"%1\"]").arg(sha))))
                              .json()
                              .value(QLatin1String("metadata"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QLatin1String("file_id"))
                              .toInteger();
    QVERIFY(fileId > 0);
    target.replace(QLatin1String("SHA"), sha).replace(QLatin1String("ID"), QString::number(fileId));
    body.replace("SHA", sha.toLatin1()).replace("ID", QByteArray::number(fileId));
    const Reply r = request(method, target, body,
        method == "POST"
            ? QList<QPair<QByteArray, QByteArray>> { { "Content-Type", "application/json" } }
            : QList<QPair<QByteArray, QByteArray>> {});
    QCOMPARE(r.status, 400);
    QVERIFY2(r.json().value(QLatin1String("error")).toString().contains(reason), r.describe());
    // Nothing changed: the image keeps its one tag, nothing more was queued.
    const QJsonArray images = request("GET", QStringLiteral("/api/images"))
                                  .json()
                                  .value(QLatin1String("images"))
                                  .toArray();
    QCOMPARE(images.size(), 1);
    QCOMPARE(images[0].toObject().value(QLatin1String("tags")).toArray(),
        QJsonArray { QStringLiteral("sky") });
    QCOMPARE(request("GET", QStringLiteral("/status/2")).status, 404);
}

// Tags per request and each tag's length are bounded on every route that
// takes tags (TagLimits): 90,000 tags in a body under the 1 MiB cap once
// took the catalog half an hour. The bounds themselves are taken.
void TestApi::tagsAreBoundedOnEveryRoute_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("length");
    QTest::addColumn<QString>("reason");
    const QString many = QStringLiteral("at most 1000 tags");
    const QString longTag = QStringLiteral("longer than 500 characters");
    for (const char *route : { "process_image", "hydrus add_url", "hydrus add_tags",
             "hydrus add_tags remove", "eagle addFromURL", "eagle addFromURLs" }) {
        QTest::addRow("%s: 1001 tags", route) << QString::fromLatin1(route) << 1001 << 3 << many;
        QTest::addRow("%s: a tag of 501", route)
            << QString::fromLatin1(route) << 1 << 501 << longTag;
    }
    QTest::addRow("process_image: 1000 tags of 500")
        << QStringLiteral("process_image") << 1000 << 500 << QString();
}

void TestApi::tagsAreBoundedOnEveryRoute()
{
    QFETCH(QString, route);
    QFETCH(int, count);
    QFETCH(int, length);
    QFETCH(QString, reason);
    servePng(QStringLiteral("/tags.png"), 43);
    const QString link = m_server.url(QStringLiteral("/tags.png")).toString();
    QJsonArray tags;
    for (int i = 0; i < count; ++i) {
        const QString n = QString::number(i);
        tags.append(QString(length - n.size(), QLatin1Char('t')) + n);
    }
    QString path;
    QJsonObject body;
    const QString sha(64, QLatin1Char('a'));
    if (route == QLatin1String("process_image")) {
        path = QStringLiteral("/process_image");
        body = { { QStringLiteral("url"), link }, { QStringLiteral("tags"), tags } };
    } else if (route == QLatin1String("hydrus add_url")) {
        path = QStringLiteral("/add_urls/add_url");
        body = { { QStringLiteral("url"), link },
            { QStringLiteral("service_names_to_additional_tags"),
                QJsonObject { { QStringLiteral("my tags"), tags } } } };
    } else if (route == QLatin1String("hydrus add_tags")) {
        path = QStringLiteral("/add_tags/add_tags");
        body = { { QStringLiteral("hash"), sha },
            { QStringLiteral("service_names_to_tags"),
                QJsonObject { { QStringLiteral("my tags"), tags } } } };
    } else if (route == QLatin1String("hydrus add_tags remove")) {
        path = QStringLiteral("/add_tags/add_tags");
        body = { { QStringLiteral("hash"), sha },
            { QStringLiteral("service_names_to_actions_to_tags"),
                QJsonObject { { QStringLiteral("my tags"),
                    QJsonObject { { QStringLiteral("1"), tags } } } } } };
    } else if (route == QLatin1String("eagle addFromURL")) {
        path = QStringLiteral("/api/item/addFromURL");
        body = { { QStringLiteral("url"), link }, { QStringLiteral("tags"), tags } };
    } else {
        path = QStringLiteral("/api/item/addFromURLs");
        body = { { QStringLiteral("items"),
            QJsonArray { QJsonObject { { QStringLiteral("url"), link } },
                QJsonObject {
                    { QStringLiteral("url"), link }, { QStringLiteral("tags"), tags } } } } };
    }
    const Reply r = postJson(path, body);
    if (reason.isEmpty()) {
        QCOMPARE(r.status, 202);
        const QJsonObject done = waitFinished(r.json().value(QLatin1String("id")).toInteger());
        QCOMPARE(done.value(QLatin1String("state")).toString(), QStringLiteral("done"));
        QCOMPARE(request("GET", QStringLiteral("/api/images"))
                     .json()
                     .value(QLatin1String("images"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("tags"))
                     .toArray()
                     .size(),
            count);
        return;
    }
    QCOMPARE(r.status, 400);
    const QString error = r.json().value(QLatin1String("error")).toString();
    QVERIFY2(error.contains(reason), r.describe());
    if (route == QLatin1String("eagle addFromURLs"))
        QVERIFY2(error.startsWith(QLatin1String("item 1")), r.describe());
    QCOMPARE(request("GET", QStringLiteral("/status/1")).status, 404); // nothing queued
    QCOMPARE(m_server.hits(QStringLiteral("/tags.png")), 0);
}

// --- Eagle ----------------------------------------------------------------

void TestApi::eagleAddFromUrlAndList()
{
    const QByteArray png = servePng(QStringLiteral("/e.png"), 61);
    const Reply info = request("GET", QStringLiteral("/api/application/info"));
    QCOMPARE(info.json().value(QLatin1String("status")).toString(), QStringLiteral("success"));
    QVERIFY(info.json().value(QLatin1String("data")).toObject().contains(QLatin1String("version")));

    const Reply added = postJson(QStringLiteral("/api/item/addFromURL"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/e.png")).toString() },
            { QStringLiteral("name"), QStringLiteral("eagle one") },
            { QStringLiteral("website"), QStringLiteral("https://example.invalid/page") },
            { QStringLiteral("tags"), QJsonArray { QStringLiteral("bird") } },
            { QStringLiteral("annotation"), QStringLiteral("from a userscript") } });
    QCOMPARE(added.status, 200);
    QCOMPARE(added.json().value(QLatin1String("status")).toString(), QStringLiteral("success"));
    const qint64 id = eagleId(added);
    QCOMPARE(waitFinished(id).value(QLatin1String("state")).toString(), QStringLiteral("done"));
    // An https page is not named to a plain http download.
    QVERIFY(m_server.lastRequestHeader(QStringLiteral("/e.png"), "Referer").isNull());

    const QString path = m_dir->filePath(QStringLiteral("eagle-local.png"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(ImageFactory::png(30, 30, 62));
    f.close();
    const Reply fromPath = postJson(QStringLiteral("/api/item/addFromPath"),
        { { QStringLiteral("path"), path },
            { QStringLiteral("name"), QStringLiteral("eagle two") } });
    QCOMPARE(fromPath.json().value(QLatin1String("status")).toString(), QStringLiteral("success"));
    QCOMPARE(waitFinished(eagleId(fromPath)).value(QLatin1String("state")).toString(),
        QStringLiteral("done"));

    const Reply list = request("GET", QStringLiteral("/api/item/list?limit=10&tags=bird"));
    QCOMPARE(list.json().value(QLatin1String("status")).toString(), QStringLiteral("success"));
    const QJsonArray items = list.json().value(QLatin1String("data")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject item = items[0].toObject();
    QCOMPARE(item.value(QLatin1String("name")).toString(), QStringLiteral("eagle one"));
    QCOMPARE(item.value(QLatin1String("ext")).toString(), QStringLiteral("png"));
    QCOMPARE(item.value(QLatin1String("size")).toInteger(), png.size());
    QCOMPARE(item.value(QLatin1String("tags")).toArray(), QJsonArray { QStringLiteral("bird") });
    QCOMPARE(request("GET", QStringLiteral("/api/item/list"))
                 .json()
                 .value(QLatin1String("data"))
                 .toArray()
                 .size(),
        2);
    QCOMPARE(request("GET", QStringLiteral("/api/item/list?keyword=two"))
                 .json()
                 .value(QLatin1String("data"))
                 .toArray()
                 .size(),
        1);
}

void TestApi::eagleAddFromUrlsIsAllOrNothing()
{
    servePng(QStringLiteral("/m1.png"), 71);
    servePng(QStringLiteral("/m2.png"), 72);
    const Reply bad = postJson(QStringLiteral("/api/item/addFromURLs"),
        { { QStringLiteral("items"),
            QJsonArray { QJsonObject { { QStringLiteral("url"),
                             m_server.url(QStringLiteral("/m1.png")).toString() } },
                QJsonObject {
                    { QStringLiteral("url"), QStringLiteral("file:///etc/passwd") } } } } });
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.json().value(QLatin1String("status")).toString(), QStringLiteral("error"));
    QVERIFY(
        bad.json().value(QLatin1String("message")).toString().startsWith(QLatin1String("item 1")));
    QCOMPARE(request("GET", QStringLiteral("/status/1")).status, 404); // nothing queued

    const Reply good = postJson(QStringLiteral("/api/item/addFromURLs"),
        { { QStringLiteral("items"),
            QJsonArray { QJsonObject { { QStringLiteral("url"),
                             m_server.url(QStringLiteral("/m1.png")).toString() } },
                QJsonObject { { QStringLiteral("url"),
                    m_server.url(QStringLiteral("/m2.png")).toString() } } } } });
    QCOMPARE(good.status, 200);
    const QJsonArray data = good.json().value(QLatin1String("data")).toArray();
    QCOMPARE(data.size(), 2);
    for (const QJsonValue &v : data)
        QCOMPARE(waitFinished(v.toObject().value(QLatin1String("id")).toInteger())
                     .value(QLatin1String("state"))
                     .toString(),
            QStringLiteral("done"));
}

// Eagle's headers (Referer, User-Agent, Cookie) go with their own item's
// download, exactly as given; of them only the Referer is kept, as the page
// the image was found on. The annotation is kept with the image and shown
// by `trove list` and `show`.
void TestApi::eagleHeadersGoWithTheirItemOnly()
{
    servePng(QStringLiteral("/h1.png"), 91);
    servePng(QStringLiteral("/h2.png"), 92);
    const QByteArray agent = "EagleTest/2.0 (like a browser)";
    const QByteArray cookie = "session=s3cr3t-cookie; theme=dark";
    const QString page = m_server.url(QStringLiteral("/gallery?id=7")).toString();
    const Reply added = postJson(QStringLiteral("/api/item/addFromURLs"),
        { { QStringLiteral("items"),
            QJsonArray {
                QJsonObject {
                    { QStringLiteral("url"), m_server.url(QStringLiteral("/h1.png")).toString() },
                    { QStringLiteral("annotation"), QStringLiteral("seen on a forum") },
                    { QStringLiteral("headers"),
                        QJsonObject { { QStringLiteral("User-Agent"), QString::fromUtf8(agent) },
                            { QStringLiteral("cookie"), QString::fromUtf8(cookie) },
                            { QStringLiteral("Referer"), page },
                            { QStringLiteral("X-Other"), QStringLiteral("ignored") } } } },
                QJsonObject { { QStringLiteral("url"),
                    m_server.url(QStringLiteral("/h2.png")).toString() } } } } });
    QCOMPARE(added.status, 200);
    for (const QJsonValue &v : added.json().value(QLatin1String("data")).toArray())
        QCOMPARE(waitFinished(v.toObject().value(QLatin1String("id")).toInteger())
                     .value(QLatin1String("state"))
                     .toString(),
            QStringLiteral("done"));

    const auto seen = m_server.requests(QStringLiteral("/h1.png"));
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen[0].header("User-Agent"), agent);
    QCOMPARE(seen[0].header("Cookie"), cookie);
    QCOMPARE(seen[0].header("Referer"), page.toUtf8());
    QVERIFY(seen[0].header("X-Other").isNull());
    QCOMPARE(std::count_if(seen[0].headers.cbegin(), seen[0].headers.cend(),
                 [](const auto &h) { return h.first.compare("Cookie", Qt::CaseInsensitive) == 0; }),
        1);
    // The other item goes as Trove, with nothing of the first one's.
    QVERIFY(
        m_server.lastRequestHeader(QStringLiteral("/h2.png"), "User-Agent").startsWith("Trove/"));
    QVERIFY(m_server.lastRequestHeader(QStringLiteral("/h2.png"), "Cookie").isNull());
    QVERIFY(m_server.lastRequestHeader(QStringLiteral("/h2.png"), "Referer").isNull());

    // The two may commit in either order: find each by its source.
    const auto list = trove({ QStringLiteral("list"), QStringLiteral("--json"),
        QStringLiteral("--library"), library() });
    QCOMPARE(list.exitCode, 0);
    QHash<QString, QJsonObject> bySource;
    for (const QJsonValue &v : QJsonDocument::fromJson(list.out).array())
        bySource.insert(
            QUrl(v.toObject().value(QLatin1String("source_url")).toString()).path(), v.toObject());
    QCOMPARE(bySource.size(), 2);
    QCOMPARE(bySource[QStringLiteral("/h1.png")].value(QLatin1String("annotation")).toString(),
        QStringLiteral("seen on a forum"));
    QVERIFY(bySource[QStringLiteral("/h2.png")].value(QLatin1String("annotation")).isNull());
    QCOMPARE(bySource[QStringLiteral("/h1.png")].value(QLatin1String("found_on")).toString(), page);
    QVERIFY(bySource[QStringLiteral("/h2.png")].value(QLatin1String("found_on")).isNull());
    const QString id = bySource[QStringLiteral("/h1.png")].value(QLatin1String("id")).toString();
    const auto show = trove({ QStringLiteral("show"), id, QStringLiteral("--library"), library() });
    QVERIFY2(show.out.contains("annotation:     seen on a forum\n"), show.out.constData());
    const QJsonArray eagle = request("GET", QStringLiteral("/api/item/list"))
                                 .json()
                                 .value(QLatin1String("data"))
                                 .toArray();
    QStringList notes;
    QStringList websites;
    for (const QJsonValue &v : eagle) {
        notes.append(v.toObject().value(QLatin1String("annotation")).toString());
        websites.append(v.toObject().value(QLatin1String("website")).toString());
    }
    QVERIFY(notes.contains(QStringLiteral("seen on a forum")));
    QVERIFY(websites.contains(page));

    // Neither the cookie nor the agent reached the disk (catalog, WAL, ...).
    stopServe();
    QDirIterator files(library(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile f(files.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY2(!bytes.contains("s3cr3t-cookie"), qPrintable(f.fileName()));
        QVERIFY2(!bytes.contains("EagleTest/2.0"), qPrintable(f.fileName()));
    }
}

// The cookie goes to the URL's own origin (host and port: a browser would
// send it to another port of the same host, Trove does not) and is dropped
// for the rest of the download once a redirect leaves it. The User-Agent
// follows every hop.
void TestApi::eagleCookieStaysWithItsOrigin_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<bool>("cookieFollows");
    QTest::newRow("same host and port") << QStringLiteral("same") << true;
    QTest::newRow("other port") << QStringLiteral("port") << false;
    QTest::newRow("other host name, same port") << QStringLiteral("host") << false;
    QTest::newRow("away and back") << QStringLiteral("back") << false;
}

void TestApi::eagleCookieStaysWithItsOrigin()
{
    QFETCH(QString, target);
    QFETCH(bool, cookieFollows);
    const QByteArray png = ImageFactory::png(40, 30, 95);
    m_server.addRoute(QStringLiteral("/final.png"), Response::ok(png, "image/png"));
    m_other.addRoute(QStringLiteral("/final.png"), Response::ok(png, "image/png"));
    // Each path is asked for once per test, so its last request is this one.
    TestServer &lands = target == QLatin1String("port") ? m_other : m_server;
    QString location = m_server.url(QStringLiteral("/final.png")).toString();
    if (target == QLatin1String("port"))
        location = m_other.url(QStringLiteral("/final.png")).toString();
    else if (target == QLatin1String("host"))
        location = QStringLiteral("http://localhost:%1/final.png").arg(m_server.port());
    else if (target == QLatin1String("back"))
        location = m_other.url(QStringLiteral("/bounce")).toString();
    m_other.addRoute(QStringLiteral("/bounce"),
        Response::redirect(302, m_server.url(QStringLiteral("/final.png")).toString()));
    m_server.addRoute(QStringLiteral("/start.png"), Response::redirect(302, location));

    const Reply added = postJson(QStringLiteral("/api/item/addFromURL"),
        { { QStringLiteral("url"), m_server.url(QStringLiteral("/start.png")).toString() },
            { QStringLiteral("headers"),
                QJsonObject { { QStringLiteral("Cookie"), QStringLiteral("session=abc") },
                    { QStringLiteral("User-Agent"), QStringLiteral("EagleTest/3") } } } });
    QCOMPARE(added.status, 200);
    QCOMPARE(waitFinished(eagleId(added)).value(QLatin1String("state")).toString(),
        QStringLiteral("done"));
    QCOMPARE(m_server.lastRequestHeader(QStringLiteral("/start.png"), "Cookie"),
        QByteArray("session=abc"));
    QCOMPARE(lands.hits(QStringLiteral("/final.png")), 1);
    QCOMPARE(
        lands.lastRequestHeader(QStringLiteral("/final.png"), "Cookie").isNull(), !cookieFollows);
    QCOMPARE(lands.lastRequestHeader(QStringLiteral("/final.png"), "User-Agent"),
        QByteArray("EagleTest/3"));
    if (target == QLatin1String("back"))
        QVERIFY(m_other.lastRequestHeader(QStringLiteral("/bounce"), "Cookie").isNull());
}

// A header value that could split the request or is oversized refuses the
// call with the reason, and nothing is queued, in either add route.
void TestApi::eagleRefusesBadHeaders_data()
{
    QTest::addColumn<QJsonValue>("headers");
    QTest::addColumn<QString>("reason");
    QTest::newRow("CRLF in Cookie") << QJsonValue(
        QJsonObject { { QStringLiteral("Cookie"), QStringLiteral("a=b\r\nX-Injected: 1") } })
                                    << QStringLiteral("headers.Cookie");
    QTest::newRow("LF in User-Agent")
        << QJsonValue(QJsonObject { { QStringLiteral("User-Agent"), QStringLiteral("x\ny") } })
        << QStringLiteral("headers.User-Agent");
    QTest::newRow("CR in Referer") << QJsonValue(
        QJsonObject { { QStringLiteral("referer"), QStringLiteral("http://a.test/\r") } })
                                   << QStringLiteral("headers.referer");
    QTest::newRow("Cookie over 8 KiB") << QJsonValue(
        QJsonObject { { QStringLiteral("Cookie"), QString(8 * 1024 + 1, QLatin1Char('c')) } })
                                       << QStringLiteral("8 KiB");
    QTest::newRow("not a string") << QJsonValue(QJsonObject { { QStringLiteral("User-Agent"), 5 } })
                                  << QStringLiteral("must be a string");
    QTest::newRow("not an object")
        << QJsonValue(QStringLiteral("notobj")) << QStringLiteral("headers must be an object");
    QTest::newRow("a list") << QJsonValue(QJsonArray { QStringLiteral("Cookie: a=b") })
                            << QStringLiteral("headers must be an object");
}

void TestApi::eagleRefusesBadHeaders()
{
    QFETCH(QJsonValue, headers);
    QFETCH(QString, reason);
    servePng(QStringLiteral("/b.png"), 96);
    const QJsonObject item { { QStringLiteral("url"),
                                 m_server.url(QStringLiteral("/b.png")).toString() },
        { QStringLiteral("headers"), headers } };
    const QJsonObject good { { QStringLiteral("url"),
        m_server.url(QStringLiteral("/b.png")).toString() } };
    const Reply one = postJson(QStringLiteral("/api/item/addFromURL"), item);
    const Reply many = postJson(QStringLiteral("/api/item/addFromURLs"),
        { { QStringLiteral("items"), QJsonArray { good, item } } });
    for (const Reply &r : { one, many }) {
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("error"));
        QVERIFY2(
            r.json().value(QLatin1String("message")).toString().contains(reason), r.describe());
    }
    QVERIFY(
        many.json().value(QLatin1String("message")).toString().startsWith(QLatin1String("item 1")));
    QCOMPARE(request("GET", QStringLiteral("/status/1")).status, 404); // nothing queued
    QCOMPARE(m_server.hits(QStringLiteral("/b.png")), 0);
}

// A field of the wrong JSON type is named as such, for the one item and
// for the list (naming the item), and nothing is queued: {"url": 1} was
// "no url given", a number as a name or note was dropped without a word.
void TestApi::eagleRefusesFieldsOfTheWrongType_data()
{
    QTest::addColumn<QJsonValue>("item");
    QTest::addColumn<QString>("reason");
    const QString url = QStringLiteral("URL");
    QTest::newRow("url a number") << QJsonValue(QJsonObject { { QStringLiteral("url"), 1 } })
                                  << QStringLiteral("url must be a string");
    QTest::newRow("name a number")
        << QJsonValue(QJsonObject { { QStringLiteral("url"), url }, { QStringLiteral("name"), 5 } })
        << QStringLiteral("name must be a string");
    QTest::newRow("annotation a list") << QJsonValue(QJsonObject { { QStringLiteral("url"), url },
        { QStringLiteral("annotation"), QJsonArray { QStringLiteral("a") } } })
                                       << QStringLiteral("annotation must be a string");
    QTest::newRow("an item a number") << QJsonValue(3) << QStringLiteral("must be an object");
}

void TestApi::eagleRefusesFieldsOfTheWrongType()
{
    QFETCH(QJsonValue, item);
    QFETCH(QString, reason);
    servePng(QStringLiteral("/t.png"), 97);
    const QString url = m_server.url(QStringLiteral("/t.png")).toString();
    if (item.isObject()
        && item.toObject().value(QLatin1String("url")) == QJsonValue(QStringLiteral("URL"))) {
        QJsonObject o = item.toObject();
        o.insert(QStringLiteral("url"), url);
        item = o;
    }
    const QJsonObject good { { QStringLiteral("url"), url } };
    const Reply many = postJson(QStringLiteral("/api/item/addFromURLs"),
        { { QStringLiteral("items"), QJsonArray { good, item } } });
    QCOMPARE(many.status, 400);
    QVERIFY2(
        many.json().value(QLatin1String("message")).toString().startsWith(QLatin1String("item 1: "))
            && many.json().value(QLatin1String("message")).toString().contains(reason),
        many.describe());
    if (item.isObject()) {
        const Reply one = postJson(QStringLiteral("/api/item/addFromURL"), item.toObject());
        QCOMPARE(one.status, 400);
        QVERIFY2(
            one.json().value(QLatin1String("message")).toString().contains(reason), one.describe());
    }
    QCOMPARE(request("GET", QStringLiteral("/status/1")).status, 404); // nothing queued
    QCOMPARE(m_server.hits(QStringLiteral("/t.png")), 0);
}

// --- the locks ------------------------------------------------------------

void TestApi::lockApiVersionIsOpenWithoutKey()
{
    const Reply r = request("GET", QStringLiteral("/api_version"), {}, {}, false);
    QCOMPARE(r.status, 200);
    QVERIFY(r.json().value(QLatin1String("version")).toInt() > 0);
}

void TestApi::lockMissingKeyIs401()
{
    for (const QString &path : { QStringLiteral("/"), QStringLiteral("/api/images"),
             QStringLiteral("/verify_access_key"), QStringLiteral("/image/x") }) {
        const Reply r = request("GET", path, {}, {}, false);
        QCOMPARE(r.status, 401);
        QVERIFY2(r.json()
                     .value(QLatin1String("error"))
                     .toString()
                     .contains(QLatin1String("missing access key")),
            r.describe());
    }
    servePng(QStringLiteral("/k.png"), 81);
    const Reply post = request("POST", QStringLiteral("/process_image"),
        QJsonDocument(QJsonObject { { QStringLiteral("url"),
                          m_server.url(QStringLiteral("/k.png")).toString() } })
            .toJson(),
        { { "Content-Type", "application/json" } }, false);
    QCOMPARE(post.status, 401);
    QTest::qWait(300);
    QCOMPARE(m_server.hits(QStringLiteral("/k.png")), 0); // nothing was fetched
}

void TestApi::lockWrongKeyIs403_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<bool>("inQuery");
    QTest::newRow("Trove-Api-Key") << QByteArray("Trove-Api-Key") << false;
    QTest::newRow("Hydrus-Client-API-Access-Key")
        << QByteArray("Hydrus-Client-API-Access-Key") << false;
    QTest::newRow("?key=") << QByteArray() << true;
}

void TestApi::lockWrongKeyIs403()
{
    QFETCH(QByteArray, header);
    QFETCH(bool, inQuery);
    const QByteArray wrong = QByteArray(64, 'a');
    const Reply r = inQuery
        ? request(
            "GET", QStringLiteral("/api/images?key=") + QString::fromLatin1(wrong), {}, {}, false)
        : request("GET", QStringLiteral("/api/images"), {}, { { header, wrong } }, false);
    QCOMPARE(r.status, 403);
    QVERIFY2(r.json()
                 .value(QLatin1String("error"))
                 .toString()
                 .contains(QLatin1String("wrong access key")),
        r.describe());
    // The right key by the same way works.
    const Reply ok = inQuery
        ? request(
            "GET", QStringLiteral("/api/images?key=") + QString::fromLatin1(m_key), {}, {}, false)
        : request("GET", QStringLiteral("/api/images"), {}, { { header, m_key } }, false);
    QCOMPARE(ok.status, 200);
}

void TestApi::lockBadHostIs403DnsRebinding_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("status");
    QTest::newRow("attacker name") << QByteArray("evil.example:PORT") << 403;
    QTest::newRow("rebound name, right port") << QByteArray("rebind.attacker.test:PORT") << 403;
    QTest::newRow("loopback, wrong port") << QByteArray("127.0.0.1:1") << 403;
    QTest::newRow("no port") << QByteArray("localhost") << 403;
    QTest::newRow("missing") << QByteArray() << 400;
    QTest::newRow("localhost") << QByteArray("localhost:PORT") << 200;
    QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:PORT") << 200;
    QTest::newRow("[::1]") << QByteArray("[::1]:PORT") << 200;
}

void TestApi::lockBadHostIs403DnsRebinding()
{
    QFETCH(QByteArray, host);
    QFETCH(int, status);
    host.replace("PORT", QByteArray::number(m_port));
    QByteArray req
        = "GET /api/images HTTP/1.1\r\nTrove-Api-Key: " + m_key + "\r\nConnection: close\r\n";
    if (!host.isEmpty())
        req += "Host: " + host + "\r\n";
    const Reply r = raw(req + "\r\n");
    QCOMPARE(r.status, status);
    if (status == 403)
        QVERIFY2(r.json()
                     .value(QLatin1String("error"))
                     .toString()
                     .contains(QLatin1String("DNS rebinding")),
            r.describe());
}

void TestApi::lockDisallowedOriginPreflightIs403()
{
    const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(m_server.port());
    const Reply preflight = request("OPTIONS", QStringLiteral("/process_image"), {},
        { { "Origin", origin }, { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "content-type,trove-api-key" } },
        false);
    QCOMPARE(preflight.status, 403);
    QVERIFY(!preflight.headers.contains("access-control-allow-origin"));
    QVERIFY2(preflight.json()
                 .value(QLatin1String("error"))
                 .toString()
                 .contains(QLatin1String("not allowed")),
        preflight.describe());
    // The actual request from that origin is refused too, key or not.
    const Reply post = request("POST", QStringLiteral("/process_image"), "{}",
        { { "Origin", origin }, { "Content-Type", "application/json" } });
    QCOMPARE(post.status, 403);
    QVERIFY(!post.headers.contains("access-control-allow-origin"));
}

void TestApi::lockAllowedOriginGetsCorsHeaders()
{
    const QByteArray origin = "http://127.0.0.1:" + QByteArray::number(m_server.port());
    QVERIFY(startServe({ QStringLiteral("--allow-origin"), QString::fromLatin1(origin) }));
    const Reply preflight = request("OPTIONS", QStringLiteral("/process_image"), {},
        { { "Origin", origin }, { "Access-Control-Request-Method", "POST" } }, false);
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.header("Access-Control-Allow-Origin"), origin);
    QVERIFY(preflight.header("Access-Control-Allow-Headers").contains("Trove-Api-Key"));
    const Reply get = request("GET", QStringLiteral("/api/images"), {}, { { "Origin", origin } });
    QCOMPARE(get.status, 200);
    QCOMPARE(get.header("Access-Control-Allow-Origin"), origin);
    // Another origin still gets nothing.
    const Reply other
        = request("GET", QStringLiteral("/api/images"), {}, { { "Origin", "http://localhost:9" } });
    QCOMPARE(other.status, 403);
    QVERIFY(!other.headers.contains("access-control-allow-origin"));
}

// The answer comes before the body is sent: the server decides on the head.
void TestApi::lockOversizedBodyIs413BeforeItIsSent()
{
    const QByteArray head = "POST /process_image HTTP/1.1\r\nHost: 127.0.0.1:"
        + QByteArray::number(m_port) + "\r\nTrove-Api-Key: " + m_key
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(2 << 20)
        + "\r\n\r\n";
    const Reply r = raw(head, 5000);
    QCOMPARE(r.status, 413);
    QVERIFY2(r.ms < 3000, QByteArray::number(r.ms));
    QVERIFY2(r.json()
                 .value(QLatin1String("error"))
                 .toString()
                 .contains(QLatin1String("at most 1048576")),
        r.describe());

    // Through a real client with the body: refused, and the server lives on.
    const Reply big = request("POST", QStringLiteral("/process_image"),
        QByteArray((1 << 20) + 1, ' '), { { "Content-Type", "application/json" } });
    QVERIFY2(big.status == 413, big.describe()); // read and dropped, so it sees the answer
    QCOMPARE(request("GET", QStringLiteral("/api/images")).status, 200);
    // Without the key, even a small body is never read.
    const QByteArray noKey = "POST /process_image HTTP/1.1\r\nHost: 127.0.0.1:"
        + QByteArray::number(m_port) + "\r\nContent-Length: 100\r\n\r\n";
    QCOMPARE(raw(noKey, 5000).status, 401);
}

// A refused request whose body is still to come is answered and its
// connection ended at once: a client reading to the end (curl, HTTP/1.0)
// waited 2 s, while the server drained a body that it never sent.
void TestApi::lockRefusalEndsTheConnectionAtOnce()
{
    for (const QByteArray &key : { m_key, QByteArray() }) {
        const QByteArray head
            = "POST /process_image HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
            + "\r\n" + (key.isEmpty() ? QByteArray() : "Trove-Api-Key: " + key + "\r\n")
            + "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(5 << 20)
            + "\r\n\r\n";
        QTcpSocket socket;
        socket.setProxy(QNetworkProxy::NoProxy);
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        QVERIFY(socket.waitForConnected(5000));
        QElapsedTimer t;
        t.start();
        socket.write(head);
        QByteArray in;
        // The end of the stream, as a client that reads to the end sees it.
        while (t.elapsed() < 5000 && socket.state() == QAbstractSocket::ConnectedState) {
            socket.waitForReadyRead(50);
            in += socket.readAll();
        }
        in += socket.readAll();
        const qint64 ms = t.elapsed();
        QCOMPARE(parseRaw(in).status, key.isEmpty() ? 401 : 413);
        QVERIFY2(ms < 1000, QByteArray::number(ms));
    }
    // The server lives on, and still takes a body it was sent.
    QCOMPARE(request("GET", QStringLiteral("/api/images")).status, 200);
}

// Every route answers a method it does not take with 405 and the methods it
// does take (RFC 9110 §15.5.6); the Hydrus and Eagle routes answered 404,
// as if they did not exist.
void TestApi::wrongMethodIs405WithAllow_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("allow");
    QTest::newRow("PUT /") << QByteArray("PUT") << QStringLiteral("/") << QByteArray("GET, HEAD");
    QTest::newRow("GET /process_image")
        << QByteArray("GET") << QStringLiteral("/process_image") << QByteArray("POST");
    QTest::newRow("DELETE /image/x")
        << QByteArray("DELETE") << QStringLiteral("/image/x") << QByteArray("GET, HEAD");
    QTest::newRow("POST /api_version")
        << QByteArray("POST") << QStringLiteral("/api_version") << QByteArray("GET, HEAD");
    QTest::newRow("GET /add_urls/add_url")
        << QByteArray("GET") << QStringLiteral("/add_urls/add_url") << QByteArray("POST");
    QTest::newRow("PUT /add_tags/add_tags")
        << QByteArray("PUT") << QStringLiteral("/add_tags/add_tags") << QByteArray("POST");
    QTest::newRow("POST /get_files/search_files")
        << QByteArray("POST") << QStringLiteral("/get_files/search_files")
        << QByteArray("GET, HEAD");
    QTest::newRow("POST /api/item/list")
        << QByteArray("POST") << QStringLiteral("/api/item/list") << QByteArray("GET, HEAD");
    QTest::newRow("GET /api/item/addFromURL")
        << QByteArray("GET") << QStringLiteral("/api/item/addFromURL") << QByteArray("POST");
    // The rest of the routes, one row each: a route's path is matched
    // first and its method after, in one place (Exchange::takes()).
    const QByteArray getOrHead("GET, HEAD");
    const QByteArray post("POST");
    const std::pair<const char *, QByteArray> others[]
        = { { "/status/1", getOrHead }, { "/thumbnail/x", getOrHead }, { "/api/images", getOrHead },
              { "/verify_access_key", getOrHead }, { "/add_files/add_file", post },
              { "/add_urls/get_url_files", getOrHead }, { "/get_files/file_metadata", getOrHead },
              { "/get_files/file", getOrHead }, { "/get_files/thumbnail", getOrHead },
              { "/api/application/info", getOrHead }, { "/api/item/addFromURLs", post },
              { "/api/item/addFromPath", post } };
    for (const auto &[path, allow] : others) {
        const QByteArray method = allow == post ? "GET" : "POST";
        QTest::addRow("%s %s", method.constData(), path)
            << method << QString::fromLatin1(path) << allow;
    }
}

void TestApi::wrongMethodIs405WithAllow()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, allow);
    const Reply r = request(method, path, method == "GET" ? QByteArray() : QByteArray("{}"),
        { { "Content-Type", "application/json" } });
    QVERIFY2(r.status == 405, r.describe());
    QCOMPARE(r.header("Allow"), allow);
    QVERIFY2(r.json().value(QLatin1String("error")).toString().contains(path), r.describe());
    // Nothing was queued.
    QCOMPARE(request("GET", QStringLiteral("/status/1")).status, 404);
}

// An allowed origin that can never equal a browser's Origin header would
// leave the page refused with nothing said: `trove serve` refuses it at
// start (usage, exit 2) and names what is wrong. Origins as typed (case,
// a trailing slash) are still taken.
void TestApi::serveRefusesOriginsThatCannotMatch_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("reason"); ///< empty: taken
    QTest::newRow("a path") << QStringLiteral("http://localhost:8080/app")
                            << QStringLiteral("is not an origin");
    QTest::newRow("a query") << QStringLiteral("http://localhost:8080?x=1")
                             << QStringLiteral("is not an origin");
    QTest::newRow("no scheme") << QStringLiteral("localhost:8080")
                               << QStringLiteral("has no scheme");
    QTest::newRow("a wildcard") << QStringLiteral("*") << QStringLiteral("wildcards");
    QTest::newRow("a wildcard host")
        << QStringLiteral("https://*.example.org") << QStringLiteral("wildcards");
    QTest::newRow("a user") << QStringLiteral("http://me@localhost:8080")
                            << QStringLiteral("is not an origin");
    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("a trailing slash, capitals")
        << QStringLiteral("http://LocalHost:8080/") << QString();
    QTest::newRow("an extension") << QStringLiteral("chrome-extension://abcdefgh") << QString();
}

void TestApi::serveRefusesOriginsThatCannotMatch()
{
    QFETCH(QString, origin);
    QFETCH(QString, reason);
    stopServe();
    if (reason.isEmpty()) {
        QVERIFY(startServe({ QStringLiteral("--allow-origin"), origin }));
        const Reply r = request("GET", QStringLiteral("/api/images"), {},
            { { "Origin", origin.toLower().chopped(origin.endsWith(u'/') ? 1 : 0).toLatin1() } });
        QCOMPARE(r.status, 200);
        QVERIFY(r.headers.contains("access-control-allow-origin"));
        return;
    }
    const auto r = trove({ QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
        QStringLiteral("--allow-origin"), origin, QStringLiteral("--library"), library() });
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--allow-origin"), r.describe());
    QVERIFY2(r.err.contains(reason.toUtf8()), r.describe());
    QVERIFY2(!r.out.contains("serving"), r.describe());
}

// The window's list (LocalApi/allowedOrigins in the settings file) was
// typed elsewhere: an entry that can never match is named on stderr and
// left out, and the server starts with the others.
void TestApi::serveLeavesOutSavedOriginsThatCannotMatch()
{
    stopServe();
    {
        QSettings settings(
            m_dir->filePath(QStringLiteral("xdg-config/Trove/Trove.conf")), QSettings::IniFormat);
        settings.setValue(QStringLiteral("LocalApi/allowedOrigins"),
            QStringList { QStringLiteral("http://localhost:8080/app"),
                QStringLiteral("http://good.example:8080") });
    }
    QVERIFY(startServe());
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += m_serve->readAllStandardError()).contains("http://localhost:8080/app"),
        trove::test::kLivenessMs);
    QVERIFY2(err.contains("warning: LocalApi/allowedOrigins") && err.contains("left out"), err);
    QVERIFY2(!err.contains("good.example"), err);
    const Reply good = request(
        "GET", QStringLiteral("/api/images"), {}, { { "Origin", "http://good.example:8080" } });
    QCOMPARE(good.status, 200);
    QCOMPARE(good.header("Access-Control-Allow-Origin"), QByteArray("http://good.example:8080"));
    const Reply bad = request(
        "GET", QStringLiteral("/api/images"), {}, { { "Origin", "http://localhost:8080" } });
    QCOMPARE(bad.status, 403);
}

void TestApi::lockChunkedBodyIs411()
{
    const QByteArray req = "POST /process_image HTTP/1.1\r\nHost: 127.0.0.1:"
        + QByteArray::number(m_port) + "\r\nTrove-Api-Key: " + m_key
        + "\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n";
    const Reply r = raw(req);
    QCOMPARE(r.status, 411);
}

// RFC 9112: one Host (§3.2), Content-Length digits only (§6.3), no
// space before a field's colon (§5.1); Origin, the CORS lock's input,
// once too. Lines may end in a bare LF (§2.2): such a request is answered
// at once, not when the head times out. PORT and KEY are filled in.
void TestApi::lockHeadIsReadStrictly_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    const QByteArray get = "GET /api/images HTTP/1.1\r\nTrove-Api-Key: KEY\r\n";
    const QByteArray post = "POST /process_image HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\n"
                            "Trove-Api-Key: KEY\r\nContent-Type: application/json\r\n";
    QTest::newRow("one Host") << get + "Host: 127.0.0.1:PORT\r\n"
                              << QByteArray() << 200 << QString();
    QTest::newRow("two Hosts") << get + "Host: 127.0.0.1:PORT\r\nHost: evil.example\r\n"
                               << QByteArray() << 400 << QStringLiteral("Host");
    QTest::newRow("the same Host twice") << get + "Host: 127.0.0.1:PORT\r\nHost: 127.0.0.1:PORT\r\n"
                                         << QByteArray() << 400 << QStringLiteral("Host");
    QTest::newRow("two Origins") << get
            + "Host: 127.0.0.1:PORT\r\nOrigin: http://127.0.0.1:PORT\r\n"
              "Origin: http://evil.example\r\n"
                                 << QByteArray() << 400 << QStringLiteral("Origin");
    QTest::newRow("two keys") << get + "Host: 127.0.0.1:PORT\r\nTrove-Api-Key: KEY\r\n"
                              << QByteArray() << 400 << QStringLiteral("Trove-Api-Key");
    QTest::newRow("two Hydrus keys, one wrong")
        << get
            + "Host: 127.0.0.1:PORT\r\nHydrus-Client-API-Access-Key: KEY\r\n"
              "hydrus-client-api-access-key: nope\r\n"
        << QByteArray() << 400 << QStringLiteral("Hydrus-Client-API-Access-Key");
    QTest::newRow("two Content-Types")
        << post + "Content-Type: application/octet-stream\r\nContent-Length: 2\r\n"
        << QByteArray("{}") << 400 << QStringLiteral("Content-Type");
    QTest::newRow("space before the colon") << get + "Host : 127.0.0.1:PORT\r\n"
                                            << QByteArray() << 400 << QStringLiteral("header");
    QTest::newRow("Content-Length +5")
        << post + "Content-Length: +5\r\n"
        << QByteArray("{\"a\":") << 400 << QStringLiteral("Content-Length");
    QTest::newRow("Content-Length -0") << post + "Content-Length: -0\r\n"
                                       << QByteArray() << 400 << QStringLiteral("Content-Length");
    QTest::newRow("Content-Length 0x5")
        << post + "Content-Length: 0x5\r\n"
        << QByteArray("{\"a\":") << 400 << QStringLiteral("Content-Length");
    QTest::newRow("Content-Length past 2^63")
        << post + "Content-Length: 99999999999999999999\r\n"
        << QByteArray() << 400 << QStringLiteral("Content-Length");
    // The absolute form (RFC 9112 §3.2.2) is taken when its host is the
    // Host header's and that passes the Host lock; it was refused outright.
    const QByteArray absolute = "Trove-Api-Key: KEY\r\nHost: 127.0.0.1:PORT\r\n";
    QTest::newRow("absolute form") << "GET http://127.0.0.1:PORT/api/images HTTP/1.1\r\n" + absolute
                                   << QByteArray() << 200 << QString();
    QTest::newRow("absolute form with a query")
        << "GET http://127.0.0.1:PORT/api/images?limit=5 HTTP/1.1\r\n" + absolute << QByteArray()
        << 200 << QString();
    QTest::newRow("absolute form, any case")
        << QByteArray("GET HTTP://LocalHost:PORT/api/images HTTP/1.1\r\nTrove-Api-Key: KEY\r\n"
                      "Host: localhost:PORT\r\n")
        << QByteArray() << 200 << QString();
    QTest::newRow("absolute form of another host")
        << QByteArray("GET http://evil.example:PORT/api/images HTTP/1.1\r\n"
                      "Trove-Api-Key: KEY\r\nHost: evil.example:PORT\r\n")
        << QByteArray() << 403 << QStringLiteral("DNS rebinding");
    QTest::newRow("absolute form, Host differs")
        << "GET http://evil.example:PORT/api/images HTTP/1.1\r\n" + absolute << QByteArray() << 400
        << QStringLiteral("Host header differs");
    QTest::newRow("absolute form, no Host")
        << QByteArray("GET http://127.0.0.1:PORT/api/images HTTP/1.1\r\nTrove-Api-Key: KEY\r\n")
        << QByteArray() << 400 << QStringLiteral("Host header differs");
    QTest::newRow("absolute form with a user")
        << "GET http://me@127.0.0.1:PORT/api/images HTTP/1.1\r\n" + absolute << QByteArray() << 400
        << QStringLiteral("request target");
    QTest::newRow("absolute form, https")
        << "GET https://127.0.0.1:PORT/api/images HTTP/1.1\r\n" + absolute << QByteArray() << 400
        << QStringLiteral("request line");
    QTest::newRow("bare LF") << QByteArray("GET /api/images HTTP/1.1\nHost: 127.0.0.1:PORT\n"
                                           "Trove-Api-Key: KEY\n")
                             << QByteArray() << 200 << QString();
    QTest::newRow("bare LF, then CRLF") << QByteArray("GET /api/images HTTP/1.1\n"
                                                      "Host: 127.0.0.1:PORT\r\n"
                                                      "Trove-Api-Key: KEY\n")
                                        << QByteArray() << 200 << QString();
}

void TestApi::lockHeadIsReadStrictly()
{
    QFETCH(QByteArray, head);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, reason);
    const QByteArray eol = head.endsWith("\r\n") ? "\r\n" : "\n";
    head.replace("PORT", QByteArray::number(m_port)).replace("KEY", m_key);
    const Reply r = raw(head + "Connection: close" + eol + eol + body, 5000);
    QVERIFY2(r.ms < 3000, QByteArray::number(r.ms)); // answered, not timed out
    QCOMPARE(r.status, status);
    if (!reason.isEmpty())
        QVERIFY2(r.json().value(QLatin1String("error")).toString().contains(reason), r.describe());
    // Nothing was queued.
    QCOMPARE(request("GET", QStringLiteral("/status/1")).status, 404);
}

// A client that asks before sending (Expect: 100-continue) is told to go
// on only when its head passed every lock; otherwise it gets the refusal and
// never sends the body.
void TestApi::expectContinueOnlyForAcceptedHeads()
{
    const QByteArray big = "POST /process_image HTTP/1.1\r\nHost: 127.0.0.1:"
        + QByteArray::number(m_port) + "\r\nTrove-Api-Key: " + m_key
        + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
        + QByteArray::number(5 << 20) + "\r\n\r\n";
    const Reply refused = raw(big, 5000);
    QCOMPARE(refused.status, 413);

    servePng(QStringLiteral("/continue.png"), 91);
    const QByteArray body = QJsonDocument(
        QJsonObject {
            { QStringLiteral("url"), m_server.url(QStringLiteral("/continue.png")).toString() } })
                                .toJson(QJsonDocument::Compact);
    QTcpSocket socket;
    socket.setProxy(QNetworkProxy::NoProxy);
    socket.connectToHost(QHostAddress::LocalHost, m_port);
    QVERIFY(socket.waitForConnected(5000));
    socket.write("POST /process_image HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
        + "\r\nTrove-Api-Key: " + m_key
        + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nConnection: "
          "close\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n");
    QByteArray in;
    QElapsedTimer t;
    t.start();
    while (!in.contains("\r\n\r\n") && t.elapsed() < 5000 && socket.waitForReadyRead(100))
        in += socket.readAll();
    QVERIFY2(in.startsWith("HTTP/1.1 100 Continue\r\n\r\n"), in);
    socket.write(body);
    while (socket.state() == QAbstractSocket::ConnectedState && t.elapsed() < 10000)
        if (socket.waitForReadyRead(100))
            in += socket.readAll();
    in += socket.readAll();
    QCOMPARE(parseRaw(in.mid(in.indexOf("\r\n\r\n") + 4)).status, 202);

    // curl asks first for a big body and stops at the refusal.
    const QString curl = QStandardPaths::findExecutable(QStringLiteral("curl"));
    if (curl.isEmpty())
        return;
    const QString bigFile = m_dir->filePath(QStringLiteral("big.json"));
    QFile f(bigFile);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(2 << 20, ' '));
    f.close();
    QProcess p;
    p.start(curl,
        { QStringLiteral("-sS"), QStringLiteral("--noproxy"), QStringLiteral("*"),
            QStringLiteral("-o"), QStringLiteral("/dev/null"), QStringLiteral("-w"),
            QStringLiteral("%{http_code}"), QStringLiteral("-H"),
            QStringLiteral("Trove-Api-Key: ") + QString::fromLatin1(m_key), QStringLiteral("-H"),
            QStringLiteral("Content-Type: application/json"), QStringLiteral("--data-binary"),
            QLatin1Char('@') + bigFile, url(QStringLiteral("/process_image")).toString() });
    QVERIFY(p.waitForFinished(20000));
    QCOMPARE(p.readAllStandardOutput(), QByteArray("413"));
}

void TestApi::lockPathTricksAre404_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::newRow("dot-dot") << QByteArray("/image/../../etc/passwd");
    QTest::newRow("encoded dot-dot") << QByteArray("/image/..%2F..%2Fcatalog.sqlite");
    QTest::newRow("encoded dots only") << QByteArray("/image/%2e%2e");
    QTest::newRow("absolute path") << QByteArray("/image/%2Fetc%2Fpasswd");
    QTest::newRow("key file") << QByteArray("/image/api-key");
    QTest::newRow("blob path") << QByteArray("/image/blobs%2F00");
    QTest::newRow("thumbnail dot-dot") << QByteArray("/thumbnail/..%2Fapi-key");
    QTest::newRow("root dot-dot") << QByteArray("/../api-key");
    QTest::newRow("nul") << QByteArray("/image/a%00b");
    QTest::newRow("status path") << QByteArray("/status/..%2F1");
}

void TestApi::lockPathTricksAre404()
{
    QFETCH(QByteArray, target);
    // A file the tricks aim at, next to the library.
    const QByteArray req = "GET " + target
        + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port)
        + "\r\nTrove-Api-Key: " + m_key + "\r\nConnection: close\r\n\r\n";
    const Reply r = raw(req);
    QCOMPARE(r.status, 404);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    QVERIFY(!r.body.contains(m_key));
    QVERIFY(!r.body.contains("root:"));
}

void TestApi::lockRateLimitIs429()
{
    QVERIFY(startServe({ QStringLiteral("--rate-limit"), QStringLiteral("5") }));
    int ok = 0;
    int limited = 0;
    Reply refused;
    for (int i = 0; i < 60; ++i) {
        const Reply r = request("GET", QStringLiteral("/api_version"), {}, {}, false);
        if (r.status == 200) {
            ++ok;
        } else if (r.status == 429) {
            ++limited;
            refused = r;
        }
    }
    QVERIFY2(limited > 0, QByteArray::number(ok));
    QVERIFY(ok >= 20); // the burst
    QVERIFY(refused.json()
                .value(QLatin1String("error"))
                .toString()
                .contains(QLatin1String("rate limit")));
    QVERIFY(refused.header("Retry-After").toInt() >= 1);
    // Another client (another origin's bucket) is not held back... but an
    // unknown origin is refused by the CORS lock first; wait for a token.
    QTest::qWait(1200);
    QCOMPARE(request("GET", QStringLiteral("/api_version"), {}, {}, false).status, 200);
}

void TestApi::lockKeyFileIsOwnerOnlyAndRenewable()
{
    const QString file = library() + QStringLiteral("/api-key");
    QCOMPARE(QFile::permissions(file)
            & ~(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser
                | QFileDevice::WriteUser),
        QFileDevice::Permissions());
    const auto again = trove({ QStringLiteral("api-key"), QStringLiteral("--library"), library() });
    QCOMPARE(again.out.trimmed(), m_key);
    const auto renewed = trove({ QStringLiteral("api-key"), QStringLiteral("--new"),
        QStringLiteral("--library"), library() });
    QCOMPARE(renewed.exitCode, 0);
    const QByteArray fresh = renewed.out.trimmed();
    QVERIFY(fresh != m_key);
    QVERIFY(startServe());
    QCOMPARE(request("GET", QStringLiteral("/api/images")).status, 403); // the old key
    m_key = fresh;
    QCOMPARE(request("GET", QStringLiteral("/api/images")).status, 200);
}

// Beyond loopback only with a key a person made on purpose with `trove
// api-key`: not one `trove serve` (or the window) made for itself, not one
// from before Trove said how a key was made. The refusal says what to run.
// 192.0.2.1 (TEST-NET-1) is on no interface here: past the lock, listening
// fails, so nothing is ever exposed by this test.
void TestApi::lockListenBeyondLoopbackNeedsExistingKey_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("run");
    QTest::newRow("no key") << QStringLiteral("none") << QStringLiteral("trove api-key --library");
    QTest::newRow("made by trove serve")
        << QStringLiteral("serve") << QStringLiteral("trove api-key --new --library");
    QTest::newRow("made by trove api-key, then removed; trove serve made another")
        << QStringLiteral("removed") << QStringLiteral("trove api-key --new --library");
    QTest::newRow("made by trove api-key") << QStringLiteral("api-key") << QString();
    QTest::newRow("made by trove serve, renewed by trove api-key --new")
        << QStringLiteral("renewed") << QString();
}

void TestApi::lockListenBeyondLoopbackNeedsExistingKey()
{
    QFETCH(QString, key);
    QFETCH(QString, run);
    stopServe();
    QTemporaryDir other;
    const QString keyFile = other.filePath(QStringLiteral("api-key"));
    const auto env = trove::test::cleanTroveEnvironment(m_dir->path());
    const auto cli = [&](const QStringList &args) {
        return trove::test::runTrove(
            args + QStringList { QStringLiteral("--library"), other.path() }, env, 15000);
    };
    const auto serveOnce = [&] {
        m_serve = std::make_unique<QProcess>();
        m_serve->setProcessEnvironment(env);
        m_serve->start(QStringLiteral(TROVE_BINARY),
            { QStringLiteral("serve"), QStringLiteral("--port"), QStringLiteral("0"),
                QStringLiteral("--library"), other.path() });
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += m_serve->readAllStandardOutput()).contains("serving"),
            trove::test::kLivenessMs);
        stopServe();
    };
    if (key == QLatin1String("serve") || key == QLatin1String("renewed")) {
        serveOnce();
        QVERIFY(QFile::exists(keyFile));
    }
    if (key == QLatin1String("api-key") || key == QLatin1String("removed"))
        QCOMPARE(cli({ QStringLiteral("api-key") }).exitCode, 0);
    if (key == QLatin1String("renewed"))
        QCOMPARE(cli({ QStringLiteral("api-key"), QStringLiteral("--new") }).exitCode, 0);
    if (key == QLatin1String("removed")) {
        QVERIFY(QFile::remove(keyFile));
        serveOnce();
    }
    const QByteArray before = [&] {
        QFile f(keyFile);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    const auto r = cli({ QStringLiteral("serve"), QStringLiteral("--listen"),
        QStringLiteral("192.0.2.1"), QStringLiteral("--port"), QStringLiteral("0") });
    QCOMPARE(r.exitCode, 1);
    if (run.isEmpty()) {
        // Past the lock: warned, then the address is not this machine's.
        QVERIFY2(r.err.contains("warning: listening on 192.0.2.1"), r.describe());
        QVERIFY2(r.err.contains("cannot listen on 192.0.2.1"), r.describe());
        return;
    }
    // Refused before binding anything, naming the exact command.
    QVERIFY2(r.err.contains((run + QLatin1Char(' ') + other.path()).toUtf8()), r.describe());
    QVERIFY2(!r.err.contains("cannot listen"), r.describe());
    QCOMPARE(QFile::exists(keyFile), !before.isEmpty());
    if (!before.isEmpty()) {
        QFile f(keyFile);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before); // the key in use is left alone
    }
    // Doing what it says opens the lock.
    QCOMPARE(cli(run.split(QLatin1Char(' ')).mid(1, run.count(QLatin1Char(' ')) - 1)).exitCode, 0);
    const auto again = cli({ QStringLiteral("serve"), QStringLiteral("--listen"),
        QStringLiteral("192.0.2.1"), QStringLiteral("--port"), QStringLiteral("0") });
    QVERIFY2(again.err.contains("cannot listen on 192.0.2.1"), again.describe());
}

QTEST_MAIN(TestApi)
#include "tst_api.moc"
