// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/collections.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <functional>

class QListWidget;
class QAction;
class QMenu;
class QUndoStack;
class QToolButton;

namespace trove {
class LibrarySession;
struct ChangeBatch;
} // namespace trove

namespace trove::ui {

/// The Collections dock: every collection of the library with its count
/// (a smart one with its search), read on a pool thread and read again
/// when the change feed says collections changed, in this process or
/// another. Clicking one shows it in the gallery (the search
/// `in:"name"`); its buttons make, fill, empty and delete collections
/// through the catalog writer. Add is a menu of collections, not the one
/// clicked: showing a collection replaces the gallery and its selection. Adding and removing the
/// gallery's selection is the window's (ImageActions, off the GUI thread). GUI thread.
class CollectionsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionsPanel)

public:
    explicit CollectionsPanel(QWidget *parent = nullptr);
    ~CollectionsPanel() override;

    void setSession(LibrarySession *session);
    LibrarySession *session() const;
    /// Reads the list again (off the GUI thread); refreshed() follows.
    void refresh();

    /// New Collection… and New Smart Collection… after their dialogs. A
    /// refusal (a taken name, one too long) goes to @p refused when given,
    /// so the dialog can ask again with the name typed; else to message().
    void createCollection(const QString &name, const QString &query = {},
        const std::function<void(const QString &reason)> &refused = {});
    /// Delete after its question.
    void deleteCollection(const QString &name);
    /// Rename… (F2 or the list's context menu) after its dialog; undoable
    /// on the stack given to setUndoStack().
    /// @p refused, if given, hears why instead of the status bar.
    void renameCollection(const QString &from, const QString &to,
        const std::function<void(const QString &reason)> &refused = {});
    void setUndoStack(QUndoStack *undo) { m_undo = undo; }
    /// Whether the gallery has images selected: Remove takes them out.
    void setGallerySelected(bool selected);
    /// Rename… on the collection chosen in the list (F2).
    QAction *renameAction() const { return m_rename; }
    /// The collection chosen in the list, or none.
    QString currentName() const;
    /// `in:"name"`, the search that shows a collection.
    static QString searchFor(const QString &name);

    QListWidget *list() const { return m_list; }
    const QList<CollectionInfo> &collections() const { return m_collections; }
    /// The names of the hand-made collections (smart ones hold no items).
    QStringList handMadeNames() const;
    /// One action per hand-made collection: choosing it adds the gallery's
    /// selection to it (addSelectionRequested). The dock's Add button and
    /// the gallery's context menu use it.
    void fillAddMenu(QMenu *menu);
    /// The Add button's menu, as the dock shows it.
    QMenu *addMenu() const { return m_addMenu; }

Q_SIGNALS:
    /// Show collection @p name in the gallery (it was clicked).
    void showRequested(const QString &name);
    /// Add the gallery's selection to (or take it out of) collection @p name.
    void addSelectionRequested(const QString &name);
    void removeSelectionRequested(const QString &name);
    /// New Smart Collection… wants the search the gallery shows now.
    void smartFromSearchRequested();
    void message(const QString &text, int timeoutMs);
    /// The list shows what the catalog holds now.
    void refreshed();
    /// Collection @p from is called @p to now (renamed, or a rename undone).
    void renamed(const QString &from, const QString &to);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onChanges(const trove::ChangeBatch &batch);
    void show(const QList<CollectionInfo> &all);
    /// @p typed and @p reason: asked again after a refusal.
    void askNew(const QString &typed = {}, const QString &reason = {});
    void askDelete();
    void askRename();
    /// Rename @p name, the field holding @p typed; @p reason: asked again
    /// after a refusal.
    void askRenameOf(const QString &name, const QString &typed, const QString &reason);
    void showListMenu(const QPoint &pos);
    void updateButtons();

    QPointer<LibrarySession> m_session;
    QListWidget *m_list;
    QToolButton *m_new;
    QToolButton *m_add;
    QToolButton *m_remove;
    bool m_gallerySelected = false;
    QToolButton *m_delete;
    QMenu *m_addMenu;
    QAction *m_rename;
    QPointer<QUndoStack> m_undo;
    QList<CollectionInfo> m_collections;
    quint64 m_generation = 0; ///< stale reads are dropped
    /// Counts that images coming and going move are read again at most
    /// once a second: each read opens the catalog on a pool thread, and an
    /// ingest commits a batch every few hundred milliseconds.
    QTimer m_recount;
    /// Images came or went while the panel was hidden: count on show.
    bool m_countsStale = false;
};

} // namespace trove::ui
