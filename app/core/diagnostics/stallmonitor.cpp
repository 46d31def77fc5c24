// SPDX-License-Identifier: MIT
#include "diagnostics/stallmonitor.h"

#include "base/futurewatch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <algorithm>
#include <cmath>
#include <cstdio>

#ifdef Q_OS_LINUX
#include <time.h>
#include <unistd.h>
#endif

namespace trove {

double msSinceProcessStart()
{
#ifdef Q_OS_LINUX
    // Field 22 of /proc/self/stat: start time in clock ticks after boot.
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    const qsizetype paren = line.lastIndexOf(')'); // the command may hold spaces
    if (paren < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(paren + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields[19].toDouble(); // field 22 overall
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / double(sysconf(_SC_CLK_TCK));
#else
    return -1;
#endif
}

StallMonitor::StallMonitor(const QString &reportPath, QObject *parent)
    : QObject(parent)
    , m_path(reportPath)
{
    m_gapsMs.reserve(1 << 20);
    m_tracing = qEnvironmentVariableIntValue("TROVE_STALL_TRACE") == 1;
    // Gaps shorter than a stall can be traced too, to see what a near miss
    // was made of (TROVE_STALL_TRACE_MS=8); stalls still count over 16 ms.
    bool given = false;
    const int traceMs = qEnvironmentVariableIntValue("TROVE_STALL_TRACE_MS", &given);
    if (given && traceMs > 0)
        m_traceOverMs = traceMs;
    if (m_tracing && QCoreApplication::instance()) {
        m_ring.resize(4096);
        QCoreApplication::instance()->installEventFilter(this);
        g_nameFutureWatchers = true;
    }
    // Named, so that a trace tells its own ticks from the window's timers.
    m_timer.setObjectName(QStringLiteral("stallMonitorTick"));
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, &StallMonitor::tick);
    m_clock.start();
    m_clockStartEpochMs = QDateTime::currentMSecsSinceEpoch();
    m_timer.start();
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, [this] { writeReport(); });
}

StallMonitor::~StallMonitor()
{
    if (m_tracing)
        g_nameFutureWatchers = false;
    if (!m_written)
        writeReport();
}

StallMonitor *StallMonitor::fromEnvironment(QObject *parent)
{
    const QString path = qEnvironmentVariable("TROVE_STALL_REPORT");
    return path.isEmpty() ? nullptr : new StallMonitor(path, parent);
}

bool StallMonitor::eventFilter(QObject *watched, QEvent *event)
{
    const QMetaObject *meta = watched->metaObject();
    const QObject *parent
        = meta == &QObject::staticMetaObject || meta->className() == QByteArrayView("QWidget")
        ? watched->parent()
        : nullptr;
    const char *parentClass = parent ? parent->metaObject()->className() : nullptr;
    m_ring[m_ringNext] = { m_clock.nsecsElapsed(), meta->className(), parentClass,
        int(event->type()), watched->objectName() };
    m_ringNext = (m_ringNext + 1) % m_ring.size();
    // A view's viewport is a plain QWidget: its parent says which view.
    ++m_census[{ { meta->className(), parentClass }, int(event->type()) }];
    return false;
}

std::pair<qint64, qint64> StallMonitor::schedStat()
{
#ifdef Q_OS_LINUX
    // Three numbers: ns on a CPU, ns waiting on a run queue, time slices.
    char buffer[96];
    FILE *f = std::fopen("/proc/thread-self/schedstat", "re");
    if (!f)
        return { -1, -1 };
    const std::size_t n = std::fread(buffer, 1, sizeof buffer - 1, f);
    std::fclose(f);
    buffer[n] = 0;
    long long run = -1;
    long long wait = -1;
    if (std::sscanf(buffer, "%lld %lld", &run, &wait) != 2)
        return { -1, -1 };
    return { qint64(run), qint64(wait) };
#else
    return { -1, -1 };
#endif
}

void StallMonitor::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double gap = double(now - m_lastNs) / 1e6;
    const qint64 from = m_lastNs;
    m_lastNs = now;
    const auto sched = m_tracing ? schedStat() : std::pair<qint64, qint64> { -1, -1 };
    const auto lastSched = std::exchange(m_lastSched, sched);
    if (m_tracing && gap > m_traceOverMs && m_firstFrameMs >= 0 && m_traces.size() < 20) {
        Trace trace { double(now) / 1e9, gap, -1, -1, {} };
        if (sched.first >= 0 && lastSched.first >= 0) {
            trace.runMs = double(sched.first - lastSched.first) / 1e6;
            trace.waitMs = double(sched.second - lastSched.second) / 1e6;
        }
        for (std::size_t i = 0; i < m_ring.size(); ++i) {
            const Delivery &d = m_ring[(m_ringNext + i) % m_ring.size()];
            if (d.className && d.ns >= from)
                trace.events.push_back(d);
        }
        m_traces.push_back(std::move(trace));
    }
    // Building and showing the window comes before the first frame and is
    // measured by first_frame_ms; stalls count from the first frame on.
    if (m_firstFrameMs < 0)
        return;
    m_gapsMs.push_back(float(gap));
    if (gap > 4.0)
        m_long.emplace_back(double(now) / 1e9, gap);
    if (m_worst.size() < 10 || gap > m_worst.back().second) {
        m_worst.emplace_back(double(now) / 1e9, gap);
        std::sort(
            m_worst.begin(), m_worst.end(), [](auto a, auto b) { return a.second > b.second; });
        if (m_worst.size() > 10)
            m_worst.pop_back();
    }
}

