// SPDX-License-Identifier: MIT
#include "mainmenus.h"

#include "dialogs/helpdialogs.h"
#include "gallery/browsebar.h"
#include "gallery/galleryview.h"
#include "gallery/imageactions.h"
#include "icons.h"
#include "ingest/ingestqueuepanel.h"

#include <QApplication>
#include <QDockWidget>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QUndoStack>

namespace trove::ui {

MainMenus::MainMenus(const Parts &parts)
    : QObject(parts.window)
{
    QMainWindow *window = parts.window;
    QMenuBar *bar = window->menuBar();

    QMenu *file = bar->addMenu(tr("&File"));
    m_adding.append(file->addAction(icon(Icon::Add), tr("&Add Image Files…"), QKeySequence::Open,
        this, &MainMenus::addFilesRequested));
    m_adding.append(file->addAction(
        icon(Icon::ImportFolder), tr("Import &Folder…"), this, &MainMenus::importFolderRequested));
    file->addAction(icon(Icon::OpenLibrary), tr("Open &Library…"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), this, &MainMenus::openLibraryRequested);
    file->addAction(icon(Icon::BackUp), tr("&Back Up Library…"), this, &MainMenus::backupRequested);
    file->addSeparator();
    file->addAction(parts.actions->exportAction());
    file->addSeparator();
    file->addAction(parts.localApi);
    file->addSeparator();
    file->addAction(icon(Icon::Quit), tr("&Quit"), QKeySequence::Quit, window, &QWidget::close);

    QMenu *edit = bar->addMenu(tr("&Edit"));
    if (parts.undo) {
        QAction *undo = parts.undo->createUndoAction(this, tr("&Undo"));
        undo->setShortcut(QKeySequence::Undo);
        undo->setIcon(icon(Icon::Undo));
        QAction *redo = parts.undo->createRedoAction(this, tr("&Redo"));
        redo->setShortcut(QKeySequence::Redo);
        redo->setIcon(icon(Icon::Redo));
        edit->addAction(undo);
        edit->addAction(redo);
        // Also on the window itself: the shortcuts work wherever the focus
        // is, even after a dialog closed.
        window->addAction(undo);
        window->addAction(redo);
        edit->addSeparator();
    }
    // Anywhere in the window: pasting adds images (a text field with focus
    // still takes its own Ctrl+V first).
    QAction *paste = edit->addAction(icon(Icon::Paste), tr("&Paste Links or Image"),
        QKeySequence::Paste, this, &MainMenus::pasteRequested);
    paste->setShortcutContext(Qt::WindowShortcut);
    m_adding.append(paste);
    edit->addSeparator();
    QAction *selectAll = edit->addAction(
        tr("Select &All"), QKeySequence::SelectAll, parts.gallery, &QAbstractItemView::selectAll);
    selectAll->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    parts.gallery->addAction(selectAll);
    edit->addAction(
        icon(Icon::Search), tr("&Find"), QKeySequence::Find, this, &MainMenus::findRequested);
    edit->addSeparator();
    QAction *preferences = edit->addAction(
        icon(Icon::Settings), tr("Pr&eferences…"), this, &MainMenus::preferencesRequested);
    preferences->setObjectName(QStringLiteral("preferencesAction"));
    preferences->setMenuRole(QAction::PreferencesRole);
    // The platform's key where it has one, and Ctrl+, as KDE applications use.
    QList<QKeySequence> keys = QKeySequence::keyBindings(QKeySequence::Preferences);
    if (!keys.contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)))
        keys << QKeySequence(Qt::CTRL | Qt::Key_Comma);
    preferences->setShortcuts(keys);

    parts.actions->fillMenu(bar->addMenu(tr("&Image")));

    QMenu *view = bar->addMenu(tr("&View"));
    view->addMenu(parts.browse->createSortMenu(window));
    QAction *larger = view->addAction(tr("&Larger Thumbnails"), QKeySequence::ZoomIn, this,
        [this] { Q_EMIT thumbnailStepRequested(1); });
    QAction *smaller = view->addAction(tr("S&maller Thumbnails"), QKeySequence::ZoomOut, this,
        [this] { Q_EMIT thumbnailStepRequested(-1); });
    // Ctrl+= is Ctrl++ without Shift on most layouts: people press it.
    larger->setShortcuts(
        QKeySequence::keyBindings(QKeySequence::ZoomIn) << QKeySequence(Qt::CTRL | Qt::Key_Equal));
    // Only over the grid: in the viewer the same keys zoom the image.
    for (QAction *action : { larger, smaller }) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        parts.gallery->addAction(action);
    }
    view->addSeparator();
    QAction *queue = parts.queueDock->toggleViewAction();
    queue->setText(tr("Ingest &Queue"));
    queue->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    view->addAction(queue);
    QAction *tags = parts.tagDock->toggleViewAction();
    tags->setText(tr("&Tags"));
    tags->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    view->addAction(tags);
    if (parts.collectionsDock) {
        QAction *collections = parts.collectionsDock->toggleViewAction();
        collections->setText(tr("&Collections"));
        view->addAction(collections);
    }
    view->addAction(parts.queue->pauseAction());
    view->addAction(parts.queue->clearFinishedAction());
    view->addAction(icon(Icon::Statistics), tr("&Statistics…"), QKeySequence(Qt::CTRL | Qt::Key_I),
        this, &MainMenus::statisticsRequested);
    view->addAction(icon(Icon::Delete), tr("&Trash…"), this, &MainMenus::trashRequested);

    QMenu *help = bar->addMenu(tr("&Help"));
    help->addAction(icon(Icon::Help), tr("&Keyboard Shortcuts"), QKeySequence::HelpContents, this,
        [window] { HelpDialogs::showShortcuts(window); });
    help->addAction(
        tr("&Search Syntax"), this, [window] { HelpDialogs::showSearchSyntax(window); });
    help->addSeparator();
    help->addAction(
        appIcon(), tr("&About Trove"), this, [window] { HelpDialogs::showAbout(window); });
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

MainMenus::~MainMenus() = default;

void MainMenus::setWritable(bool writable)
{
    for (QAction *action : std::as_const(m_adding))
        action->setEnabled(writable);
}

} // namespace trove::ui
