// SPDX-License-Identifier: MIT
// Edit ▸ Preferences: every setting is applied to the running window at
// once and is there again in the next window, driven through the dialog's
// own fields.

#include "base/platform.h"
#include "dialogs/librarymoveprogress.h"
#include "dialogs/preferences/downloadspage.h"
#include "dialogs/preferences/generalpage.h"
#include "dialogs/preferences/librarypage.h"
#include "dialogs/preferences/localapipage.h"
#include "dialogs/preferencesdialog.h"
#include "gallery/imageactions.h"
#include "gallery/thumbnailsizecontrol.h"
#include "icons.h"
#include "localapihost.h"
#include "models/ingestqueuemodel.h"
#include "theme.h"
#include "timebounds.h"
#include "translations.h"
#include "uifixture.h"
#include "viewer/imagecanvas.h"
#include "viewer/imageviewer.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStyle>
#include <QTcpSocket>

using namespace trove;
using trove::test::ImageFactory;
using trove::test::kLivenessMs;

class TestUiPreferences : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void opensFromTheEditMenu();
    void darkThemeAppliesLiveAndBack();
    void thumbnailSizeFollowsBothWays();
    void downloadLimitsReachThePipeline();
    void exportStartsInTheChosenFolder();
    void trashRetentionEmptiesOldRemovals();
    void localApiStartsAndStopsLive();
    void anotherLibraryOpensLiveAndAtStart();
    void moveLibraryUsesTheNewPlace();
    void moveLibraryRefusesWhatItCannotUse_data();
    void moveLibraryRefusesWhatItCannotUse();
    void moveLibraryFailureKeepsTheOldOne_data();
    void moveLibraryFailureKeepsTheOldOne();
    void settingsSurviveANewWindow();
    void firstWindowFitsTheScreen();
    void languageIsKeptForTheNextStart();

private:
    ui::PreferencesDialog *openDialog();
    GalleryModel *gallery() const { return m_window->session()->gallery(); }
    /// Sets a spin box as a person typing a number and pressing Enter does.
    static void type(QSpinBox *box, int value);
    /// Adds @p count distinct images and waits until the gallery has them.
    void addImages(int count);
    /// Starts Move Library… to @p dest and waits for the copy to end.
    Result<MoveReport> moveTo(const QString &dest, bool cancelAtOnce = false);
    /// The "Cannot Move Library" box's reason, once it shows.
    QString refusal() const;

    QTemporaryDir m_settings;
    std::unique_ptr<QTemporaryDir> m_library;
    std::unique_ptr<QTemporaryDir> m_files;
    std::unique_ptr<ui::MainWindow> m_window;
    QPalette m_systemPalette;
    QString m_systemStyle;
};

void TestUiPreferences::initTestCase()
{
    uitest::isolateSettings(m_settings.path());
    qunsetenv("TROVE_LIBRARY");
    m_systemPalette = QApplication::palette();
    m_systemStyle = QApplication::style()->name();
}

void TestUiPreferences::init()
{
    QSettings().clear();
    // The language the fixture installed, stored as main() would find it.
    QSettings().setValue(QLatin1String(ui::kLanguageKey), ui::installedLanguage());
    m_library = std::make_unique<QTemporaryDir>();
    m_files = std::make_unique<QTemporaryDir>();
    m_window = uitest::openWindow(m_library->path());
    QVERIFY(m_window->session()->isOpen());
}

void TestUiPreferences::cleanup()
{
    m_window.reset();
    ui::applyTheme(ui::Theme::System);
    m_library.reset();
    m_files.reset();
}

ui::PreferencesDialog *TestUiPreferences::openDialog()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("preferencesAction"));
    if (!action)
        return nullptr;
    action->trigger();
    return m_window->findChild<ui::PreferencesDialog *>();
}

void TestUiPreferences::type(QSpinBox *box, int value)
{
    box->setValue(value); // keyboard tracking is off: one valueChanged
}

