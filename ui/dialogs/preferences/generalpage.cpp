// SPDX-License-Identifier: MIT
#include "dialogs/preferences/generalpage.h"

#include "gallery/gallerydelegate.h"
#include "preferences.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSpinBox>

namespace trove::ui {

GeneralPage::GeneralPage(QWidget *parent)
    : QWidget(parent)
    , m_theme(new QComboBox(this))
    , m_thumbnailSize(new QSpinBox(this))
{
    m_theme->setObjectName(QStringLiteral("themeBox"));
    m_theme->addItem(tr("As the desktop"), int(Theme::System));
    m_theme->addItem(tr("Light"), int(Theme::Light));
    m_theme->addItem(tr("Dark"), int(Theme::Dark));
    m_thumbnailSize->setObjectName(QStringLiteral("thumbnailSizeBox"));
    m_thumbnailSize->setRange(GalleryDelegate::kMinThumbnail, GalleryDelegate::kMaxThumbnail);
    m_thumbnailSize->setSingleStep(16);
    m_thumbnailSize->setSuffix(tr(" px"));
    // Typing "200" applies once, not as 2, 20 and 200.
    m_thumbnailSize->setKeyboardTracking(false);

    auto *form = new QFormLayout(this);
    form->addRow(tr("&Theme:"), m_theme);
    form->addRow(tr("T&humbnail size:"), m_thumbnailSize);
    auto *note
        = new QLabel(tr("The slider in the status bar and Ctrl++ / Ctrl+− change it too."), this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    form->addRow(note);
    // The language choice goes here (settings key ui/language), added with
    // the translations.

    connect(m_theme, &QComboBox::currentIndexChanged, this, &GeneralPage::edited);
    connect(m_thumbnailSize, &QSpinBox::valueChanged, this, &GeneralPage::edited);
}

GeneralPage::~GeneralPage() = default;

void GeneralPage::load(const Preferences &prefs)
{
    const QSignalBlocker a(m_theme);
    const QSignalBlocker b(m_thumbnailSize);
    m_theme->setCurrentIndex(m_theme->findData(int(prefs.theme)));
    m_thumbnailSize->setValue(prefs.thumbnailSize);
}

void GeneralPage::store(Preferences &prefs) const
{
    prefs.theme = Theme(m_theme->currentData().toInt());
    prefs.thumbnailSize = m_thumbnailSize->value();
}

} // namespace trove::ui
