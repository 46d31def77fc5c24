// SPDX-License-Identifier: MIT
// Collections in the window: adding the gallery's selection through the
// dock's menu and the gallery's context menu, a hand-made collection in
// its own order, dragging to reorder it (undoable), and renaming one
// (undoable, the search follows). Driven through the real window.

#include "awaitfuture.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/collections.h"
#include "gallery/browsebar.h"
#include "gallery/collectionreorder.h"
#include "gallery/collectionspanel.h"
#include "iconstyle.h"
#include "models/gallerymodel.h"
#include "resultcheck.h"
#include "timebounds.h"
#include "uifixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QInputDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QUndoStack>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;

class TestUiCollections : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void addSelectionThroughTheMenus();
    void collectionOrderFromTheDock();
    void removeNeedsASelection();
    void dragReorderAndUndo();
    void renameFromTheDock();
    void refusedNameAsksAgain_data();
    void refusedNameAsksAgain();
    void restartKeepsTheOrderChosenBefore();

private:
    /// @p count solid-colour images, added and shown; answers their keys
    /// oldest first.
    QList<qint64> addImages(int count);
    /// A hand-made collection holding @p keys in that order, in the dock.
    void makeCollection(const QString &name, const QList<qint64> &keys);
    /// Clicks collection @p name in the dock.
    void clickCollection(const QString &name);
    QList<qint64> members(const QString &name) const;
    QList<qint64> galleryKeys() const;
    GalleryModel *gallery() const { return m_window->session()->gallery(); }
    ui::CollectionsPanel *panel() const { return m_window->collectionsPanel(); }
    bool collectionOrderEnabled() const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<ui::MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestUiCollections::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
    ui::IconStyle::install();
}

void TestUiCollections::init()
{
    QSettings().clear();
    m_library = std::make_unique<QTemporaryDir>();
    m_files = std::make_unique<QTemporaryDir>();
    m_window = uitest::openWindow(m_library->path());
    QVERIFY(m_window->session()->isOpen());
    m_tester = std::make_unique<QAbstractItemModelTester>(
        gallery(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_window->collectionsDock()->toggleViewAction()->trigger();
}

void TestUiCollections::cleanup()
{
    m_tester.reset();
    m_window.reset();
    m_library.reset();
    m_files.reset();
}

QList<qint64> TestUiCollections::addImages(int count)
{
    QStringList paths;
    for (int i = 0; i < count; ++i) {
        const QString path = m_files->filePath(QStringLiteral("pic-%1.png").arg(i));
        if (!uitest::writeFile(path, ImageFactory::solidPng(QColor::fromHsv(i * 40, 200, 220))))
            return {};
        paths << path;
    }
    m_window->ingest(paths);
    if (!QTest::qWaitFor([this, count] { return gallery()->rowCount() == count; }, kLivenessMs))
        return {};
    CatalogReader reader;
    if (!reader.open(m_window->session()->paths()))
        return {};
    ImageQuery oldest;
    oldest.order = ImageQuery::Order::OldestFirst;
    auto keys = reader.keys(oldest, 0, count);
    return keys ? *keys : QList<qint64>();
}

void TestUiCollections::makeCollection(const QString &name, const QList<qint64> &keys)
{
    // Straight after the window opens, its library may still be opening:
    // the writer taken then may be one that never runs the request.
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    CatalogWriter *writer = m_window->session()->writer();
    QVERIFY_OK(test::awaitLive(writer->createCollection(name)));
    QCOMPARE(*test::awaitLive(writer->addToCollection(name, keys)), int(keys.size()));
    QTRY_VERIFY_WITH_TIMEOUT(panel()->handMadeNames().contains(name), kLivenessMs);
}

void TestUiCollections::clickCollection(const QString &name)
{
    QListWidget *list = panel()->list();
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text().startsWith(name + QLatin1String(" ("))) {
            list->setCurrentRow(row);
            Q_EMIT list->itemClicked(list->item(row));
            return;
        }
    }
    QFAIL("no such collection in the dock");
}

QList<qint64> TestUiCollections::members(const QString &name) const
{
    CatalogReader reader;
    if (!reader.open(m_window->session()->paths()))
        return {};
    const auto found = Collections::find(reader.catalog(), name);
    if (!found || !*found)
        return {};
    return *Collections::members(reader.catalog(), (*found)->id);
}

QList<qint64> TestUiCollections::galleryKeys() const
{
    QList<qint64> out;
    for (int row = 0; row < gallery()->rowCount(); ++row)
        out << gallery()->index(row).data(GalleryModel::KeyRole).toLongLong();
    return out;
}

