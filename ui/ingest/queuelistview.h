// SPDX-License-Identifier: MIT
#pragma once

#include <QTableView>

namespace trove::ui {

/// The queue panel's list: one column of uniform rows, drawn by the
/// queue's delegate. A table rather than a QListView because of what a
/// change costs: QListView lays out every row again after each insert or
/// removal (an index and a hidden-row test per row), so with 100,000 items
/// queued, rows finishing one by one kept the GUI thread busy in layout.
/// A table's rows are header sections of one fixed height: an insert moves
/// an array of sections, and painting and hit-testing look at the rows on
/// screen only. GUI thread.
class QueueListView final : public QTableView {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QueueListView)

public:
    explicit QueueListView(QWidget *parent = nullptr);

    /// Takes the row height from the item delegate's size hint; called
    /// again when the font or style changes.
    void fitRowsToDelegate();

protected:
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void changeEvent(QEvent *event) override;
};

} // namespace trove::ui
