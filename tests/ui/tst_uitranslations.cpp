// SPDX-License-Identifier: MIT
// The window speaks German and French as well as English: menus, plurals
// ("1 Bild", "5 Bilder"), and every string of the catalogues translated,
// with its placeholders and one accelerator; `trove` commands stay English
// whatever the window's language, since scripts parse them.

#include "api/apiconfig.h"
#include "librarystatuslabel.h"
#include "translations.h"
#include "uifixture.h"

#include <QFile>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QXmlStreamReader>

using namespace trove;

class TestUiTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void languagesOffered();
    void windowSpeaks_data();
    void windowSpeaks();
    void systemLanguageFollowed();
    void catalogueComplete_data();
    void catalogueComplete();
    void commandsStayEnglish();

private:
    QTemporaryDir m_settings;
};

void TestUiTranslations::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
}

void TestUiTranslations::cleanupTestCase()
{
    ui::installTranslators(*QCoreApplication::instance(), QStringLiteral("en"));
}

void TestUiTranslations::languagesOffered()
{
    QStringList offered;
    for (const ui::Language &language : ui::availableLanguages())
        offered << language.code + QLatin1Char('=') + language.nativeName;
    QVERIFY2(offered.contains(QStringLiteral("de=Deutsch")), qPrintable(offered.join(' ')));
    QVERIFY2(offered.contains(QStringLiteral("fr=Français")), qPrintable(offered.join(' ')));
    QVERIFY2(offered.contains(QStringLiteral("en=English")), qPrintable(offered.join(' ')));
}

void TestUiTranslations::windowSpeaks_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("fileMenu");
    QTest::addColumn<QString>("one");
    QTest::addColumn<QString>("five");
    QTest::addColumn<QString>("cancel"); // Qt's own (qtbase), in a message box
    // The local API's reason, under Preferences' allowed origins.
    QTest::addColumn<QString>("noScheme");
    QTest::newRow("de") << "de"
                        << "&Datei"
                        << "1 Bild"
                        << "5 Bilder"
                        << "Abbrechen"
                        << "localhost:8080 hat kein Schema";
    QTest::newRow("fr") << "fr"
                        << "&Fichier"
                        << "1 image"
                        << "5 images"
                        << "Annuler"
                        << "localhost:8080 n’a pas de schéma";
    QTest::newRow("en") << "en"
                        << "&File"
                        << "1 image"
                        << "5 images"
                        << "&Cancel"
                        << "localhost:8080 has no scheme";
}

void TestUiTranslations::windowSpeaks()
{
    QFETCH(QString, language);
    QFETCH(QString, fileMenu);
    QFETCH(QString, one);
    QFETCH(QString, five);
    QFETCH(QString, cancel);
    QFETCH(QString, noScheme);
    QCOMPARE(ui::installTranslators(*QCoreApplication::instance(), language), language);
    QTemporaryDir library;
    auto window = uitest::openWindow(library.path());
    const QList<QAction *> menus = window->menuBar()->actions();
    QVERIFY(!menus.isEmpty());
    QCOMPARE(menus.first()->text(), fileMenu);
    LibraryStats stats;
    stats.images = 1;
    QVERIFY2(ui::LibraryStatusLabel::summary(stats).startsWith(one),
        qPrintable(ui::LibraryStatusLabel::summary(stats)));
    stats.images = 5;
    QVERIFY2(ui::LibraryStatusLabel::summary(stats).startsWith(five),
        qPrintable(ui::LibraryStatusLabel::summary(stats)));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel").remove(QLatin1Char('&')),
        cancel.remove(QLatin1Char('&')));
    const QString reason = api::ApiConfig::originProblem(QStringLiteral("localhost:8080"));
    QVERIFY2(reason.startsWith(noScheme), qPrintable(reason));
}

void TestUiTranslations::systemLanguageFollowed()
{
    // Empty: the system's language, whatever it is here; English when
    // Trove has no catalogue for it.
    const QString inUse = ui::installTranslators(*QCoreApplication::instance(), QString());
    const QString system = QLocale::system().name().section(QLatin1Char('_'), 0, 0);
    QCOMPARE(inUse,
        system == QLatin1String("de") || system == QLatin1String("fr") ? system
                                                                       : QStringLiteral("en"));
    QCOMPARE(ui::installTranslators(*QCoreApplication::instance(), QStringLiteral("de_AT")),
        QStringLiteral("de"));
}

