// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "dialogs/backupprogress.h"
#include "dialogs/librarymover.h"
#include "dialogs/libraryproblems.h"
#include "dialogs/libraryrepair.h"
#include "dialogs/preferencesdialog.h"
#include "dialogs/statisticsdialog.h"
#include "dialogs/trashdialog.h"
#include "filedialogs.h"
#include "gallery/browsebar.h"
#include "gallery/collectionsdock.h"
#include "gallery/collectionspanel.h"
#include "gallery/dragexporter.h"
#include "gallery/gallerydelegate.h"
#include "gallery/galleryescape.h"
#include "gallery/galleryview.h"
#include "gallery/imageactions.h"
#include "gallery/selectionkeeper.h"
#include "gallery/tagcompleter.h"
#include "gallery/tagsidebar.h"
#include "gallery/thumbnailsizecontrol.h"
#include "hashingstatuslabel.h"
#include "icons.h"
#include "ingest/diskfullbar.h"
#include "ingest/droptarget.h"
#include "ingest/duplicateoffer.h"
#include "ingest/ingestbar.h"
#include "ingest/ingestcontroller.h"
#include "ingest/ingestqueuepanel.h"
#include "ingest/queuedockfit.h"
#include "ingest/queuelistview.h"
#include "ingest/walkprogress.h"
#include "librarystatuslabel.h"
#include "localapihost.h"
#include "mainmenus.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"
#include "screenfit.h"
#include "selectioncountlabel.h"
#include "statusmessagetimes.h"
#include "statustray.h"
#include "theme.h"
#include "viewer/fullscreenchrome.h"
#include "viewer/imagecanvas.h"
#include "viewer/imageviewer.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

