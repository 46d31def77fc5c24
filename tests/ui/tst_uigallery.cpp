// SPDX-License-Identifier: MIT
// The gallery, search, viewer, tag editing, statistics and the window's
// memory of itself, driven through the real window.

#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/searchlanguage.h"
#include "dialogs/duplicatesdialog.h"
#include "dialogs/similardialog.h"
#include "dialogs/tageditdialog.h"
#include "dialogs/trashdialog.h"
#include "gallery/browsebar.h"
#include "gallery/dragexporter.h"
#include "gallery/gallerydelegate.h"
#include "gallery/imageactions.h"
#include "gallery/markactions.h"
#include "gallery/tagcompleter.h"
#include "gallery/tagsidebar.h"
#include "gallery/thumbnailsizecontrol.h"
#include "iconengine.h"
#include "icons.h"
#include "iconstyle.h"
#include "ingest/ingestbar.h"
#include "librarystatuslabel.h"
#include "models/duplicatesmodel.h"
#include "models/gallerymodel.h"
#include "models/ingestqueuemodel.h"
#include "models/tagcountsmodel.h"
#include "resultcheck.h"
#include "spellings.h"
#include "timebounds.h"
#include "translations.h"
#include "uifixture.h"
#include "viewer/imagecanvas.h"
#include "viewer/imageinfopanel.h"
#include "viewer/imageviewer.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QScopeGuard>
#include <QScreen>
#include <QScrollBar>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QSvgRenderer>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;

namespace {

struct Sample {
    QString name;
    QColor color;
};

} // namespace

class TestUiGallery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void emptyStateBeforeAnything();
    void emptyStateFollowsSizeAndPalette();
    void newThumbnailsSpreadOverFrames();
    void animationBadgeSitsOnThePicture_data();
    void animationBadgeSitsOnThePicture();
    void rowsArriveWithoutReset();
    void gridKeyboardAndRubberBand();
    void searchFiltersAsYouType();
    void manyMatchesCountedInSteps();
    void tagFilter();
    void searchBoxCompletesTags();
    void suggestionsLeaveTheErrorAndCloseFirst();
    void tagsInAnyCase_data();
    void tagsInAnyCase();
    void tagSidebarFiltersRenamesAndUndoes();
    void tagSidebarHighlightFollowsTheSearch();
    void searchErrorShownInPlace();
    void sortByName();
    void shuffleAgain();
    void selectionKeptAcrossResort();
    void renamedImageMovesToItsPlace();
    void thumbnailSizeSlider();
    void zoomShortcuts();
    void dragOutFailureShown();
    void escapeClearsSearchThenSelection();
    void viewerShowsTheRightPixels();
    void viewerNavigationAndZoom();
    void viewerDropsStaleLoads();
    void viewerPlaysAnimations();
    void windowFitsIn800InEveryLanguage_data();
    void windowFitsIn800InEveryLanguage();
    void viewerFullScreenAndSlideshow();
    void viewerActualSizeAndFitWidthStartAtTheTop();
    void viewerRotatesForDisplayOnly();
    void viewerDrawsInDevicePixels();
    void thumbnailsFillTheirCellsOnAnyScreen();
    void longNameAndLinkKeepTheWindowWidth();
    void infoPanelShowsCameraFacts();
    void infoPanelShowsTheNoteOnlyWhenThereIsOne();
    void editTagsOfMany();
    void renameOne();
    void ratingKeysAndUndo();
    void favouriteAndRatingInTheViewer();
    void ratingSubmenuFollowsTheSelection();
    void sortByRating();
    void statusBarAndStatistics();
    void statusTextLaysOutOnlyItsBox();
    void copyImageToClipboard();
    void dragOutExportsOriginals();
    void removeAfterConfirmation();
    void findSimilarAndKeepBest();
    void restoresSizeAndSort();
    void openAnotherLibrary();
    void iconSetIsComplete();
    void windowIconsComeFromOneSource();
    void iconsFollowThePalette_data();
    void iconsFollowThePalette();
    void fileDialogsOpenRoomy();

private:
    /// Adds one solid-colour PNG per sample (named by its file) and waits.
    void addSamples(const QList<Sample> &samples, const QStringList &tags = {});
    /// Adds one file with these bytes and waits for its row.
    void addFile(const QString &name, const QByteArray &bytes);
    int rowOfName(const QString &name) const;
    GalleryModel *gallery() const { return m_window->session()->gallery(); }
    QColor centrePixel() const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestUiGallery::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
    // As main() does: dialogs and line edits use the same icons.
    ui::IconStyle::install();
}

void TestUiGallery::init()
{
    QSettings().clear();
    m_library = std::make_unique<QTemporaryDir>();
    m_files = std::make_unique<QTemporaryDir>();
    m_window = uitest::openWindow(m_library->path());
    QVERIFY(m_window->session()->isOpen());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        gallery(), QAbstractItemModelTester::FailureReportingMode::QtTest);
}

void TestUiGallery::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_library.reset();
    m_files.reset();
}

void TestUiGallery::addSamples(const QList<Sample> &samples, const QStringList &tags)
{
    QStringList paths;
    for (const Sample &s : samples) {
        const QString path = m_files->filePath(s.name + QStringLiteral(".png"));
        QVERIFY(uitest::writeFile(path, ImageFactory::solidPng(s.color)));
        paths << path;
    }
    const int before = gallery()->rowCount();
    if (!tags.isEmpty())
        m_window->ingestBar()->findChildren<QLineEdit *>().last()->setText(
            tags.join(QLatin1Char(',')));
    m_window->ingest(paths);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->queue()->finishedCount(),
        m_window->session()->queue()->rowCount(), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), before + int(samples.size()), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(gallery()->rowCount() - 1).has_value()
            && gallery()->recordAt(0).has_value(),
        kLivenessMs);
}

void TestUiGallery::addFile(const QString &name, const QByteArray &bytes)
{
    const QString path = m_files->filePath(name);
    QVERIFY(uitest::writeFile(path, bytes));
    const int before = gallery()->rowCount();
    m_window->ingest({ path });
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), before + 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value(), kLivenessMs);
}

int TestUiGallery::rowOfName(const QString &name) const
{
    for (int row = 0; row < gallery()->rowCount(); ++row) {
        if (gallery()->index(row).data(Qt::DisplayRole).toString() == name)
            return row;
    }
    return -1;
}

QColor TestUiGallery::centrePixel() const
{
    ui::ImageCanvas *canvas = m_window->viewer()->canvas();
    const QImage shot = canvas->viewport()->grab().toImage();
    return shot.pixelColor(shot.width() / 2, shot.height() / 2);
}

void TestUiGallery::emptyStateBeforeAnything()
{
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->isReady(), kLivenessMs);
    QCOMPARE(gallery()->rowCount(), 0);
    // The grid has the focus, not the search field: the message says Ctrl+V
    // adds links, and a paste into the search field would not.
    QCOMPARE(QApplication::focusWidget(), m_window->galleryView());
    // The how-to-start message is painted: the empty grid is not blank
    // (the message is drawn on a worker, so a frame or two later).
    const auto colours = [this] {
        const QImage shot = m_window->galleryView()->viewport()->grab().toImage();
        QSet<QRgb> seen;
        for (int y = 0; y < shot.height(); y += 2)
            for (int x = 0; x < shot.width(); x += 2)
                seen.insert(shot.pixel(x, y));
        return seen.size();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(colours() > 4, "the empty state message is not painted", kLivenessMs);
    QVERIFY(m_window->statusBar()->findChild<ui::LibraryStatusLabel *>());
}

namespace {

// The rows holding pixels unlike the viewport's corner, and how light
// those pixels are on average (0-255).
struct Ink {
    int top = -1;
    int bottom = -1;
    double lightness = 0;
};

Ink inkOf(const QImage &shot)
{
    Ink ink;
    const QRgb background = shot.pixel(1, 1);
    qint64 sum = 0;
    qint64 count = 0;
    for (int y = 0; y < shot.height(); ++y) {
        for (int x = 0; x < shot.width(); ++x) {
            const QRgb p = shot.pixel(x, y);
            if (qAbs(qGray(p) - qGray(background)) < 40)
                continue;
            if (ink.top < 0)
                ink.top = y;
            ink.bottom = y;
            sum += qGray(p);
            ++count;
        }
    }
    ink.lightness = count ? double(sum) / double(count) : 0;
    return ink;
}

} // namespace

void TestUiGallery::animationBadgeSitsOnThePicture_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("fills the square") << QSize(400, 400);
    QTest::newRow("wide") << QSize(400, 60);
    QTest::newRow("tall and narrow") << QSize(24, 400);
    QTest::newRow("an icon") << QSize(16, 16);
    QTest::newRow("one pixel") << QSize(1, 1);
}

// The play badge marks the picture that moves: on a small or narrow
// picture, which sits in the middle of its cell, it is on that picture and
// not in the empty corner of the cell.
void TestUiGallery::animationBadgeSitsOnThePicture()
{
    QFETCH(QSize, size);
    constexpr int kCell = 240;
    QImage picture(size, QImage::Format_RGB32);
    const QColor green(40, 200, 60);
    picture.fill(green);
    QStandardItemModel model(1, 1);
    auto *item = new QStandardItem;
    item->setData(true, GalleryModel::LoadedRole);
    item->setData(picture, GalleryModel::ThumbnailRole);
    item->setData(qint64(1), GalleryModel::KeyRole);
    item->setData(QStringLiteral("moving"), Qt::DisplayRole);
    model.setItem(0, item);
    ui::GalleryDelegate delegate;
    QStyleOptionViewItem option;
    option.state = QStyle::State_Enabled | QStyle::State_Active;
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.palette = QApplication::palette();
    option.rect = QRect(0, 0, kCell, kCell);
    const auto paint = [&](bool animated) {
        item->setData(animated, GalleryModel::AnimatedRole);
        QImage canvas(kCell, kCell, QImage::Format_RGB32);
        bool more = true;
        for (int frames = 0; more && frames < 10; ++frames) {
            canvas.fill(Qt::white);
            QPainter painter(&canvas);
            delegate.beginFrame();
            delegate.paint(&painter, option, model.index(0, 0));
            more = delegate.endFrame();
        }
        return canvas;
    };
    const QImage still = paint(false);
    const QImage moving = paint(true);
    QRect shown;
    QRect badge;
    for (int y = 0; y < kCell; ++y) {
        for (int x = 0; x < kCell; ++x) {
            if (still.pixel(x, y) == green.rgb())
                shown |= QRect(x, y, 1, 1);
            if (still.pixel(x, y) != moving.pixel(x, y))
                badge |= QRect(x, y, 1, 1);
        }
    }
    QVERIFY2(!shown.isEmpty(), "the picture was not drawn");
    QVERIFY2(!badge.isEmpty(), "no badge");
    const auto text = [](const QRect &r) {
        return QStringLiteral("%1x%2+%3+%4").arg(r.width()).arg(r.height()).arg(r.x()).arg(r.y());
    };
    const QString where = QStringLiteral("badge %1, picture %2").arg(text(badge), text(shown));
    // On the picture (a pixel either way for antialiasing)...
    const QRect near = shown.adjusted(-1, -1, 1, 1);
    QVERIFY2(badge.intersects(near), qPrintable(where));
    // ...within its width when it is wider than the badge, else centred on it.
    if (shown.width() > badge.width())
        QVERIFY2(badge.left() >= near.left() && badge.right() <= near.right(), qPrintable(where));
    else
        QVERIFY2(std::abs(badge.center().x() - shown.center().x()) <= 1, qPrintable(where));
    // On a picture big enough to hold it, the badge is wholly inside it.
    if (shown.width() > 2 * badge.width() && shown.height() > 2 * badge.height())
        QVERIFY2(shown.contains(badge), qPrintable(where));
}

// A screen of images the grid has not drawn yet (a big batch removed above
// them, a jump to the end) is scaled and laid out over several frames, a
// few milliseconds each, with placeholders meanwhile; every cell gets its
// picture in the end.
void TestUiGallery::newThumbnailsSpreadOverFrames()
{
    constexpr int kCells = 24;
    constexpr int kCell = 200;
    QStandardItemModel model(kCells, 1);
    QList<QColor> colours;
    for (int i = 0; i < kCells; ++i) {
        // Large, so that scaling each one costs a few milliseconds.
        QImage big(2400, 2400, QImage::Format_RGB32);
        const QColor colour = QColor::fromHsv((i * 37) % 360, 200, 220);
        big.fill(colour);
        colours << colour;
        QStandardItem *item = model.item(i) ? model.item(i) : new QStandardItem;
        item->setData(true, GalleryModel::LoadedRole);
        item->setData(big, GalleryModel::ThumbnailRole);
        item->setData(qint64(i + 1), GalleryModel::KeyRole);
        item->setData(QStringLiteral("image %1").arg(i), Qt::DisplayRole);
        model.setItem(i, item);
    }
    ui::GalleryDelegate delegate;
    QImage canvas(kCell * 6, kCell * 4, QImage::Format_ARGB32_Premultiplied);
    QStyleOptionViewItem option;
    option.state = QStyle::State_Enabled | QStyle::State_Active;
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    option.palette = QApplication::palette();
    const auto cellRect
        = [](int i) { return QRect((i % 6) * kCell, (i / 6) * kCell, kCell, kCell); };
    const auto drawn = [&](int i) {
        // The thumbnail sits on the name, centred: its middle row is inside it.
        const QRect r = cellRect(i);
        return canvas.pixel(r.center().x(), r.top() + 8 + delegate.thumbnailSize() / 2)
            == colours[i].rgb();
    };
    int frames = 0;
    bool more = true;
    QList<int> drawnAfterFrame;
    while (more && frames < kCells) {
        canvas.fill(Qt::white);
        QPainter painter(&canvas);
        delegate.beginFrame();
        for (int i = 0; i < kCells; ++i) {
            QStyleOptionViewItem cell = option;
            cell.rect = cellRect(i);
            delegate.paint(&painter, cell, model.index(i, 0));
        }
        more = delegate.endFrame();
        painter.end();
        ++frames;
        int count = 0;
        for (int i = 0; i < kCells; ++i)
            count += drawn(i) ? 1 : 0;
        drawnAfterFrame << count;
    }
    QVERIFY2(frames > 1, "24 large thumbnails were scaled in one frame");
    QVERIFY2(drawnAfterFrame.first() >= ui::GalleryDelegate::kFirstPerFrame / 2
            && drawnAfterFrame.first() < kCells,
        qPrintable(QStringLiteral("drawn after the first frame: %1").arg(drawnAfterFrame.first())));
    QVERIFY(!more); // it finished
    QCOMPARE(drawnAfterFrame.last(), kCells);
    // Every frame drew more pictures, until all were in (the last frame
    // may only lay out the last name).
    for (int i = 1; i < drawnAfterFrame.size(); ++i) {
        if (drawnAfterFrame[i - 1] < kCells)
            QVERIFY2(drawnAfterFrame[i] > drawnAfterFrame[i - 1],
                qPrintable(QStringLiteral("frame %1 drew nothing new").arg(i + 1)));
    }
}

