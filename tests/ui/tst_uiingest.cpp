// SPDX-License-Identifier: MIT
// The window takes images from anywhere: pasted links (Ctrl+V), the link
// bar, dropped links, files and raw image data; refusals show their reason
// in the queue; the gallery grows by inserted rows, never by a reset.

#include "awaitfuture.h"
#include "base/platform.h"
#include "catalog/catalogwriter.h"
#include "filedialogs.h"
#include "gallery/browsebar.h"
#include "imagefactory.h"
#include "ingest/droptarget.h"
#include "ingest/duplicateoffer.h"
#include "ingest/ingestbar.h"
#include "ingest/ingestqueuedelegate.h"
#include "ingest/ingestqueuepanel.h"
#include "ingest/queuelistview.h"
#include "ingest/sourcelabel.h"
#include "ingest/walkprogress.h"
#include "models/gallerymodel.h"
#include "models/ingestqueuemodel.h"
#include "resultcheck.h"
#include "testserver.h"
#include "timebounds.h"
#include "uifixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTextDocument>
#include <QToolButton>
#include <QUndoStack>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;
using trove::test::Response;
using trove::test::TestServer;

class TestUiIngest : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void pasteSeveralUrls();
    void pasteMixedTextAndFiles();
    void pasteImageData();
    void pastedBytesFailAgainOnRetry();
    void urlBarWithNameAndTags();
    void enterInAnyFieldAdds_data();
    void enterInAnyFieldAdds();
    void severalLinksTakeTheirNames();
    void duplicateOffersTypedName();
    void openSourceFailureShown();
    void dropUrl();
    void dropLocalFile();
    void dropFolder();
    void dropFolderWithoutImages();
    void addImagesDialogShowsEveryFormat();
    void cancelledWalkKeepsWhatItQueued();
    void carriedOnWalkSaysWhatItFoundAgain();
    void dropRawImageData_data();
    void dropRawImageData();
    void dropOnWindowAndViewer();
    void failedUrlShowsReason();
    void unsupportedDropSaysSo();
    void cancelAndRetryFromQueue();
    void clearFinished();
    void removedBytesOfferAddAnyway();
    void pauseAndResumeFromQueue();
    void pauseStopsARunningDownload();
    void openAnotherLibraryMidIngest();

    void queueSlimWhileIdleGrowsWhileWorking();
    void queueRemembersCollapseByHand();
    void queueFilter_data();
    void queueFilter();
    void failedLinkJumpsToFirstFailure();
    void f8WorksFromTheGallery();
    void idleSummaryElidesInANarrowWindow();
    void newFailuresScrolledIntoView();
    void pastedAndDroppedRowsShowNoTempPath();
    void sourceLabels_data();
    void sourceLabels();

private:
    int queueRowOf(const QString &source) const;
    QString stateTextOf(const QString &source) const;
    void waitAllFinished(int expected);

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_galleryTester;
    std::unique_ptr<QAbstractItemModelTester> m_queueTester;
    TestServer m_server;
};

void TestUiIngest::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
    QVERIFY(m_server.start());
    for (int i = 0; i < 8; ++i)
        m_server.addRoute(QStringLiteral("/img%1.png").arg(i),
            Response::ok(ImageFactory::png(120 + i, 90, quint32(i)), "image/png"));
    m_server.addRoute(
        QStringLiteral("/page.html"), Response::ok(ImageFactory::html(), "text/html"));
    m_server.addRoute(QStringLiteral("/slow.png"), [] {
        Response r = Response::ok(ImageFactory::png(200, 200, 99), "image/png");
        r.stallAfterBytes = 100;
        return r;
    }());
}

void TestUiIngest::init()
{
    userSettings()->remove(QStringLiteral("queue")); // a collapse by hand from another test
    m_library = std::make_unique<QTemporaryDir>();
    QVERIFY(m_library->isValid());
    m_window = uitest::openWindow(m_library->path());
    QVERIFY(m_window->session()->isOpen());
    m_galleryTester = std::make_unique<QAbstractItemModelTester>(
        m_window->session()->gallery(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_queueTester = std::make_unique<QAbstractItemModelTester>(
        m_window->session()->queue(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestUiIngest::cleanup()
{
    m_galleryTester.reset();
    m_queueTester.reset();
    m_window.reset();
    m_library.reset();
}

int TestUiIngest::queueRowOf(const QString &source) const
{
    const IngestQueueModel *queue = m_window->session()->queue();
    for (int row = 0; row < queue->rowCount(); ++row) {
        if (queue->index(row).data(IngestQueueModel::SourceRole).toString() == source)
            return row;
    }
    return -1;
}

QString TestUiIngest::stateTextOf(const QString &source) const
{
    const int row = queueRowOf(source);
    return row < 0
        ? QString()
        : m_window->session()->queue()->index(row).data(IngestQueueModel::StateTextRole).toString();
}

void TestUiIngest::waitAllFinished(int expected)
{
    IngestQueueModel *queue = m_window->session()->queue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), expected, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(queue->finishedCount(), expected, kLivenessMs);
}

void TestUiIngest::pasteSeveralUrls()
{
    GalleryModel *gallery = m_window->session()->gallery();
    QSignalSpy inserted(gallery, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(gallery, &QAbstractItemModel::modelReset);

    QStringList urls;
    for (int i = 0; i < 4; ++i)
        urls << m_server.url(QStringLiteral("/img%1.png").arg(i)).toString();
    QGuiApplication::clipboard()->setText(urls.join(QLatin1Char('\n')));
    m_window->galleryView()->setFocus();
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier);

    waitAllFinished(4);
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 4, kLivenessMs);
    for (const QString &url : urls)
        QCOMPARE(stateTextOf(url), IngestQueueModel::stateText(IngestState::Done));
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(reset.count(), 0);
    // The grid shows them: thumbnails arrive for rows on screen.
    QTRY_COMPARE_WITH_TIMEOUT(uitest::rowsWithThumbnails(gallery), 4, kLivenessMs);
    QVERIFY(m_window->galleryView()->visibleRows().first == 0);
}

void TestUiIngest::pasteMixedTextAndFiles()
{
    QTemporaryDir outside;
    const QString local = outside.filePath(QStringLiteral("local.png"));
    QVERIFY(uitest::writeFile(local, ImageFactory::png(50, 40, 7)));
    const QString link = m_server.url(QStringLiteral("/img5.png")).toString();
    QGuiApplication::clipboard()->setText(
        QStringLiteral("Look at this: %1, nice.\n%2\n").arg(link, local));
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier);
    waitAllFinished(2);
    QCOMPARE(stateTextOf(link), IngestQueueModel::stateText(IngestState::Done));
    QCOMPARE(stateTextOf(local), IngestQueueModel::stateText(IngestState::Done));
}

void TestUiIngest::pasteImageData()
{
    const QImage image = ImageFactory::picture(80, 60, 3);
    QGuiApplication::clipboard()->setImage(image);
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier);
    waitAllFinished(1);
    IngestQueueModel *queue = m_window->session()->queue();
    QCOMPARE(
        IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()), IngestState::Done);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery->index(0).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
    QCOMPARE(gallery->index(0).data(GalleryModel::WidthRole).toInt(), 80);
    QVERIFY(gallery->index(0)
                .data(Qt::DisplayRole)
                .toString()
                .startsWith(QStringLiteral("Pasted image")));
    // The temp file it went through is gone once the item finished.
    QTRY_VERIFY_WITH_TIMEOUT(
        QDir(m_window->session()->paths().tmpDir()).entryList(QDir::Files).isEmpty(), kLivenessMs);
}