namespace trove::ui {

MainWindow::MainWindow(const LibraryPaths &paths, QWidget *parent)
    : QMainWindow(parent)
    , m_stack(new QStackedWidget(this))
    , m_browse(new BrowseBar(this))
    , m_diskFull(new DiskFullBar(this))
    , m_duplicateOffer(new DuplicateOffer(this))
    , m_gallery(new GalleryView(this))
    , m_keeper(new SelectionKeeper(m_gallery))
    , m_viewer(new ImageViewer(this))
    , m_ingestBar(new IngestBar(this))
    , m_queue(new IngestQueuePanel(this))
    , m_queueDock(new QDockWidget(tr("Ingest Queue"), this))
    , m_tagSidebar(new TagSidebar(this))
    , m_tagDock(new QDockWidget(tr("Tags"), this))
    , m_searchCompleter(new TagCompleter(m_browse->searchField(), TagCompleter::Mode::Search, this))
    , m_addCompleter(new TagCompleter(m_ingestBar->tagsField(), TagCompleter::Mode::TagList, this))
    , m_status(new LibraryStatusLabel(this))
    , m_sizeControl(new ThumbnailSizeControl(this))
    , m_selection(new SelectionCountLabel(m_gallery, this))
    , m_walkProgress(new WalkProgress(this))
    , m_undo(new QUndoStack(this))
    , m_controller(new IngestController(this))
    , m_drops(new DropTarget(this))
    , m_exporter(new DragExporter(this))
    , m_actions(new ImageActions(this))
    , m_localApi(new LocalApiHost(this))
    , m_problems(new LibraryProblems(
          { this, [this] { return m_session.get(); },
              [this](const LibraryPaths &p, int attempt) { openLibraryAttempt(p, attempt); },
              [this] { detachSession(); },
              [this](const QString &text, int timeoutMs) { showMessage(text, timeoutMs); } },
          this))
    , m_access(new QLabel(this))
    , m_hashing(new HashingStatusLabel(this))
    , m_mover(new LibraryMover(m_controller, this))
{
    setWindowIcon(appIcon());
    // Suggestions open below the search's error line, not over it.
    m_searchCompleter->keepVisible(m_browse->searchError());
    buildPages();
    buildDocks();
    connectIngest();
    connectBrowsing();
    connectViewer();
    buildMenus();
    buildStatusBar();
    restoreSettings();
    openLibrary(paths);
    // The grid starts with the focus, so that the first Ctrl+V adds the links
    // on the clipboard instead of typing them into the search field.
    m_gallery->setFocus();
}

MainWindow::~MainWindow()
{
    // Parts let go of the session's models before it goes.
    attachParts(nullptr);
}

LibraryRepair *MainWindow::repair() const
{
    return m_problems->repair();
}

CollectionsPanel *MainWindow::collectionsPanel() const
{
    return m_collections->panel();
}

QDockWidget *MainWindow::collectionsDock() const
{
    return m_collections->dock();
}

CollectionReorder *MainWindow::collectionReorder() const
{
    return m_collections->reorder();
}

void MainWindow::openLibrary(const LibraryPaths &paths)
{
    openLibraryAttempt(paths, 1);
}

void MainWindow::openLibraryAttempt(const LibraryPaths &paths, int attempt)
{
    closeViewer();
    auto next = std::make_unique<LibrarySession>(paths, m_prefs.pipelineOptions());
    LibrarySession *session = next.get();
    connect(session, &LibrarySession::opened, this, [this, session] {
        // Requests sent while the library was still being created may have
        // been refused; asking again costs one count.
        session->gallery()->setQuery(m_browse->query());
        session->reader()->requestStats();
        showAccess(session);
        purgeTrash(session);
    });
    m_problems->watch(session, paths, attempt);
    next->gallery()->setQuery(m_browse->query());
    next->tags()->setQuery(m_browse->query());
    attachParts(next.get());
    // Undo belongs to the library it was done in.
    m_undo->clear();
    m_exporter->setLibrary(paths);
    if (m_preferences)
        m_preferences->setLibrary(paths);
    // The old session (if any) finishes what it was writing and stops its
    // threads in its own time, after nothing here refers to it any more.
    LibrarySession::retire(std::exchange(m_session, std::move(next)));
    m_title = QDir::toNativeSeparators(paths.root());
    if (m_title.startsWith(QDir::homePath()))
        m_title.replace(0, QDir::homePath().size(), QStringLiteral("~"));
    setWindowTitle(tr("%1 — Trove").arg(m_title));
    // Writable until the library says otherwise: what is added meanwhile
    // waits for the writer.
    m_menus->setWritable(true);
    m_ingestBar->setEnabled(true);
    m_drops->setRefusal({});
    m_access->hide();
}

void MainWindow::showAccess(const LibrarySession *session)
{
    const bool readOnly = session->isReadOnly();
    const bool network = session->access().fileSystem.network;
    m_menus->setWritable(!readOnly);
    m_ingestBar->setEnabled(!readOnly);
    m_drops->setRefusal(
        readOnly ? tr("This library is read-only: nothing can be added to it") : QString());
    m_actions->updateEnabled();
    if (readOnly) {
        setWindowTitle(tr("%1 (read-only) — Trove").arg(m_title));
        m_access->setText(tr("Read-only"));
        m_access->setToolTip(tr("%1\nBrowsing, searching, viewing and exporting work; adding, "
                                "tagging, renaming and deleting do not.")
                                 .arg(session->readOnlyReason()));
    } else if (network) {
        const QString warning = session->access().networkWarning(session->paths().root());
        m_access->setText(tr("Network drive"));
        m_access->setToolTip(warning);
        showMessage(warning, 15000);
    }
    m_access->setVisible(readOnly || network);
}

void MainWindow::detachSession()
{
    closeViewer();
    attachParts(nullptr);
    m_undo->clear();
    LibrarySession::retire(std::move(m_session));
}

void MainWindow::attachParts(LibrarySession *session)
{
    m_gallery->setGalleryModel(session ? session->gallery() : nullptr);
    if (session)
        connect(session->gallery(), &GalleryModel::searchFailed, m_browse,
            &BrowseBar::showSearchError, Qt::UniqueConnection);
    m_viewer->setLibrary(
        session ? session->gallery() : nullptr, session ? session->paths() : LibraryPaths());
    TagService *tags = session ? session->tags() : nullptr;
    m_searchCompleter->setService(tags);
    m_addCompleter->setService(tags);
    m_tagSidebar->setSession(session);
    m_keeper->setSession(session);
    m_queue->setSession(session);
    m_collections->setSession(session);
    m_diskFull->setSession(session);
    m_duplicateOffer->setSession(session);
    m_controller->setSession(session);
    m_actions->setSession(session);
    m_mover->setSession(session);
    m_status->setSession(session);
    m_selection->setSession(session); // "N selected of M shown": M follows the query
    m_hashing->setSession(session);
    if (m_statistics)
        m_statistics->setSession(session);
    if (m_trash)
        m_trash->setSession(session);
    m_localApi->setSession(session); // the old session's server stops here
}

void MainWindow::ingest(const QStringList &sources)
{
    if (!sources.isEmpty())
        m_controller->ingestSources(sources, IngestController::Origin::Opened);
}

void MainWindow::paste()
{
    m_controller->pasteClipboard();
}

bool MainWindow::isViewerOpen() const
{
    return m_stack->currentWidget() == m_viewer;
}

void MainWindow::openViewer(int row)
{
    m_stack->setCurrentWidget(m_viewer);
    m_viewer->showRow(row);
    m_viewer->setFocus();
    m_actions->updateEnabled();
}

void MainWindow::closeViewer()
{
    if (!isViewerOpen())
        return;
    m_viewer->setFullScreen(false);
    const int row = m_viewer->currentRow();
    m_stack->setCurrentIndex(0);
    if (row >= 0 && m_gallery->model() && row < m_gallery->model()->rowCount()) {
        const QModelIndex index = m_gallery->model()->index(row, 0);
        m_gallery->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
        m_gallery->scrollTo(index);
    }
    m_gallery->setFocus();
    m_actions->updateEnabled();
}

ActionTargets MainWindow::actionTargets() const
{
    ActionTargets targets;
    if (isViewerOpen()) {
        if (const auto record = m_viewer->currentRecord()) {
            targets.loaded = { *record };
            targets.count = 1;
        }
        return targets;
    }
    targets.rows = m_gallery->selectedRanges();
    for (const auto &[first, last] : std::as_const(targets.rows))
        targets.count += last - first + 1;
    targets.loaded = m_gallery->selectedRecords();
    if (m_session)
        targets.query = m_session->gallery()->query();
    return targets;
}

void MainWindow::showMessage(const QString &text, int timeoutMs)
{
    statusBar()->showMessage(text, timeoutMs);
}

void MainWindow::showGalleryContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_gallery->indexAt(pos);
    if (index.isValid() && !m_gallery->selectionModel()->isSelected(index))
        m_gallery->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_actions->updateEnabled();
    QMenu menu(this);
    if (index.isValid()) {
        m_actions->fillMenu(&menu);
        menu.addSeparator();
        QMenu *add = menu.addMenu(tr("Add to &Collection"));
        add->setObjectName(QStringLiteral("addToCollectionSubmenu"));
        m_collections->panel()->fillAddMenu(add);
    } else {
        menu.addAction(icon(Icon::Paste), tr("Paste Links or Image"), this, &MainWindow::paste);
        menu.addAction(tr("Add Image Files…"), this, &MainWindow::chooseFiles);
    }
    menu.exec(m_gallery->viewport()->mapToGlobal(pos));
}

