// SPDX-License-Identifier: MIT
#include "translations.h"

#include "base/platform.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>
#include <algorithm>

namespace trove::ui {

namespace {

const QString kEmbedded = QStringLiteral(":/i18n");
// Marks the translators this file installed, so that a second call
// replaces them instead of stacking.
const char *const kOwnedProperty = "troveTranslator";
// The language installTranslators() was asked for, as stored (empty: the
// system's): what Preferences compares a new choice with.
const char *const kRequestedProperty = "troveRequestedLanguage";

// Installed beside the executable (bin/../share/trove/translations): the
// .deb, the portable archive and a `cmake --install` prefix alike.
QString installedDir()
{
    return QDir(QCoreApplication::applicationDirPath())
        .absoluteFilePath(QStringLiteral("../share/trove/translations"));
}

// The installed catalogue if there is one for @p locale, else the embedded.
bool loadTrove(QTranslator &translator, const QLocale &locale)
{
    const QString prefix = QStringLiteral("trove");
    const QString separator = QStringLiteral("_");
    return translator.load(locale, prefix, separator, installedDir())
        || translator.load(locale, prefix, separator, kEmbedded);
}

void install(QCoreApplication &app, QTranslator *translator)
{
    translator->setProperty(kOwnedProperty, true);
    translator->setParent(&app);
    QCoreApplication::installTranslator(translator);
}

} // namespace

QList<Language> availableLanguages()
{
    QStringList codes;
    for (const QString &dir : { installedDir(), kEmbedded }) {
        const QStringList files
            = QDir(dir).entryList({ QStringLiteral("trove_*.qm") }, QDir::Files);
        for (const QString &file : files) {
            const QString code = file.mid(6, file.size() - 6 - 3); // trove_<code>.qm
            if (!codes.contains(code))
                codes.append(code);
        }
    }
    QList<Language> languages;
    for (const QString &code : std::as_const(codes)) {
        const QLocale locale(code);
        // "en" is en_US to QLocale, whose name is "American English".
        QString name = locale.language() == QLocale::English && !code.contains(QLatin1Char('_'))
            ? QStringLiteral("English")
            : locale.nativeLanguageName();
        if (!name.isEmpty())
            name[0] = name[0].toUpper(); // "français" in a list of names
        languages.append({ code, name.isEmpty() ? code : name });
    }
    std::sort(languages.begin(), languages.end(), [](const Language &a, const Language &b) {
        return QString::localeAwareCompare(a.nativeName, b.nativeName) < 0;
    });
    return languages;
}

QString installTranslators(QCoreApplication &app, const QString &language)
{
    const QList<QTranslator *> previous = app.findChildren<QTranslator *>();
    for (QTranslator *old : previous) {
        if (old->property(kOwnedProperty).toBool()) {
            QCoreApplication::removeTranslator(old);
            delete old;
        }
    }
    app.setProperty(kRequestedProperty, language);
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);

    // Installed first, asked last: English plurals under everything.
    auto *english = new QTranslator;
    if (loadTrove(*english, QLocale(QLocale::English)))
        install(app, english);
    else
        delete english;

    QString inUse = QStringLiteral("en");
    auto *trove = new QTranslator;
    if (locale.language() != QLocale::English && loadTrove(*trove, locale)) {
        inUse = trove->language();
        install(app, trove);
    } else {
        delete trove;
    }
    auto *qt = new QTranslator;
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        install(app, qt);
    else
        delete qt;
    return inUse;
}

QString installedLanguage()
{
    return qApp ? qApp->property(kRequestedProperty).toString() : QString();
}

QString installConfiguredTranslators(QCoreApplication &app)
{
    return installTranslators(
        app, userSettings()->value(QLatin1String(kLanguageKey)).toString().trimmed());
}

} // namespace trove::ui
