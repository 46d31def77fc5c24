// SPDX-License-Identifier: MIT
#include "statustray.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QSizeGrip>
#include <QStyle>
#include <algorithm>
#include <limits>

namespace trove::ui {

StatusTray::StatusTray(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    setFixedSize(m_layout->sizeHint());
    if (parent)
        parent->installEventFilter(this); // its width is the room there is
}

StatusTray::~StatusTray() = default;

void StatusTray::addWidget(QWidget *widget)
{
    m_layout->addWidget(widget);
    fit();
}

bool StatusTray::event(QEvent *event)
{
    // A child's new text, size or visibility lands here as a layout request
    // (the layout has handled it already, QApplication gives it first).
    const bool handled = QWidget::event(event);
    if (event->type() == QEvent::LayoutRequest || event->type() == QEvent::Show)
        fit();
    return handled;
}

bool StatusTray::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parent() && event->type() == QEvent::Resize)
        fit();
    return false;
}

void StatusTray::fit()
{
    QSize wanted = m_layout->sizeHint();
    int room = std::numeric_limits<int>::max();
    if (const QWidget *bar = parentWidget()) {
        // What the status bar keeps besides this box: its size grip and
        // the spacing around them.
        const QSizeGrip *grip = bar->findChild<QSizeGrip *>(QString(), Qt::FindDirectChildrenOnly);
        const int spacing = std::max(0, style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing));
        room = bar->contentsRect().width() - 3 * spacing
            - (grip && grip->isVisible() ? grip->sizeHint().width() : 0);
        wanted.setWidth(std::max(m_layout->minimumSize().width(), std::min(wanted.width(), room)));
    }
    // A few characters less keep the width there is: a count falling a
    // digit at a time (a million images removed in batches) laid out the
    // whole window at each, 7.6 ms of a 16.6 ms gap at a million. Growing,
    // or a status bar that narrows, takes effect at once.
    const int slack = kShrinkSlackChars * fontMetrics().averageCharWidth();
    if (wanted.height() == height() && wanted.width() < width() && width() - wanted.width() <= slack
        && width() <= room)
        wanted.setWidth(width());
    if (wanted != minimumSize() || wanted != maximumSize())
        setFixedSize(wanted); // the one climb: the status bar lays out again
}

} // namespace trove::ui
