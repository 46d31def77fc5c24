// SPDX-License-Identifier: MIT
// The window is a live view of its library: what the real `trove` command
// line commits to the same library shows in the open window with no input
// to it — added images appear, removed ones go, retags reach the model, the
// viewer and the status bar — through inserts and removals, never a reset.
#include "catalog/catalogwriter.h"
#include "dialogs/tageditdialog.h"
#include "dialogs/trashdialog.h"
#include "gallery/browsebar.h"
#include "gallery/collectionspanel.h"
#include "gallery/galleryview.h"
#include "gallery/imageactions.h"
#include "gallery/markactions.h"
#include "imagefactory.h"
#include "ingest/imageprocessor.h"
#include "ingest/ingesttypes.h"
#include "librarystatuslabel.h"
#include "localapihost.h"
#include "models/gallerymodel.h"
#include "models/trashmodel.h"
#include "testfiles.h"
#include "testserver.h"
#include "timebounds.h"
#include "troveprocess.h"
#include "uifixture.h"
#include "viewer/imagecanvas.h"
#include "viewer/imageviewer.h"

#include <QAbstractItemModelTester>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QUndoStack>
#include <algorithm>
#include <functional>

using namespace trove;

namespace {

// Liveness bound (tests/support/timebounds.h), not a measurement:
// bench/live-update measures how fast a change arrives.
constexpr int kArrives = test::kLivenessMs;

} // namespace

class TestUiLive : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void cliAddAppears();
    void cliRemoveDisappears();
    void cliRetagShows();
    void viewerFollowsRemovalElsewhere();
    void cliRenameAndRestoreShow();
    void cliMarksReachTheImageMenu();
    void marksOfAnImageTrashedElsewhere();
    void editDialogOfAnImageTrashedElsewhere();
    void undoLeavesChangesMadeElsewhere();
    void windowServesTheLocalApi();
    void selectAllRemoveAsksAboutAll();
    void undoAfterTrashEmptiedTellsTheTruth();
    void openLibraryAsksBeforeMakingOne();
    void trashWindowRestoresAndDeletes();
    void trashWindowActsOnRowsNotRead();
    void largeTrashReachesTheListInSteps();
    void trashWindowRestoreMergesAndUndoTakesItBack();
    void trashWindowFilters();
    void trashWindowSortsByAnyColumn();
    void collectionsDockFollowsAndFilters();
    void closedCollectionsDockCountsWhenOpened();
    void terminateQuitsWithWorkInFlight();

private:
    /// Writes a PNG of its own colour and adds it with the real CLI.
    void cliAdd(const QString &name, quint32 seed, const QStringList &tags = {});
    /// With the window closed: @p count images "many-<i>" written straight
    /// to the library (the first @p trashed of them then moved to its
    /// trash), and the window opened on it again.
    void reopenWithMany(int count, int trashed = 0);
    /// Runs @p press while answering the question box it opens with the
    /// button whose role is @p role; answers the question's text.
    QString answering(QMessageBox::ButtonRole role, const std::function<void()> &press);
    int trashRowOf(const QAbstractItemModel *model, const QString &name) const;
    test::TroveRun cli(const QStringList &args);
    GalleryModel *gallery() const { return m_window->session()->gallery(); }
    int rowOfName(const QString &name) const;
    /// The name of the image the viewer holds, or what it holds instead
    /// (a failed check says which).
    QString viewerShows() const;
    /// The trashed image's record as `trove trash list --json` has it.
    QJsonObject trashedAsCliSees(const QString &name);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QSignalSpy> m_resets;
};

void TestUiLive::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
}

void TestUiLive::init()
{
    // The Trash window's order, as a first start has it.
    QSettings().remove(QStringLiteral("trash"));
    m_library = std::make_unique<QTemporaryDir>();
    m_home = std::make_unique<QTemporaryDir>();
    m_window = uitest::openWindow(m_library->path());
    QVERIFY(m_window->session()->isOpen());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        gallery(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_resets = std::make_unique<QSignalSpy>(gallery(), &QAbstractItemModel::modelReset);
}

void TestUiLive::cleanup()
{
    if (m_resets)
        QCOMPARE(m_resets->count(), 0);
    m_resets.reset();
    m_tester.reset();
    m_window.reset();
    m_library.reset();
    m_home.reset();
}

test::TroveRun TestUiLive::cli(const QStringList &args)
{
    return test::runTrove(QStringList { QStringLiteral("--library"), m_library->path() } + args,
        test::cleanTroveEnvironment(m_home->path()));
}

void TestUiLive::cliAdd(const QString &name, quint32 seed, const QStringList &tags)
{
    const QString file = m_home->filePath(name + QStringLiteral(".png"));
    QVERIFY(test::writeFile(
        file, test::ImageFactory::encode(test::ImageFactory::pattern(50, 40, seed), "png")));
    QStringList args { QStringLiteral("add"), file, QStringLiteral("--name"), name };
    for (const QString &tag : tags)
        args << QStringLiteral("--tag") << tag;
    const auto run = cli(args);
    QVERIFY2(run.exitCode == 0, run.describe().constData());
}

QString TestUiLive::viewerShows() const
{
    const ui::ImageViewer *viewer = m_window->viewer();
    if (const auto record = viewer->currentRecord())
        return record->name;
    return QStringLiteral("(row %1 of %2, not loaded)")
        .arg(viewer->currentRow())
        .arg(gallery()->rowCount());
}

void TestUiLive::reopenWithMany(int count, int trashed)
{
    m_resets.reset();
    m_tester.reset();
    m_window.reset();
    {
        const LibraryPaths paths(m_library->path());
        CatalogWriter writer(paths);
        auto opened = writer.open();
        opened.waitForFinished();
        QVERIFY(opened.result().ok());
        QList<QFuture<Result<CommitOutcome>>> commits;
        for (int i = 0; i < count; ++i) {
            const QString input = m_home->filePath(QStringLiteral("in-%1.png").arg(i));
            QVERIFY(test::writeFile(input,
                test::ImageFactory::encode(
                    test::ImageFactory::pattern(24, 16, quint32(i + 1)), "png")));
            ProcessRequest request;
            request.dataPath = input;
            request.originalName = QStringLiteral("many-%1.png").arg(i);
            request.tempBlobPath = paths.newTempFile(QStringLiteral(".gz"));
            auto processed = ImageProcessor::process(request);
            QVERIFY(processed.ok());
            NewImage image;
            image.name = QStringLiteral("many-%1").arg(i);
            image.processed = *processed;
            commits << writer.commitImage(image);
        }
        for (auto &c : commits) {
            c.waitForFinished();
            QVERIFY(c.result().ok());
        }
        if (trashed > 0) {
            QList<qint64> keys;
            for (int i = 0; i < trashed; ++i)
                keys << commits.at(i).result()->key;
            auto moved = writer.moveToTrash(keys);
            moved.waitForFinished();
            QVERIFY(moved.result().ok());
        }
    }
    m_window = uitest::openWindow(m_library->path());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        gallery(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_resets = std::make_unique<QSignalSpy>(gallery(), &QAbstractItemModel::modelReset);
}

QString TestUiLive::answering(QMessageBox::ButtonRole role, const std::function<void()> &press)
{
    QString question;
    QTimer answer;
    answer.setInterval(10);
    connect(&answer, &QTimer::timeout, this, [&] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        question = box->text();
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == role) {
                button->click();
                return;
            }
        }
    });
    answer.start();
    press();
    answer.stop();
    return question;
}

