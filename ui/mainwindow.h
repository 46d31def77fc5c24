// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/imagerecord.h"
#include "gallery/imageactions.h"
#include "preferences.h"
#include "storage/librarypaths.h"

#include <QMainWindow>
#include <memory>

class QDockWidget;
class QStackedWidget;
class QToolBar;
class QUndoStack;
class QLabel;

namespace trove {
class LibrarySession;
}

namespace trove::ui {

class TagCompleter;
class TagSidebar;

class BackupProgress;
class LibraryMoveProgress;
class LibraryMover;
class BrowseBar;
class CollectionReorder;
class CollectionsDock;
class CollectionsPanel;
class DiskFullBar;
class DuplicateOffer;
class SelectionCountLabel;
class SelectionKeeper;
class DragExporter;
class DropTarget;
class GalleryView;
class HashingStatusLabel;
class ImageActions;
class ImageViewer;
class IngestBar;
class IngestController;
class IngestQueuePanel;
class LibraryProblems;
class LibraryRepair;
class LibraryStatusLabel;
class LocalApiHost;
class MainMenus;
class PreferencesDialog;
class StatisticsDialog;
class TrashDialog;
class ThumbnailSizeControl;
class WalkProgress;

/// The Trove window. Assembles the parts (ingest bar, gallery, viewer,
/// queue panel, status line, menus) around one LibrarySession and swaps
/// that session to open another library; owns none of the library's state
/// and never waits on it. GUI thread.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const LibraryPaths &paths, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Adds URLs, files or folders (walked for images) to the ingest queue.
    void ingest(const QStringList &sources);
    /// Adds what the clipboard holds: links, files or an image.
    void paste();
    /// Closes the current library and opens the one at @p paths.
    void openLibrary(const LibraryPaths &paths);
    /// File ▸ Open Library… after its folder dialog: a folder that holds
    /// no library and is not empty is made one only when the person says so
    /// (the folder may be their photos). False when they declined.
    bool openChosenLibrary(const QString &dir);
    /// Backs the open library up into @p dest (File ▸ Back Up Library… after
    /// its folder dialog): progress, cancellable, off the GUI thread.
    BackupProgress *backUpLibraryTo(const QString &dest);
    /// Moves the open library into the empty folder @p dest (Preferences ▸
    /// Library ▸ Move Library…): copied and checked off the GUI thread,
    /// then opened from there (now and at start), then the old library's
    /// own files deleted. Refused (a message, nullptr) while images are
    /// being added. A failure leaves the old library in use and whole.
    LibraryMoveProgress *moveLibraryTo(const QString &dest);

    /// Edit ▸ Preferences…: the dialog, shown (one per window).
    PreferencesDialog *showPreferences();
    /// View ▸ Trash…: the library's trash, shown (one per window).
    TrashDialog *showTrash();
    /// The settings in effect.
    const Preferences &preferences() const { return m_prefs; }
    /// Applies @p prefs live (theme, thumbnails, downloads of items started
    /// from now on, library, export folder, trash, local API) and saves them.
    void applyPreferences(const Preferences &prefs);

    LibrarySession *session() const { return m_session.get(); }
    GalleryView *galleryView() const { return m_gallery; }
    QUndoStack *undoStack() const { return m_undo; }
    LocalApiHost *localApi() const { return m_localApi; }
    ImageViewer *viewer() const { return m_viewer; }
    IngestQueuePanel *queuePanel() const { return m_queue; }
    QDockWidget *queueDock() const { return m_queueDock; }
    QDockWidget *tagDock() const { return m_tagDock; }
    TagSidebar *tagSidebar() const { return m_tagSidebar; }
    TagCompleter *searchCompleter() const { return m_searchCompleter; }
    CollectionsPanel *collectionsPanel() const;
    QDockWidget *collectionsDock() const;
    CollectionReorder *collectionReorder() const;
    BrowseBar *browseBar() const { return m_browse; }
    IngestBar *ingestBar() const { return m_ingestBar; }
    DropTarget *dropTarget() const { return m_drops; }
    WalkProgress *walkProgress() const { return m_walkProgress; }
    LibraryRepair *repair() const;
    /// "Read-only" or "Network drive" in the status bar; hidden otherwise.
    QLabel *accessLabel() const { return m_access; }
    /// "Hashing for Find Similar: 1,234 of 5,000", while the backfill runs.
    HashingStatusLabel *hashingLabel() const { return m_hashing; }
    DiskFullBar *diskFullBar() const { return m_diskFull; }
    DuplicateOffer *duplicateOffer() const { return m_duplicateOffer; }
    bool isViewerOpen() const;