// Pasted bytes exist only in the queue's temp file: a failed item keeps it,
// so that a retry reads the same bytes again (and fails for the same
// reason, not for a missing file); clearing the item removes it.
void TestUiIngest::pastedBytesFailAgainOnRetry()
{
    auto *mime = new QMimeData;
    static const char notAPicture[] = "\x89PNG\r\n\x1a\n but not really a picture";
    mime->setData(QStringLiteral("image/png"), QByteArray(notAPicture, sizeof notAPicture - 1));
    QGuiApplication::clipboard()->setMimeData(mime);
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier);
    waitAllFinished(1);
    IngestQueueModel *queue = m_window->session()->queue();
    QCOMPARE(IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()),
        IngestState::Failed);
    const QString reason = queue->index(0).data(IngestQueueModel::ErrorRole).toString();
    QVERIFY2(!reason.isEmpty(), qPrintable(reason));
    const QDir tmp(m_window->session()->paths().tmpDir());
    QCOMPARE(tmp.entryList(QDir::Files).size(), 1);

    m_window->session()->pipeline()->retry(
        queue->index(0).data(IngestQueueModel::ItemIdRole).toULongLong());
    QTRY_COMPARE_WITH_TIMEOUT(
        IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()), IngestState::Failed,
        kLivenessMs);
    QCOMPARE(queue->index(0).data(IngestQueueModel::ErrorRole).toString(), reason);

    m_window->queuePanel()->clearFinishedAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), 0, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(tmp.entryList(QDir::Files).isEmpty(), kLivenessMs);
}

void TestUiIngest::urlBarWithNameAndTags()
{
    ui::IngestBar *bar = m_window->ingestBar();
    auto fields = bar->findChildren<QLineEdit *>();
    QCOMPARE(fields.size(), 3);
    QLineEdit *url = bar->urlField();
    QLineEdit *name = nullptr;
    QLineEdit *tags = nullptr;
    for (QLineEdit *f : fields) {
        if (f->accessibleName().contains(QStringLiteral("Name")))
            name = f;
        else if (f->accessibleName().contains(QStringLiteral("Tags")))
            tags = f;
    }
    QVERIFY(name && tags);
    name->setText(QStringLiteral("Sunset"));
    tags->setText(QStringLiteral("sky, red"));
    url->setText(m_server.url(QStringLiteral("/img6.png")).toString());
    bar->findChild<QPushButton *>()->click();
    QVERIFY(url->text().isEmpty());
    QVERIFY(name->text().isEmpty()); // applies to the next add only
    waitAllFinished(1);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery->index(0).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
    QCOMPARE(gallery->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Sunset"));
    QStringList tagList = gallery->index(0).data(GalleryModel::TagsRole).toStringList();
    tagList.sort();
    QCOMPARE(tagList, QStringList({ QStringLiteral("red"), QStringLiteral("sky") }));
}

void TestUiIngest::enterInAnyFieldAdds_data()
{
    QTest::addColumn<int>("field");
    QTest::newRow("link") << 0;
    QTest::newRow("name") << 1;
    QTest::newRow("tags") << 2;
}

// Enter adds from whichever field of the bar has the focus.
void TestUiIngest::enterInAnyFieldAdds()
{
    QFETCH(int, field);
    ui::IngestBar *bar = m_window->ingestBar();
    QLineEdit *fields[] = { bar->urlField(), bar->nameField(), bar->tagsField() };
    bar->nameField()->setText(QStringLiteral("Typed"));
    bar->tagsField()->setText(QStringLiteral("entered"));
    bar->urlField()->setText(m_server.url(QStringLiteral("/img5.png")).toString());
    fields[field]->setFocus();
    QTest::keyClick(fields[field], Qt::Key_Return);
    QVERIFY(bar->urlField()->text().isEmpty());
    QVERIFY(bar->nameField()->text().isEmpty());
    QVERIFY(bar->tagsField()->text().isEmpty());
    waitAllFinished(1);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery->index(0).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
    QCOMPARE(gallery->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Typed"));
    QCOMPARE(gallery->index(0).data(GalleryModel::TagsRole).toStringList(),
        QStringList { QStringLiteral("entered") });

    // Enter with no link adds nothing and sends the focus where the link goes.
    bar->nameField()->setText(QStringLiteral("Waiting"));
    bar->nameField()->setFocus();
    QTest::keyClick(bar->nameField(), Qt::Key_Return);
    QCOMPARE(bar->nameField()->text(), QStringLiteral("Waiting"));
    QCOMPARE(m_window->session()->queue()->rowCount(), 1);
}

// A typed name is for one image: with several links each is named after its
// link (the name field says so while they are in the field, and keeps the
// name for a later single link); typed tags go to all of them.
void TestUiIngest::severalLinksTakeTheirNames()
{
    ui::IngestBar *bar = m_window->ingestBar();
    QLineEdit *name = bar->nameField();
    const QString single = name->placeholderText();
    bar->urlField()->setText(m_server.url(QStringLiteral("/img1.png")).toString());
    QCOMPARE(name->placeholderText(), single);
    name->setText(QStringLiteral("Sunset"));
    bar->tagsField()->setText(QStringLiteral("sky, trip"));
    bar->urlField()->setText(m_server.url(QStringLiteral("/img1.png")).toString()
        + QLatin1Char('\n') + m_server.url(QStringLiteral("/img2.png")).toString());
    QVERIFY2(name->placeholderText().contains(QStringLiteral("from the links")),
        qPrintable(name->placeholderText()));
    QTest::keyClick(bar->tagsField(), Qt::Key_Return);
    QCOMPARE(name->text(), QStringLiteral("Sunset"));
    QVERIFY(bar->tagsField()->text().isEmpty());
    QCOMPARE(name->placeholderText(), single);
    waitAllFinished(2);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 2, kLivenessMs);
    QStringList names;
    for (int row = 0; row < 2; ++row) {
        QTRY_VERIFY_WITH_TIMEOUT(
            gallery->index(row).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
        names << gallery->index(row).data(Qt::DisplayRole).toString();
        QStringList tags = gallery->index(row).data(GalleryModel::TagsRole).toStringList();
        tags.sort();
        QCOMPARE(tags, QStringList({ QStringLiteral("sky"), QStringLiteral("trip") }));
    }
    names.sort();
    QCOMPARE(names, QStringList({ QStringLiteral("img1"), QStringLiteral("img2") }));
}

// Bytes already in the library keep their image: the typed name is offered
// as a rename (undoable), and the bar says the tags were added.
void TestUiIngest::duplicateOffersTypedName()
{
    const QString link = m_server.url(QStringLiteral("/img4.png")).toString();
    m_window->ingest({ link });
    waitAllFinished(1);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("img4"), kLivenessMs);

    ui::DuplicateOffer *offer = m_window->duplicateOffer();
    QVERIFY(!offer->isVisible());
    ui::IngestBar *bar = m_window->ingestBar();
    bar->nameField()->setText(QStringLiteral("Harbour"));
    bar->tagsField()->setText(QStringLiteral("boats"));
    bar->urlField()->setText(link);
    QTest::keyClick(bar->nameField(), Qt::Key_Return);
    waitAllFinished(2);
    QCOMPARE(IngestState(
                 m_window->session()->queue()->index(1).data(IngestQueueModel::StateRole).toInt()),
        IngestState::Duplicate);
    QTRY_VERIFY_WITH_TIMEOUT(offer->isVisible(), kLivenessMs);
    const QString text = offer->label()->text();
    QVERIFY2(text.contains(QStringLiteral("Already in library as “img4”")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("boats")), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("“Harbour”")), qPrintable(text));
    QTRY_COMPARE_WITH_TIMEOUT(gallery->index(0).data(GalleryModel::TagsRole).toStringList(),
        QStringList { QStringLiteral("boats") }, kLivenessMs);

    offer->renameButton()->click();
    QVERIFY(!offer->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("Harbour"), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->undoStack()->canUndo(), kLivenessMs);
    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("img4"), kLivenessMs);
}