// The empty state is drawn once per look, on a worker, and reused (its
// layout cost a paste's first frame 4-7 ms, the grid emptied by Select All
// + Delete 9 ms): it must still sit in the middle of whatever height the
// grid has (the queue opening below shrinks it) and take the colours of
// the palette in use.
void TestUiGallery::emptyStateFollowsSizeAndPalette()
{
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->isReady(), kLivenessMs);
    QCOMPARE(gallery()->rowCount(), 0);
    QWidget *viewport = m_window->galleryView()->viewport();
    auto centred = [viewport](const Ink &ink) {
        return ink.top >= 0 && qAbs((ink.top + ink.bottom) / 2 - viewport->height() / 2) <= 12;
    };
    // Each new look is drawn on a worker and shown a frame or two later.
    const auto shot = [viewport] { return inkOf(viewport->grab().toImage()); };
    QTRY_VERIFY2_WITH_TIMEOUT(
        centred(shot()), "the empty state is not in the middle of the grid", kLivenessMs);
    const Ink before = shot();

    const int tall = viewport->height();
    m_window->resize(m_window->width(), m_window->height() - 160);
    QTRY_VERIFY_WITH_TIMEOUT(viewport->height() < tall - 100, kLivenessMs);
    QTRY_VERIFY2_WITH_TIMEOUT(centred(shot()) && shot().top < before.top,
        "the empty state stayed where the taller grid had its middle", kLivenessMs);

    // Light words on a dark grid, then dark on light again.
    const QPalette light = m_window->galleryView()->palette();
    QPalette dark = light;
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Window, QColor(30, 30, 30));
    dark.setColor(QPalette::WindowText, QColor(235, 235, 235));
    dark.setColor(QPalette::Text, QColor(235, 235, 235));
    m_window->galleryView()->setPalette(dark);
    QTRY_VERIFY2_WITH_TIMEOUT(
        shot().lightness > 128, "the message kept the light palette's ink", kLivenessMs);
    QVERIFY(qGray(viewport->grab().toImage().pixel(1, 1)) < 80);
    const Ink onDark = shot();
    m_window->galleryView()->setPalette(light);
    QTRY_VERIFY2_WITH_TIMEOUT(shot().top >= 0 && shot().lightness < onDark.lightness,
        "the message kept the dark palette's ink", kLivenessMs);
}

void TestUiGallery::rowsArriveWithoutReset()
{
    QSignalSpy inserted(gallery(), &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(gallery(), &QAbstractItemModel::modelReset);
    QList<Sample> samples;
    for (int i = 0; i < 12; ++i)
        samples.append({ QStringLiteral("tile-%1").arg(i, 2, 10, QLatin1Char('0')),
            QColor::fromHsv(i * 30, 200, 220) });
    addSamples(samples);
    QVERIFY(inserted.count() >= 1);
    QCOMPARE(reset.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(uitest::rowsWithThumbnails(gallery()), 12, kLivenessMs);
    const auto [first, last] = m_window->galleryView()->visibleRows();
    QCOMPARE(first, 0);
    QVERIFY(last >= 0);
}

// The grid places cells by arithmetic: keys move by cells and lines, End
// goes to the last image even with nothing current, and a rubber band
// selects the cells it covers.
void TestUiGallery::gridKeyboardAndRubberBand()
{
    QList<Sample> samples;
    for (int i = 0; i < 40; ++i)
        samples.append({ QStringLiteral("cell-%1").arg(i, 2, 10, QLatin1Char('0')),
            QColor::fromHsv(i * 9, 180, 200) });
    addSamples(samples);
    ui::GalleryView *view = m_window->galleryView();
    view->setThumbnailSize(96);
    view->resize(view->width(), 300); // fewer lines than images
    QTRY_VERIFY_WITH_TIMEOUT(view->visibleRows().second < 39, kLivenessMs);
    const int columns = view->columns();
    QVERIFY(columns > 1);
    QVERIFY(!view->currentIndex().isValid());

    view->setFocus();
    QTest::keyClick(view, Qt::Key_End);
    QCOMPARE(view->currentIndex().row(), 39);
    QTRY_COMPARE_WITH_TIMEOUT(view->visibleRows().second, 39, kLivenessMs);
    QTest::keyClick(view, Qt::Key_Home);
    QCOMPARE(view->currentIndex().row(), 0);
    QCOMPARE(view->visibleRows().first, 0);
    QTest::keyClick(view, Qt::Key_Right);
    QCOMPARE(view->currentIndex().row(), 1);
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(view->currentIndex().row(), 1 + columns);
    QTest::keyClick(view, Qt::Key_Up);
    QCOMPARE(view->currentIndex().row(), 1);

    // Each cell's rectangle is where indexAt finds it.
    for (int row : { 0, 1, columns, columns + 1 }) {
        const QRect rect = view->visualRect(gallery()->index(row));
        QCOMPARE(view->indexAt(rect.center()).row(), row);
    }

    // A band from the gap before the first cell to the middle of the second
    // line's second cell covers four images.
    view->selectionModel()->clearSelection();
    const QPoint from = view->visualRect(gallery()->index(0)).topLeft() - QPoint(1, 1);
    QVERIFY(!view->indexAt(from).isValid());
    const QPoint to = view->visualRect(gallery()->index(columns + 1)).center();
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, from);
    QMouseEvent move(QEvent::MouseMove, QPointF(to), view->viewport()->mapToGlobal(QPointF(to)),
        Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, to);
    QModelIndexList selected = view->selectionModel()->selectedIndexes();
    QList<int> rows;
    for (const QModelIndex &index : selected)
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    QCOMPARE(rows, (QList<int> { 0, 1, columns, columns + 1 }));

    // Shift extends in reading order, as in a file manager: from a click on
    // the second cell, Shift+Down takes the rest of its line and the next
    // line up to the cell below; Shift+End everything from it onward;
    // Shift+click back up to the first cell.
    QTest::mouseClick(
        view->viewport(), Qt::LeftButton, {}, view->visualRect(gallery()->index(1)).center());
    QCOMPARE(view->selectedCount(), qint64(1));
    QTest::keyClick(view, Qt::Key_Down, Qt::ShiftModifier);
    QCOMPARE(view->selectedRanges(), (QList<QPair<qint64, qint64>> { { 1, 1 + columns } }));
    QTest::keyClick(view, Qt::Key_End, Qt::ShiftModifier);
    QCOMPARE(view->selectedRanges(), (QList<QPair<qint64, qint64>> { { 1, 39 } }));
    QCOMPARE(view->selectedCount(), qint64(39));
    const auto *selectionCount = m_window->findChild<QLabel *>(QStringLiteral("selectionCount"));
    QVERIFY(selectionCount);
    QTRY_COMPARE(selectionCount->text(), QStringLiteral("39 selected of 40 shown  ·"));
    QTest::keyClick(view, Qt::Key_Home);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
        view->visualRect(gallery()->index(columns + 1)).center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ShiftModifier,
        view->visualRect(gallery()->index(0)).center());
    QCOMPARE(view->selectedRanges(), (QList<QPair<qint64, qint64>> { { 0, columns + 1 } }));

    // Across a line break too: from the last cell of the first line,
    // Shift+Right takes the first cell of the next line (a rectangle would
    // take both whole lines), Shift+Left twice goes back past the anchor.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
        view->visualRect(gallery()->index(columns - 1)).center());
    QTest::keyClick(view, Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(view->currentIndex().row(), columns);
    QCOMPARE(view->selectedRanges(), (QList<QPair<qint64, qint64>> { { columns - 1, columns } }));
    QTest::keyClick(view, Qt::Key_Left, Qt::ShiftModifier);
    QTest::keyClick(view, Qt::Key_Left, Qt::ShiftModifier);
    QCOMPARE(
        view->selectedRanges(), (QList<QPair<qint64, qint64>> { { columns - 2, columns - 1 } }));
}

void TestUiGallery::searchFiltersAsYouType()
{
    addSamples({ { QStringLiteral("cat-one"), Qt::red }, { QStringLiteral("cat-two"), Qt::green },
        { QStringLiteral("dog"), Qt::blue } });
    QLineEdit *search = m_window->browseBar()->searchField();
    QTest::keyClicks(search, QStringLiteral("cat"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    QCOMPARE(gallery()->query().search, QStringLiteral("cat"));
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kLivenessMs);

    // "N selected of M shown" follows the search, not only the selection:
    // a kept selection said "of 3 shown" under a search that showed 2.
    const auto *selectionCount = m_window->findChild<QLabel *>(QStringLiteral("selectionCount"));
    QVERIFY(selectionCount);
    // The count comes before the page: the rows may not be loaded yet.
    const auto rowOfCatOne = [this] {
        for (int row = 0; row < gallery()->rowCount(); ++row)
            if (gallery()->index(row).data(Qt::DisplayRole) == QStringLiteral("cat-one"))
                return row;
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOfCatOne() >= 0, kLivenessMs);
    const int catOne = rowOfCatOne();
    m_window->galleryView()->selectionModel()->setCurrentIndex(
        gallery()->index(catOne), QItemSelectionModel::ClearAndSelect);
    QTRY_COMPARE(selectionCount->text(), QStringLiteral("1 selected of 3 shown  ·"));
    QTest::keyClicks(search, QStringLiteral("cat"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    QTRY_COMPARE(selectionCount->text(), QStringLiteral("1 selected of 2 shown  ·"));
    // An image added meanwhile (here by the window; the CLI alike) counts
    // as shown when it matches, the selection untouched.
    addSamples({ { QStringLiteral("cat-three"), Qt::yellow } });
    QTRY_COMPARE(selectionCount->text(), QStringLiteral("1 selected of 3 shown  ·"));
    // Nothing selected, the search still says how many it shows.
    m_window->galleryView()->selectionModel()->clearSelection();
    QTRY_COMPARE(selectionCount->text(), QStringLiteral("3 shown  ·"));
    QVERIFY(selectionCount->isVisible());
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 4, kLivenessMs);
    // The selection kept across searches comes back with the whole library;
    // without one, the library's own count says it all.
    QTRY_COMPARE(selectionCount->text(), QStringLiteral("1 selected of 4 shown  ·"));
    m_window->galleryView()->selectionModel()->clearSelection();
    QTRY_VERIFY2(!selectionCount->isVisible(), qPrintable(selectionCount->text()));

    QTest::keyClicks(search, QStringLiteral("nothing-like-this"));
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery()->query().search == QStringLiteral("nothing-like-this") && gallery()->isReady(),
        kLivenessMs);
    QCOMPARE(gallery()->rowCount(), 0);
}

// A text found in very many images is counted in steps: the first rows show
// at once and the rest are appended as they are counted, never reset or
// removed, in the search's order.
void TestUiGallery::manyMatchesCountedInSteps()
{
    addSamples({ { QStringLiteral("cat-1"), Qt::red }, { QStringLiteral("dog"), Qt::green },
        { QStringLiteral("cat-2"), Qt::blue }, { QStringLiteral("cat-3"), Qt::yellow },
        { QStringLiteral("cat-4"), Qt::cyan }, { QStringLiteral("cat-5"), Qt::magenta } });
    m_window->session()->reader()->setCountStep(2);
    m_window->browseBar()->setOrder(ImageQuery::Order::NameAscending);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->isReady() && gallery()->rowCount() == 6, kLivenessMs);

    QSignalSpy progress(m_window->session()->reader(), &LibraryReader::countProgress);
    QSignalSpy inserted(gallery(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(gallery(), &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(gallery(), &QAbstractItemModel::modelReset);
    m_window->browseBar()->searchField()->setText(QStringLiteral("cat-"));
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->query().search == QStringLiteral("cat-"), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 5, kLivenessMs);
    // 2 + 2 counted in two steps, the last one in the final answer.
    QCOMPARE(progress.count(), 2);
    QCOMPARE(progress.at(0).at(1).toLongLong(), 2);
    QCOMPARE(progress.at(1).at(1).toLongLong(), 4);
    QCOMPARE(reset.count(), 1);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 3);
    for (int i = 0; i < inserted.count(); ++i)
        QCOMPARE(inserted.at(i).at(1).toInt(), i == 0 ? 0 : 2 * i); // appended at the end
    for (int row = 0; row < 5; ++row) {
        QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(row).has_value(), kLivenessMs);
        QCOMPARE(gallery()->recordAt(row)->name, QStringLiteral("cat-%1").arg(row + 1));
    }
}

void TestUiGallery::tagFilter()
{
    addSamples({ { QStringLiteral("a"), Qt::red }, { QStringLiteral("b"), Qt::green } },
        { QStringLiteral("pets") });
    addSamples({ { QStringLiteral("c"), Qt::blue } });
    m_window->browseBar()->searchField()->setText(QStringLiteral("tag:pets"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    QCOMPARE(gallery()->query().search, QStringLiteral("tag:pets"));
}

// A search that cannot be read ("red fo, its quote never closed) says
// why on the line under the box; the suggestions open below that line,
// not over it. Escape closes them first and keeps the text; the next one
// clears it.
void TestUiGallery::suggestionsLeaveTheErrorAndCloseFirst()
{
    addSamples({ { QStringLiteral("a"), Qt::red } }, { QStringLiteral("red forest") });
    m_window->ingestBar()->tagsField()->clear();
    TagService *tags = m_window->session()->tags();
    QTRY_COMPARE_WITH_TIMEOUT(
        tags->vocabulary()->countOf(QStringLiteral("red forest")), 1, kLivenessMs);

    QLineEdit *search = m_window->browseBar()->searchField();
    QLabel *error = m_window->browseBar()->searchError();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("\"red fo"));
    QAbstractItemView *popup = m_window->searchCompleter()->completer()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible() && error->isVisible(), kLivenessMs);
    QVERIFY2(error->text().contains(QStringLiteral("quote")), qPrintable(error->text()));
    const int errorBottom = error->mapToGlobal(QPoint(0, error->height())).y();
    QTRY_VERIFY2_WITH_TIMEOUT(popup->mapToGlobal(QPoint(0, 0)).y() >= errorBottom,
        qPrintable(QStringLiteral("popup at %1, error line ends at %2")
                       .arg(popup->mapToGlobal(QPoint(0, 0)).y())
                       .arg(errorBottom)),
        kLivenessMs);

    QTest::keyClick(search, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!popup->isVisible(), kLivenessMs);
    QCOMPARE(search->text(), QStringLiteral("\"red fo"));
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(search->text().isEmpty());
}

