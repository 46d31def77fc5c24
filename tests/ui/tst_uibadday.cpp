// SPDX-License-Identifier: MIT
// The window on its owner's bad day: a full disk (under the test hook
// TROVE_TEST_LIBRARY_QUOTA, set and lifted in this process) shows a bar
// with the reason and a Resume button, leaves the items queued rather than
// failed, and Resume adds them all once space is back; File > Back Up
// Library… copies the library while the window adds images, off the GUI
// thread, and the next backup copies only what is new.
#include "catalog/librarybackup.h"
#include "dialogs/backupprogress.h"
#include "imagefactory.h"
#include "ingest/diskfullbar.h"
#include "ingest/ingestqueuepanel.h"
#include "models/gallerymodel.h"
#include "testserver.h"
#include "timebounds.h"
#include "uifixture.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <optional>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;
using trove::test::Response;
using trove::test::TestServer;

class TestUiBadDay final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void diskFullShowsBarAndResumes();
    void backupWhileAdding();

private:
    QStringList serve(int count, int side);

    TestServer m_server;
    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestUiBadDay::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
    QVERIFY(m_server.start());
}

void TestUiBadDay::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = uitest::openWindow(m_dir->filePath(QStringLiteral("library")));
    QVERIFY(m_window->session()->isOpen());
}

void TestUiBadDay::cleanup()
{
    qunsetenv("TROVE_TEST_LIBRARY_QUOTA");
    m_window.reset();
    m_dir.reset();
}

QStringList TestUiBadDay::serve(int count, int side)
{
    QStringList urls;
    for (int i = 0; i < count; ++i) {
        const QString path = QStringLiteral("/bad%1/%2.png").arg(side).arg(i);
        m_server.addRoute(
            path, Response::ok(ImageFactory::png(side, side, quint32(side + i)), "image/png"));
        urls << m_server.url(path).toString();
    }
    return urls;
}

void TestUiBadDay::diskFullShowsBarAndResumes()
{
    ui::DiskFullBar *bar = m_window->diskFullBar();
    QVERIFY(!bar->isVisible());
    IngestPipeline *pipeline = m_window->session()->pipeline();

    qputenv("TROVE_TEST_LIBRARY_QUOTA", "1"); // nothing fits
    m_window->ingest(serve(6, 64));
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), kLivenessMs);
    QVERIFY2(bar->label()->text().contains(QLatin1String("no space left on")),
        qPrintable(bar->label()->text()));
    QTRY_VERIFY_WITH_TIMEOUT(pipeline->isHalted(), kLivenessMs);
    QCOMPARE(pipeline->pendingCount(), 6); // queued, none failed
    for (quint64 id : pipeline->itemIds())
        QCOMPARE(pipeline->item(id)->state, IngestState::Queued);
    QVERIFY(m_window->queuePanel()->pauseAction()->isChecked());

    // Space is back: Resume adds every one, once, and the bar goes.
    qunsetenv("TROVE_TEST_LIBRARY_QUOTA");
    QTest::mouseClick(bar->resumeButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pipeline->pendingCount(), 0, kLivenessMs);
    QVERIFY(!bar->isVisible());
    for (quint64 id : pipeline->itemIds())
        QCOMPARE(pipeline->item(id)->state, IngestState::Done);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->gallery()->rowCount(), 6, kLivenessMs);
}

void TestUiBadDay::backupWhileAdding()
{
    const QString dest = m_dir->filePath(QStringLiteral("backup"));
    const int count = 120;
    m_window->ingest(serve(count, 20));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->gallery()->rowCount() > 0, kLivenessMs);

    auto backUp = [&]() -> Result<BackupReport> {
        ui::BackupProgress *progress = m_window->backUpLibraryTo(dest);
        if (!progress)
            return Error { QStringLiteral("no dialog") };
        std::optional<Result<BackupReport>> answer;
        connect(progress, &ui::BackupProgress::finishedWith, this,
            [&answer](const Result<BackupReport> &r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, kLivenessMs))
            return Error { QStringLiteral("no answer") };
        return *answer;
    };
    const Result<BackupReport> first = backUp(); // while the window adds
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error()));
    QVERIFY(LibraryBackup::checkComplete(dest).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->pipeline()->pendingCount(), 0, kLivenessMs);

    const Result<BackupReport> second = backUp();
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error()));
    QCOMPARE(second->images, count);
    QCOMPARE(second->blobsSkipped, first->images);
    QCOMPARE(second->blobsCopied, count - first->images);
    qInfo("first backup: %lld image(s) while adding; second copied %lld, skipped %lld",
        first->images, second->blobsCopied, second->blobsSkipped);
}

QTEST_MAIN(TestUiBadDay)
#include "tst_uibadday.moc"
