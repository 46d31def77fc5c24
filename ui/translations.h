// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QString>

class QCoreApplication;

namespace trove::ui {

/// The window's language. Trove's catalogues are embedded (":/i18n") and
/// installed (share/trove/translations beside the executable's bin/, which
/// wins, so a corrected .qm can be dropped in); Qt's own (qtbase_*.qm: the
/// buttons of standard dialogs) come from Qt's translations folder.
/// Only the window is translated: `trove` commands and their output stay
/// English, since scripts parse them.
///
/// The Preferences dialog offers availableLanguages() in a combo box (an
/// entry "System language" with an empty code first), stores the choice in
/// userSettings() (base/platform.h) under kLanguageKey, and tells the person that it applies after
/// a restart (widgets built before do not retranslate). GUI thread.
struct Language {
    QString code; ///< "de", "fr", "en": a QLocale name
    QString nativeName; ///< "Deutsch", "Français", "English"
};

/// The QSettings key holding the chosen language code; empty or absent
/// means the system's language.
inline constexpr char kLanguageKey[] = "ui/language";

/// The languages Trove has a catalogue for, sorted by native name.
QList<Language> availableLanguages();

/// Installs the translators for @p language ("de", "fr_CH"; empty: the
/// system's UI languages in order of preference), replacing those a
/// previous call installed. English plural forms are installed under
/// every language, for strings a catalogue lacks. A chosen language also
/// becomes the default QLocale (numbers, dates). Returns the code of the
/// Trove catalogue in use ("de"), or "en" when there is none for it.
QString installTranslators(QCoreApplication &app, const QString &language);

/// The @p language the last installTranslators() was given (empty: the
/// system's, or none installed): the language the window started in.
QString installedLanguage();

/// installTranslators() for the language stored under kLanguageKey.
QString installConfiguredTranslators(QCoreApplication &app);

} // namespace trove::ui
