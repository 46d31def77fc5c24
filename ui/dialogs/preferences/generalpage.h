// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QSpinBox;

namespace trove::ui {

struct Preferences;

/// Preferences ▸ General: the theme, the language (at the next start) and
/// the thumbnail size (the same as the status bar's slider). GUI thread.
class GeneralPage final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GeneralPage)

public:
    explicit GeneralPage(QWidget *parent = nullptr);
    ~GeneralPage() override;

    /// Shows @p prefs without emitting edited().
    void load(const Preferences &prefs);
    void store(Preferences &prefs) const;

    QComboBox *themeBox() const { return m_theme; }
    QComboBox *languageBox() const { return m_language; }
    /// "Applies when Trove starts next", shown once the language differs
    /// from the one this window started in.
    QLabel *languageNote() const { return m_languageNote; }
    QSpinBox *thumbnailSizeBox() const { return m_thumbnailSize; }

Q_SIGNALS:
    void edited();

private:
    void updateLanguageNote();

    QComboBox *m_theme;
    QComboBox *m_language;
    QLabel *m_languageNote;
    /// The language the window started in (installedLanguage()).
    QString m_startLanguage;
    QSpinBox *m_thumbnailSize;
};

} // namespace trove::ui
