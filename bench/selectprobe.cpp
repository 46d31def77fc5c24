// SPDX-License-Identifier: MIT
// Opens the real Trove window on a (big) library and does what issue 11's
// "done when" names: Ctrl+A, Delete (answering the question), then Ctrl+Z,
// measuring what a person waits for and what the GUI thread pays:
//   selection_ms        GUI time of each selection change: the key or mouse event
//                       handled, status label included; the max is the figure
//                       (click, Shift+End, Home, Ctrl+A, Ctrl+click, Ctrl+A)
//   question            the text of the Delete question (names the count)
//   remove_ms           Yes -> grid empty;  restore_ms  Ctrl+Z -> all back
//   trash               between the two, with every image in the trash: View ▸
//                       Trash… until its list counts them all (open_ms), scrolled
//                       to its end until the last row is read (end_ms), and the
//                       GUI time of Ctrl+A in that list (select_all_ms)
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
#include "dialogs/trashdialog.h"
#include "gallery/galleryview.h"
#include "mainwindow.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"
#include "models/rowranges.h"
#include "models/trashmodel.h"
#include "storage/librarypaths.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageBox>
#include <QStatusBar>
#include <QTableView>
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
    check.setObjectName(QStringLiteral("probeCheck")); // apart from the window's in a trace
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
    usePlainEventLoops(); // as the application does
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
    QElapsedTimer sinceMonitor;
    sinceMonitor.start();
    stalls->framePainted();
    QString question;
    QTimer answer;
    answer.setObjectName(QStringLiteral("probeAnswer"));
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

    // The trash with every image in it, as a person who removed them would
    // open it next (and what was there before: at least all of them).
    const double trashFromS = double(sinceMonitor.nsecsElapsed()) / 1e9;
    clock.restart();
    ui::TrashDialog *trash = window.showTrash();
    TrashModel *trashModel = trash->model();
    // Counted, and every row told to the view (the trash may hold images
    // from before as well).
    const auto allShown = [&] {
        return trashModel->isCounted() && trashModel->total() >= total
            && trashModel->rowCount() == trashModel->total();
    };
    const double trashOpenMs
        = until(allShown, timeoutMs) < 0 ? -1 : double(clock.nsecsElapsed()) / 1e6;
    const qint64 trashRows = trashModel->rowCount();
    clock.restart();
    trash->view()->scrollToBottom();
    const QModelIndex last = trashModel->index(trashModel->rowCount() - 1, 0);
    const double trashEndMs
        = until([&] { return last.data(TrashModel::LoadedRole).toBool(); }, timeoutMs);
    trash->view()->setFocus();
    const double trashSelectAllMs
        = timed([&] { QTest::keyClick(trash->view(), Qt::Key_A, Qt::ControlModifier); });
    const qint64 trashSelected = rowsIn(rowRanges(trash->view()->selectionModel()->selection()));
    trash->close();
    QTest::qWait(100); // the close is painted
    const double trashToS = double(sinceMonitor.nsecsElapsed()) / 1e9;

    window.activateWindow();
    (void)QTest::qWaitForWindowActive(&window);
    clock.restart();
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    const double restoreMs = until([&] { return model->rowCount() == total; }, timeoutMs);
    const StallMonitor::Summary gui = stalls->summary();
    stalls->writeReport();
    delete stalls;
    // The figure is Delete and Ctrl+Z: the gaps while the trash
    // window opened, scrolled and selected are counted apart.
    double outsideMax = 0;
    qint64 outsideStalls = 0;
    double trashMax = 0;
    qint64 trashStalls = 0;
    if (QFile report(stallPath); report.open(QIODevice::ReadOnly)) {
        const QJsonArray gaps
            = QJsonDocument::fromJson(report.readAll())[QLatin1String("gaps_over_4ms")].toArray();
        for (const QJsonValue &gap : gaps) {
            const double atS = gap[0].toDouble();
            const double ms = gap[1].toDouble();
            // A gap is stamped where it ends; the window's clock started a
            // moment before the probe's.
            const bool inTrash = atS >= trashFromS - 0.01 && atS <= trashToS + 0.01;
            (inTrash ? trashMax : outsideMax) = std::max(inTrash ? trashMax : outsideMax, ms);
            if (ms > 16)
                ++(inTrash ? trashStalls : outsideStalls);
        }
    }

    // The undo's own word, which comes with its last batch: the rows can
    // all be shown a moment before it (read after the report, so waiting
    // for it adds nothing to the gaps).
    (void)until(
        [&] { return window.statusBar()->currentMessage().startsWith(QLatin1String("Restored")); },
        10000);
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
        { QStringLiteral("trash"),
            QJsonObject { { QStringLiteral("rows"), trashRows },
                { QStringLiteral("open_ms"), round1(trashOpenMs) },
                { QStringLiteral("end_ms"), round1(trashEndMs) },
                { QStringLiteral("select_all_ms"), round1(trashSelectAllMs) },
                { QStringLiteral("selected"), trashSelected },
                { QStringLiteral("gui_max_ms"), round1(trashMax) },
                { QStringLiteral("gui_stalls_over_16ms"), trashStalls } } },
        { QStringLiteral("status"), window.statusBar()->currentMessage() },
        { QStringLiteral("gui"),
            QJsonObject { { QStringLiteral("max_ms"), round1(gui.maxMs) },
                { QStringLiteral("p99_ms"), round1(gui.p99Ms) },
                { QStringLiteral("stalls_over_16ms"), gui.stallsOver16Ms },
                { QStringLiteral("samples"), gui.samples },
                { QStringLiteral("duration_s"), round1(gui.durationS) } } },
        { QStringLiteral("gui_remove_and_undo"),
            QJsonObject { { QStringLiteral("max_ms"), round1(outsideMax) },
                { QStringLiteral("stalls_over_16ms"), outsideStalls } } },
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    fflush(stdout);
    return removeMs < 0 || restoreMs < 0 ? 1 : 0;
}