// A browser that cannot be started is said in the window, not only on
// stderr (the offscreen platform has none to start).
void TestUiIngest::openSourceFailureShown()
{
    const QString link = m_server.url(QStringLiteral("/img7.png")).toString();
    m_window->ingest({ link });
    waitAllFinished(1);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery->index(0).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
    ui::GalleryView *view = m_window->galleryView();
    view->setFocus();
    view->selectionModel()->setCurrentIndex(gallery->index(0), QItemSelectionModel::ClearAndSelect);
    QAction *open = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->text() == QStringLiteral("Open Source in &Browser"))
            open = action;
    }
    QVERIFY(open);
    QTRY_VERIFY_WITH_TIMEOUT(open->isEnabled(), kLivenessMs);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("openUrl")));
    open->trigger();
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("Cannot open ") + link), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("browser")), qPrintable(message));
}

void TestUiIngest::dropUrl()
{
    GalleryModel *gallery = m_window->session()->gallery();
    QSignalSpy reset(gallery, &QAbstractItemModel::modelReset);
    auto *mime = new QMimeData;
    mime->setUrls({ m_server.url(QStringLiteral("/img1.png")) });
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), mime));
    delete mime;
    waitAllFinished(1);
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QCOMPARE(reset.count(), 0);
}

void TestUiIngest::dropLocalFile()
{
    QTemporaryDir outside;
    const QString path = outside.filePath(QStringLiteral("from-file-manager.png"));
    QVERIFY(uitest::writeFile(path, ImageFactory::png(70, 50, 11)));
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(path) });
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &mime));
    waitAllFinished(1);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery->index(0).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
    QCOMPARE(
        gallery->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("from-file-manager"));
    QVERIFY(QFile::exists(path)); // a dropped file is copied, never moved
}

// A dropped folder is walked off the GUI thread: the images in it, nested
// and whatever their names, arrive in the gallery; a text file named .png
// is skipped and counted; a link loop and a dangling link fail in the queue
// with their reasons.
void TestUiIngest::dropFolder()
{
    QTemporaryDir outside;
    const QString root = outside.filePath(QStringLiteral("holiday"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/day two/evening")));
    QVERIFY(uitest::writeFile(root + QStringLiteral("/beach.png"), ImageFactory::png(60, 40, 1)));
    QVERIFY(uitest::writeFile(
        root + QStringLiteral("/day two/evening/sunset"), ImageFactory::jpeg(61, 40, 85, 2)));
    QVERIFY(uitest::writeFile(
        root + QStringLiteral("/day two/boat.txt"), ImageFactory::gif(62, 40, 3)));
    QVERIFY(uitest::writeFile(root + QStringLiteral("/notes.png"), "remember sun cream\n"));
    QVERIFY(QFile::link(root, root + QStringLiteral("/day two/evening/back")));
    QVERIFY(QFile::link(QStringLiteral("lost.jpg"), root + QStringLiteral("/broken.jpg")));

    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(root) });
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &mime));
    waitAllFinished(5); // three images, two entries that could not be read
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 3, kLivenessMs);
    // Rows arrive first, their records after.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int row = 0; row < gallery->rowCount(); ++row) {
                if (!gallery->index(row).data(GalleryModel::LoadedRole).toBool())
                    return false;
            }
            return true;
        }(),
        kLivenessMs);
    QStringList names;
    for (int row = 0; row < gallery->rowCount(); ++row)
        names << gallery->index(row).data(Qt::DisplayRole).toString();
    names.sort();
    QCOMPARE(names,
        QStringList({ QStringLiteral("beach"), QStringLiteral("boat"), QStringLiteral("sunset") }));
    QCOMPARE(m_window->session()->queue()->failedCount(), 2);
    QVERIFY2(stateTextOf(root + QStringLiteral("/broken.jpg"))
                 .contains(QStringLiteral("cannot follow symbolic link")),
        qPrintable(stateTextOf(root + QStringLiteral("/broken.jpg"))));
    QVERIFY2(stateTextOf(root + QStringLiteral("/day two/evening/back"))
                 .contains(QStringLiteral("symbolic link loop")),
        qPrintable(stateTextOf(root + QStringLiteral("/day two/evening/back"))));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->walkProgress()->isVisible(), kLivenessMs);
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.contains(QStringLiteral("skipped 1 file that is not an image")),
        qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("2 could not be read")), qPrintable(message));
}

