// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogwriter.h"
#include "models/trashmodel.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QUndoStack;

namespace trove {
class LibrarySession;
} // namespace trove

namespace trove::ui {

/// The library's trash (View ▸ Trash): what was removed, newest first,
/// with Restore (undoable with Ctrl+Z in the window), Delete for Good and
/// Empty Trash. The list reads the trash while the window shows and
/// follows every change to it, from this window or any other process; a
/// selection is row ranges (Select All of a million is one), resolved to
/// keys on the reader thread and written in batches with progress.
/// Modeless. GUI thread.
class TrashDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrashDialog)

public:
    explicit TrashDialog(QUndoStack *undo, QWidget *parent = nullptr);
    ~TrashDialog() override;

    void setSession(LibrarySession *session);
    TrashModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QPushButton *restoreButton() const { return m_restore; }
    QPushButton *deleteButton() const { return m_delete; }
    /// The list's context menu (and the Delete key): Restore and Delete
    /// for Good… on the selection, enabled as the buttons are.
    QAction *restoreAction() const { return m_restoreAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QPushButton *emptyButton() const { return m_empty; }
    /// Narrows the list to names and tags holding its words.
    QLineEdit *filterField() const { return m_filter; }
    /// What the last action said (done, or why not).
    QString note() const;

    /// The actions, as the buttons run them (the two that delete ask
    /// first).
    void restoreSelected();
    void deleteSelected();
    void emptyTrash();

Q_SIGNALS:
    /// What an undo or redo of a restore made here did (the status bar).
    void message(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class Act { Restore, Delete };
    /// The selection as sorted, disjoint row ranges (first, last).
    QList<QPair<qint64, qint64>> selectedRanges() const;
    /// @p scope: whether @p ranges count in the rows the filter shows or
    /// in the whole trash (Empty Trash).
    void act(Act what, const QList<QPair<qint64, qint64>> &ranges,
        TrashModel::Scope scope = TrashModel::Scope::Shown);
    void run(Act what, const QList<qint64> &keys);
    bool confirmDelete(qint64 count, bool all);
    void updateState();
    void say(const QString &text);
    /// What a restore of @p done images says, @p merged of them merged
    /// into the same bytes added again meanwhile.
    static QString restoredText(qint64 done, const QList<RestoreMerge> &merged);

    QPointer<LibrarySession> m_session;
    QPointer<QUndoStack> m_undo;
    TrashModel *m_model;
    QTableView *m_view;
    QLabel *m_summary;
    QLineEdit *m_filter;
    QLabel *m_note;
    QPushButton *m_restore;
    QPushButton *m_delete;
    QPushButton *m_empty;
    QAction *m_restoreAction;
    QAction *m_deleteAction;
    quint64 m_pendingTicket = 0;
    Act m_pendingAct = Act::Restore;
    bool m_busy = false;
};

} // namespace trove::ui