int TestUiLive::trashRowOf(const QAbstractItemModel *model, const QString &name) const
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, TrashModel::NameColumn).data().toString() == name)
            return row;
    }
    return -1;
}

int TestUiLive::rowOfName(const QString &name) const
{
    for (int row = 0; row < gallery()->rowCount(); ++row) {
        if (gallery()->index(row).data().toString() == name)
            return row;
    }
    return -1;
}

void TestUiLive::cliAddAppears()
{
    QCOMPARE(gallery()->rowCount(), 0);
    QSignalSpy inserted(gallery(), &QAbstractItemModel::rowsInserted);
    cliAdd(QStringLiteral("from-terminal"), 1);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QVERIFY(!inserted.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("from-terminal"), kArrives);
    // Its thumbnail, written after the commit, arrives too.
    QTRY_VERIFY_WITH_TIMEOUT(
        !gallery()->index(0).data(GalleryModel::ThumbnailRole).value<QImage>().isNull(), kArrives);
    auto *label = m_window->statusBar()->findChild<ui::LibraryStatusLabel *>();
    QVERIFY(label);
    QTRY_COMPARE_WITH_TIMEOUT(label->stats().images, qint64(1), kArrives);
}

void TestUiLive::cliRemoveDisappears()
{
    cliAdd(QStringLiteral("stays"), 2);
    cliAdd(QStringLiteral("goes"), 3);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kArrives);
    QSignalSpy removed(gallery(), &QAbstractItemModel::rowsRemoved);
    const auto run = cli({ QStringLiteral("remove"), QStringLiteral("goes") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QVERIFY(!removed.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("stays"), kArrives);
    auto *label = m_window->statusBar()->findChild<ui::LibraryStatusLabel *>();
    QTRY_COMPARE_WITH_TIMEOUT(label->stats().images, qint64(1), kArrives);
}

void TestUiLive::cliRetagShows()
{
    cliAdd(QStringLiteral("tagged"), 4, { QStringLiteral("before") });
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->index(0).data(GalleryModel::TagsRole).toStringList(),
        QStringList { QStringLiteral("before") }, kArrives);
    // The info panel shows the record the viewer holds.
    m_window->viewer()->showRow(0);
    const auto run = cli({ QStringLiteral("tag"), QStringLiteral("tagged"), QStringLiteral("--add"),
        QStringLiteral("after"), QStringLiteral("--remove"), QStringLiteral("before") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->index(0).data(GalleryModel::TagsRole).toStringList(),
        QStringList { QStringLiteral("after") }, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->currentRecord().has_value()
            && m_window->viewer()->currentRecord()->tags == QStringList { QStringLiteral("after") },
        kArrives);
}

void TestUiLive::viewerFollowsRemovalElsewhere()
{
    cliAdd(QStringLiteral("older"), 5);
    cliAdd(QStringLiteral("shown"), 6);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(QStringLiteral("shown")) >= 0, kArrives);
    m_window->viewer()->showRow(rowOfName(QStringLiteral("shown")));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isShowingImage(), kArrives);
    // Every message from here on, not the current one: the news stays six
    // seconds, and under ASan on a loaded machine the checks before the
    // last one took longer than that (failed once in a full run).
    QSignalSpy messages(m_window->statusBar(), &QStatusBar::messageChanged);
    const auto run = cli({ QStringLiteral("remove"), QStringLiteral("shown") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    // The viewer moves on to what is left and says why.
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(viewerShows(), QStringLiteral("older"), kArrives);
    const auto saidWhy = [&messages] {
        for (const QList<QVariant> &args : std::as_const(messages))
            if (args.value(0).toString().contains(QStringLiteral("“shown” is no longer")))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(saidWhy(), kArrives);
}

void TestUiLive::cliRenameAndRestoreShow()
{
    cliAdd(QStringLiteral("first-name"), 7, { QStringLiteral("kept") });
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    m_window->viewer()->showRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isShowingImage(), kArrives);

    auto run = cli(
        { QStringLiteral("rename"), QStringLiteral("first-name"), QStringLiteral("second-name") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("second-name"), kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(viewerShows(), QStringLiteral("second-name"), kArrives);

    // Removed elsewhere, then restored elsewhere: back with its tags.
    run = cli({ QStringLiteral("remove"), QStringLiteral("second-name") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);
    run = cli(
        { QStringLiteral("trash"), QStringLiteral("restore"), QStringLiteral("second-name") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    // The row comes first, its record with the page that follows.
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("second-name"), kArrives);
    QCOMPARE(gallery()->index(0).data(GalleryModel::TagsRole).toStringList(),
        QStringList { QStringLiteral("kept") });
}

// A rating and a favourite changed by the CLI show in Image ▸ Rating and
// Favourite at once, and F toggles from the image's state as it is now:
// it said "Unmarked 1 favourite" and changed nothing.
void TestUiLive::cliMarksReachTheImageMenu()
{
    cliAdd(QStringLiteral("marked"), 8);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value(), kArrives);
    m_window->openViewer(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isShowingImage(), kArrives);
    ui::MarkActions *marks = m_window->findChild<ui::ImageActions *>()->markActions();
    // Marked in the window first: 5 stars, a favourite.
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_5);
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_F);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0)->favourite, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->recordAt(0)->rating, 5, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(marks->favouriteAction()->isChecked(), kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(marks->ratingAction(5)->isChecked(), kArrives);

    auto run = cli({ QStringLiteral("rate"), QStringLiteral("marked"), QStringLiteral("2") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    run = cli({ QStringLiteral("fav"), QStringLiteral("marked"), QStringLiteral("--off") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_VERIFY_WITH_TIMEOUT(!gallery()->recordAt(0)->favourite, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->recordAt(0)->rating, 2, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(marks->ratingAction(2)->isChecked(), kArrives);
    QVERIFY(!marks->ratingAction(5)->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(!marks->favouriteAction()->isChecked(), kArrives);

    // F marks it again.
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_F);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0)->favourite, kArrives);
}

QJsonObject TestUiLive::trashedAsCliSees(const QString &name)
{
    const auto run
        = cli({ QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") });
    for (const QJsonValue &v : QJsonDocument::fromJson(run.out).array())
        if (v.toObject().value(QLatin1String("name")).toString() == name)
            return v.toObject();
    return {};
}

// `trove remove` moved the image to the trash, and before the window's
// change feed caught up, the viewer's 5 and F rated it and marked it: the
// edit changes nothing, says so in plain words (not "FOREIGN KEY
// constraint failed"), and leaves no undo entry for an edit that did not
// happen.
void TestUiLive::marksOfAnImageTrashedElsewhere()
{
    cliAdd(QStringLiteral("doomed"), 21);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value(), kArrives);
    m_window->openViewer(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isShowingImage(), kArrives);
    // What the edits say, each time (the status bar tells a message again
    // to no one).
    QSignalSpy messages(m_window->findChild<ui::ImageActions *>(), &ui::ImageActions::message);
    const int undoable = m_window->undoStack()->count();

    // No event reaches the window between the two: its view is a moment old.
    const auto run = cli({ QStringLiteral("remove"), QStringLiteral("doomed") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_5);
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_F);

    const QString trashedElsewhere = QStringLiteral("This image was moved to the trash elsewhere.");
    const auto times = [&messages](const QString &text) {
        return std::count_if(messages.cbegin(), messages.cend(),
            [&text](const QList<QVariant> &args) { return args.value(0).toString() == text; });
    };
    QTRY_COMPARE_WITH_TIMEOUT(times(trashedElsewhere), 2, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);
    for (const QList<QVariant> &args : std::as_const(messages))
        QVERIFY2(!args.value(0).toString().contains(QLatin1String("FOREIGN KEY")),
            qPrintable(args.value(0).toString()));
    QCOMPARE(m_window->undoStack()->count(), undoable);
    const QJsonObject trashed = trashedAsCliSees(QStringLiteral("doomed"));
    QCOMPARE(trashed.value(QLatin1String("rating")).toInt(-1), 0);
    QCOMPARE(trashed.value(QLatin1String("favourite")), QJsonValue(false));
}

// The Edit Name and Tags dialog was open when `trove remove` took its
// image to the trash; OK then renames and tags nothing, says why, and
// pushes no undo entry.
void TestUiLive::editDialogOfAnImageTrashedElsewhere()
{
    cliAdd(QStringLiteral("edited"), 22, { QStringLiteral("old") });
    cliAdd(QStringLiteral("bystander"), 23);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(QStringLiteral("edited")) >= 0, kArrives);
    ui::GalleryView *view = m_window->galleryView();
    view->setCurrentIndex(gallery()->index(rowOfName(QStringLiteral("edited"))));
    m_window->findChild<ui::ImageActions *>()->editAction()->trigger();
    auto *dialog = m_window->findChild<ui::TagEditDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameField()->text(), QStringLiteral("edited"));
    dialog->nameField()->setText(QStringLiteral("new name"));
    dialog->tagsField()->setText(QStringLiteral("new"));
    dialog->removeField()->setText(QStringLiteral("old"));
    QSignalSpy messages(m_window->findChild<ui::ImageActions *>(), &ui::ImageActions::message);
    const int undoable = m_window->undoStack()->count();

    const auto run = cli({ QStringLiteral("remove"), QStringLiteral("edited") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();

    const QString trashedElsewhere = QStringLiteral("This image was moved to the trash elsewhere.");
    const auto said = [&messages](const QString &text) {
        return std::count_if(messages.cbegin(), messages.cend(),
            [&text](const QList<QVariant> &args) { return args.value(0).toString() == text; });
    };
    // Once for the name, once for the tags.
    QTRY_COMPARE_WITH_TIMEOUT(said(trashedElsewhere), 2, kArrives);
    for (const QList<QVariant> &args : std::as_const(messages))
        QVERIFY2(!args.value(0).toString().startsWith(QLatin1String("Cannot")),
            qPrintable(args.value(0).toString()));
    QCOMPARE(m_window->undoStack()->count(), undoable);
    const QJsonObject trashed = trashedAsCliSees(QStringLiteral("edited"));
    QVERIFY2(!trashed.isEmpty(), "renamed in the trash");
    QCOMPARE(trashed.value(QLatin1String("tags")).toArray(), QJsonArray { QStringLiteral("old") });
    QCOMPARE(gallery()->index(0).data().toString(), QStringLiteral("bystander"));
    QVERIFY(gallery()->index(0).data(GalleryModel::TagsRole).toStringList().isEmpty());
}

// Undo and redo of a rating, the favourite mark and a rename only write
// where the image still has what the window's edit (or its undo) left:
// what `trove rate`, `fav` and `rename` set meanwhile stands, the status
// bar says so, and an undo with nothing in its way still works.
void TestUiLive::undoLeavesChangesMadeElsewhere()
{
    cliAdd(QStringLiteral("shared"), 24);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value(), kArrives);
    m_window->openViewer(0);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isShowingImage(), kArrives);
    QUndoStack *undo = m_window->undoStack();
    QSignalSpy messages(m_window->statusBar(), &QStatusBar::messageChanged);
    const auto said = [&messages](const QString &start) {
        return std::any_of(messages.cbegin(), messages.cend(),
            [&start](const QList<QVariant> &a) { return a.value(0).toString().startsWith(start); });
    };
    const auto record = [this] { return gallery()->recordAt(0); };

    // Rated 5 here, 2 there: the undo leaves the 2; so does the redo.
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_5);
    QTRY_COMPARE_WITH_TIMEOUT(undo->count(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(record()->rating, 5, kArrives);
    auto run = cli({ QStringLiteral("rate"), QStringLiteral("shared"), QStringLiteral("2") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(record()->rating, 2, kArrives);
    messages.clear();
    undo->undo();
    QTRY_VERIFY_WITH_TIMEOUT(said(QStringLiteral("Cannot undo “Rate 5 Stars” on 1 image: changed "
                                                 "elsewhere meanwhile")),
        kArrives);
    undo->redo();
    QTRY_VERIFY_WITH_TIMEOUT(
        said(QStringLiteral("Cannot redo “Rate 5 Stars” on 1 image")), kArrives);
    QCOMPARE(undo->index(), 1);
    run = cli({ QStringLiteral("show"), QStringLiteral("shared"), QStringLiteral("--json") });
    QCOMPARE(QJsonDocument::fromJson(run.out).object().value(QLatin1String("rating")).toInt(), 2);
    QCOMPARE(record()->rating, 2);

    // Nothing in the way: the undo gives back what the edit found.
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_4);
    QTRY_COMPARE_WITH_TIMEOUT(undo->count(), 2, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(record()->rating, 4, kArrives);
    undo->undo();
    QTRY_COMPARE_WITH_TIMEOUT(record()->rating, 2, kArrives);

    // The favourite mark, taken off elsewhere and put on again.
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_F);
    QTRY_VERIFY_WITH_TIMEOUT(record()->favourite, kArrives);
    run = cli({ QStringLiteral("fav"), QStringLiteral("shared"), QStringLiteral("--off") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_VERIFY_WITH_TIMEOUT(!record()->favourite, kArrives);
    messages.clear();
    undo->undo();
    QTRY_VERIFY_WITH_TIMEOUT(
        said(QStringLiteral("Cannot undo “Mark as Favourite” on 1 image")), kArrives);
    QVERIFY(!record()->favourite);

    // Renamed here, then elsewhere: the undo keeps the other name.
    m_window->findChild<ui::ImageActions *>()->editAction()->trigger();
    auto *dialog = m_window->findChild<ui::TagEditDialog *>();
    QVERIFY(dialog);
    dialog->nameField()->setText(QStringLiteral("window name"));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(record()->name, QStringLiteral("window name"), kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(undo->undoText().startsWith(QLatin1String("Rename")), kArrives);
    run = cli(
        { QStringLiteral("rename"), QStringLiteral("window name"), QStringLiteral("cli name") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(record()->name, QStringLiteral("cli name"), kArrives);
    messages.clear();
    undo->undo();
    QTRY_VERIFY_WITH_TIMEOUT(
        said(QStringLiteral("Cannot undo “Rename to “window name”” on 1 image")), kArrives);
    QTest::qWait(200);
    QCOMPARE(record()->name, QStringLiteral("cli name"));

    // Tagged here, then moved to the trash there: the undo says so (it was
    // "FOREIGN KEY constraint failed" for a tag it would have put back).
    m_window->findChild<ui::ImageActions *>()->editAction()->trigger();
    dialog = m_window->findChild<ui::TagEditDialog *>();
    QVERIFY(dialog);
    dialog->tagsField()->setText(QStringLiteral("added here"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(undo->undoText() == QLatin1String("Edit Tags"), kArrives);
    run = cli({ QStringLiteral("remove"), QStringLiteral("cli name") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);
    messages.clear();
    undo->undo();
    QTRY_VERIFY_WITH_TIMEOUT(said(QStringLiteral("Cannot undo “Edit Tags” on 1 image: moved to the "
                                                 "trash or deleted elsewhere")),
        kArrives);
    QCOMPARE(trashedAsCliSees(QStringLiteral("cli name")).value(QLatin1String("tags")).toArray(),
        QJsonArray { QStringLiteral("added here") });
}

// "Serve Local API" is off by default; switched on, the window answers the
// same API as `trove serve` and an add through it shows in the grid;
// switched off, the port closes.
void TestUiLive::windowServesTheLocalApi()
{
    ui::LocalApiHost *api = m_window->localApi();
    QVERIFY(!api->action()->isChecked());
    QCOMPARE(api->port(), quint16(0));
    {
        QSettings settings;
        settings.setValue(QStringLiteral("LocalApi/port"), 0); // any free port
    }
    api->action()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(api->port() > 0, kArrives);
    QVERIFY(m_window->statusBar()->currentMessage().contains(QString::number(api->port())));
    const QUrl base(QStringLiteral("http://127.0.0.1:%1").arg(api->port()));

    const auto keyRun = cli({ QStringLiteral("api-key") });
    QVERIFY2(keyRun.exitCode == 0, keyRun.describe().constData());
    const QByteArray key = keyRun.out.trimmed();
    const QString file = m_home->filePath(QStringLiteral("through-the-api.png"));
    QVERIFY(test::writeFile(
        file, test::ImageFactory::encode(test::ImageFactory::pattern(40, 30, 77), "png")));

    QNetworkAccessManager net;
    QNetworkRequest request(base.resolved(QUrl(QStringLiteral("/add_files/add_file"))));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Hydrus-Client-API-Access-Key", key);
    std::unique_ptr<QNetworkReply> reply(net.post(
        request, QJsonDocument(QJsonObject { { QStringLiteral("path"), file } }).toJson()));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kArrives);
    const QByteArray body = reply->readAll();
    QVERIFY2(reply->error() == QNetworkReply::NoError, body.constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("through-the-api"), kArrives);

    // Without the key: refused, as from `trove serve`.
    request.setRawHeader("Hydrus-Client-API-Access-Key", QByteArray());
    reply.reset(
        net.get(QNetworkRequest(base.resolved(QUrl(QStringLiteral("/verify_access_key"))))));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kArrives);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);

    api->action()->setChecked(false);
    QCOMPARE(api->port(), quint16(0));
    QVERIFY(!QSettings().value(QStringLiteral("LocalApi/enabled")).toBool());
    reply.reset(net.get(QNetworkRequest(base.resolved(QUrl(QStringLiteral("/api_version"))))));
    QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), kArrives);
    QCOMPARE(reply->error(), QNetworkReply::ConnectionRefusedError);
}

void TestUiLive::selectAllRemoveAsksAboutAll()
{
    // More images than the model ever loads at once from the top of the
    // grid: most selected rows are never loaded, and still every one of
    // them is asked about, moved to the trash and brought back.
    constexpr int kMany = 1100;
    reopenWithMany(kMany);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), kMany, kArrives);

    ui::GalleryView *view = m_window->galleryView();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
    QCOMPARE(view->selectedCount(), qint64(kMany));
    QVERIFY(view->selectedRecords().size() < kMany); // not all loaded

    const QString question
        = answering(QMessageBox::YesRole, [view] { QTest::keyClick(view, Qt::Key_Delete); });
    QVERIFY2(question.contains(QLocale().toString(kMany)), qPrintable(question));
    // The work's progress dialog (it shows itself only after half a
    // second) follows the batches up to the whole selection, through its
    // bar: QProgressDialog::setValue() would run a nested event loop.
    QPointer<QProgressDialog> progress = m_window->findChild<QProgressDialog *>();
    QVERIFY(progress);
    auto *bar = progress->findChild<QProgressBar *>();
    QVERIFY(bar);
    QList<std::pair<int, int>> steps; // value, maximum
    connect(bar, &QProgressBar::valueChanged, this, [&steps, bar](int value) {
        steps.append({ value, bar->maximum() });
    });
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(progress.isNull(), kArrives); // closed when done
    QVERIFY(!steps.isEmpty());
    QCOMPARE(steps.constLast(), std::make_pair(kMany, kMany));
    auto stats = cli({ QStringLiteral("stats"), QStringLiteral("--json") });
    QCOMPARE(stats.json().object().value(QStringLiteral("images")).toInt(), 0);

    // All of them wait in the trash, restorable.
    auto trash = cli({ QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") });
    QVERIFY2(trash.exitCode == 0, trash.describe().constData());
    QVERIFY(trash.out.count("\"id\"") >= kMany);

    // Ctrl+Z brings every one of them back, tags and names included.
    QVERIFY(m_window->undoStack()->canUndo());
    // The offscreen platform has no window manager to give the window back
    // its activation when the question closes; a desktop does.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), kMany, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(
                                 QStringLiteral("Restored %1").arg(QLocale().toString(kMany))),
        kArrives);
    stats = cli({ QStringLiteral("stats"), QStringLiteral("--json") });
    QCOMPARE(stats.json().object().value(QStringLiteral("images")).toInt(), kMany);
    // Rows come back at once; their records as their pages are read.
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(QStringLiteral("many-1099")) >= 0, kArrives);
}

// Ctrl+Z after the trash lost the images meanwhile (`trove trash empty`,
// or a restore from the terminal) says what really came back: the count
// is the writer's, not the number of keys asked for.
void TestUiLive::undoAfterTrashEmptiedTellsTheTruth()
{
    cliAdd(QStringLiteral("first"), 11);
    cliAdd(QStringLiteral("second"), 12);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kArrives);
    ui::GalleryView *view = m_window->galleryView();
    auto removeAllAndEmpty = [&](const QStringList &elsewhere) {
        view->setFocus();
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        answering(QMessageBox::YesRole, [view] { QTest::keyClick(view, Qt::Key_Delete); });
        QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);
        const auto run = cli(elsewhere);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        m_window->statusBar()->clearMessage();
        QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    };

    // One of the two restored from the terminal: the undo brings back the
    // other and says so.
    removeAllAndEmpty(
        { QStringLiteral("trash"), QStringLiteral("restore"), QStringLiteral("first") });
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().startsWith(
                                 QStringLiteral("Restored 1 of 2 images from the trash; 1 left")),
        kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kArrives);

    // Both deleted for good: nothing came back, and the message says so.
    removeAllAndEmpty({ QStringLiteral("trash"), QStringLiteral("empty") });
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->statusBar()->currentMessage().isEmpty(), kArrives);
    const QString said = m_window->statusBar()->currentMessage();
    QVERIFY2(
        said.startsWith(QStringLiteral("Cannot undo: 2 images left the trash")), qPrintable(said));
    QVERIFY2(!said.contains(QStringLiteral("Restored")), qPrintable(said));
    QCOMPARE(gallery()->rowCount(), 0);
}

// File ▸ Open Library…: a folder of someone's photos is made a library only
// when they say so; an empty or missing folder needs no question. The
// search of the library before, when it names a collection, does not
// follow into the next one.
void TestUiLive::openLibraryAsksBeforeMakingOne()
{
    // Inside the test's home, which outlives the window: the sessions left
    // behind finish in their own time.
    const QString photos = m_home->filePath(QStringLiteral("photos"));
    const QString empty = m_home->filePath(QStringLiteral("empty"));
    QVERIFY(QDir().mkpath(photos));
    QVERIFY(QDir().mkpath(empty));
    QVERIFY(test::writeFile(QDir(photos).filePath(QStringLiteral("holiday.png")),
        test::ImageFactory::encode(test::ImageFactory::pattern(20, 10, 7), "png")));
    const QString before = m_window->session()->paths().root();
    const auto libraryFiles = [](const QString &dir) {
        return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    };

    // Declined: nothing written among the photos, the same library open.
    bool opened = true;
    QString question
        = answering(QMessageBox::RejectRole, [&] { opened = m_window->openChosenLibrary(photos); });
    QVERIFY(!opened);
    QVERIFY2(question.contains(QStringLiteral("holds no Trove library")), qPrintable(question));
    auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
    QVERIFY(!box);
    QCOMPARE(libraryFiles(photos), QStringList { QStringLiteral("holiday.png") });
    QCOMPARE(m_window->session()->paths().root(), before);

    // The count of what is there, and Create Library makes one.
    QString informative;
    QTimer peek;
    peek.setInterval(5);
    connect(&peek, &QTimer::timeout, this, [&informative] {
        if (auto *open = qobject_cast<QMessageBox *>(QApplication::activeModalWidget()))
            informative = open->informativeText();
    });
    peek.start();
    question
        = answering(QMessageBox::AcceptRole, [&] { opened = m_window->openChosenLibrary(photos); });
    peek.stop();
    QVERIFY(opened);
    QVERIFY2(informative.contains(QStringLiteral("1 item")), qPrintable(informative));
    QCOMPARE(QDir(m_window->session()->paths().root()), QDir(photos));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kArrives);
    QVERIFY(QFileInfo::exists(m_window->session()->paths().catalogFile()));
    m_resets.reset(); // a new library is a new model
    m_tester.reset();

    // An empty folder, and a missing one: no question. A collection's
    // search is left behind; a plain one stays.
    QLineEdit *field = m_window->browseBar()->searchField();
    field->setText(QStringLiteral("in:\"Holiday 2026\""));
    QTest::keyClick(field, Qt::Key_Return);
    question
        = answering(QMessageBox::RejectRole, [&] { opened = m_window->openChosenLibrary(empty); });
    QVERIFY(opened);
    QVERIFY2(question.isEmpty(), qPrintable(question));
    QCOMPARE(field->text(), QString());
    QCOMPARE(m_window->session()->gallery()->query().search, QString());

    field->setText(QStringLiteral("red"));
    QTest::keyClick(field, Qt::Key_Return);
    const QString missing = QDir(empty).filePath(QStringLiteral("new library"));
    question = answering(
        QMessageBox::RejectRole, [&] { opened = m_window->openChosenLibrary(missing); });
    QVERIFY(opened);
    QVERIFY2(question.isEmpty(), qPrintable(question));
    QCOMPARE(field->text(), QStringLiteral("red"));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kArrives);
    QVERIFY(!m_window->browseBar()->searchError()->isVisible());
}

