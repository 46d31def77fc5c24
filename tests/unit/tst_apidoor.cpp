// SPDX-License-Identifier: MIT
// The local API's locks, alone and deterministic: ApiDoor's decisions on
// request heads (Host, Origin, key, body size), the rate limiter's bucket,
// and the access key file.

#include "api/apidoor.h"
#include "api/apikey.h"
#include "api/apiresponses.h"
#include "api/ratelimiter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace trove;
using namespace trove::api;

namespace {

constexpr quint16 kPort = 45871;
const QByteArray kKey(64, 'c');

HttpRequest head(const QByteArray &method, const QByteArray &path,
    const HeaderList &headers = { { "host", "127.0.0.1:45871" }, { "trove-api-key", kKey } })
{
    HttpRequest r;
    r.method = method;
    r.path = path;
    r.target = path;
    r.headers = headers;
    r.peer = QHostAddress(QHostAddress::LocalHost);
    return r;
}

QString reason(const std::optional<HttpResponse> &r)
{
    return r ? QJsonDocument::fromJson(r->body).object().value(QLatin1String("error")).toString()
             : QString();
}

} // namespace

class TestApiDoor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostMustBeLoopbackWithPort_data();
    void hostMustBeLoopbackWithPort();
    void originOnlyWhenAllowed();
    void keyMissingWrongRight();
    void apiVersionAndPreflightNeedNoKey();
    void bodyLimitsPerRoute();
    void acceptsGzipReadsWeights_data();
    void acceptsGzipReadsWeights();
    void rateLimiterRefillsPerClient();
    void keyFileIsOwnerOnly();
    void keyIsNeverReadOrWrittenThroughALink_data();
    void keyIsNeverReadOrWrittenThroughALink();
    void originsThatCannotMatchAreNamed_data();
    void originsThatCannotMatchAreNamed();
};

void TestApiDoor::hostMustBeLoopbackWithPort_data()
{
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("status"); // 0: let through
    QTest::newRow("127.0.0.1") << QByteArray("127.0.0.1:45871") << 0;
    QTest::newRow("localhost any case") << QByteArray("LocalHost:45871") << 0;
    QTest::newRow("[::1]") << QByteArray("[::1]:45871") << 0;
    QTest::newRow("rebinding name") << QByteArray("attacker.example:45871") << 403;
    QTest::newRow("other port") << QByteArray("127.0.0.1:8080") << 403;
    QTest::newRow("no port") << QByteArray("127.0.0.1") << 403;
    QTest::newRow("suffix trick") << QByteArray("127.0.0.1:45871.evil") << 403;
    QTest::newRow("missing") << QByteArray() << 400;
}

void TestApiDoor::hostMustBeLoopbackWithPort()
{
    QFETCH(QByteArray, host);
    QFETCH(int, status);
    ApiDoor door({}, kKey);
    door.setPort(kPort);
    HeaderList headers { { "trove-api-key", kKey } };
    if (!host.isEmpty())
        headers.append({ "host", host });
    qint64 maxBody = 0;
    const auto refusal = door.check(head("GET", "/", headers), 0, maxBody);
    QCOMPARE(refusal ? refusal->status : 0, status);
}

void TestApiDoor::originOnlyWhenAllowed()
{
    ApiConfig config;
    config.allowedOrigins = { QStringLiteral("http://Localhost:8080/"),
        QStringLiteral("chrome-extension://abcdefghijklmnop") };
    ApiDoor door(config, kKey);
    door.setPort(kPort);
    auto withOrigin = [](const QByteArray &origin) {
        return head("GET", "/api/images",
            { { "host", "127.0.0.1:45871" }, { "trove-api-key", kKey }, { "origin", origin } });
    };
    qint64 maxBody = 0;
    QVERIFY(!door.check(withOrigin("http://localhost:8080"), 0, maxBody));
    QCOMPARE(
        door.corsOrigin(withOrigin("http://localhost:8080")), QByteArray("http://localhost:8080"));
    QVERIFY(!door.check(withOrigin("chrome-extension://abcdefghijklmnop"), 0, maxBody));
    QVERIFY(!door.check(withOrigin("http://127.0.0.1:45871"), 0, maxBody)); // its own pages
    for (const QByteArray &bad : { QByteArray("http://localhost:8081"), QByteArray("null"),
             QByteArray("https://evil.example"), QByteArray("chrome-extension://other") }) {
        const auto refusal = door.check(withOrigin(bad), 0, maxBody);
        QVERIFY2(refusal && refusal->status == 403, bad);
        QVERIFY(reason(refusal).contains(QLatin1String("not allowed")));
        QVERIFY(door.corsOrigin(withOrigin(bad)).isEmpty());
    }
    // An allowed page may read why it was refused; others learn nothing.
    const auto wrongKey
        = door.check(head("GET", "/api/images",
                         { { "host", "127.0.0.1:45871" }, { "trove-api-key", QByteArray(64, 'e') },
                             { "origin", "http://localhost:8080" } }),
            0, maxBody);
    QCOMPARE(wrongKey->status, 403);
    QVERIFY(wrongKey->hasHeader("Access-Control-Allow-Origin"));
    QVERIFY(!door.check(withOrigin("https://evil.example"), 0, maxBody)
                 ->hasHeader("Access-Control-Allow-Origin"));
    // A preflight answer names the origin and the key headers.
    const HttpResponse pre = door.preflight(withOrigin("http://localhost:8080"));
    QCOMPARE(pre.status, 204);
    QVERIFY(pre.hasHeader("Access-Control-Allow-Origin"));
}