// File ▸ Add Images… lists a file of every format Trove keeps, by the
// names cameras, phones and editors give them (a phone's IMG_0001.HEIC in
// capitals), and not the rest: the dialog's first filter. It offered ten
// formats, so a HEIC, JPEG XL or PSD could be added only under "All files".
void TestUiIngest::addImagesDialogShowsEveryFormat()
{
    const QStringList shown = { QStringLiteral("IMG_0001.HEIC"), QStringLiteral("IMG_0002.JPG"),
        QStringLiteral("photo.jpeg"), QStringLiteral("pic.jfif"), QStringLiteral("shot.png"),
        QStringLiteral("moving.apng"), QStringLiteral("loop.gif"), QStringLiteral("web.webp"),
        QStringLiteral("still.avif"), QStringLiteral("burst.heif"), QStringLiteral("art.jxl"),
        QStringLiteral("scan.jp2"), QStringLiteral("page.tif"), QStringLiteral("page.tiff"),
        QStringLiteral("old.bmp"), QStringLiteral("favicon.ico"), QStringLiteral("arrow.cur"),
        QStringLiteral("logo.svg"), QStringLiteral("drawing.svgz"), QStringLiteral("game.tga"),
        QStringLiteral("plot.pgm"), QStringLiteral("plot.ppm"), QStringLiteral("layers.psd"),
        QStringLiteral("texture.dds"), QStringLiteral("iris.sgi"), QStringLiteral("paint.pcx") };
    const QStringList hidden
        = { QStringLiteral("notes.txt"), QStringLiteral("clip.mp4"), QStringLiteral("page.html") };
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const QString &name : shown + hidden) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
    }

    QFileDialog dialog(nullptr, QStringLiteral("Add Images"), dir.path());
    dialog.setOption(QFileDialog::DontUseNativeDialog);
    dialog.setFileMode(QFileDialog::ExistingFiles);
    dialog.setNameFilter(ui::FileDialogs::imageFilter());
    QCOMPARE(dialog.nameFilters().size(), 2); // the images, then all files
    dialog.show();
    auto *model = dialog.findChild<QFileSystemModel *>();
    QVERIFY(model);
    const auto listed = [&] {
        QStringList names;
        const QModelIndex root = model->index(dir.path());
        for (int row = 0; row < model->rowCount(root); ++row) {
            // A file the filter refuses is left out of the model, or shown
            // disabled where the platform prefers that.
            const QModelIndex index = model->index(row, 0, root);
            if (model->flags(index) & Qt::ItemIsEnabled)
                names << index.data().toString();
        }
        names.sort();
        return names;
    };
    QStringList expected = shown;
    expected.sort();
    QTRY_COMPARE_WITH_TIMEOUT(listed(), expected, kLivenessMs);
    // All files: everything, since Trove judges a file by its content.
    dialog.selectNameFilter(dialog.nameFilters().at(1));
    QTRY_COMPARE_WITH_TIMEOUT(
        model->nameFilters(), QStringList { QStringLiteral("*") }, kLivenessMs);
}

// A folder with nothing to add says so, in the queue and the status bar,
// instead of a silent "Queued 0 items".
void TestUiIngest::dropFolderWithoutImages()
{
    QTemporaryDir outside;
    const QString root = outside.filePath(QStringLiteral("drafts"));
    QVERIFY(QDir().mkpath(root + QStringLiteral("/empty")));
    QVERIFY(uitest::writeFile(root + QStringLiteral("/notes.txt"), "nothing to see\n"));

    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(root) });
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &mime));
    waitAllFinished(1);
    QCOMPARE(m_window->session()->queue()->failedCount(), 1);
    QVERIFY2(stateTextOf(root).contains(QStringLiteral("no images found in ") + root),
        qPrintable(stateTextOf(root)));
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->walkProgress()->isVisible(), kLivenessMs);
    const QString message = m_window->statusBar()->currentMessage();
    QVERIFY2(message.startsWith(QStringLiteral("No images found in ") + root), qPrintable(message));
    QCOMPARE(m_window->session()->gallery()->rowCount(), 0);
}

// Cancel may come before, during or after the walk: whichever, what was
// queued by then is added and nothing arrives after the walk said it ended.
// A folder import cut off (the window closed, a crash) is walked again at
// the next start, and finds again what it had added: those leave the queue
// and are said in one line, as `trove resume` does; the rest is added.
void TestUiIngest::carriedOnWalkSaysWhatItFoundAgain()
{
    QTemporaryDir outside;
    const QString root = outside.filePath(QStringLiteral("holiday"));
    QVERIFY(QDir().mkpath(root));
    QList<QUrl> firstHalf;
    for (int i = 0; i < 6; ++i) {
        const QString path = QStringLiteral("%1/p%2.png").arg(root).arg(i);
        QVERIFY(uitest::writeFile(path, ImageFactory::png(50 + i, 40, quint32(i + 20))));
        if (i < 3)
            firstHalf << QUrl::fromLocalFile(path);
    }
    QMimeData mime;
    mime.setUrls(firstHalf);
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &mime));
    waitAllFinished(3);
    m_galleryTester.reset();
    m_queueTester.reset();
    m_window.reset();
    {
        // What the cut-off import left: its walk, remembered for anyone.
        CatalogWriter writer(LibraryPaths(m_library->path()));
        QVERIFY_OK(test::awaitLive(writer.open()));
        QVERIFY_OK(test::awaitLive(writer.beginFolderWalk(7, IngestRequest { root, {}, {} })));
        QVERIFY_OK(test::awaitLive(writer.releaseFolderWalks({ 7 })));
    }

    m_window = uitest::openWindow(m_library->path());
    m_queueTester = std::make_unique<QAbstractItemModelTester>(
        m_window->session()->queue(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->gallery()->rowCount(), 6, kLivenessMs);
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(QStringLiteral(
                                  "3 images found again were already in the library")),
        qPrintable(m_window->statusBar()->currentMessage()), kLivenessMs);
    // Only the three new ones are in the queue, added.
    IngestQueueModel *queue = m_window->session()->queue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), 3, kLivenessMs);
    for (int i = 3; i < 6; ++i)
        QCOMPARE(stateTextOf(QStringLiteral("%1/p%2.png").arg(root).arg(i)),
            IngestQueueModel::stateText(IngestState::Done));
}

void TestUiIngest::cancelledWalkKeepsWhatItQueued()
{
    QTemporaryDir outside;
    for (int i = 0; i < 40; ++i)
        QVERIFY(uitest::writeFile(outside.filePath(QStringLiteral("img%1.png").arg(i)),
            ImageFactory::png(20 + i, 20, quint32(i))));
    auto *progress = m_window->walkProgress();
    m_window->ingest({ outside.path() });
    QVERIFY(progress->isVisible()); // at once, before the walking thread said anything
    progress->cancelButton()->click(); // before the event loop delivers a batch
    QTRY_VERIFY_WITH_TIMEOUT(!progress->isVisible(), kLivenessMs);
    IngestQueueModel *queue = m_window->session()->queue();
    const int queued = queue->rowCount();
    QVERIFY(queued <= 40);
    QTRY_COMPARE_WITH_TIMEOUT(queue->finishedCount(), queued, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->gallery()->rowCount(), queued, kLivenessMs);
    QCOMPARE(queue->rowCount(), queued);
    QVERIFY(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Stopped")));
}

void TestUiIngest::dropRawImageData_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("application/x-qt-image") << QStringLiteral("qimage");
    QTest::newRow("image/png bytes") << QStringLiteral("png");
}

