// SPDX-License-Identifier: MIT
// What a paste or a drop carries, read from text and MIME data the way
// file managers and browsers offer it; and the X11 clipboard read off the
// GUI thread, against a real X server (Xvfb) and a real owner (xclip).

#include "ingest/dropcontent.h"
#include "ingest/x11clipboard.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QMimeData>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <csignal>
#include <memory>

using trove::ui::DropContent;
using trove::ui::readX11Selection;
using trove::ui::X11Selection;

class TestDropContent : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void textLinks_data();
    void textLinks();
    void uriListBeatsImageData();
    void imageDataWithoutUsableLink();
    void encodedBytesPreferredOverPixels();
    void browserImageInsideLink();
    void otherSchemesKeptForTheirReason();
    void nothingUsable();

    // The X11 clipboard, read on a connection of its own.
    void x11Text_data();
    void x11Text();
    void x11ImagesAreLeftToQt();
    void x11NothingOnTheClipboard();
    void x11OwnerThatDoesNotAnswer();
    void x11TooLarge();
    void x11NoDisplay();

    void cleanupTestCase();

private:
    QByteArray startX(); // ":N", or empty after a failed QVERIFY
    // An xclip that owns the clipboard; killed with the object.
    struct Owner {
        QProcess process;
        ~Owner()
        {
            process.kill();
            process.waitForFinished(5000);
        }
    };
    std::unique_ptr<Owner> own(const QByteArray &bytes, const QString &type = {});

    std::unique_ptr<QProcess> m_xvfb;
    QByteArray m_display;
};

void TestDropContent::textLinks_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("sources");
    QTest::addColumn<QStringList>("unreadable");
    QTest::newRow("one per line") << QStringLiteral(
        "https://a.example/1.png\nhttp://b.example/2.jpg\n")
                                  << QStringList { QStringLiteral("https://a.example/1.png"),
                                         QStringLiteral("http://b.example/2.jpg") }
                                  << QStringList();
    QTest::newRow("prose") << QStringLiteral(
        "see https://a.example/x.png, and (https://a.example/y.gif).")
                           << QStringList { QStringLiteral("https://a.example/x.png"),
                                  QStringLiteral("https://a.example/y.gif") }
                           << QStringList();
    QTest::newRow("duplicates") << QStringLiteral("https://a.example/1.png https://a.example/1.png")
                                << QStringList { QStringLiteral("https://a.example/1.png") }
                                << QStringList();
    QTest::newRow("file lines") << QStringLiteral("/tmp/a b.png\r\nfile:///tmp/c.png")
                                << QStringList { QStringLiteral("/tmp/a b.png"),
                                       QStringLiteral("file:///tmp/c.png") }
                                << QStringList();
    QTest::newRow("words") << QStringLiteral("hello\nworld") << QStringList()
                           << QStringList { QStringLiteral("hello"), QStringLiteral("world") };
}

void TestDropContent::textLinks()
{
    QFETCH(QString, text);
    QFETCH(QStringList, sources);
    QFETCH(QStringList, unreadable);
    const DropContent content = DropContent::fromText(text);
    QCOMPARE(content.sources, sources);
    QCOMPARE(content.unreadable, unreadable);
    QVERIFY(!content.hasImageData());
}

void TestDropContent::uriListBeatsImageData()
{
    QMimeData mime;
    mime.setUrls({ QUrl(QStringLiteral("https://img.example/cat.jpg")),
        QUrl::fromLocalFile(QStringLiteral("/tmp/dog.png")) });
    QImage pixels(4, 4, QImage::Format_RGB32);
    pixels.fill(Qt::red);
    mime.setImageData(pixels);
    const DropContent content = DropContent::fromMimeData(&mime);
    QCOMPARE(content.sources,
        (QStringList {
            QStringLiteral("https://img.example/cat.jpg"), QStringLiteral("/tmp/dog.png") }));
    QVERIFY(!content.hasImageData());
}

void TestDropContent::imageDataWithoutUsableLink()
{
    QMimeData mime;
    mime.setUrls({ QUrl(QStringLiteral("blob:https://site.example/1234")) });
    QImage pixels(4, 3, QImage::Format_RGB32);
    pixels.fill(Qt::blue);
    mime.setImageData(pixels);
    const DropContent content = DropContent::fromMimeData(&mime);
    QVERIFY(content.sources.isEmpty());
    QCOMPARE(content.image.size(), QSize(4, 3));
}

void TestDropContent::encodedBytesPreferredOverPixels()
{
    QMimeData mime;
    mime.setData(QStringLiteral("image/png"), QByteArray("\x89PNG fake", 9));
    QImage pixels(2, 2, QImage::Format_RGB32);
    pixels.fill(Qt::green);
    mime.setImageData(pixels);
    const DropContent content = DropContent::fromMimeData(&mime);
    QCOMPARE(content.imageSuffix, QStringLiteral(".png"));
    QCOMPARE(content.imageBytes.size(), 9);
    QVERIFY(content.image.isNull());
}

