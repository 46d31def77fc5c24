// SPDX-License-Identifier: MIT
// Times the search language on a (big) library as the window's reader
// thread runs it, side by side with the single-term searches of before:
//   first_screen_ms  the first count step and the first page of 200 rows,
//                    in the order the gallery asks for them (what a person
//                    waits for before the grid can fill; thumbnails apart)
//   count_ms         the whole count (the status bar's number may follow)
// Each query runs --runs times on one warm connection; the median is
// printed. Also prints what the search index images_by_format costs on
// disk. One JSON object.
//
//   trove-search-probe --library DIR [--runs 5]
#include "base/platform.h"
#include "benchsupport.h"
#include "catalog/catalogreader.h"
#include "catalog/libraryreader.h"
#include "catalog/searchlanguage.h"
#include "readerprobe.h"
#include "storage/librarypaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <algorithm>
#include <cstdio>

using namespace trove;
using trove::bench::loadAverage;
using trove::bench::median;
using trove::bench::round1;

namespace {

constexpr qint64 kPage = 200;

struct Timing {
    double firstScreen = -1;
    double count = -1;
    qint64 matches = -1;
};

/// What GalleryModel asks of the reader for a new query: a count (in steps
/// for a text alone), then the first page, with the total once it is known.
Timing timeOnce(CatalogReader &reader, const ImageQuery &query)
{
    Timing t;
    const auto first = bench::firstScreenMs(reader, query, kPage);
    if (!first)
        return t;
    t.firstScreen = *first;
    QElapsedTimer clock;
    clock.start();
    auto all = reader.count(query);
    t.count = double(clock.nsecsElapsed()) / 1e6;
    t.matches = all ? *all : -1;
    return t;
}

qint64 indexBytes(CatalogReader &reader, const QString &name)
{
    QSqlQuery q
        = reader.catalog().query(QStringLiteral("SELECT sum(pgsize) FROM dbstat WHERE name = ?"));
    q.bindValue(0, name);
    if (!q.exec() || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

} // namespace

int main(int argc, char **argv)
{
    usePlainEventLoops(); // as the application does
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("library"), QStringLiteral("Library folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Runs per query."),
        QStringLiteral("N"), QStringLiteral("5") });
    parser.process(app);
    const LibraryPaths paths(parser.value(QStringLiteral("library")));
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());

    CatalogReader reader;
    if (auto r = reader.open(paths); !r) {
        fprintf(stderr, "%s\n", qPrintable(r.error()));
        return 1;
    }
    auto stats = reader.stats();

    // (what, search, the single-term search of before it stands beside)
    const QList<std::pair<QString, QString>> queries {
        { QStringLiteral("before: one tag"), QStringLiteral("tag:tag-150") },
        { QStringLiteral("before: one text"), QStringLiteral("amber-har") },
        { QStringLiteral("two tags, common"), QStringLiteral("tag:tag-000 tag:tag-001") },
        { QStringLiteral("two tags, rare"), QStringLiteral("tag:tag-020 tag:tag-050") },
        { QStringLiteral("two tags, rare and common"), QStringLiteral("tag:tag-150 tag:tag-000") },
        { QStringLiteral("tag AND NOT tag, common"), QStringLiteral("tag:tag-000 -tag:tag-001") },
        { QStringLiteral("tag AND NOT tag, rare"), QStringLiteral("tag:tag-150 -tag:tag-000") },
        { QStringLiteral("format + width, common"), QStringLiteral("format:png width:>3000") },
        { QStringLiteral("format + width, rare"), QStringLiteral("format:webp width:>3900") },
        { QStringLiteral("format + width, none"), QStringLiteral("format:avif width:>1000") },
        { QStringLiteral("date range, two days"), QStringLiteral("added:2024-01-03..2024-01-04") },
        { QStringLiteral("date range, one day"), QStringLiteral("added:2024-01-05") },
        { QStringLiteral("word and tag"), QStringLiteral("amber tag:tag-000") },
        { QStringLiteral("tag OR tag"), QStringLiteral("tag:tag-150 OR tag:tag-151") },
    };
    QJsonArray rows;
    bool allWithin = true;
    for (const auto &[what, text] : queries) {
        ImageQuery query;
        query.search = text;
        QList<double> first;
        QList<double> counts;
        qint64 matches = -1;
        for (int run = 0; run < runs; ++run) {
            const Timing t = timeOnce(reader, query);
            first << t.firstScreen;
            counts << t.count;
            matches = t.matches;
        }
        const double firstMs = median(first);
        const bool typical = !what.startsWith(QLatin1String("before"));
        if (typical && firstMs > 50)
            allWithin = false;
        rows.append(QJsonObject {
            { QStringLiteral("query"), what },
            { QStringLiteral("search"), text },
            { QStringLiteral("matches"), matches },
            { QStringLiteral("first_screen_ms"), round1(firstMs) },
            { QStringLiteral("count_ms"), round1(median(counts)) },
            { QStringLiteral("first_screen_cold_ms"), round1(first.value(0)) },
        });
        fprintf(stderr, "%-28s %-34s %8lld  first %7.1f ms  count %7.1f ms\n", qPrintable(what),
            qPrintable(text), static_cast<long long>(matches), firstMs, median(counts));
    }
    const QJsonObject result {
        { QStringLiteral("images"), stats ? stats->images : -1 },
        { QStringLiteral("target_first_screen_ms"), 50 },
        { QStringLiteral("all_within_target"), allWithin },
        { QStringLiteral("queries"), rows },
        { QStringLiteral("catalog_bytes"), QFileInfo(paths.catalogFile()).size() },
        { QStringLiteral("images_by_format_bytes"),
            indexBytes(reader, QStringLiteral("images_by_format")) },
        { QStringLiteral("images_by_added_bytes"),
            indexBytes(reader, QStringLiteral("images_by_added")) },
        { QStringLiteral("load_average"), loadAverage() },
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
