// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QStyle>

class QPainter;
class QWidget;

namespace trove::ui {

/// An icon from the desktop's theme, or the style's standard pixmap where
/// the theme has none (bare X11, offscreen, Windows).
QIcon themedIcon(
    const QString &name, QStyle::StandardPixmap fallback, const QWidget *widget = nullptr);

/// What a viewer control shows: a magnifier with a sign, a frame, the
/// media symbols.
enum class ViewerGlyph {
    ZoomIn,
    ZoomOut,
    Fit,
    FitWidth,
    Actual,
    Play,
    Pause,
    FullScreen,
    Previous,
    Next
};
/// The theme's icon @p name, or one drawn here in the palette's text colour
/// (the style's fallbacks are arrows that read as "download", and dark
/// symbols that vanish on a dark palette).
QIcon viewerIcon(const QString &name, ViewerGlyph glyph);

/// The application's own icon, with a generic image icon as fallback.
QIcon appIcon();
/// Whether the application's own icon is available (resource or theme).
bool hasAppIcon();

/// A line drawing of a picture (frame, sun, hills) in @p color, the same on
/// every platform: placeholders and the empty gallery use it.
void paintPictureGlyph(QPainter *painter, const QRectF &rect, const QColor &color);

} // namespace trove::ui
