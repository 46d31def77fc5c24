// SPDX-License-Identifier: MIT
// What a paste or a drop carries, read from text and MIME data the way
// file managers and browsers offer it.

#include "ingest/dropcontent.h"

#include <QBuffer>
#include <QImage>
#include <QMimeData>
#include <QTest>

using trove::ui::DropContent;

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

QTEST_MAIN(TestDropContent)
#include "tst_dropcontent.moc"
