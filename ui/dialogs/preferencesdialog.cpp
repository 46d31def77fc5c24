// SPDX-License-Identifier: MIT
#include "dialogs/preferencesdialog.h"

#include "dialogs/preferences/downloadspage.h"
#include "dialogs/preferences/generalpage.h"
#include "dialogs/preferences/librarypage.h"
#include "dialogs/preferences/localapipage.h"
#include "icons.h"
#include "screenfit.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace trove::ui {

PreferencesDialog::PreferencesDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_general(new GeneralPage(this))
    , m_downloads(new DownloadsPage(this))
    , m_library(new LibraryPage(this))
    , m_localApi(new LocalApiPage(this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));

    const struct {
        QWidget *page;
        QString title;
        QIcon icon;
    } pages[] = {
        { m_general, tr("General"), icon(Icon::Settings) },
        { m_downloads, tr("Downloads"), icon(Icon::Download) },
        { m_library, tr("Library"), icon(Icon::OpenLibrary) },
        { m_localApi, tr("Local API"), icon(Icon::OpenInBrowser) },
    };
    m_list->setObjectName(QStringLiteral("preferencesPages"));
    // Icon beside the name: every row the same height whatever size the
    // theme's icons come in.
    m_list->setIconSize(QSize(24, 24));
    m_list->setSpacing(3);
    m_list->setUniformItemSizes(true);
    for (const auto &p : pages) {
        new QListWidgetItem(p.icon, p.title, m_list); // owned by the list
        // A title over each page, as KDE's settings dialogs have.
        auto *holder = new QWidget(m_pages);
        auto *layout = new QVBoxLayout(holder);
        layout->setContentsMargins(12, 0, 0, 0);
        auto *title = new QLabel(p.title, holder);
        QFont big = title->font();
        big.setPointSizeF(big.pointSizeF() * 1.3);
        big.setBold(true);
        title->setFont(big);
        layout->addWidget(title);
        layout->addSpacing(6);
        layout->addWidget(p.page);
        layout->addStretch(1);
        m_pages->addWidget(holder);
    }
    m_list->setFixedWidth(m_list->sizeHintForColumn(0) + 2 * m_list->frameWidth() + 24);
    m_list->setCurrentRow(0);
    connect(m_list, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    auto *buttons
        = new QDialogButtonBox(QDialogButtonBox::Close | QDialogButtonBox::RestoreDefaults, this);
    buttons->button(QDialogButtonBox::RestoreDefaults)
        ->setToolTip(tr("The default of every setting on this page"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
        &PreferencesDialog::restoreDefaults);

    auto *body = new QHBoxLayout;
    body->addWidget(m_list);
    body->addWidget(m_pages, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addWidget(buttons);

    connect(m_general, &GeneralPage::edited, this, &PreferencesDialog::collect);
    connect(m_downloads, &DownloadsPage::edited, this, &PreferencesDialog::collect);
    connect(m_library, &LibraryPage::edited, this, &PreferencesDialog::collect);
    connect(m_localApi, &LocalApiPage::edited, this, &PreferencesDialog::collect);
    connect(m_library, &LibraryPage::moveRequested, this, &PreferencesDialog::moveLibraryRequested);
    connect(m_localApi, &LocalApiPage::keyRenewed, this, &PreferencesDialog::apiKeyRenewed);
    resize(withinScreen(QSize(640, 420), this));
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::setPreferences(const Preferences &prefs)
{
    m_prefs = prefs;
    m_general->load(prefs);
    m_downloads->load(prefs);
    m_library->load(prefs);
    m_localApi->load(prefs);
}

void PreferencesDialog::setLibrary(const LibraryPaths &paths)
{
    m_library->setCurrentLibrary(paths.root());
    m_localApi->setLibrary(paths);
}

void PreferencesDialog::showPage(Page page)
{
    m_list->setCurrentRow(int(page));
}

void PreferencesDialog::collect()
{
    Preferences next = m_prefs;
    m_general->store(next);
    m_downloads->store(next);
    m_library->store(next);
    m_localApi->store(next);
    if (next == m_prefs)
        return;
    m_prefs = next;
    Q_EMIT preferencesChanged(m_prefs);
}

void PreferencesDialog::restoreDefaults()
{
    // Only the page shown: a person resetting the downloads does not mean
    // to switch libraries or turn the local API off.
    const Preferences defaults;
    Preferences next = m_prefs;
    switch (Page(m_pages->currentIndex())) {
    case General:
        next.theme = defaults.theme;
        next.thumbnailSize = defaults.thumbnailSize;
        break;
    case Downloads:
        next.maxDownloadMiB = defaults.maxDownloadMiB;
        next.perHost = defaults.perHost;
        next.stallTimeoutSeconds = defaults.stallTimeoutSeconds;
        next.totalTimeoutMinutes = defaults.totalTimeoutMinutes;
        break;
    case Library:
        next.exportFolder = defaults.exportFolder;
        next.trashRetentionDays = defaults.trashRetentionDays;
        break;
    case LocalApi:
        next.apiPort = defaults.apiPort;
        next.allowedOrigins = defaults.allowedOrigins;
        break;
    }
    setPreferences(next);
    Q_EMIT preferencesChanged(m_prefs);
}

} // namespace trove::ui
