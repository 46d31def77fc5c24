// SPDX-License-Identifier: MIT
#include "icons.h"

#include "iconengine.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <iterator>

// Outside any namespace, as rcc names it: the icons live in this static
// library, and an unreferenced resource object would not be linked.
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace trove::ui {

namespace {

struct IconEntry {
    Icon id;
    const char *file; // resources/icons/<file>.svg
    const char *theme; // the freedesktop name
};

// Two entries may share a theme name (Find Similar is the theme's search);
// Trove's own set draws each one apart.
constexpr IconEntry kIcons[] = {
    { Icon::Add, "list-add", "list-add" },
    { Icon::ImportFolder, "folder-import", "document-import" },
    { Icon::OpenLibrary, "folder-open", "folder-open" },
    { Icon::BackUp, "backup", "document-save-as" },
    { Icon::Export, "export", "document-export" },
    { Icon::Download, "download", "download" },
    { Icon::Quit, "quit", "application-exit" },
    { Icon::Undo, "undo", "edit-undo" },
    { Icon::Redo, "redo", "edit-redo" },
    { Icon::Paste, "paste", "edit-paste" },
    { Icon::Copy, "copy", "edit-copy" },
    { Icon::CopyLink, "link", "link" },
    { Icon::Search, "search", "edit-find" },
    { Icon::Clear, "clear", "edit-clear" },
    { Icon::FindSimilar, "find-similar", "edit-find" },
    { Icon::FindDuplicates, "duplicates", "edit-copy" },
    { Icon::Statistics, "statistics", "view-statistics" },
    { Icon::Info, "info", "dialog-information" },
    { Icon::View, "view", "view-preview" },
    { Icon::Tags, "tag", "tag" },
    { Icon::Delete, "trash", "edit-delete" },
    { Icon::OpenInBrowser, "globe", "globe" },
    { Icon::Settings, "settings", "configure" },
    { Icon::Help, "help", "help-contents" },
    { Icon::ZoomIn, "zoom-in", "zoom-in" },
    { Icon::ZoomOut, "zoom-out", "zoom-out" },
    { Icon::ZoomFit, "zoom-fit", "zoom-fit-best" },
    { Icon::ZoomFitWidth, "zoom-fit-width", "zoom-fit-width" },
    { Icon::ZoomActual, "zoom-original", "zoom-original" },
    { Icon::Play, "play", "media-playback-start" },
    { Icon::Pause, "pause", "media-playback-pause" },
    { Icon::FullScreen, "fullscreen", "view-fullscreen" },
    { Icon::Previous, "previous", "go-previous" },
    { Icon::Next, "next", "go-next" },
    { Icon::Back, "back", "go-previous-view" },
    { Icon::Forward, "forward", "go-next-view" },
    { Icon::Up, "up", "go-up" },
    { Icon::Down, "down", "go-down" },
    { Icon::Retry, "retry", "view-refresh" },
    { Icon::Cancel, "cancel", "dialog-cancel" },
    { Icon::Stop, "stop", "process-stop" },
    { Icon::ClearFinished, "clear-finished", "edit-clear-history" },
    { Icon::Filter, "filter", "view-filter" },
    { Icon::Warning, "warning", "dialog-warning" },
    { Icon::Error, "error", "dialog-error" },
    { Icon::Ok, "ok", "dialog-ok" },
    { Icon::Done, "done", "dialog-ok-apply" },
    { Icon::Waiting, "waiting", "chronometer" },
    { Icon::Processing, "processing", "system-run" },
    { Icon::Save, "save", "document-save" },
    { Icon::ViewList, "view-list", "view-list-details" },
    { Icon::ViewIcons, "view-icons", "view-list-icons" },
    { Icon::NewFolder, "folder-new", "folder-new" },
    { Icon::Close, "close", "window-close" },
    { Icon::Float, "float", "window-restore" },
    { Icon::More, "more", "arrow-right-double" },
};

const IconEntry &entry(Icon id)
{
    return kIcons[std::size_t(id)];
}

bool themeHasEverything()
{
    if (QIcon::themeName().isEmpty())
        return false;
    return std::all_of(std::begin(kIcons), std::end(kIcons),
        [](const IconEntry &e) { return QIcon::hasThemeIcon(QLatin1String(e.theme)); });
}

} // namespace

constexpr bool rowsInEnumOrder()
{
    for (std::size_t i = 0; i < std::size(kIcons); ++i)
        if (std::size_t(kIcons[i].id) != i)
            return false;
    return std::size(kIcons) == std::size_t(Icon::More) + 1;
}
static_assert(rowsInEnumOrder(), "one row per Icon, in the enum's order");

bool usesThemeIcons()
{
    // Decided once: icons created earlier keep their source, so a later
    // answer could only mix the two.
    static const bool theme = themeHasEverything();
    return theme;
}

QList<Icon> allIcons()
{
    QList<Icon> out;
    for (const IconEntry &e : kIcons)
        out.append(e.id);
    return out;
}

QString iconResource(Icon id)
{
    return QStringLiteral(":/icons/actions/%1.svg").arg(QLatin1String(entry(id).file));
}

QString iconThemeName(Icon id)
{
    return QLatin1String(entry(id).theme);
}

QIcon icon(Icon id)
{
    static const bool initialised = [] {
        initIconResources();
        return true;
    }();
    Q_UNUSED(initialised);
    if (usesThemeIcons())
        return QIcon::fromTheme(iconThemeName(id));
    return QIcon(new PaletteIconEngine(iconResource(id), QLatin1String(entry(id).file)));
}

std::optional<Icon> iconForStandardPixmap(QStyle::StandardPixmap pixmap)
{
    switch (pixmap) {
    case QStyle::SP_DialogYesButton:
    case QStyle::SP_DialogOkButton:
    case QStyle::SP_DialogApplyButton:
        return Icon::Ok;
    case QStyle::SP_DialogNoButton:
    case QStyle::SP_DialogCancelButton:
        return Icon::Cancel;
    case QStyle::SP_DialogCloseButton:
    case QStyle::SP_DockWidgetCloseButton:
    case QStyle::SP_TitleBarCloseButton:
        return Icon::Close;
    case QStyle::SP_TitleBarNormalButton:
        return Icon::Float;
    case QStyle::SP_ToolBarHorizontalExtensionButton:
        return Icon::More;
    case QStyle::SP_DialogSaveButton:
        return Icon::Save;
    case QStyle::SP_DialogOpenButton:
        return Icon::OpenLibrary;
    case QStyle::SP_DialogDiscardButton:
    case QStyle::SP_TrashIcon:
        return Icon::Delete;
    case QStyle::SP_DialogResetButton:
        return Icon::Undo;
    case QStyle::SP_DialogHelpButton:
    case QStyle::SP_MessageBoxQuestion:
        return Icon::Help;
    case QStyle::SP_MessageBoxInformation:
        return Icon::Info;
    case QStyle::SP_MessageBoxWarning:
        return Icon::Warning;
    case QStyle::SP_MessageBoxCritical:
        return Icon::Error;
    case QStyle::SP_LineEditClearButton:
        return Icon::Clear;
    case QStyle::SP_ArrowBack:
    case QStyle::SP_ArrowLeft:
    case QStyle::SP_FileDialogBack:
        return Icon::Back;
    case QStyle::SP_ArrowForward:
    case QStyle::SP_ArrowRight:
        return Icon::Forward;
    case QStyle::SP_ArrowUp:
    case QStyle::SP_FileDialogToParent:
        return Icon::Up;
    case QStyle::SP_ArrowDown:
    case QStyle::SP_ToolBarVerticalExtensionButton:
        return Icon::Down;
    case QStyle::SP_FileDialogNewFolder:
        return Icon::NewFolder;
    case QStyle::SP_FileDialogDetailedView:
        return Icon::ViewList;
    case QStyle::SP_FileDialogListView:
        return Icon::ViewIcons;
    case QStyle::SP_BrowserReload:
        return Icon::Retry;
    case QStyle::SP_BrowserStop:
        return Icon::Stop;
    case QStyle::SP_MediaPlay:
        return Icon::Play;
    case QStyle::SP_MediaPause:
        return Icon::Pause;
    default:
        // Files, folders and drives keep the style's own.
        return std::nullopt;
    }
}

bool hasAppIcon()
{
    return QIcon::hasThemeIcon(QStringLiteral("io.github.trove.Trove"))
        || QFile::exists(QStringLiteral(":/icons/io.github.trove.Trove.svg"));
}

void paintPictureGlyph(QPainter *painter, const QRectF &rect, const QColor &color)
{
    const qreal side = std::min(rect.width(), rect.height());
    const QRectF frame(
        rect.center().x() - side / 2, rect.center().y() - side * 0.4, side, side * 0.8);
    const qreal pen = std::max(1.5, side / 24);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color, pen, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter->setBrush(Qt::NoBrush);
    const QRectF inner = frame.adjusted(pen / 2, pen / 2, -pen / 2, -pen / 2);
    painter->drawRoundedRect(inner, side / 12, side / 12);
    painter->setBrush(color);
    painter->setPen(Qt::NoPen);
    painter->drawEllipse(
        QPointF(inner.left() + inner.width() * 0.7, inner.top() + inner.height() * 0.32), side / 11,
        side / 11);
    QPainterPath hills;
    hills.moveTo(inner.left() + pen, inner.bottom() - pen);
    hills.lineTo(inner.left() + inner.width() * 0.35, inner.top() + inner.height() * 0.45);
    hills.lineTo(inner.left() + inner.width() * 0.55, inner.top() + inner.height() * 0.68);
    hills.lineTo(inner.left() + inner.width() * 0.7, inner.top() + inner.height() * 0.55);
    hills.lineTo(inner.right() - pen, inner.bottom() - pen);
    hills.closeSubpath();
    painter->drawPath(hills);
    painter->restore();
}

QIcon appIcon()
{
    static const QString resource = QStringLiteral(":/icons/io.github.trove.Trove.svg");
    if (QIcon::hasThemeIcon(QStringLiteral("io.github.trove.Trove")))
        return QIcon::fromTheme(QStringLiteral("io.github.trove.Trove"));
    if (QFile::exists(resource))
        return QIcon(resource);
    return QApplication::style()->standardIcon(QStyle::SP_FileIcon);
}

} // namespace trove::ui
