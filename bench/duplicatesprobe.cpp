// SPDX-License-Identifier: MIT
// Opens the window's Duplicates view (DuplicatesDialog on a LibrarySession)
// on a (big) library and measures what a person waits for and what the GUI
// thread pays, with a 1 ms timer on the GUI thread whose longest gap is
// taken per phase:
//   search_s            Find Duplicates -> groups listed (the search runs on
//                       the similarity service's thread)
//   first_screen_ms     groups listed -> the visible groups' images read
//                       (the largest group, 46,000 images at a million, is
//                       among them: the keep-best order needs all its records)
//   jump_ms             scroll to a random group -> its images shown
//                       (p50, max of 100 jumps)
//   remove_largest_ms   the GUI thread's time (wall and CPU) to take the
//                       largest group's images out of the model, as Keep
//                       Best does when they are trashed, and
//                       restore_largest_ms to put them back, as Undo does
//                       (the library itself is not touched)
//   gui_max_ms          the longest gap of the GUI thread's event loop in
//                       each phase (frames are late beyond 16 ms) and how
//                       much of it the thread was on the CPU (the rest it
//                       waited for a core)
// Prints one JSON object. Reads the library only.
//
//   trove-duplicates-probe --library DIR [--timeout-s 600]
#include "base/platform.h"
#include "benchsupport.h"
#include "dialogs/duplicatesdialog.h"
#include "models/duplicatesmodel.h"
#include "models/librarysession.h"
#include "storage/librarypaths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QListView>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <time.h>

using namespace trove;

using trove::bench::loadAverage;
using trove::bench::round1;
using trove::bench::statusMb;

namespace {

double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

/// The longest gap between two ticks of a 1 ms timer on the GUI thread
/// since the last take(), and how much of it the GUI thread spent on the
/// CPU (the rest it waited for one: two cores, other work).
class GapMeter {
public:
    GapMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            const double cpu = threadCpuMs();
            const double gap = double(now - m_lastNs) / 1e6;
            if (gap > m_maxMs) {
                m_maxMs = gap;
                m_cpuInMaxMs = cpu - m_lastCpuMs;
            }
            m_lastNs = now;
            m_lastCpuMs = cpu;
        });
        m_clock.start();
        m_lastCpuMs = threadCpuMs();
        m_timer.start();
    }
    QJsonObject take()
    {
        const QJsonObject out { { QStringLiteral("max_ms"), round1(m_maxMs) },
            { QStringLiteral("on_cpu_ms"), round1(m_cpuInMaxMs) } };
        m_maxMs = 0;
        m_cpuInMaxMs = 0;
        m_lastNs = m_clock.nsecsElapsed();
        m_lastCpuMs = threadCpuMs();
        return out;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    double m_lastCpuMs = 0;
    double m_maxMs = 0;
    double m_cpuInMaxMs = 0;
};