void TestDropContent::browserImageInsideLink()
{
    QMimeData mime;
    mime.setUrls({ QUrl(QStringLiteral("https://site.example/article")) });
    mime.setHtml(QStringLiteral("<a href=\"https://site.example/article\"><img "
                                "src=\"https://cdn.example/p.webp?a=1&amp;b=2\"></a>"));
    QImage pixels(2, 2, QImage::Format_RGB32);
    pixels.fill(Qt::green);
    mime.setImageData(pixels);
    const DropContent content = DropContent::fromMimeData(&mime);
    QCOMPARE(content.sources, QStringList { QStringLiteral("https://cdn.example/p.webp?a=1&b=2") });
}

void TestDropContent::otherSchemesKeptForTheirReason()
{
    QMimeData mime;
    mime.setUrls({ QUrl(QStringLiteral("ftp://files.example/x.png")) });
    const DropContent content = DropContent::fromMimeData(&mime);
    QCOMPARE(content.sources, QStringList { QStringLiteral("ftp://files.example/x.png") });
    QCOMPARE(DropContent::fromText(QStringLiteral("get it at ftp://files.example/y.png")).sources,
        QStringList { QStringLiteral("ftp://files.example/y.png") });
}

void TestDropContent::nothingUsable()
{
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-thing"), "x");
    const DropContent content = DropContent::fromMimeData(&mime);
    QVERIFY(content.isEmpty());
    QVERIFY(content.unreadable.isEmpty());
    QCOMPARE(content.formats, QStringList { QStringLiteral("application/x-thing") });
}

// One Xvfb for the X11 cases; -displayfd picks a free display number, so
// that suites running side by side do not collide.
QByteArray TestDropContent::startX()
{
    if (!m_display.isEmpty())
        return m_display;
    const QString xvfb = QStandardPaths::findExecutable(QStringLiteral("Xvfb"));
    if (xvfb.isEmpty()) {
        qWarning("Xvfb is not installed (scripts/install-deps.sh installs it)");
        return {};
    }
    m_xvfb = std::make_unique<QProcess>();
    m_xvfb->setProcessChannelMode(QProcess::SeparateChannels);
    m_xvfb->start(xvfb,
        // -noreset: a server whose last client left resets, and refuses
        // connections meanwhile (the next test's xclip: "Can't open display").
        { QStringLiteral("-displayfd"), QStringLiteral("1"), QStringLiteral("-noreset"),
            QStringLiteral("-nolisten"), QStringLiteral("tcp"), QStringLiteral("-screen"),
            QStringLiteral("0"), QStringLiteral("64x64x24") });
    if (!m_xvfb->waitForStarted(10000))
        return {};
    QElapsedTimer waited;
    waited.start();
    while (!m_xvfb->canReadLine() && waited.elapsed() < 20000)
        m_xvfb->waitForReadyRead(200);
    const QByteArray number = m_xvfb->readLine().trimmed();
    if (number.isEmpty())
        return {};
    m_display = ':' + number;
    return m_display;
}

// xclip owns the CLIPBOARD of our Xvfb with @p bytes (as @p type when
// given) and serves it until killed. Returns once it owns it.
std::unique_ptr<TestDropContent::Owner> TestDropContent::own(
    const QByteArray &bytes, const QString &type)
{
    const QString xclip = QStandardPaths::findExecutable(QStringLiteral("xclip"));
    if (xclip.isEmpty()) {
        qWarning("xclip is not installed (scripts/install-deps.sh installs it)");
        return nullptr;
    }
    auto owner = std::make_unique<Owner>();
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DISPLAY"), QString::fromLatin1(m_display));
    owner->process.setProcessEnvironment(env);
    QStringList args { QStringLiteral("-quiet"), QStringLiteral("-selection"),
        QStringLiteral("clipboard"), QStringLiteral("-i") };
    if (!type.isEmpty())
        args << QStringLiteral("-t") << type;
    owner->process.start(xclip, args);
    if (!owner->process.waitForStarted(10000))
        return nullptr;
    owner->process.write(bytes);
    owner->process.closeWriteChannel();
    // xclip takes the selection once it has read everything; until then
    // the last test's owner may still be going away.
    QElapsedTimer waited;
    waited.start();
    X11Selection last;
    while (waited.elapsed() < 20000) {
        const X11Selection now = readX11Selection(m_display, "CLIPBOARD", 2000);
        if (type.isEmpty() ? now.text == QString::fromUtf8(bytes) : now.targets.contains(type))
            return owner;
        last = now;
        QTest::qWait(20);
    }
    qWarning("xclip (state %d, exit %d, said %s) never served its data: last read %d (%s), "
             "%lld characters, targets %s",
        int(owner->process.state()), owner->process.exitCode(),
        owner->process.readAllStandardError().constData(), int(last.status), qPrintable(last.error),
        qlonglong(last.text.size()), qPrintable(last.targets.join(u',')));
    return nullptr;
}