void TestApiDoor::keyMissingWrongRight()
{
    ApiDoor door({}, kKey);
    door.setPort(kPort);
    qint64 maxBody = 0;
    const auto missing
        = door.check(head("GET", "/", { { "host", "127.0.0.1:45871" } }), 0, maxBody);
    QCOMPARE(missing->status, 401);
    const auto wrong = door.check(
        head("GET", "/",
            { { "host", "127.0.0.1:45871" }, { "trove-api-key", QByteArray(64, 'd') } }),
        0, maxBody);
    QCOMPARE(wrong->status, 403);
    const auto shortKey = door.check(
        head(
            "GET", "/", { { "host", "127.0.0.1:45871" }, { "hydrus-client-api-access-key", "c" } }),
        0, maxBody);
    QCOMPARE(shortKey->status, 403);
    QVERIFY(!door.check(
        head("GET", "/",
            { { "host", "127.0.0.1:45871" }, { "hydrus-client-api-access-key", kKey } }),
        0, maxBody));
    HttpRequest inQuery = head("GET", "/", { { "host", "127.0.0.1:45871" } });
    inQuery.query.setQuery(QStringLiteral("key=") + QString::fromLatin1(kKey));
    QVERIFY(!door.check(inQuery, 0, maxBody));
    bool viaQuery = false;
    QCOMPARE(ApiDoor::givenKey(inQuery, &viaQuery), kKey);
    QVERIFY(viaQuery);
}

void TestApiDoor::apiVersionAndPreflightNeedNoKey()
{
    ApiDoor door({}, kKey);
    door.setPort(kPort);
    qint64 maxBody = 0;
    QVERIFY(
        !door.check(head("GET", "/api_version", { { "host", "localhost:45871" } }), 0, maxBody));
    QVERIFY(!door.check(
        head("OPTIONS", "/process_image", { { "host", "localhost:45871" } }), 0, maxBody));
    QCOMPARE(door.check(head("POST", "/api_version", { { "host", "localhost:45871" } }), 0, maxBody)
                 ->status,
        401);
}

void TestApiDoor::bodyLimitsPerRoute()
{
    ApiDoor door({}, kKey);
    door.setPort(kPort);
    qint64 maxBody = 0;
    QVERIFY(!door.check(head("POST", "/process_image"), 1 << 20, maxBody));
    QCOMPARE(maxBody, qint64(1) << 20);
    const auto big = door.check(head("POST", "/process_image"), (1 << 20) + 1, maxBody);
    QCOMPARE(big->status, 413);
    QVERIFY(reason(big).contains(QLatin1String("at most 1048576")));
    // Raw file bytes may be larger, up to their own limit.
    QVERIFY(!door.check(head("POST", "/add_files/add_file"), 10 << 20, maxBody));
    QCOMPARE(maxBody, qint64(64) << 20);
    QCOMPARE(
        door.check(head("POST", "/add_files/add_file"), (qint64(64) << 20) + 1, maxBody)->status,
        413);
    // A refused head is refused before its size matters: no key, 401.
    QCOMPARE(door.check(head("POST", "/process_image", { { "host", "localhost:45871" } }),
                     qint64(1) << 40, maxBody)
                 ->status,
        401);
}

void TestApiDoor::rateLimiterRefillsPerClient()
{
    RateLimiter limiter(10, 3);
    for (int i = 0; i < 3; ++i)
        QVERIFY(limiter.admit(QStringLiteral("a")));
    int retry = 0;
    QVERIFY(!limiter.admit(QStringLiteral("a"), &retry));
    QCOMPARE(retry, 1);
    QVERIFY(limiter.admit(QStringLiteral("b"))); // its own bucket
    QTest::qWait(150); // 10/s: at least one token back
    QVERIFY(limiter.admit(QStringLiteral("a")));
    RateLimiter off(0, 1);
    for (int i = 0; i < 1000; ++i)
        QVERIFY(off.admit(QStringLiteral("a")));
}