void MainWindow::showImage(qint64 key)
{
    if (!m_session)
        return;
    const int row = m_session->gallery()->rowOfKey(key);
    if (row < 0) {
        showMessage(tr("That image is not in the gallery as it is filtered now"), 5000);
        return;
    }
    closeViewer();
    const QModelIndex index = m_gallery->model()->index(row, 0);
    m_gallery->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_gallery->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_gallery->setFocus();
}

void MainWindow::chooseFiles()
{
    const QStringList files
        = FileDialogs::openFiles(this, tr("Add Images"), QString(), FileDialogs::imageFilter());
    if (!files.isEmpty())
        m_controller->ingestSources(files, IngestController::Origin::Opened);
}

void MainWindow::chooseFolder()
{
    const QString dir = FileDialogs::existingDirectory(this, tr("Import Folder"));
    if (!dir.isEmpty())
        m_controller->ingestSources({ dir }, IngestController::Origin::Opened);
}

void MainWindow::chooseLibrary()
{
    const QString dir = FileDialogs::existingDirectory(
        this, tr("Open Library"), m_session ? m_session->paths().root() : QString());
    if (!dir.isEmpty())
        openChosenLibrary(dir);
}

bool MainWindow::openChosenLibrary(const QString &dir)
{
    const LibraryPaths paths(dir);
    // As the CLI's libraryThere(): a catalog, or blobs that lost theirs.
    const bool library
        = QFileInfo::exists(paths.catalogFile()) || QFileInfo(paths.blobsDir()).isDir();
    if (!library) {
        // Counted up to a bound: a folder of a million photos is not walked
        // on the GUI thread to print its exact size.
        constexpr int kCountUpTo = 1000;
        int items = 0;
        QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
        while (items <= kCountUpTo && it.hasNext()) {
            it.next();
            ++items;
        }
        if (items > 0) {
            QMessageBox box(QMessageBox::Question, tr("Open Library"),
                tr("%1 holds no Trove library. Make a new library there?")
                    .arg(QDir::toNativeSeparators(dir)),
                QMessageBox::NoButton, this);
            box.setInformativeText(items > kCountUpTo
                    ? tr("The folder holds more than %L1 items; Trove would add its own files "
                         "and folders beside them.")
                          .arg(kCountUpTo)
                    : tr("The folder holds %Ln item(s); Trove would add its own files and "
                         "folders beside them.",
                        nullptr, items));
            QPushButton *create = box.addButton(tr("Create Library"), QMessageBox::AcceptRole);
            box.addButton(QMessageBox::Cancel);
            box.setDefaultButton(QMessageBox::Cancel);
            box.exec();
            if (box.clickedButton() != create)
                return false;
        }
    }
    // Another library's collections are not this one's: a search naming
    // one would only say "no collection named …" here.
    m_browse->forgetCollectionSearch();
    openLibrary(paths);
    return true;
}