void TestUiIngest::dropRawImageData()
{
    QFETCH(QString, kind);
    QMimeData mime;
    const QByteArray png = ImageFactory::png(90, 30, 5);
    if (kind == QLatin1String("qimage"))
        mime.setImageData(QImage::fromData(png));
    else
        mime.setData(QStringLiteral("image/png"), png);
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &mime));
    waitAllFinished(1);
    IngestQueueModel *queue = m_window->session()->queue();
    QCOMPARE(
        IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()), IngestState::Done);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery->index(0).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
    QCOMPARE(gallery->index(0).data(GalleryModel::WidthRole).toInt(), 90);
    if (kind == QLatin1String("png")) // bytes kept as they came
        QCOMPARE(gallery->index(0).data(GalleryModel::OriginalBytesRole).toLongLong(),
            qint64(png.size()));
}

void TestUiIngest::dropOnWindowAndViewer()
{
    QMimeData mime;
    mime.setText(m_server.url(QStringLiteral("/img2.png")).toString());
    QVERIFY(uitest::drop(m_window.get(), &mime));
    QMimeData second;
    second.setUrls({ m_server.url(QStringLiteral("/img3.png")) });
    QVERIFY(uitest::drop(m_window->queuePanel()->view()->viewport(), &second));
    waitAllFinished(2);
}

void TestUiIngest::failedUrlShowsReason()
{
    const QString missing = m_server.url(QStringLiteral("/missing.png")).toString();
    const QString page = m_server.url(QStringLiteral("/page.html")).toString();
    QGuiApplication::clipboard()->setText(
        missing + QLatin1Char('\n') + page + QStringLiteral("\nftp://example.org/a.png"));
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier);
    waitAllFinished(3);
    QVERIFY2(
        stateTextOf(missing).contains(QStringLiteral("404")), qPrintable(stateTextOf(missing)));
    QVERIFY2(
        stateTextOf(page).contains(QStringLiteral("not an image")), qPrintable(stateTextOf(page)));
    QVERIFY2(stateTextOf(QStringLiteral("ftp://example.org/a.png")).contains(QStringLiteral("ftp")),
        qPrintable(stateTextOf(QStringLiteral("ftp://example.org/a.png"))));
    QCOMPARE(m_window->session()->queue()->failedCount(), 3);
    QCOMPARE(m_window->session()->gallery()->rowCount(), 0);
}

void TestUiIngest::unsupportedDropSaysSo()
{
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-unknown-thing"), QByteArray("x"));
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &mime));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Cannot add")),
        qPrintable(m_window->statusBar()->currentMessage()));

    QMimeData prose;
    prose.setText(QStringLiteral("just some words"));
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &prose));
    // The message agrees with the failed row the queue shows.
    QVERIFY2(m_window->statusBar()->currentMessage().contains(
                 QStringLiteral("the queue shows the 1 line not understood")),
        qPrintable(m_window->statusBar()->currentMessage()));
    waitAllFinished(1);
    QVERIFY(stateTextOf(QStringLiteral("just some words")).startsWith(QStringLiteral("Failed")));
}

void TestUiIngest::cancelAndRetryFromQueue()
{
    const QString slow = m_server.url(QStringLiteral("/slow.png")).toString();
    m_window->ingest({ slow });
    IngestQueueModel *queue = m_window->session()->queue();
    QTRY_COMPARE_WITH_TIMEOUT(
        IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()),
        IngestState::Downloading, kLivenessMs);
    QAbstractItemView *view = m_window->queuePanel()->view();
    view->selectionModel()->select(queue->index(0), QItemSelectionModel::ClearAndSelect);
    QAction *cancel = nullptr;
    QAction *retry = nullptr;
    for (QAction *a : m_window->queuePanel()->findChildren<QAction *>()) {
        if (a->text() == QStringLiteral("Cancel"))
            cancel = a;
        if (a->text() == QStringLiteral("Retry"))
            retry = a;
    }
    QVERIFY(cancel && retry);
    QTRY_VERIFY_WITH_TIMEOUT(cancel->isEnabled(), kLivenessMs);
    cancel->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(
        IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()),
        IngestState::Cancelled, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(retry->isEnabled(), kLivenessMs);
    retry->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(
        IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()),
        IngestState::Downloading, kLivenessMs);
    // The button at the row's end cancels too.
    const QRect button = ui::IngestQueueDelegate::buttonRect(
        view->visualRect(queue->index(0)), queue->index(0), view->fontMetrics());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button.center());
    QTRY_COMPARE_WITH_TIMEOUT(
        IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()),
        IngestState::Cancelled, kLivenessMs);
}

void TestUiIngest::clearFinished()
{
    m_window->ingest({ m_server.url(QStringLiteral("/img7.png")).toString() });
    waitAllFinished(1);
    m_window->queuePanel()->clearFinishedAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->queue()->rowCount(), 0, kLivenessMs);
}

// Bytes removed and emptied from the trash are not silently imported again:
// the row says when they were removed and offers one click to add them.
void TestUiIngest::removedBytesOfferAddAnyway()
{
    const QString image = m_server.url(QStringLiteral("/img3.png")).toString();
    m_window->ingest({ image });
    waitAllFinished(1);
    GalleryModel *gallery = m_window->session()->gallery();
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery->index(0).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
    const qint64 key = gallery->index(0).data(GalleryModel::KeyRole).toLongLong();
    CatalogWriter *writer = m_window->session()->writer();
    auto removed = writer->remove({ key });
    QTRY_VERIFY_WITH_TIMEOUT(removed.isFinished(), kLivenessMs);
    QCOMPARE(*removed.result(), 1);
    auto emptied = writer->emptyTrash(TrashFilter::all());
    QTRY_VERIFY_WITH_TIMEOUT(emptied.isFinished(), kLivenessMs);
    QCOMPARE(*emptied.result(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 0, kLivenessMs);

    m_window->queuePanel()->clearFinishedAction()->trigger();
    m_window->ingest({ image });
    waitAllFinished(1);
    IngestQueueModel *queue = m_window->session()->queue();
    const QModelIndex row = queue->index(0);
    QCOMPARE(IngestState(row.data(IngestQueueModel::StateRole).toInt()), IngestState::Failed);
    QVERIFY(row.data(IngestQueueModel::RemovedBeforeRole).toBool());
    QVERIFY2(
        row.data(IngestQueueModel::ErrorRole).toString().startsWith(QStringLiteral("removed on ")),
        qPrintable(row.data(IngestQueueModel::ErrorRole).toString()));
    QCOMPARE(ui::IngestQueueDelegate::buttonFor(row), ui::IngestQueueDelegate::Button::AddAnyway);
    QCOMPARE(gallery->rowCount(), 0);

    QAbstractItemView *view = m_window->queuePanel()->view();
    const QRect button
        = ui::IngestQueueDelegate::buttonRect(view->visualRect(row), row, view->fontMetrics());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, button.center());
    QTRY_COMPARE_WITH_TIMEOUT(
        IngestState(queue->index(0).data(IngestQueueModel::StateRole).toInt()), IngestState::Done,
        kLivenessMs);
    QVERIFY(!queue->index(0).data(IngestQueueModel::RemovedBeforeRole).toBool());
    QTRY_COMPARE_WITH_TIMEOUT(gallery->rowCount(), 1, kLivenessMs);
}

