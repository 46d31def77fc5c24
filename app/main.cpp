// SPDX-License-Identifier: MIT
// One executable: with a command word it is the CLI (no display needed);
// otherwise it opens the window, importing any files given.
#include "base/allocator.h"
#include "base/platform.h"
#include "cli.h"
#include "codeclog.h"
#include "diagnostics/stallmonitor.h"
#include "gallery/galleryview.h"
#include "iconstyle.h"
#include "mainwindow.h"
#include "storage/librarypaths.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <optional>

namespace {

void describeApplication()
{
    // Where the package puts the image-format plugin (libavif, libheif,
    // libjxl, libopenjp2): Qt loads it from there at the first decode.
    QCoreApplication::addLibraryPath(
        QCoreApplication::applicationDirPath() + QStringLiteral("/" TROVE_PLUGIN_DIR));
    QCoreApplication::setApplicationName(QStringLiteral("Trove"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TROVE_VERSION));
}

} // namespace

int main(int argc, char *argv[])
{
    trove::tuneAllocator();
    trove::usePlainEventLoops();
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    // Before any thread decodes: codec chatter stays off the terminal.
    trove::installCodecMessageFilter();

    if (trove::cli::isCliInvocation(args)) {
        if (!trove::cli::decodesImages(args)) {
            QCoreApplication app(argc, argv);
            describeApplication();
            return trove::cli::run(args);
        }
        // QtSvg lays out an SVG's <text> with the font database, which
        // exists only in a QGuiApplication (in a QCoreApplication it
        // aborts the process). The minimal platform needs no display;
        // what it says on start-up (XDG_RUNTIME_DIR unset, as for root)
        // goes to the trove.codec log, not to the terminal.
        qputenv("QT_QPA_PLATFORM", "minimal:enable_fonts");
        std::optional<QGuiApplication> app;
        {
            const trove::CodecScope quiet;
            app.emplace(argc, argv);
        }
        describeApplication();
        return trove::cli::run(args);
    }

    QApplication app(argc, argv);
    // First, so that it sees everything the window does (TROVE_STALL_REPORT).
    trove::StallMonitor *stalls = trove::StallMonitor::fromEnvironment(&app);
    describeApplication();
    // The window only: commands above print English, which scripts parse.
    trove::ui::installConfiguredTranslators(app);
    trove::quitOnTerminateSignals();
    trove::adoptWindowThreadPolicy();
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Trove"));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.trove.Trove"));
    // Message boxes and file dialogs show the same icons as the window.
    trove::ui::IconStyle::install();
    QApplication::setWindowIcon(QIcon::fromTheme(QStringLiteral("io.github.trove.Trove"),
        QIcon(QStringLiteral(":/icons/io.github.trove.Trove.svg"))));

    QCommandLineParser parser;
    parser.addOption({ QStringLiteral("library"), QStringLiteral("The library folder."),
        QStringLiteral("DIR") });
    parser.addPositionalArgument(
        QStringLiteral("files"), QStringLiteral("Images to import."), QStringLiteral("[FILE...]"));
    parser.process(app);

    trove::ui::MainWindow window(
        trove::LibraryPaths::resolve(parser.value(QStringLiteral("library"))));
    if (stalls)
        QObject::connect(window.galleryView(), &trove::ui::GalleryView::framePainted, stalls,
            &trove::StallMonitor::framePainted);
    window.show();
    window.ingest(parser.positionalArguments());
    return app.exec();
}
