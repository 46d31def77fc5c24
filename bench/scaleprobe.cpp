// SPDX-License-Identifier: MIT
// Opens the real Trove window on a (big) library and measures what a person
// waits for, each until the result is painted with its thumbnails:
//   first_grid_ms   process start -> first frame with every visible thumbnail
//   tag_search_ms   "tag:<t>" + Enter -> filtered grid painted
//   name_search_ms  "<text>" + Enter -> filtered grid painted
//   dense_search_*  the same for a text in (nearly) every image: first
//                   screen painted, and painted with every match counted
//   jump_end_ms     Ctrl+End in the grid -> last screen painted
//   sorts           for every order of the sort choice: the order chosen ->
//                   first screen painted (window_ms), and as bare SQL the
//                   first page (first_screen_ms) and page 100 (page_100_ms,
//                   rows 20,000-20,199), each against sort_target_ms
//   peak_rss_mb     VmHWM at the end
// Each search is also timed as bare SQL (count + first page) for reference.
// Prints one JSON object. Run it under Xvfb (bench/scale does).
// --sorts-only times the sorts' SQL alone, without a window (a library
// made with trove-make-library --catalog-only has no thumbnails to wait for).
//
//   trove-scale-probe --library DIR [--tag tag-150] [--text amber-har] [--dense-text example]
//                     [--sorts-only]
#include "base/platform.h"
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

struct SortCase {
    const char *name;
    ImageQuery::Order order;
};

// The orders of the window's sort choice, by `trove list --sort` names.
const SortCase kSorts[] = {
    { "newest", ImageQuery::Order::NewestFirst },
    { "oldest", ImageQuery::Order::OldestFirst },
    { "name", ImageQuery::Order::NameAscending },
    { "name-desc", ImageQuery::Order::NameDescending },
    { "size", ImageQuery::Order::LargestFirst },
    { "size-asc", ImageQuery::Order::SmallestFirst },
    { "pixels", ImageQuery::Order::MostPixelsFirst },
    { "pixels-asc", ImageQuery::Order::FewestPixelsFirst },
    { "random", ImageQuery::Order::Shuffled },
    { "rating", ImageQuery::Order::RatingDescending },
    { "rating-asc", ImageQuery::Order::RatingAscending },
};
constexpr double kSortTargetMs = 50;
constexpr int kDeepPage = 100;

/// The first page and page kDeepPage of every order as the gallery reads
/// them (CatalogReader::page with the count known), each on a connection
/// that has read nothing in that order yet, as after choosing it.
QJsonObject sortSqlTimes(const LibraryPaths &paths, qint64 total)
{
    QJsonObject out;
    for (const SortCase &sort : kSorts) {
        CatalogReader reader;
        if (!reader.open(paths))
            return out;
        ImageQuery query;
        query.order = sort.order;
        QElapsedTimer clock;
        clock.start();
        const auto first = reader.page(query, 0, GalleryModel::kPageSize, total);
        const double firstMs = double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        const auto deep = reader.page(
            query, qint64(kDeepPage) * GalleryModel::kPageSize, GalleryModel::kPageSize, total);
        const double deepMs = double(clock.nsecsElapsed()) / 1e6;
        out.insert(QLatin1String(sort.name),
            QJsonObject { { QStringLiteral("first_screen_ms"), first ? round1(firstMs) : -1 },
                { QStringLiteral("page_100_ms"), deep ? round1(deepMs) : -1 },
                { QStringLiteral("rows"), first ? qint64(first->size()) : -1 } });
    }
    return out;
}

qint64 imageCount(const LibraryPaths &paths)
{
    CatalogReader reader;
    if (!reader.open(paths))
        return -1;
    const auto n = reader.count(ImageQuery {});
    return n ? *n : -1;
}

} // namespace

int main(int argc, char **argv)
{
    usePlainEventLoops(); // as the application does
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
    parser.addOption({ QStringLiteral("sorts-only"),
        QStringLiteral("Time the sorts' SQL only, with no window.") });
    parser.process(app);
    const LibraryPaths paths(parser.value(QStringLiteral("library")));
    if (parser.isSet(QStringLiteral("sorts-only"))) {
        // Opening the catalog once first upgrades its schema if it needs
        // it (a library made by an older build): timed, and kept apart.
        QElapsedTimer clock;
        clock.start();
        const qint64 total = imageCount(paths);
        const double openMs = double(clock.nsecsElapsed()) / 1e6;
        const QJsonObject result {
            { QStringLiteral("images"), total },
            { QStringLiteral("open_ms"), round1(openMs) },
            { QStringLiteral("sort_target_ms"), kSortTargetMs },
            { QStringLiteral("sorts"), sortSqlTimes(paths, total) },
        };
        printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
        return total < 0 ? 1 : 0;
    }

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

    // Every order of the sort choice: chosen -> first screen painted, from
    // the top of the whole library; then its SQL alone.
    QJsonObject sortWindowMs;
    for (const SortCase &sort : kSorts) {
        clock.restart();
        probe.m_window->browseBar()->setOrder(sort.order);
        const double ms = probe.untilPainted(clock, [&] {
            return probe.m_model->query().order == sort.order && probe.m_model->rowCount() == total
                && probe.screenComplete();
        });
        sortWindowMs.insert(QLatin1String(sort.name), round1(ms));
    }
    probe.m_window->browseBar()->setOrder(ImageQuery::Order::NewestFirst);
    QJsonObject sorts = sortSqlTimes(paths, total);
    for (auto it = sorts.begin(); it != sorts.end(); ++it) {
        QJsonObject one = it.value().toObject();
        one.insert(QStringLiteral("window_ms"), sortWindowMs.value(it.key()));
        it.value() = one;
    }

    const QJsonObject result {
        { QStringLiteral("images"), total },
        { QStringLiteral("sort_target_ms"), kSortTargetMs },
        { QStringLiteral("sorts"), sorts },
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