// View ▸ Trash…: what was removed, from here or from the command line,
// newest first. Restore puts an image back (and Ctrl+Z in the window takes
// that back); Delete for Good and Empty Trash ask first and delete the
// originals; restores and empties made by the command line show too.
void TestUiLive::trashWindowRestoresAndDeletes()
{
    cliAdd(QStringLiteral("apple"), 11);
    cliAdd(QStringLiteral("berry"), 12);
    cliAdd(QStringLiteral("cherry"), 13);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kArrives);
    for (const char *name : { "apple", "berry" }) {
        const auto run = cli({ QStringLiteral("remove"), QString::fromLatin1(name) });
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }
    const auto listed
        = cli({ QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") });
    QString berrySha;
    for (const QJsonValue &row : listed.json().array()) {
        if (row[QStringLiteral("name")].toString() == QLatin1String("berry"))
            berrySha = row[QStringLiteral("sha256")].toString();
    }
    const QString berryBlob = LibraryPaths(m_library->path()).blobFile(berrySha);
    QVERIFY2(QFile::exists(berryBlob), qPrintable(berryBlob)); // kept while in the trash

    ui::TrashDialog *trash = m_window->showTrash();
    TrashModel *model = trash->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, TrashModel::NameColumn).data().toString(),
        QStringLiteral("berry"), kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(1, TrashModel::NameColumn).data().toString(),
        QStringLiteral("apple"), kArrives);
    QVERIFY(!trash->restoreButton()->isEnabled()); // nothing chosen yet
    QVERIFY(trash->emptyButton()->isEnabled());

    // Removed elsewhere while it shows: at the top at once.
    auto run = cli({ QStringLiteral("remove"), QStringLiteral("cherry") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, TrashModel::NameColumn).data().toString(),
        QStringLiteral("cherry"), kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);

    // Restore: back in the gallery under its name; the window's Ctrl+Z
    // sends it back to the trash.
    trash->view()->selectRow(trashRowOf(model, QStringLiteral("apple")));
    QVERIFY(trash->restoreButton()->isEnabled());
    trash->restoreButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("apple"), kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kArrives);
    QVERIFY2(trash->note().startsWith(QLatin1String("Restored 1 ")), qPrintable(trash->note()));
    QVERIFY(m_window->undoStack()->undoText().startsWith(QLatin1String("Restore 1 ")));
    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, kArrives);

    // Delete for Good asks, then the image and its original are gone.
    trash->view()->selectRow(trashRowOf(model, QStringLiteral("berry")));
    const QString asked
        = answering(QMessageBox::DestructiveRole, [trash] { trash->deleteButton()->click(); });
    QVERIFY2(asked.startsWith(QLatin1String("Delete 1 ")), qPrintable(asked));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kArrives);
    QCOMPARE(trashRowOf(model, QStringLiteral("berry")), -1);
    QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(berryBlob), kArrives);

    // Restored elsewhere: it leaves the list.
    run = cli({ QStringLiteral("trash"), QStringLiteral("restore"), QStringLiteral("cherry") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);

    // Empty Trash asks about all of it, and empties it.
    const QString all
        = answering(QMessageBox::DestructiveRole, [trash] { trash->emptyButton()->click(); });
    // One image: "the image", not "the 1 image" with "Their originals".
    QCOMPARE(all, QStringLiteral("Delete the image in the trash for good?"));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(!trash->emptyButton()->isEnabled(), kArrives);

    // Emptied by the command line while it shows.
    run = cli({ QStringLiteral("remove"), QStringLiteral("cherry") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kArrives);
    run = cli({ QStringLiteral("trash"), QStringLiteral("empty") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kArrives);
    run = cli({ QStringLiteral("verify") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
}

// An image whose bytes were added again while it was in the trash: Restore
// merges it into that image (its name, tags and collections with it), the
// list and the note say so; Ctrl+Z puts it back in the trash as it was and
// takes from the other image what it gained; redo merges again.
// A trash of a million rows reaches the list a tenth at a time
// (TrashModel::kRowsPerTurn: a table view keeps an entry per row, and a
// million at once held the GUI thread for 27-40 ms). Here 250 rows, 40 per
// turn: one reset, then inserts; Select All made after the first turn still
// takes every row, and Restore brings every one back.
void TestUiLive::largeTrashReachesTheListInSteps()
{
    constexpr int kMany = 250;
    constexpr int kPerTurn = 40;
    reopenWithMany(kMany, kMany);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->isOpen(), true, kArrives);
    ui::TrashDialog *trash = m_window->showTrash();
    TrashModel *model = trash->model();
    model->setRowsPerTurn(kPerTurn);
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);
    int rowsAtReset = -1;
    qint64 totalAtReset = -1;
    const auto connection = connect(model, &QAbstractItemModel::modelReset, this, [&] {
        if (rowsAtReset >= 0)
            return;
        rowsAtReset = model->rowCount();
        totalAtReset = model->total();
        trash->view()->selectAll(); // before the rest has come
    });
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kMany, kArrives);
    disconnect(connection);
    QCOMPARE(rowsAtReset, kPerTurn);
    QCOMPARE(totalAtReset, qint64(kMany));
    // 250 = 40 + 5 x 40 + 10, each insert at the end of what was there.
    QCOMPARE(inserted.size(), 6);
    for (int i = 0; i < inserted.size(); ++i) {
        QCOMPARE(inserted.at(i).at(1).toInt(), kPerTurn * (i + 1));
        QCOMPARE(inserted.at(i).at(2).toInt(), std::min(kPerTurn * (i + 2), kMany) - 1);
    }
    QCOMPARE(trash->view()->selectionModel()->selectedRows().size(), kMany);

    trash->restoreButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), kMany, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kArrives);
}

