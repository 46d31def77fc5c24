// SPDX-License-Identifier: MIT
#include "gallery/tagcountdelegate.h"

#include "models/tagcountsmodel.h"

#include <QApplication>
#include <QLocale>
#include <QPainter>

namespace trove::ui {

void TagCountDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QString count = QLocale().toString(index.data(TagCountsModel::CountRole).toLongLong());
    const int countWidth = opt.fontMetrics.horizontalAdvance(count) + 12;
    opt.text = opt.fontMetrics.elidedText(
        opt.text, Qt::ElideRight, std::max(0, opt.rect.width() - countWidth - 8));
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    painter->save();
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(
        opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(opt.rect.adjusted(0, 0, -6, 0), Qt::AlignRight | Qt::AlignVCenter, count);
    painter->restore();
}

QSize TagCountDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    // Room for the count beside the tag.
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += option.fontMetrics.horizontalAdvance(QStringLiteral("0000000")) + 12;
    return size;
}

} // namespace trove::ui
