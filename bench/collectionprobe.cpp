// SPDX-License-Identifier: MIT
// Times a hand-made collection in its own order (Collection order) on a
// (big) library, as the window's reader thread runs it, beside the same
// collection newest first (what in:"name" was before):
//   first_screen_ms  the first count step and the first page of 200 rows
//   page100_ms       the page at row 20,000 (page 100), the count known;
//                    past the middle the reader walks the order backwards
//   count_ms         the whole count
//   last_page_ms     the last page (walked from the end)
// "cold" is the first run on a new connection (SQLite's page cache empty;
// the operating system's file cache is left alone on a shared machine),
// "warm" the median of --runs more on that connection. One JSON object.
//
//   trove-collection-probe --library DIR [--collection NAME]... [--runs 5]
//       [--make]   first makes "Probe 1000" (every 1000th image) and
//                  "Probe third" (every 3rd), each in a shuffled hand order,
//                  unless they are there
#include "base/platform.h"
#include "benchsupport.h"
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "catalog/collections.h"
#include "catalog/libraryreader.h"
#include "readerprobe.h"
#include "storage/librarypaths.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cstdio>
#include <random>

using namespace trove;
using trove::bench::loadAverage;
using trove::bench::median;
using trove::bench::round1;

namespace {

constexpr qint64 kPage = 200;
constexpr qint64 kPage100 = 100 * kPage;

struct Timing {
    double firstScreen = -1;
    double page100 = -1;
    double count = -1;
    double lastPage = -1;
    qint64 matches = -1;
};

double msSince(const QElapsedTimer &clock)
{
    return double(clock.nsecsElapsed()) / 1e6;
}

/// What GalleryModel asks for a new query, then a jump to page 100.
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
    t.count = msSince(clock);
    t.matches = all ? *all : -1;
    clock.restart();
    if (t.matches > kPage100 && reader.page(query, kPage100, kPage, t.matches))
        t.page100 = msSince(clock);
    clock.restart();
    if (t.matches > kPage && reader.page(query, t.matches - kPage, kPage, t.matches))
        t.lastPage = msSince(clock);
    return t;
}

QJsonObject timingJson(const Timing &cold, const QList<Timing> &warm)
{
    QList<double> first, page100, count, last;
    for (const Timing &t : warm) {
        first << t.firstScreen;
        page100 << t.page100;
        count << t.count;
        last << t.lastPage;
    }
    return QJsonObject {
        { QStringLiteral("first_screen_cold_ms"), round1(cold.firstScreen) },
        { QStringLiteral("first_screen_ms"), round1(median(first)) },
        { QStringLiteral("page100_cold_ms"), round1(cold.page100) },
        { QStringLiteral("page100_ms"), round1(median(page100)) },
        { QStringLiteral("count_cold_ms"), round1(cold.count) },
        { QStringLiteral("count_ms"), round1(median(count)) },
        { QStringLiteral("last_page_cold_ms"), round1(cold.lastPage) },
        { QStringLiteral("last_page_ms"), round1(median(last)) },
        { QStringLiteral("matches"), cold.matches },
    };
}

bool make(const LibraryPaths &paths)
{
    CatalogReader reader;
    if (!reader.open(paths))
        return false;
    ImageQuery all;
    all.order = ImageQuery::Order::OldestFirst;
    auto keys = reader.keys(all, 0, std::numeric_limits<qint64>::max() / 2);
    if (!keys)
        return false;
    CatalogWriter writer(paths);
    if (!writer.open().result())
        return false;
    std::mt19937_64 random(14);
    for (const auto &[name, every] : { std::pair { QStringLiteral("Probe 1000"), 1000 },
             std::pair { QStringLiteral("Probe third"), 3 } }) {
        if (auto found = Collections::find(reader.catalog(), name, Collections::Counted::No);
            found && *found)
            continue; // made by an earlier run
        QList<qint64> members;
        for (qsizetype i = 0; i < keys->size(); i += every)
            members << keys->at(i);
        std::shuffle(members.begin(), members.end(), random);
        if (!writer.createCollection(name).result())
            return false;
        if (!writer.addToCollection(name, members).result())
            return false;
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    usePlainEventLoops(); // as the application does
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addOption(
        { QStringLiteral("library"), QStringLiteral("Library folder."), QStringLiteral("DIR") });
    parser.addOption({ QStringLiteral("collection"), QStringLiteral("A hand-made collection."),
        QStringLiteral("NAME") });
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("Warm runs per query."),
        QStringLiteral("N"), QStringLiteral("5") });
    parser.addOption({ QStringLiteral("make"), QStringLiteral("Make the two probe collections.") });
    parser.process(app);
    const LibraryPaths paths(parser.value(QStringLiteral("library")));
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (parser.isSet(QStringLiteral("make")) && !make(paths)) {
        fprintf(stderr, "cannot make the probe collections\n");
        return 1;
    }
    QStringList names = parser.values(QStringLiteral("collection"));
    if (names.isEmpty())
        names = { QStringLiteral("Probe 1000"), QStringLiteral("Probe third") };

    QJsonArray rows;
    bool within = true;
    qint64 images = -1;
    for (const QString &name : std::as_const(names)) {
        for (const auto order :
            { ImageQuery::Order::CollectionOrder, ImageQuery::Order::NewestFirst }) {
            ImageQuery query;
            query.search = QStringLiteral("in:\"%1\"").arg(name);
            query.order = order;
            CatalogReader reader; // a new connection: a cold page cache
            if (auto r = reader.open(paths); !r) {
                fprintf(stderr, "%s\n", qPrintable(r.error()));
                return 1;
            }
            if (auto s = reader.stats())
                images = s->images;
            const Timing cold = timeOnce(reader, query);
            QList<Timing> warm;
            for (int run = 0; run < runs; ++run)
                warm << timeOnce(reader, query);
            QJsonObject row = timingJson(cold, warm);
            const bool hand = order == ImageQuery::Order::CollectionOrder;
            row.insert(QStringLiteral("collection"), name);
            row.insert(QStringLiteral("order"),
                hand ? QStringLiteral("collection") : QStringLiteral("newest (before)"));
            if (hand && row.value(QStringLiteral("first_screen_ms")).toDouble() > 50)
                within = false;
            fprintf(stderr,
                "%-14s %-16s %7lld  first %7.1f (cold %7.1f)  page100 %7.1f  count %7.1f ms\n",
                qPrintable(name), qPrintable(row.value(QStringLiteral("order")).toString()),
                static_cast<long long>(cold.matches),
                row.value(QStringLiteral("first_screen_ms")).toDouble(), cold.firstScreen,
                row.value(QStringLiteral("page100_ms")).toDouble(),
                row.value(QStringLiteral("count_ms")).toDouble());
            rows.append(row);
        }
    }
    const QJsonObject result {
        { QStringLiteral("images"), images },
        { QStringLiteral("target_first_screen_ms"), 50 },
        { QStringLiteral("all_within_target"), within },
        { QStringLiteral("queries"), rows },
        { QStringLiteral("load_average"), loadAverage() },
    };
    printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return 0;
}
