// SPDX-License-Identifier: MIT
// Not a test: drives the real window into the states shown in
// docs/screenshots/ and grabs them. Built on demand only:
//   cmake --build <build> --target trove_ui_shots
//   xvfb-run -a -s "-screen 0 1400x900x24" <build>/tests/trove_ui_shots docs/screenshots

#include "catalog/catalogwriter.h"
#include "dialogs/duplicatesdialog.h"
#include "dialogs/similardialog.h"
#include "gallery/browsebar.h"
#include "gallery/imageactions.h"
#include "imagefactory.h"
#include "ingest/duplicateoffer.h"
#include "ingest/imageprocessor.h"
#include "ingest/ingestbar.h"
#include "ingest/ingestqueuepanel.h"
#include "models/duplicatesmodel.h"
#include "models/gallerymodel.h"
#include "models/ingestqueuemodel.h"
#include "testserver.h"
#include "uifixture.h"
#include "viewer/imageviewer.h"

#include <QClipboard>
#include <QColorSpace>
#include <QDockWidget>
#include <QFile>
#include <QLineEdit>
#include <QLinearGradient>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QProcess>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSlider>
#include <QStatusBar>
#include <QTreeWidget>

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
    // "dark": the same pictures on a dark palette, to check contrast.
    if (argc > 2 && qstrcmp(argv[2], "dark") == 0) {
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1f, 0x21, 0x24));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Button, QColor(0x33, 0x35, 0x38));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
        dark.setColor(QPalette::Mid, QColor(0x50, 0x52, 0x55));
        QApplication::setPalette(dark);
    }
    QDir().mkpath(out);
    QTemporaryDir settings;
    uitest::isolateSettings(settings.path());
    // TROVE_SHOTS_LANGUAGE=de: the same pictures in German (longer labels).
    if (qEnvironmentVariableIsSet("TROVE_SHOTS_LANGUAGE"))
        ui::installTranslators(app, qEnvironmentVariable("TROVE_SHOTS_LANGUAGE"));
    QTemporaryDir library;
    QTemporaryDir files;

    auto window = uitest::openWindow(library.path(), false);
    // The smallest window Trove fits: the idle queue is a slim bar.
    window->resize(800, 600);
    save(window.get(), out + QStringLiteral("/empty-800x600.png"));
    window->resize(1280, 820);
    save(window.get(), out + QStringLiteral("/empty.png"));

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
    window->ingest(paths);
    GalleryModel *gallery = window->session()->gallery();
    (void)QTest::qWaitFor(
        [&] { return window->session()->queue()->finishedCount() == paths.size(); }, 60000);
    (void)QTest::qWaitFor(
        [&] {
            return uitest::rowsWithThumbnails(gallery) >= std::min(24, int(gallery->rowCount()));
        },
        20000);
    window->queuePanel()->clearFinishedAction()->trigger();
    window->queueDock()->hide();
    window->galleryView()->setCurrentIndex(gallery->index(4));
    window->galleryView()->selectionModel()->select(gallery->index(5), QItemSelectionModel::Select);
    window->statusBar()->clearMessage();
    save(window.get(), out + QStringLiteral("/gallery.png"));

    // The add bar: a link to bytes already in the library, added with a
    // typed name, offers the name as a rename; two links in the field and
    // the name field says where names come from.
    {
        TestServer again;
        again.start();
        QFile known(paths.first());
        (void)known.open(QIODevice::ReadOnly);
        again.addRoute(QStringLiteral("/again.png"), Response::ok(known.readAll(), "image/png"));
        ui::IngestBar *bar = window->ingestBar();
        bar->nameField()->setText(QStringLiteral("Evening light"));
        bar->tagsField()->setText(QStringLiteral("favourite"));
        bar->urlField()->setText(again.url(QStringLiteral("/again.png")).toString());
        QTest::keyClick(bar->nameField(), Qt::Key_Return);
        (void)QTest::qWaitFor([&] { return window->duplicateOffer()->isVisible(); }, 20000);
        bar->urlField()->setText(
            QStringLiteral("https://example.org/a.jpg https://example.org/b.jpg"));
        window->queueDock()->hide();
        window->statusBar()->clearMessage();
        save(window.get(), out + QStringLiteral("/addbar.png"));
        bar->urlField()->clear();
        window->duplicateOffer()->dismissButton()->click();
        window->queuePanel()->clearFinishedAction()->trigger();
    }

    window->openViewer(2);
    (void)QTest::qWaitFor([&] { return window->viewer()->isShowingImage(); }, 10000);
    save(window.get(), out + QStringLiteral("/viewer.png"));
    window->closeViewer();

    // An animation (an AVIF sequence of two frames, made by avifenc),
    // paused on each frame; then full screen.
    {
        QImage first = landscape(900, 600, 7);
        QImage second = first;
        QPainter p(&second);
        p.setBrush(QColor(250, 200, 40));
        p.setPen(Qt::NoPen);
        p.drawEllipse(QPointF(650, 160), 90, 90);
        p.end();
        const QString a = files.filePath(QStringLiteral("a.png"));
        const QString b = files.filePath(QStringLiteral("b.png"));
        const QString seq = files.filePath(QStringLiteral("sunrise.avif"));
        first.save(a);
        second.save(b);
        QProcess avifenc;
        avifenc.start(QStringLiteral("avifenc"),
            { QStringLiteral("-s"), QStringLiteral("8"), QStringLiteral("--duration"),
                QStringLiteral("15"), a, b, seq });
        avifenc.waitForFinished(60000);
        const int before = gallery->rowCount();
        window->ingest({ seq });
        (void)QTest::qWaitFor([&] { return gallery->rowCount() > before; }, 20000);
        window->openViewer(0);
        (void)QTest::qWaitFor([&] { return window->viewer()->frameCount() == 2; }, 10000);
        window->viewer()->setPlaying(false);
        window->viewer()->stepFrame(-window->viewer()->currentFrame());
        save(window.get(), out + QStringLiteral("/viewer-animation-1.png"));
        window->viewer()->stepFrame(1);
        save(window.get(), out + QStringLiteral("/viewer-animation-2.png"));
        window->viewer()->setFullScreen(true);
        QTest::qWait(500);
        save(window.get(), out + QStringLiteral("/viewer-fullscreen.png"));
        window->viewer()->setFullScreen(false);
        window->closeViewer();
        window->resize(1280, 820);
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
            save(similar, out + QStringLiteral("/find-similar.png"));
            similar->close();
        }
        actions->findDuplicatesAction()->trigger();
        if (auto *duplicates = window->findChild<ui::DuplicatesDialog *>()) {
            DuplicatesModel *model = duplicates->model();
            (void)QTest::qWaitFor(
                [&] {
                    if (model->isSearching() || model->rowCount() == 0)
                        return false;
                    for (int r = 0; r < model->rowCount(); ++r)
                        if (!model->index(r).data(DuplicatesModel::LoadedRole).toBool())
                            return false;
                    return true;
                },
                30000);
            save(duplicates, out + QStringLiteral("/duplicates.png"));
            duplicates->close();
        }
    }

    // Display P3: the same pixels shown as if sRGB (left) and converted to
    // sRGB as Trove shows them (right).
    {
        QImage p3 = landscape(600, 400, 21);
        p3.setColorSpace(QColorSpace(QColorSpace::DisplayP3));
        QImage raw = p3;
        raw.setColorSpace(QColorSpace());
        const QImage shown = ImageProcessor::toSrgb(p3);
        QImage pair(1220, 400, QImage::Format_RGB32);
        pair.fill(Qt::white);
        QPainter p(&pair);
        p.drawImage(0, 0, raw.convertToFormat(QImage::Format_RGB32));
        p.drawImage(620, 0, shown.convertToFormat(QImage::Format_RGB32));
        p.end();
        pair.save(out + QStringLiteral("/colour-p3.png"));
        qInfo("wrote %s", qPrintable(out + QStringLiteral("/colour-p3.png")));
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
    window->resize(1280, 900);
    window->queueDock()->show();
    window->resizeDocks({ window->queueDock() }, { 470 }, Qt::Vertical);
    QGuiApplication::clipboard()->setText(links.join(QLatin1Char('\n')));
    window->paste();
    (void)QTest::qWaitFor([&] { return window->session()->queue()->finishedCount() >= 5; }, 20000);
    QTest::qWait(1500);
    save(window.get(), out + QStringLiteral("/queue.png"));

    for (quint64 id : window->session()->pipeline()->itemIds())
        window->session()->pipeline()->cancel(id);
    window.reset();
    return 0;
}
