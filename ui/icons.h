// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>
#include <QList>
#include <QStyle>
#include <optional>

class QPainter;
class QWidget;

namespace trove::ui {

/// Every action and control icon the window shows. One source for all of
/// them: the desktop's icon theme when it has every name below (a KDE
/// user gets Breeze), otherwise Trove's own line set (resources/icons/),
/// never a mix of the two.
enum class Icon {
    Add,
    ImportFolder,
    OpenLibrary,
    BackUp,
    Export,
    Download,
    Quit,
    Undo,
    Redo,
    Paste,
    Copy,
    CopyLink,
    Search,
    Clear,
    FindSimilar,
    FindDuplicates,
    Statistics,
    Info,
    View,
    Tags,
    Delete,
    OpenInBrowser,
    Settings,
    Help,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    ZoomFitWidth,
    ZoomActual,
    Play,
    Pause,
    FullScreen,
    Previous,
    Next,
    Back,
    Forward,
    Up,
    Down,
    Retry,
    Cancel,
    Stop,
    ClearFinished,
    Filter,
    Warning,
    Error,
    Ok,
    Done,
    Waiting,
    Processing,
    Save,
    ViewList,
    ViewIcons,
    NewFolder,
    Close,
    Float,
    More,
};

/// The icon for @p id from the one source in use. Trove's own icons are
/// drawn in the palette's text colour at paint time, so they follow a
/// switch between light and dark without being asked again.
QIcon icon(Icon id);

/// Whether the desktop theme supplies the icons (it has every name).
bool usesThemeIcons();

/// Every Icon value, for checks that the set is complete.
QList<Icon> allIcons();
/// The resource of Trove's own drawing of @p id (":/icons/actions/…svg").
QString iconResource(Icon id);
/// The freedesktop name asked of the desktop theme for @p id.
QString iconThemeName(Icon id);
/// The icon that stands in for one of the style's standard pixmaps (the
/// buttons of message boxes and file dialogs), if Trove has one.
std::optional<Icon> iconForStandardPixmap(QStyle::StandardPixmap pixmap);

/// The application's own icon, with a generic image icon as fallback.
QIcon appIcon();
/// Whether the application's own icon is available (resource or theme).
bool hasAppIcon();

/// A line drawing of a picture (frame, sun, hills) in @p color, the same on
/// every platform: placeholders and the empty gallery use it.
void paintPictureGlyph(QPainter *painter, const QRectF &rect, const QColor &color);

} // namespace trove::ui