// Edit ▸ Preferences… (and Ctrl+,) opens one dialog, which opens again
// where it was.
void TestUiPreferences::opensFromTheEditMenu()
{
    auto *action = m_window->findChild<QAction *>(QStringLiteral("preferencesAction"));
    QVERIFY(action);
    QVERIFY(action->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    bool inEdit = false;
    for (QAction *menu : m_window->menuBar()->actions())
        inEdit = inEdit
            || (menu->text().remove(QLatin1Char('&')) == QLatin1String("Edit")
                && menu->menu()->actions().contains(action));
    QVERIFY(inEdit);
    ui::PreferencesDialog *dialog = openDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->pageList()->count(), 4);
    dialog->close();
    QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(m_window->findChildren<ui::PreferencesDialog *>().size(), 1);
}

// Dark turns the whole application dark at once, drawn viewer glyphs and
// the viewer's surround included, and is saved; System brings the
// desktop's palette and style back.
void TestUiPreferences::darkThemeAppliesLiveAndBack()
{
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 128);
    ui::PreferencesDialog *dialog = openDialog();
    QComboBox *theme = dialog->generalPage()->themeBox();
    const QColor canvasBefore
        = m_window->viewer()->canvas()->viewport()->palette().color(QPalette::Window);

    theme->setCurrentIndex(theme->findData(int(ui::Theme::Dark)));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 64);
    QVERIFY(QApplication::palette().color(QPalette::Text).lightness() > 192);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    // Top-level windows hear of it from the event loop.
    QTRY_VERIFY(m_window->palette().color(QPalette::Window).lightness() < 64);
    QTRY_VERIFY(dialog->palette().color(QPalette::Base).lightness() < 64);
    // The disabled group is set too: legible, and dimmer than enabled text.
    const QPalette dark = QApplication::palette();
    QVERIFY(dark.color(QPalette::Disabled, QPalette::Text).lightness()
        < dark.color(QPalette::Active, QPalette::Text).lightness());
    QVERIFY(dark.color(QPalette::Disabled, QPalette::Text).lightness()
        > dark.color(QPalette::Disabled, QPalette::Base).lightness() + 60);
    QVERIFY(dark.color(QPalette::Link).lightness() > 128);
    // The viewer's surround is derived from the window colour: it follows.
    const auto canvasColor = [this] {
        return m_window->viewer()->canvas()->viewport()->palette().color(QPalette::Window);
    };
    QTRY_VERIFY2(canvasColor().lightness() < canvasBefore.lightness() - 60,
        qPrintable(canvasColor().name()));
    // Trove's own icons (no icon theme offscreen) are inked light now.
    const QImage glyph = ui::icon(ui::Icon::Pause).pixmap(32, 32).toImage();
    int inked = 0;
    for (int y = 0; y < glyph.height(); ++y)
        for (int x = 0; x < glyph.width(); ++x)
            if (const QColor c = glyph.pixelColor(x, y); c.alpha() > 200) {
                ++inked;
                QVERIFY2(c.lightness() > 160, qPrintable(c.name()));
            }
    QVERIFY(inked > 20);
    QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("dark"));

    theme->setCurrentIndex(theme->findData(int(ui::Theme::System)));
    QCOMPARE(
        QApplication::palette().color(QPalette::Window), m_systemPalette.color(QPalette::Window));
    QCOMPARE(QApplication::style()->name(), m_systemStyle);
    QTRY_COMPARE(canvasColor(), canvasBefore);
    QCOMPARE(QSettings().value(QStringLiteral("ui/theme")).toString(), QStringLiteral("system"));

    theme->setCurrentIndex(theme->findData(int(ui::Theme::Light)));
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() > 192);
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
}

