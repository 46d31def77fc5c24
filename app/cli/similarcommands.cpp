// SPDX-License-Identifier: MIT
// trove similar | duplicates | merge | not-duplicates | rehash: near-duplicates
// by perceptual hash (app/core/similar).
#include "catalog/catalogreader.h"
#include "catalog/catalogwriter.h"
#include "commandhelpers.h"
#include "ingest/imageprocessor.h"
#include "jsonstream.h"
#include "similar/backfill.h"
#include "similar/keepbest.h"
#include "similar/similarityreader.h"
#include "storage/gzipcodec.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QThreadPool>
#include <algorithm>

namespace trove::cli {

namespace {

const QString kDistance = QStringLiteral("distance");

QJsonObject imageJson(const ImageRecord &r, int distance)
{
    return { { QStringLiteral("id"), r.id }, { QStringLiteral("name"), r.name },
        { QStringLiteral("distance"), distance }, { QStringLiteral("format"), r.format },
        { QStringLiteral("width"), r.width }, { QStringLiteral("height"), r.height },
        { QStringLiteral("original_bytes"), r.originalBytes },
        { QStringLiteral("added_at"), isoUtc(r.addedAt) } };
}

// imageJson's fields, streamed (duplicates).
void appendImageJson(QByteArray &out, const ImageRecord &r, int distance)
{
    out.append('{');
    json::appendKey(out, "id");
    json::appendString(out, r.id);
    out.append(',');
    json::appendKey(out, "name");
    json::appendString(out, r.name);
    out.append(',');
    json::appendNumber(out, "distance", distance);
    out.append(',');
    json::appendKey(out, "format");
    json::appendString(out, r.format);
    out.append(',');
    json::appendNumber(out, "width", r.width);
    out.append(',');
    json::appendNumber(out, "height", r.height);
    out.append(',');
    json::appendNumber(out, "original_bytes", r.originalBytes);
    out.append(',');
    json::appendKey(out, "added_at");
    json::appendString(out, isoUtc(r.addedAt));
    out.append('}');
}

QString imageLine(const ImageRecord &r)
{
    return QStringLiteral("%1  %2x%3 %4  %5")
        .arg(shortId(r.id))
        .arg(r.width)
        .arg(r.height)
        .arg(r.format, r.name);
}

// --distance N: 0..32, default SimilarityRule::kDefaultDistance.
bool parseRule(CommandContext &ctx, SimilarityRule &rule)
{
    if (!ctx.parser.isSet(kDistance))
        return true;
    bool ok = false;
    const int d = ctx.parser.value(kDistance).toInt(&ok);
    if (!ok || d < 0 || d > SimilarityRule::kMaxDistance) {
        usageError(ctx,
            QStringLiteral("--distance takes a number from 0 to %1")
                .arg(SimilarityRule::kMaxDistance));
        return false;
    }
    rule.distance = d;
    return true;
}

// Records of @p keys (without tags and sources), by key.
Result<QHash<qint64, ImageRecord>> recordsOf(SimilarityReader &similar, const QList<qint64> &keys)
{
    auto briefs = similar.briefs(keys);
    if (!briefs)
        return briefs.failure();
    QHash<qint64, ImageRecord> out;
    out.reserve(briefs->size());
    for (const ImageRecord &r : std::as_const(*briefs))
        out.insert(r.key, r);
    return out;
}

} // namespace

void similarOptions(QCommandLineParser &p)
{
    p.addOption({ kDistance,
        QStringLiteral("Most bits the hashes may differ in (0-%1, default %2).")
            .arg(SimilarityRule::kMaxDistance)
            .arg(SimilarityRule::kDefaultDistance),
        QStringLiteral("N") });
}

int runSimilar(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.size() != 1)
        return usageError(ctx, QStringLiteral("similar takes one ID or NAME"));
    SimilarityRule rule;
    if (!parseRule(ctx, rule))
        return 2;
    CatalogReader reader;
    const Resolved target = resolveArguments(ctx, reader, args);
    if (target.records.isEmpty())
        return target.status;
    const ImageRecord &image = target.records.first();
    SimilarityReader similar(reader.catalog());
    auto stored = similar.hashOf(image.key);
    if (!stored)
        return failWith(ctx, stored.error());
    ImageHash hash = stored->value_or(ImageHash {});
    if (!stored->has_value()) {
        // Not hashed yet (the backfill has not come by): hash it now.
        auto bytes = GzipCodec::readAll(ctx.paths.blobFile(image.sha256));
        if (!bytes)
            return failWith(ctx, QStringLiteral("%1: %2").arg(args.first(), bytes.error()));
        auto fresh = ImageProcessor::hashFromBytes(*bytes);
        if (!fresh)
            return failWith(ctx, QStringLiteral("%1: %2").arg(args.first(), fresh.error()));
        hash = *fresh;
    }
    if (!hash.valid)
        return failWith(ctx,
            QStringLiteral("%1: this image could not be decoded, so it has no hash")
                .arg(args.first()));
    auto matches = similar.similar(hash, rule, image.key);
    if (!matches)
        return failWith(ctx, matches.error());
    QList<qint64> keys;
    for (const SimilarMatch &m : std::as_const(*matches))
        keys.append(m.key);
    auto records = recordsOf(similar, keys);
    if (!records)
        return failWith(ctx, records.error());
    QJsonArray array;
    for (const SimilarMatch &m : std::as_const(*matches)) {
        const auto it = records->constFind(m.key);
        if (it == records->cend())
            continue; // removed meanwhile
        if (ctx.json)
            array.append(imageJson(*it, m.distance));
        else
            ctx.output.out() << QStringLiteral("%1  ").arg(m.distance, 2) << imageLine(*it) << '\n';
    }
    if (ctx.json)
        ctx.output.json(
            QJsonDocument(QJsonObject { { QStringLiteral("image"), imageJson(image, 0) },
                { kDistance, rule.distance }, { QStringLiteral("similar"), array } }));
    else if (array.isEmpty() && matches->isEmpty())
        ctx.output.out() << "no similar images within distance " << rule.distance << '\n';
    ctx.output.out().flush();
    return 0;
}