void TestApiDoor::keyFileIsOwnerOnly()
{
    QTemporaryDir dir;
    const LibraryPaths paths(dir.filePath(QStringLiteral("lib")));
    auto first = ApiKey::load(paths);
    QVERIFY2(first.ok(), first.ok() ? "" : qPrintable(first.error()));
    QCOMPARE(first->size(), 64);
    auto again = ApiKey::load(paths);
    QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error()));
    QCOMPARE(*again, *first);
    const auto perms = QFile::permissions(ApiKey::filePath(paths));
    QVERIFY(!(perms
        & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup
            | QFileDevice::WriteOther)));
    auto renewed = ApiKey::renew(paths);
    QVERIFY(renewed.ok());
    QVERIFY(*renewed != *first);
    QVERIFY(ApiKey::matches(*renewed, *renewed));
    QVERIFY(!ApiKey::matches(*renewed, *first));
    QVERIFY(!ApiKey::matches(QByteArray(), QByteArray()));
    // Readable by others: refused, not used.
    QFile::setPermissions(ApiKey::filePath(paths), perms | QFileDevice::ReadOther);
    QVERIFY(!ApiKey::load(paths).ok());
    // Not a key: refused.
    QFile f(ApiKey::filePath(paths));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write("../../etc/passwd\n");
    f.close();
    QFile::setPermissions(
        ApiKey::filePath(paths), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QVERIFY(!ApiKey::load(paths).ok());
}

// Another local user who can write the library's folder could point
// api-key (or its mark) at a file of their choosing: a key they know, or
// a file of ours that would then be overwritten. A link is refused by
// name, whether it leads anywhere or not, and what it points at is left
// alone. A key others may change is refused too.
void TestApiDoor::keyIsNeverReadOrWrittenThroughALink_data()
{
    QTest::addColumn<QString>("link"); ///< "api-key" or "api-key.made"
    QTest::addColumn<bool>("dangling");
    QTest::newRow("key to a key") << QStringLiteral("api-key") << false;
    QTest::newRow("key to nothing") << QStringLiteral("api-key") << true;
    QTest::newRow("mark to a mark") << QStringLiteral("api-key.made") << false;
}