// Typing in the search box offers the library's tags with counts, those
// that begin with what is typed first; choosing one writes the term (quoted
// when the tag has a space) and filters the gallery. After `-` it excludes.
void TestUiGallery::searchBoxCompletesTags()
{
    addSamples({ { QStringLiteral("a"), Qt::red }, { QStringLiteral("b"), Qt::green } },
        { QStringLiteral("new york") });
    addSamples({ { QStringLiteral("c"), Qt::blue } }, { QStringLiteral("newt") });
    addSamples({ { QStringLiteral("d"), Qt::yellow } }, { QStringLiteral("renew") });
    m_window->ingestBar()->tagsField()->clear();
    TagService *tags = m_window->session()->tags();
    QTRY_COMPARE_WITH_TIMEOUT(tags->vocabulary()->countOf(QStringLiteral("renew")), 1, kLivenessMs);

    QLineEdit *search = m_window->browseBar()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("NEW"));
    QAbstractItemView *popup = m_window->searchCompleter()->completer()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), kLivenessMs);
    const auto offered = [popup] {
        QStringList out;
        for (int row = 0; row < popup->model()->rowCount(); ++row) {
            const QModelIndex i = popup->model()->index(row, 0);
            out << QStringLiteral("%1 (%2)")
                       .arg(i.data(TagCountsModel::TagRole).toString())
                       .arg(i.data(TagCountsModel::CountRole).toLongLong());
        }
        return out;
    };
    QCOMPARE(offered(), (QStringList { "new york (2)", "newt (1)", "renew (1)" }));
    popup->setCurrentIndex(popup->model()->index(0, 0));
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(search->text(), QStringLiteral("tag:\"new york\" "));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);

    // An excluded tag, completed after `-tag:`.
    QTest::keyClicks(search, QStringLiteral("-tag:ren"));
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), kLivenessMs);
    QCOMPARE(offered(), QStringList { "renew (1)" });
    popup->setCurrentIndex(popup->model()->index(0, 0));
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(search->text(), QStringLiteral("tag:\"new york\" -tag:renew "));
    QTRY_COMPARE(gallery()->query().search, QStringLiteral("tag:\"new york\" -tag:renew"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);

    // The term under the cursor, in any search: pure, so checked directly.
    const auto token = ui::TagCompleter::tokenAt(
        QStringLiteral("format:png -tag:\"two wo"), 23, ui::TagCompleter::Mode::Search);
    QCOMPARE(token.typed, QStringLiteral("two wo"));
    QCOMPARE(token.prefix, QStringLiteral("-tag:"));
    QCOMPARE(token.start, 11);
    QVERIFY(ui::TagCompleter::tokenAt(QStringLiteral("site:ex"), 7, ui::TagCompleter::Mode::Search)
                .typed.isEmpty());
    // Inside quotes \" and \\ are one character: a tag with quotes (or a
    // backslash) completes to a term the search reads back as that tag.
    const QString escaped = QStringLiteral(R"(tag:"say \"hi\" x)");
    const auto inQuotes
        = ui::TagCompleter::tokenAt(escaped, int(escaped.size()), ui::TagCompleter::Mode::Search);
    QCOMPARE(inQuotes.typed, QStringLiteral(R"(say "hi" x)"));
    QCOMPARE(inQuotes.start, 0);
    QCOMPARE(inQuotes.length, int(escaped.size()));
    for (const QString &tag : { QStringLiteral(R"(say "hi")"), QStringLiteral(R"(C:\ dir\)") }) {
        const QString term = ui::TagCompleter::termFor(QStringLiteral("tag:"), tag);
        const search::Parsed parsed = search::SearchLanguage::parse(term);
        QVERIFY2(parsed.ok(), qPrintable(term));
        QCOMPARE(parsed.root.text, tag);
    }
}

void TestUiGallery::tagsInAnyCase_data()
{
    trove::test::spellingRows(trove::test::Spellings::Same);
}

// A tag in one spelling on one image and another on the next is one tag:
// one row in the Tags sidebar, one offer in the completer, and the search
// the completer's offer stands for shows both images (testerB-report.md
// item 1: the completer offered "Ärger" for `tag:ärger` and the gallery
// was empty).
void TestUiGallery::tagsInAnyCase()
{
    QFETCH(QString, stored);
    QFETCH(QString, typed);
    addSamples({ { QStringLiteral("a"), Qt::red } }, { stored });
    addSamples({ { QStringLiteral("b"), Qt::green } }, { typed });
    addSamples({ { QStringLiteral("c"), Qt::blue } }, { QStringLiteral("other") });
    m_window->ingestBar()->tagsField()->clear();
    TagService *tags = m_window->session()->tags();
    QTRY_COMPARE_WITH_TIMEOUT(tags->vocabulary()->countOf(typed), 2, kLivenessMs);
    QCOMPARE(tags->vocabulary()->size(), 2);

    m_window->tagDock()->show();
    TagCountsModel *model = m_window->tagSidebar()->model();
    QTRY_COMPARE_WITH_TIMEOUT(
        model->tags(), (TagCounts { { stored, 2 }, { QStringLiteral("other"), 1 } }), kLivenessMs);

    QLineEdit *search = m_window->browseBar()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("tag:"));
    // keyClicks() takes Latin-1 only: each character as a key's text.
    for (const QChar c : typed) {
        QTest::sendKeyEvent(QTest::Press, search, Qt::Key_unknown, QString(c), Qt::NoModifier);
        QTest::sendKeyEvent(QTest::Release, search, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
    QCOMPARE(search->text(), QStringLiteral("tag:") + typed);
    QAbstractItemView *popup = m_window->searchCompleter()->completer()->popup();
    QTRY_VERIFY_WITH_TIMEOUT(popup->isVisible(), kLivenessMs);
    QCOMPARE(popup->model()->rowCount(), 1);
    QCOMPARE(popup->model()->index(0, 0).data(TagCountsModel::TagRole).toString(), stored);
    QCOMPARE(popup->model()->index(0, 0).data(TagCountsModel::CountRole).toLongLong(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->query().search, QStringLiteral("tag:") + typed, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    // Chosen, the offer finds the same two.
    popup->setCurrentIndex(popup->model()->index(0, 0));
    QTest::keyClick(popup, Qt::Key_Return);
    QCOMPARE(search->text(), QStringLiteral("tag:") + stored + QLatin1Char(' '));
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->query().search, QStringLiteral("tag:") + stored, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    // Excluded in either spelling, only the third is left.
    search->setText(QStringLiteral("-tag:") + typed.toUpper());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kLivenessMs);
}

// The Tags sidebar lists the current query's tags with counts; a click
// filters by one, a Ctrl+click hides it; renaming a tag there renames it on
// every image, and Undo gives the old one back.
void TestUiGallery::tagSidebarFiltersRenamesAndUndoes()
{
    addSamples({ { QStringLiteral("a"), Qt::red }, { QStringLiteral("b"), Qt::green } },
        { QStringLiteral("pets") });
    addSamples({ { QStringLiteral("c"), Qt::blue } }, { QStringLiteral("sky") });
    m_window->ingestBar()->tagsField()->clear();
    m_window->tagDock()->show();
    ui::TagSidebar *sidebar = m_window->tagSidebar();
    TagCountsModel *model = sidebar->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE_WITH_TIMEOUT(model->tags(),
        (TagCounts { { QStringLiteral("pets"), 2 }, { QStringLiteral("sky"), 1 } }), kLivenessMs);

    QListView *view = sidebar->view();
    QTest::mouseClick(
        view->viewport(), Qt::LeftButton, {}, view->visualRect(model->index(0)).center());
    QCOMPARE(m_window->browseBar()->searchField()->text(), QStringLiteral("tag:pets"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    // Counted for this query, on the tag thread.
    QTRY_COMPARE_WITH_TIMEOUT(
        model->tags(), (TagCounts { { QStringLiteral("pets"), 2 } }), kLivenessMs);

    m_window->browseBar()->searchField()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kLivenessMs);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
        view->visualRect(model->index(1)).center());
    QCOMPARE(m_window->browseBar()->searchField()->text(), QStringLiteral("-tag:sky"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    m_window->browseBar()->searchField()->clear();

    TagService *tags = m_window->session()->tags();
    sidebar->renameTag(QStringLiteral("pets"), QStringLiteral("animals"));
    QTRY_COMPARE_WITH_TIMEOUT(
        tags->vocabulary()->countOf(QStringLiteral("animals")), 2, kLivenessMs);
    QCOMPARE(tags->vocabulary()->countOf(QStringLiteral("pets")), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->undoStack()->count(), 1, kLivenessMs);
    QCOMPARE(m_window->undoStack()->undoText(), QStringLiteral("Rename Tag “pets” to “animals”"));
    // Merge: into a tag that exists.
    sidebar->renameTag(QStringLiteral("sky"), QStringLiteral("animals"));
    QTRY_COMPARE_WITH_TIMEOUT(
        tags->vocabulary()->countOf(QStringLiteral("animals")), 3, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->undoStack()->count(), 2, kLivenessMs);
    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(tags->vocabulary()->countOf(QStringLiteral("sky")), 1, kLivenessMs);
    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(tags->vocabulary()->countOf(QStringLiteral("pets")), 2, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        tags->vocabulary()->countOf(QStringLiteral("animals")), 0, kLivenessMs);
    m_window->undoStack()->redo();
    QTRY_COMPARE_WITH_TIMEOUT(
        tags->vocabulary()->countOf(QStringLiteral("animals")), 2, kLivenessMs);

    // A trashed image's tag is renamed too (a restore would bring the old
    // one back), and Undo gives it back there as well.
    CatalogReader reader;
    QVERIFY_OK(reader.open(m_window->session()->paths()));
    const auto named = reader.resolve(QStringLiteral("a"));
    QVERIFY_OK(named);
    QCOMPARE(named->size(), 1);
    const qint64 key = named->first().key;
    auto trashed = m_window->session()->writer()->moveToTrash({ key });
    trashed.waitForFinished();
    QCOMPARE(*trashed.result(), 1);
    const auto trashTags = [&reader] {
        auto rows = reader.trash();
        return rows && rows->size() == 1 ? rows->first().image.tags : QStringList();
    };
    QCOMPARE(trashTags(), QStringList { QStringLiteral("animals") });
    sidebar->renameTag(QStringLiteral("animals"), QStringLiteral("beasts"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->undoStack()->undoText(),
        QStringLiteral("Rename Tag “animals” to “beasts”"), kLivenessMs);
    QCOMPARE(trashTags(), QStringList { QStringLiteral("beasts") });
    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(trashTags(), QStringList { QStringLiteral("animals") }, kLivenessMs);
}

// The sidebar's highlight is the search's tag term, by name: it stayed on
// "red forest" after the search was cleared, and on a row position (so on
// another tag) after the rows moved.
void TestUiGallery::tagSidebarHighlightFollowsTheSearch()
{
    addSamples({ { QStringLiteral("a"), Qt::red }, { QStringLiteral("b"), Qt::green } },
        { QStringLiteral("red forest") });
    addSamples({ { QStringLiteral("c"), Qt::blue } }, { QStringLiteral("sky") });
    m_window->ingestBar()->tagsField()->clear();
    m_window->tagDock()->show();
    ui::TagSidebar *sidebar = m_window->tagSidebar();
    TagCountsModel *model = sidebar->model();
    QListView *view = sidebar->view();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kLivenessMs);
    const auto highlighted = [view] {
        const QModelIndexList rows = view->selectionModel()->selectedIndexes();
        return rows.size() == 1 ? rows.first().data(TagCountsModel::TagRole).toString()
                                : QStringLiteral("(%1 rows)").arg(rows.size());
    };
    QCOMPARE(
        model->index(0).data(TagCountsModel::TagRole).toString(), QStringLiteral("red forest"));
    QTest::mouseClick(
        view->viewport(), Qt::LeftButton, {}, view->visualRect(model->index(0)).center());
    QCOMPARE(m_window->browseBar()->searchField()->text(), QStringLiteral("tag:\"red forest\""));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(highlighted(), QStringLiteral("red forest"), kLivenessMs);

    // No tag term, no highlight.
    m_window->browseBar()->searchField()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(highlighted(), QStringLiteral("(0 rows)"), kLivenessMs);

    // Typed, with other terms: the tag's row, wherever it is.
    m_window->browseBar()->searchField()->setText(QStringLiteral("c tag:sky"));
    Q_EMIT m_window->browseBar()->searchField()->returnPressed();
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(highlighted(), QStringLiteral("sky"), kLivenessMs);
    m_window->browseBar()->searchField()->clear();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(highlighted(), QStringLiteral("(0 rows)"), kLivenessMs);

    // The rows move (a new tag on both images counted first): the
    // highlight stays on the tag searched, not on its old row.
    m_window->browseBar()->searchField()->setText(QStringLiteral("tag:\"red forest\""));
    Q_EMIT m_window->browseBar()->searchField()->returnPressed();
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(highlighted(), QStringLiteral("red forest"), kLivenessMs);
    // The filtered rows, read: the query changed a moment ago.
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery()->recordAt(0).has_value() && gallery()->recordAt(1).has_value(), kLivenessMs);
    const qint64 a = gallery()->recordAt(0)->key;
    const qint64 b = gallery()->recordAt(1)->key;
    QVERIFY_OK(
        m_window->session()->writer()->editTags({ a, b }, { QStringLiteral("aaa") }, {}).result());
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(highlighted(), QStringLiteral("red forest"), kLivenessMs);
}

// A search that cannot be read is explained under the box, and the gallery
// keeps what it showed; a good one hides the explanation and filters.
void TestUiGallery::searchErrorShownInPlace()
{
    addSamples({ { QStringLiteral("red-a"), Qt::red }, { QStringLiteral("red-b"), Qt::darkRed } },
        { QStringLiteral("nature") });
    addSamples({ { QStringLiteral("blue-c"), Qt::blue } },
        { QStringLiteral("nature"), QStringLiteral("sky") });
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kLivenessMs);
    QLabel *error = m_window->browseBar()->searchError();
    QLineEdit *field = m_window->browseBar()->searchField();
    QVERIFY(!error->isVisible());

    field->setText(QStringLiteral("colour:red"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("unknown predicate colour:")),
        qPrintable(error->text()));
    QVERIFY(field->toolTip().contains(QStringLiteral("colour:")));
    QCOMPARE(gallery()->rowCount(), 3); // not an empty gallery
    QCOMPARE(gallery()->query().search, QString());

    field->setText(QStringLiteral("tag:nature -tag:sky"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(!error->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value(), kLivenessMs);
    QVERIFY(gallery()->recordAt(0)->name.startsWith(QStringLiteral("red-")));

    // Typed (debounced), an unclosed parenthesis is shown the same way.
    field->setText(QStringLiteral("(tag:nature OR"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kLivenessMs);
    QCOMPARE(gallery()->rowCount(), 2);

    // A search that reads but names a collection the library lacks: no
    // match (the gallery's "No images match"), and why, at the search box;
    // not "Cannot read the library" in the status bar.
    m_window->statusBar()->clearMessage();
    field->setText(QStringLiteral("in:\"Nope\""));
    QTest::keyClick(field, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        error->text().contains(QStringLiteral("no collection named “Nope”")), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->isReady(), kLivenessMs);
    QCOMPARE(gallery()->rowCount(), 0);
    QVERIFY2(!m_window->statusBar()->currentMessage().contains(QStringLiteral("Cannot read")),
        qPrintable(m_window->statusBar()->currentMessage()));
    field->setText(QStringLiteral("tag:sky"));
    QTest::keyClick(field, Qt::Key_Return);
    QVERIFY(!error->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kLivenessMs);
}

void TestUiGallery::sortByName()
{
    addSamples({ { QStringLiteral("bravo"), Qt::red }, { QStringLiteral("alpha"), Qt::green },
        { QStringLiteral("charlie"), Qt::blue } });
    m_window->browseBar()->setOrder(ImageQuery::Order::NameAscending);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value()
            && gallery()->recordAt(0)->name == QStringLiteral("alpha"),
        kLivenessMs);
    m_window->browseBar()->setOrder(ImageQuery::Order::NameDescending);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value()
            && gallery()->recordAt(0)->name == QStringLiteral("charlie"),
        kLivenessMs);
}

// Random: Shuffle Again shows beside the sort choice while the random order
// is chosen, and gives the gallery a new order (from any order, View ▸ Sort
// By ▸ Shuffle Again chooses Random too).
void TestUiGallery::shuffleAgain()
{
    QList<Sample> samples;
    for (int i = 0; i < 12; ++i)
        samples.append(
            Sample { QStringLiteral("pic %1").arg(i), QColor::fromHsv(i * 30, 200, 200) });
    addSamples(samples);
    auto *combo = m_window->browseBar()->findChild<QComboBox *>();
    QVERIFY(combo);
    QStringList choices;
    for (int i = 0; i < combo->count(); ++i)
        choices << combo->itemText(i);
    QCOMPARE(choices,
        (QStringList { "Newest first", "Oldest first", "Name (natural) A–Z", "Name (natural) Z–A",
            "Largest file first", "Smallest file first", "Most pixels first", "Fewest pixels first",
            "Highest rated first", "Lowest rated first", "Random", "Collection order" }));
    QAction *shuffle = m_window->browseBar()->shuffleAction();
    QVERIFY(shuffle);
    auto *button = m_window->browseBar()->findChild<QToolButton *>();
    QVERIFY(button);
    QVERIFY(!button->isVisible());
    // Every row read (a query being counted again has none for a moment).
    auto names = [this] {
        QStringList out;
        for (int row = 0; row < gallery()->rowCount(); ++row) {
            const auto record = gallery()->recordAt(row);
            out << (record ? record->name : QString());
        }
        return out.size() == 12 && !out.contains(QString()) ? out : QStringList();
    };
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 12, kLivenessMs);
    shuffle->trigger();
    QCOMPARE(m_window->browseBar()->order(), ImageQuery::Order::Shuffled);
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery()->query().order == ImageQuery::Order::Shuffled && !names().isEmpty(), kLivenessMs);
    // A new order comes; the odds of the same one again are 1 in 12!.
    const QStringList first = names();
    shuffle->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!names().isEmpty() && names() != first, kLivenessMs);
    QStringList sorted = names();
    sorted.sort();
    QStringList all = first;
    all.sort();
    QCOMPARE(sorted, all);
    m_window->browseBar()->setOrder(ImageQuery::Order::NewestFirst);
    QTRY_VERIFY_WITH_TIMEOUT(!button->isVisible(), kLivenessMs);
}

