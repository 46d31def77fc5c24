// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QFont>
#include <QImage>
#include <QSize>
#include <QString>

namespace trove::ui {

/// What the empty grid shows: an icon, a title and a wrapped hint, centred
/// in a strip as wide as the grid. A value, so that it can be drawn on a
/// worker thread (renderEmptyState()).
struct EmptyStateLook {
    int width = 0; ///< the grid's width, device-independent pixels
    int iconSize = 128;
    bool appIcon = true; ///< Trove's own icon; else a drawn picture glyph
    QColor ink; ///< the palette's WindowText
    QFont font;
    qreal dpr = 1.0;
    bool rightToLeft = false;
    QString title;
    QString hint;

    /// Looks that draw the same pixels have the same key.
    QString key() const;
};

/// Draws @p look into an image as wide as the grid and as tall as the
/// words and icon need, at the look's device pixel ratio. Touches no
/// QIcon, QPixmap or widget, so that it may run off the GUI thread: the
/// first draw of the empty library (the SVG icon, the wrapped hint) took
/// 9 ms, and came in the frame where a Select All + Delete emptied the grid.
QImage renderEmptyState(const EmptyStateLook &look);

} // namespace trove::ui
