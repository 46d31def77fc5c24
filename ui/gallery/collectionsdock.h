// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>
#include <QString>

class QDockWidget;
class QMainWindow;
class QUndoStack;

namespace trove {
class LibrarySession;
} // namespace trove

namespace trove::ui {

class BrowseBar;
class CollectionReorder;
class CollectionsPanel;
class GalleryView;
class ImageActions;

/// The window's collections, put together: the Collections dock (hidden
/// until View ▸ Collections), drag to reorder while a hand-made collection
/// is shown in its hand order (undoable, written through the catalog
/// writer), and a smart collection made from the search typed. The panel
/// adds to and removes from collections through the window's ImageActions.
/// GUI thread.
class CollectionsDock final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionsDock)

public:
    struct Parts {
        QMainWindow *window;
        BrowseBar *browse;
        GalleryView *gallery;
        ImageActions *actions;
        QUndoStack *undo;
    };
    /// Docks the panel on @p parts.window's left, hidden.
    explicit CollectionsDock(const Parts &parts);
    ~CollectionsDock() override;

    /// The library whose collections are shown and reordered; nullptr: none.
    void setSession(LibrarySession *session);

    CollectionsPanel *panel() const { return m_panel; }
    QDockWidget *dock() const { return m_dock; }
    CollectionReorder *reorder() const { return m_reorder; }

Q_SIGNALS:
    /// A collection is about to be shown in the gallery (the viewer closes).
    void showingCollection();
    void message(const QString &text, int timeoutMs);

private:
    void moveInCollection(const QString &collection, const QList<qint64> &keys, qint64 beforeKey);
    void askSmartCollection();
    /// @p typed and @p reason: asked again after a refusal.
    void askSmartName(const QString &search, const QString &typed, const QString &reason);

    Parts m_parts;
    CollectionsPanel *m_panel;
    QDockWidget *m_dock;
    CollectionReorder *m_reorder;
};

} // namespace trove::ui
