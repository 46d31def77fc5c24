// SPDX-License-Identifier: MIT
// The GUI thread never waits for ingest work: a 5 ms timer on it keeps
// ticking while images download, decode, compress, commit and appear.
// With TROVE_UI_BENCH=1 it also measures a paste of 200 links until every
// thumbnail is on screen (a measurement, not a gate).

#include "imagefactory.h"
#include "models/gallerymodel.h"
#include "models/ingestqueuemodel.h"
#include "testserver.h"
#include "timebounds.h"
#include "uifixture.h"

#include <QClipboard>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSlider>
#include <QStatusBar>
#include <QTimer>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;
using trove::test::Response;
using trove::test::TestServer;

namespace {

/// Records the longest wait between ticks of a 5 ms timer on this thread.
class GapProbe final : public QObject {
public:
    GapProbe()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_maxGapNs = std::max(m_maxGapNs, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    double maxGapMs() const { return double(m_maxGapNs) / 1e6; }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
};

} // namespace

class TestUiResponsiveness : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void guiThreadNeverBlocksWhileIngesting();
    void paste200Links();

private:
    QStringList serve(int count, int width, int height);
    /// Pastes @p links, waits until every row shows its thumbnail; answers
    /// the elapsed ms and the longest GUI gap.
    QPair<qint64, double> pasteAndWait(const QStringList &links, int timeoutMs);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<ui::MainWindow> m_window;
    TestServer m_server;
};

void TestUiResponsiveness::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
    QVERIFY(m_server.start());
}

void TestUiResponsiveness::init()
{
    m_library = std::make_unique<QTemporaryDir>();
    m_window = uitest::openWindow(m_library->path());
    QVERIFY(m_window->session()->isOpen());
}

void TestUiResponsiveness::cleanup()
{
    m_window.reset();
    m_library.reset();
}

QStringList TestUiResponsiveness::serve(int count, int width, int height)
{
    QStringList links;
    for (int i = 0; i < count; ++i) {
        const QString path = QStringLiteral("/%1x%2/%3.jpg").arg(width).arg(height).arg(i);
        m_server.addRoute(path,
            Response::ok(ImageFactory::jpeg(width, height, 85, quint32(i + 1)), "image/jpeg"));
        links << m_server.url(path).toString();
    }
    return links;
}

QPair<qint64, double> TestUiResponsiveness::pasteAndWait(const QStringList &links, int timeoutMs)
{
    GalleryModel *gallery = m_window->session()->gallery();
    // A window large enough that every row is on screen at the smallest size,
    // so "all thumbnails shown" is meaningful.
    QGuiApplication::clipboard()->setText(links.join(QLatin1Char('\n')));
    GapProbe probe;
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier);
    // A plain event loop, as the application runs: QTest::qWaitFor sleeps
    // 10 ms between rounds, which would count as a stall.
    QEventLoop loop;
    bool done = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, &loop, [&] {
        done = gallery->rowCount() == links.size()
            && m_window->session()->queue()->finishedCount() == links.size()
            && uitest::rowsWithThumbnails(gallery) == links.size();
        if (done)
            loop.quit();
    });
    poll.start(20);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 elapsed = clock.elapsed();
    if (!done) {
        qWarning() << "rows" << gallery->rowCount() << "finished"
                   << m_window->session()->queue()->finishedCount() << "with thumbnails"
                   << uitest::rowsWithThumbnails(gallery);
        return { -1, probe.maxGapMs() };
    }
    return { elapsed, probe.maxGapMs() };
}

void TestUiResponsiveness::guiThreadNeverBlocksWhileIngesting()
{
    const QStringList links = serve(30, 800, 600);
    const auto [elapsed, gap] = pasteAndWait(links, kLivenessMs);
    qInfo("30 images (800x600 JPEG) ingested and shown in %lld ms; longest GUI-thread gap %.1f ms",
        elapsed, gap);
    QVERIFY2(elapsed >= 0, "not every image arrived with its thumbnail");
    QCOMPARE(m_window->session()->queue()->failedCount(), 0);
    QVERIFY2(gap < 250.0, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms").arg(gap)));
}

void TestUiResponsiveness::paste200Links()
{
    if (qEnvironmentVariableIntValue("TROVE_UI_BENCH") != 1)
        QSKIP("a measurement: run with TROVE_UI_BENCH=1");
    m_window->resize(1600, 1200);
    m_window->statusBar()->findChild<QSlider *>()->setValue(64);
    const QStringList links = serve(200, 640, 480);
    const auto [elapsed, gap] = pasteAndWait(links, 120000);
    qInfo(
        "200 links pasted: all 200 thumbnails shown after %lld ms; longest GUI-thread gap %.1f ms",
        elapsed, gap);
    QVERIFY(elapsed >= 0);
}

QTEST_MAIN(TestUiResponsiveness)
#include "tst_uiresponsiveness.moc"