// Paused, a new link is queued (its row saved) and not started; the action
// says what a click does and follows the pipeline; resumed, it is added.
void TestUiIngest::pauseAndResumeFromQueue()
{
    QAction *pause = m_window->queuePanel()->pauseAction();
    IngestPipeline *pipeline = m_window->session()->pipeline();
    QCOMPARE(pause->text(), QStringLiteral("Pause Downloads"));
    QVERIFY(!pause->isChecked());
    pause->trigger();
    QVERIFY(pipeline->isPaused());
    QVERIFY(pause->isChecked());
    QCOMPARE(pause->text(), QStringLiteral("Resume Downloads"));

    m_server.addRoute(
        QStringLiteral("/paused.png"), Response::ok(ImageFactory::png(64, 48, 66), "image/png"));
    const QString link = m_server.url(QStringLiteral("/paused.png")).toString();
    m_window->ingest({ link });
    IngestQueueModel *queue = m_window->session()->queue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), 1, kLivenessMs);
    const quint64 id = queue->itemId(0);
    // Unpaused, the answer that saves the row starts the download at once.
    QTRY_VERIFY_WITH_TIMEOUT(pipeline->item(id)->queueId > 0, kLivenessMs);
    QCOMPARE(pipeline->item(id)->state, IngestState::Queued);
    QCOMPARE(m_server.hits(QStringLiteral("/paused.png")), 0);

    pipeline->setPaused(false); // from elsewhere: the action follows
    QVERIFY(!pause->isChecked());
    QCOMPARE(pause->text(), QStringLiteral("Pause Downloads"));
    waitAllFinished(1);
    QCOMPARE(stateTextOf(link), IngestQueueModel::stateText(IngestState::Done));
}

// Pause quiets the network at once: a download under way is put back,
// queued with no attempt spent, its connection closed; Resume starts it
// again from the beginning.
void TestUiIngest::pauseStopsARunningDownload()
{
    QAction *pause = m_window->queuePanel()->pauseAction();
    IngestPipeline *pipeline = m_window->session()->pipeline();
    const QString slow = m_server.url(QStringLiteral("/slow.png")).toString();
    const int before = m_server.hits(QStringLiteral("/slow.png")); // earlier tests' too
    m_window->ingest({ slow });
    IngestQueueModel *queue = m_window->session()->queue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), 1, kLivenessMs);
    const quint64 id = queue->itemId(0);
    QTRY_COMPARE_WITH_TIMEOUT(pipeline->item(id)->state, IngestState::Downloading, kLivenessMs);
    // Answered and stalling, not only connected.
    const int hits = before + 1;
    QTRY_COMPARE_WITH_TIMEOUT(m_server.hits(QStringLiteral("/slow.png")), hits, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activeConnections(), 1, kLivenessMs);

    pause->trigger();
    QVERIFY(pipeline->isPaused());
    QCOMPARE(pipeline->item(id)->state, IngestState::Queued);
    QCOMPARE(pipeline->item(id)->attempts, 0);
    QCOMPARE(stateTextOf(slow), QStringLiteral("paused")); // the row says why it waits
    QTRY_COMPARE_WITH_TIMEOUT(pipeline->downloadsRunning(), 0, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_server.activeConnections(), 0, kLivenessMs);

    pause->trigger();
    QVERIFY(!pipeline->isPaused());
    QTRY_COMPARE_WITH_TIMEOUT(m_server.hits(QStringLiteral("/slow.png")), hits + 1, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(pipeline->item(id)->state, IngestState::Downloading, kLivenessMs);
    pipeline->cancel(id); // the route never ends
}

// Opening another library while a download hangs neither waits for it nor
// loses it: the old session goes once its writes are done, and the item it
// could not finish is resumed when its library is opened again.
void TestUiIngest::openAnotherLibraryMidIngest()
{
    const QString slow = m_server.url(QStringLiteral("/slow.png")).toString();
    const QString quick = m_server.url(QStringLiteral("/img1.png")).toString();
    m_window->ingest({ slow, quick });
    IngestQueueModel *queue = m_window->session()->queue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->finishedCount(), 1, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        IngestState(queue->index(queueRowOf(slow)).data(IngestQueueModel::StateRole).toInt()),
        IngestState::Downloading, kLivenessMs);

    QPointer<LibrarySession> old = m_window->session();
    m_galleryTester.reset();
    m_queueTester.reset();
    QTemporaryDir other;
    m_window->openLibrary(LibraryPaths(other.path()));
    QVERIFY(m_window->session() != old.data());
    QCOMPARE(m_window->session()->paths().root(), other.path());
    QTRY_VERIFY_WITH_TIMEOUT(old.isNull(), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    QCOMPARE(m_window->session()->queue()->rowCount(), 0);

    m_window->openLibrary(LibraryPaths(m_library->path()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->queue()->rowCount(), 1, kLivenessMs);
    QCOMPARE(queueRowOf(slow), 0); // resumed; the finished one stays finished
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->gallery()->rowCount(), 1, kLivenessMs);
    m_window.reset(); // before `other` goes
}

// The queue dock is a slim bar while nothing happens (it took 40 % of an
// 800x600 window) and shows its list while work runs.
void TestUiIngest::queueSlimWhileIdleGrowsWhileWorking()
{
    m_window->resize(800, 600);
    ui::IngestQueuePanel *panel = m_window->queuePanel();
    QDockWidget *dock = m_window->queueDock();
    QTRY_VERIFY(!panel->isExpanded());
    QVERIFY(!panel->view()->isVisible());
    QTRY_VERIFY2(dock->height() <= 60, qPrintable(QString::number(dock->height())));
    QVERIFY(dock->height() * 10 < m_window->height());

    const QString slow = m_server.url(QStringLiteral("/slow.png")).toString();
    m_window->ingest({ slow });
    QTRY_VERIFY_WITH_TIMEOUT(panel->isExpanded(), kLivenessMs);
    QVERIFY(panel->view()->isVisible());
    QTRY_VERIFY2(dock->height() >= 150, qPrintable(QString::number(dock->height())));

    // Done (cancelled: nothing to act on), it is slim again.
    m_window->session()->pipeline()->cancelAll();
    waitAllFinished(1);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isExpanded(), kLivenessMs);
    QTRY_VERIFY(dock->height() <= 60);

    // Failures keep the list open: they wait for a look.
    m_window->ingest({ m_server.url(QStringLiteral("/missing.png")).toString() });
    waitAllFinished(2);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isExpanded(), kLivenessMs);
}