int runDuplicates(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("duplicates takes no arguments"));
    SimilarityRule rule;
    if (!parseRule(ctx, rule))
        return 2;
    CatalogReader reader;
    if (!openReader(ctx, reader))
        return 1;
    SimilarityReader similar(reader.catalog());
    auto progress = similar.progress();
    if (!progress)
        return failWith(ctx, progress.error());
    if (progress->remaining() > 0)
        ctx.output.err() << "trove: warning: " << progress->remaining()
                         << " image(s) have no hash yet and are left out; `trove rehash` hashes "
                            "them"
                         << Qt::endl;
    const auto groups = similar.duplicates(rule);
    if (!groups)
        return failWith(ctx, groups.error());

    // Printed as it is read: the records of a few thousand images at a
    // time, each group as soon as it is ordered (at a million, 200,000
    // images in 49,000 groups; a whole QJsonDocument of them took seconds
    // and a gigabyte). JSON: one group a line inside the one object.
    QByteArray json;
    if (ctx.json) {
        json.append('{');
        json::appendNumber(json, "distance", rule.distance);
        json.append(',');
        json::appendKey(json, "groups");
        json.append('[');
    }
    constexpr qsizetype kKeysPerRead = 8192;
    int number = 0;
    for (qsizetype next = 0; next < groups->size();) {
        QList<qint64> keys;
        qsizetype end = next;
        for (; end < groups->size()
             && (keys.isEmpty() || keys.size() + groups->at(end).size() <= kKeysPerRead);
             ++end)
            for (const HashEntry &e : groups->at(end))
                keys.append(e.key);
        auto records = recordsOf(similar, keys);
        if (!records)
            return failWith(ctx, records.error());
        for (; next < end; ++next) {
            QList<ImageRecord> members;
            QHash<qint64, quint64> phash;
            for (const HashEntry &e : groups->at(next)) {
                if (const auto it = records->constFind(e.key); it != records->cend()) {
                    members.append(*it);
                    phash.insert(e.key, e.phash);
                }
            }
            if (members.size() < 2)
                continue; // removed meanwhile
            members = KeepBest::ordered(members);
            const quint64 kept = phash.value(members.first().key);
            if (!ctx.json)
                ctx.output.out() << "group " << ++number << " (" << members.size() << " images)\n";
            else {
                json.append(number++ > 0 ? ",\n{" : "\n{");
                json::appendKey(json, "keep");
                json::appendString(json, members.first().id);
                json.append(',');
                json::appendKey(json, "images");
                json.append('[');
            }
            for (const ImageRecord &r : std::as_const(members)) {
                const int distance = hammingDistance(kept, phash.value(r.key));
                if (ctx.json) {
                    if (&r != &members.first())
                        json.append(',');
                    appendImageJson(json, r, distance);
                } else {
                    ctx.output.out()
                        << (r.key == members.first().key ? "  keep " : "       ")
                        << QStringLiteral("%1  ").arg(distance, 2) << imageLine(r) << '\n';
                }
            }
            if (ctx.json)
                json.append("]}");
            if (json.size() >= (1 << 20)) {
                ctx.output.write(json);
                json.clear();
            }
        }
    }
    if (ctx.json) {
        json.append(number > 0 ? "\n]}\n" : "]}\n");
        ctx.output.write(json);
    } else if (number == 0) {
        ctx.output.out() << "no near-duplicates within distance " << rule.distance << '\n';
    }
    ctx.output.out().flush();
    return 0;
}

