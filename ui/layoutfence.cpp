// SPDX-License-Identifier: MIT
#include "layoutfence.h"

#include <QEvent>

namespace trove::ui {

LayoutFence::LayoutFence(QWidget *child, QWidget *parent)
    : QWidget(parent)
    , m_child(child)
{
    m_child->setParent(this);
    setSizePolicy(m_child->sizePolicy());
    setFocusProxy(m_child);
    takeHints();
}

LayoutFence::~LayoutFence() = default;

void LayoutFence::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_child->setGeometry(rect());
}

void LayoutFence::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    switch (event->type()) {
    case QEvent::FontChange:
    case QEvent::StyleChange:
    case QEvent::LanguageChange:
        takeHints();
        break;
    default:
        break;
    }
}

void LayoutFence::takeHints()
{
    const QSize hint = m_child->sizeHint().expandedTo(m_child->minimumSize());
    const QSize minimum = m_child->minimumSizeHint().expandedTo(m_child->minimumSize());
    if (hint == m_hint && minimum == m_minimumHint)
        return;
    m_hint = hint;
    m_minimumHint = minimum;
    updateGeometry();
}

} // namespace trove::ui
