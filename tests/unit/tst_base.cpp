// SPDX-License-Identifier: MIT
// base/: the small pure helpers every room uses. safeFileName: what an
// image's name becomes as a file name, for the CLI's export and for drags.
// naturalSortKey: the order of the gallery's natural name sorts.
// IdTable: an ingest's items by id, at the same cost per step at any size.
// lowerCurrentThreadPriority: the window's background threads yield to its
// GUI thread; the command line's writer keeps its priority.

#include "base/filenames.h"
#include "base/futurewatch.h"
#include "base/idtable.h"
#include "base/naturalkey.h"
#include "base/platform.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QFile>
#include <QPromise>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <latch>
#include <memory>
#include <vector>

#ifdef Q_OS_LINUX
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

using namespace trove;

class TestBase final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void plainEventLoops_data();
    void plainEventLoops();
    void threadsRunQtsOwnDispatcher();
    void safeFileName_data();
    void safeFileName();
    void safeFileNameBounds_data();
    void safeFileNameBounds();
    void naturalSortKey_data();
    void naturalSortKey();
    void naturalSortKeyOrdersAList();
    void answersArriveInOrderAndInSlices();
    void answersStopWithTheQueue();
    void answersRaceTheQueuesEnd();
    void idTableFindsWhatWasInserted();
    void idTableGivesBackTheOldestSlots();
    void idTableTakesIdsBelowItsFirst();
    void idTableValuesStayPut();
    void fileSystemSyncNeedsAPlace();
    void backgroundThreadsYield_data();
    void backgroundThreadsYield();
    void poolThreadsKeepTheGuiPriority_data();
    void poolThreadsKeepTheGuiPriority();
};

void TestBase::safeFileName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("format");
    QTest::addColumn<QString>("expected");

    QTest::newRow("plain") << QStringLiteral("cat") << QStringLiteral("png")
                           << QStringLiteral("cat.png");
    QTest::newRow("jpeg gives jpg")
        << QStringLiteral("cat") << QStringLiteral("jpeg") << QStringLiteral("cat.jpg");
    QTest::newRow("format upper case")
        << QStringLiteral("cat") << QStringLiteral("PNG") << QStringLiteral("cat.png");
    QTest::newRow("extension already there")
        << QStringLiteral("cat.JPG") << QStringLiteral("jpeg") << QStringLiteral("cat.JPG");
    QTest::newRow("another extension kept")
        << QStringLiteral("cat.gif") << QStringLiteral("png") << QStringLiteral("cat.gif.png");
    QTest::newRow("no format") << QStringLiteral("cat") << QString() << QStringLiteral("cat");
    QTest::newRow("separators") << QStringLiteral("a/b\\c") << QStringLiteral("png")
                                << QStringLiteral("a_b_c.png");
    QTest::newRow("path escape") << QStringLiteral("../../etc/passwd") << QString()
                                 << QStringLiteral("_.._etc_passwd");
    QTest::newRow("windows characters")
        << QStringLiteral("a:b*c?d\"e<f>g|h") << QStringLiteral("png")
        << QStringLiteral("a_b_c_d_e_f_g_h.png");
    QTest::newRow("a run becomes one")
        << QStringLiteral("a//:**b") << QStringLiteral("png") << QStringLiteral("a_b.png");
    QTest::newRow("C0 controls") << QStringLiteral("a\nb\tc\x01") << QStringLiteral("png")
                                 << QStringLiteral("a_b_c_.png");
    QTest::newRow("DEL and C1 controls")
        << (QStringLiteral("a") + QChar(0x7F) + QStringLiteral("b") + QChar(0x85))
        << QStringLiteral("png") << QStringLiteral("a_b_.png");
    QTest::newRow("leading dots") << QStringLiteral("...hidden") << QStringLiteral("png")
                                  << QStringLiteral("hidden.png");
    QTest::newRow("trailing dots and spaces")
        << QStringLiteral("  cat . ") << QStringLiteral("png") << QStringLiteral("cat.png");
    QTest::newRow("only dots") << QStringLiteral("..") << QStringLiteral("png")
                               << QStringLiteral("3f2a9c1e.png");
    QTest::newRow("empty") << QString() << QStringLiteral("gif") << QStringLiteral("3f2a9c1e.gif");
    QTest::newRow("white space") << QStringLiteral(" \t ") << QStringLiteral("gif")
                                 << QStringLiteral("_.gif");
    QTest::newRow("device name") << QStringLiteral("con") << QStringLiteral("png")
                                 << QStringLiteral("_con.png");
    QTest::newRow("device name with extension")
        << QStringLiteral("NUL.txt") << QStringLiteral("png") << QStringLiteral("_NUL.txt.png");
    QTest::newRow("not a device name")
        << QStringLiteral("console") << QStringLiteral("png") << QStringLiteral("console.png");
    QTest::newRow("unicode kept") << QStringLiteral("Katze 猫 😺") << QStringLiteral("webp")
                                  << QStringLiteral("Katze 猫 😺.webp");
}

