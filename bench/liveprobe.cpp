// SPDX-License-Identifier: MIT
// Opens the real Trove window on a library and lets another process change
// it: the real `trove` binary adds images, retags them and removes them, one
// call per change, started with QProcess from a thread of its own (the
// window's event loop never waits for it; the fork still copies this whole
// process, and gaps that overlap one are flagged). For each change it measures the delay from the
// CLI process's exit (its commit came before) to the moment the window's gallery model shows it:
//   add     the new image's record loaded at row 0 (newest first) with its name
//   retag   the new tag in the TagsRole of the image's row
//   remove  the row count back by one and the name gone from the loaded rows
// and, on a StallMonitor of its own from the first call to the last change
// shown, the GUI thread's gaps while the window applies them, plus how often
// the model reset (it never should). The check runs on the model's own
// signals, so "shown" is the moment the model changed, not a poll of it.
// Each gap over 8 ms is split (SchedSampler) into GUI-thread CPU time and
// time spent waiting for a core. Prints one JSON object. Run it under Xvfb (bench/live-update
// does).
//
//   trove-live-probe --library DIR --trove PATH [--changes 20]
#include "base/allocator.h"
#include "base/platform.h"
#include "benchsupport.h"
#include "diagnostics/stallmonitor.h"
#include "gallery/galleryview.h"
#include "mainwindow.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"
#include "storage/librarypaths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fcntl.h>
#include <functional>
#include <unistd.h>

using namespace trove;

using trove::bench::loadAverage;
using trove::bench::round1;
using trove::bench::statusMb;

