// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/collections.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QListWidget;
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
/// through the catalog writer. Adding and removing the gallery's
/// selection is the window's (ImageActions, off the GUI thread). GUI
/// thread.
class CollectionsPanel final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CollectionsPanel)

public:
    explicit CollectionsPanel(QWidget *parent = nullptr);
    ~CollectionsPanel() override;

    void setSession(LibrarySession *session);
    /// Reads the list again (off the GUI thread); refreshed() follows.
    void refresh();

    /// New Collection… and New Smart Collection… after their dialogs.
    void createCollection(const QString &name, const QString &query = {});
    /// Delete after its question.
    void deleteCollection(const QString &name);
    /// The collection chosen in the list, or none.
    QString currentName() const;
    /// `in:"name"`, the search that shows a collection.
    static QString searchFor(const QString &name);

    QListWidget *list() const { return m_list; }
    const QList<CollectionInfo> &collections() const { return m_collections; }

Q_SIGNALS:
    /// Show @p search in the gallery (a collection was clicked).
    void showRequested(const QString &search);
    /// Add the gallery's selection to (or take it out of) collection @p name.
    void addSelectionRequested(const QString &name);
    void removeSelectionRequested(const QString &name);
    /// New Smart Collection… wants the search the gallery shows now.
    void smartFromSearchRequested();
    void message(const QString &text, int timeoutMs);
    /// The list shows what the catalog holds now.
    void refreshed();

private:
    void onChanges(const trove::ChangeBatch &batch);
    void show(const QList<CollectionInfo> &all);
    void askNew();
    void askDelete();
    void updateButtons();

    QPointer<LibrarySession> m_session;
    QListWidget *m_list;
    QToolButton *m_new;
    QToolButton *m_add;
    QToolButton *m_remove;
    QToolButton *m_delete;
    QList<CollectionInfo> m_collections;
    quint64 m_generation = 0; ///< stale reads are dropped
    /// Counts that images coming and going move are read again at most
    /// once a second: each read opens the catalog on a pool thread, and an
    /// ingest commits a batch every few hundred milliseconds.
    QTimer m_recount;
};

} // namespace trove::ui
