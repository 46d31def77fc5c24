// SPDX-License-Identifier: MIT
// The window on a library's bad day: a read-only library (a read-only bind
// mount) opens for browsing and viewing, says "read-only" and disables
// everything that would write; a library whose catalog is damaged is
// named so in plain words, with a repair that runs behind a progress
// dialog and then opens the repaired library.
#include "dialogs/libraryrepair.h"
#include "gallery/imageactions.h"
#include "hashingstatuslabel.h"
#include "ingest/ingestbar.h"
#include "readonlymount.h"
#include "uifixture.h"

#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;

class TestUiLibraryHealth : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void readOnlyLibraryBrowsesAndWritesNothing();
    void damagedLibraryOffersRepair_data();
    void damagedLibraryOffersRepair();
    void networkDriveIsShown();
    void hashingNoteFollowsTheBackfill_data();
    void hashingNoteFollowsTheBackfill();

private:
    /// A library of @p count images made by a window, closed again.
    void makeLibrary(int count);
    /// A window on the library, shown; not waiting for it to open.
    void showWindow();
    QAction *menuAction(const QString &text) const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_library;
    QString m_mounted;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestUiLibraryHealth::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
}

void TestUiLibraryHealth::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    m_library = m_dir->filePath(QStringLiteral("library"));
}

void TestUiLibraryHealth::cleanup()
{
    m_window.reset();
    if (!m_mounted.isEmpty())
        test::unmount(std::exchange(m_mounted, QString()));
    m_dir.reset();
}

void TestUiLibraryHealth::makeLibrary(int count)
{
    auto window = uitest::openWindow(m_library);
    QStringList files;
    for (int i = 0; i < count; ++i) {
        const QString path = m_dir->filePath(QStringLiteral("image%1.png").arg(i));
        QVERIFY(uitest::writeFile(path, ImageFactory::png(80 + i, 60, quint32(i + 1))));
        files << path;
    }
    window->ingest(files);
    QTRY_COMPARE_WITH_TIMEOUT(window->session()->gallery()->rowCount(), count, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        uitest::rowsWithThumbnails(window->session()->gallery()), count, kLivenessMs);
}

void TestUiLibraryHealth::showWindow()
{
    m_window = std::make_unique<ui::MainWindow>(LibraryPaths(m_library));
    m_window->resize(1000, 700);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

QAction *TestUiLibraryHealth::menuAction(const QString &text) const
{
    const QList<QAction *> actions = m_window->menuBar()->findChildren<QAction *>();
    for (QAction *action : actions) {
        if (action->text() == text)
            return action;
    }
    return nullptr;
}

void TestUiLibraryHealth::readOnlyLibraryBrowsesAndWritesNothing()
{
    makeLibrary(2);
    if (const QString why = test::mountReadOnly(m_library); !why.isEmpty())
        QSKIP(qPrintable(QStringLiteral("cannot mount read-only here: ") + why));
    m_mounted = m_library;

    showWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    QVERIFY(m_window->session()->isReadOnly());
    QVERIFY2(m_window->windowTitle().contains(QLatin1String("read-only")),
        qPrintable(m_window->windowTitle()));
    QVERIFY(m_window->accessLabel()->isVisible());
    QCOMPARE(m_window->accessLabel()->text(), QStringLiteral("Read-only"));

    // Browsing works: rows and their thumbnails.
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 2, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(uitest::rowsWithThumbnails(gallery), 2, kLivenessMs);
    m_window->galleryView()->selectionModel()->setCurrentIndex(
        gallery->index(0, 0), QItemSelectionModel::ClearAndSelect);

    // Nothing that writes is offered.
    QVERIFY(!m_window->ingestBar()->isEnabled());
    ui::ImageActions *actions = m_window->findChild<ui::ImageActions *>();
    QVERIFY(actions);
    QTRY_VERIFY(actions->exportAction()->isEnabled());
    QVERIFY(!actions->editAction()->isEnabled());
    QVERIFY(!actions->removeAction()->isEnabled());
    for (const QString &text : { QStringLiteral("&Paste Links or Image"),
             QStringLiteral("&Add Image Files…"), QStringLiteral("Import &Folder…") }) {
        QAction *action = menuAction(text);
        QVERIFY2(action, qPrintable(text));
        QVERIFY2(!action->isEnabled(), qPrintable(text));
    }
    // A drop is refused, and says why.
    auto *mime = new QMimeData;
    mime->setUrls({ QUrl::fromLocalFile(m_dir->filePath(QStringLiteral("image0.png"))) });
    QVERIFY(!uitest::drop(m_window->galleryView()->viewport(), mime));
    delete mime;
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("read-only")),
        qPrintable(m_window->statusBar()->currentMessage()));

    // The viewer shows the image.
    m_window->openViewer(0);
    QVERIFY(m_window->isViewerOpen());
}

void TestUiLibraryHealth::damagedLibraryOffersRepair_data()
{
    QTest::addColumn<QString>("table"); ///< whose page is overwritten; empty: the header
    QTest::newRow("garbage over the header") << QString();
    // The writer opens this one; the first page the gallery reads meets it.
    QTest::newRow("garbage over the sources' page") << QStringLiteral("sources");
}