// A new order keeps the current image and the selected ones (found again
// by key on the reader thread), and Select All stays all.
void TestUiGallery::selectionKeptAcrossResort()
{
    addSamples({ { QStringLiteral("bravo"), Qt::red }, { QStringLiteral("alpha"), Qt::green },
        { QStringLiteral("delta"), Qt::yellow }, { QStringLiteral("charlie"), Qt::blue } });
    ui::GalleryView *view = m_window->galleryView();
    auto selectedNames = [&] {
        QStringList names;
        for (const ImageRecord &r : view->selectedRecords())
            names << r.name;
        return names;
    };
    auto currentName = [&] {
        const auto record = gallery()->recordAt(view->currentIndex().row());
        return view->currentIndex().isValid() && record ? record->name : QString();
    };
    m_window->browseBar()->setOrder(ImageQuery::Order::NameAscending);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->isReady() && gallery()->recordAt(3).has_value()
            && gallery()->recordAt(3)->name == QStringLiteral("delta"),
        kLivenessMs);
    QItemSelection chosen;
    chosen.select(gallery()->index(0), gallery()->index(0)); // alpha
    chosen.select(gallery()->index(2), gallery()->index(2)); // charlie
    view->selectionModel()->select(chosen, QItemSelectionModel::ClearAndSelect);
    view->selectionModel()->setCurrentIndex(gallery()->index(2), QItemSelectionModel::NoUpdate);
    QCOMPARE(selectedNames(), (QStringList { QStringLiteral("alpha"), QStringLiteral("charlie") }));

    m_window->browseBar()->setOrder(ImageQuery::Order::NameDescending);
    // delta, charlie, bravo, alpha: the same two images, now rows 1 and 3.
    QTRY_COMPARE_WITH_TIMEOUT(
        view->selectedRanges(), (QList<QPair<qint64, qint64>> { { 1, 1 }, { 3, 3 } }), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(selectedNames(),
        (QStringList { QStringLiteral("charlie"), QStringLiteral("alpha") }), kLivenessMs);
    QCOMPARE(view->currentIndex().row(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(currentName(), QStringLiteral("charlie"), kLivenessMs);

    view->selectAll();
    m_window->browseBar()->setOrder(ImageQuery::Order::NewestFirst);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->query().order == ImageQuery::Order::NewestFirst
            && gallery()->isReady() && view->selectedCount() == 4,
        kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(currentName(), QStringLiteral("charlie"), kLivenessMs);

    // A live insert (newest first: at the top) shifts, and keeps, both.
    addSamples({ { QStringLiteral("echo"), Qt::cyan } });
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value()
            && gallery()->recordAt(0)->name == QStringLiteral("echo"),
        kLivenessMs);
    QCOMPARE(view->selectedCount(), qint64(4));
    QCOMPARE(view->selectedRanges(), (QList<QPair<qint64, qint64>> { { 1, 4 } }));
    QCOMPARE(currentName(), QStringLiteral("charlie"));
}

// In a name order a renamed image moves to its new row, by a move, not a
// reset: it stays selected and current.
void TestUiGallery::renamedImageMovesToItsPlace()
{
    addSamples({ { QStringLiteral("alpha"), Qt::red }, { QStringLiteral("bravo"), Qt::green },
        { QStringLiteral("charlie"), Qt::blue } });
    m_window->browseBar()->setOrder(ImageQuery::Order::NameAscending);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->isReady() && gallery()->recordAt(2).has_value()
            && gallery()->recordAt(0)->name == QStringLiteral("alpha"),
        kLivenessMs);
    ui::GalleryView *view = m_window->galleryView();
    view->selectionModel()->setCurrentIndex(
        gallery()->index(0), QItemSelectionModel::ClearAndSelect);
    const qint64 key = gallery()->recordAt(0)->key;
    // The viewer (not on screen) holds bravo, a row the move shifts.
    m_window->viewer()->showRow(1);
    QSignalSpy reset(gallery(), &QAbstractItemModel::modelReset);
    QSignalSpy moved(gallery(), &QAbstractItemModel::rowsMoved);
    auto renamed = m_window->session()->writer()->rename({ key }, QStringLiteral("zulu"));
    QTRY_VERIFY_WITH_TIMEOUT(renamed.isFinished(), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(2).has_value()
            && gallery()->recordAt(2)->name == QStringLiteral("zulu"),
        kLivenessMs);
    QCOMPARE(gallery()->recordAt(0)->name, QStringLiteral("bravo"));
    QCOMPARE(moved.count(), 1);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(view->currentIndex().row(), 2);
    QCOMPARE(view->selectedRanges(), (QList<QPair<qint64, qint64>> { { 2, 2 } }));
    QCOMPARE(m_window->viewer()->currentRow(), 0);
    QCOMPARE(m_window->viewer()->currentRecord()->name, QStringLiteral("bravo"));

    // The image the viewer holds moves itself: the viewer goes with it.
    renamed = m_window->session()->writer()->rename(
        { m_window->viewer()->currentRecord()->key }, QStringLiteral("yankee"));
    QTRY_VERIFY_WITH_TIMEOUT(renamed.isFinished(), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(1).has_value()
            && gallery()->recordAt(1)->name == QStringLiteral("yankee"),
        kLivenessMs);
    QCOMPARE(moved.count(), 2);
    QCOMPARE(m_window->viewer()->currentRow(), 1);
    QCOMPARE(m_window->viewer()->currentRecord()->name, QStringLiteral("yankee"));
}

void TestUiGallery::thumbnailSizeSlider()
{
    addSamples({ { QStringLiteral("one"), Qt::red } });
    QSlider *slider = m_window->statusBar()->findChild<QSlider *>();
    QVERIFY(slider);
    QCOMPARE(slider->minimum(), 64);
    QCOMPARE(slider->maximum(), 256);
    slider->setValue(240);
    QCOMPARE(m_window->galleryView()->thumbnailSize(), 240);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->galleryView()->visualRect(gallery()->index(0)).width() >= 240, kLivenessMs);
    slider->setValue(64);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->galleryView()->visualRect(gallery()->index(0)).width() < 120, kLivenessMs);
}