void TestBase::safeFileName()
{
    QFETCH(QString, name);
    QFETCH(QString, format);
    QFETCH(QString, expected);
    QCOMPARE(trove::safeFileName(name, format, QStringLiteral("3f2a9c1e")), expected);
}

void TestBase::safeFileNameBounds_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("chars"); // of the name part, without ".png"

    QTest::newRow("short") << QString(50, QLatin1Char('a')) << 50;
    QTest::newRow("ascii at the bound")
        << QString(kMaxBaseChars, QLatin1Char('a')) << kMaxBaseChars;
    QTest::newRow("ascii over the bound") << QString(300, QLatin1Char('a')) << kMaxBaseChars;
    // 3 bytes each in UTF-8: the byte bound cuts first.
    QTest::newRow("cjk") << QString(300, QChar(0x732B)) << kMaxBaseBytes / 3;
    // 4 bytes and 2 UTF-16 units each: never cut inside a pair.
    QTest::newRow("emoji") << QString::fromUtf8("😺").repeated(100) << 2 * (kMaxBaseBytes / 4);
    QTest::newRow("cut ends on a space")
        << (QString(kMaxBaseChars - 1, QLatin1Char('a')) + QStringLiteral(" b"))
        << kMaxBaseChars - 1;
}

void TestBase::safeFileNameBounds()
{
    QFETCH(QString, name);
    QFETCH(int, chars);
    const QString file = trove::safeFileName(name, QStringLiteral("png"), QStringLiteral("x"));
    QVERIFY(file.endsWith(QLatin1String(".png")));
    const QString base = file.chopped(4);
    QCOMPARE(base.size(), chars);
    QVERIFY(base.toUtf8().size() <= kMaxBaseBytes);
    QVERIFY(file.toUtf8().size() < 255);
    QVERIFY(!base.back().isHighSurrogate());
    QVERIFY(name.startsWith(base));
}

