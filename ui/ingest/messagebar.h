// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStyle>

class QFrame;
class QLabel;
class QWidget;

namespace trove::ui {

/// Lays out a bar shown above the gallery (DiskFullBar, DuplicateOffer):
/// a framed row of a 22 px standard icon, @p text wrapping and selectable
/// in the room left, then @p buttons. The bar keeps its own palette and
/// text format.
void layOutMessageBar(
    QFrame *bar, QStyle::StandardPixmap icon, QLabel *text, const QList<QWidget *> &buttons);

} // namespace trove::ui