int runMerge(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.size() < 2)
        return usageError(ctx, QStringLiteral("merge takes KEEP_ID and one or more OTHER_ID"));
    CatalogReader reader;
    const Resolved targets = resolveArguments(ctx, reader, args);
    // Merging only some of what was named would surprise: all or nothing.
    if (targets.status != 0)
        return 1;
    // Named twice (the lookup keeps one of each image).
    if (targets.records.size() != args.size())
        return usageError(ctx,
            QStringLiteral("merge names each image once: an image cannot be merged into itself"));
    const ImageRecord keep = targets.records.first();
    QList<qint64> others;
    for (const ImageRecord &r : targets.records.mid(1))
        if (!others.contains(r.key))
            others.append(r.key);
    if (others.contains(keep.key))
        return usageError(ctx, QStringLiteral("an image cannot be merged into itself"));
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto merged = waitFor(writer.merge(keep.key, others));
    if (!merged)
        return failWith(ctx, merged.error());
    if (ctx.json) {
        QJsonArray trashed;
        for (const ImageRecord &r : targets.records.mid(1))
            trashed.append(r.id);
        ctx.output.json(QJsonDocument(QJsonObject { { QStringLiteral("kept"), keep.id },
            { QStringLiteral("trashed"), trashed },
            { QStringLiteral("tags_added"), QJsonArray::fromStringList(merged->tagsAdded) },
            { QStringLiteral("sources_added"), QJsonArray::fromStringList(merged->sourcesAdded) },
            { QStringLiteral("collections_joined"), merged->collectionsJoined.size() } }));
    } else {
        ctx.output.out() << "merged " << merged->trashed.size() << " image(s) into "
                         << shortId(keep.id) << "  " << keep.name << ": "
                         << merged->tagsAdded.size() << " tag(s), " << merged->sourcesAdded.size()
                         << " source(s) and " << merged->collectionsJoined.size()
                         << " collection(s) added; the others are in the trash (`trove trash "
                            "restore ID` puts one back)"
                         << Qt::endl;
    }
    return 0;
}

int runNotDuplicates(CommandContext &ctx)
{
    const QStringList args = ctx.parser.positionalArguments();
    if (args.size() < 2)
        return usageError(ctx, QStringLiteral("not-duplicates takes two or more ID|NAME"));
    CatalogReader reader;
    const Resolved targets = resolveArguments(ctx, reader, args);
    if (targets.status != 0)
        return 1;
    QList<QPair<qint64, qint64>> pairs;
    QList<qint64> keys = targets.keys();
    // The same image named twice (by id and by name) is no pair.
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    if (keys.size() < 2)
        return usageError(ctx, QStringLiteral("not-duplicates takes two or more different images"));
    for (qsizetype i = 0; i < keys.size(); ++i)
        for (qsizetype j = i + 1; j < keys.size(); ++j)
            pairs.append({ keys[i], keys[j] });
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    auto marked = waitFor(writer.markNotDuplicates(pairs));
    if (!marked)
        return failWith(ctx, marked.error());
    if (ctx.json)
        ctx.output.json(QJsonDocument(QJsonObject { { QStringLiteral("pairs"), *marked } }));
    else
        ctx.output.out() << "remembered " << pairs.size()
                         << " pair(s) as not duplicates; `trove duplicates` leaves them apart"
                         << Qt::endl;
    return 0;
}

int runRehash(CommandContext &ctx)
{
    if (!ctx.parser.positionalArguments().isEmpty())
        return usageError(ctx, QStringLiteral("rehash takes no arguments"));
    CatalogWriter writer(ctx.paths);
    if (!openWriter(ctx, writer))
        return 1;
    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, QThread::idealThreadCount()));
    QElapsedTimer clock;
    clock.start();
    QElapsedTimer lastLine;
    lastLine.start();
    qint64 startHashed = -1;
    HashBackfill::Options options;
    options.pool = &pool;
    options.progress = [&](const HashProgress &p) {
        if (startHashed < 0)
            startHashed = p.hashed;
        if (lastLine.elapsed() >= 1000 && !ctx.json) {
            ctx.output.err() << "hashed " << p.hashed << " of " << p.images << Qt::endl;
            lastLine.restart();
        }
    };
    auto done = HashBackfill::run(ctx.paths, writer, options);
    if (!done)
        return failWith(ctx, done.error());
    const double seconds = double(clock.elapsed()) / 1000.0;
    if (ctx.json) {
        ctx.output.json(QJsonDocument(QJsonObject { { QStringLiteral("images"), done->images },
            { QStringLiteral("hashed"), done->hashed },
            { QStringLiteral("unhashable"), done->unhashable },
            { QStringLiteral("seconds"), seconds } }));
    } else {
        ctx.output.out() << done->hashed << " of " << done->images << " image(s) hashed";
        if (done->unhashable > 0)
            ctx.output.out() << " (" << done->unhashable << " could not be decoded)";
        ctx.output.out() << Qt::endl;
    }
    return done->remaining() > 0 ? 1 : 0;
}

} // namespace trove::cli