// The dialog's size, the status bar's slider and the grid show one value,
// changed from either side, and the next start has it.
void TestUiPreferences::thumbnailSizeFollowsBothWays()
{
    ui::PreferencesDialog *dialog = openDialog();
    QSpinBox *size = dialog->generalPage()->thumbnailSizeBox();
    type(size, 224);
    QCOMPARE(m_window->galleryView()->thumbnailSize(), 224);
    auto *control = m_window->findChild<ui::ThumbnailSizeControl *>();
    QCOMPARE(control->size(), 224);
    QCOMPARE(QSettings().value(QStringLiteral("gallery/thumbnailSize")).toInt(), 224);

    control->slider()->setValue(96);
    QCOMPARE(m_window->galleryView()->thumbnailSize(), 96);
    QCOMPARE(size->value(), 96);
    QCOMPARE(m_window->preferences().thumbnailSize, 96);

    type(size, 192);
    m_window->close();
    m_window.reset();
    m_window = uitest::openWindow(m_library->path());
    QCOMPARE(m_window->galleryView()->thumbnailSize(), 192);
    QCOMPARE(openDialog()->generalPage()->thumbnailSizeBox()->value(), 192);
}

// Per-site downloads, the largest download and the timeouts reach the
// running pipeline: a file over the new limit is refused with the reason.
void TestUiPreferences::downloadLimitsReachThePipeline()
{
    if (qEnvironmentVariableIsSet("TROVE_PER_HOST")
        || qEnvironmentVariableIsSet("TROVE_MAX_DOWNLOAD_BYTES"))
        QSKIP("the environment overrides the download settings");
    ui::DownloadsPage *page = openDialog()->downloadsPage();
    type(page->perHostBox(), 2);
    type(page->maxSizeBox(), 1);
    type(page->stallBox(), 45);
    type(page->totalBox(), 3);
    const PipelineOptions &options = m_window->session()->pipeline()->options();
    QCOMPARE(options.perHost, 2);
    QCOMPARE(options.fetch.maxBytes, qint64(1) << 20);
    QCOMPARE(options.fetch.stallTimeoutMs, 45'000);
    QCOMPARE(options.fetch.totalTimeoutMs, 180'000);
    QCOMPARE(QSettings().value(QStringLiteral("downloads/perHost")).toInt(), 2);

    // Bigger than 1 MiB: refused before it is even read.
    const QString big = m_files->filePath(QStringLiteral("big.png"));
    QByteArray bytes = ImageFactory::solidPng(Qt::red);
    bytes.append(QByteArray((1 << 20) + 10, 'x'));
    QVERIFY(uitest::writeFile(big, bytes));
    m_window->ingest({ big });
    IngestQueueModel *queue = m_window->session()->queue();
    QTRY_COMPARE_WITH_TIMEOUT(queue->finishedCount(), 1, kLivenessMs);
    const quint64 id = m_window->session()->pipeline()->itemIds().last();
    const IngestItem *item = m_window->session()->pipeline()->item(id);
    QCOMPARE(item->state, IngestState::Failed);
    QVERIFY2(item->error.contains(QLatin1String("too large")), qPrintable(item->error));
    QCOMPARE(gallery()->rowCount(), 0);

    // The next library (and the next start) gets them from the start.
    m_window.reset();
    m_window = uitest::openWindow(m_library->path());
    QCOMPARE(m_window->session()->pipeline()->options().perHost, 2);
    QCOMPARE(m_window->session()->pipeline()->options().fetch.maxBytes, qint64(1) << 20);
}

// Export Original… opens in the folder chosen here, and never in one that
// does not exist (an unplugged drive).
void TestUiPreferences::exportStartsInTheChosenFolder()
{
    auto *actions = m_window->findChild<ui::ImageActions *>();
    QVERIFY(actions);
    QVERIFY(QFileInfo(actions->exportStartFolder()).isDir());
    ui::LibraryPage *page = openDialog()->libraryPage();
    const QString folder = m_files->filePath(QStringLiteral("exports"));
    QVERIFY(QDir().mkpath(folder));
    page->exportFolderField()->setText(folder);
    Q_EMIT page->exportFolderField()->editingFinished();
    QCOMPARE(actions->exportStartFolder(), folder);
    QCOMPARE(QSettings().value(QStringLiteral("export/folder")).toString(), folder);

    QVERIFY(QDir(folder).removeRecursively());
    QVERIFY(actions->exportStartFolder() != folder);
    QVERIFY(QFileInfo(actions->exportStartFolder()).isDir());
}

// Removed images older than the retention are emptied from the trash as
// soon as it is set (and when a library opens); newer ones stay.
void TestUiPreferences::trashRetentionEmptiesOldRemovals()
{
    QStringList files;
    for (const QColor &color : { QColor(Qt::red), QColor(Qt::blue) }) {
        files << m_files->filePath(color.name().mid(1) + QStringLiteral(".png"));
        QVERIFY(uitest::writeFile(files.last(), ImageFactory::solidPng(color)));
    }
    m_window->ingest(files);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 2, kLivenessMs);
    // Rows are counted before their data is read: wait for both keys.
    const auto keyOf = [this](int row) {
        return gallery()->index(row).data(GalleryModel::KeyRole).toLongLong();
    };
    QTRY_VERIFY_WITH_TIMEOUT(keyOf(0) > 0 && keyOf(1) > 0, kLivenessMs);
    auto removed = m_window->session()->writer()->remove({ keyOf(0), keyOf(1) });
    QTRY_VERIFY_WITH_TIMEOUT(removed.isFinished(), kLivenessMs);
    QCOMPARE(removed.result().value(), 2);

    const auto trashCount = [this] {
        const QString name = QStringLiteral("trash-probe");
        qint64 count = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_library->filePath(QStringLiteral("catalog.sqlite")));
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(QStringLiteral("SELECT count(*) FROM trash")) && q.next())
                    count = q.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return count;
    };
    QCOMPARE(trashCount(), 2);
    {
        // One of them was removed ten days ago.
        const QString name = QStringLiteral("trash-age");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_library->filePath(QStringLiteral("catalog.sqlite")));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE trash SET trashed_at = trashed_at - %1 WHERE "
                                          "id = (SELECT min(id) FROM trash)")
                               .arg(qint64(10) * 24 * 3600 * 1000)));
        }
        QSqlDatabase::removeDatabase(name);
    }
    type(openDialog()->libraryPage()->trashRetentionBox(), 5);
    QTRY_COMPARE_WITH_TIMEOUT(trashCount(), 1, kLivenessMs);
    QCOMPARE(QSettings().value(QStringLiteral("trash/retentionDays")).toInt(), 5);
}