void TestUiLive::trashWindowRestoreMergesAndUndoTakesItBack()
{
    cliAdd(QStringLiteral("Grandma"), 21, { QStringLiteral("family") });
    for (const QStringList &args : QList<QStringList> {
             { QStringLiteral("collection"), QStringLiteral("create"), QStringLiteral("favs") },
             { QStringLiteral("collection"), QStringLiteral("add"), QStringLiteral("favs"),
                 QStringLiteral("Grandma") },
             { QStringLiteral("remove"), QStringLiteral("Grandma") } }) {
        const auto run = cli(args);
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }
    // The same bytes from another file: named after it.
    const QString scan = m_home->filePath(QStringLiteral("scan.png"));
    QVERIFY(QFile::copy(m_home->filePath(QStringLiteral("Grandma.png")), scan));
    auto run = cli({ QStringLiteral("add"), scan });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("scan"), kArrives);
    const auto favs = [this] {
        const auto shown = cli({ QStringLiteral("collection"), QStringLiteral("show"),
            QStringLiteral("favs"), QStringLiteral("--json") });
        return shown.json().object().value(QStringLiteral("count")).toInt();
    };
    QCOMPARE(favs(), 0);

    ui::TrashDialog *trash = m_window->showTrash();
    TrashModel *model = trash->model();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kArrives);
    trash->view()->selectRow(0);
    trash->restoreButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("Grandma"), kArrives);
    QCOMPARE(gallery()->rowCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(trash->note(),
        QStringLiteral("“Grandma” was merged into the same image, added to the library again "
                       "meanwhile"),
        kArrives);
    QCOMPARE(favs(), 1);

    // Undo: back in the trash as it was, and the other image as it was.
    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("scan"), kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->index(0, TrashModel::NameColumn).data().toString(),
        QStringLiteral("Grandma"), kArrives);
    QCOMPARE(favs(), 0);
    run = cli({ QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(run.json().array().size(), 1);
    QCOMPARE(run.json().array().at(0).toObject().value(QStringLiteral("tags")).toArray().size(), 0);
    run = cli({ QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(run.json().array().size(), 1);
    QCOMPARE(run.json().array().at(0).toObject().value(QStringLiteral("tags")).toArray(),
        QJsonArray { QStringLiteral("family") });

    // Redo: merged again, and the status bar says so.
    m_window->statusBar()->clearMessage();
    m_window->undoStack()->redo();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("Grandma"), kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(
                                 QStringLiteral("1 of them merged into the same image")),
        kArrives);
    QCOMPARE(favs(), 1);
    run = cli({ QStringLiteral("verify") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
}

// A trash longer than what the list has read: Select All takes rows never
// read (their keys come from the reader thread) and Restore brings back
// every one, which one undo sends back.
void TestUiLive::trashWindowActsOnRowsNotRead()
{
    constexpr int kMany = 250; // the list reads 100 rows at a time
    reopenWithMany(kMany, kMany);
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->isOpen(), true, kArrives);
    QCOMPARE(gallery()->rowCount(), 0);
    ui::TrashDialog *trash = m_window->showTrash();
    TrashModel *model = trash->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kMany, kArrives);
    QVERIFY(!model->recordAt(kMany - 1)); // nobody has looked at it

    // Closed while those rows are being resolved: nothing happens, and the
    // window opened again is not left waiting for that answer.
    trash->view()->selectAll();
    trash->restoreButton()->click();
    QVERIFY(!trash->emptyButton()->isEnabled()); // busy resolving
    trash->close();
    QTest::qWait(200);
    QCOMPARE(gallery()->rowCount(), 0);
    m_window->showTrash();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kMany, kArrives);
    QVERIFY(trash->emptyButton()->isEnabled());

    trash->view()->selectAll();
    QVERIFY(trash->restoreButton()->isEnabled());
    trash->restoreButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), kMany, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kArrives);
    QTRY_VERIFY2_WITH_TIMEOUT(trash->note().startsWith(QStringLiteral("Restored %1 ").arg(kMany)),
        qPrintable(trash->note()), kArrives);

    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kMany, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);

    // Sorted by name, Z first: ten rows deep in the list, not read yet,
    // restore the ten images that order puts there.
    QStringList names;
    for (int i = 0; i < kMany; ++i)
        names << QStringLiteral("many-%1").arg(i);
    std::sort(names.begin(), names.end(), std::greater<>());
    trash->view()->horizontalHeader()->setSortIndicator(
        TrashModel::NameColumn, Qt::DescendingOrder);
    QCOMPARE(model->order(), TrashOrder::NameDescending);
    QTRY_VERIFY_WITH_TIMEOUT(
        model->recordAt(0) && model->recordAt(0)->image.name == names.first(), kArrives);
    QVERIFY(!model->recordAt(205));
    trash->view()->selectionModel()->select(
        QItemSelection(model->index(200, 0), model->index(209, TrashModel::ColumnCount - 1)),
        QItemSelectionModel::ClearAndSelect);
    trash->restoreButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 10, kArrives);
    auto restored = [this] {
        QStringList shown;
        for (int row = 0; row < gallery()->rowCount(); ++row)
            shown << gallery()->index(row).data().toString();
        shown.sort();
        return shown;
    };
    QStringList expected = names.mid(200, 10);
    expected.sort();
    QTRY_COMPARE_WITH_TIMEOUT(restored(), expected, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kMany - 10, kArrives);
}

