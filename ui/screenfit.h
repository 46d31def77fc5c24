// SPDX-License-Identifier: MIT
#pragma once

#include <QSize>

class QWidget;

namespace trove::ui {

/// @p wanted, made no larger than @p share of what the screen @p widget is
/// on (the primary screen before it has one) leaves free of panels: the
/// first size of a window or dialog, which a 1366x768 laptop must be able
/// to show whole. A window's layout still keeps it at least its least size
/// when it shows. GUI thread.
QSize withinScreen(QSize wanted, const QWidget *widget, qreal share = 0.92);

} // namespace trove::ui