// Ctrl+=, Ctrl++ and Ctrl+- over the grid step the thumbnails, as the
// slider does, and the slider follows.
void TestUiGallery::zoomShortcuts()
{
    addSamples({ { QStringLiteral("one"), Qt::red } });
    ui::GalleryView *view = m_window->galleryView();
    QSlider *slider = m_window->statusBar()->findChild<QSlider *>();
    QVERIFY(slider);
    view->setThumbnailSize(128);
    view->setFocus();
    QTRY_VERIFY_WITH_TIMEOUT(view->hasFocus(), kLivenessMs);
    QTest::keyClick(view, Qt::Key_Equal, Qt::ControlModifier);
    QCOMPARE(view->thumbnailSize(), 128 + ui::ThumbnailSizeControl::kStep);
    QTest::keyClick(view, Qt::Key_Plus, Qt::ControlModifier);
    QCOMPARE(view->thumbnailSize(), 128 + 2 * ui::ThumbnailSizeControl::kStep);
    QCOMPARE(slider->value(), view->thumbnailSize());
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(view, Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(view->thumbnailSize(), 128);
    QCOMPARE(slider->value(), 128);
}

// When the originals cannot be written for a drag out (here: no temp
// folder: TMPDIR names a file, which fails even for root), the window says
// why instead of handing out missing files.
void TestUiGallery::dragOutFailureShown()
{
    const QString notAFolder = m_files->filePath(QStringLiteral("not-a-folder"));
    QVERIFY(uitest::writeFile(notAFolder, QByteArray("a file")));
    const QByteArray oldTmp = qgetenv("TMPDIR");
    // Back as it was even when a check below fails: later tests need it.
    const auto restore = qScopeGuard([oldTmp] {
        if (oldTmp.isNull())
            qunsetenv("TMPDIR");
        else
            qputenv("TMPDIR", oldTmp);
    });
    // Before any image is there: on a loaded machine the view can make its
    // own first selection while the add is waited for, and the folder for
    // dragging out would already be made in the real temporary folder.
    qputenv("TMPDIR", QFile::encodeName(notAFolder));
    // Every message, not the current one: the news of the add can come
    // after the failure and replace it. Heard from before the add: the
    // failure is said once, and the view's own first selection can say it
    // while the add is waited for.
    QSignalSpy messages(m_window->statusBar(), &QStatusBar::messageChanged);
    addSamples({ { QStringLiteral("one"), Qt::red } });
    m_window->galleryView()->selectionModel()->clear();
    m_window->galleryView()->selectionModel()->setCurrentIndex(
        gallery()->index(0), QItemSelectionModel::ClearAndSelect);
    const auto failureShown = [&messages] {
        for (const QList<QVariant> &args : messages)
            if (args.value(0).toString().startsWith(
                    QStringLiteral("Cannot prepare images for dragging out")))
                return true;
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(failureShown(), kLivenessMs);
}

// Esc takes back the search first, then the selection, from the grid or
// from the search field.
void TestUiGallery::escapeClearsSearchThenSelection()
{
    addSamples({ { QStringLiteral("cat-one"), Qt::red }, { QStringLiteral("cat-two"), Qt::green },
        { QStringLiteral("dog"), Qt::blue } });
    ui::GalleryView *view = m_window->galleryView();
    QLineEdit *search = m_window->browseBar()->searchField();
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("cat"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    view->setFocus();
    view->selectAll();
    QCOMPARE(view->selectedCount(), qint64(2));

    QTest::keyClick(view, Qt::Key_Escape);
    QVERIFY(search->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kLivenessMs);
    view->selectAll();
    QCOMPARE(view->selectedCount(), qint64(3));
    QTest::keyClick(view, Qt::Key_Escape);
    QCOMPARE(view->selectedCount(), qint64(0));

    // The same from the search field.
    search->setFocus();
    QTest::keyClicks(search, QStringLiteral("dog"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kLivenessMs);
    QTest::keyClick(search, Qt::Key_Escape);
    QVERIFY(search->text().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kLivenessMs);
    view->selectAll();
    QTest::keyClick(search, Qt::Key_Escape);
    QCOMPARE(view->selectedCount(), qint64(0));
}

void TestUiGallery::viewerShowsTheRightPixels()
{
    addSamples({ { QStringLiteral("red"), QColor(255, 0, 0) },
        { QStringLiteral("blue"), QColor(0, 0, 255) } });
    const int row = rowOfName(QStringLiteral("red"));
    QVERIFY(row >= 0);
    ui::GalleryView *view = m_window->galleryView();
    const QModelIndex index = gallery()->index(row);
    view->setFocus();
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_Return);
    QVERIFY(m_window->isViewerOpen());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isShowingImage(), kLivenessMs);
    QCOMPARE(m_window->viewer()->canvas()->image().size(), QSize(64, 48));
    QCOMPARE(centrePixel(), QColor(255, 0, 0));
    QCOMPARE(
        m_window->viewer()->infoPanel()->findChildren<QLabel *>().first()->text().isEmpty(), false);

    // Escape goes back to the grid, on the image that was shown.
    QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_Escape);
    QVERIFY(!m_window->isViewerOpen());
    QCOMPARE(view->currentIndex().row(), row);

    // Double-click opens too.
    const QModelIndex other = gallery()->index(rowOfName(QStringLiteral("blue")));
    uitest::doubleClick(view->viewport(), view->visualRect(other).center());
    QVERIFY(m_window->isViewerOpen());
    QTRY_COMPARE_WITH_TIMEOUT(centrePixel(), QColor(0, 0, 255), kLivenessMs);
}

void TestUiGallery::viewerNavigationAndZoom()
{
    addSamples({ { QStringLiteral("n1"), QColor(200, 0, 0) },
        { QStringLiteral("n2"), QColor(0, 200, 0) }, { QStringLiteral("n3"), QColor(0, 0, 200) } });
    m_window->openViewer(0);
    ui::ImageViewer *viewer = m_window->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    QWidget *focus = viewer->canvas();
    QTest::keyClick(focus, Qt::Key_Right);
    QCOMPARE(viewer->currentRow(), 1);
    QTest::keyClick(focus, Qt::Key_PageDown);
    QCOMPARE(viewer->currentRow(), 2);
    QTest::keyClick(focus, Qt::Key_Right); // stays on the last one
    QCOMPARE(viewer->currentRow(), 2);
    QTest::keyClick(focus, Qt::Key_PageUp);
    QTest::keyClick(focus, Qt::Key_Left);
    QCOMPARE(viewer->currentRow(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    const QHash<QString, QColor> colours { { QStringLiteral("n1"), QColor(200, 0, 0) },
        { QStringLiteral("n2"), QColor(0, 200, 0) }, { QStringLiteral("n3"), QColor(0, 0, 200) } };
    QCOMPARE(centrePixel(), colours.value(gallery()->recordAt(0)->name));

    ui::ImageCanvas *canvas = viewer->canvas();
    QVERIFY(canvas->isFit());
    QTest::keyClick(focus, Qt::Key_Plus);
    QVERIFY(!canvas->isFit());
    QVERIFY(canvas->scale() > 1.0);
    QTest::keyClick(focus, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(canvas->scale(), 1.0);
    QTest::keyClick(focus, Qt::Key_Minus);
    QVERIFY(canvas->scale() < 1.0);
    QTest::keyClick(focus, Qt::Key_0, Qt::ControlModifier);
    QVERIFY(canvas->isFit());
    QWheelEvent wheel(QPointF(20, 20), canvas->viewport()->mapToGlobal(QPointF(20, 20)), {},
        QPoint(0, 240), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(canvas->viewport(), &wheel);
    QVERIFY(canvas->scale() > 1.4);
}

void TestUiGallery::viewerDropsStaleLoads()
{
    QList<Sample> samples;
    for (int i = 0; i < 6; ++i)
        samples.append({ QStringLiteral("s%1").arg(i), QColor::fromHsv(i * 50, 255, 255) });
    addSamples(samples);
    // Every row's record read (the model pages them in lazily), so that
    // paging stops at the rows, not at what has been read.
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(5).has_value(), kLivenessMs);
    m_window->openViewer(0);
    // Pages through faster than images load: only the last one may show.
    for (int i = 0; i < 5; ++i)
        QTest::keyClick(m_window->viewer()->canvas(), Qt::Key_Right);
    QCOMPARE(m_window->viewer()->currentRow(), 5);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->viewer()->isShowingImage(), kLivenessMs);
    const QString name = gallery()->recordAt(5)->name;
    const QColor expected = QColor::fromHsv(name.mid(1).toInt() * 50, 255, 255).toRgb();
    QCOMPARE(centrePixel().rgb(), expected.rgb());
    // Later answers for the earlier rows would change it; none do.
    QTest::qWait(50);
    QCOMPARE(centrePixel().rgb(), expected.rgb());
}

namespace {

// A two-frame AVIF sequence (red, then blue) made by Debian's avifenc.
QByteArray redBlueSequence(const QString &dir)
{
    const QString red = dir + QStringLiteral("/r.png");
    const QString blue = dir + QStringLiteral("/b.png");
    const QString out = dir + QStringLiteral("/seq.avif");
    uitest::writeFile(red, ImageFactory::solidPng(QColor(220, 30, 30), 64, 48));
    uitest::writeFile(blue, ImageFactory::solidPng(QColor(30, 40, 210), 64, 48));
    QProcess p;
    p.start(QStringLiteral("avifenc"),
        { QStringLiteral("-l"), QStringLiteral("-s"), QStringLiteral("8"),
            QStringLiteral("--duration"), QStringLiteral("6"), red, blue, out });
    if (!p.waitForFinished(60'000) || p.exitCode() != 0)
        return {};
    QFile f(out);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void putLe16(QByteArray &b, quint16 v)
{
    b.append(char(v & 0xff)).append(char(v >> 8));
}
void putLe32(QByteArray &b, quint32 v)
{
    putLe16(b, quint16(v & 0xffff));
    putLe16(b, quint16(v >> 16));
}

// A JPEG with the EXIF block a camera writes: make, model, date taken,
// exposure time and f-number (little-endian TIFF, two IFDs).
QByteArray jpegWithExif(const QImage &picture)
{
    struct Entry {
        quint16 tag, type;
        quint32 count;
        QByteArray data; ///< inline when 4 bytes or fewer
    };
    auto ascii = [](quint16 tag, const char *text) {
        QByteArray d(text);
        d.append('\0');
        return Entry { tag, 2, quint32(d.size()), d };
    };
    auto rational = [](quint16 tag, quint32 num, quint32 den) {
        QByteArray d;
        putLe32(d, num);
        putLe32(d, den);
        return Entry { tag, 5, 1, d };
    };
    // Lays out an IFD at @p at: entries, next-IFD 0, then the out-of-line data.
    auto ifd = [](const QList<Entry> &entries, quint32 at) {
        QByteArray head, tail;
        putLe16(head, quint16(entries.size()));
        const quint32 dataAt = at + 2 + 12 * quint32(entries.size()) + 4;
        for (const Entry &e : entries) {
            putLe16(head, e.tag);
            putLe16(head, e.type);
            putLe32(head, e.count);
            if (e.data.size() <= 4) {
                head.append(e.data.leftJustified(4, '\0'));
            } else {
                putLe32(head, dataAt + quint32(tail.size()));
                tail.append(e.data);
                if (tail.size() % 2)
                    tail.append('\0');
            }
        }
        putLe32(head, 0);
        return head + tail;
    };
    const QList<Entry> exifEntries { rational(0x829a, 1, 250), rational(0x829d, 56, 10),
        ascii(0x9003, "2024:06:01 14:03:22") };
    // IFD0 first with a placeholder for the Exif IFD's offset.
    QList<Entry> ifd0 { ascii(0x010f, "Canon"), ascii(0x0110, "Canon EOS R5"),
        Entry { 0x8769, 4, 1, QByteArray(4, '\0') } };
    QByteArray first = ifd(ifd0, 8);
    const quint32 exifAt = 8 + quint32(first.size());
    QByteArray pointer;
    putLe32(pointer, exifAt);
    ifd0[2].data = pointer;
    first = ifd(ifd0, 8);
    QByteArray tiff("II*\0", 4);
    putLe32(tiff, 8);
    tiff += first + ifd(exifEntries, exifAt);
    const QByteArray app1 = QByteArrayLiteral("Exif\0\0") + tiff;

    QByteArray jpeg = ImageFactory::encode(picture, "jpeg", 90);
    QByteArray marker = QByteArray::fromHex("ffe1");
    const int length = int(app1.size()) + 2;
    marker.append(char(length >> 8)).append(char(length & 0xff));
    jpeg.insert(2, marker + app1);
    return jpeg;
}

} // namespace

void TestUiGallery::viewerPlaysAnimations()
{
    const QByteArray avif = redBlueSequence(m_files->path());
    QVERIFY2(!avif.isEmpty(), "avifenc (libavif-bin) could not make the sequence");
    addFile(QStringLiteral("blink.avif"), avif);
    m_window->openViewer(0);
    ui::ImageViewer *viewer = m_window->viewer();
    QTRY_COMPARE_WITH_TIMEOUT(viewer->frameCount(), 2, kLivenessMs);
    QVERIFY2(gallery()->index(0).data(GalleryModel::AnimatedRole).toBool(),
        "the thumbnail would carry no animation badge");
    QVERIFY(viewer->isPlaying());
    // It plays: both frames come round by themselves.
    QTRY_COMPARE_WITH_TIMEOUT(viewer->currentFrame(), 1, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(viewer->currentFrame(), 0, kLivenessMs);
    // The button offers what a click does: after frames by themselves it
    // still says pause (it read "Play" from the first frame on).
    auto *play = viewer->findChild<QToolButton *>(QStringLiteral("playButton"));
    QVERIFY(play && play->isVisible());
    QVERIFY(viewer->isPlaying());
    QVERIFY2(play->toolTip().startsWith(QLatin1String("Pause")), qPrintable(play->toolTip()));

    QWidget *focus = viewer->canvas();
    QTest::keyClick(focus, Qt::Key_P);
    QVERIFY(!viewer->isPlaying());
    QVERIFY2(play->toolTip().startsWith(QLatin1String("Play")), qPrintable(play->toolTip()));
    const int paused = viewer->currentFrame();
    QTest::qWait(300); // several frame delays: nothing moves while paused
    QCOMPARE(viewer->currentFrame(), paused);

    QTest::keyClick(focus, Qt::Key_Period);
    QCOMPARE(viewer->currentFrame(), (paused + 1) % 2);
    const QColor expected = viewer->currentFrame() == 0 ? QColor(220, 30, 30) : QColor(30, 40, 210);
    QTRY_VERIFY_WITH_TIMEOUT(qAbs(centrePixel().red() - expected.red()) <= 8
            && qAbs(centrePixel().blue() - expected.blue()) <= 8,
        kLivenessMs);
    QTest::keyClick(focus, Qt::Key_Comma);
    QCOMPARE(viewer->currentFrame(), paused);
    QVERIFY(!viewer->isPlaying());
    QTest::keyClick(focus, Qt::Key_P);
    QVERIFY(viewer->isPlaying());
}

// The window fits an 800-pixel screen in every language it speaks, with
// the Tags sidebar open and after the viewer showed an animation (whose
// controls, in German, made it 860 wide for good); each count agrees
// with its own words ("1 sélectionnée sur 1 affichée").
void TestUiGallery::windowFitsIn800InEveryLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("oneOfOne");
    QTest::newRow("de") << QStringLiteral("de")
                        << QStringLiteral("1 ausgewählt von 1 angezeigten  ·");
    QTest::newRow("fr") << QStringLiteral("fr")
                        << QStringLiteral("1 sélectionnée sur 1 affichée  ·");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("1 selected of 1 shown  ·");
}

void TestUiGallery::windowFitsIn800InEveryLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, oneOfOne);
    const QByteArray avif = redBlueSequence(m_files->path());
    QVERIFY2(!avif.isEmpty(), "avifenc (libavif-bin) could not make the sequence");
    addFile(QStringLiteral("blink.avif"), avif);
    m_tester.reset();
    m_window.reset();
    QCOMPARE(ui::installTranslators(*QCoreApplication::instance(), language), language);
    const auto english = qScopeGuard(
        [] { ui::installTranslators(*QCoreApplication::instance(), QStringLiteral("en")); });
    m_window = uitest::openWindow(m_library->path(), false);
    m_window->resize(800, 600);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kLivenessMs);
    m_window->tagDock()->show();
    m_window->openViewer(0);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->viewer()->frameCount(), 2, kLivenessMs);
    QTest::qWait(50); // layouts settle
    const auto fits = [this] {
        return QStringLiteral("minimum %1, width %2")
            .arg(m_window->minimumSizeHint().width())
            .arg(m_window->width());
    };
    QVERIFY2(
        m_window->minimumSizeHint().width() <= 800 && m_window->width() <= 800, qPrintable(fits()));
    m_window->closeViewer();
    QTest::qWait(50);
    m_window->resize(800, 600);
    QTRY_VERIFY2_WITH_TIMEOUT(m_window->width() <= 800, qPrintable(fits()), kLivenessMs);

    m_window->galleryView()->selectAll();
    const auto *selectionCount = m_window->findChild<QLabel *>(QStringLiteral("selectionCount"));
    QVERIFY(selectionCount);
    QTRY_COMPARE(selectionCount->text(), oneOfOne);
}

void TestUiGallery::viewerFullScreenAndSlideshow()
{
    addSamples({ { QStringLiteral("f1"), QColor(200, 0, 0) },
        { QStringLiteral("f2"), QColor(0, 200, 0) }, { QStringLiteral("f3"), QColor(0, 0, 200) } });
    m_window->openViewer(0);
    ui::ImageViewer *viewer = m_window->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    QWidget *focus = viewer->canvas();

    QVERIFY(m_window->menuBar()->isVisible());
    m_window->tagDock()->show();
    m_window->queueDock()->hide();
    QTest::keyClick(focus, Qt::Key_F11);
    QVERIFY(viewer->isFullScreen());
    QVERIFY(!viewer->infoPanel()->isVisible());
    // Only the picture: the window's bars and docks go too.
    QVERIFY(!m_window->menuBar()->isVisible());
    QVERIFY(!m_window->statusBar()->isVisible());
    QVERIFY(!m_window->tagDock()->isVisible());
    // Esc leaves full screen first, and only then the viewer.
    QTest::keyClick(focus, Qt::Key_Escape);
    QVERIFY(!viewer->isFullScreen());
    QVERIFY(viewer->isVisible());
    QVERIFY(viewer->infoPanel()->isVisible());
    QVERIFY(m_window->menuBar()->isVisible());
    QVERIFY(m_window->statusBar()->isVisible());
    // What was shown comes back; what was hidden stays so.
    QVERIFY(m_window->tagDock()->isVisible());
    QVERIFY(!m_window->queueDock()->isVisible());
    uitest::doubleClick(
        viewer->canvas()->viewport(), viewer->canvas()->viewport()->rect().center());
    QVERIFY(viewer->isFullScreen());
    QTest::keyClick(focus, Qt::Key_F11);
    QVERIFY(!viewer->isFullScreen());

    QSettings().setValue(QStringLiteral("Viewer/slideshowSeconds"), 1);
    QTest::keyClick(focus, Qt::Key_S);
    QVERIFY(viewer->isSlideshowRunning());
    QTRY_COMPARE_WITH_TIMEOUT(viewer->currentRow(), 1, kLivenessMs);
    // Any input takes over from the slideshow.
    QTest::mouseClick(viewer->canvas()->viewport(), Qt::LeftButton);
    QVERIFY(!viewer->isSlideshowRunning());
    QTest::qWait(1500);
    QCOMPARE(viewer->currentRow(), 1);
    // Running to the end stops it there.
    QTest::keyClick(focus, Qt::Key_S);
    QTRY_COMPARE_WITH_TIMEOUT(viewer->currentRow(), 2, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(!viewer->isSlideshowRunning(), kLivenessMs);
}

void TestUiGallery::viewerActualSizeAndFitWidthStartAtTheTop()
{
    // Tall and wider than the viewer: a page of a comic, a long screenshot.
    addFile(QStringLiteral("tall.png"),
        ImageFactory::encode(ImageFactory::picture(1600, 4000, 9), "png"));
    m_window->openViewer(0);
    ui::ImageViewer *viewer = m_window->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    ui::ImageCanvas *canvas = viewer->canvas();
    QWidget *focus = canvas;
    QTest::keyClick(focus, Qt::Key_1, Qt::ControlModifier);
    QCOMPARE(canvas->scale(), 1.0);
    QCOMPARE(canvas->verticalScrollBar()->value(), 0);
    QVERIFY(canvas->verticalScrollBar()->maximum() > 0);

    QTest::keyClick(focus, Qt::Key_0, Qt::ControlModifier);
    QTest::keyClick(focus, Qt::Key_W);
    QVERIFY(!canvas->isFit());
    QCOMPARE(qRound(canvas->scale() * 1600), canvas->viewport()->width());
    QCOMPARE(canvas->verticalScrollBar()->value(), 0);
    QCOMPARE(canvas->horizontalScrollBar()->maximum(), 0);
}

void TestUiGallery::viewerRotatesForDisplayOnly()
{
    addFile(QStringLiteral("wide.png"),
        ImageFactory::encode(ImageFactory::picture(300, 100, 5), "png"));
    m_window->openViewer(0);
    ui::ImageViewer *viewer = m_window->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    QTest::keyClick(viewer->canvas(), Qt::Key_R);
    QTRY_COMPARE_WITH_TIMEOUT(viewer->canvas()->image().size(), QSize(100, 300), kLivenessMs);
    QTest::keyClick(viewer->canvas(), Qt::Key_R, Qt::ShiftModifier);
    QTRY_COMPARE_WITH_TIMEOUT(viewer->canvas()->image().size(), QSize(300, 100), kLivenessMs);
    // The library keeps the original as it was.
    QCOMPARE(gallery()->recordAt(0)->width, 300);
}

// The screen's own pixels, whatever its scale (ctest runs these two again
// on a 2x screen: tst_uigallery_2x). The viewer's 100 % is one image pixel
// on one device pixel, and a picture fitted to the window is as sharp as
// the screen: its smooth copy is made at device size, not made at the
// view's logical size and stretched.
void TestUiGallery::viewerDrawsInDevicePixels()
{
    ui::ImageCanvas canvas;
    canvas.resize(400, 300);
    canvas.show();
    QVERIFY(QTest::qWaitForWindowExposed(&canvas));
    const qreal dpr = canvas.viewport()->devicePixelRatioF();
    if (qEnvironmentVariableIsSet("QT_SCALE_FACTOR"))
        QCOMPARE(dpr, qEnvironmentVariable("QT_SCALE_FACTOR").toDouble());
    // Columns 4 pixels wide, black and white; the view's own shape.
    QImage image(1600, 1200, QImage::Format_RGB32);
    for (int x = 0; x < image.width(); ++x) {
        const QRgb colour = (x / 4) % 2 ? qRgb(255, 255, 255) : qRgb(0, 0, 0);
        for (int y = 0; y < image.height(); ++y)
            image.setPixel(x, y, colour);
    }
    canvas.setImage(image);
    QVERIFY(canvas.isFit());
    QCOMPARE(canvas.scale(), 0.25 * dpr);

    const auto shot = [&] { return canvas.viewport()->grab().toImage(); };
    QCOMPARE(shot().size(), (QSizeF(400, 300) * dpr).toSize());
    // Fitted: what the screen shows is the picture scaled to the view's
    // device pixels, once the smooth copy is there.
    const QImage expected = image.scaled(
        (QSizeF(400, 300) * dpr).toSize(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    const auto difference = [&] {
        const QImage seen = shot().convertToFormat(QImage::Format_RGB32);
        if (seen.size() != expected.size())
            return 255.0;
        const int y = seen.height() / 2;
        double sum = 0;
        for (int x = 0; x < seen.width(); ++x)
            sum += std::abs(qGray(seen.pixel(x, y)) - qGray(expected.pixel(x, y)));
        return sum / seen.width();
    };
    QTRY_VERIFY2_WITH_TIMEOUT(difference() < 4.0,
        qPrintable(QStringLiteral("mean difference %1 per pixel").arg(difference())), kLivenessMs);

    // 100 %: each column of the picture is 4 device pixels wide.
    canvas.zoomToActual();
    QCOMPARE(canvas.scale(), 1.0);
    const QImage actual = shot();
    const int y = actual.height() / 2;
    int x = 0;
    while (x + 1 < actual.width() && qGray(actual.pixel(x, y)) == qGray(actual.pixel(x + 1, y)))
        ++x;
    ++x; // the first pixel of a whole column
    for (int column = 0; column < 8; ++column) {
        const int grey = qGray(actual.pixel(x, y));
        QVERIFY(grey == 0 || grey == 255);
        for (int i = 1; i < 4; ++i)
            QCOMPARE(qGray(actual.pixel(x + i, y)), grey);
        QCOMPARE(qGray(actual.pixel(x + 4, y)), 255 - grey);
        x += 4;
    }
}

// A photo's thumbnail fills its cell in the screen's own pixels: on a 2x
// screen a cell of 160 is 320 device pixels, scaled up from the 256 stored
// rather than drawn at 128 in it; a picture smaller than the cell keeps
// its own size on the screen.
void TestUiGallery::thumbnailsFillTheirCellsOnAnyScreen()
{
    addFile(QStringLiteral("wide.png"),
        ImageFactory::encode(ImageFactory::picture(1200, 800, 5), "png"));
    addFile(
        QStringLiteral("small.png"), ImageFactory::encode(ImageFactory::picture(60, 40, 6), "png"));
    ui::GalleryView *view = m_window->galleryView();
    const qreal dpr = view->viewport()->devicePixelRatioF();
    if (qEnvironmentVariableIsSet("QT_SCALE_FACTOR"))
        QCOMPARE(dpr, qEnvironmentVariable("QT_SCALE_FACTOR").toDouble());
    const auto width = [&](const QString &name) {
        const int row = rowOfName(name);
        return row < 0
            ? -1
            : gallery()->index(row).data(GalleryModel::ThumbnailRole).value<QImage>().width();
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        width(QStringLiteral("wide")), qRound(view->thumbnailSize() * dpr), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(width(QStringLiteral("small")), qRound(60 * dpr), kLivenessMs);
    // The slider's top: 256, 512 device pixels on a 2x screen.
    view->setThumbnailSize(ui::GalleryDelegate::kMaxThumbnail);
    QTRY_COMPARE_WITH_TIMEOUT(width(QStringLiteral("wide")),
        qRound(ui::GalleryDelegate::kMaxThumbnail * dpr), kLivenessMs);

    // The Trash window's icons: 48 pixels on the screen, in its pixels.
    const qint64 key = gallery()->recordAt(rowOfName(QStringLiteral("wide")))->key;
    auto trashed = m_window->session()->writer()->moveToTrash({ key });
    trashed.waitForFinished();
    QCOMPARE(*trashed.result(), 1);
    ui::TrashDialog *trash = m_window->showTrash();
    QAbstractItemModel *list = trash->view()->model();
    const auto icon = [list] {
        return list->rowCount() == 1
            ? list->index(0, TrashModel::NameColumn).data(Qt::DecorationRole).value<QImage>()
            : QImage();
    };
    QTRY_VERIFY_WITH_TIMEOUT(!icon().isNull(), kLivenessMs);
    QCOMPARE(icon().width(), qRound(48 * dpr));
    QCOMPARE(icon().devicePixelRatio(), dpr);
    trash->close();
}

// A 200-character name and a 500-character source made the window wider
// than the screen, and its minimum width stayed so back in the gallery.
void TestUiGallery::longNameAndLinkKeepTheWindowWidth()
{
    // A source link of over 500 characters without a space: a file deep
    // in folders with long names.
    QString dir = m_files->path();
    for (int i = 0; i < 3; ++i) {
        dir += QLatin1Char('/') + QString(170, QLatin1Char('a' + i));
        QVERIFY(QDir().mkpath(dir));
    }
    const QString path = dir + QStringLiteral("/deep.png");
    QVERIFY(path.size() > 500);
    QVERIFY(uitest::writeFile(path, ImageFactory::solidPng(Qt::red)));
    m_window->ingest({ path });
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(0).has_value(), kLivenessMs);
    QString name;
    // As long as a name may be (200 characters; a 50-character one already
    // widened the window).
    while (name.size() < 200)
        name += QStringLiteral("An extremely long image name that keeps going ");
    name.truncate(199);
    name += QLatin1Char('!'); // no trailing space, which a rename trims
    QVERIFY(m_window->session()->writer()->rename({ gallery()->recordAt(0)->key }, name).result());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->recordAt(0)->name, name, kLivenessMs);
    QVERIFY(gallery()->recordAt(0)->sources.value(0).size() > 500);

    const int width = m_window->width();
    m_window->openViewer(0);
    ui::ImageViewer *viewer = m_window->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    QCoreApplication::processEvents();
    QCOMPARE(m_window->width(), width);
    QVERIFY2(m_window->minimumSizeHint().width() < 900,
        qPrintable(QString::number(m_window->minimumSizeHint().width())));
    QVERIFY(viewer->infoPanel()->minimumSizeHint().width() < 400);
    // The title is cut, the whole name in its tooltip.
    auto *title = viewer->findChild<QLabel *>(QStringLiteral("viewerTitle"));
    QVERIFY(title);
    QVERIFY(title->text().endsWith(QStringLiteral("…")));
    QVERIFY(title->toolTip().startsWith(name));
    QVERIFY(title->width() < width);
    m_window->closeViewer();
    QCoreApplication::processEvents();
    QCOMPARE(m_window->width(), width);
    QVERIFY(m_window->minimumSizeHint().width() < 900);
}

void TestUiGallery::infoPanelShowsCameraFacts()
{
    addFile(QStringLiteral("camera.jpg"), jpegWithExif(ImageFactory::picture(120, 90, 3)));
    addSamples({ { QStringLiteral("plain"), QColor(10, 120, 10) } });
    const int cameraRow = rowOfName(QStringLiteral("camera"));
    m_window->openViewer(cameraRow);
    ui::ImageViewer *viewer = m_window->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    ui::ImageInfoPanel *info = viewer->infoPanel();
    QTRY_COMPARE_WITH_TIMEOUT(info->cameraText(), QStringLiteral("Canon EOS R5"), kLivenessMs);
    QList<QLabel *> labels = info->findChildren<QLabel *>();
    auto shows = [&](const QString &needle) {
        for (QLabel *l : labels)
            if (l->isVisibleTo(info) && l->text().contains(needle))
                return true;
        return false;
    };
    QVERIFY(shows(QStringLiteral("2024:06:01 14:03:22")));
    QVERIFY2(shows(QStringLiteral("1/250")), "exposure time");
    QVERIFY2(shows(QStringLiteral("f/5.6")), "f-number");
    // An image without EXIF shows no camera rows.
    m_window->viewer()->showRow(rowOfName(QStringLiteral("plain")));
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(info->cameraText().isEmpty(), kLivenessMs);
    QVERIFY(!shows(QStringLiteral("1/250")));
}

// A note given with an image (Eagle's annotation) has a row in the info
// panel; an image without one shows no empty row.
void TestUiGallery::infoPanelShowsTheNoteOnlyWhenThereIsOne()
{
    ui::ImageInfoPanel panel;
    panel.show();
    auto shown = [&panel](const QString &text) {
        const auto labels = panel.findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(),
            [&](const QLabel *l) { return l->isVisible() && l->text() == text; });
    };
    ImageRecord record;
    record.key = 1;
    record.name = QStringLiteral("harbour");
    record.annotation = QStringLiteral("seen on a forum");
    panel.setRecord(record);
    QVERIFY(shown(QStringLiteral("seen on a forum")));
    QVERIFY(shown(ui::ImageInfoPanel::tr("Note")));
    record.annotation.clear();
    panel.setRecord(record);
    QVERIFY(!shown(ui::ImageInfoPanel::tr("Note")));
    QVERIFY(shown(QStringLiteral("harbour")));
}

void TestUiGallery::editTagsOfMany()
{
    addSamples({ { QStringLiteral("t1"), Qt::red }, { QStringLiteral("t2"), Qt::green } },
        { QStringLiteral("old") });
    ui::GalleryView *view = m_window->galleryView();
    view->setFocus();
    view->selectAll();
    QCOMPARE(view->selectedRecords().size(), 2);
    m_window->findChild<ui::ImageActions *>()->editAction()->trigger();
    auto *dialog = m_window->findChild<ui::TagEditDialog *>();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->isVisible(), kLivenessMs);
    QVERIFY(!dialog->nameField()->isEnabled());
    dialog->tagsField()->setText(QStringLiteral("new, shiny"));
    dialog->removeField()->setText(QStringLiteral("old"));
    dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    auto tagsOf = [this](int row) {
        QStringList t = gallery()->index(row).data(GalleryModel::TagsRole).toStringList();
        t.sort();
        return t;
    };
    const QStringList expected { QStringLiteral("new"), QStringLiteral("shiny") };
    QTRY_COMPARE_WITH_TIMEOUT(tagsOf(0), expected, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(tagsOf(1), expected, kLivenessMs);
}

void TestUiGallery::renameOne()
{
    addSamples({ { QStringLiteral("before"), Qt::red } });
    m_window->galleryView()->setCurrentIndex(gallery()->index(0));
    m_window->findChild<ui::ImageActions *>()->editAction()->trigger();
    auto *dialog = m_window->findChild<ui::TagEditDialog *>();
    QVERIFY(dialog);
    QCOMPARE(dialog->nameField()->text(), QStringLiteral("before"));
    // A blank name cannot be confirmed (it would be dropped silently).
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(buttons);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    QVERIFY(ok->isEnabled());
    dialog->nameField()->setText(QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    dialog->nameField()->setText(QStringLiteral("after"));
    QVERIFY(ok->isEnabled());
    dialog->tagsField()->setText(QStringLiteral("x"));
    dialog->accept();
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("after"), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->index(0).data(GalleryModel::TagsRole).toStringList(),
        QStringList { QStringLiteral("x") }, kLivenessMs);
}

void TestUiGallery::ratingKeysAndUndo()
{
    addSamples({ { QStringLiteral("r1"), Qt::red }, { QStringLiteral("r2"), Qt::green },
        { QStringLiteral("r3"), Qt::blue } });
    ui::GalleryView *view = m_window->galleryView();
    view->setFocus();
    view->setCurrentIndex(gallery()->index(0));
    view->selectionModel()->select(gallery()->index(1), QItemSelectionModel::Select);
    QCOMPARE(view->selectedRecords().size(), 2);
    const auto rating
        = [this](int row) { return gallery()->index(row).data(GalleryModel::RatingRole).toInt(); };
    const auto favourite = [this](int row) {
        return gallery()->index(row).data(GalleryModel::FavouriteRole).toBool();
    };
    QCOMPARE(rating(0), 0);
    QVERIFY(!favourite(0));
    QSignalSpy resets(gallery(), &QAbstractItemModel::modelReset);
    QSignalSpy changed(gallery(), &QAbstractItemModel::dataChanged);

    // A key rates the whole selection, and nothing else.
    QTest::keyClick(view, Qt::Key_4);
    QTRY_COMPARE_WITH_TIMEOUT(rating(0), 4, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(rating(1), 4, kLivenessMs);
    QCOMPARE(rating(2), 0);
    QCOMPARE(gallery()->recordAt(0)->rating, 4);
    auto *marks = m_window->findChild<ui::ImageActions *>()->markActions();
    QTRY_VERIFY_WITH_TIMEOUT(marks->ratingAction(4)->isChecked(), kLivenessMs);

    // Ctrl+Z gives each image the rating it had; redo rates again.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->undoStack()->canUndo(), kLivenessMs);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(rating(0), 0, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(rating(1), 0, kLivenessMs);
    m_window->undoStack()->redo();
    QTRY_COMPARE_WITH_TIMEOUT(rating(1), 4, kLivenessMs);

    // A different rating on one image, then 0 clears; undo puts back 4
    // there and 2 on the other: each its own.
    view->selectionModel()->clearSelection();
    view->setCurrentIndex(gallery()->index(1));
    QTest::keyClick(view, Qt::Key_2);
    QTRY_COMPARE_WITH_TIMEOUT(rating(1), 2, kLivenessMs);
    view->setCurrentIndex(gallery()->index(0));
    view->selectionModel()->select(gallery()->index(1), QItemSelectionModel::Select);
    QTest::keyClick(view, Qt::Key_0);
    QTRY_COMPARE_WITH_TIMEOUT(rating(0), 0, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(rating(1), 0, kLivenessMs);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(rating(0), 4, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(rating(1), 2, kLivenessMs);

    // F marks the selection as favourites; again takes the mark off.
    QTest::keyClick(view, Qt::Key_F);
    QTRY_VERIFY_WITH_TIMEOUT(favourite(0) && favourite(1), kLivenessMs);
    QVERIFY(!favourite(2));
    QTRY_VERIFY_WITH_TIMEOUT(marks->favouriteAction()->isChecked(), kLivenessMs);
    QTest::keyClick(view, Qt::Key_F);
    QTRY_VERIFY_WITH_TIMEOUT(!favourite(0) && !favourite(1), kLivenessMs);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(favourite(0) && favourite(1), kLivenessMs);
    // Rows changed in place: never a reset.
    QVERIFY(changed.size() > 0);
    QCOMPARE(resets.size(), 0);
    // The Image menu has them too.
    QMenu *image = nullptr;
    for (QAction *a : m_window->menuBar()->actions()) {
        if (a->text().remove(QLatin1Char('&')) == QLatin1String("Image"))
            image = a->menu();
    }
    QVERIFY(image);
    QVERIFY(image->actions().contains(marks->favouriteAction()));
}

void TestUiGallery::favouriteAndRatingInTheViewer()
{
    addSamples({ { QStringLiteral("v1"), Qt::red }, { QStringLiteral("v2"), Qt::green } });
    m_window->openViewer(0);
    ui::ImageViewer *viewer = m_window->viewer();
    QTRY_VERIFY_WITH_TIMEOUT(viewer->isShowingImage(), kLivenessMs);
    QWidget *focus = viewer->canvas();
    QTest::keyClick(focus, Qt::Key_5);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data(GalleryModel::RatingRole).toInt(), 5, kLivenessMs);
    QCOMPARE(gallery()->index(1).data(GalleryModel::RatingRole).toInt(), 0);
    QTest::keyClick(focus, Qt::Key_F);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery()->index(0).data(GalleryModel::FavouriteRole).toBool(), kLivenessMs);
    // F is no longer full screen; the info panel follows the change.
    QVERIFY(!viewer->isFullScreen());
    bool shown = false;
    const QString expected = ui::ImageInfoPanel::ratingText(5, true);
    QVERIFY(expected.contains(QString(5, QChar(0x2605))));
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            shown = false;
            for (auto *label : viewer->infoPanel()->findChildren<QLabel *>())
                shown |= label->text() == expected;
            return shown;
        }(),
        kLivenessMs);
    QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(
        !gallery()->index(0).data(GalleryModel::FavouriteRole).toBool(), kLivenessMs);
    QCOMPARE(gallery()->index(0).data(GalleryModel::RatingRole).toInt(), 5);
}

// Image ▸ Rating opened on six disabled items when nothing was selected.
void TestUiGallery::ratingSubmenuFollowsTheSelection()
{
    addSamples({ { QStringLiteral("s1"), Qt::red } });
    QMenu *submenu = nullptr;
    for (QMenu *menu : m_window->menuBar()->findChildren<QMenu *>())
        if (menu->title().remove(QLatin1Char('&')) == QLatin1String("Rating"))
            submenu = menu;
    QVERIFY(submenu);
    ui::GalleryView *view = m_window->galleryView();
    view->selectionModel()->clearSelection();
    QTRY_VERIFY_WITH_TIMEOUT(!submenu->menuAction()->isEnabled(), kLivenessMs);
    view->selectionModel()->setCurrentIndex(
        gallery()->index(0), QItemSelectionModel::ClearAndSelect);
    QTRY_VERIFY_WITH_TIMEOUT(submenu->menuAction()->isEnabled(), kLivenessMs);
    view->selectionModel()->clearSelection();
    QTRY_VERIFY_WITH_TIMEOUT(!submenu->menuAction()->isEnabled(), kLivenessMs);
}

void TestUiGallery::sortByRating()
{
    addSamples({ { QStringLiteral("low"), Qt::red }, { QStringLiteral("high"), Qt::green },
        { QStringLiteral("none"), Qt::blue } });
    auto *writer = m_window->session()->writer();
    const qint64 low = gallery()->recordAt(rowOfName(QStringLiteral("low")))->key;
    const qint64 high = gallery()->recordAt(rowOfName(QStringLiteral("high")))->key;
    QVERIFY(writer->setRating({ low }, 2).result());
    QVERIFY(writer->setRating({ high }, 5).result());
    m_window->browseBar()->setOrder(ImageQuery::Order::RatingDescending);
    const auto names = [this] {
        QStringList out;
        for (int row = 0; row < gallery()->rowCount(); ++row)
            out << gallery()->index(row).data(Qt::DisplayRole).toString();
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(names(),
        (QStringList { QStringLiteral("high"), QStringLiteral("low"), QStringLiteral("none") }),
        kLivenessMs);
    // Rated again, an image moves to its new place (rows move; no reset).
    QSignalSpy resets(gallery(), &QAbstractItemModel::modelReset);
    const qint64 none = gallery()->recordAt(rowOfName(QStringLiteral("none")))->key;
    QVERIFY(writer->setRating({ none }, 3).result());
    QTRY_COMPARE_WITH_TIMEOUT(names(),
        (QStringList { QStringLiteral("high"), QStringLiteral("none"), QStringLiteral("low") }),
        kLivenessMs);
    QCOMPARE(resets.size(), 0);
    m_window->browseBar()->setOrder(ImageQuery::Order::RatingAscending);
    QTRY_COMPARE_WITH_TIMEOUT(names(),
        (QStringList { QStringLiteral("low"), QStringLiteral("none"), QStringLiteral("high") }),
        kLivenessMs);
}

void TestUiGallery::statusBarAndStatistics()
{
    auto *label = m_window->statusBar()->findChild<ui::LibraryStatusLabel *>();
    QVERIFY(label);
    QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QStringLiteral("0 images")), kLivenessMs);
    addSamples({ { QStringLiteral("s1"), Qt::red }, { QStringLiteral("s2"), Qt::green },
        { QStringLiteral("s3"), Qt::blue } });
    QTRY_VERIFY_WITH_TIMEOUT(label->text().startsWith(QStringLiteral("3 images")), kLivenessMs);
    // All of it shown, or (a narrow window) the rest in the tooltip.
    const QString all = label->toolTip().isEmpty() ? label->text() : label->toolTip();
    QVERIFY(all.startsWith(label->text()));
    QVERIFY(all.contains(QStringLiteral("last added")));
    QVERIFY(all.contains(QStringLiteral("compression saved")));

    QTest::keyClick(m_window.get(), Qt::Key_I, Qt::ControlModifier);
    QDialog *stats = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (stats = m_window->findChild<QDialog *>(QString(), Qt::FindDirectChildrenOnly))
            && stats->isVisible(),
        kLivenessMs);
    auto tables = stats->findChildren<QTreeWidget *>();
    QCOMPARE(tables.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(tables.first()->topLevelItemCount(), 1, kLivenessMs);
    QCOMPARE(tables.first()->topLevelItem(0)->text(0), QStringLiteral("PNG"));
    QCOMPARE(tables.first()->topLevelItem(0)->text(1), QStringLiteral("3"));
    // "Saved:" is not followed by "compression saved" again.
    bool savedShown = false;
    for (QLabel *value : stats->findChildren<QLabel *>()) {
        QVERIFY2(!value->text().contains(QStringLiteral("compression saved")),
            qPrintable(value->text()));
        savedShown = savedShown || value->text().contains(QStringLiteral("by compression"));
    }
    QVERIFY(savedShown);

    // The tables follow the library like the totals do, while open.
    addSamples({ { QStringLiteral("s4"), Qt::yellow } });
    QTRY_COMPARE_WITH_TIMEOUT(
        tables.first()->topLevelItem(0)->text(1), QStringLiteral("4"), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery()->recordAt(0).has_value() && gallery()->recordAt(1).has_value(), kLivenessMs);
    auto removed = m_window->session()->writer()->remove(
        { gallery()->recordAt(0)->key, gallery()->recordAt(1)->key });
    QTRY_VERIFY_WITH_TIMEOUT(removed.isFinished(), kLivenessMs);
    QVERIFY(removed.result().ok());
    QTRY_COMPARE_WITH_TIMEOUT(
        tables.first()->topLevelItem(0)->text(1), QStringLiteral("2"), kLivenessMs);
    stats->close();
}

// A status label's new text of the same width lays out the status bar's
// box of permanent widgets, not the main window: the window was laid out
// again (its docks, toolbars, central widget) several times per batch of
// a bulk remove. A text that needs more room widens the box, once.
void TestUiGallery::statusTextLaysOutOnlyItsBox()
{
    QLabel *label = m_window->accessLabel(); // "Read-only", shown on demand
    const QString before = QStringLiteral("Read-only 10");
    const QString after = QStringLiteral("Read-only 01");
    QCOMPARE(label->fontMetrics().horizontalAdvance(after),
        label->fontMetrics().horizontalAdvance(before));
    label->setText(before);
    label->show();
    QTRY_VERIFY_WITH_TIMEOUT(label->width() >= label->sizeHint().width(), kLivenessMs);
    QTest::qWait(50); // the window's own layout settles

    struct LayoutCounter : QObject {
        int count = 0;
        bool eventFilter(QObject *, QEvent *event) override
        {
            count += event->type() == QEvent::LayoutRequest;
            return false;
        }
    } window;
    m_window->installEventFilter(&window);
    label->setText(after);
    QTest::qWait(50);
    QCOMPARE(window.count, 0);
    QCOMPARE(label->text(), after);

    const QString longer = QStringLiteral("Read-only: a text that needs a good deal more room");
    label->setText(longer);
    QTRY_VERIFY_WITH_TIMEOUT(label->width() >= label->sizeHint().width(), kLivenessMs);
    QVERIFY(window.count >= 1);
    m_window->removeEventFilter(&window);
    label->hide();
}

void TestUiGallery::copyImageToClipboard()
{
    addSamples({ { QStringLiteral("copyme"), QColor(10, 200, 30) } });
    QGuiApplication::clipboard()->clear();
    m_window->galleryView()->setFocus();
    m_window->galleryView()->setCurrentIndex(gallery()->index(0));
    QTest::keyClick(m_window->galleryView(), Qt::Key_C, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!QGuiApplication::clipboard()->image().isNull(), kLivenessMs);
    const QImage copied = QGuiApplication::clipboard()->image();
    QCOMPARE(copied.size(), QSize(64, 48));
    QCOMPARE(copied.pixelColor(10, 10), QColor(10, 200, 30));
}

void TestUiGallery::dragOutExportsOriginals()
{
    addSamples({ { QStringLiteral("drag:me?"), Qt::red }, { QStringLiteral("other"), Qt::blue } });
    m_window->galleryView()->selectAll();
    const QList<ImageRecord> records = m_window->galleryView()->selectedRecords();
    QCOMPARE(records.size(), 2);
    auto *exporter = m_window->findChild<ui::DragExporter *>();
    QVERIFY(exporter);
    int pending = -1;
    std::unique_ptr<QMimeData> mime(exporter->mimeData(records, &pending));
    QVERIFY(mime);
    QVERIFY(pending >= 0 && pending <= 2);
    QCOMPARE(mime->urls().size(), 2);
    for (int i = 0; i < 2; ++i) {
        const QString path = mime->urls().at(i).toLocalFile();
        // Written off the GUI thread, by rename: whole once it is there.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), kLivenessMs);
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(path));
        QCOMPARE(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex(),
            records[i].sha256.toLatin1());
        QVERIFY(path.endsWith(QStringLiteral(".png")));
        QVERIFY(!QFileInfo(path).fileName().contains(QLatin1Char('?')));
    }
}

