// SPDX-License-Identifier: MIT
#include "dialogs/preferences/generalpage.h"

#include "gallery/gallerydelegate.h"
#include "preferences.h"
#include "translations.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>
#include <algorithm>

namespace trove::ui {

GeneralPage::GeneralPage(QWidget *parent)
    : QWidget(parent)
    , m_theme(new QComboBox(this))
    , m_language(new QComboBox(this))
    , m_languageNote(new QLabel(tr("The new language shows when Trove starts next."), this))
    , m_startLanguage(installedLanguage())
    , m_thumbnailSize(new QSpinBox(this))
{
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("As the desktop"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_language->setObjectName(QStringLiteral("languageBox"));
    m_language->addItem(tr("As the system"), QString());
    for (const Language &language : availableLanguages())
        m_language->addItem(language.nativeName, language.code);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);
    m_languageNote->setForegroundRole(QPalette::PlaceholderText);
    m_languageNote->hide();
    m_thumbnailSize->setObjectName(QStringLiteral("thumbnailSizeBox"));
    m_thumbnailSize->setRange(GalleryDelegate::kMinThumbnail, GalleryDelegate::kMaxThumbnail);
    m_thumbnailSize->setSingleStep(16);
    m_thumbnailSize->setSuffix(tr(" px"));
    // Typing "200" applies once, not as 2, 20 and 200.
    m_thumbnailSize->setKeyboardTracking(false);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(m_languageNote);
    form->addRow(tr("T&humbnail size:"), m_thumbnailSize);
    auto *note
        = new QLabel(tr("The slider in the status bar and Ctrl++ / Ctrl+− change it too."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(note);

    connect(m_theme, &QComboBox::currentIndexChanged, this, &GeneralPage::edited);
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] {
        updateLanguageNote();
        Q_EMIT edited();
    });
    connect(m_thumbnailSize, &QSpinBox::valueChanged, this, &GeneralPage::edited);
}

GeneralPage::~GeneralPage() = default;

void GeneralPage::load(const Preferences &prefs)
{
    const QSignalBlocker a(m_theme);
    const QSignalBlocker b(m_thumbnailSize);
    const QSignalBlocker c(m_language);
    m_theme->setCurrentIndex(m_theme->findData(int(prefs.theme)));
    // A language without a catalogue (any more) is the system's.
    m_language->setCurrentIndex(std::max(0, m_language->findData(prefs.language)));
    updateLanguageNote();
    m_thumbnailSize->setValue(prefs.thumbnailSize);
}

void GeneralPage::store(Preferences &prefs) const
{
    prefs.theme = Theme(m_theme->currentData().toInt());
    prefs.language = m_language->currentData().toString();
    prefs.thumbnailSize = m_thumbnailSize->value();
}

void GeneralPage::updateLanguageNote()
{
    m_languageNote->setVisible(m_language->currentData().toString() != m_startLanguage);
}

} // namespace trove::ui