// Serving the local API is switched on and off from the dialog while the
// window runs: the port opens and closes, and File ▸ Serve Local API
// shows the same.
void TestUiPreferences::localApiStartsAndStopsLive()
{
    ui::LocalApiHost *api = m_window->localApi();
    QCOMPARE(api->port(), quint16(0));
    ui::PreferencesDialog *dialog = openDialog();
    ui::LocalApiPage *page = dialog->localApiPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->keyField()->text().size() == 64, kLivenessMs);
    type(page->portBox(), 0); // any free port on 127.0.0.1
    // Two that no browser can send: named beside the field, left out.
    page->originsField()->setText(QStringLiteral(
        "https://Example.org/ localhost:8080 chrome-extension://abc https://example.net/app"));
    Q_EMIT page->originsField()->editingFinished();
    QVERIFY(page->originsProblem()->isVisibleTo(page));
    for (const char *why : { "localhost:8080 has no scheme", "https://example.net/app is not" })
        QVERIFY2(page->originsProblem()->text().contains(QLatin1String(why)),
            qPrintable(page->originsProblem()->text()));
    page->enabledBox()->setChecked(true);
    QTRY_VERIFY_WITH_TIMEOUT(api->port() > 0, kLivenessMs);
    QVERIFY(api->action()->isChecked());
    const quint16 port = api->port();
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(socket.waitForConnected(kLivenessMs));
    }
    QCOMPARE(QSettings().value(QStringLiteral("LocalApi/allowedOrigins")).toStringList(),
        QStringList(
            { QStringLiteral("https://example.org"), QStringLiteral("chrome-extension://abc") }));
    // What was typed stays for the person to mend; mended, the note goes.
    QVERIFY(page->originsField()->text().contains(QLatin1String("localhost:8080")));
    page->originsField()->setText(QStringLiteral("https://Example.org/ chrome-extension://abc"));
    Q_EMIT page->originsField()->editingFinished();
    QVERIFY(!page->originsProblem()->isVisibleTo(page));

    // A new key: the server restarts with it.
    const QString oldKey = page->keyField()->text();
    page->renewKey();
    QTRY_VERIFY_WITH_TIMEOUT(
        page->keyField()->text().size() == 64 && page->keyField()->text() != oldKey, kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(api->port() > 0, kLivenessMs);

    page->enabledBox()->setChecked(false);
    QCOMPARE(api->port(), quint16(0));
    QVERIFY(!api->action()->isChecked());
    QVERIFY(!QSettings().value(QStringLiteral("LocalApi/enabled")).toBool());
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, port);
        QVERIFY(!socket.waitForConnected(5000));
    }
    // And the menu's switch shows in the dialog.
    api->action()->setChecked(true);
    QVERIFY(page->enabledBox()->isChecked());
    QTRY_VERIFY_WITH_TIMEOUT(api->port() > 0, kLivenessMs);
    api->action()->setChecked(false);
}