bool TestUiCollections::collectionOrderEnabled() const
{
    auto *sort = m_window->browseBar()->findChild<QComboBox *>();
    auto *items = qobject_cast<QStandardItemModel *>(sort->model());
    const int index = sort->findData(int(ImageQuery::Order::CollectionOrder));
    return index >= 0 && items->item(index)->isEnabled();
}

// The bug this fixes: clicking a collection showed it and dropped the
// selection, so "Add Selection" added nothing. Now Add is a menu of the
// hand-made collections (not smart ones): select, then choose where the
// images go. The gallery's context menu has the same submenu.
void TestUiCollections::addSelectionThroughTheMenus()
{
    const QList<qint64> keys = addImages(4);
    QCOMPARE(keys.size(), 4);
    makeCollection(QStringLiteral("Trip"), {});
    QVERIFY_OK(test::awaitLive(m_window->session()->writer()->createCollection(
        QStringLiteral("Wide"), QStringLiteral("width:>1"))));
    QTRY_COMPARE_WITH_TIMEOUT(panel()->list()->count(), 2, kLivenessMs);

    auto *add = panel()->findChild<QToolButton *>(QStringLiteral("addToCollectionButton"));
    QVERIFY(add);
    QCOMPARE(add->popupMode(), QToolButton::InstantPopup);
    QVERIFY(add->isEnabled());
    QCOMPARE(add->menu(), panel()->addMenu());
    QStringList offered;
    for (QAction *a : panel()->addMenu()->actions())
        offered << a->text();
    QCOMPARE(offered, QStringList { QStringLiteral("Trip") });

    // Newest first: rows 0 and 2 are the 4th and 2nd image.
    QItemSelectionModel *selection = m_window->galleryView()->selectionModel();
    selection->select(gallery()->index(0), QItemSelectionModel::ClearAndSelect);
    selection->select(gallery()->index(2), QItemSelectionModel::Select);
    panel()->addMenu()->actions().first()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(
        members(QStringLiteral("trip")), (QList<qint64> { keys[3], keys[1] }), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(
        panel()->list()->item(0)->text(), QStringLiteral("Trip (2)"), kLivenessMs);

    // The gallery's context menu on another image: Add to Collection ▸ Trip.
    const QRect cell = m_window->galleryView()->visualRect(gallery()->index(3));
    bool chosen = false;
    QTimer::singleShot(0, this, [&chosen] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        if (auto *sub = menu->findChild<QMenu *>(QStringLiteral("addToCollectionSubmenu"))) {
            for (QAction *a : sub->actions()) {
                if (a->text() == QLatin1String("Trip")) {
                    a->trigger();
                    chosen = true;
                }
            }
        }
        menu->close();
    });
    Q_EMIT m_window->galleryView()->customContextMenuRequested(cell.center());
    QVERIFY(chosen);
    QTRY_COMPARE_WITH_TIMEOUT(members(QStringLiteral("trip")),
        (QList<qint64> { keys[3], keys[1], keys[0] }), kLivenessMs);
}

// Remove was enabled with nothing selected in the gallery, and a click did
// nothing and said nothing.
void TestUiCollections::removeNeedsASelection()
{
    const QList<qint64> keys = addImages(2);
    QCOMPARE(keys.size(), 2);
    makeCollection(QStringLiteral("Trip"), keys);
    clickCollection(QStringLiteral("Trip"));
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    auto *remove = panel()->findChild<QToolButton *>(QStringLiteral("removeFromCollectionButton"));
    QVERIFY(remove);
    QItemSelectionModel *selection = m_window->galleryView()->selectionModel();
    selection->clearSelection();
    QTRY_VERIFY_WITH_TIMEOUT(!remove->isEnabled(), kLivenessMs);
    selection->select(gallery()->index(0), QItemSelectionModel::ClearAndSelect);
    QTRY_VERIFY_WITH_TIMEOUT(remove->isEnabled(), kLivenessMs);
    remove->click();
    QTRY_COMPARE_WITH_TIMEOUT(members(QStringLiteral("Trip")).size(), 1, kLivenessMs);
    selection->clearSelection();
    QTRY_VERIFY_WITH_TIMEOUT(!remove->isEnabled(), kLivenessMs);
}

