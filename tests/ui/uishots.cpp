// SPDX-License-Identifier: MIT
// Not a test: drives the real window into the states shown in
// docs/screenshots/ and grabs each at 800x600 and 1600x1000, on a light or
// (argument "dark") a dark palette, as <state>-<light|dark>-<W>x<H>.png.
// Built on demand only:
//   cmake --build <build> --target trove_ui_shots
//   xvfb-run -a -s "-screen 0 1600x1000x24" <build>/tests/trove_ui_shots docs/screenshots
//   xvfb-run -a -s "-screen 0 1600x1000x24" <build>/tests/trove_ui_shots docs/screenshots dark

#include "catalog/catalogwriter.h"
#include "dialogs/duplicatesdialog.h"
#include "dialogs/preferences/localapipage.h"
#include "dialogs/preferencesdialog.h"
#include "dialogs/similardialog.h"
#include "dialogs/trashdialog.h"
#include "gallery/browsebar.h"
#include "gallery/collectionspanel.h"
#include "gallery/gallerydelegate.h"
#include "gallery/galleryview.h"
#include "gallery/imageactions.h"
#include "gallery/tagcompleter.h"
#include "imagefactory.h"
#include "ingest/ingestqueuepanel.h"
#include "models/duplicatesmodel.h"
#include "models/gallerymodel.h"
#include "models/ingestqueuemodel.h"
#include "models/trashmodel.h"
#include "testserver.h"
#include "theme.h"
#include "translations.h"
#include "uifixture.h"
#include "viewer/imageviewer.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QCompleter>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QLinearGradient>
#include <QListView>
#include <QListWidget>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTableView>
#include <QTreeWidget>
#include <functional>

using namespace trove;
using trove::test::Response;
using trove::test::TestServer;

namespace {

/// A small made-up landscape: sky, sun, three ridges, in seed colours.
QImage landscape(int width, int height, quint32 seed)
{
    QRandomGenerator rng(seed);
    QImage image(width, height, QImage::Format_RGB32);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const int hue = int(rng.bounded(360));
    QLinearGradient sky(0, 0, 0, height);
    sky.setColorAt(0, QColor::fromHsv(hue, 120, 250));
    sky.setColorAt(1, QColor::fromHsv((hue + 40) % 360, 90, 255));
    p.fillRect(image.rect(), sky);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor::fromHsv((hue + 180) % 360, 60, 255));
    const int sun = height / 5;
    p.drawEllipse(QPointF(width * (0.2 + rng.generateDouble() * 0.6), height * 0.3), sun, sun);
    for (int ridge = 0; ridge < 3; ++ridge) {
        QPainterPath path;
        const double base = height * (0.55 + ridge * 0.15);
        path.moveTo(0, height);
        for (int x = 0; x <= width; x += width / 12)
            path.lineTo(x, base - rng.generateDouble() * height * 0.18);
        path.lineTo(width, height);
        p.setBrush(
            QColor::fromHsv((hue + 200 + ridge * 15) % 360, 90 + ridge * 50, 200 - ridge * 55));
        p.drawPath(path);
    }
    return image;
}

QByteArray encoded(const QImage &image, const char *format)
{
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format, 88);
    return bytes;
}

void save(QWidget *widget, const QString &path)
{
    QCoreApplication::processEvents();
    QTest::qWait(300);
    widget->grab().save(path);
    qInfo("wrote %s", qPrintable(path));
}

/// The two window sizes every state is checked at: the smallest screen
/// Trove is meant to fit, and a roomy one.
const QList<QSize> kSizes = { QSize(800, 600), QSize(1600, 1000) };

/// Grabs @p widget at each size as <name>-<theme>-<W>x<H>.png; @p before
/// runs after each resize (docks, splitters that follow the size).
void shoot(QWidget *widget, const QString &dir, const QString &name, const QString &theme,
    const std::function<void(QSize)> &before = {})
{
    for (const QSize &size : kSizes) {
        widget->resize(size);
        QCoreApplication::processEvents();
        if (before)
            before(size);
        save(widget,
            QStringLiteral("%1/%2-%3-%4x%5.png")
                .arg(dir, name, theme)
                .arg(size.width())
                .arg(size.height()));
    }
}

