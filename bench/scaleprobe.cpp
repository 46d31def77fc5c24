// SPDX-License-Identifier: MIT
// Opens the real Trove window on a (big) library and measures what a person
// waits for, each until the result is painted with its thumbnails:
//   first_grid_ms   process start -> first frame with every visible thumbnail
//   tag_search_ms   "tag:<t>" + Enter -> filtered grid painted
//   name_search_ms  "<text>" + Enter -> filtered grid painted
//   dense_search_*  the same for a text in (nearly) every image: first
//                   screen painted, and painted with every match counted
//   jump_end_ms     Ctrl+End in the grid -> last screen painted
//   peak_rss_mb     VmHWM at the end
// Each search is also timed as bare SQL (count + first page) for reference.
// Prints one JSON object. Run it under Xvfb (bench/scale does).
//
//   trove-scale-probe --library DIR [--tag tag-150] [--text amber-har] [--dense-text example]
#include "benchsupport.h"
#include "catalog/catalogreader.h"
#include "diagnostics/stallmonitor.h"
#include "gallery/browsebar.h"
#include "gallery/galleryview.h"
#include "mainwindow.h"
#include "models/gallerymodel.h"
#include "models/librarysession.h"
#include "storage/librarypaths.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QScrollBar>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <functional>

using namespace trove;

using trove::bench::loadAverage;
using trove::bench::round1;
using trove::bench::statusMb;

namespace {

class Probe {
public:
    explicit Probe(ui::MainWindow *window)
        : m_window(window)
        , m_view(window->galleryView())
        , m_model(window->session()->gallery())
    {
    }

    /// Whether every row on screen is loaded and has its thumbnail.
    bool screenComplete() const
    {
        if (!m_model->isReady())
            return false;
        const auto [first, last] = m_view->visibleRows();
        if (m_model->rowCount() > 0 && first < 0)
            return false;
        for (int row = first; row >= 0 && row <= last; ++row) {
            if (m_model->index(row, 0).data(GalleryModel::ThumbnailRole).value<QImage>().isNull())
                return false;
        }
        return true;
    }

    /// Runs the event loop until a frame is painted while @p done holds;
    /// answers the ms since @p clock started, or -1 after @p timeoutMs.
    double untilPainted(
        const QElapsedTimer &clock, const std::function<bool()> &done, int timeoutMs = 60000)
    {
        QEventLoop loop;
        double at = -1;
        auto connection = QObject::connect(m_view, &ui::GalleryView::framePainted, &loop, [&] {
            if (done()) {
                at = double(clock.nsecsElapsed()) / 1e6;
                loop.quit();
            }
        });
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        // Something may already be waiting to paint; otherwise the next
        // change (a page, a thumbnail) schedules a frame.
        m_view->viewport()->update();
        loop.exec();
        QObject::disconnect(connection);
        return at;
    }

    double search(const QString &text, qint64 expected)
    {
        return searchTimes(text, expected).second;
    }

    /// (first screen painted, painted with every match counted) in ms.
    QPair<double, double> searchTimes(const QString &text, qint64 expected)
    {
        QLineEdit *field = m_window->browseBar()->searchField();
        field->setText(text);
        QElapsedTimer clock;
        clock.start();
        QTest::keyClick(field, Qt::Key_Return); // skips the typing debounce
        const double firstScreen
            = untilPainted(clock, [&] { return m_model->rowCount() > 0 && screenComplete(); });
        const double counted
            = m_model->rowCount() == expected ? firstScreen : untilPainted(clock, [&] {
                  return m_model->rowCount() == expected && screenComplete();
              });
        return { firstScreen, counted };
    }

