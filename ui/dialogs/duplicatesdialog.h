// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>
#include <functional>

class QLabel;
class QListView;
class QPushButton;
class QUndoStack;

namespace trove {
class DuplicatesModel;
class LibrarySession;
} // namespace trove

namespace trove::ui {

/// Image ▸ Find Duplicates: every group of near-duplicates in the library,
/// one row each (DuplicatesModel, painted by DuplicateGroupDelegate): the
/// images side by side, the one Keep Best keeps first (the rule is shown
/// above), each with its size, format, dimensions, sources, date and
/// distance. Per group, "Keep Best" merges the others' tags and sources
/// into it and moves them to the trash (undoable: Edit ▸ Undo), "Not
/// Duplicates" remembers the pairs so the group does not come back. The
/// search, the records and the writes run off the GUI thread; images
/// removed or restored anywhere leave or rejoin their groups as the change
/// feed reports them. Modeless, deletes itself on close. GUI thread.
class DuplicatesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesDialog)

public:
    using Reporter = std::function<void(const QString &)>;
    DuplicatesDialog(
        LibrarySession *session, QUndoStack *undo, Reporter report, QWidget *parent = nullptr);
    ~DuplicatesDialog() override;

    QListView *groups() const { return m_groups; }
    DuplicatesModel *model() const { return m_model; }
    /// Act on the group of the current row.
    void keepBest();
    void notDuplicates();
    /// Searches again.
    void refresh();

    /// "Not Duplicates" marks every pair of a group: up to this many images.
    static constexpr int kMaxApart = 300;

Q_SIGNALS:
    /// A search answered, or an action on a group was written.
    void finished();

private:
    void searched(const QString &error);
    void updateButtons();
    void showSummary();

    QPointer<LibrarySession> m_session;
    QUndoStack *m_undo;
    Reporter m_report;
    DuplicatesModel *m_model;
    QLabel *m_status;
    QListView *m_groups;
    QPushButton *m_keep;
    QPushButton *m_apart;
    QPushButton *m_refresh;
    QString m_note; ///< what the last action did, under the summary
    /// The undo stack's index just after the Keep Best the note speaks of;
    /// -1 when the note is about nothing undoable.
    int m_noteUndoIndex = -1;
    bool m_busy = false;
};

} // namespace trove::ui