// The filter narrows the Trash window to names and tags holding every word
// typed, in any case of any script (`_` and `%` are plain characters); Restore acts on what it
// shows, Empty Trash on the whole trash, whatever it shows.
void TestUiLive::trashWindowFilters()
{
    cliAdd(QStringLiteral("red-fox"), 31, { QStringLiteral("wild") });
    cliAdd(QStringLiteral("blue-jay"), 32, { QStringLiteral("bird"), QStringLiteral("wild") });
    cliAdd(QStringLiteral("red_panda"), 33);
    cliAdd(QStringLiteral("apple"), 34, { QStringLiteral("Ärger") });
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 4, kArrives);
    auto run = cli({ QStringLiteral("remove"), QStringLiteral("red-fox"),
        QStringLiteral("blue-jay"), QStringLiteral("red_panda"), QStringLiteral("apple") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);

    ui::TrashDialog *trash = m_window->showTrash();
    TrashModel *model = trash->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 4, kArrives);
    auto *summary = trash->findChild<QLabel *>(QStringLiteral("trashSummary"));
    QVERIFY(summary);
    auto shownNames = [model] {
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, TrashModel::NameColumn).data().toString();
        names.sort();
        return names.join(QLatin1Char(' '));
    };

    const struct {
        const char *typed;
        const char *shown;
    } filters[] = {
        { "red", "red-fox red_panda" }, // names
        { "WILD", "blue-jay red-fox" }, // tags, any case
        { "red  wild", "red-fox" }, // every word
        { "_", "red_panda" }, // not LIKE's any-character
        { "ärger", "apple" }, // any case of any script (LIKE: ASCII only)
        { "", "apple blue-jay red-fox red_panda" },
    };
    for (const auto &f : filters) {
        trash->filterField()->setText(QString::fromUtf8(f.typed));
        QTRY_COMPARE_WITH_TIMEOUT(shownNames(), QString::fromUtf8(f.shown), kArrives);
    }
    trash->filterField()->setText(QStringLiteral("%"));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kArrives);
    QTRY_VERIFY2_WITH_TIMEOUT(summary->text().startsWith(QLatin1String("No image of the 4 ")),
        qPrintable(summary->text()), kArrives);
    QVERIFY(trash->emptyButton()->isEnabled()); // the trash is not empty

    // Select All + Restore brings back what the filter shows, no more.
    trash->filterField()->setText(QStringLiteral("wild"));
    QTRY_COMPARE_WITH_TIMEOUT(shownNames(), QStringLiteral("blue-jay red-fox"), kArrives);
    QTRY_VERIFY2_WITH_TIMEOUT(
        summary->text().startsWith(QLatin1String("2 images of 4 in the trash match")),
        qPrintable(summary->text()), kArrives);
    trash->view()->selectAll();
    trash->restoreButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, kArrives);
    QCOMPARE(rowOfName(QStringLiteral("apple")), -1);

    // Empty Trash, with a filter that shows nothing, asks about and
    // deletes the whole trash.
    trash->filterField()->setText(QStringLiteral("nothing-like-this"));
    QTRY_VERIFY_WITH_TIMEOUT(model->filter() == QLatin1String("nothing-like-this"), kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(model->all(), 2, kArrives);
    const QString asked
        = answering(QMessageBox::DestructiveRole, [trash] { trash->emptyButton()->click(); });
    QVERIFY2(asked.contains(QLatin1String("all 2 images in the trash")), qPrintable(asked));
    QTRY_COMPARE_WITH_TIMEOUT(model->all(), 0, kArrives);
    QTRY_VERIFY_WITH_TIMEOUT(!trash->emptyButton()->isEnabled(), kArrives);
    const auto listed
        = cli({ QStringLiteral("trash"), QStringLiteral("list"), QStringLiteral("--json") });
    QCOMPARE(listed.json().array().size(), 0);
    QCOMPARE(gallery()->rowCount(), 2);
}