    ui::MainWindow *m_window;
    ui::GalleryView *m_view;
    GalleryModel *m_model;
};

QPair<double, qint64> sqlTime(const LibraryPaths &paths, const ImageQuery &query)
{
    CatalogReader reader;
    if (!reader.open(paths))
        return { -1, -1 };
    QElapsedTimer clock;
    clock.start();
    const auto count = reader.count(query);
    const auto page = reader.page(query, 0, GalleryModel::kPageSize, count ? *count : 0);
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    return { page ? ms : -1, count ? *count : -1 };
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("Trove"));
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("library"), QStringLiteral("Library folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("tag"), QStringLiteral("Tag to filter by."),
        QStringLiteral("TAG"), QStringLiteral("tag-150") });
    parser.addOption(
        { QStringLiteral("text"), QStringLiteral("Text to search (not --name: Qt takes that one)."),
            QStringLiteral("TEXT"), QStringLiteral("amber-har") });
    parser.addOption({ QStringLiteral("dense-text"), QStringLiteral("Text most images match."),
        QStringLiteral("TEXT"), QStringLiteral("example") });
    parser.process(app);
    const LibraryPaths paths(parser.value(QStringLiteral("library")));

    ui::MainWindow window(paths);
    window.resize(1280, 800);
    Probe probe(&window);
    QElapsedTimer sinceShow;
    sinceShow.start();
    window.show();
    const double startupBeforeShow = msSinceProcessStart() - double(sinceShow.nsecsElapsed()) / 1e6;
    const double shown = probe.untilPainted(sinceShow, [&] { return probe.screenComplete(); });
    const double firstGrid = shown < 0 ? -1 : startupBeforeShow + shown;
    const qint64 total = probe.m_model->rowCount();
    const double rssAfterOpen = statusMb("VmRSS:");

    // Searches: the bare SQL first (on its own connection), then the window.
    ImageQuery byTag;
    byTag.tag = parser.value(QStringLiteral("tag"));
    ImageQuery byName;
    byName.search = parser.value(QStringLiteral("text"));
    const auto [tagSqlMs, tagCount] = sqlTime(paths, byTag);
    const auto [nameSqlMs, nameCount] = sqlTime(paths, byName);
    const double tagMs = probe.search(QStringLiteral("tag:") + byTag.tag, tagCount);
    const double nameMs = probe.search(byName.search, nameCount);
    ImageQuery byDense;
    byDense.search = parser.value(QStringLiteral("dense-text"));
    const auto [denseSqlMs, denseCount] = sqlTime(paths, byDense);
    const auto [denseFirstMs, denseCountedMs] = probe.searchTimes(byDense.search, denseCount);
    const double clearMs = probe.search(QString(), total);

    // Jump to the end of the whole library.
    probe.m_view->setFocus();
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(probe.m_view, Qt::Key_End, Qt::ControlModifier);
    const double endMs = probe.untilPainted(clock,
        [&] { return probe.m_view->visibleRows().second == total - 1 && probe.screenComplete(); });
    if (endMs < 0)
        fprintf(stderr,
            "jump to end: bar %d/%d cols %d; visible %d-%d of %lld, current row %d, complete %d\n",
            probe.m_view->verticalScrollBar()->value(),
            probe.m_view->verticalScrollBar()->maximum(), probe.m_view->columns(),
            probe.m_view->visibleRows().first, probe.m_view->visibleRows().second,
            static_cast<long long>(total), probe.m_view->currentIndex().row(),
            probe.screenComplete());
    // And back to the top.
    clock.restart();
    QTest::keyClick(probe.m_view, Qt::Key_Home, Qt::ControlModifier);
    const double homeMs = probe.untilPainted(
        clock, [&] { return probe.m_view->visibleRows().first == 0 && probe.screenComplete(); });

    const QJsonObject result {
        { QStringLiteral("images"), total },
        { QStringLiteral("first_grid_ms"), round1(firstGrid) },
        { QStringLiteral("tag_search_ms"), round1(tagMs) },
        { QStringLiteral("tag_search_sql_ms"), round1(tagSqlMs) },
        { QStringLiteral("tag_matches"), tagCount },
        { QStringLiteral("name_search_ms"), round1(nameMs) },
        { QStringLiteral("name_search_sql_ms"), round1(nameSqlMs) },
        { QStringLiteral("name_matches"), nameCount },
        { QStringLiteral("dense_search_first_screen_ms"), round1(denseFirstMs) },
        { QStringLiteral("dense_search_counted_ms"), round1(denseCountedMs) },
        { QStringLiteral("dense_search_sql_ms"), round1(denseSqlMs) },
        { QStringLiteral("dense_matches"), denseCount },
        { QStringLiteral("clear_search_ms"), round1(clearMs) },
        { QStringLiteral("jump_end_ms"), round1(endMs) },
        { QStringLiteral("jump_home_ms"), round1(homeMs) },
        { QStringLiteral("rss_after_open_mb"), round1(rssAfterOpen) },
        { QStringLiteral("peak_rss_mb"), round1(statusMb("VmHWM:")) },
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return firstGrid < 0 || tagMs < 0 || nameMs < 0 || endMs < 0 ? 1 : 0;
}