void TestDropContent::x11Text_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<bool>("incremental");
    QTest::newRow("one link") << QByteArray("https://a.example/1.png\n") << false;
    // A link dump with names in several scripts, 360 KB: the 10,000-link paste.
    QByteArray dump;
    for (int i = 0; dump.size() < 360000; ++i)
        dump += "https://img.example/gr\xc3\xbc\xc3\x9f"
                "e/\xe5\x86\x99\xe7\x9c\x9f-"
            + QByteArray::number(i) + ".jpg\r\n";
    QTest::newRow("10,000 links") << dump << false;
    // Past the largest request the server takes, the owner sends it in
    // pieces (ICCCM INCR); xclip's piece is a quarter of that, about 1 MB.
    QTest::newRow("3 MB, in pieces") << dump.repeated(9) << true;
}

void TestDropContent::x11Text()
{
    QFETCH(QByteArray, bytes);
    QFETCH(bool, incremental);
    QVERIFY2(!startX().isEmpty(), "Xvfb did not start");
    auto owner = own(bytes);
    QVERIFY2(owner, "xclip did not take the clipboard");
    const X11Selection got = readX11Selection(m_display);
    QCOMPARE(got.status, X11Selection::Status::Text);
    QVERIFY2(
        got.targets.contains(QLatin1String("UTF8_STRING")), qPrintable(got.targets.join(u',')));
    QCOMPARE(got.text.size(), QString::fromUtf8(bytes).size());
    QCOMPARE(got.text, QString::fromUtf8(bytes));
    if (incremental)
        QVERIFY2(got.pieces > 1, qPrintable(QString::number(got.pieces)));
    else
        QCOMPARE(got.pieces, 0);
    // What the window makes of it: the links, in order.
    const DropContent content = DropContent::fromText(got.text);
    QVERIFY(!content.sources.isEmpty());
    QCOMPARE(content.sources.first(), QString::fromUtf8(bytes.left(bytes.indexOf('\n')).trimmed()));
}

// An image on the clipboard (a browser's Copy Image) is QMimeData's to read:
// the reader says so instead of reading it.
void TestDropContent::x11ImagesAreLeftToQt()
{
    QVERIFY2(!startX().isEmpty(), "Xvfb did not start");
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(image.save(&buffer, "PNG"));
    auto owner = own(png, QStringLiteral("image/png"));
    QVERIFY2(owner, "xclip did not take the clipboard");
    const X11Selection got = readX11Selection(m_display);
    QCOMPARE(got.status, X11Selection::Status::Other);
    QVERIFY(got.targets.contains(QLatin1String("image/png")));
    QVERIFY(got.text.isEmpty());
}

void TestDropContent::x11NothingOnTheClipboard()
{
    QVERIFY2(!startX().isEmpty(), "Xvfb did not start");
    // Nobody owns SECONDARY on a fresh server.
    const X11Selection got = readX11Selection(m_display, "SECONDARY", 2000);
    QCOMPARE(got.status, X11Selection::Status::NoOwner);
}

// A hung owner (stopped here with SIGSTOP) costs the reader its timeout and
// no more; the window's GUI thread would not have waited at all.
void TestDropContent::x11OwnerThatDoesNotAnswer()
{
    QVERIFY2(!startX().isEmpty(), "Xvfb did not start");
    auto owner = own("https://a.example/1.png");
    QVERIFY2(owner, "xclip did not take the clipboard");
    ::kill(pid_t(owner->process.processId()), SIGSTOP);
    QElapsedTimer took;
    took.start();
    const X11Selection got = readX11Selection(m_display, "CLIPBOARD", 300);
    const qint64 ms = took.elapsed();
    ::kill(pid_t(owner->process.processId()), SIGCONT);
    QCOMPARE(got.status, X11Selection::Status::TimedOut);
    QVERIFY2(got.error.contains(QLatin1String("did not answer")), qPrintable(got.error));
    QVERIFY2(ms >= 250 && ms < 5000, qPrintable(QString::number(ms)));
}

void TestDropContent::x11TooLarge()
{
    QVERIFY2(!startX().isEmpty(), "Xvfb did not start");
    auto owner = own(QByteArray(200000, 'x'));
    QVERIFY2(owner, "xclip did not take the clipboard");
    const X11Selection got = readX11Selection(m_display, "CLIPBOARD", 5000, 1000);
    QCOMPARE(got.status, X11Selection::Status::Failed);
    QVERIFY2(got.error.contains(QLatin1String("more than 1000 bytes")), qPrintable(got.error));
    QVERIFY(got.text.isEmpty());
}

void TestDropContent::x11NoDisplay()
{
    QElapsedTimer took;
    took.start();
    const X11Selection got = readX11Selection(":97531");
    QCOMPARE(got.status, X11Selection::Status::Failed);
    QVERIFY2(got.error.contains(QLatin1String("cannot connect")), qPrintable(got.error));
    QVERIFY(took.elapsed() < 5000);
}

void TestDropContent::cleanupTestCase()
{
    if (m_xvfb) {
        m_xvfb->terminate();
        m_xvfb->waitForFinished(5000);
    }
}

QTEST_MAIN(TestDropContent)
#include "tst_dropcontent.moc"
