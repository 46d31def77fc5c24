// SPDX-License-Identifier: MIT
#include "viewer/viewerheader.h"

#include <QEvent>
#include <QResizeEvent>
#include <QToolButton>

namespace trove::ui {

QSize ViewerHeader::minimumSizeHint() const
{
    QSize size = QWidget::minimumSizeHint();
    if (!m_compact)
        size.rwidth() -= wordsWidth();
    return size;
}

void ViewerHeader::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    const int roomy = QWidget::minimumSizeHint().width() + (m_compact ? wordsWidth() : 0);
    const bool compact = width() < roomy;
    if (compact == m_compact)
        return;
    m_compact = compact;
    for (QToolButton *button : std::as_const(m_buttons))
        button->setToolButtonStyle(compact ? Qt::ToolButtonIconOnly : Qt::ToolButtonTextBesideIcon);
}

void ViewerHeader::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        updateGeometry();
}

int ViewerHeader::wordsWidth() const
{
    int width = 0;
    for (const QToolButton *button : m_buttons)
        width += button->fontMetrics().horizontalAdvance(button->text()) + 6;
    return width;
}

} // namespace trove::ui
