// SPDX-License-Identifier: MIT
// The UI stall probe: it must see a blocked event loop, ignore the time
// before the first frame, and write the report the benchmarks read.
#include "base/futurewatch.h"
#include "diagnostics/stallmonitor.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFuture>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPromise>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <limits>
#include <memory>

using namespace trove;

namespace {
// A plain event loop: QTest::qWait sleeps 10 ms between rounds.
void runLoop(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

/// A monitor as TROVE_STALL_TRACE=1 starts one (the variable is set for its
/// construction only), counting from a first frame painted now.
std::unique_ptr<StallMonitor> tracingMonitor(const QString &path)
{
    qputenv("TROVE_STALL_TRACE", "1");
    auto monitor = std::make_unique<StallMonitor>(path);
    qunsetenv("TROVE_STALL_TRACE");
    monitor->framePainted();
    return monitor;
}

/// The report written at @p path, or an empty object when it cannot be read.
QJsonObject reportAt(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}
} // namespace

class TestStallMonitor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void nothingCountsBeforeTheFirstFrame();
    void blockedLoopIsOneLongGap();
    void reportHasTheFields();
    void traceNamesTheSlowContinuation();
    void censusCountsEveryEventByReceiver();
    void censusOnlyWhenTracing();
    void processStartIsInThePast();
};

void TestStallMonitor::nothingCountsBeforeTheFirstFrame()
{
    QTemporaryDir dir;
    StallMonitor monitor(dir.filePath(QStringLiteral("r.json")));
    runLoop(30);
    QThread::msleep(40); // a stall, but before any frame
    runLoop(30);
    QCOMPARE(monitor.summary().samples, 0);
    QCOMPARE(monitor.summary().firstFrameMs, -1.0);
}

void TestStallMonitor::blockedLoopIsOneLongGap()
{
    QTemporaryDir dir;
    StallMonitor monitor(dir.filePath(QStringLiteral("r.json")));
    monitor.framePainted();
    runLoop(100);
    const auto calm = monitor.summary();
    QVERIFY(calm.samples > 20);
    QVERIFY2(calm.p50Ms < 5.0, qPrintable(QString::number(calm.p50Ms)));

    QThread::msleep(60); // the GUI thread held for 60 ms
    runLoop(50);
    const auto after = monitor.summary();
    QVERIFY2(after.maxMs >= 60.0, qPrintable(QString::number(after.maxMs)));
    QVERIFY(after.stallsOver16Ms >= 1);
    QVERIFY(after.p50Ms < 5.0);
}

void TestStallMonitor::reportHasTheFields()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.json"));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    {
        StallMonitor monitor(path);
        monitor.framePainted();
        runLoop(30);
        QThread::msleep(20);
        runLoop(30);
    } // written when it goes, as at quit
    const QJsonObject report = reportAt(path);
    for (const char *key : { "max_ms", "p99_ms", "p50_ms", "stalls_over_16ms", "first_frame_ms" })
        QVERIFY2(report.contains(QLatin1String(key)), key);
    QVERIFY(report.value(QLatin1String("max_ms")).toDouble() >= 20.0);
    QVERIFY(report.value(QLatin1String("stalls_over_16ms")).toInt() >= 1);
    QVERIFY(report.value(QLatin1String("first_frame_ms")).toDouble() > 0);
    // The long gap is listed with its time, on a clock whose start is given
    // in wall-clock time (a benchmark picks out the gaps of one span).
    const qint64 start = qint64(report.value(QLatin1String("clock_start_epoch_ms")).toDouble());
    QVERIFY(start >= before && start - before < 1000);
    const QJsonArray gaps = report.value(QLatin1String("gaps_over_4ms")).toArray();
    QVERIFY(!gaps.isEmpty());
    double longest = 0;
    bool sleptGapListed = false;
    for (const QJsonValue &gap : gaps) {
        const double at = gap.toArray().at(0).toDouble();
        const double ms = gap.toArray().at(1).toDouble();
        longest = std::max(longest, ms);
        // The 20 ms sleep ends after the first 30 ms of loop. (On a loaded
        // machine another gap, earlier, may be the longest.)
        if (ms >= 19.0 && at >= 0.04 && at < 1.0)
            sleptGapListed = true;
    }
    QCOMPARE(longest, report.value(QLatin1String("max_ms")).toDouble());
    QVERIFY2(sleptGapListed, "the 20 ms gap is not listed at its time");
}

