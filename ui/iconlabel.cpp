// SPDX-License-Identifier: MIT
#include "iconlabel.h"

#include <QEvent>
#include <QPainter>

namespace trove::ui {

IconLabel::IconLabel(const QIcon &icon, int side, QWidget *parent)
    : QWidget(parent)
    , m_icon(icon)
    , m_side(side)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

IconLabel::~IconLabel() = default;

QSize IconLabel::sizeHint() const
{
    return { m_side, m_side };
}

void IconLabel::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QRect square(QPoint(0, (height() - m_side) / 2), QSize(m_side, m_side));
    m_icon.paint(&painter, square, Qt::AlignCenter, isEnabled() ? QIcon::Normal : QIcon::Disabled);
}

void IconLabel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        update();
    QWidget::changeEvent(event);
}

} // namespace trove::ui
