// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace trove::ui {

/// Paints one row of the duplicates view (DuplicatesModel): the group's
/// images side by side, best first, each a thumbnail over its name,
/// dimensions and format, size and date, sources and its distance from
/// the first, which is marked as the one Keep Best keeps. What does not fit
/// the width is counted ("+12 more"); a tile's tooltip tells all of it.
/// Every row has the same height, so the view lays out 49,000 groups
/// without asking for them. GUI thread.
class DuplicateGroupDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DuplicateGroupDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

private:
    /// The tile rectangles of a row painted in @p rect, left to right.
    QList<QRect> tiles(const QStyleOptionViewItem &option) const;
};

} // namespace trove::ui
