// SPDX-License-Identifier: MIT
#include "ingest/messagebar.h"

#include "iconlabel.h"

#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>

namespace trove::ui {

void layOutMessageBar(QFrame *bar, Icon glyph, QLabel *text, const QList<QWidget *> &buttons)
{
    bar->setFrameShape(QFrame::StyledPanel);
    auto *iconLabel = new IconLabel(icon(glyph), 22, bar);
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