void TestUiGallery::removeAfterConfirmation()
{
    addSamples({ { QStringLiteral("keep"), Qt::red }, { QStringLiteral("drop"), Qt::blue } });
    const int row = rowOfName(QStringLiteral("drop"));
    m_window->galleryView()->setFocus();
    m_window->galleryView()->setCurrentIndex(gallery()->index(row));
    QSignalSpy reset(gallery(), &QAbstractItemModel::modelReset);
    bool answered = false;
    QTimer answer;
    answer.setInterval(10);
    connect(&answer, &QTimer::timeout, this, [&] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            answered = true;
            box->button(QMessageBox::Yes)->click();
        }
    });
    answer.start();
    QTest::keyClick(m_window->galleryView(), Qt::Key_Delete);
    answer.stop();
    QVERIFY(answered);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 1, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->index(0).data(Qt::DisplayRole).toString(), QStringLiteral("keep"), kLivenessMs);
    QCOMPARE(reset.count(), 0);
}

void TestUiGallery::findSimilarAndKeepBest()
{
    const QImage picture = ImageFactory::scene(400, 300, 31);
    addFile(QStringLiteral("big.png"), ImageFactory::encode(picture, "png"));
    addFile(QStringLiteral("copy.jpg"),
        ImageFactory::encode(
            picture.scaled(200, 150, Qt::IgnoreAspectRatio, Qt::SmoothTransformation), "jpeg", 60));
    addFile(QStringLiteral("other.png"),
        ImageFactory::encode(ImageFactory::scene(400, 300, 32), "png"));
    auto *actions = m_window->findChild<ui::ImageActions *>();
    m_window->galleryView()->setCurrentIndex(gallery()->index(rowOfName(QStringLiteral("copy"))));
    QTRY_VERIFY_WITH_TIMEOUT(actions->findSimilarAction()->isEnabled(), kLivenessMs);
    actions->findSimilarAction()->trigger();
    auto *similar = m_window->findChild<ui::SimilarDialog *>();
    QVERIFY(similar);
    QTRY_COMPARE_WITH_TIMEOUT(similar->results()->topLevelItemCount(), 1, kLivenessMs);
    QCOMPARE(similar->results()->topLevelItem(0)->text(0), QStringLiteral("big"));
    similar->close();

    // Tags on both, so that Keep Best has something to merge and Undo
    // something to take back.
    const qint64 bigKey = gallery()
                              ->index(rowOfName(QStringLiteral("big")))
                              .data(GalleryModel::KeyRole)
                              .toLongLong();
    const qint64 copyKey = gallery()
                               ->index(rowOfName(QStringLiteral("copy")))
                               .data(GalleryModel::KeyRole)
                               .toLongLong();
    auto *writer = m_window->session()->writer();
    auto mine = writer->editTags({ bigKey }, { QStringLiteral("mine") }, {});
    auto found = writer->editTags({ copyKey }, { QStringLiteral("found") }, {});
    QTRY_VERIFY_WITH_TIMEOUT(mine.isFinished() && found.isFinished(), kLivenessMs);
    const auto tagsOf = [&](const QString &name) {
        const int row = rowOfName(name);
        QStringList tags = row < 0
            ? QStringList()
            : gallery()->index(row).data(GalleryModel::TagsRole).toStringList();
        tags.sort();
        return tags;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        tagsOf(QStringLiteral("copy")), QStringList { QStringLiteral("found") }, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        tagsOf(QStringLiteral("big")), QStringList { QStringLiteral("mine") }, kLivenessMs);

    actions->findDuplicatesAction()->trigger();
    auto *duplicates = m_window->findChild<ui::DuplicatesDialog *>();
    QVERIFY(duplicates);
    DuplicatesModel *model = duplicates->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy done(duplicates, &ui::DuplicatesDialog::finished);
    QVERIFY(done.wait(kLivenessMs));
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->index(0).data(DuplicatesModel::CountRole).toInt(), 2);
    // The view asks for the group's details as it paints it.
    QTRY_VERIFY_WITH_TIMEOUT(
        model->index(0).data(DuplicatesModel::LoadedRole).toBool(), kLivenessMs);
    const auto keys = model->index(0).data(DuplicatesModel::KeysRole).value<QList<qint64>>();
    QCOMPARE(keys, (QList<qint64> { bigKey, copyKey })); // the most pixels first
    const auto items = model->index(0).data(DuplicatesModel::ItemsRole).value<QList<SimilarItem>>();
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.first().record.name, QStringLiteral("big"));
    QVERIFY(!items.first().thumbnail.isNull());
    QCOMPARE(duplicates->groups()->currentIndex().row(), 0);
    QVERIFY(duplicates->groups()->visualRect(model->index(0)).height()
        > DuplicatesModel::kThumbnailSide);

    const auto saysKept = [duplicates] {
        const auto labels = duplicates->findChildren<QLabel *>();
        return std::any_of(labels.cbegin(), labels.cend(),
            [](const QLabel *l) { return l->text().contains(QStringLiteral("Kept one image")); });
    };
    duplicates->keepBest();
    QVERIFY(done.wait(kLivenessMs));
    QCOMPARE(model->rowCount(), 0); // the group goes at once
    QVERIFY(saysKept());
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(tagsOf(QStringLiteral("big")),
        (QStringList { QStringLiteral("found"), QStringLiteral("mine") }), kLivenessMs);
    QVERIFY(m_window->undoStack()->canUndo());
    m_window->undoStack()->undo();
    // Everything as it was: the image back with its own tags, the kept one
    // without what it was given, and the group back in the view.
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfName(QStringLiteral("copy")) >= 0, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        tagsOf(QStringLiteral("copy")), QStringList { QStringLiteral("found") }, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        tagsOf(QStringLiteral("big")), QStringList { QStringLiteral("mine") }, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 1, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        model->index(0).data(DuplicatesModel::LoadedRole).toBool(), kLivenessMs);
    QCOMPARE(model->index(0).data(DuplicatesModel::KeysRole).value<QList<qint64>>(), keys);
    // What Keep Best did is undone: the dialog no longer says it.
    QVERIFY(!saysKept());
    // Not Duplicates: the group goes, and a new search leaves it apart.
    duplicates->notDuplicates();
    QVERIFY(done.wait(kLivenessMs));
    QCOMPARE(model->rowCount(), 0);
    duplicates->refresh();
    QVERIFY(done.wait(kLivenessMs));
    QCOMPARE(model->rowCount(), 0);
    duplicates->close();
}

