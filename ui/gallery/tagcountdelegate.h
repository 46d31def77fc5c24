// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace trove::ui {

/// A row of a TagCountsModel: the tag, elided if it must be, and on the
/// right, dimmed, how many images carry it. The completion popups and the
/// Tags sidebar. GUI thread.
class TagCountDelegate final : public QStyledItemDelegate {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagCountDelegate)

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
        const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace trove::ui