// TROVE_STALL_TRACE=1: a stall's report says what the loop delivered in
// it, down to the whenFinished() call whose continuation held it, and how
// much of it the thread ran or waited for a core.
void TestStallMonitor::traceNamesTheSlowContinuation()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.json"));
    {
        const auto monitor = tracingMonitor(path);
        runLoop(30);
        QObject context;
        QPromise<int> promise;
        promise.start();
        const int line = __LINE__ + 1;
        whenFinished(promise.future(), &context, [](int) {
            QElapsedTimer spin;
            spin.start();
            while (spin.elapsed() < 40) { } // busy, as slow GUI work is
        });
        promise.addResult(1);
        promise.finish();
        runLoop(60);
        QVERIFY(monitor->writeReport());
        const auto s = monitor->summary();
        QVERIFY(s.maxMs >= 40.0);

        const QJsonArray traces = reportAt(path).value(QLatin1String("stall_traces")).toArray();
        QVERIFY(!traces.isEmpty());
        const QString where = QStringLiteral("tst_stallmonitor.cpp:%1").arg(line);
        bool found = false;
        for (const QJsonValue &trace : traces) {
            const QJsonObject t = trace.toObject();
            if (t.value(QLatin1String("ms")).toDouble() < 40.0)
                continue;
            const double ran = t.value(QLatin1String("on_cpu_ms")).toDouble();
            const double waited = t.value(QLatin1String("waiting_for_cpu_ms")).toDouble();
            QVERIFY2(ran >= 0 && waited >= 0 && ran + waited >= 30.0,
                qPrintable(QStringLiteral("%1 + %2 ms").arg(ran).arg(waited)));
            for (const QJsonValue &event : t.value(QLatin1String("events")).toArray()) {
                const QJsonArray e = event.toArray(); // [at_ms, receiver, type, ms]
                if (e.at(1).toString().endsWith(where) && e.at(3).toDouble() >= 35.0)
                    found = true;
            }
        }
        QVERIFY2(found, qPrintable(QStringLiteral("no event of %1 held a stall").arg(where)));
    }
    // Only while a monitor traces: watchers cost no name otherwise.
    QVERIFY(!g_nameFutureWatchers);
}

// The census counts a stream of cheap events that no stall shows: 500
// queued calls to one receiver are 500 MetaCall events of its class. A
// plain QObject (or a view's viewport, a plain QWidget) is named with its
// parent's class.
void TestStallMonitor::censusCountsEveryEventByReceiver()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.json"));
    const auto monitor = tracingMonitor(path);
    QTimer receiver; // a class of its own in the census
    QObject plain(&receiver);
    int calls = 0;
    for (int i = 0; i < 500; ++i)
        QMetaObject::invokeMethod(
            &receiver, [&calls] { ++calls; }, Qt::QueuedConnection);
    for (int i = 0; i < 300; ++i)
        QMetaObject::invokeMethod(
            &plain, [&calls] { ++calls; }, Qt::QueuedConnection);
    QTRY_COMPARE(calls, 800);
    QVERIFY(monitor->writeReport());
    const QJsonArray census = reportAt(path).value(QLatin1String("event_census")).toArray();
    QVERIFY(!census.isEmpty());
    qint64 metaCalls = -1;
    qint64 plainCalls = -1;
    qint64 previous = std::numeric_limits<qint64>::max();
    for (const QJsonValue &row : census) {
        const QJsonArray r = row.toArray(); // [class, type, count]
        QVERIFY(r.at(2).toInteger() <= previous); // most frequent first
        previous = r.at(2).toInteger();
        if (r.at(1).toInt() != int(QEvent::MetaCall))
            continue;
        if (r.at(0).toString() == QLatin1String("QTimer"))
            metaCalls = r.at(2).toInteger();
        else if (r.at(0).toString() == QLatin1String("QObject<QTimer>"))
            plainCalls = r.at(2).toInteger();
    }
    QCOMPARE(metaCalls, 500);
    QCOMPARE(plainCalls, 300);
}

// Without TROVE_STALL_TRACE no filter runs, and the report has no census.
void TestStallMonitor::censusOnlyWhenTracing()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("r.json"));
    StallMonitor monitor(path);
    monitor.framePainted();
    runLoop(10);
    QVERIFY(monitor.writeReport());
    const QJsonObject report = reportAt(path);
    QVERIFY(report.contains(QLatin1String("max_ms"))); // written
    QVERIFY(!report.contains(QLatin1String("event_census")));
}

void TestStallMonitor::processStartIsInThePast()
{
    const double a = msSinceProcessStart();
    QVERIFY(a >= 0);
    QThread::msleep(50);
    const double b = msSinceProcessStart();
    QVERIFY2(b - a >= 40 && b - a < 1000, qPrintable(QStringLiteral("%1 %2").arg(a).arg(b)));
}

QTEST_GUILESS_MAIN(TestStallMonitor)
#include "tst_stallmonitor.moc"