void TestBase::naturalSortKey_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("order"); // -1: a sorts first, 0: a tie, 1: b first

    auto row = [](const char *tag, const QString &a, const QString &b, int order) {
        QTest::newRow(tag) << a << b << order;
    };
    row("digit runs by value", QStringLiteral("slow_9"), QStringLiteral("slow_10"), -1);
    row("value, not text", QStringLiteral("img2.png"), QStringLiteral("img12.png"), -1);
    row("equal prefix, shorter first", QStringLiteral("slow"), QStringLiteral("slow_1"), -1);
    row("zero before one", QStringLiteral("a0"), QStringLiteral("a1"), -1);
    row("leading zeros do not count", QStringLiteral("a007"), QStringLiteral("a7"), 0);
    row("leading zeros, by value", QStringLiteral("a010"), QStringLiteral("a9"), 1);
    row("all zeros is zero", QStringLiteral("a000"), QStringLiteral("a0"), 0);
    row("several runs", QStringLiteral("v1.10.2"), QStringLiteral("v1.9.12"), 1);
    row("case does not count", QStringLiteral("Cat"), QStringLiteral("cat"), 0);
    row("case-insensitive order", QStringLiteral("apple"), QStringLiteral("Banana"), -1);
    row("accents do not count", QStringLiteral("Émile"), QStringLiteral("emile"), 0);
    row("accented sorts with its letter", QStringLiteral("élan"), QStringLiteral("fox"), -1);
    row("no digits at all", QStringLiteral("meadow"), QStringLiteral("harbor"), 1);
    row("empty first", QString(), QStringLiteral("a"), -1);
    row("eight digits", QStringLiteral("n99999999"), QStringLiteral("n100000000"), -1);
    row("very long runs by value", QStringLiteral("n") + QString(40, QLatin1Char('9')),
        QStringLiteral("n1") + QString(40, QLatin1Char('0')), -1);
    row("very long runs, same length", QStringLiteral("n2") + QString(30, QLatin1Char('0')),
        QStringLiteral("n1") + QString(30, QLatin1Char('9')), 1);
    row("huge length beats long length", QStringLiteral("n1") + QString(1000, QLatin1Char('0')),
        QStringLiteral("n9") + QString(200, QLatin1Char('9')), 1);
    row("long run then text", QStringLiteral("x123456789012b"), QStringLiteral("x123456789012a"),
        1);
    row("full-width digits are digits", QStringLiteral("p\uFF19"), QStringLiteral("p10"), -1);
    row("Arabic-Indic digits by value", QStringLiteral("p\u0669"), QStringLiteral("p\u0661\u0660"),
        -1);
    row("CJK names", QStringLiteral("猫 2"), QStringLiteral("猫 10"), -1);
    row("astral characters", QStringLiteral("\U0001F431 9"), QStringLiteral("\U0001F431 10"), -1);
    row("digits before letters", QStringLiteral("1cat"), QStringLiteral("cat"), -1);
}

void TestBase::naturalSortKey()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, order);
    const QString ka = trove::naturalSortKey(a);
    const QString kb = trove::naturalSortKey(b);
    // SQLite compares the keys' UTF-8 bytes (BINARY): that is code point
    // order, which QString's compare of UTF-16 is not past U+FFFF.
    const QByteArray ua = ka.toUtf8();
    const QByteArray ub = kb.toUtf8();
    const int got = ua < ub ? -1 : ua == ub ? 0 : 1;
    QCOMPARE(got, order);
    // Each name's key is the same every time (the stored column relies on it).
    QCOMPARE(trove::naturalSortKey(a), ka);
}

void TestBase::naturalSortKeyOrdersAList()
{
    QStringList names { QStringLiteral("slow_10"), QStringLiteral("Slow_9"),
        QStringLiteral("slow_1"), QStringLiteral("slow_010b"), QStringLiteral("slow_100"),
        QStringLiteral("slow"), QStringLiteral("slow_2") };
    std::stable_sort(names.begin(), names.end(), [](const QString &a, const QString &b) {
        return trove::naturalSortKey(a).toUtf8() < trove::naturalSortKey(b).toUtf8();
    });
    const QStringList expected { QStringLiteral("slow"), QStringLiteral("slow_1"),
        QStringLiteral("slow_2"), QStringLiteral("Slow_9"), QStringLiteral("slow_10"),
        QStringLiteral("slow_010b"), QStringLiteral("slow_100") };
    QCOMPARE(names, expected);
}

namespace {

void spinFor(int us)
{
    QElapsedTimer t;
    t.start();
    while (t.nsecsElapsed() < qint64(us) * 1000) { }
}

} // namespace