void MainWindow::chooseBackupFolder()
{
    const QString dir = FileDialogs::existingDirectory(this, tr("Back Up Library To"));
    if (!dir.isEmpty())
        backUpLibraryTo(dir);
}

BackupProgress *MainWindow::backUpLibraryTo(const QString &dest)
{
    if (!m_session)
        return nullptr;
    auto *progress = new BackupProgress(m_session->paths(), dest, this);
    progress->open();
    return progress;
}

LibraryMoveProgress *MainWindow::moveLibraryTo(const QString &dest)
{
    return m_mover->move(dest);
}

void MainWindow::showStatistics()
{
    if (!m_statistics) {
        m_statistics = new StatisticsDialog(this);
        m_statistics->setSession(m_session.get());
    }
    m_statistics->show();
    m_statistics->raise();
    m_statistics->activateWindow();
}

TrashDialog *MainWindow::showTrash()
{
    if (!m_trash) {
        m_trash = new TrashDialog(m_undo, this);
        m_trash->setSession(m_session.get());
        connect(m_trash, &TrashDialog::message, this,
            [this](const QString &text) { showMessage(text, kStatusMessageMs); });
    }
    m_trash->show();
    m_trash->raise();
    m_trash->activateWindow();
    return m_trash;
}

void MainWindow::setThumbnailSize(int size)
{
    m_gallery->setThumbnailSize(size);
    m_sizeControl->setSize(m_gallery->thumbnailSize());
    // The slider, the keys and the dialog show one value.
    m_prefs.thumbnailSize = m_gallery->thumbnailSize();
    syncPreferencesDialog();
}