// Use Another Library… shows that library at once, and the next start
// (and `trove` without --library) uses it.
void TestUiPreferences::anotherLibraryOpensLiveAndAtStart()
{
    QTemporaryDir other;
    ui::LibraryPage *page = openDialog()->libraryPage();
    page->useLibrary(other.path());
    QCOMPARE(m_window->session()->paths().root(), LibraryPaths(other.path()).root());
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    QVERIFY(QFileInfo::exists(other.filePath(QStringLiteral("catalog.sqlite"))));
    QCOMPARE(LibraryPaths::resolve().root(), LibraryPaths(other.path()).root());
    QCOMPARE(
        LibraryPaths::resolve(m_library->path()).root(), LibraryPaths(m_library->path()).root());
    m_window.reset();
}

void TestUiPreferences::addImages(int count)
{
    QStringList files;
    for (int i = 0; i < count; ++i) {
        files << m_files->filePath(QStringLiteral("image-%1.png").arg(i));
        QVERIFY(uitest::writeFile(
            files.last(), ImageFactory::solidPng(QColor::fromHsv(i * 30, 200, 200))));
    }
    m_window->ingest(files);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), count, kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->session()->pipeline()->pendingCount(), 0, kLivenessMs);
}

Result<MoveReport> TestUiPreferences::moveTo(const QString &dest, bool cancelAtOnce)
{
    openDialog()->libraryPage()->moveLibrary(dest);
    auto *progress = m_window->findChild<ui::LibraryMoveProgress *>();
    if (!progress)
        return Error { QStringLiteral("refused") };
    std::optional<Result<MoveReport>> outcome;
    connect(progress, &ui::LibraryMoveProgress::finishedWith, this,
        [&outcome](const Result<MoveReport> &r) { outcome.emplace(r); });
    if (cancelAtOnce)
        Q_EMIT progress->canceled(); // what its Cancel button does
    if (!QTest::qWaitFor([&outcome] { return outcome.has_value(); }, kLivenessMs * 4))
        return Error { QStringLiteral("the copy did not end") };
    return *outcome;
}

QString TestUiPreferences::refusal() const
{
    for (auto *box : m_window->findChildren<QMessageBox *>())
        if (box->windowTitle() == QLatin1String("Cannot Move Library"))
            return box->informativeText();
    return {};
}