void TestUiLibraryHealth::damagedLibraryOffersRepair()
{
    QFETCH(QString, table);
    makeLibrary(3);
    const QString catalog = m_library + QStringLiteral("/catalog.sqlite");
    qint64 offset = 0;
    qint64 length = 4096;
    if (!table.isEmpty()) {
        const QString name = QStringLiteral("page-probe");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(catalog);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("PRAGMA page_size")) && q.next());
            length = q.value(0).toLongLong();
            QVERIFY(q.exec(QStringLiteral("SELECT rootpage FROM sqlite_schema WHERE name = '%1'")
                               .arg(table))
                && q.next());
            offset = (q.value(0).toLongLong() - 1) * length;
            QVERIFY(offset > 0);
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }
    {
        QFile f(catalog);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(offset));
        QByteArray junk(length, Qt::Uninitialized);
        QRandomGenerator rng(7);
        for (char &c : junk)
            c = char(rng.bounded(256));
        QCOMPARE(f.write(junk), qint64(junk.size()));
    }

    showWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->repair()->offerBox(), kLivenessMs);
    QMessageBox *box = m_window->repair()->offerBox();
    QVERIFY2(box->text().contains(QLatin1String("is damaged")), qPrintable(box->text()));
    // SQLite's words are in the details, not in the message.
    QVERIFY(!box->text().contains(QLatin1String("malformed")));
    QVERIFY(!box->text().contains(QLatin1String("not a database")));
    auto *repair = box->findChild<QPushButton *>(QStringLiteral("repairButton"));
    QVERIFY(repair);
    repair->click();

    QTRY_VERIFY_WITH_TIMEOUT(m_window->session() && m_window->session()->isOpen(), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->gallery()->rowCount(), 3, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        uitest::rowsWithThumbnails(m_window->session()->gallery()), 3, kLivenessMs);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QLatin1String("repaired")),
        qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(!m_window->repair()->isRunning());
    QVERIFY(!QDir(m_library)
                 .entryList({ QStringLiteral("catalog.sqlite.damaged-*") }, QDir::Files)
                 .isEmpty());
}

void TestUiLibraryHealth::networkDriveIsShown()
{
    qputenv("TROVE_TEST_FSTYPE", "cifs");
    const auto unset = qScopeGuard([] { qunsetenv("TROVE_TEST_FSTYPE"); });
    showWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    QVERIFY(!m_window->session()->isReadOnly());
    QVERIFY(m_window->accessLabel()->isVisible());
    QCOMPARE(m_window->accessLabel()->text(), QStringLiteral("Network drive"));
    QVERIFY2(
        m_window->statusBar()->currentMessage().contains(QLatin1String("network drive (cifs)")),
        qPrintable(m_window->statusBar()->currentMessage()));
    // Adding still works there.
    QVERIFY(m_window->ingestBar()->isEnabled());
    const QString path = m_dir->filePath(QStringLiteral("one.png"));
    QVERIFY(uitest::writeFile(path, ImageFactory::png(40, 30, 5)));
    m_window->ingest({ path });
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->gallery()->rowCount(), 1, kLivenessMs);
}

// An older library gets its hashes for Find Similar in the background; the
// status bar says how far that is, goes when it is done, and keeps the
// reason when it stopped.
void TestUiLibraryHealth::hashingNoteFollowsTheBackfill_data()
{
    QTest::addColumn<qint64>("hashed");
    QTest::addColumn<bool>("finished");
    QTest::addColumn<QString>("error");
    QTest::addColumn<bool>("shown");
    QTest::addColumn<QString>("text");
    const QLocale locale;
    const QString twelveHundred = QStringLiteral("Hashing for Find Similar: %1 of %2")
                                      .arg(locale.toString(1200), locale.toString(40000));
    QTest::newRow("under way") << qint64(1200) << false << QString() << true << twelveHundred;
    QTest::newRow("all hashed") << qint64(40000) << false << QString() << false << QString();
    QTest::newRow("finished") << qint64(40000) << true << QString() << false << QString();
    QTest::newRow("stopped") << qint64(1200) << true << QStringLiteral("disk full") << true
                             << QStringLiteral("Hashing for Find Similar stopped: disk full");
}

void TestUiLibraryHealth::hashingNoteFollowsTheBackfill()
{
    QFETCH(qint64, hashed);
    QFETCH(bool, finished);
    QFETCH(QString, error);
    QFETCH(bool, shown);
    QFETCH(QString, text);
    showWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    ui::HashingStatusLabel *note = m_window->hashingLabel();
    QVERIFY(!note->isVisible()); // a new library has nothing to hash
    SimilarityService *similarity = m_window->session()->similarity();
    HashProgress progress;
    progress.images = 40000;
    progress.hashed = 100;
    Q_EMIT similarity->backfillProgress(progress);
    QVERIFY(note->isVisible());
    progress.hashed = hashed;
    if (finished)
        Q_EMIT similarity->backfillFinished(progress, error);
    else
        Q_EMIT similarity->backfillProgress(progress);
    QCOMPARE(note->isVisible(), shown);
    if (shown)
        QCOMPARE(note->text(), text);
    // Another library starts with no note.
    m_window->openLibrary(LibraryPaths(m_dir->filePath(QStringLiteral("other"))));
    QVERIFY(!note->isVisible());
}

TROVE_TEST_MAIN_WITH_MOUNTS(TestUiLibraryHealth, QApplication)

#include "tst_uilibraryhealth.moc"
