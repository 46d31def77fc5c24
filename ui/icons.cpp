// SPDX-License-Identifier: MIT
#include "icons.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPainterPath>
#include <QWidget>
#include <algorithm>

namespace trove::ui {

QIcon themedIcon(const QString &name, QStyle::StandardPixmap fallback, const QWidget *widget)
{
    if (QIcon::hasThemeIcon(name))
        return QIcon::fromTheme(name);
    const QStyle *style = widget ? widget->style() : QApplication::style();
    return style->standardIcon(fallback, nullptr, widget);
}

bool hasAppIcon()
{
    return QIcon::hasThemeIcon(QStringLiteral("io.github.trove.Trove"))
        || QFile::exists(QStringLiteral(":/icons/io.github.trove.Trove.svg"));
}

void paintPictureGlyph(QPainter *painter, const QRectF &rect, const QColor &color)
{
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF frame(
        rect.center().x() - side / 2, rect.center().y() - side * 0.4, side, side * 0.8);
    const qreal pen = std::max(1.5, side / 24);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    const QRectF inner = frame.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2);
    painter->drawRoundedRect(inner, side / 12, side / 12);
    painter->setBrush(color);
    painter->setPen(Qt::NoPen);
    painter->drawEllipse(
        QPointF(inner.left() + inner.width() * 0.7, inner.top() + inner.height() * 0.32), side / 11,
        side / 11);
    QPainterPath hills;
    hills.moveTo(inner.left() + pen, inner.bottom() - pen);
    hills.lineTo(inner.left() + inner.width() * 0.35, inner.top() + inner.height() * 0.45);
    hills.lineTo(inner.left() + inner.width() * 0.55, inner.top() + inner.height() * 0.68);
    hills.lineTo(inner.left() + inner.width() * 0.7, inner.top() + inner.height() * 0.55);
    hills.lineTo(inner.right() - pen, inner.bottom() - pen);
    hills.closeSubpath();
    painter->drawPath(hills);
    painter->restore();
}

QIcon appIcon()
{
    static const QString resource = QStringLiteral(":/icons/io.github.trove.Trove.svg");
    if (QIcon::hasThemeIcon(QStringLiteral("io.github.trove.Trove")))
        return QIcon::fromTheme(QStringLiteral("io.github.trove.Trove"));
    if (QFile::exists(resource))
        return QIcon(resource);
    return themedIcon(QStringLiteral("image-x-generic"), QStyle::SP_FileIcon);
}

} // namespace trove::ui