const QStringList kNames = { QStringLiteral("alpine-dawn"), QStringLiteral("quiet-valley"),
    QStringLiteral("red-ridge"), QStringLiteral("harbour-evening"), QStringLiteral("first-snow"),
    QStringLiteral("desert-road"), QStringLiteral("summer-haze"), QStringLiteral("northern-pass"),
    QStringLiteral("violet-hour"), QStringLiteral("long-shadows"), QStringLiteral("mint-hills"),
    QStringLiteral("old-lighthouse") };

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    const QString out = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral(".");
    const bool dark = argc > 2 && qstrcmp(argv[2], "dark") == 0;
    const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
    QDir().mkpath(out);
    QTemporaryDir settings;
    uitest::isolateSettings(settings.path());
    // The Light or Dark theme of Preferences (the window applies it at
    // start): the same style, so the pictures differ only in the palette.
    QSettings().setValue(
        QStringLiteral("ui/theme"), ui::themeKey(dark ? ui::Theme::Dark : ui::Theme::Light));
    // TROVE_SHOTS_LANGUAGE=de: the same pictures in German (longer labels).
    if (qEnvironmentVariableIsSet("TROVE_SHOTS_LANGUAGE"))
        ui::installTranslators(app, qEnvironmentVariable("TROVE_SHOTS_LANGUAGE"));
    QTemporaryDir library;
    QTemporaryDir files;

    auto window = uitest::openWindow(library.path(), false);
    // The empty library: the idle queue is a slim bar.
    shoot(window.get(), out, QStringLiteral("empty"), theme);

    // A few dozen images: files with names and tags, as if dropped.
    QStringList paths;
    for (int i = 0; i < 36; ++i) {
        const QString name = kNames[i % kNames.size()]
            + (i < kNames.size() ? QString() : QStringLiteral("-%1").arg(i / kNames.size() + 1));
        const int w = 900 + int((i * 137) % 700);
        const int h = 600 + int((i * 91) % 500);
        const QString path
            = files.filePath(name + (i % 3 == 0 ? QStringLiteral(".png") : QStringLiteral(".jpg")));
        uitest::writeFile(
            path, encoded(landscape(w, h, quint32(i + 3)), i % 3 == 0 ? "png" : "jpg"));
        paths << path;
    }
    // As if sent by the browser extension from an album page: the viewer's
    // info panel then shows its "Found on" link.
    {
        QList<IngestRequest> requests;
        for (const QString &path : std::as_const(paths)) {
            IngestRequest request;
            request.source = path;
            request.headers.referer
                = QStringLiteral("https://photos.example.org/albums/winter-2026");
            requests << request;
        }
        window->session()->pipeline()->enqueue(requests);
    }
    GalleryModel *gallery = window->session()->gallery();
    (void)QTest::qWaitFor(
        [&] { return window->session()->queue()->finishedCount() == paths.size(); }, 60000);
    (void)QTest::qWaitFor(
        [&] {
            return uitest::rowsWithThumbnails(gallery) >= std::min(24, int(gallery->rowCount()));
        },
        20000);
    // Some rated, some favourites: their marks show on the thumbnails.
    {
        QList<qint64> keys;
        for (int row = 0; row < std::min(12, int(gallery->rowCount())); ++row) {
            if (const auto r = gallery->recordAt(row))
                keys << r->key;
        }
        CatalogWriter *writer = window->session()->writer();
        for (int i = 0; i < keys.size(); ++i) {
            writer->setRating({ keys[i] }, (i * 2) % 6);
            if (i % 3 == 1)
                writer->setFavourite({ keys[i] }, true);
        }
        writer->flush();
        (void)QTest::qWaitFor(
            [&] { return gallery->index(1).data(GalleryModel::FavouriteRole).toBool(); }, 10000);
    }
    window->queuePanel()->clearFinishedAction()->trigger();
    window->queueDock()->hide();
    window->galleryView()->setCurrentIndex(gallery->index(4));
    window->galleryView()->selectionModel()->select(gallery->index(5), QItemSelectionModel::Select);
    window->statusBar()->clearMessage();
    (void)QTest::qWaitFor([&] { return gallery->rowCount() == paths.size(); }, 20000);
    shoot(window.get(), out, QStringLiteral("gallery"), theme, [&](QSize) {
        (void)QTest::qWaitFor([&] { return uitest::rowsWithThumbnails(gallery) >= 24; }, 10000);
        QTest::qWait(700); // the status bar's statistics, throttled
        window->statusBar()->clearMessage();
    });
    // The smallest thumbnails: ratings show as one star and a number.
    const int shownSize = window->galleryView()->thumbnailSize();
    window->galleryView()->setThumbnailSize(ui::GalleryDelegate::kMinThumbnail);
    shoot(window.get(), out, QStringLiteral("gallery-small"), theme, [&](QSize) {
        (void)QTest::qWaitFor([&] { return uitest::rowsWithThumbnails(gallery) >= 24; }, 10000);
        window->statusBar()->clearMessage();
    });
    window->galleryView()->setThumbnailSize(shownSize);

    window->openViewer(2);
    (void)QTest::qWaitFor([&] { return window->viewer()->isShowingImage(); }, 10000);
    shoot(window.get(), out, QStringLiteral("viewer"), theme);
    window->closeViewer();

    // Tags: the Tags sidebar beside the gallery, and completion in the
    // search box (its popup is a window of its own: grabbed alone).
    {
        const QStringList words { QStringLiteral("mountains"), QStringLiteral("sunset"),
            QStringLiteral("travel"), QStringLiteral("new zealand"), QStringLiteral("winter"),
            QStringLiteral("coast"), QStringLiteral("favourites") };
        for (int row = 0; row < gallery->rowCount(); ++row) {
            if (auto record = gallery->recordAt(row))
                (void)window->session()->writer()->editTags({ record->key },
                    { words[row % words.size()], words[(row * 3 + 1) % words.size()] }, {});
        }
        (void)QTest::qWaitFor(
            [&] {
                return window->session()->tags()->vocabulary()->countOf(QStringLiteral("coast"))
                    > 0;
            },
            20000);
        window->tagDock()->show();
        shoot(window.get(), out, QStringLiteral("tags"), theme);
        QLineEdit *search = window->browseBar()->searchField();
        search->setFocus();
        QTest::keyClicks(search, QStringLiteral("n"));
        QWidget *popup = window->searchCompleter()->completer()->popup();
        (void)QTest::qWaitFor([&] { return popup->isVisible(); }, 5000);
        save(popup, QStringLiteral("%1/tags-completion-%2.png").arg(out, theme));
        popup->hide();
        search->clear();
        window->tagDock()->hide();
    }

    // Collections: the dock beside the gallery showing a hand-made
    // collection in its own order, as a click on it in the dock does.
    {
        QList<qint64> keys;
        for (int row = gallery->rowCount() - 1; row >= 0 && keys.size() < 9; row -= 2) {
            if (auto record = gallery->recordAt(row))
                keys << record->key;
        }
        CatalogWriter *writer = window->session()->writer();
        (void)writer->createCollection(QStringLiteral("Trip to the coast")).waitForFinished();
        (void)writer->createCollection(QStringLiteral("Wallpapers")).waitForFinished();
        (void)writer->createCollection(QStringLiteral("Blue"), QStringLiteral("tag:coast"))
            .waitForFinished();
        (void)writer->addToCollection(QStringLiteral("Trip to the coast"), keys).waitForFinished();
        (void)writer->addToCollection(QStringLiteral("Wallpapers"), keys.mid(0, 4))
            .waitForFinished();
        window->collectionsDock()->show();
        auto *list = window->collectionsPanel()->findChild<QListWidget *>(
            QStringLiteral("collectionsList"));
        (void)QTest::qWaitFor([&] { return list && list->count() == 3; }, 10000);
        if (list && list->count() > 0) {
            QListWidgetItem *trip = list->findItems(QStringLiteral("Trip"), Qt::MatchStartsWith)
                                        .value(0, list->item(0));
            list->setCurrentItem(trip);
            QTest::mouseClick(
                list->viewport(), Qt::LeftButton, {}, list->visualItemRect(trip).center());
        }
        (void)QTest::qWaitFor([&] { return gallery->rowCount() == keys.size(); }, 10000);
        shoot(window.get(), out, QStringLiteral("collections"), theme);
        window->browseBar()->searchField()->clear();
        (void)QTest::qWaitFor([&] { return gallery->rowCount() > keys.size(); }, 10000);
        window->collectionsDock()->hide();
    }

    // Edit ▸ Preferences, each page.
    {
        ui::PreferencesDialog *prefs = window->showPreferences();
        const struct {
            ui::PreferencesDialog::Page page;
            const char *name;
        } pages[] = { { ui::PreferencesDialog::General, "general" },
            { ui::PreferencesDialog::Downloads, "downloads" },
            { ui::PreferencesDialog::Library, "library" },
            { ui::PreferencesDialog::LocalApi, "localapi" } };
        for (const auto &p : pages) {
            prefs->showPage(p.page);
            prefs->resize(prefs->sizeHint());
            save(prefs,
                QStringLiteral("%1/preferences-%2-%3.png").arg(out, QLatin1String(p.name), theme));
        }
        // An origin no browser sends, named under the field.
        prefs->showPage(ui::PreferencesDialog::LocalApi);
        QLineEdit *origins = prefs->localApiPage()->originsField();
        origins->setText(QStringLiteral("chrome-extension://abcdefgh localhost:8080"));
        Q_EMIT origins->editingFinished();
        prefs->resize(prefs->sizeHint());
        save(prefs, QStringLiteral("%1/preferences-localapi-origins-%2.png").arg(out, theme));
        origins->clear();
        Q_EMIT origins->editingFinished();
        prefs->close();
    }

    // Near-duplicates: copies of a few pictures (a re-encode, a half-size
    // copy, a stamped one), then Image ▸ Find Similar on one of them and
    // Image ▸ Find Duplicates.
    {
        QStringList copies;
        const auto copy
            = [&](int seedOf, const QString &name, double scale, const char *format, bool stamp) {
                  const int i = seedOf;
                  QImage image = landscape(
                      900 + int((i * 137) % 700), 600 + int((i * 91) % 500), quint32(i + 3));
                  if (scale != 1.0)
                      image = image.scaled(int(image.width() * scale), int(image.height() * scale),
                          Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
                  if (stamp) {
                      QPainter p(&image);
                      p.fillRect(QRectF(image.width() * 0.8, image.height() * 0.9,
                                     image.width() * 0.14, image.height() * 0.06),
                          Qt::white);
                  }
                  const QString path = files.filePath(name);
                  uitest::writeFile(path, encoded(image, format));
                  copies << path;
              };
        copy(0, QStringLiteral("alpine-dawn-copy.jpg"), 1.0, "jpg", false);
        copy(0, QStringLiteral("alpine-dawn-small.jpg"), 0.5, "jpg", false);
        copy(0, QStringLiteral("alpine-dawn-stamped.jpg"), 1.0, "jpg", true);
        copy(1, QStringLiteral("quiet-valley-small.png"), 0.5, "png", false);
        copy(3, QStringLiteral("harbour-evening-web.jpg"), 0.6, "jpg", false);
        copy(3, QStringLiteral("harbour-evening-stamped.png"), 1.0, "png", true);
        const int before = gallery->rowCount();
        window->ingest(copies);
        (void)QTest::qWaitFor([&] { return gallery->rowCount() >= before + copies.size(); }, 30000);
        window->queuePanel()->clearFinishedAction()->trigger();
        window->queueDock()->hide();
        auto *actions = window->findChild<ui::ImageActions *>();
        int row = -1;
        (void)QTest::qWaitFor(
            [&] {
                for (int r = 0; r < gallery->rowCount() && row < 0; ++r)
                    if (gallery->index(r).data().toString() == QLatin1String("alpine-dawn-small"))
                        row = r;
                return row >= 0;
            },
            10000);
        window->galleryView()->setCurrentIndex(gallery->index(row));
        (void)QTest::qWaitFor([&] { return actions->findSimilarAction()->isEnabled(); }, 10000);
        actions->findSimilarAction()->trigger();
        if (auto *similar = window->findChild<ui::SimilarDialog *>()) {
            (void)QTest::qWaitFor(
                [&] { return similar->results()->topLevelItemCount() > 0; }, 20000);
            shoot(similar, out, QStringLiteral("similar"), theme);
            similar->close();
        }
        actions->findDuplicatesAction()->trigger();
        if (auto *duplicates = window->findChild<ui::DuplicatesDialog *>()) {
            DuplicatesModel *model = duplicates->model();
            const auto loaded = [&] {
                if (model->isSearching() || model->rowCount() == 0)
                    return false;
                for (int r = 0; r < model->rowCount(); ++r)
                    if (!model->index(r).data(DuplicatesModel::LoadedRole).toBool())
                        return false;
                return true;
            };
            (void)QTest::qWaitFor(loaded, 30000);
            shoot(duplicates, out, QStringLiteral("duplicates"), theme,
                [&](QSize) { (void)QTest::qWaitFor(loaded, 10000); });
            duplicates->close();
        }
    }

    // The trash with a few images removed, the newest first; they are put
    // back after the picture.
    {
        GalleryModel *gallery = window->session()->gallery();
        QList<qint64> keys;
        for (int r = 0; r < 4 && r < gallery->rowCount(); ++r)
            keys << gallery->index(r).data(GalleryModel::KeyRole).toLongLong();
        auto removed = window->session()->writer()->remove(keys);
        (void)QTest::qWaitFor([&] { return removed.isFinished(); }, 10000);
        ui::TrashDialog *trash = window->showTrash();
        TrashModel *model = trash->model();
        const auto everyIcon = [model] {
            for (int r = 0; r < model->rowCount(); ++r)
                if (model->index(r, 0).data(Qt::DecorationRole).isNull())
                    return false;
            return true;
        };
        const auto shown = [&] { return model->rowCount() == keys.size() && everyIcon(); };
        (void)QTest::qWaitFor(shown, 10000);
        trash->view()->selectRow(1);
        shoot(trash, out, QStringLiteral("trash"), theme,
            [&](QSize) { (void)QTest::qWaitFor(shown, 10000); });
        // Filtered by a word of two of the names.
        trash->view()->clearSelection();
        trash->filterField()->setText(QStringLiteral("harbour"));
        const auto filtered = [&] {
            return model->filter() == QLatin1String("harbour") && model->rowCount() > 0
                && model->rowCount() < keys.size() && everyIcon();
        };
        (void)QTest::qWaitFor(filtered, 10000);
        shoot(trash, out, QStringLiteral("trash-filtered"), theme,
            [&](QSize) { (void)QTest::qWaitFor(filtered, 10000); });
        trash->filterField()->clear();
        trash->close();
        auto restored = window->session()->writer()->restoreFromTrash(keys);
        (void)QTest::qWaitFor([&] { return restored.isFinished(); }, 10000);
    }

    // The queue mid-ingest: downloads that stall half way (so the bars
    // hold still for the picture), a few finished, one failed, the rest waiting.
    TestServer server;
    server.start();
    QStringList links;
    for (int i = 0; i < 14; ++i) {
        const QString path
            = QStringLiteral("/photos/%1-%2.jpg").arg(kNames[i % kNames.size()]).arg(100 + i);
        Response r
            = Response::ok(encoded(landscape(1600, 1000, quint32(50 + i)), "jpg"), "image/jpeg");
        if (i >= 3 && i < 11)
            r.stallAfterBytes = r.body.size() * (i % 4 + 1) / 6;
        server.addRoute(path, r);
        links << server.url(path).toString();
    }
    links.insert(2, server.url(QStringLiteral("/photos/missing.jpg")).toString());
    server.addRoute(QStringLiteral("/article.html"),
        Response::ok(trove::test::ImageFactory::html(), "text/html"));
    links.insert(3, server.url(QStringLiteral("/article.html")).toString());
    // Bytes removed from the library before: the row offers "Add Anyway".
    const QString removedPath = QStringLiteral("/photos/removed-before.jpg");
    server.addRoute(
        removedPath, Response::ok(encoded(landscape(800, 500, 99), "jpg"), "image/jpeg"));
    window->ingest({ server.url(removedPath).toString() });
    (void)QTest::qWaitFor([&] { return window->session()->queue()->finishedCount() >= 1; }, 20000);
    if (const IngestItem *done
        = window->session()->pipeline()->item(window->session()->pipeline()->itemIds().last())) {
        auto removed = window->session()->writer()->remove({ done->imageKey });
        (void)QTest::qWaitFor([&] { return removed.isFinished(); }, 20000);
        auto emptied = window->session()->writer()->emptyTrash(TrashFilter::all());
        (void)QTest::qWaitFor([&] { return emptied.isFinished(); }, 20000);
    }
    window->queuePanel()->clearFinishedAction()->trigger();
    links.insert(1, server.url(removedPath).toString());
    window->queueDock()->show();
    QGuiApplication::clipboard()->setText(links.join(QLatin1Char('\n')));
    window->paste();
    (void)QTest::qWaitFor([&] { return window->session()->queue()->finishedCount() >= 5; }, 20000);
    QTest::qWait(1500);
    window->statusBar()->clearMessage();
    shoot(window.get(), out, QStringLiteral("queue"), theme, [&](QSize size) {
        // Half the height to the queue: rows and gallery both in view.
        window->resizeDocks({ window->queueDock() }, { size.height() / 2 }, Qt::Vertical);
    });

    for (quint64 id : window->session()->pipeline()->itemIds())
        window->session()->pipeline()->cancel(id);
    window.reset();
    return 0;
}