void TestUiGallery::restoresSizeAndSort()
{
    m_window->statusBar()->findChild<QSlider *>()->setValue(200);
    m_window->browseBar()->setOrder(ImageQuery::Order::NameAscending);
    m_window->resize(900, 640);
    m_window->close();
    m_window.reset();
    m_tester.reset();
    m_window = uitest::openWindow(m_library->path(), false);
    QCOMPARE(m_window->galleryView()->thumbnailSize(), 200);
    QCOMPARE(m_window->browseBar()->order(), ImageQuery::Order::NameAscending);
    QCOMPARE(gallery()->query().order, ImageQuery::Order::NameAscending);
    // The side docks, closed, stay closed: the window keeps its width.
    QVERIFY(!m_window->tagDock()->isVisible());
    QVERIFY(!m_window->collectionsDock()->isVisible());
    QCOMPARE(m_window->size(), QSize(900, 640));
}

void TestUiGallery::openAnotherLibrary()
{
    addSamples({ { QStringLiteral("first-library"), Qt::red } });
    // Duplicates acts on the library it was opened on: it goes with it.
    m_window->findChild<ui::ImageActions *>()->findDuplicatesAction()->trigger();
    QPointer<ui::DuplicatesDialog> duplicates = m_window->findChild<ui::DuplicatesDialog *>();
    QVERIFY(duplicates);
    QTemporaryDir other;
    m_tester.reset();
    m_window->openLibrary(LibraryPaths(other.path()));
    QTRY_VERIFY_WITH_TIMEOUT(duplicates.isNull(), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    QCOMPARE(m_window->session()->paths().root(), other.path());
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->isReady(), kLivenessMs);
    QCOMPARE(gallery()->rowCount(), 0);
    addSamples({ { QStringLiteral("second-library"), Qt::blue } });
    QCOMPARE(gallery()->rowCount(), 1);
    m_window.reset(); // before `other` goes
}