// Collapsed by hand while working, the panel stays collapsed when the next
// work starts, and after a restart; shown by hand again, it follows the
// work as before.
void TestUiIngest::queueRemembersCollapseByHand()
{
    ui::IngestQueuePanel *panel = m_window->queuePanel();
    auto *expand = panel->findChild<QToolButton *>(QStringLiteral("queueExpand"));
    QVERIFY(expand);
    m_window->ingest({ m_server.url(QStringLiteral("/slow.png")).toString() });
    QTRY_VERIFY_WITH_TIMEOUT(panel->isExpanded(), kLivenessMs);
    expand->click();
    QVERIFY(!panel->isExpanded());
    QVERIFY(!panel->view()->isVisible());
    m_window->ingest({ m_server.url(QStringLiteral("/img1.png")).toString() });
    QTest::qWait(300); // two totals ticks
    QVERIFY(!panel->isExpanded());

    m_window.reset();
    m_window = uitest::openWindow(m_library->path());
    m_queueTester.reset();
    m_galleryTester.reset();
    panel = m_window->queuePanel();
    m_window->ingest({ m_server.url(QStringLiteral("/slow.png")).toString() });
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->queue()->rowCount() > 0, kLivenessMs);
    QTest::qWait(300);
    QVERIFY(!panel->isExpanded());
    expand = panel->findChild<QToolButton *>(QStringLiteral("queueExpand"));
    expand->click(); // while work runs: back to following the work
    QVERIFY(panel->isExpanded());
    QVERIFY(!userSettings()->contains(QStringLiteral("queue/pinned")));
    m_window->session()->pipeline()->cancelAll();
}

void TestUiIngest::queueFilter_data()
{
    QTest::addColumn<int>("filter");
    QTest::addColumn<int>("rows");
    QTest::newRow("all") << int(ui::IngestQueuePanel::Filter::All) << 5;
    QTest::newRow("not finished") << int(ui::IngestQueuePanel::Filter::Active) << 1;
    QTest::newRow("failed") << int(ui::IngestQueuePanel::Filter::Failed) << 2;
}