/// Runs the event loop until @p done holds; answers the ms it took, or -1.
double until(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > timeoutMs)
            return -1;
        QTest::qWait(1);
    }
    return double(clock.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    usePlainEventLoops(); // as the application does
    qputenv("TROVE_HASH_BACKFILL", "0"); // measured here: the view, not hashing
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("library"), QStringLiteral("The library."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("timeout-s"), QStringLiteral("Per step."),
        QStringLiteral("S"), QStringLiteral("600") });
    parser.process(app);
    const int timeoutMs = parser.value(QStringLiteral("timeout-s")).toInt() * 1000;

    LibrarySession session { LibraryPaths(parser.value(QStringLiteral("library"))) };
    if (until([&] { return session.isOpen(); }, timeoutMs) < 0) {
        std::fprintf(stderr, "duplicates-probe: the library did not open\n");
        return 1;
    }
    QTest::qWait(500); // opening is not what is measured
    QUndoStack undo;
    GapMeter gaps;
    QElapsedTimer clock;
    clock.start();
    auto *dialog = new ui::DuplicatesDialog(&session, &undo, {});
    dialog->show();
    // The first show of a dialog (style, fonts) is not the view's doing.
    (void)QTest::qWaitForWindowExposed(dialog);
    (void)gaps.take();
    DuplicatesModel *model = dialog->model();
    QListView *view = dialog->groups();
    // From Find Duplicates (the dialog's constructor starts the search).
    const double searchMs
        = until([&] { return !model->isSearching() && model->rowCount() > 0; }, timeoutMs) < 0
        ? -1
        : double(clock.nsecsElapsed()) / 1e6;
    const QJsonObject searchGap = gaps.take();
    const int rows = model->rowCount();
    const auto visibleLoaded = [&] {
        const QModelIndex top = view->indexAt(QPoint(5, 5));
        const QModelIndex bottom = view->indexAt(QPoint(5, view->viewport()->height() - 5));
        if (!top.isValid())
            return false;
        for (int r = top.row(); r <= (bottom.isValid() ? bottom.row() : top.row()); ++r)
            if (!model->index(r).data(DuplicatesModel::LoadedRole).toBool())
                return false;
        return true;
    };
    const double firstScreenMs = until(visibleLoaded, timeoutMs);
    const QJsonObject firstScreenGap = gaps.take();

    QRandomGenerator rng(11);
    QList<double> jumps;
    int slowestRow = -1;
    double slowestMs = -1;
    for (int j = 0; j < 100 && rows > 0; ++j) {
        const int row = int(rng.bounded(rows));
        QElapsedTimer t;
        t.start();
        view->scrollTo(model->index(row), QAbstractItemView::PositionAtTop);
        if (until(visibleLoaded, timeoutMs) < 0)
            break;
        jumps.append(double(t.nsecsElapsed()) / 1e6);
        if (jumps.last() > slowestMs) {
            slowestMs = jumps.last();
            slowestRow = row;
        }
    }
    const QJsonObject jumpGap = gaps.take();
    std::sort(jumps.begin(), jumps.end());

    // The largest group out of the model and back, as Keep Best and its
    // Undo do. Synchronous on the GUI thread: wall time and CPU time.
    view->scrollTo(model->index(0), QAbstractItemView::PositionAtTop);
    (void)until(visibleLoaded, timeoutMs);
    const auto largest = model->index(0).data(DuplicatesModel::KeysRole).value<QList<qint64>>();
    QElapsedTimer t;
    double cpu = threadCpuMs();
    t.start();
    model->removeImages(largest.mid(1));
    const double removeMs = double(t.nsecsElapsed()) / 1e6;
    const double removeCpuMs = threadCpuMs() - cpu;
    const bool gone = model->rowCount() == rows - 1;
    cpu = threadCpuMs();
    t.restart();
    model->restoreImages(largest.mid(1));
    const double restoreMs = double(t.nsecsElapsed()) / 1e6;
    const double restoreCpuMs = threadCpuMs() - cpu;
    const bool back = gone && model->rowCount() == rows;

    const QJsonObject out {
        { QStringLiteral("bench"), QStringLiteral("duplicates-view") },
        { QStringLiteral("groups"), rows },
        { QStringLiteral("largest_group"), largest.size() },
        { QStringLiteral("search_s"), std::round(searchMs / 10.0) / 100.0 },
        { QStringLiteral("first_screen_ms"), round1(firstScreenMs) },
        { QStringLiteral("jumps"), jumps.size() },
        { QStringLiteral("jump_ms_p50"), round1(jumps.value(jumps.size() / 2)) },
        { QStringLiteral("jump_ms_max"), round1(jumps.isEmpty() ? -1 : jumps.last()) },
        { QStringLiteral("slowest_jump_to_row"), slowestRow },
        { QStringLiteral("remove_largest_ms"), round1(removeMs) },
        { QStringLiteral("remove_largest_cpu_ms"), round1(removeCpuMs) },
        { QStringLiteral("restore_largest_ms"), round1(restoreMs) },
        { QStringLiteral("restore_largest_cpu_ms"), round1(restoreCpuMs) },
        { QStringLiteral("largest_removed_and_restored"), back },
        { QStringLiteral("gui_max_ms"),
            QJsonObject { { QStringLiteral("search"), searchGap },
                { QStringLiteral("first_screen"), firstScreenGap },
                { QStringLiteral("jumps"), jumpGap } } },
        { QStringLiteral("peak_rss_mb"), round1(statusMb("VmHWM:")) },
        { QStringLiteral("load_average"), loadAverage() },
        { QStringLiteral("total_s"), std::round(double(clock.elapsed()) / 10.0) / 100.0 },
    };
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputc('\n', stdout);
    delete dialog;
    return 0;
}