// Move Library… copies the library into an empty folder, uses it from
// there (now and at start), and deletes the old library's own files, but
// never a file Trove did not make.
void TestUiPreferences::moveLibraryUsesTheNewPlace()
{
    addImages(3);
    const LibraryPaths old(m_library->path());
    const QString mine = m_library->filePath(QStringLiteral("my notes.txt"));
    QVERIFY(uitest::writeFile(mine, "keep me"));
    const QString dest = m_files->filePath(QStringLiteral("moved/library"));

    const Result<MoveReport> report = moveTo(dest);
    QVERIFY2(report, qPrintable(report ? QString() : report.error()));
    QCOMPARE(report->images, 3);
    QCOMPARE(report->blobs, 3);
    QCOMPARE(m_window->session()->paths().root(), LibraryPaths(dest).root());
    QCOMPARE(LibraryPaths::resolve().root(), LibraryPaths(dest).root());
    QCOMPARE(
        QSettings().value(QStringLiteral("library/path")).toString(), LibraryPaths(dest).root());
    QCOMPARE(
        openDialog()->libraryPage()->findChild<QLabel *>(QStringLiteral("libraryLocation"))->text(),
        QDir::toNativeSeparators(LibraryPaths(dest).root()));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->session()->isOpen(), kLivenessMs);
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 3, kLivenessMs);

    // The old library's files go once its session has let go of them;
    // the person's own file stays, and the window says so.
    QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(old.catalogFile()), kLivenessMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        m_window->findChild<QMessageBox *>(QStringLiteral("libraryMovedLeftovers")), kLivenessMs);
    QVERIFY(!QFileInfo::exists(old.thumbsFile()));
    QVERIFY(!QFileInfo::exists(old.blobsDir()));
    QVERIFY(!QFileInfo::exists(old.tmpDir()));
    QVERIFY(QFileInfo::exists(mine));
    QCOMPARE(QDir(old.root()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("my notes.txt") });

    // Every image opens from the new place.
    QTRY_VERIFY_WITH_TIMEOUT(
        gallery()->index(2).data(GalleryModel::LoadedRole).toBool(), kLivenessMs);
    for (int row = 0; row < 3; ++row) {
        const QString sha = gallery()->index(row).data(GalleryModel::Sha256Role).toString();
        QVERIFY(QFileInfo::exists(LibraryPaths(dest).blobFile(sha)));
    }
    m_window->openViewer(1);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_window->viewer()->canvas()->image().size(), QSize(64, 48), kLivenessMs);
}

void TestUiPreferences::moveLibraryRefusesWhatItCannotUse_data()
{
    QTest::addColumn<QString>("where"); // relative to the scratch folder
    QTest::addColumn<QString>("expected");
    QTest::newRow("not empty") << QStringLiteral("full") << QStringLiteral("is not empty");
    QTest::newRow("inside the library")
        << QStringLiteral("<library>/inside") << QStringLiteral("inside the library");
    QTest::newRow("inside the library through a link")
        << QStringLiteral("<link>/inside") << QStringLiteral("inside the library");
    QTest::newRow("too little space")
        << QStringLiteral("roomless") << QStringLiteral("not enough free space");
}

// A folder that is not empty, one inside the library, or one without room
// is refused with its own reason, before anything is copied.
void TestUiPreferences::moveLibraryRefusesWhatItCannotUse()
{
    QFETCH(QString, where);
    QFETCH(QString, expected);
    addImages(1);
    QString dest = where.startsWith(QLatin1String("<library>")) ? m_library->path() + where.mid(9)
                                                                : m_files->filePath(where);
    if (where.startsWith(QLatin1String("<link>"))) {
        const QString link = m_files->filePath(QStringLiteral("link-to-library"));
        QVERIFY(QFile::link(m_library->path(), link));
        dest = link + where.mid(6);
    }
    if (where == QLatin1String("full")) {
        QVERIFY(QDir().mkpath(dest));
        QVERIFY(uitest::writeFile(dest + QStringLiteral("/letter.txt"), "mine"));
    }
    if (where == QLatin1String("roomless"))
        qputenv("TROVE_TEST_LIBRARY_QUOTA", "1000");
    const Result<MoveReport> report = moveTo(dest);
    qunsetenv("TROVE_TEST_LIBRARY_QUOTA");
    QVERIFY(!report);
    QVERIFY2(report.error().contains(expected), qPrintable(report.error()));
    QTRY_VERIFY(refusal().contains(expected));
    QCOMPARE(m_window->session()->paths().root(), LibraryPaths(m_library->path()).root());
    QVERIFY(QSettings().value(QStringLiteral("library/path")).toString().isEmpty());
    if (where == QLatin1String("full"))
        QCOMPARE(QDir(dest).entryList(QDir::Files), QStringList { QStringLiteral("letter.txt") });
    else
        QVERIFY(!QFileInfo::exists(dest));
}

