// SPDX-License-Identifier: MIT
#include "dialogs/preferences/librarypage.h"

#include "icons.h"
#include "preferences.h"
#include "storage/librarypaths.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace trove::ui {

LibraryPage::LibraryPage(QWidget *parent)
    : QWidget(parent)
    , m_location(new QLabel(this))
    , m_startNote(new QLabel(this))
    , m_useLibrary(new QPushButton(icon(Icon::OpenLibrary), tr("&Use Another Library…"), this))
    , m_moveLibrary(new QPushButton(tr("&Move Library…"), this))
    , m_exportFolder(new QLineEdit(this))
    , m_retention(new QSpinBox(this))
{
    m_location->setObjectName(QStringLiteral("libraryLocation"));
    m_location->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_location->setTextFormat(Qt::PlainText);
    m_location->setWordWrap(true);
    m_startNote->setWordWrap(true);
    m_startNote->setForegroundRole(QPalette::PlaceholderText);
    m_useLibrary->setObjectName(QStringLiteral("useLibraryButton"));
    m_useLibrary->setToolTip(tr("Show another library (a new, empty folder starts one) and open "
                                "it from now on when Trove starts"));
    m_moveLibrary->setObjectName(QStringLiteral("moveLibraryButton"));
    m_moveLibrary->setToolTip(tr("Move this library into an empty folder (on another disk, "
                                 "say) and use it from there"));

    auto *location = new QGroupBox(tr("Location"), this);
    auto *locationLayout = new QVBoxLayout(location);
    locationLayout->addWidget(m_location);
    locationLayout->addWidget(m_startNote);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_useLibrary);
    buttons->addWidget(m_moveLibrary);
    buttons->addStretch(1);
    locationLayout->addLayout(buttons);

    m_exportFolder->setObjectName(QStringLiteral("exportFolderField"));
    m_exportFolder->setPlaceholderText(QDir::toNativeSeparators(
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation)));
    m_exportFolder->setClearButtonEnabled(true);
    auto *browse = new QPushButton(tr("&Choose…"), this);
    auto *exportRow = new QHBoxLayout;
    exportRow->addWidget(m_exportFolder, 1);
    exportRow->addWidget(browse);

    m_retention->setObjectName(QStringLiteral("trashRetentionBox"));
    m_retention->setRange(0, 3650);
    m_retention->setSpecialValueText(tr("Until emptied by hand"));
    m_retention->setSuffix(tr(" days"));
    m_retention->setKeyboardTracking(false);
    m_retention->setToolTip(tr("Removed images older than this are deleted for good when a "
                               "library opens"));

    auto *other = new QGroupBox(tr("Files"), this);
    auto *form = new QFormLayout(other);
    // A row that is a layout gets no buddy by itself: the mnemonic needs one.
    auto *exportLabel = new QLabel(tr("&Export to:"), other);
    exportLabel->setBuddy(m_exportFolder);
    form->addRow(exportLabel, exportRow);
    form->addRow(tr("Keep removed images &for:"), m_retention);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(location);
    layout->addWidget(other);
    layout->addStretch(1);

    connect(m_useLibrary, &QPushButton::clicked, this, &LibraryPage::chooseLibrary);
    connect(m_moveLibrary, &QPushButton::clicked, this, &LibraryPage::chooseMoveDestination);
    connect(browse, &QPushButton::clicked, this, &LibraryPage::chooseExportFolder);
    connect(m_exportFolder, &QLineEdit::editingFinished, this, &LibraryPage::edited);
    connect(m_retention, &QSpinBox::valueChanged, this, &LibraryPage::edited);
}

LibraryPage::~LibraryPage() = default;

void LibraryPage::load(const Preferences &prefs)
{
    const QSignalBlocker a(m_exportFolder);
    const QSignalBlocker b(m_retention);
    if (m_exportFolder->text() != QDir::toNativeSeparators(prefs.exportFolder))
        m_exportFolder->setText(QDir::toNativeSeparators(prefs.exportFolder));
    m_retention->setValue(prefs.trashRetentionDays);
    m_libraryPath = prefs.libraryPath;
    updateLocation();
}

void LibraryPage::store(Preferences &prefs) const
{
    const QString folder = m_exportFolder->text().trimmed();
    prefs.exportFolder
        = folder.isEmpty() ? QString() : QDir::cleanPath(QDir::fromNativeSeparators(folder));
    prefs.trashRetentionDays = m_retention->value();
    prefs.libraryPath = m_libraryPath;
}

void LibraryPage::setCurrentLibrary(const QString &root)
{
    m_current = root;
    updateLocation();
}

void LibraryPage::useLibrary(const QString &dir)
{
    m_libraryPath = LibraryPaths(dir).root();
    updateLocation();
    Q_EMIT edited();
}

void LibraryPage::moveLibrary(const QString &dir)
{
    Q_EMIT moveRequested(dir);
}

void LibraryPage::updateLocation()
{
    m_moveLibrary->setEnabled(!m_current.isEmpty());
    m_location->setText(
        m_current.isEmpty() ? tr("No library is open") : QDir::toNativeSeparators(m_current));
    // What opens at start: the chosen one, or the default; --library and
    // TROVE_LIBRARY still win for one start.
    const QString atStart = LibraryPaths::resolve().root();
    m_startNote->setText(atStart == m_current
            ? tr("Trove opens this library when it starts.")
            : tr("When it starts, Trove opens %1.").arg(QDir::toNativeSeparators(atStart)));
}

void LibraryPage::chooseLibrary()
{
    const QString dir
        = QFileDialog::getExistingDirectory(this, tr("Use Another Library"), m_current);
    if (!dir.isEmpty())
        useLibrary(dir);
}

void LibraryPage::chooseMoveDestination()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Move Library To (an Empty Folder)"), QFileInfo(m_current).absolutePath());
    if (!dir.isEmpty())
        moveLibrary(dir);
}

void LibraryPage::chooseExportFolder()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export To"),
        m_exportFolder->text().isEmpty() ? m_exportFolder->placeholderText()
                                         : m_exportFolder->text());
    if (dir.isEmpty())
        return;
    m_exportFolder->setText(QDir::toNativeSeparators(dir));
    Q_EMIT edited();
}

} // namespace trove::ui