// An ingest's commits are answered in bursts of thousands: they reach the
// pipeline's thread in the order they finished, on that thread, and in
// slices that leave the event loop a turn in between.
void TestBase::answersArriveInOrderAndInSlices()
{
    constexpr int kCount = 400;
    AnswerQueue answers(nullptr, 2);
    std::vector<std::unique_ptr<QPromise<int>>> promises;
    QList<int> order;
    QList<int> turnOf;
    int turn = 0;
    QTimer ticker; // counts event-loop turns
    ticker.setInterval(0);
    QObject::connect(&ticker, &QTimer::timeout, [&] { ++turn; });
    ticker.start();
    bool offThread = false;
    for (int i = 0; i < kCount; ++i) {
        promises.push_back(std::make_unique<QPromise<int>>());
        promises.back()->start();
        answers.whenFinished(promises.back()->future(), [&, i](int value) {
            QCOMPARE(value, i * 10);
            offThread = offThread || QThread::currentThread() != answers.thread();
            order.append(i);
            turnOf.append(turn);
            spinFor(50); // 400 x 50 us: 20 ms of answers, in 2 ms slices
        });
    }
    // Finished all at once on another thread, as a writer's batch is.
    auto *finisher = QThread::create([&] {
        for (int i = 0; i < kCount; ++i) {
            promises[std::size_t(i)]->addResult(i * 10);
            promises[std::size_t(i)]->finish();
        }
    });
    finisher->start();
    QVERIFY(finisher->wait(10'000));
    delete finisher;
    QTRY_COMPARE(order.size(), kCount);
    QVERIFY(!offThread);
    for (int i = 0; i < kCount; ++i)
        QCOMPARE(order[i], i);
    QVERIFY2(turnOf.last() - turnOf.first() >= 3,
        qPrintable(QStringLiteral("all answers in %1 turns").arg(turnOf.last() - turnOf.first())));
    QCOMPARE(answers.waiting(), 0);
}

// A promise dropped without a result answers nothing; answers that come
// after the queue is gone (its owner destroyed) call nothing either.
void TestBase::answersStopWithTheQueue()
{
    int called = 0;
    auto answers = std::make_unique<AnswerQueue>();
    {
        QPromise<int> dropped;
        dropped.start();
        answers->whenFinished(dropped.future(), [&](int) { ++called; });
    }
    QPromise<int> late;
    late.start();
    answers->whenFinished(late.future(), [&](int) { ++called; });
    QPromise<int> queued;
    queued.start();
    answers->whenFinished(queued.future(), [&](int) { ++called; });
    queued.addResult(1);
    queued.finish(); // posted, not run yet
    answers.reset();
    late.addResult(2);
    late.finish();
    QTest::qWait(50);
    QCOMPARE(called, 0);
}

// Threads finishing futures while the queue is destroyed: each post lands
// on a live queue or on none (ASan and the sanitized build watch for a post
// to a freed one), and nothing is called after it is gone.
void TestBase::answersRaceTheQueuesEnd()
{
    for (int round = 0; round < 20; ++round) {
        constexpr int kThreads = 3;
        constexpr int kEach = 300;
        std::atomic_int calledAfterEnd = 0;
        std::atomic_bool ended = false;
        auto answers = std::make_unique<AnswerQueue>();
        std::vector<std::unique_ptr<QPromise<int>>> promises;
        for (int i = 0; i < kThreads * kEach; ++i) {
            promises.push_back(std::make_unique<QPromise<int>>());
            promises.back()->start();
            answers->whenFinished(promises.back()->future(), [&](int) {
                if (ended.load())
                    ++calledAfterEnd;
            });
        }
        std::vector<std::unique_ptr<QThread>> finishers;
        for (int t = 0; t < kThreads; ++t) {
            finishers.emplace_back(QThread::create([&promises, t] {
                for (int i = t * kEach; i < (t + 1) * kEach; ++i) {
                    promises[std::size_t(i)]->addResult(i);
                    promises[std::size_t(i)]->finish();
                }
            }));
            finishers.back()->start();
        }
        QCoreApplication::processEvents(); // some answers run
        answers.reset();
        ended = true;
        for (auto &finisher : finishers)
            QVERIFY(finisher->wait(10'000));
        QCoreApplication::processEvents();
        QCOMPARE(calledAfterEnd.load(), 0);
    }
}

namespace {
QList<quint64> idsOf(const IdTable<QString> &table)
{
    QList<quint64> ids;
    table.forEach([&ids](quint64 id, const QString &) { ids.append(id); });
    return ids;
}
} // namespace

void TestBase::idTableFindsWhatWasInserted()
{
    IdTable<QString> table;
    QVERIFY(table.isEmpty());
    QCOMPARE(table.find(1), nullptr);
    for (quint64 id = 1; id <= 5; ++id)
        table.insert(id, QString::number(id));
    QCOMPARE(table.size(), 5);
    QCOMPARE(*table.find(3), QStringLiteral("3"));
    QCOMPARE(table.find(0), nullptr);
    QCOMPARE(table.find(6), nullptr);

    table.insert(3, QStringLiteral("three")); // replaces
    QCOMPARE(table.size(), 5);
    QCOMPARE(*table.find(3), QStringLiteral("three"));

    table.erase(3);
    table.erase(3); // twice: no effect
    table.erase(42); // never there
    QCOMPARE(table.size(), 4);
    QVERIFY(!table.contains(3));
    QCOMPARE(idsOf(table), (QList<quint64> { 1, 2, 4, 5 }));

    QVERIFY(table[3].isEmpty()); // operator[] makes a default value
    QCOMPARE(table.size(), 5);
    table[3] = QStringLiteral("back");
    QCOMPARE(*table.find(3), QStringLiteral("back"));
}

void TestBase::idTableGivesBackTheOldestSlots()
{
    // A big paste: 100,000 items, finished and cleared mostly in order,
    // one old failure kept. The table holds slots only from the oldest
    // value to the newest, so memory follows what is left.
    IdTable<QString> table;
    for (quint64 id = 1; id <= 100'000; ++id)
        table.insert(id, QString());
    QCOMPARE(table.slotCount(), 100'000);
    for (quint64 id = 1; id <= 100'000; ++id) {
        if (id != 70'000)
            table.erase(id);
    }
    QCOMPARE(table.size(), 1);
    QCOMPARE(table.slotCount(), 1);
    QCOMPARE(idsOf(table), QList<quint64> { 70'000 });
    table.erase(70'000);
    QVERIFY(table.isEmpty());
    QCOMPARE(table.slotCount(), 0);

    // Empty, it starts over at any id.
    table.insert(500'000, QStringLiteral("later"));
    QCOMPARE(table.slotCount(), 1);
    QCOMPARE(*table.find(500'000), QStringLiteral("later"));
}

void TestBase::idTableTakesIdsBelowItsFirst()
{
    // The work of a retried old item comes back under its old id, below
    // every id in the work table.
    IdTable<QString> table;
    table.insert(10, QStringLiteral("ten"));
    table.insert(12, QStringLiteral("twelve"));
    table.insert(4, QStringLiteral("four"));
    QCOMPARE(idsOf(table), (QList<quint64> { 4, 10, 12 }));
    QCOMPARE(*table.find(10), QStringLiteral("ten"));
    QCOMPARE(table.find(5), nullptr);
    table.erase(12);
    table.erase(4);
    QCOMPARE(table.slotCount(), 1);
    QCOMPARE(*table.find(10), QStringLiteral("ten"));
}

void TestBase::idTableValuesStayPut()
{
    // The pipeline keeps a reference to an item across inserts of others.
    IdTable<QString> table;
    QString &first = table[1];
    first = QStringLiteral("first");
    const QString *address = &first;
    for (quint64 id = 2; id <= 20'000; ++id)
        table.insert(id, QString::number(id));
    for (quint64 id = 2; id <= 10'000; ++id)
        table.erase(id);
    QCOMPARE(table.find(1), address);
    QCOMPARE(*address, QStringLiteral("first"));
}

void TestBase::fileSystemSyncNeedsAPlace()
{
    // The writer flushes a batch of blobs with one sync of the library's
    // file system, and falls back to a sync per file when that fails.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("blob.gz"));
    QFile out(file);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write("bytes");
    startWriteback(int(out.handle()));
    out.close();
#ifdef Q_OS_LINUX
    QVERIFY(syncFileSystemOf(dir.path()));
    QVERIFY(syncFileSystemOf(file));
#endif
    QVERIFY(!syncFileSystemOf(dir.filePath(QStringLiteral("gone"))));
    QVERIFY(syncFile(file));
    QVERIFY(!syncFile(dir.filePath(QStringLiteral("gone"))));
}

namespace {

struct Scheduling {
    int policy = -1;
    int nice = 0;
    bool operator==(const Scheduling &) const = default;
};

// The calling thread's policy and nice value (Linux).
Scheduling currentScheduling()
{
#ifdef Q_OS_LINUX
    return { ::sched_getscheduler(0), ::getpriority(PRIO_PROCESS, id_t(::gettid())) };
#else
    return {};
#endif
}

// What a new thread has after lowerCurrentThreadPriority(work), and what a
// thread that one starts inherits (QNetworkAccessManager's, for the fetcher).
std::pair<Scheduling, Scheduling> schedulingAfterLowering(ThreadWork work)
{
    Scheduling lowered;
    Scheduling child;
    std::unique_ptr<QThread> thread(QThread::create([&] {
        lowerCurrentThreadPriority(work);
        lowerCurrentThreadPriority(work); // once per thread: no further
        lowered = currentScheduling();
        std::unique_ptr<QThread> started(QThread::create([&] { child = currentScheduling(); }));
        started->start();
        started->wait();
    }));
    thread->start();
    thread->wait();
    return { lowered, child };
}

} // namespace

void TestBase::backgroundThreadsYield_data()
{
    QTest::addColumn<bool>("window");
    QTest::addColumn<ThreadWork>("work");
    QTest::addColumn<int>("policy");
    QTest::addColumn<int>("nice");
#ifdef Q_OS_LINUX
    // The window: heavy work below any normal thread; the threads that
    // answer it (and share locks with its GUI thread) at its priority.
    QTest::newRow("window fetcher") << true << ThreadWork::Light << SCHED_OTHER << 0;
    QTest::newRow("window processing") << true << ThreadWork::Heavy << SCHED_IDLE << 0;
    QTest::newRow("window writer") << true << ThreadWork::Catalog << SCHED_OTHER << 0;
    // The command line: the work at nice +10, its writer as it was.
    QTest::newRow("cli fetcher") << false << ThreadWork::Light << SCHED_OTHER << 10;
    QTest::newRow("cli processing") << false << ThreadWork::Heavy << SCHED_OTHER << 10;
    QTest::newRow("cli writer") << false << ThreadWork::Catalog << SCHED_OTHER << 0;
#endif
}

void TestBase::backgroundThreadsYield()
{
#ifndef Q_OS_LINUX
    QSKIP("thread priorities are only set on Linux");
#else
    QFETCH(bool, window);
    QFETCH(ThreadWork, work);
    QFETCH(int, policy);
    QFETCH(int, nice);
    const Scheduling before = currentScheduling();
    if (before != Scheduling { SCHED_OTHER, 0 })
        QSKIP("the test itself runs at a lowered priority");
    setIdleSchedulingForBackgroundWork(window);
    const auto [lowered, child] = schedulingAfterLowering(work);
    setIdleSchedulingForBackgroundWork(false);
    QCOMPARE(lowered.policy, policy);
    QCOMPARE(lowered.nice, nice);
    QCOMPARE(child, lowered);
    // The calling thread (a GUI thread) keeps its own.
    QCOMPARE(currentScheduling(), before);
#endif
}

void TestBase::poolThreadsKeepTheGuiPriority_data()
{
    QTest::addColumn<bool>("kept");
    QTest::addColumn<int>("policy");
#ifdef Q_OS_LINUX
    // A pool left alone starts its threads from whoever submits: an idle
    // processing thread makes idle pool threads, which a GUI thread's
    // split fill would then wait for.
    QTest::newRow("left alone") << false << SCHED_IDLE;
    QTest::newRow("kept") << true << SCHED_OTHER;
#endif
}

void TestBase::poolThreadsKeepTheGuiPriority()
{
#ifndef Q_OS_LINUX
    QSKIP("thread priorities are only set on Linux");
#else
    QFETCH(bool, kept);
    QFETCH(int, policy);
    if (currentScheduling() != Scheduling { SCHED_OTHER, 0 })
        QSKIP("the test itself runs at a lowered priority");
    QThreadPool pool;
    pool.setMaxThreadCount(2);
    if (kept)
        keepPoolThreadsAtCallersPriority(&pool);
    // Both tasks at once, so that neither can wait for a thread the other
    // one freed: each needs a thread of its own.
    std::latch bothRunning(2);
    QList<int> policies(2, -1);
    std::unique_ptr<QThread> idle(QThread::create([&] {
        setIdleSchedulingForBackgroundWork(true);
        lowerCurrentThreadPriority(ThreadWork::Heavy);
        setIdleSchedulingForBackgroundWork(false);
        for (int i = 0; i < 2; ++i) {
            pool.start([&, i] {
                policies[i] = currentScheduling().policy;
                bothRunning.arrive_and_wait();
            });
        }
        pool.waitForDone();
    }));
    idle->start();
    QVERIFY(idle->wait(30'000));
    QCOMPARE(policies, QList<int>(2, policy));
    QCOMPARE(pool.expiryTimeout(), kept ? -1 : 30'000);
#endif
}

QTEST_GUILESS_MAIN(TestBase)
// The environment usePlainEventLoops() leaves: QT_NO_GLIB set unless the
// person asked for GLib (TROVE_GLIB) or chose QT_NO_GLIB themselves.
void TestBase::plainEventLoops_data()
{
    QTest::addColumn<QByteArray>("troveGlib"); // null: unset
    QTest::addColumn<QByteArray>("noGlibBefore");
    QTest::addColumn<QByteArray>("noGlibAfter");
    QTest::newRow("default: Qt's dispatcher") << QByteArray() << QByteArray() << QByteArray("1");
    QTest::newRow("TROVE_GLIB keeps GLib's") << QByteArray("1") << QByteArray() << QByteArray();
    QTest::newRow("the person's own QT_NO_GLIB")
        << QByteArray() << QByteArray("yes") << QByteArray("yes");
}

void TestBase::plainEventLoops()
{
    QFETCH(QByteArray, troveGlib);
    QFETCH(QByteArray, noGlibBefore);
    QFETCH(QByteArray, noGlibAfter);
    const auto set = [](const char *name, const QByteArray &value) {
        if (value.isNull())
            qunsetenv(name);
        else
            qputenv(name, value);
    };
    const QByteArray savedTrove
        = qEnvironmentVariableIsSet("TROVE_GLIB") ? qgetenv("TROVE_GLIB") : QByteArray();
    const QByteArray savedNoGlib
        = qEnvironmentVariableIsSet("QT_NO_GLIB") ? qgetenv("QT_NO_GLIB") : QByteArray();
    const auto restore = qScopeGuard([&] {
        set("TROVE_GLIB", savedTrove);
        set("QT_NO_GLIB", savedNoGlib);
    });
    set("TROVE_GLIB", troveGlib);
    set("QT_NO_GLIB", noGlibBefore);
    usePlainEventLoops();
    QCOMPARE(qEnvironmentVariableIsSet("QT_NO_GLIB"), !noGlibAfter.isNull());
    QCOMPARE(qgetenv("QT_NO_GLIB"), noGlibAfter);
}

// What the variable is for: a thread started after it runs Qt's own
// dispatcher, not GLib's (the name Qt reads could change with Qt).
void TestBase::threadsRunQtsOwnDispatcher()
{
    usePlainEventLoops();
    QThread thread;
    QByteArray dispatcher;
    QObject::connect(
        &thread, &QThread::started, &thread,
        [&dispatcher] {
            dispatcher = QAbstractEventDispatcher::instance()->metaObject()->className();
            QThread::currentThread()->quit();
        },
        Qt::DirectConnection);
    thread.start();
    QVERIFY(thread.wait(10000));
    QVERIFY2(!dispatcher.contains("Glib"), dispatcher.constData());
    QVERIFY2(!dispatcher.isEmpty(), "the thread ran no event loop");
}

#include "tst_base.moc"