void StallMonitor::framePainted()
{
    if (m_firstFrameMs < 0)
        m_firstFrameMs = msSinceProcessStart();
}

StallMonitor::Summary StallMonitor::summary() const
{
    Summary s;
    s.samples = qint64(m_gapsMs.size());
    s.firstFrameMs = m_firstFrameMs;
    s.durationS = double(m_clock.nsecsElapsed()) / 1e9;
    if (m_gapsMs.empty())
        return s;
    std::vector<float> sorted = m_gapsMs;
    std::sort(sorted.begin(), sorted.end());
    auto at = [&](double q) {
        return double(sorted[size_t(std::ceil(q * double(sorted.size() - 1)))]);
    };
    s.maxMs = double(sorted.back());
    s.p99Ms = at(0.99);
    s.p50Ms = at(0.50);
    s.stallsOver16Ms
        = std::count_if(sorted.begin(), sorted.end(), [](float g) { return g > 16.0f; });
    return s;
}

bool StallMonitor::writeReport() const
{
    const Summary s = summary();
    auto round2 = [](double v) { return std::round(v * 100.0) / 100.0; };
    QJsonArray worst;
    for (const auto &[at, gap] : m_worst)
        worst.append(QJsonObject {
            { QStringLiteral("at_s"), round2(at) }, { QStringLiteral("ms"), round2(gap) } });
    // Every long gap with its time, so that a benchmark can tell the gaps
    // of one span (an ingest) from those of the rest (start-up).
    QJsonArray gapsOver4;
    for (const auto &[at, gap] : m_long)
        gapsOver4.append(QJsonArray { round2(at) * 1.0, round2(gap) });
    QJsonArray traces;
    for (const Trace &trace : m_traces) {
        QJsonArray events;
        for (std::size_t i = 0; i < trace.events.size(); ++i) {
            const Delivery &d = trace.events[i];
            const qint64 next
                = i + 1 < trace.events.size() ? trace.events[i + 1].ns : qint64(trace.atS * 1e9);
            events.append(QJsonArray { round2(double(d.ns) / 1e6 - (trace.atS * 1e3 - trace.gapMs)),
                (d.parentClassName ? QString::fromLatin1(d.parentClassName) + QLatin1String("/")
                            + QString::fromLatin1(d.className)
                                   : QString::fromLatin1(d.className))
                    + (d.name.isEmpty() ? QString() : QLatin1String(" ") + d.name),
                d.type, round2(double(next - d.ns) / 1e6) });
        }
        traces.append(QJsonObject { { QStringLiteral("at_s"), round2(trace.atS) },
            { QStringLiteral("ms"), round2(trace.gapMs) },
            { QStringLiteral("on_cpu_ms"), round2(trace.runMs) },
            { QStringLiteral("waiting_for_cpu_ms"), round2(trace.waitMs) },
            { QStringLiteral("events"), events } });
    }
    QJsonObject report {
        { QStringLiteral("max_ms"), round2(s.maxMs) },
        { QStringLiteral("p99_ms"), round2(s.p99Ms) },
        { QStringLiteral("p50_ms"), round2(s.p50Ms) },
        { QStringLiteral("stalls_over_16ms"), s.stallsOver16Ms },
        { QStringLiteral("first_frame_ms"), round2(s.firstFrameMs) },
        { QStringLiteral("samples"), s.samples },
        { QStringLiteral("duration_s"), round2(s.durationS) },
        { QStringLiteral("timer_interval_ms"), 1 },
        { QStringLiteral("worst"), worst },
        { QStringLiteral("clock_start_epoch_ms"), m_clockStartEpochMs },
        { QStringLiteral("gaps_over_4ms"), gapsOver4 },
    };
    if (m_tracing) {
        report.insert(QStringLiteral("stall_traces"), traces);
        std::vector<std::pair<qint64, CensusKey>> counts;
        counts.reserve(std::size_t(m_census.size()));
        for (auto it = m_census.cbegin(); it != m_census.cend(); ++it)
            counts.emplace_back(it.value(), it.key());
        const std::size_t shown = std::min<std::size_t>(counts.size(), 40);
        std::partial_sort(counts.begin(), counts.begin() + qsizetype(shown), counts.end(),
            [](const auto &a, const auto &b) { return a.first > b.first; });
        QJsonArray census; // [receiver class, event type, count]; "QWidget<GalleryView>"
        for (std::size_t i = 0; i < shown; ++i) {
            const auto &[classes, type] = counts[i].second;
            QString receiver = QString::fromLatin1(classes.first);
            if (classes.second)
                receiver += u'<' + QString::fromLatin1(classes.second) + u'>';
            census.append(QJsonArray { receiver, type, counts[i].first });
        }
        report.insert(QStringLiteral("event_census"), census);
    }
    QSaveFile out(m_path);
    if (!out.open(QIODevice::WriteOnly))
        return false;
    out.write(QJsonDocument(report).toJson(QJsonDocument::Indented));
    const bool ok = out.commit();
    const_cast<StallMonitor *>(this)->m_written = ok;
    return ok;
}

} // namespace trove