namespace {

constexpr int kTimeoutMs = 15000;
constexpr int kCliTimeoutMs = 120000;
const QString kRetag = QStringLiteral("live-retag");

/// CPU time (user + system) of the calling thread in ms, from /proc.
double threadCpuMs()
{
    QFile f(QStringLiteral("/proc/thread-self/stat"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = f.readAll();
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // Fields 14 and 15 overall (utime, stime); 3 is the first after the name.
    return (fields[11].toDouble() + fields[12].toDouble()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

/// Where the GUI thread's time went: every ms (on the GUI thread, beside the
/// StallMonitor's own tick) its cumulative time on a CPU and waiting on a
/// run queue (/proc/thread-self/schedstat). A gap found by the monitor is
/// then split into on-CPU work, waiting for a CPU (the machine was busy)
/// and the rest (blocked: a lock, the X server, a page fault on disk).
class SchedSampler {
public:
    SchedSampler()
    {
        m_fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
        m_samples.reserve(1 << 18);
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { sample(); });
    }
    ~SchedSampler()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    void start(const QElapsedTimer *clock)
    {
        m_clock = clock;
        sample();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }

    /// (on CPU, waiting for a CPU) in ms between @p fromMs and @p toMs,
    /// from the samples bracketing them.
    QPair<double, double> between(double fromMs, double toMs) const
    {
        auto before = [&](double ms) {
            auto it = std::upper_bound(m_samples.begin(), m_samples.end(), ms,
                [](double v, const Sample &s) { return v < s.atMs; });
            return it == m_samples.begin() ? *it : *(it - 1);
        };
        auto after = [&](double ms) {
            auto it = std::lower_bound(m_samples.begin(), m_samples.end(), ms,
                [](const Sample &s, double v) { return s.atMs < v; });
            return it == m_samples.end() ? m_samples.back() : *it;
        };
        if (m_samples.empty())
            return { -1, -1 };
        const Sample a = before(fromMs + 0.5);
        const Sample b = after(toMs - 0.5);
        // The samples bracket the span a little wider than it is: clamp.
        const double span = toMs - fromMs;
        return { std::min(span, double(b.runNs - a.runNs) / 1e6),
            std::min(span, double(b.waitNs - a.waitNs) / 1e6) };
    }

private:
    struct Sample {
        double atMs;
        qint64 runNs;
        qint64 waitNs;
    };
    void sample()
    {
        char buffer[128];
        const ssize_t n = m_fd >= 0 ? ::pread(m_fd, buffer, sizeof buffer - 1, 0) : -1;
        if (n <= 0)
            return;
        buffer[n] = 0;
        long long run = 0;
        long long wait = 0;
        if (sscanf(buffer, "%lld %lld", &run, &wait) == 2)
            m_samples.push_back({ double(m_clock->nsecsElapsed()) / 1e6, run, wait });
    }

    int m_fd = -1;
    QTimer m_timer;
    const QElapsedTimer *m_clock = nullptr;
    std::vector<Sample> m_samples;
};

struct Exit {
    double startedMs = -1;
    double forkedMs = -1; ///< QProcess::start() returned (fork and exec done)
    double exitedMs = -1;
    int code = -1;
    QByteArray err;
};

struct Change {
    QString kind;
    int index = 0;
    Exit cli;
    double shownMs = -1;
    int row = -1;
    /// Shown before the CLI's exit was seen (polled between its commit and
    /// its exit): counted as 0 ms.
    bool early() const { return shownMs >= 0 && shownMs < cli.exitedMs; }
    bool ok() const { return shownMs >= 0 && cli.code == 0; }
    double delayMs() const { return std::max(0.0, shownMs - cli.exitedMs); }
};

QJsonObject stats(const QList<Change> &changes)
{
    std::vector<double> delays;
    std::vector<double> cli;
    int missed = 0;
    int early = 0;
    for (const Change &c : changes) {
        if (!c.ok()) {
            ++missed;
            continue;
        }
        delays.push_back(c.delayMs());
        cli.push_back(c.cli.exitedMs - c.cli.startedMs);
        early += c.early() ? 1 : 0;
    }
    auto quantile = [](std::vector<double> v, double q) {
        if (v.empty())
            return -1.0;
        std::sort(v.begin(), v.end());
        // Nearest rank: p90 of 20 is the 18th.
        const size_t rank = size_t(std::ceil(q * double(v.size())));
        return v[std::clamp<size_t>(rank, 1, v.size()) - 1];
    };
    return {
        { QStringLiteral("n"), int(delays.size()) },
        { QStringLiteral("median_ms"), round1(quantile(delays, 0.5)) },
        { QStringLiteral("p90_ms"), round1(quantile(delays, 0.9)) },
        { QStringLiteral("max_ms"), round1(quantile(delays, 1.0)) },
        { QStringLiteral("missed"), missed },
        { QStringLiteral("shown_before_exit"), early },
        { QStringLiteral("cli_median_ms"), round1(quantile(cli, 0.5)) },
    };
}

class Probe {
public:
    Probe(ui::MainWindow *window, QString trove, QString library)
        : m_view(window->galleryView())
        , m_model(window->session()->gallery())
        , m_trove(std::move(trove))
        , m_library(std::move(library))
    {
        m_clock.start();
        m_cliThread.setObjectName(QStringLiteral("probe-cli"));
        m_cliThread.start();
        m_cliHost.moveToThread(&m_cliThread);
        QObject::connect(m_model, &QAbstractItemModel::modelAboutToBeReset, [this] { ++m_resets; });
    }

    ~Probe()
    {
        m_cliThread.quit();
        m_cliThread.wait();
    }

    double now() const { return double(m_clock.nsecsElapsed()) / 1e6; }
    const QElapsedTimer *clock() const { return &m_clock; }

    /// Whether every row on screen is loaded and has its thumbnail.
    bool screenComplete() const
    {
        if (!m_model->isReady())
            return false;
        const auto [first, last] = m_view->visibleRows();
        if (m_model->rowCount() > 0 && first < 0)
            return false;
        for (int row = first; row >= 0 && row <= last; ++row) {
            if (!m_model->recordAt(row)
                || m_model->index(row, 0)
                       .data(GalleryModel::ThumbnailRole)
                       .value<QImage>()
                       .isNull())
                return false;
        }
        return true;
    }

    /// Runs the event loop until @p done holds after a painted frame, or
    /// @p timeoutMs passed.
    bool untilPainted(const std::function<bool()> &done, int timeoutMs = 60000)
    {
        QEventLoop loop;
        bool ok = false;
        auto connection = QObject::connect(m_view, &ui::GalleryView::framePainted, &loop, [&] {
            if (done()) {
                ok = true;
                loop.quit();
            }
        });
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        m_view->viewport()->update();
        loop.exec();
        QObject::disconnect(connection);
        return ok;
    }

    void idle(int ms)
    {
        QEventLoop loop;
        QTimer::singleShot(ms, &loop, &QEventLoop::quit);
        loop.exec();
    }

    /// Runs `trove --library L ARGS` on the CLI thread and the GUI's event
    /// loop until the CLI exited and @p shown holds (checked whenever the
    /// model signals a change), or kTimeoutMs after its exit.
    Change measure(
        const QString &kind, int index, const QStringList &args, const std::function<bool()> &shown)
    {
        Change change;
        change.kind = kind;
        change.index = index;
        QEventLoop loop;
        QTimer timeout;
        bool exited = false;
        const quint64 ticket = ++m_ticket;
        auto check = [&] {
            if (change.shownMs < 0 && shown()) {
                change.shownMs = now();
                note(QStringLiteral("%1 %2 shown").arg(kind).arg(index));
            }
            if (change.shownMs >= 0 && exited)
                loop.quit();
        };
        QList<QMetaObject::Connection> connections {
            QObject::connect(m_model, &QAbstractItemModel::rowsInserted, &loop, check),
            QObject::connect(m_model, &QAbstractItemModel::rowsRemoved, &loop, check),
            QObject::connect(m_model, &QAbstractItemModel::dataChanged, &loop, check),
            QObject::connect(m_model, &QAbstractItemModel::modelReset, &loop, check),
            QObject::connect(m_model, &QAbstractItemModel::layoutChanged, &loop, check),
        };
        m_onExit = [&, ticket](quint64 t, const Exit &e) {
            if (t != ticket)
                return;
            change.cli = e;
            exited = true;
            timeout.start(kTimeoutMs);
            // The CLI thread's fork of this process (QProcess has no
            // vfork in Qt 6.4): while it copies the page tables, a page
            // fault on the GUI thread waits for it.
            m_forks.append({ e.startedMs, e.forkedMs });
            note(QStringLiteral("%1 %2 fork").arg(kind).arg(index), e.startedMs);
            note(QStringLiteral("%1 %2 forked").arg(kind).arg(index), e.forkedMs);
            note(QStringLiteral("%1 %2 cli exit").arg(kind).arg(index), e.exitedMs);
            if (e.code != 0) {
                fprintf(stderr, "trove %s: exit %d: %s\n", qPrintable(args.join(u' ')), e.code,
                    e.err.constData());
                loop.quit();
            }
            check();
        };
        note(QStringLiteral("%1 %2 cli start").arg(kind).arg(index));
        launch(ticket, QStringList { QStringLiteral("--library"), m_library } + args);
        // The CLI gets kCliTimeoutMs to exit (a loaded machine can make one
        // take seconds); after its exit the window gets kTimeoutMs.
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        timeout.start(kCliTimeoutMs);
        check();
        loop.exec();
        for (const auto &c : connections)
            QObject::disconnect(c);
        m_onExit = nullptr;
        if (!change.ok()) {
            QStringList top;
            for (int row = 0; row < 3; ++row) {
                const auto r = m_model->recordAt(row);
                top << (r ? r->name : QStringLiteral("(not loaded)"));
            }
            fprintf(stderr,
                "%s %d: not shown within %d ms of the CLI's exit (exit %d after %.0f ms); %d "
                "rows, first: %s\n",
                qPrintable(kind), index, kTimeoutMs, change.cli.code,
                change.cli.exitedMs - change.cli.startedMs, m_model->rowCount(),
                qPrintable(top.join(QStringLiteral(", "))));
        }
        return change;
    }

    void note(const QString &what, double at = -1)
    {
        m_events.append({ at < 0 ? now() : at, what });
    }

    /// The latest event at or before @p ms.
    QString eventBefore(double ms) const
    {
        QString last;
        double lastAt = -1;
        for (const auto &[at, what] : m_events) {
            if (at <= ms && at >= lastAt) {
                lastAt = at;
                last = QStringLiteral("%1 (%2 ms before)").arg(what).arg(round1(ms - at));
            }
        }
        return last;
    }

    bool hasNameInTopRows(const QString &name, int rows) const
    {
        for (int row = 0; row < std::min(rows, m_model->rowCount()); ++row) {
            if (auto r = m_model->recordAt(row); r && r->name == name)
                return true;
        }
        return false;
    }

    ui::GalleryView *m_view;
    GalleryModel *m_model;
    int m_resets = 0;

private:
    void launch(quint64 ticket, const QStringList &args)
    {
        QMetaObject::invokeMethod(&m_cliHost, [this, ticket, args] {
            auto *process = new QProcess(&m_cliHost);
            process->setProcessChannelMode(QProcess::SeparateChannels);
            auto exit = std::make_shared<Exit>();
            exit->startedMs = now();
            auto report = [this, ticket, exit, process](int code) {
                exit->exitedMs = now();
                exit->code = code;
                exit->err = process->readAllStandardError();
                process->deleteLater();
                QMetaObject::invokeMethod(&m_guiHost, [this, ticket, e = *exit] {
                    if (m_onExit)
                        m_onExit(ticket, e);
                });
            };
            QObject::connect(process, &QProcess::finished, &m_cliHost,
                [report](int code, QProcess::ExitStatus status) {
                    report(status == QProcess::NormalExit ? code : -1);
                });
            QObject::connect(
                process, &QProcess::errorOccurred, &m_cliHost, [report](QProcess::ProcessError e) {
                    if (e == QProcess::FailedToStart)
                        report(-2);
                });
            process->start(m_trove, args);
            exit->forkedMs = now();
        });
    }

    QElapsedTimer m_clock;
    QThread m_cliThread;
    QObject m_cliHost; ///< lives on m_cliThread: parent of the QProcesses
    QObject m_guiHost; ///< GUI thread: where exits are reported
    QString m_trove;
    QString m_library;
    quint64 m_ticket = 0;
    std::function<void(quint64, const Exit &)> m_onExit;

public:
    QList<QPair<double, QString>> m_events;
    QList<QPair<double, double>> m_forks; ///< (start() called, returned)

    bool overlapsFork(double fromMs, double toMs) const
    {
        return std::any_of(m_forks.cbegin(), m_forks.cend(),
            [&](const auto &f) { return f.first < toMs && f.second > fromMs; });
    }
};

} // namespace

int main(int argc, char **argv)
{
    usePlainEventLoops(); // as the application does
    tuneAllocator();
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Trove"));
    // As the window's own main() does: the heavy pools yield to the GUI.
    adoptWindowThreadPolicy();
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("library"), QStringLiteral("Library folder."), QStringLiteral("DIR") });
    parser.addOption(
        { QStringLiteral("trove"), QStringLiteral("The trove binary."), QStringLiteral("PATH") });
    parser.addOption({ QStringLiteral("changes"), QStringLiteral("Changes of each kind."),
        QStringLiteral("N"), QStringLiteral("20") });
    parser.addOption({ QStringLiteral("stall-report"),
        QStringLiteral("Where the span's stall report goes (default: a temporary file)."),
        QStringLiteral("FILE") });
    parser.process(app);
    const QString library = parser.value(QStringLiteral("library"));
    const QString trove = parser.value(QStringLiteral("trove"));
    const int perKind = parser.value(QStringLiteral("changes")).toInt();
    if (library.isEmpty() || trove.isEmpty() || perKind <= 0) {
        fprintf(stderr, "usage: trove-live-probe --library DIR --trove PATH [--changes N]\n");
        return 2;
    }
    QTemporaryDir work;
    const QString stallPath = parser.isSet(QStringLiteral("stall-report"))
        ? parser.value(QStringLiteral("stall-report"))
        : work.filePath(QStringLiteral("stalls.json"));

    // The images to add: small PNGs of noise, distinct from each other and
    // from every earlier run (whose images were removed again).
    const QString runTag = QString::number(QRandomGenerator::global()->generate(), 36);
    QStringList files;
    QStringList names;
    for (int i = 0; i < perKind; ++i) {
        QImage image(64, 48, QImage::Format_RGB32);
        for (int y = 0; y < image.height(); ++y) {
            auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
            for (int x = 0; x < image.width(); ++x)
                line[x] = 0xff000000u | (QRandomGenerator::global()->generate() & 0xffffffu);
        }
        files << work.filePath(QStringLiteral("live-%1.png").arg(i));
        names << QStringLiteral("live-%1-%2").arg(runTag).arg(i, 2, 10, QLatin1Char('0'));
        if (!image.save(files.last(), "PNG")) {
            fprintf(stderr, "cannot write %s\n", qPrintable(files.last()));
            return 1;
        }
    }

    ui::MainWindow window { LibraryPaths(library) };
    window.resize(1280, 800);
    Probe probe(&window, trove, library);
    window.show();
    if (!probe.untilPainted([&] { return probe.screenComplete(); })) {
        fprintf(stderr, "the window never showed its first screen\n");
        return 1;
    }
    probe.idle(1000); // let it settle: start-up is not what is measured
    const int resetsBefore = probe.m_resets;
    const qint64 startCount = probe.m_model->rowCount();

    // The span: from the first CLI call to the last change shown.
    auto *stalls = new StallMonitor(stallPath);
    const double spanStart = probe.now();
    SchedSampler sched;
    sched.start(probe.clock());
    const double cpuStart = threadCpuMs();
    stalls->framePainted(); // samples from now on

    QList<Change> changes;
    QList<qint64> keys;
    QStringList ids;
    for (int i = 0; i < perKind; ++i) {
        const qint64 before = probe.m_model->rowCount();
        const QString &name = names[i];
        changes << probe.measure(QStringLiteral("add"), i,
            { QStringLiteral("add"), files[i], QStringLiteral("--name"), name }, [&] {
                const auto r = probe.m_model->recordAt(0);
                return probe.m_model->rowCount() == before + 1 && r && r->name == name;
            });
        const auto r = probe.m_model->recordAt(0);
        keys << (r && r->name == name ? r->key : -1);
        ids << (r && r->name == name ? r->id : QString());
        changes.last().row = 0;
    }
    for (int i = 0; i < perKind; ++i) {
        if (ids[i].isEmpty())
            continue;
        const qint64 key = keys[i];
        changes << probe.measure(QStringLiteral("retag"), i,
            { QStringLiteral("tag"), ids[i], QStringLiteral("--add"), kRetag }, [&] {
                const int row = probe.m_model->rowOfKey(key);
                return row >= 0 && probe.m_model->recordAt(row)
                    && probe.m_model->index(row)
                           .data(GalleryModel::TagsRole)
                           .toStringList()
                           .contains(kRetag);
            });
        changes.last().row = probe.m_model->rowOfKey(key);
    }
    for (int i = 0; i < perKind; ++i) {
        if (ids[i].isEmpty())
            continue;
        const qint64 key = keys[i];
        const qint64 before = probe.m_model->rowCount();
        const int row = probe.m_model->rowOfKey(key);
        changes << probe.measure(
            QStringLiteral("remove"), i, { QStringLiteral("remove"), ids[i] }, [&] {
                return probe.m_model->rowCount() == before - 1 && probe.m_model->rowOfKey(key) < 0
                    && !probe.hasNameInTopRows(names[i], 2 * perKind + GalleryModel::kPageSize);
            });
        changes.last().row = row;
    }
    const double spanEnd = probe.now();
    const double cpuEnd = threadCpuMs();
    sched.stop();
    const StallMonitor::Summary span = stalls->summary();
    stalls->writeReport();
    delete stalls;

    // The long gaps, each with what the probe saw last before it ended.
    QJsonArray gaps;
    int stallsWaitingForCpu = 0;
    int stallsDuringFork = 0;
    double longestOnCpuMs = 0;
    QFile reportFile(stallPath);
    if (reportFile.open(QIODevice::ReadOnly)) {
        const QJsonObject report = QJsonDocument::fromJson(reportFile.readAll()).object();
        for (const QJsonValue &v : report.value(QStringLiteral("gaps_over_4ms")).toArray()) {
            const double endMs = spanStart + v.toArray().at(0).toDouble() * 1000.0;
            const double gapMs = v.toArray().at(1).toDouble();
            if (gapMs <= 8.0)
                continue;
            const auto [cpuMs, waitMs] = sched.between(endMs - gapMs, endMs);
            const bool duringFork = probe.overlapsFork(endMs - gapMs, endMs);
            if (gapMs > 16.0 && waitMs > gapMs / 2)
                ++stallsWaitingForCpu;
            if (gapMs > 16.0 && duringFork)
                ++stallsDuringFork;
            longestOnCpuMs = std::max(longestOnCpuMs, cpuMs);
            gaps.append(QJsonObject { { QStringLiteral("ms"), gapMs },
                { QStringLiteral("at_s"), std::round((endMs - spanStart) / 10.0) / 100.0 },
                { QStringLiteral("on_cpu_ms"), round1(cpuMs) },
                { QStringLiteral("waiting_for_cpu_ms"), round1(waitMs) },
                { QStringLiteral("during_fork"), duringFork },
                { QStringLiteral("after"), probe.eventBefore(endMs - gapMs) } });
        }
    }

    QJsonObject byKind;
    for (const QString &kind :
        { QStringLiteral("add"), QStringLiteral("retag"), QStringLiteral("remove") }) {
        QList<Change> of;
        std::copy_if(changes.cbegin(), changes.cend(), std::back_inserter(of),
            [&](const Change &c) { return c.kind == kind; });
        byKind.insert(kind, stats(of));
    }
    QJsonArray each;
    for (const Change &c : changes)
        each.append(QJsonArray { c.kind, c.row, round1(c.ok() ? c.delayMs() : -1),
            round1(c.cli.exitedMs - c.cli.startedMs), c.cli.code });
    const int missed = int(
        std::count_if(changes.cbegin(), changes.cend(), [](const Change &c) { return !c.ok(); }));
    const QJsonObject result {
        { QStringLiteral("images"), startCount },
        { QStringLiteral("changes_per_kind"), perKind },
        { QStringLiteral("delay"), byKind },
        { QStringLiteral("overall"), stats(changes) },
        { QStringLiteral("gui"),
            QJsonObject {
                { QStringLiteral("max_ms"), round1(span.maxMs) },
                { QStringLiteral("p99_ms"), round1(span.p99Ms) },
                { QStringLiteral("p50_ms"), round1(span.p50Ms) },
                { QStringLiteral("stalls_over_16ms"), span.stallsOver16Ms },
                { QStringLiteral("samples"), span.samples },
                { QStringLiteral("span_s"), round1((spanEnd - spanStart) / 100.0) / 10.0 },
                { QStringLiteral("gui_thread_cpu_ms"), round1(cpuEnd - cpuStart) },
                { QStringLiteral("gui_thread_waiting_for_cpu_ms"),
                    round1(sched.between(spanStart, spanEnd).second) },
                // Stalls over 16 ms of which over half was spent runnable,
                // waiting for a core (a busy machine, not the window's work).
                { QStringLiteral("stalls_over_16ms_mostly_waiting_for_cpu"), stallsWaitingForCpu },
                // Stalls over 16 ms while the probe forked a CLI process (an
                // artefact of the probe: a shell would fork, not the window).
                { QStringLiteral("stalls_over_16ms_during_fork"), stallsDuringFork },
                // The most GUI-thread CPU time inside one gap over 8 ms: the
                // window's longest piece of work, whatever the machine's load.
                { QStringLiteral("max_on_cpu_in_a_gap_ms"), round1(longestOnCpuMs) },
                { QStringLiteral("gaps_over_8ms"), gaps },
            } },
        { QStringLiteral("model_resets"), probe.m_resets - resetsBefore },
        // CLOCK_MONOTONIC ms of the span's start (perf record -k
        // CLOCK_MONOTONIC): where to look for a gap in a profile.
        { QStringLiteral("span_start_monotonic_ms"),
            double(probe.clock()->msecsSinceReference()) + spanStart },
        { QStringLiteral("rows_after"), qint64(probe.m_model->rowCount()) },
        // [kind, row, delay ms (-1: not shown), CLI run ms, CLI exit status]
        // in order.
        { QStringLiteral("changes"), each },
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return missed == 0 && probe.m_model->rowCount() == startCount ? 0 : 1;
}
