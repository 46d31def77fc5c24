// SPDX-License-Identifier: MIT
#pragma once

// Shared fixture of the window suites: a fresh library and settings folder
// per test, the real MainWindow shown (offscreen) and active, and small
// helpers to reach its parts and to drive drops.

#include "gallery/galleryview.h"
#include "imagefactory.h"
#include "mainwindow.h"
#include "models/librarysession.h"
#include "testfiles.h"
#include "timebounds.h"
#include "translations.h"

#include <QApplication>
#include <QBuffer>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QImageWriter>
#include <QMimeData>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

namespace trove::uitest {

/// The offscreen platform warns about every dock and toolbar it cannot
/// size; that noise would bury real warnings.
inline void quietOffscreenNoise()
{
    static QtMessageHandler previous = nullptr;
    previous = qInstallMessageHandler(
        [](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message.contains(QLatin1String("propagateSizeHints"))
                || message.contains(QLatin1String("does not support raise")))
                return;
            if (previous)
                previous(type, context, message);
        });
}

/// Settings go to a throwaway folder; the user's are never touched.
inline void isolateSettings(const QString &dir)
{
    quietOffscreenNoise();
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("trove-ui-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("trove-ui-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir);
    // English as the window shows it: plurals from trove_en ("1 image"),
    // stored as main() would find it.
    QSettings().setValue(QLatin1String(ui::kLanguageKey), QStringLiteral("en"));
    ui::installTranslators(*QCoreApplication::instance(), QStringLiteral("en"));
}

/// A window over a fresh library in @p dir, shown and active, library open.
inline std::unique_ptr<ui::MainWindow> openWindow(const QString &dir, bool resize = true)
{
    auto window = std::make_unique<ui::MainWindow>(LibraryPaths(dir));
    if (resize)
        window->resize(1100, 760);
    window->show();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window did not become active");
    if (!QTest::qWaitFor([&] { return window->session()->isOpen(); }, test::kLivenessMs))
        qWarning("library did not open");
    return window;
}

/// Sends a drag-enter and a drop of @p mime to @p target (a widget or a
/// view's viewport), as a file manager or a browser would.
inline bool drop(QWidget *target, QMimeData *mime)
{
    const QPoint pos = target->rect().center();
    QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &enter);
    if (!enter.isAccepted())
        return false;
    QDropEvent dropEvent(QPointF(pos), Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target, &dropEvent);
    return dropEvent.isAccepted();
}

/// A double click as the window system delivers it: press, release,
/// double-click, release. (QTest::mouseDClick on Qt 6.4 widgets arrives
/// without the first press and release, which item views ignore.)
inline void doubleClick(QWidget *target, const QPoint &pos)
{
    const QPointF local(pos);
    const QPointF global(target->mapToGlobal(pos));
    for (QEvent::Type type : { QEvent::MouseButtonPress, QEvent::MouseButtonRelease,
             QEvent::MouseButtonDblClick, QEvent::MouseButtonRelease }) {
        const Qt::MouseButtons buttons
            = type == QEvent::MouseButtonRelease ? Qt::NoButton : Qt::LeftButton;
        QMouseEvent event(type, local, global, Qt::LeftButton, buttons, Qt::NoModifier);
        QApplication::sendEvent(target, &event);
    }
}

// Images come from ImageFactory (solidPng for grabs), files are written
// with trove::test::writeFile (testfiles.h).
using test::ImageFactory;
using test::writeFile;

/// Rows of the gallery whose thumbnail has arrived.
inline int rowsWithThumbnails(const QAbstractItemModel *model)
{
    int n = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (!model->index(row, 0).data(GalleryModel::ThumbnailRole).value<QImage>().isNull())
            ++n;
    }
    return n;
}

} // namespace trove::uitest
