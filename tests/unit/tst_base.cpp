// SPDX-License-Identifier: MIT
// base/: the small pure helpers every room uses. safeFileName: what an
// image's name becomes as a file name, for the CLI's export and for drags.

#include "base/filenames.h"

#include <QTest>

using namespace trove;

class TestBase final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void safeFileName_data();
    void safeFileName();
    void safeFileNameBounds_data();
    void safeFileNameBounds();
};

void TestBase::safeFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("cat") << QStringLiteral("png")
                           << QStringLiteral("cat.png");
    QTest::newRow("jpeg gives jpg")
        << QStringLiteral("cat") << QStringLiteral("jpeg") << QStringLiteral("cat.jpg");
    QTest::newRow("format upper case")
        << QStringLiteral("cat") << QStringLiteral("PNG") << QStringLiteral("cat.png");
    QTest::newRow("extension already there")
        << QStringLiteral("cat.JPG") << QStringLiteral("jpeg") << QStringLiteral("cat.JPG");
    QTest::newRow("another extension kept")
        << QStringLiteral("cat.gif") << QStringLiteral("png") << QStringLiteral("cat.gif.png");
    QTest::newRow("no format") << QStringLiteral("cat") << QString() << QStringLiteral("cat");
    QTest::newRow("separators") << QStringLiteral("a/b\\c") << QStringLiteral("png")
                                << QStringLiteral("a_b_c.png");
    QTest::newRow("path escape") << QStringLiteral("../../etc/passwd") << QString()
                                 << QStringLiteral("_.._etc_passwd");
    QTest::newRow("windows characters")
        << QStringLiteral("a:b*c?d\"e<f>g|h") << QStringLiteral("png")
        << QStringLiteral("a_b_c_d_e_f_g_h.png");
    QTest::newRow("a run becomes one")
        << QStringLiteral("a//:**b") << QStringLiteral("png") << QStringLiteral("a_b.png");
    QTest::newRow("C0 controls") << QStringLiteral("a\nb\tc\x01") << QStringLiteral("png")
                                 << QStringLiteral("a_b_c_.png");
    QTest::newRow("DEL and C1 controls")
        << (QStringLiteral("a") + QChar(0x7F) + QStringLiteral("b") + QChar(0x85))
        << QStringLiteral("png") << QStringLiteral("a_b_.png");
    QTest::newRow("leading dots") << QStringLiteral("...hidden") << QStringLiteral("png")
                                  << QStringLiteral("hidden.png");
    QTest::newRow("trailing dots and spaces")
        << QStringLiteral("  cat . ") << QStringLiteral("png") << QStringLiteral("cat.png");
    QTest::newRow("only dots") << QStringLiteral("..") << QStringLiteral("png")
                               << QStringLiteral("3f2a9c1e.png");
    QTest::newRow("empty") << QString() << QStringLiteral("gif") << QStringLiteral("3f2a9c1e.gif");
    QTest::newRow("white space") << QStringLiteral(" \t ") << QStringLiteral("gif")
                                 << QStringLiteral("_.gif");
    QTest::newRow("device name") << QStringLiteral("con") << QStringLiteral("png")
                                 << QStringLiteral("_con.png");
    QTest::newRow("device name with extension")
        << QStringLiteral("NUL.txt") << QStringLiteral("png") << QStringLiteral("_NUL.txt.png");
    QTest::newRow("not a device name")
        << QStringLiteral("console") << QStringLiteral("png") << QStringLiteral("console.png");
    QTest::newRow("unicode kept") << QStringLiteral("Katze 猫 😺") << QStringLiteral("webp")
                                  << QStringLiteral("Katze 猫 😺.webp");
}

void TestBase::safeFileName()
{
    QFETCH(QString, name);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QCOMPARE(trove::safeFileName(name, format, QStringLiteral("3f2a9c1e")), expected);
}

void TestBase::safeFileNameBounds_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("chars"); // of the name part, without ".png"

    QTest::newRow("short") << QString(50, QLatin1Char('a')) << 50;
    QTest::newRow("ascii at the bound")
        << QString(kMaxBaseChars, QLatin1Char('a')) << kMaxBaseChars;
    QTest::newRow("ascii over the bound") << QString(300, QLatin1Char('a')) << kMaxBaseChars;
    // 3 bytes each in UTF-8: the byte bound cuts first.
    QTest::newRow("cjk") << QString(300, QChar(0x732B)) << kMaxBaseBytes / 3;
    // 4 bytes and 2 UTF-16 units each: never cut inside a pair.
    QTest::newRow("emoji") << QString::fromUtf8("😺").repeated(100) << 2 * (kMaxBaseBytes / 4);
    QTest::newRow("cut ends on a space")
        << (QString(kMaxBaseChars - 1, QLatin1Char('a')) + QStringLiteral(" b"))
        << kMaxBaseChars - 1;
}

void TestBase::safeFileNameBounds()
{
    QFETCH(QString, name);
    QFETCH(int, chars);
    const QString file = trove::safeFileName(name, QStringLiteral("png"), QStringLiteral("x"));
    QVERIFY(file.endsWith(QLatin1String(".png")));
    const QString base = file.chopped(4);
    QCOMPARE(base.size(), chars);
    QVERIFY(base.toUtf8().size() <= kMaxBaseBytes);
    QVERIFY(file.toUtf8().size() < 255);
    QVERIFY(!base.back().isHighSurrogate());
    QVERIFY(name.startsWith(base));
}

QTEST_GUILESS_MAIN(TestBase)
#include "tst_base.moc"