    void openViewer(int row);
    void closeViewer();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void openLibraryAttempt(const LibraryPaths &paths, int attempt);
    /// Shows what the opened library allows: read-only, network drive.
    void showAccess(const LibrarySession *session);
    /// Lets go of the current library (its repair moves the catalog).
    void detachSession();
    /// Hands @p session (nullptr: none) to every part that shows or changes
    /// the library: one list, for opening, detaching and closing alike.
    void attachParts(LibrarySession *session);
    /// The gallery and viewer pages, and the add bar above them.
    void buildPages();
    /// The ingest queue, collections and tags docks.
    void buildDocks();
    /// What adds images: drops, pastes, the add bar, folder walks, moves.
    void connectIngest();
    /// The search bar, the grid and the image actions on its selection.
    void connectBrowsing();
    void connectViewer();
    void buildMenus();
    void buildStatusBar();
    void setThumbnailSize(int size);
    /// Shuffle Again: a new random order, written by the session's writer.
    void shuffleAgain();
    /// Empties what has been in the trash longer than the retention.
    void purgeTrash(LibrarySession *session);
    /// Shows the settings in effect in the open dialog.
    void syncPreferencesDialog();
    void showMessage(const QString &text, int timeoutMs);
    void showGalleryContextMenu(const QPoint &pos);
    void showImage(qint64 key);
    void chooseFiles();
    void chooseFolder();
    void chooseLibrary();
    void chooseBackupFolder();
    /// The copy in @p dest is verified: use it, then delete the old one.
    void showStatistics();
    void restoreSettings();
    void saveSettings() const;
    ActionTargets actionTargets() const;

    std::unique_ptr<LibrarySession> m_session;
    QStackedWidget *m_stack;
    BrowseBar *m_browse;
    DiskFullBar *m_diskFull;
    DuplicateOffer *m_duplicateOffer;
    GalleryView *m_gallery;
    SelectionKeeper *m_keeper;
    ImageViewer *m_viewer;
    IngestBar *m_ingestBar;
    QToolBar *m_addBar = nullptr;
    IngestQueuePanel *m_queue;
    QDockWidget *m_queueDock;
    TagSidebar *m_tagSidebar;
    QDockWidget *m_tagDock;
    TagCompleter *m_searchCompleter;
    TagCompleter *m_addCompleter;
    CollectionsDock *m_collections = nullptr; ///< made after the image actions it uses
    LibraryStatusLabel *m_status;
    ThumbnailSizeControl *m_sizeControl;
    SelectionCountLabel *m_selection;
    WalkProgress *m_walkProgress;
    QUndoStack *m_undo;
    IngestController *m_controller;
    DropTarget *m_drops;
    DragExporter *m_exporter;
    ImageActions *m_actions;
    LocalApiHost *m_localApi;
    StatisticsDialog *m_statistics = nullptr;
    TrashDialog *m_trash = nullptr;
    PreferencesDialog *m_preferences = nullptr;
    Preferences m_prefs;
    MainMenus *m_menus = nullptr;
    LibraryProblems *m_problems;
    QLabel *m_access;
    HashingStatusLabel *m_hashing;
    LibraryMover *m_mover;
    QString m_title;
};

} // namespace trove::ui