void TestApiDoor::keyIsNeverReadOrWrittenThroughALink()
{
    QFETCH(QString, link);
    QFETCH(bool, dangling);
    QTemporaryDir dir;
    const LibraryPaths paths(dir.filePath(QStringLiteral("lib")));
    auto made = ApiKey::renew(paths); // a key and its mark, on purpose
    QVERIFY(made.ok());
    QVERIFY(ApiKey::madeOnPurpose(paths));
    const QString path = QDir(paths.root()).filePath(link);
    const QString target = dir.filePath(QStringLiteral("elsewhere"));
    QVERIFY(QFile::rename(path, target));
    if (dangling)
        QVERIFY(QFile::remove(target));
    QVERIFY(QFile::link(target, path));
    const QByteArray before = [&] {
        QFile f(target);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }();

    if (link == QLatin1String("api-key")) {
        const auto loaded = ApiKey::load(paths);
        QVERIFY(!loaded.ok());
        QVERIFY2(
            loaded.error().contains(QLatin1String("symbolic link")), qPrintable(loaded.error()));
        QVERIFY(loaded.error().contains(path));
    } else {
        QVERIFY(ApiKey::load(paths).ok()); // the key itself is fine
    }
    QVERIFY(!ApiKey::madeOnPurpose(paths));
    const auto renewed = ApiKey::renew(paths);
    QVERIFY(!renewed.ok());
    QVERIFY2(renewed.error().contains(QLatin1String("symbolic link")), qPrintable(renewed.error()));
    // The link and what it points at are as they were.
    QVERIFY(QFileInfo(path).isSymLink());
    QCOMPARE(QFile::exists(target), !dangling);
    QFile f(target);
    QCOMPARE(f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray(), before);

    // Without the link: a key others may write is refused, then 0600 is fine.
    QVERIFY(QFile::remove(path));
    if (link == QLatin1String("api-key")) {
        QVERIFY(ApiKey::renew(paths).ok());
        const QString key = ApiKey::filePath(paths);
        QVERIFY(QFile::setPermissions(
            key, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::WriteGroup));
        QVERIFY(!ApiKey::load(paths).ok());
        QVERIFY(QFile::setPermissions(key, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        QVERIFY(ApiKey::load(paths).ok());
    }
}

void TestApiDoor::originsThatCannotMatchAreNamed_data()
{
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("problem"); ///< what the reason says; empty: none
    QTest::newRow("http") << QStringLiteral("http://localhost:8080") << QString();
    QTest::newRow("https, no port") << QStringLiteral("https://example.org") << QString();
    QTest::newRow("trailing slash") << QStringLiteral("http://localhost:8080/") << QString();
    QTest::newRow("capitals") << QStringLiteral("HTTP://LocalHost:8080") << QString();
    QTest::newRow("IPv6") << QStringLiteral("http://[::1]:8080") << QString();
    QTest::newRow("chrome extension")
        << QStringLiteral("chrome-extension://abcdefghijklmnop") << QString();
    QTest::newRow("firefox extension")
        << QStringLiteral("moz-extension://0b2f6e2a-4c1d-4f8e-9d3a-1e2f3a4b5c6d") << QString();
    QTest::newRow("a path") << QStringLiteral("http://localhost:8080/app")
                            << QStringLiteral("is not an origin");
    QTest::newRow("a fragment") << QStringLiteral("http://localhost:8080#x")
                                << QStringLiteral("is not an origin");
    QTest::newRow("a user") << QStringLiteral("https://me:pw@example.org")
                            << QStringLiteral("is not an origin");
    QTest::newRow("no scheme") << QStringLiteral("example.org") << QStringLiteral("no scheme");
    QTest::newRow("star") << QStringLiteral("*") << QStringLiteral("wildcards");
    QTest::newRow("star host") << QStringLiteral("http://*:8080") << QStringLiteral("wildcards");
    QTest::newRow("no host") << QStringLiteral("http://") << QStringLiteral("is not an origin");
    QTest::newRow("blank") << QStringLiteral("  ") << QStringLiteral("empty");
}

void TestApiDoor::originsThatCannotMatchAreNamed()
{
    QFETCH(QString, origin);
    QFETCH(QString, problem);
    const QString found = ApiConfig::originProblem(origin);
    if (problem.isEmpty()) {
        QVERIFY2(found.isEmpty(), qPrintable(found));
        // ... and a browser's Origin for it gets in.
        ApiConfig config;
        config.allowedOrigins = { origin };
        ApiDoor door(config, kKey);
        door.setPort(kPort);
        QString sent = origin.toLower();
        while (sent.endsWith(QLatin1Char('/')))
            sent.chop(1);
        qint64 maxBody = 0;
        QVERIFY(!door.check(head("GET", "/api/images",
                                { { "host", "127.0.0.1:45871" }, { "trove-api-key", kKey },
                                    { "origin", sent.toLatin1() } }),
            0, maxBody));
    } else {
        QVERIFY2(found.contains(problem), qPrintable(found));
    }
}

void TestApiDoor::acceptsGzipReadsWeights_data()
{
    QTest::addColumn<QByteArray>("acceptEncoding");
    QTest::addColumn<bool>("gzip");
    QTest::newRow("no header") << QByteArray() << false;
    QTest::newRow("gzip") << QByteArray("gzip") << true;
    QTest::newRow("a browser's") << QByteArray("gzip, deflate, br, zstd") << true;
    QTest::newRow("in capitals") << QByteArray("GZIP") << true;
    QTest::newRow("x-gzip") << QByteArray("x-gzip") << true;
    QTest::newRow("others only") << QByteArray("deflate, br") << false;
    QTest::newRow("identity") << QByteArray("identity") << false;
    QTest::newRow("any") << QByteArray("*") << true;
    QTest::newRow("any, refused") << QByteArray("*;q=0") << false;
    QTest::newRow("gzip refused") << QByteArray("gzip;q=0") << false;
    QTest::newRow("gzip refused, any else") << QByteArray("gzip;q=0, *") << false;
    QTest::newRow("any, gzip refused") << QByteArray("*, gzip; q=0.000") << false;
    QTest::newRow("weighted") << QByteArray("br;q=1.0, gzip;q=0.8") << true;
    QTest::newRow("spaces") << QByteArray("  br ,  gzip ; q=0.5 ") << true;
    QTest::newRow("weight unreadable") << QByteArray("gzip;q=abc") << false;
}

// A declared svgz goes gzipped only to a client that takes gzip; any other
// gets the SVG text (apiresponses.h).
void TestApiDoor::acceptsGzipReadsWeights()
{
    QFETCH(QByteArray, acceptEncoding);
    QFETCH(bool, gzip);
    QCOMPARE(acceptsGzip(acceptEncoding), gzip);
}

QTEST_GUILESS_MAIN(TestApiDoor)
#include "tst_apidoor.moc"
