// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QPointer>
#include <functional>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
class QUndoStack;

namespace trove {
class LibrarySession;
struct DuplicateGroups;
} // namespace trove

namespace trove::ui {

/// Image ▸ Find Duplicates: every group of near-duplicates in the library,
/// the image "Keep Best" would keep first (the rule is shown), each image
/// with its distance, dimensions, format, size, date and sources. Per
/// group, "Keep Best" merges the others' tags and sources into it and moves
/// them to the trash (undoable: Edit ▸ Undo), "Not Duplicates" remembers
/// the pairs so the group does not come back. Searching and writing run off
/// the GUI thread. Modeless, deletes itself on close. GUI thread.
class DuplicatesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicatesDialog)

public:
    using Reporter = std::function<void(const QString &)>;
    DuplicatesDialog(
        LibrarySession *session, QUndoStack *undo, Reporter report, QWidget *parent = nullptr);
    ~DuplicatesDialog() override;

    QTreeWidget *groups() const { return m_groups; }
    /// Acts on the group of the current row.
    void keepBest();
    void notDuplicates();
    /// Searches again (after the library changed).
    void refresh();

Q_SIGNALS:
    /// A search answered, or an action on a group was written.
    void finished();

private:
    void showGroups(const DuplicateGroups &found);
    QTreeWidgetItem *currentGroup() const;
    void updateButtons();

    QPointer<LibrarySession> m_session;
    QUndoStack *m_undo;
    Reporter m_report;
    QLabel *m_status;
    QTreeWidget *m_groups;
    QPushButton *m_keep;
    QPushButton *m_apart;
    bool m_busy = false;
};

} // namespace trove::ui