void TestUiPreferences::moveLibraryFailureKeepsTheOldOne_data()
{
    QTest::addColumn<bool>("cancel");
    QTest::newRow("cancelled") << true;
    QTest::newRow("a blob cannot be read") << false;
}

// A copy that is cancelled, or fails half-way, is removed again and the
// old library stays in use, whole, and can still be added to.
void TestUiPreferences::moveLibraryFailureKeepsTheOldOne()
{
    QFETCH(bool, cancel);
    addImages(4);
    const LibraryPaths old(m_library->path());
    // All four shown and loaded: under load the last image can arrive after
    // the row of another is loaded, as a row not loaded yet at the top.
    QTRY_VERIFY_WITH_TIMEOUT(gallery()->rowCount() == 4
            && gallery()->index(0).data(GalleryModel::LoadedRole).toBool()
            && gallery()->index(3).data(GalleryModel::LoadedRole).toBool(),
        kLivenessMs);
    QString unreadable;
    if (!cancel) {
        // A folder where a blob should be: it cannot be read (as root too).
        unreadable = old.blobFile(gallery()->index(0).data(GalleryModel::Sha256Role).toString());
        QVERIFY(QFile::rename(unreadable, unreadable + QStringLiteral(".aside")));
        QVERIFY(QDir().mkdir(unreadable));
    }
    const QString dest = m_files->filePath(QStringLiteral("new-place"));
    const Result<MoveReport> report = moveTo(dest, cancel);
    if (!unreadable.isEmpty()) {
        QVERIFY(QDir().rmdir(unreadable));
        QVERIFY(QFile::rename(unreadable + QStringLiteral(".aside"), unreadable));
    }
    QVERIFY(!report);
    if (cancel) {
        QCOMPARE(report.error(), LibraryMove::tr("cancelled"));
    } else {
        QVERIFY2(report.error().contains(QLatin1String("cannot read")), qPrintable(report.error()));
        QTRY_VERIFY(refusal().contains(QLatin1String("cannot read")));
    }
    QVERIFY(!QFileInfo::exists(dest));
    QCOMPARE(m_window->session()->paths().root(), old.root());
    QVERIFY(QSettings().value(QStringLiteral("library/path")).toString().isEmpty());
    QVERIFY(QFileInfo::exists(old.catalogFile()));
    QCOMPARE(QDir(old.blobsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size() > 0, true);
    QCOMPARE(gallery()->rowCount(), 4);
    // Still working: it takes another image.
    QVERIFY(!m_window->session()->pipeline()->isPaused());
    const QString more = m_files->filePath(QStringLiteral("more.png"));
    QVERIFY(uitest::writeFile(more, ImageFactory::solidPng(Qt::darkCyan)));
    m_window->ingest({ more });
    QTRY_COMPARE_WITH_TIMEOUT(gallery()->rowCount(), 5, kLivenessMs);
}

// Everything set in the dialog is what the next window starts with.
void TestUiPreferences::settingsSurviveANewWindow()
{
    ui::PreferencesDialog *dialog = openDialog();
    type(dialog->downloadsPage()->perHostBox(), 3);
    type(dialog->downloadsPage()->stallBox(), 20);
    type(dialog->libraryPage()->trashRetentionBox(), 30);
    type(dialog->localApiPage()->portBox(), 45999);
    dialog->generalPage()->themeBox()->setCurrentIndex(
        dialog->generalPage()->themeBox()->findData(int(ui::Theme::Dark)));
    const ui::Preferences expected = m_window->preferences();
    QCOMPARE(expected.perHost, 3);
    QCOMPARE(expected.apiPort, 45999);
    m_window.reset();
    ui::applyTheme(ui::Theme::System);

    m_window = uitest::openWindow(m_library->path());
    QVERIFY(m_window->preferences() == expected);
    // The theme is applied at start, before anything shows.
    QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 64);
    ui::PreferencesDialog *again = openDialog();
    QCOMPARE(again->downloadsPage()->perHostBox()->value(), 3);
    QCOMPARE(again->downloadsPage()->stallBox()->value(), 20);
    QCOMPARE(again->libraryPage()->trashRetentionBox()->value(), 30);
    QCOMPARE(again->localApiPage()->portBox()->value(), 45999);
    QCOMPARE(again->generalPage()->themeBox()->currentData().toInt(), int(ui::Theme::Dark));
}