void TestUiIngest::queueFilter()
{
    QFETCH(int, filter);
    QFETCH(int, rows);
    m_window->ingest({ m_server.url(QStringLiteral("/img1.png")).toString(),
        m_server.url(QStringLiteral("/missing1.png")).toString(),
        m_server.url(QStringLiteral("/img2.png")).toString(),
        m_server.url(QStringLiteral("/missing2.png")).toString() });
    waitAllFinished(4);
    m_window->ingest({ m_server.url(QStringLiteral("/slow.png")).toString() });
    ui::IngestQueuePanel *panel = m_window->queuePanel();
    panel->setFilter(ui::IngestQueuePanel::Filter(filter));
    QAbstractItemModel *shown = panel->view()->model();
    QAbstractItemModelTester tester(shown, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(shown->rowCount(), rows, kLivenessMs);
    for (int row = 0; row < shown->rowCount(); ++row) {
        const auto state
            = IngestState(shown->index(row, 0).data(IngestQueueModel::StateRole).toInt());
        if (filter == int(ui::IngestQueuePanel::Filter::Failed))
            QCOMPARE(state, IngestState::Failed);
        if (filter == int(ui::IngestQueuePanel::Filter::Active))
            QVERIFY(!isFinished(state));
    }
    // The slow one ends: it leaves "not finished" while the view shows it.
    m_window->session()->pipeline()->cancelAll();
    waitAllFinished(5);
    if (filter == int(ui::IngestQueuePanel::Filter::Active))
        QTRY_COMPARE(shown->rowCount(), 0);
    panel->setFilter(ui::IngestQueuePanel::Filter::All);
    QCOMPARE(panel->view()->model()->rowCount(), 5);
}

// "3 failed" is a link to the FIRST failure, whatever row is current.
void TestUiIngest::failedLinkJumpsToFirstFailure()
{
    QStringList links;
    for (int i = 0; i < 12; ++i) {
        links << (i == 4 || i == 8 || i == 11
                ? m_server.url(QStringLiteral("/gone%1.png").arg(i)).toString()
                : m_server.url(QStringLiteral("/img%1.png").arg(i % 8)).toString()
                    + QStringLiteral("?%1").arg(i));
    }
    m_window->ingest(links);
    waitAllFinished(12);
    ui::IngestQueuePanel *panel = m_window->queuePanel();
    QTRY_VERIFY(panel->isExpanded());
    m_window->queueDock()->resize(m_window->queueDock()->width(), 130); // about three rows
    auto *summary = panel->findChild<QLabel *>(QStringLiteral("queueSummary"));
    QVERIFY(summary);
    QTRY_VERIFY2(summary->text().contains(QStringLiteral("3 failed")), qPrintable(summary->text()));
    QVERIFY(summary->text().contains(QStringLiteral("href")));
    QAbstractItemView *view = panel->view();
    view->setCurrentIndex(view->model()->index(11, 0));
    Q_EMIT summary->linkActivated(QStringLiteral("#failed"));
    QCOMPARE(view->currentIndex().row(), 4);
    QCOMPARE(view->selectionModel()->selectedIndexes().size(), 1);
    QVERIFY(view->viewport()->rect().intersects(view->visualRect(view->currentIndex())));
    // F8 walks on from there; the link starts over.
    QVERIFY(panel->showNextFailure());
    QCOMPARE(view->currentIndex().row(), 8);
    Q_EMIT summary->linkActivated(QStringLiteral("#failed"));
    QCOMPARE(view->currentIndex().row(), 4);
}

// F8 is window-wide (it worked only with the focus in the queue panel),
// and it brings the hidden queue dock back.
void TestUiIngest::f8WorksFromTheGallery()
{
    m_window->ingest({ m_server.url(QStringLiteral("/img1.png")).toString(),
        m_server.url(QStringLiteral("/gone2.png")).toString() });
    waitAllFinished(2);
    QTRY_COMPARE(m_window->session()->queue()->failedCount(), 1);
    ui::IngestQueuePanel *panel = m_window->queuePanel();
    QAbstractItemView *view = panel->view();
    const int failedRow = m_window->session()->queue()->nextFailedRow(0);
    QVERIFY(failedRow >= 0);
    view->setCurrentIndex(QModelIndex());
    m_window->queueDock()->hide();
    // The shortcut belongs to the window, not to the (hidden) panel. Which
    // window the offscreen platform calls active after a dock hides varies
    // from run to run, so the key press itself is not sent here: the
    // action's context and owner are what the bug got wrong.
    QAction *f8 = panel->nextFailureAction();
    QCOMPARE(f8->shortcut(), QKeySequence(Qt::Key_F8));
    QCOMPARE(f8->shortcutContext(), Qt::WindowShortcut);
    QVERIFY(m_window->actions().contains(f8));
    // Enabled once the panel's actions follow the totals (a timer after the
    // failure; a disabled action's trigger() does nothing).
    QTRY_VERIFY_WITH_TIMEOUT(f8->isEnabled(), kLivenessMs);
    f8->trigger();
    QTRY_VERIFY(m_window->queueDock()->isVisible());
    QCOMPARE(view->currentIndex().row(), failedRow);
}

// With nothing queued the summary says how to add images; a narrow
// window ends it on "…" (it was cut in a word's middle), the tooltip has
// it whole, and a wide one shows it all again.
void TestUiIngest::idleSummaryElidesInANarrowWindow()
{
    const QString sentence
        = QStringLiteral("Nothing queued. Paste links (Ctrl+V) or drop images to add them.");
    ui::IngestQueuePanel *panel = m_window->queuePanel();
    auto *summary = panel->findChild<QLabel *>(QStringLiteral("queueSummary"));
    QVERIFY(summary);
    QCOMPARE(summary->toolTip(), sentence);
    const auto fits = [summary] {
        QTextDocument shown;
        shown.setHtml(summary->text());
        return summary->fontMetrics().horizontalAdvance(shown.toPlainText())
            <= summary->contentsRect().width();
    };
    m_window->resize(1500, 700);
    QTRY_COMPARE(summary->text(), sentence);
    m_window->resize(640, 600);
    QTRY_VERIFY2(summary->text().endsWith(QChar(0x2026)), qPrintable(summary->text()));
    QVERIFY2(fits(), qPrintable(summary->text()));
    QVERIFY(sentence.startsWith(summary->text().chopped(1)));
    QCOMPARE(summary->toolTip(), sentence);
    m_window->resize(1500, 700);
    QTRY_COMPARE(summary->text(), sentence);
}

// With a few rows visible, a failure further down is scrolled into view,
// until the person scrolls away.
void TestUiIngest::newFailuresScrolledIntoView()
{
    m_window->resize(800, 600);
    ui::IngestQueuePanel *panel = m_window->queuePanel();
    QStringList links;
    for (int i = 0; i < 10; ++i)
        links << m_server.url(QStringLiteral("/img%1.png").arg(i % 8)).toString()
                + QStringLiteral("?%1").arg(i);
    m_window->ingest(links);
    waitAllFinished(10);
    // Ten good rows then idle: the panel may already have folded to its
    // slim bar. The failure below unfolds it and keeps it open.
    QAbstractItemView *view = panel->view();
    m_window->ingest({ m_server.url(QStringLiteral("/nothere.png")).toString() });
    waitAllFinished(11);
    QTRY_VERIFY(panel->isExpanded());
    const QModelIndex failed = view->model()->index(10, 0);
    QTRY_VERIFY_WITH_TIMEOUT(
        view->viewport()->rect().intersects(view->visualRect(failed)), kLivenessMs);

    // Scrolled to the top by the person: the next failure does not pull.
    view->verticalScrollBar()->triggerAction(QAbstractSlider::SliderToMinimum);
    m_window->ingest({ m_server.url(QStringLiteral("/nothere2.png")).toString() });
    waitAllFinished(12);
    QTest::qWait(250);
    QCOMPARE(view->verticalScrollBar()->value(), 0);
}

// A pasted image's row says "Pasted image", never <library>/tmp/….pasted.png.
void TestUiIngest::pastedAndDroppedRowsShowNoTempPath()
{
    QGuiApplication::clipboard()->setImage(ImageFactory::picture(40, 30, 1));
    QTest::keyClick(m_window.get(), Qt::Key_V, Qt::ControlModifier);
    QMimeData mime;
    mime.setData(QStringLiteral("image/png"), ImageFactory::png(30, 20, 2));
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &mime));
    QMimeData fromSite;
    fromSite.setData(QStringLiteral("image/png"), ImageFactory::png(31, 20, 3));
    fromSite.setUrls({ QUrl(QStringLiteral("blob:https://example.org/1b2c")) });
    QVERIFY(uitest::drop(m_window->galleryView()->viewport(), &fromSite));
    IngestQueueModel *queue = m_window->session()->queue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->rowCount(), 3, kLivenessMs);
    QStringList shown;
    for (int row = 0; row < 3; ++row) {
        const QModelIndex index = queue->index(row);
        shown << index.data(Qt::DisplayRole).toString();
        for (int role : { int(Qt::DisplayRole), int(Qt::ToolTipRole) }) {
            const QString text = index.data(role).toString();
            QVERIFY2(
                !text.contains(QStringLiteral("tmp")) && !text.contains(QStringLiteral(".pasted")),
                qPrintable(text));
        }
    }
    QStringList expected { SourceLabel::droppedImage(),
        SourceLabel::droppedFrom(QStringLiteral("example.org")), SourceLabel::pastedImage() };
    shown.sort();
    expected.sort();
    QCOMPARE(shown, expected);
    waitAllFinished(3);
}

void TestUiIngest::sourceLabels_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("shown");
    QTest::newRow("link") << QStringLiteral("https://www.example.org/a/cat.jpg")
                          << QStringLiteral("example.org/a/cat.jpg");
    QTest::newRow("query") << QStringLiteral("https://cdn.example.org/i.png?w=200&sig=abc")
                           << QStringLiteral("cdn.example.org/i.png?…");
    QTest::newRow("long path") << QStringLiteral(
        "https://example.org/very/long/path/that/goes/on/and/on/and/on/x.webp")
                               << QStringLiteral("example.org/…/x.webp");
    QTest::newRow("file") << QStringLiteral("/home/ann/Pictures/holiday.jpg")
                          << QStringLiteral("holiday.jpg");
    QTest::newRow("file url") << QStringLiteral("file:///home/ann/b%20c.png")
                              << QStringLiteral("b c.png");
    QTest::newRow("folder") << QStringLiteral("/home/ann/Pictures/") << QStringLiteral("Pictures");
    QTest::newRow("data") << QStringLiteral("data:image/png;base64,iVBORw0KGgo=")
                          << QStringLiteral("Image in a data: link");
    QTest::newRow("temp file after a restart")
        << QStringLiteral("/lib/tmp/20598-0123456789abcdef0123456789abcdef.pasted.png")
        << QStringLiteral("Pasted or dropped image");
}

void TestUiIngest::sourceLabels()
{
    QFETCH(QString, source);
    QFETCH(QString, shown);
    QCOMPARE(SourceLabel::display(IngestRequest { source, {}, {} }), shown);
}

QTEST_MAIN(TestUiIngest)
#include "tst_uiingest.moc"