PreferencesDialog *MainWindow::showPreferences()
{
    if (!m_preferences) {
        m_preferences = new PreferencesDialog(this);
        m_preferences->setPreferences(m_prefs);
        if (m_session)
            m_preferences->setLibrary(m_session->paths());
        connect(m_preferences, &PreferencesDialog::preferencesChanged, this,
            &MainWindow::applyPreferences);
        connect(
            m_preferences, &PreferencesDialog::apiKeyRenewed, m_localApi, &LocalApiHost::reload);
        connect(m_preferences, &PreferencesDialog::moveLibraryRequested, this,
            &MainWindow::moveLibraryTo);
    }
    m_preferences->show();
    m_preferences->raise();
    m_preferences->activateWindow();
    return m_preferences;
}

void MainWindow::syncPreferencesDialog()
{
    if (m_preferences)
        m_preferences->setPreferences(m_prefs);
}

void MainWindow::applyPreferences(const Preferences &prefs)
{
    const Preferences old = std::exchange(m_prefs, prefs);
    // Saved first: the local API reads its port and origins from the file.
    m_prefs.save();
    if (prefs.theme != old.theme)
        applyTheme(prefs.theme);
    if (prefs.thumbnailSize != m_gallery->thumbnailSize())
        setThumbnailSize(prefs.thumbnailSize);
    if (prefs.downloadsDiffer(old) && m_session)
        m_session->pipeline()->setOptions(prefs.pipelineOptions());
    m_actions->setExportFolder(prefs.exportFolder);
    if (prefs.trashRetentionDays != old.trashRetentionDays && m_session && m_session->isOpen())
        purgeTrash(m_session.get());
    if (prefs.apiDiffers(old)) {
        if (m_localApi->action()->isChecked() != prefs.apiEnabled)
            m_localApi->action()->setChecked(prefs.apiEnabled); // restarts it
        else if (prefs.apiEnabled)
            m_localApi->reload();
    }
    if (prefs.libraryPath != old.libraryPath && !prefs.libraryPath.isEmpty()
        && (!m_session || LibraryPaths(prefs.libraryPath).root() != m_session->paths().root()))
        openLibrary(LibraryPaths(prefs.libraryPath));
    syncPreferencesDialog();
}

void MainWindow::shuffleAgain()
{
    if (!m_session || m_session->isReadOnly())
        return;
    // The gallery follows through the change feed once it is written.
    whenFinished(m_session->writer()->shuffle(), m_session.get(), [this](const Result<bool> &done) {
        if (!done)
            showMessage(tr("Cannot shuffle: %1").arg(done.error()), 8000);
    });
}

void MainWindow::purgeTrash(LibrarySession *session)
{
    const int days = m_prefs.trashRetentionDays;
    if (days <= 0 || session != m_session.get() || session->isReadOnly())
        return;
    const QDateTime before = QDateTime::currentDateTimeUtc().addDays(-days);
    whenFinished(session->writer()->emptyTrash(TrashFilter::trashedBefore(before)), session,
        [this, days](const Result<int> &emptied) {
            if (!emptied)
                showMessage(tr("Cannot empty the trash: %1").arg(emptied.error()), 8000);
            else if (*emptied > 0)
                showMessage(
                    tr("Deleted %n image(s) removed more than %1 days ago", nullptr, *emptied)
                        .arg(days),
                    8000);
        });
}

void MainWindow::buildPages()
{
    auto *galleryPage = new QWidget(this);
    auto *galleryLayout = new QVBoxLayout(galleryPage);
    galleryLayout->setContentsMargins(0, 0, 0, 0);
    galleryLayout->setSpacing(0);
    galleryLayout->addWidget(m_diskFull);
    galleryLayout->addWidget(m_duplicateOffer);
    galleryLayout->addWidget(m_browse);
    galleryLayout->addWidget(m_gallery, 1);
    m_stack->addWidget(galleryPage);
    new GalleryEscape(galleryPage, m_browse, m_gallery);
    m_stack->addWidget(m_viewer);
    setCentralWidget(m_stack);

    m_addBar = new QToolBar(tr("Add Images"), this);
    m_addBar->setObjectName(QStringLiteral("addToolBar"));
    m_addBar->setMovable(false);
    m_addBar->addWidget(m_ingestBar);
    addToolBar(Qt::TopToolBarArea, m_addBar);
}