// A click on a column's header sorts the trash by it (the reader sorts;
// names in any case alike), a second click turns the order round, and a
// selection made in the new order restores the images it shows.
void TestUiLive::trashWindowSortsByAnyColumn()
{
    // Sizes far apart, in another order than the names or the removals.
    const struct {
        const char *name;
        int side;
    } images[] = { { "Bravo", 90 }, { "alpha", 30 }, { "delta", 120 }, { "Charlie", 60 } };
    quint32 seed = 40;
    for (const auto &image : images) {
        const QString name = QString::fromUtf8(image.name);
        const QString file = m_home->filePath(name + QStringLiteral(".png"));
        QVERIFY(test::writeFile(file,
            test::ImageFactory::encode(
                test::ImageFactory::pattern(image.side, image.side, ++seed), "png")));
        const auto run = cli({ QStringLiteral("add"), file, QStringLiteral("--name"), name });
        QVERIFY2(run.exitCode == 0, run.describe().constData());
    }
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 4, kArrives);
    // One at a time: each its own time of removal.
    for (const char *name : { "delta", "alpha", "Charlie", "Bravo" }) {
        const auto run = cli({ QStringLiteral("remove"), QString::fromUtf8(name) });
        QVERIFY2(run.exitCode == 0, run.describe().constData());
        QTest::qWait(5);
    }
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 0, kArrives);

    ui::TrashDialog *trash = m_window->showTrash();
    TrashModel *model = trash->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QHeaderView *header = trash->view()->horizontalHeader();
    auto shownNames = [model] {
        QStringList names;
        for (int row = 0; row < model->rowCount(); ++row)
            names << model->index(row, TrashModel::NameColumn).data().toString();
        return names.join(QLatin1Char(' '));
    };
    auto clickHeader = [header](int column) {
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
            QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                header->height() / 2));
    };
    // The trash's own order: the last removed first.
    QTRY_COMPARE_WITH_TIMEOUT(shownNames(), QStringLiteral("Bravo Charlie alpha delta"), kArrives);
    QCOMPARE(header->sortIndicatorSection(), int(TrashModel::RemovedColumn));
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);

    const struct {
        int column;
        const char *ascending;
        const char *descending;
    } sorts[] = {
        { TrashModel::NameColumn, "alpha Bravo Charlie delta", "delta Charlie Bravo alpha" },
        { TrashModel::SizeColumn, "alpha Charlie Bravo delta", "delta Bravo Charlie alpha" },
        { TrashModel::RemovedColumn, "delta alpha Charlie Bravo", "Bravo Charlie alpha delta" },
    };
    for (const auto &sort : sorts) {
        for (int click = 0; click < 2; ++click) {
            clickHeader(sort.column);
            QCOMPARE(header->sortIndicatorSection(), sort.column);
            const bool ascending = header->sortIndicatorOrder() == Qt::AscendingOrder;
            QTRY_COMPARE_WITH_TIMEOUT(shownNames(),
                QString::fromUtf8(ascending ? sort.ascending : sort.descending), kArrives);
        }
    }

    // By name, A first: the first row restores "alpha", whatever the
    // trash's own order says.
    clickHeader(TrashModel::NameColumn);
    if (header->sortIndicatorOrder() != Qt::AscendingOrder)
        clickHeader(TrashModel::NameColumn);
    QTRY_COMPARE_WITH_TIMEOUT(shownNames(), QStringLiteral("alpha Bravo Charlie delta"), kArrives);
    // From the list's context menu (a right-click selects the row first).
    QCOMPARE(trash->view()->contextMenuPolicy(), Qt::ActionsContextMenu);
    QVERIFY(trash->view()->actions().contains(trash->restoreAction()));
    QVERIFY(trash->view()->actions().contains(trash->deleteAction()));
    trash->view()->clearSelection();
    QVERIFY(!trash->restoreAction()->isEnabled());
    QVERIFY(!trash->deleteAction()->isEnabled());
    trash->view()->selectRow(0);
    QVERIFY(trash->restoreAction()->isEnabled());
    QVERIFY(trash->deleteAction()->isEnabled());
    trash->restoreAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    // The row is counted before its record is read (an ASan build: a
    // moment later).
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("alpha"), kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(shownNames(), QStringLiteral("Bravo Charlie delta"), kArrives);

    // The next Trash window (the next start) lists by name too.
    ui::TrashDialog next(nullptr);
    QCOMPARE(next.model()->order(), TrashOrder::NameAscending);
    QCOMPARE(next.view()->horizontalHeader()->sortIndicatorSection(), int(TrashModel::NameColumn));
    QCOMPARE(next.view()->horizontalHeader()->sortIndicatorOrder(), Qt::AscendingOrder);
}

