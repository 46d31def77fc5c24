// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QUndoStack;
class QMainWindow;

namespace trove::ui {

class BrowseBar;
class GalleryView;
class ImageActions;
class IngestQueuePanel;

/// The window's menu bar (File, Edit, Image, View, Help). Actions that
/// belong to a part are that part's; the rest are asked of the window
/// through signals. GUI thread.
class MainMenus final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainMenus)

public:
    struct Parts {
        QMainWindow *window;
        BrowseBar *browse;
        GalleryView *gallery;
        ImageActions *actions;
        IngestQueuePanel *queue;
        QDockWidget *queueDock;
        QDockWidget *tagDock;
        QUndoStack *undo;
        QAction *localApi; ///< Serve Local API (checkable)
        QDockWidget *collectionsDock = nullptr;
    };

    /// Fills @p parts.window's menu bar.
    explicit MainMenus(const Parts &parts);
    ~MainMenus() override;

    /// Enables the actions that add to the library (Add Image Files,
    /// Import Folder, Paste): off for a read-only one.
    void setWritable(bool writable);

Q_SIGNALS:
    void addFilesRequested();
    void importFolderRequested();
    void openLibraryRequested();
    void backupRequested();
    void pasteRequested();
    void findRequested();
    void statisticsRequested();
    void trashRequested();
    /// Edit ▸ Preferences…
    void preferencesRequested();
    /// Larger (+1) or smaller (-1) thumbnails.
    void thumbnailStepRequested(int direction);

private:
    QList<QAction *> m_adding;
};

} // namespace trove::ui
