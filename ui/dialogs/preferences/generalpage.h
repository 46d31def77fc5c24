// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QComboBox;
class QSpinBox;

namespace trove::ui {

struct Preferences;

/// Preferences ▸ General: the theme and the thumbnail size (the same as
/// the status bar's slider). GUI thread.
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
    QSpinBox *thumbnailSizeBox() const { return m_thumbnailSize; }

Q_SIGNALS:
    void edited();

private:
    QComboBox *m_theme;
    QSpinBox *m_thumbnailSize;
};

} // namespace trove::ui