void MainWindow::buildDocks()
{
    m_queueDock->setObjectName(QStringLiteral("queueDock"));
    m_queueDock->setWidget(m_queue);
    m_queueDock->setAllowedAreas(
        Qt::BottomDockWidgetArea | Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::BottomDockWidgetArea, m_queueDock);
    // Slim while idle (the queue panel decides), the person's height else.
    new QueueDockFit(this, m_queueDock, m_queue);
    // F8 from anywhere in the window, the dock hidden or not: the panel's
    // own shortcut only reaches it while it is shown.
    QAction *nextFailure = m_queue->nextFailureAction();
    addAction(nextFailure);
    connect(nextFailure, &QAction::triggered, this, [this] {
        if (m_queueDock->isHidden())
            m_queueDock->show();
    });
    m_collections = new CollectionsDock({ this, m_browse, m_gallery, m_actions, m_undo });
    connect(m_collections, &CollectionsDock::showingCollection, this, &MainWindow::closeViewer);
    connect(m_collections, &CollectionsDock::message, this, &MainWindow::showMessage);

    // Hidden until asked for (View ▸ Tags); saveState() remembers it open.
    m_tagDock->setObjectName(QStringLiteral("tagDock"));
    m_tagDock->setWidget(m_tagSidebar);
    m_tagDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_tagDock);
    m_tagDock->hide();
    m_tagSidebar->setUndoStack(m_undo);
    connect(m_tagSidebar, &TagSidebar::message, this,
        [this](const QString &text) { showMessage(text, kStatusMessageMs); });
    connect(m_tagSidebar, &TagSidebar::filterRequested, m_browse,
        [this](const QString &tag, bool exclude) {
            m_browse->addTerm(TagCompleter::termFor(
                exclude ? QStringLiteral("-tag:") : QStringLiteral("tag:"), tag));
        });
}

void MainWindow::connectIngest()
{
    m_gallery->setDragExporter(m_exporter);
    connect(m_exporter, &DragExporter::message, this, &MainWindow::showMessage);
    m_drops->setIgnoredSource(m_gallery);
    m_drops->watch(this);
    m_drops->watch(m_gallery);
    m_drops->watch(m_viewer->canvas());
    m_drops->watch(m_queue->view());

    m_controller->setOptionsProvider(
        [this](int sources) { return m_ingestBar->takeOptions(sources); });
    m_duplicateOffer->setUndoStack(m_undo);
    connect(m_controller, &IngestController::queuedWithOptions, m_duplicateOffer,
        &DuplicateOffer::watch);
    connect(m_duplicateOffer, &DuplicateOffer::message, this, &MainWindow::showMessage);

    connect(m_controller, &IngestController::message, this, &MainWindow::showMessage);
    connect(m_mover, &LibraryMover::message, this, &MainWindow::showMessage);
    connect(m_mover, &LibraryMover::copied, this, [this](const LibraryPaths &moved) {
        // Saved as the library to open at start, and opened now (the old
        // session retires).
        Preferences next = m_prefs;
        next.libraryPath = moved.root();
        applyPreferences(next);
    });
    connect(m_controller, &IngestController::queued, this, [this] {
        if (m_queueDock->isHidden())
            m_queueDock->show();
    });
    connect(
        m_controller, &IngestController::walkProgress, m_walkProgress, &WalkProgress::showTotals);
    connect(m_controller, &IngestController::walkFinished, m_walkProgress, &WalkProgress::finish);
    connect(m_walkProgress, &WalkProgress::cancelRequested, m_controller,
        &IngestController::cancelWalks);
    connect(m_drops, &DropTarget::dropped, this, [this](const DropContent::Snapshot &snapshot) {
        m_controller->ingest(snapshot, IngestController::Origin::Dropped);
    });
    connect(m_drops, &DropTarget::hovering, this,
        [this](const QString &text) { showMessage(text, 0); });
    connect(m_drops, &DropTarget::left, statusBar(), &QStatusBar::clearMessage);
    connect(m_ingestBar, &IngestBar::addRequested, this, [this](const QString &text) {
        m_controller->ingest(DropContent::fromText(text), IngestController::Origin::Typed);
    });
    connect(m_localApi, &LocalApiHost::message, this,
        [this](const QString &text) { showMessage(text, 8000); });
}

