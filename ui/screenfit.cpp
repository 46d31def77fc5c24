// SPDX-License-Identifier: MIT
#include "screenfit.h"

#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

namespace trove::ui {

QSize withinScreen(QSize wanted, const QWidget *widget, qreal share)
{
    const QScreen *screen = widget ? widget->screen() : nullptr;
    if (!screen)
        screen = QGuiApplication::primaryScreen();
    return screen ? wanted.boundedTo(screen->availableGeometry().size() * share) : wanted;
}

} // namespace trove::ui