// A collection made with the CLI shows in the Collections dock with its
// count; clicking it shows its images in the gallery (in:"name"); deleted
// elsewhere, it leaves the dock.
void TestUiLive::collectionsDockFollowsAndFilters()
{
    cliAdd(QStringLiteral("one"), 21);
    cliAdd(QStringLiteral("two"), 22);
    cliAdd(QStringLiteral("three"), 23);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kArrives);
    ui::CollectionsPanel *panel = m_window->collectionsPanel();
    QVERIFY(panel);
    // Closed until View ▸ Collections opens it.
    QVERIFY(!m_window->collectionsDock()->isVisibleTo(m_window.get()));
    m_window->collectionsDock()->toggleViewAction()->trigger();
    QVERIFY(m_window->collectionsDock()->isVisibleTo(m_window.get()));
    auto run
        = cli({ QStringLiteral("collection"), QStringLiteral("create"), QStringLiteral("Trip") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    run = cli({ QStringLiteral("collection"), QStringLiteral("add"), QStringLiteral("trip"),
        QStringLiteral("two") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(panel->list()->item(0)->text(), QStringLiteral("Trip (1)"), kArrives);

    // Clicking it shows it.
    panel->list()->setCurrentRow(0);
    Q_EMIT panel->list()->itemClicked(panel->list()->item(0));
    QCOMPARE(m_window->browseBar()->searchField()->text(), QStringLiteral("in:\"Trip\""));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data().toString(), QStringLiteral("two"), kArrives);

    m_resets->clear(); // a new search is a new list

    // Deleted elsewhere: the dock empties.
    run = cli({ QStringLiteral("collection"), QStringLiteral("delete"), QStringLiteral("trip") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 0, kArrives);
    // Shown in its hand order, it leaves the gallery in the order before
    // (a new query: a new list).
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->browseBar()->order(), ImageQuery::Order::NewestFirst, kArrives);
    m_resets->clear();
}

// Images coming and going move a collection's count; with the dock closed
// nothing reads the counts (an import would open the catalog once a second
// for a list nobody sees), and opening it shows the count of now.
void TestUiLive::closedCollectionsDockCountsWhenOpened()
{
    // Made with the window closed: the open reads it whole, and no change
    // of the making is still on its way to the panel below.
    m_resets.reset();
    m_tester.reset();
    m_window.reset();
    cliAdd(QStringLiteral("kept"), 31);
    cliAdd(QStringLiteral("leaves"), 32);
    auto run
        = cli({ QStringLiteral("collection"), QStringLiteral("create"), QStringLiteral("Pair") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    run = cli({ QStringLiteral("collection"), QStringLiteral("add"), QStringLiteral("pair"),
        QStringLiteral("kept"), QStringLiteral("leaves") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    m_window = uitest::openWindow(m_library->path());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        gallery(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_resets = std::make_unique<QSignalSpy>(gallery(), &QAbstractItemModel::modelReset);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kArrives);
    ui::CollectionsPanel *panel = m_window->collectionsPanel();
    QDockWidget *dock = m_window->collectionsDock();
    QVERIFY(!dock->isVisibleTo(m_window.get()));
    // Names are read even while closed (the gallery's menus offer them).
    QTRY_COMPARE_WITH_TIMEOUT(panel->list()->count(), 1, kArrives);
    QTRY_COMPARE_WITH_TIMEOUT(panel->list()->item(0)->text(), QStringLiteral("Pair (2)"), kArrives);

    auto *recount = panel->findChild<QTimer *>(QStringLiteral("collectionsRecount"));
    QVERIFY(recount);
    QSignalSpy refreshed(panel, &ui::CollectionsPanel::refreshed);
    run = cli({ QStringLiteral("remove"), QStringLiteral("leaves") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    // The gallery and the panel hear of the removal in the same batch.
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kArrives);
    QVERIFY(!recount->isActive());
    QTest::qWait(1500); // longer than the recount's second
    QCOMPARE(refreshed.count(), 0);
    QCOMPARE(panel->list()->item(0)->text(), QStringLiteral("Pair (2)"));

    dock->toggleViewAction()->trigger();
    QVERIFY(dock->isVisibleTo(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(panel->list()->item(0)->text(), QStringLiteral("Pair (1)"), kArrives);
    QCOMPARE(refreshed.count(), 1);

    // Open, a restore is counted within the recount's second.
    run = cli({ QStringLiteral("trash"), QStringLiteral("restore"), QStringLiteral("leaves") });
    QVERIFY2(run.exitCode == 0, run.describe().constData());
    QTRY_COMPARE_WITH_TIMEOUT(panel->list()->item(0)->text(), QStringLiteral("Pair (2)"), kArrives);
}

// SIGTERM (a logout, `kill`) while an image is still being added: the real
// window quits at once, instead of asking "Quit and Finish Later?" where
// nobody answers (it did, and the process stayed), and the unfinished link
// stays in the queue for the next start.
void TestUiLive::terminateQuitsWithWorkInFlight()
{
    test::TestServer server;
    test::Response stalled = test::Response::ok(test::ImageFactory::png(40, 30, 7), "image/png");
    stalled.stallAfterHeaders = true;
    server.addRoute(QStringLiteral("/stalled.png"), stalled);
    QVERIFY(server.start());
    const QString link = server.url(QStringLiteral("/stalled.png")).toString();
    QTemporaryDir library;
    QProcess window;
    window.setProcessEnvironment(test::cleanTroveEnvironment(m_home->path()));
    window.start(
        QStringLiteral(TROVE_BINARY), { QStringLiteral("--library"), library.path(), link });
    QElapsedTimer took;
    took.start();
    QVERIFY(window.waitForStarted(test::kLivenessMs));
    QTRY_COMPARE_WITH_TIMEOUT(server.hits(QStringLiteral("/stalled.png")), 1, test::kLivenessMs);
    qInfo("the download started after %lld ms", took.restart());

    window.terminate();
    const bool quit = window.waitForFinished(test::kLivenessMs);
    if (!quit) {
        window.kill();
        window.waitForFinished(test::kLivenessMs);
    }
    QVERIFY2(quit, "the window did not quit on SIGTERM with a download in flight");
    qInfo("quit %lld ms after SIGTERM", took.elapsed());
    QCOMPARE(window.exitStatus(), QProcess::NormalExit);
    QCOMPARE(window.exitCode(), 0);

    {
        auto db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("after"));
        db.setDatabaseName(library.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT state FROM queue WHERE source = '%1'").arg(link)));
        QVERIFY2(q.next(), "the link left the queue");
        QVERIFY2(!isFinished(IngestState(q.value(0).toInt())), qPrintable(q.value(0).toString()));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("after"));
}

QTEST_MAIN(TestUiLive)
#include "tst_uilive.moc"
