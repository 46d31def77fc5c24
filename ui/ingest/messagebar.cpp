// SPDX-License-Identifier: MIT
#include "ingest/messagebar.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

namespace trove::ui {

void layOutMessageBar(
    QFrame *bar, QStyle::StandardPixmap icon, QLabel *text, const QList<QWidget *> &buttons)
{
    bar->setFrameShape(QFrame::StyledPanel);
    auto *iconLabel = new QLabel(bar);
    iconLabel->setPixmap(bar->style()->standardIcon(icon).pixmap(22, 22));
    text->setWordWrap(true);
    text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(bar);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(iconLabel);
    layout->addWidget(text, 1);
    for (QWidget *button : buttons)
        layout->addWidget(button);
}

} // namespace trove::ui