void TestUiPreferences::firstWindowFitsTheScreen()
{
    // init() cleared the settings: a first start, on the offscreen
    // platform's screen, smaller than the roomy first size (as a laptop's
    // 1366x768 less its panel is; 1180x780 was once the size whatever the
    // screen). Larger than the screen only where the window's own least
    // size is.
    m_window.reset();
    QSettings().remove(QStringLiteral("window"));
    m_window = uitest::openWindow(m_library->path(), false);
    const QSize available = m_window->screen()->availableGeometry().size();
    const QSize least = m_window->minimumSizeHint();
    QVERIFY2(available.width() < 1180, "a screen this wide tests nothing here");
    QVERIFY2(m_window->width() <= std::max(available.width(), least.width())
            && m_window->height() <= std::max(available.height(), least.height()),
        qPrintable(QStringLiteral("%1x%2 on a screen of %3x%4, at least %5x%6")
                       .arg(m_window->width())
                       .arg(m_window->height())
                       .arg(available.width())
                       .arg(available.height())
                       .arg(least.width())
                       .arg(least.height())));

    // The size a person chose comes back at the next start, as chosen.
    const QSize chosen = m_window->size() + QSize(30, 20);
    m_window->resize(chosen);
    QVERIFY(m_window->close());
    m_window.reset();
    m_window = uitest::openWindow(m_library->path(), false);
    QCOMPARE(m_window->size(), chosen);
}

void TestUiPreferences::languageIsKeptForTheNextStart()
{
    ui::PreferencesDialog *dialog = openDialog();
    QComboBox *box = dialog->generalPage()->languageBox();
    // The system's language first, then every catalogue shipped.
    QCOMPARE(box->itemData(0).toString(), QString());
    QCOMPARE(box->currentData().toString(), ui::installedLanguage());
    QVERIFY(box->findData(QStringLiteral("de")) > 0);
    QVERIFY(box->findData(QStringLiteral("fr")) > 0);
    QVERIFY(!dialog->generalPage()->languageNote()->isVisibleTo(dialog));

    box->setCurrentIndex(box->findData(QStringLiteral("de")));
    QCOMPARE(m_window->preferences().language, QStringLiteral("de"));
    QCOMPARE(trove::userSettings()->value(QLatin1String(ui::kLanguageKey)).toString(),
        QStringLiteral("de"));
    // It cannot retranslate what is built: it says when it applies.
    QVERIFY(dialog->generalPage()->languageNote()->isVisibleTo(dialog));
    QCOMPARE(m_window->menuBar()->actions().first()->text(), QStringLiteral("&File"));

    m_window.reset();
    m_window = uitest::openWindow(m_library->path());
    QCOMPARE(m_window->preferences().language, QStringLiteral("de"));
    QCOMPARE(
        openDialog()->generalPage()->languageBox()->currentData().toString(), QStringLiteral("de"));
}

QTEST_MAIN(TestUiPreferences)
#include "tst_uipreferences.moc"