void MainWindow::connectBrowsing()
{
    m_actions->setTargets([this] { return actionTargets(); });
    m_actions->setUndoStack(m_undo);
    connect(m_browse, &BrowseBar::shuffleRequested, this, &MainWindow::shuffleAgain);
    connect(m_browse, &BrowseBar::queryChanged, this, [this](const ImageQuery &query) {
        m_gallery->setFiltered(!query.search.isEmpty() || !query.tag.isEmpty());
        m_tagSidebar->setSearch(query.search);
        if (m_session) {
            m_keeper->queryChanging(query);
            m_session->gallery()->setQuery(query);
            m_session->tags()->setQuery(query);
        }
    });
    connect(m_gallery, &QAbstractItemView::activated, this,
        [this](const QModelIndex &index) { openViewer(index.row()); });
    connect(m_gallery, &GalleryView::message, this, &MainWindow::showMessage);
    connect(
        m_gallery, &GalleryView::selectedRecordsChanged, m_actions, &ImageActions::updateEnabled);
    connect(
        m_gallery, &QWidget::customContextMenuRequested, this, &MainWindow::showGalleryContextMenu);
}

void MainWindow::connectViewer()
{
    connect(m_viewer, &ImageViewer::closeRequested, this, &MainWindow::closeViewer);
    connect(m_viewer, &ImageViewer::message, this, &MainWindow::showMessage);
    // Only the picture: menus, the add bar, the queue and the status bar
    // go, and come back as they were.
    auto *chrome = new FullScreenChrome(
        { menuBar(), statusBar(), m_queueDock, m_addBar, m_tagDock, m_collections->dock() }, this);
    connect(m_viewer, &ImageViewer::fullScreenChanged, chrome, &FullScreenChrome::setFullScreen);
    connect(m_viewer, &ImageViewer::currentRowChanged, m_actions, &ImageActions::updateEnabled);
    connect(m_viewer, &ImageViewer::editRequested, m_actions->editAction(), &QAction::trigger);
    connect(m_viewer, &ImageViewer::exportRequested, m_actions->exportAction(), &QAction::trigger);
    connect(m_actions, &ImageActions::openRequested, this, [this] {
        if (!isViewerOpen() && m_gallery->currentIndex().isValid())
            openViewer(m_gallery->currentIndex().row());
    });
    connect(m_actions, &ImageActions::message, this, &MainWindow::showMessage);
    connect(m_queue, &IngestQueuePanel::showImageRequested, this, &MainWindow::showImage);
    // Image actions follow the focus: the gallery's selection or the viewer's image.
    m_actions->attachTo(m_gallery);
    m_actions->attachTo(m_viewer);
}