// Clicking a hand-made collection shows it in its own order, which the
// sort menu offers only while the search is exactly that collection;
// another search falls back to the order chosen before. A move elsewhere
// shows at once.
void TestUiCollections::collectionOrderFromTheDock()
{
    const QList<qint64> keys = addImages(4);
    QCOMPARE(keys.size(), 4);
    makeCollection(QStringLiteral("Trip"), { keys[2], keys[0], keys[3] });
    ui::BrowseBar *browse = m_window->browseBar();
    browse->setOrder(ImageQuery::Order::NameDescending);
    QVERIFY(!collectionOrderEnabled());

    clickCollection(QStringLiteral("Trip"));
    QCOMPARE(browse->searchField()->text(), QStringLiteral("in:\"Trip\""));
    QCOMPARE(browse->order(), ImageQuery::Order::CollectionOrder);
    QVERIFY(collectionOrderEnabled());
    QCOMPARE(gallery()->query().order, ImageQuery::Order::CollectionOrder);
    QTRY_COMPARE_WITH_TIMEOUT(
        galleryKeys(), (QList<qint64> { keys[2], keys[0], keys[3] }), kLivenessMs);

    QCOMPARE(*test::awaitLive(m_window->session()->writer()->moveInCollection(
                 QStringLiteral("Trip"), { keys[3] }, keys[2])),
        1);
    QTRY_COMPARE_WITH_TIMEOUT(
        galleryKeys(), (QList<qint64> { keys[3], keys[2], keys[0] }), kLivenessMs);

    browse->searchField()->setText(QStringLiteral("in:\"Trip\" pic"));
    Q_EMIT browse->searchField()->returnPressed();
    QCOMPARE(browse->order(), ImageQuery::Order::NameDescending);
    QVERIFY(!collectionOrderEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(
        gallery()->query().order, ImageQuery::Order::NameDescending, kLivenessMs);
}

// While a collection shows in its own order, dropping the selection
// between thumbnails moves it there (the catalog and the gallery agree);
// Ctrl+Z puts it back, redo moves it again. In another order the drop
// path does nothing (a drag goes out as an export).
void TestUiCollections::dragReorderAndUndo()
{
    const QList<qint64> keys = addImages(5);
    QCOMPARE(keys.size(), 5);
    const QList<qint64> hand { keys[0], keys[1], keys[2], keys[3], keys[4] };
    makeCollection(QStringLiteral("Row"), hand);
    clickCollection(QStringLiteral("Row"));
    QTRY_COMPARE_WITH_TIMEOUT(galleryKeys(), hand, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->recordAt(4).has_value(), kLivenessMs);
    ui::CollectionReorder *reorder = m_window->collectionReorder();
    QCOMPARE(reorder->collection(), QStringLiteral("Row"));

    // Where a drop lands: the left half of a cell is before it, the right
    // half after it, below the last one the end.
    ui::GalleryView *view = m_window->galleryView();
    const QRect first = view->visualRect(gallery()->index(0));
    QCOMPARE(reorder->dropRow(QPoint(first.left() + 2, first.center().y())), 0);
    QCOMPARE(reorder->dropRow(QPoint(first.right() - 2, first.center().y())), 1);
    QCOMPARE(reorder->dropRow(QPoint(2, view->viewport()->height() - 2)), 5);
    QVERIFY(reorder->indicator()->isHidden());
    // The bar is drawn at the left edge of the cell the images go before,
    // the cell's height; past the last one, right of it.
    const QRect second = view->visualRect(gallery()->index(1));
    reorder->showDropAt(QPoint(first.right() - 2, first.center().y()));
    QVERIFY(reorder->indicator()->isVisible());
    QVERIFY(std::abs(reorder->indicator()->geometry().center().x() - second.left()) <= 3);
    QCOMPARE(reorder->indicator()->geometry().top(), second.top());
    QCOMPARE(reorder->indicator()->height(), second.height());
    const QRect last = view->visualRect(gallery()->index(4));
    reorder->showDropAt(QPoint(2, view->viewport()->height() - 2));
    QVERIFY(std::abs(reorder->indicator()->geometry().center().x() - last.right()) <= 3);
    reorder->indicator()->hide();

    QItemSelectionModel *selection = view->selectionModel();
    selection->select(gallery()->index(3), QItemSelectionModel::ClearAndSelect);
    selection->select(gallery()->index(4), QItemSelectionModel::Select);
    QSignalSpy resets(gallery(), &QAbstractItemModel::modelReset);
    QVERIFY(reorder->dropAt(1));
    // The moved images stay selected where they land.
    QCOMPARE(view->selectedRanges(), (QList<QPair<qint64, qint64>> { { 1, 2 } }));
    const QList<qint64> moved { keys[0], keys[3], keys[4], keys[1], keys[2] };
    QTRY_COMPARE_WITH_TIMEOUT(members(QStringLiteral("row")), moved, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(galleryKeys(), moved, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->undoStack()->count(), 1, kLivenessMs);

    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(members(QStringLiteral("row")), hand, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(galleryKeys(), hand, kLivenessMs);
    m_window->undoStack()->redo();
    QTRY_COMPARE_WITH_TIMEOUT(members(QStringLiteral("row")), moved, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(galleryKeys(), moved, kLivenessMs);
    QCOMPARE(resets.count(), 0);

    // Dropped on the selection itself: nothing moves past it.
    selection->select(gallery()->index(1), QItemSelectionModel::ClearAndSelect);
    QVERIFY(reorder->dropAt(1));
    QCOMPARE(view->selectedRanges(), (QList<QPair<qint64, qint64>> { { 1, 1 } }));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->undoStack()->count(), 2, kLivenessMs);
    QCOMPARE(members(QStringLiteral("row")), moved);

    m_window->browseBar()->setOrder(ImageQuery::Order::NewestFirst);
    QVERIFY(reorder->collection().isEmpty());
    QVERIFY(!reorder->dropAt(0));
}

// F2 (or the list's context menu) renames a collection; the search that
// shows it follows the new name and keeps its order; Ctrl+Z gives the old
// name back. A name that is taken is refused with a reason.
void TestUiCollections::renameFromTheDock()
{
    const QList<qint64> keys = addImages(3);
    QCOMPARE(keys.size(), 3);
    makeCollection(QStringLiteral("Trip"), { keys[1], keys[2] });
    makeCollection(QStringLiteral("Other"), {});
    clickCollection(QStringLiteral("Trip"));
    QTRY_COMPARE_WITH_TIMEOUT(galleryKeys(), (QList<qint64> { keys[1], keys[2] }), kLivenessMs);
    QCOMPARE(panel()->renameAction()->shortcut(), QKeySequence(Qt::Key_F2));
    QVERIFY(panel()->renameAction()->isEnabled());

    // F2 in the list asks for the new name.
    panel()->list()->setFocus();
    QTest::keyClick(panel()->list(), Qt::Key_F2);
    QInputDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = panel()->findChild<QInputDialog *>(QStringLiteral("renameCollectionDialog"))),
        kLivenessMs);
    QCOMPARE(dialog->textValue(), QStringLiteral("Trip"));
    dialog->setTextValue(QStringLiteral("Voyage"));
    dialog->accept();
    ui::BrowseBar *browse = m_window->browseBar();
    QTRY_COMPARE_WITH_TIMEOUT(
        browse->searchField()->text(), QStringLiteral("in:\"Voyage\""), kLivenessMs);
    QCOMPARE(browse->order(), ImageQuery::Order::CollectionOrder);
    QTRY_VERIFY_WITH_TIMEOUT(
        panel()->handMadeNames().contains(QStringLiteral("Voyage")), kLivenessMs);
    QVERIFY(!panel()->handMadeNames().contains(QStringLiteral("Trip")));
    QTRY_COMPARE_WITH_TIMEOUT(galleryKeys(), (QList<qint64> { keys[1], keys[2] }), kLivenessMs);
    QCOMPARE(m_window->undoStack()->count(), 1);

    m_window->undoStack()->undo();
    QTRY_COMPARE_WITH_TIMEOUT(
        browse->searchField()->text(), QStringLiteral("in:\"Trip\""), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        panel()->handMadeNames().contains(QStringLiteral("Trip")), kLivenessMs);
    QCOMPARE(members(QStringLiteral("trip")), (QList<qint64> { keys[1], keys[2] }));

    // Renamed by another process (as trove collection rename does): the
    // dock hears of it through the change feed, and the search follows.
    QVERIFY_OK(test::awaitLive(m_window->session()->writer()->renameCollection(
        QStringLiteral("trip"), QStringLiteral("Elsewhere"))));
    QTRY_COMPARE_WITH_TIMEOUT(
        browse->searchField()->text(), QStringLiteral("in:\"Elsewhere\""), kLivenessMs);
    QCOMPARE(browse->order(), ImageQuery::Order::CollectionOrder);
    QTRY_COMPARE_WITH_TIMEOUT(galleryKeys(), (QList<qint64> { keys[1], keys[2] }), kLivenessMs);
    QVERIFY_OK(test::awaitLive(m_window->session()->writer()->renameCollection(
        QStringLiteral("elsewhere"), QStringLiteral("Trip"))));
    QTRY_COMPARE_WITH_TIMEOUT(
        browse->searchField()->text(), QStringLiteral("in:\"Trip\""), kLivenessMs);

    panel()->renameCollection(QStringLiteral("Trip"), QStringLiteral("other"));
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusBar()->currentMessage().contains(QStringLiteral("exists already")),
        kLivenessMs);
    QCOMPARE(browse->searchField()->text(), QStringLiteral("in:\"Trip\""));
    QCOMPARE(m_window->undoStack()->count(), 1);
}

