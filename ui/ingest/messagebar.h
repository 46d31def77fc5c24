// SPDX-License-Identifier: MIT
#pragma once

#include "icons.h"

#include <QList>

class QFrame;
class QLabel;
class QWidget;

namespace trove::ui {

/// Lays out a bar shown above the gallery (DiskFullBar, DuplicateOffer):
/// a framed row of a 22 px icon, @p text wrapping and selectable
/// in the room left, then @p buttons. The bar keeps its own palette and
/// text format.
void layOutMessageBar(QFrame *bar, Icon glyph, QLabel *text, const QList<QWidget *> &buttons);

} // namespace trove::ui