namespace {

/// The mean lightness (0..255) of the icon's inked pixels.
int inkLightness(const QIcon &icon, QIcon::Mode mode = QIcon::Normal)
{
    const QImage image = icon.pixmap(32, 32, mode).toImage().convertToFormat(QImage::Format_ARGB32);
    qint64 sum = 0;
    int count = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = QColor::fromRgba(image.pixel(x, y));
            if (c.alpha() > 160) {
                sum += c.lightness();
                ++count;
            }
        }
    return count ? int(sum / count) : -1;
}

} // namespace

void TestUiGallery::iconSetIsComplete()
{
    // Every icon the window asks for is drawn in Trove's own set: a missing
    // or broken SVG would leave a hole wherever the theme lacks the name.
    const QList<ui::Icon> all = ui::allIcons();
    QVERIFY(all.size() >= 50);
    QSet<QString> resources;
    for (const ui::Icon id : all) {
        const QString resource = ui::iconResource(id);
        QVERIFY2(QFile::exists(resource), qPrintable(resource));
        QVERIFY2(!ui::iconThemeName(id).isEmpty(), qPrintable(resource));
        QFile file(resource);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray svg = file.readAll();
        QVERIFY2(svg.contains("currentColor"), qPrintable(resource)); // inked, not fixed
        QVERIFY2(QSvgRenderer(svg).isValid(), qPrintable(resource));
        const QIcon drawn(new ui::PaletteIconEngine(resource, QStringLiteral("x")));
        QVERIFY2(inkLightness(drawn) >= 0, qPrintable(resource)); // something is drawn
        resources.insert(resource);
    }
    QCOMPARE(resources.size(), all.size()); // no two share a drawing
    // The buttons Qt draws itself use the set too: no grey ball on "Yes".
    if (!ui::usesThemeIcons()) {
        QCOMPARE(QApplication::style()->standardIcon(QStyle::SP_DialogYesButton).name(),
            QStringLiteral("ok"));
        QCOMPARE(QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning).name(),
            QStringLiteral("warning"));
    }
}

void TestUiGallery::windowIconsComeFromOneSource()
{
    // Menus, toolbars, the queue panel, the search field, the viewer's
    // controls: each icon shown is from the theme or each is Trove's own.
    QSet<QString> allowed;
    for (const ui::Icon id : ui::allIcons())
        allowed.insert(ui::usesThemeIcons() ? ui::iconThemeName(id)
                                            : QFileInfo(ui::iconResource(id)).baseName());
    const QImage app = ui::appIcon().pixmap(16, 16).toImage();
    int checked = 0;
    const auto check = [&](const QIcon &icon, const QString &what) {
        if (icon.isNull() || icon.pixmap(16, 16).toImage() == app)
            return;
        ++checked;
        QVERIFY2(allowed.contains(icon.name()),
            qPrintable(QStringLiteral("%1: icon \"%2\"").arg(what, icon.name())));
    };
    for (QAction *action : m_window->findChildren<QAction *>())
        check(action->icon(), action->text());
    for (QAbstractButton *button : m_window->findChildren<QAbstractButton *>())
        check(button->icon(),
            QStringLiteral("%1 in %2 %3")
                .arg(QLatin1String(button->metaObject()->className()),
                    QLatin1String(button->parentWidget()->metaObject()->className()),
                    button->toolTip() + button->text()));
    QVERIFY2(checked >= 40, qPrintable(QString::number(checked)));
}

void TestUiGallery::iconsFollowThePalette_data()
{
    QTest::addColumn<QColor>("window");
    QTest::addColumn<QColor>("text");
    QTest::addColumn<bool>("dark");
    QTest::newRow("dark") << QColor(0x2b, 0x2d, 0x30) << QColor(0xe6, 0xe6, 0xe6) << true;
    QTest::newRow("light") << QColor(0xef, 0xf0, 0xf1) << QColor(0x23, 0x26, 0x29) << false;
}

void TestUiGallery::iconsFollowThePalette()
{
    if (ui::usesThemeIcons())
        QSKIP("the desktop theme draws the icons here");
    QFETCH(QColor, window);
    QFETCH(QColor, text);
    QFETCH(bool, dark);
    const QPalette before = QApplication::palette();
    const auto restore = qScopeGuard([&] { QApplication::setPalette(before); });
    // One icon made before the switch: a live change of palette recolours
    // what is already on screen.
    const QIcon zoom = ui::icon(ui::Icon::ZoomIn);
    const int first = inkLightness(zoom);
    QPalette palette(text, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Window, window);
    QApplication::setPalette(palette);
    const int lightness = inkLightness(zoom);
    if (dark)
        QVERIFY2(lightness > 180, qPrintable(QString::number(lightness)));
    else
        QVERIFY2(lightness < 80, qPrintable(QString::number(lightness)));
    QVERIFY(lightness != first || (dark == (first > 128)));
    // Disabled is told apart from enabled, whichever the palette.
    const QImage enabled = zoom.pixmap(32, 32).toImage();
    const QImage disabled = zoom.pixmap(32, 32, QIcon::Disabled).toImage();
    QVERIFY(enabled != disabled);
}

void TestUiGallery::fileDialogsOpenRoomy()
{
    // File ▸ Import Folder: Qt's own dialog (no platform one here) opens
    // wide enough for its columns, not at Qt's cramped default.
    m_window->resize(1100, 760);
    QAction *import = nullptr;
    for (QAction *top : m_window->menuBar()->actions())
        if (top->menu())
            for (QAction *action : top->menu()->actions())
                if (action->text() == tr("Import &Folder…"))
                    import = action;
    QVERIFY(import);
    QSize seen;
    QTimer poll;
    poll.setInterval(20);
    connect(&poll, &QTimer::timeout, this, [&] {
        if (auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget())) {
            seen = dialog->size();
            dialog->reject();
        }
    });
    poll.start();
    import->trigger(); // returns once the dialog is rejected
    poll.stop();
    QVERIFY(seen.isValid());
    const QSize screen = m_window->screen()->availableSize();
    QVERIFY2(seen.width() >= std::min(770, int(screen.width() * 0.9)) - 1,
        qPrintable(QStringLiteral("%1x%2").arg(seen.width()).arg(seen.height())));
    QVERIFY(seen.width() <= screen.width() && seen.height() <= screen.height());
}

QTEST_MAIN(TestUiGallery)
#include "tst_uigallery.moc"