// New, New Smart and Rename with a name that is taken: the dialog comes
// back with the name as typed and the whole reason in it, instead of a
// status message cut off beside the status bar's labels.
void TestUiCollections::refusedNameAsksAgain_data()
{
    QTest::addColumn<QString>("dialogName");
    QTest::newRow("New Collection") << QStringLiteral("newCollectionDialog");
    QTest::newRow("New Smart Collection") << QStringLiteral("newSmartCollectionDialog");
    QTest::newRow("Rename") << QStringLiteral("renameCollectionDialog");
}

void TestUiCollections::refusedNameAsksAgain()
{
    QFETCH(QString, dialogName);
    makeCollection(QStringLiteral("Holiday 2026"), {});
    m_window->statusBar()->clearMessage();
    if (dialogName == QLatin1String("newCollectionDialog")) {
        auto *button = panel()->findChild<QToolButton *>(QStringLiteral("newCollectionButton"));
        QVERIFY(button);
        button->click();
    } else if (dialogName == QLatin1String("newSmartCollectionDialog")) {
        m_window->browseBar()->searchField()->setText(QStringLiteral("width:>100"));
        Q_EMIT panel()->smartFromSearchRequested();
    } else {
        makeCollection(QStringLiteral("Trip"), {});
        clickCollection(QStringLiteral("Trip"));
        QVERIFY(panel()->renameAction()->isEnabled());
        panel()->renameAction()->trigger();
    }
    const auto findDialog
        = [this, &dialogName] { return m_window->findChild<QInputDialog *>(dialogName); };
    QPointer<QInputDialog> first;
    QTRY_VERIFY_WITH_TIMEOUT((first = findDialog()), kLivenessMs);
    first->setTextValue(QStringLiteral("holiday 2026"));
    first->accept();
    QTRY_VERIFY_WITH_TIMEOUT(first.isNull(), kLivenessMs);
    QInputDialog *again = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((again = findDialog()) && again->isVisible(), kLivenessMs);
    QCOMPARE(again->textValue(), QStringLiteral("holiday 2026"));
    QVERIFY2(again->labelText().contains(QStringLiteral("exists already")),
        qPrintable(again->labelText()));
    QVERIFY2(!m_window->statusBar()->currentMessage().contains(QStringLiteral("Cannot")),
        qPrintable(m_window->statusBar()->currentMessage()));

    again->setTextValue(QStringLiteral("Holiday 2027"));
    again->accept();
    QTRY_VERIFY_WITH_TIMEOUT(panel()->handMadeNames().contains(QStringLiteral("Holiday 2027"))
            || dialogName == QLatin1String("newSmartCollectionDialog"),
        kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->statusBar()->currentMessage().contains(QStringLiteral("“Holiday 2027”")),
        kLivenessMs);
    if (dialogName == QLatin1String("renameCollectionDialog"))
        QVERIFY(!panel()->handMadeNames().contains(QStringLiteral("Trip")));
}

// Collection order needs the collection shown, which a restart does not
// keep: the window comes back in the order chosen before it.
void TestUiCollections::restartKeepsTheOrderChosenBefore()
{
    const QList<qint64> keys = addImages(2);
    QCOMPARE(keys.size(), 2);
    makeCollection(QStringLiteral("Trip"), keys);
    m_window->browseBar()->setOrder(ImageQuery::Order::SmallestFirst);
    clickCollection(QStringLiteral("Trip"));
    QCOMPARE(m_window->browseBar()->order(), ImageQuery::Order::CollectionOrder);
    m_window->close();
    m_tester.reset();
    m_window = uitest::openWindow(m_library->path());
    QCOMPARE(m_window->browseBar()->order(), ImageQuery::Order::SmallestFirst);
    QCOMPARE(gallery()->query().order, ImageQuery::Order::SmallestFirst);
}

QTEST_MAIN(TestUiCollections)
#include "tst_uicollections.moc"