void MainWindow::buildMenus()
{
    auto *menus = new MainMenus({ this, m_browse, m_gallery, m_actions, m_queue, m_queueDock,
        m_tagDock, m_undo, m_localApi->action(), m_collections->dock() });
    m_menus = menus;
    connect(menus, &MainMenus::addFilesRequested, this, &MainWindow::chooseFiles);
    connect(menus, &MainMenus::importFolderRequested, this, &MainWindow::chooseFolder);
    connect(menus, &MainMenus::openLibraryRequested, this, &MainWindow::chooseLibrary);
    connect(menus, &MainMenus::backupRequested, this, &MainWindow::chooseBackupFolder);
    connect(menus, &MainMenus::pasteRequested, this, &MainWindow::paste);
    connect(menus, &MainMenus::statisticsRequested, this, &MainWindow::showStatistics);
    connect(menus, &MainMenus::trashRequested, this, &MainWindow::showTrash);
    connect(menus, &MainMenus::preferencesRequested, this, &MainWindow::showPreferences);
    connect(menus, &MainMenus::findRequested, this, [this] {
        closeViewer();
        m_browse->searchField()->setFocus();
        m_browse->searchField()->selectAll();
    });
    connect(menus, &MainMenus::thumbnailStepRequested, this, [this](int direction) {
        setThumbnailSize(m_gallery->thumbnailSize() + direction * ThumbnailSizeControl::kStep);
    });
}

void MainWindow::buildStatusBar()
{
    // In one box of a fixed size: the labels' new texts lay out the box,
    // not the whole window (statustray.h).
    auto *tray = new StatusTray(statusBar());
    tray->setObjectName(QStringLiteral("statusTray"));
    tray->addWidget(m_walkProgress);
    tray->addWidget(m_selection);
    m_access->setObjectName(QStringLiteral("libraryAccess"));
    m_access->hide();
    tray->addWidget(m_access);
    tray->addWidget(m_hashing);
    tray->addWidget(m_status);
    tray->addWidget(m_sizeControl);
    statusBar()->addPermanentWidget(tray);
    m_sizeControl->setSize(m_gallery->thumbnailSize());
    connect(m_sizeControl, &ThumbnailSizeControl::sizeChanged, this, &MainWindow::setThumbnailSize);
}

void MainWindow::restoreSettings()
{
    const auto stored = userSettings();
    QSettings &settings = *stored;
    // The first start: roomy, within the screen it opens on.
    resize(withinScreen(QSize(1180, 780), this));
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    m_prefs = Preferences::load();
    // System is what the application starts with: nothing to undo.
    if (m_prefs.theme != Theme::System)
        applyTheme(m_prefs.theme);
    setThumbnailSize(m_prefs.thumbnailSize);
    m_actions->setExportFolder(m_prefs.exportFolder);
    // Serve Local API in the File menu is the same setting.
    connect(m_localApi->action(), &QAction::toggled, this, [this](bool on) {
        m_prefs.apiEnabled = on;
        syncPreferencesDialog();
    });
    m_browse->setOrder(ImageQuery::Order(
        settings.value(QStringLiteral("gallery/order"), int(ImageQuery::Order::NewestFirst))
            .toInt()));
}

void MainWindow::saveSettings() const
{
    const auto stored = userSettings();
    QSettings &settings = *stored;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("gallery/thumbnailSize"), m_gallery->thumbnailSize());
    // Collection order goes with the collection shown, which is not kept:
    // the order chosen before it is.
    settings.setValue(QStringLiteral("gallery/order"), int(m_browse->lastingOrder()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Work in flight is never lost (it resumes at the next start), but a
    // person closing the window should know it stops. A SIGTERM (logout,
    // `kill`) has nobody to ask: QCoreApplication::quit() closes the windows,
    // and a question here left the process running.
    const int pending = m_session ? m_session->pipeline()->pendingCount() : 0;
    if (pending > 0 && !terminationRequested()) {
        QMessageBox box(QMessageBox::Question, tr("Quit Trove"),
            tr("%Ln image(s) still being added.", nullptr, pending), QMessageBox::NoButton, this);
        box.setInformativeText(
            tr("If you quit now, Trove finishes adding them the next time it opens this library."));
        QPushButton *quit = box.addButton(tr("Quit and Finish Later"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(quit);
        box.exec();
        if (box.clickedButton() != quit) {
            event->ignore();
            return;
        }
    }
    saveSettings();
    QMainWindow::closeEvent(event);
}

} // namespace trove::ui
