// SPDX-License-Identifier: MIT
#include "ingest/queuelistview.h"

#include <QEvent>
#include <QHeaderView>

namespace trove::ui {

QueueListView::QueueListView(QWidget *parent)
    : QTableView(parent)
{
    horizontalHeader()->hide();
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->hide();
    verticalHeader()->setMinimumSectionSize(1);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    setShowGrid(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setTabKeyNavigation(false);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void QueueListView::fitRowsToDelegate()
{
    if (!itemDelegate())
        return;
    QStyleOptionViewItem option;
    initViewItemOption(&option);
    verticalHeader()->setDefaultSectionSize(itemDelegate()->sizeHint(option, {}).height());
}

QModelIndex QueueListView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    // One column: Home and End go to the first and last row, as in a list.
    if (action == MoveHome || action == MoveEnd)
        modifiers |= Qt::ControlModifier;
    return QTableView::moveCursor(action, modifiers);
}

void QueueListView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        fitRowsToDelegate();
}

} // namespace trove::ui