void TestUiTranslations::catalogueComplete_data()
{
    QTest::addColumn<QString>("file");
    for (const char *language : { "de", "fr", "en" })
        QTest::newRow(language)
            << QStringLiteral(TROVE_TRANSLATIONS_DIR "/trove_%1.ts").arg(QLatin1String(language));
}

namespace {

// %1..%9 and %n/%Ln, as a sorted list: a translation keeps every one.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%L?[1-9n]"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured().remove(QLatin1Char('L'));
    found.removeDuplicates();
    found.sort();
    return found;
}

int accelerators(QString text)
{
    return int(text.remove(QStringLiteral("&&")).count(QLatin1Char('&')));
}

} // namespace

// A string added to the window and not translated fails here: run the
// update_translations target and translate it (resources/translations/README.md).
void TestUiTranslations::catalogueComplete()
{
    QFETCH(QString, file);
    QFile ts(file);
    QVERIFY2(ts.open(QIODevice::ReadOnly), qPrintable(file));
    const bool english = file.endsWith(QLatin1String("_en.ts"));
    QXmlStreamReader xml(&ts);
    int messages = 0;
    bool numerus = false;
    QString source;
    QString type;
    QStringList forms;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            if (xml.name() == QLatin1String("message")) {
                numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
                source.clear();
                forms.clear();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                type = xml.attributes().value(QLatin1String("type")).toString();
                if (!numerus)
                    forms << xml.readElementText();
            } else if (xml.name() == QLatin1String("numerusform")) {
                forms << xml.readElementText();
            }
            continue;
        }
        if (!xml.isEndElement() || xml.name() != QLatin1String("message"))
            continue;
        ++messages;
        const QString where = QStringLiteral("%1: “%2” → “%3”").arg(file, source, forms.join('|'));
        QVERIFY2(type.isEmpty(), qPrintable(type + QLatin1Char(' ') + where));
        if (numerus)
            QVERIFY2(forms.size() == 2, qPrintable(where)); // one, many: de, fr and en alike
        else
            QVERIFY2(english || !forms.value(0).isEmpty(), qPrintable(where));
        for (int f = 0; f < forms.size(); ++f) {
            QStringList wanted = placeholders(source);
            QStringList got = placeholders(forms[f]);
            // The singular may say the count in words ("Copied the source link").
            if (numerus && f == 0) {
                wanted.removeAll(QStringLiteral("%n"));
                got.removeAll(QStringLiteral("%n"));
            }
            QVERIFY2(got == wanted, qPrintable(where));
            QVERIFY2(accelerators(forms[f]) == accelerators(source), qPrintable(where));
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    QVERIFY(messages > (english ? 20 : 400));
}

// The CLI never loads a catalogue: German settings and a German system
// change nothing in what `trove` prints.
void TestUiTranslations::commandsStayEnglish()
{
    QTemporaryDir home;
    QDir(home.path()).mkpath(QStringLiteral("config/Trove"));
    QFile conf(home.filePath(QStringLiteral("config/Trove/Trove.conf")));
    QVERIFY(conf.open(QIODevice::WriteOnly));
    conf.write("[ui]\nlanguage=de\n");
    conf.close();
    QProcess trove;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("LANG"), QStringLiteral("de_DE.UTF-8"));
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("de"));
    trove.setProcessEnvironment(env);
    trove.start(QStringLiteral(TROVE_BINARY),
        { QStringLiteral("add"), QStringLiteral("--library"), home.filePath(QStringLiteral("lib")),
            home.filePath(QStringLiteral("missing.png")) });
    QVERIFY(trove.waitForFinished(test::kLivenessMs));
    const QString err = QString::fromUtf8(trove.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("no such file")), qPrintable(err));
    QCOMPARE(trove.exitCode(), 1);
}

QTEST_MAIN(TestUiTranslations)
#include "tst_uitranslations.moc"
