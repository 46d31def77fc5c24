// SPDX-License-Identifier: MIT
// Opens the real Trove window on a (big) library and does what issue 11's
// "done when" names: Ctrl+A, Delete (answering the question), then Ctrl+Z,
// measuring what a person waits for and what the GUI thread pays:
//   selection_ms        GUI time of each selection change: the key or mouse event
//                       handled, status label included; the max is the figure
//                       (click, Shift+End, Home, Ctrl+A, Ctrl+click, Ctrl+A)
//   question            the text of the Delete question (names the count)
//   remove_ms           Yes -> grid empty;  restore_ms  Ctrl+Z -> all back
//   gui                 the GUI thread's own StallMonitor from Delete to the
//                       last image back: max gap, p99, gaps over 16 ms
// Prints one JSON object; the stall report goes to --stall-report. Run it
// under Xvfb (bench/select-all does). The library ends as it started (all
// images back), unless a step times out.
//
//   trove-select-probe --library DIR [--stall-report FILE] [--timeout-s 3600]
#include "base/allocator.h"
#include "base/platform.h"
#include "benchsupport.h"
#include "diagnostics/stallmonitor.h"
#include "gallery/galleryview.h"
#include "mainwindow.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"
#include "storage/librarypaths.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <cstdio>
#include <functional>

using namespace trove;

using trove::bench::loadAverage;
using trove::bench::round1;
using trove::bench::statusMb;

namespace {

/// Runs the event loop until @p done holds; answers the ms it took, or -1.
/// A real QEventLoop with a 10 ms check, as the window's own loop runs: a
/// processEvents() loop with sleeps would put its own gaps in the report.
double until(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    if (done())
        return double(clock.nsecsElapsed()) / 1e6;
    QEventLoop loop;
    bool met = false;
    QTimer check;
    check.setInterval(10);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (done()) {
            met = true;
            loop.quit();
        } else if (clock.elapsed() > timeoutMs) {
            loop.quit();
        }
    });
    check.start();
    loop.exec();
    return met ? double(clock.nsecsElapsed()) / 1e6 : -1;
}

/// The GUI thread's time for one synchronous input event.
double timed(const std::function<void()> &input)
{
    QElapsedTimer clock;
    clock.start();
    input();
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    tuneAllocator();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Trove"));
    // As the window's own main() does: heavy work yields to the GUI.
    adoptWindowThreadPolicy();
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("library"), QStringLiteral("Library folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("stall-report"), QStringLiteral("Stall report file."),
        QStringLiteral("FILE") });
    parser.addOption({ QStringLiteral("timeout-s"), QStringLiteral("Per step."),
        QStringLiteral("S"), QStringLiteral("3600") });
    parser.process(app);
    const int timeoutMs = parser.value(QStringLiteral("timeout-s")).toInt() * 1000;
    QTemporaryDir work;
    const QString stallPath = parser.isSet(QStringLiteral("stall-report"))
        ? parser.value(QStringLiteral("stall-report"))
        : work.filePath(QStringLiteral("stalls.json"));

    ui::MainWindow window { LibraryPaths(parser.value(QStringLiteral("library"))) };
    window.resize(1280, 800);
    window.show();
    // Xvfb has no window manager: ask for the focus, as a click would. The
    // window's shortcuts (Delete, Ctrl+Z) need an active window.
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        fprintf(stderr, "select-probe: the window did not become active\n");
    GalleryModel *model = window.session()->gallery();
    ui::GalleryView *view = window.galleryView();
    if (until([&] { return model->isReady() && model->rowCount() > 0; }, timeoutMs) < 0) {
        fprintf(stderr, "select-probe: the library did not open\n");
        return 1;
    }
    const qint64 total = model->rowCount();
    QTest::qWait(1000); // start-up is not what is measured
    view->setFocus();

    // Selection changes, each a synchronous event on the GUI thread.
    QJsonObject selection;
    double selectionMax = 0;
    auto note = [&](const char *name, double ms) {
        selection.insert(QLatin1String(name), round1(ms));
        selectionMax = std::max(selectionMax, ms);
    };
    note("click", timed([&] {
        QTest::mouseClick(
            view->viewport(), Qt::LeftButton, {}, view->visualRect(model->index(2)).center());
    }));
    note("shift_end", timed([&] { QTest::keyClick(view, Qt::Key_End, Qt::ShiftModifier); }));
    const qint64 afterShiftEnd = view->selectedCount();
    note("home", timed([&] { QTest::keyClick(view, Qt::Key_Home); }));
    note("ctrl_a", timed([&] { QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier); }));
    const qint64 selectedAll = view->selectedCount();
    note("ctrl_click_off", timed([&] {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
            view->visualRect(model->index(0)).center());
    }));
    const qint64 afterCtrlClick = view->selectedCount();
    note("ctrl_a_again", timed([&] { QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier); }));

    // Delete, answering the question.
    auto *stalls = new StallMonitor(stallPath);
    stalls->framePainted();
    QString question;
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            question = box->text();
            box->button(QMessageBox::Yes)->click();
        }
    });
    answer.start();
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(view, Qt::Key_Delete);
    answer.stop();
    const double removeMs = until([&] { return model->rowCount() == 0; }, timeoutMs);
    if (removeMs < 0)
        fprintf(stderr, "select-probe: not removed: question \"%s\", %lld selected, %d rows\n",
            qPrintable(question), static_cast<long long>(view->selectedCount()), model->rowCount());
    const double removeWall = double(clock.nsecsElapsed()) / 1e6;
    // Wait for the undo step (pushed when the last batch is written).
    (void)until([&] { return window.undoStack()->canUndo(); }, timeoutMs);

    window.activateWindow();
    (void)QTest::qWaitForWindowActive(&window);
    clock.restart();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    const double restoreMs = until([&] { return model->rowCount() == total; }, timeoutMs);
    const StallMonitor::Summary gui = stalls->summary();
    stalls->writeReport();
    delete stalls;

    const QJsonObject result {
        { QStringLiteral("images"), total },
        { QStringLiteral("selected_by_ctrl_a"), selectedAll },
        { QStringLiteral("selected_by_shift_end"), afterShiftEnd },
        { QStringLiteral("selected_after_ctrl_click_off"), afterCtrlClick },
        { QStringLiteral("selection_ms"), selection },
        { QStringLiteral("selection_max_ms"), round1(selectionMax) },
        { QStringLiteral("question"), question },
        { QStringLiteral("remove_ms"), round1(removeMs < 0 ? -1 : removeWall) },
        { QStringLiteral("restore_ms"), round1(restoreMs) },
        { QStringLiteral("status"), window.statusBar()->currentMessage() },
        { QStringLiteral("gui"),
            QJsonObject { { QStringLiteral("max_ms"), round1(gui.maxMs) },
                { QStringLiteral("p99_ms"), round1(gui.p99Ms) },
                { QStringLiteral("stalls_over_16ms"), gui.stallsOver16Ms },
                { QStringLiteral("samples"), gui.samples },
                { QStringLiteral("duration_s"), round1(gui.durationS) } } },
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    fflush(stdout);
    return removeMs < 0 || restoreMs < 0 ? 1 : 0;
}
