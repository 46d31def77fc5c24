// SPDX-License-Identifier: MIT
#include "catalog/libraryreader.h"

#include "base/platform.h"
#include "catalog/catalogwriter.h"
#include "catalog/private/libraryreaderworker.h"
#include "codeclog.h"
#include "ingest/imageprocessor.h"
#include "ingest/svgdocument.h"
#include "storage/blobstore.h"
#include "storage/gzipcodec.h"
#include "storage/thumbnailcodec.h"

#include <QBuffer>
#include <QImageReader>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <utility>

namespace trove {

LibraryReader::LibraryReader(const LibraryPaths &paths, CatalogWriter *writer, QObject *parent)
    : QObject(parent)
    , m_thumbnailGeneration(std::make_shared<std::atomic<quint64>>(0))
{
    qRegisterMetaType<trove::ImageRecord>();
    qRegisterMetaType<QList<trove::ImageRecord>>();
    qRegisterMetaType<QList<trove::TrashRecord>>();
    qRegisterMetaType<QList<trove::KeyedThumbnail>>();
    qRegisterMetaType<trove::StatsReport>();
    qRegisterMetaType<trove::ChangeBatch>();
    qRegisterMetaType<QList<QPair<qint64, qint64>>>();
    m_thread.setObjectName(QStringLiteral("trove-library-reader"));
    m_worker = new LibraryReaderWorker(paths, writer, m_thumbnailGeneration);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(&m_thread, &QThread::started, [] { lowerCurrentThreadPriority(ThreadWork::Catalog); });
    connect(m_worker, &LibraryReaderWorker::failed, this, &LibraryReader::failed);
    connect(m_worker, &LibraryReaderWorker::damaged, this, &LibraryReader::damaged);
    connect(m_worker, &LibraryReaderWorker::countReady, this, &LibraryReader::countReady);
    connect(m_worker, &LibraryReaderWorker::searchFailed, this, &LibraryReader::searchFailed);
    connect(m_worker, &LibraryReaderWorker::countProgress, this, &LibraryReader::countProgress);
    connect(m_worker, &LibraryReaderWorker::pageReady, this, &LibraryReader::pageReady);
    connect(m_worker, &LibraryReaderWorker::rowsReady, this, &LibraryReader::rowsReady);
    connect(m_worker, &LibraryReaderWorker::recordsReady, this, &LibraryReader::recordsReady);
    connect(m_worker, &LibraryReaderWorker::keysReady, this, &LibraryReader::keysReady);
    connect(m_worker, &LibraryReaderWorker::thumbnailsReady, this, &LibraryReader::thumbnailsReady);
    connect(m_worker, &LibraryReaderWorker::statsReady, this, &LibraryReader::statsReady);
    connect(m_worker, &LibraryReaderWorker::trashPageReady, this, &LibraryReader::trashPageReady);
    connect(m_worker, &LibraryReaderWorker::trashKeysReady, this, &LibraryReader::trashKeysReady);
    connect(m_worker, &LibraryReaderWorker::changesReady, this, &LibraryReader::changesReady);
    m_thread.start();
    if (writer) {
        // This process's own commits are read at once, not at the next poll
        // (under a stream of them, five times a second).
        connect(writer, &CatalogWriter::committed, this, &LibraryReader::pollOwnCommit);
    }
}

LibraryReader::~LibraryReader()
{
    m_thumbnailGeneration->fetch_add(1); // drops thumbnail work still queued
    m_thread.quit();
    m_thread.wait();
}

void LibraryReader::requestCount(quint64 generation, const ImageQuery &query)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, generation, query, step = m_countStep] {
        w->count(generation, query, 0, 0, step);
    });
}

void LibraryReader::continueCount(
    quint64 generation, const ImageQuery &query, qint64 afterKey, qint64 countedSoFar)
{
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker, step = m_countStep] {
        w->count(generation, query, afterKey, countedSoFar, step);
    });
}

void LibraryReader::requestPage(
    quint64 generation, const ImageQuery &query, qint64 offset, qint64 limit, qint64 total)
{
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker] { w->page(generation, query, offset, limit, total); });
}

void LibraryReader::requestRows(
    quint64 generation, const ImageQuery &query, const QList<qint64> &keys)
{
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker] { w->rows(generation, query, keys); });
}

void LibraryReader::requestRecords(const QList<qint64> &keys)
{
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker] { w->records(keys); });
}

void LibraryReader::requestKeys(
    quint64 ticket, const ImageQuery &query, const QList<QPair<qint64, qint64>> &ranges)
{
    QMetaObject::invokeMethod(m_worker, [=, w = m_worker] { w->keys(ticket, query, ranges); });
}

void LibraryReader::requestThumbnails(const QList<qint64> &keys, int side, qreal scale)
{
    const quint64 generation = m_thumbnailGeneration->fetch_add(1) + 1;
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker] { w->thumbnails(generation, keys, side, scale); });
}

void LibraryReader::requestStats(bool withBreakdown)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, withBreakdown] { w->stats(withBreakdown); });
}

void LibraryReader::requestTrashPage(
    quint64 generation, qint64 offset, qint64 limit, const QString &filter, TrashOrder order)
{
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker] { w->trashPage(generation, offset, limit, filter, order); });
}

void LibraryReader::requestTrashKeys(quint64 ticket, const QList<QPair<qint64, qint64>> &ranges,
    const QString &filter, TrashOrder order)
{
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker] { w->trashKeys(ticket, ranges, filter, order); });
}

void LibraryReader::requestTrashThumbnails(const QList<qint64> &keys, int side, qreal scale)
{
    QMetaObject::invokeMethod(
        m_worker, [=, w = m_worker] { w->trashThumbnails(keys, side, scale); });
}

void LibraryReader::watchChanges(int intervalMs)
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker, intervalMs] { w->watch(intervalMs); });
}

void LibraryReader::pollChanges()
{
    QMetaObject::invokeMethod(m_worker, &LibraryReaderWorker::poll);
}

void LibraryReader::pollOwnCommit()
{
    QMetaObject::invokeMethod(m_worker, &LibraryReaderWorker::pollSoon);
}

QFuture<Result<QImage>> LibraryReader::loadImage(const LibraryPaths &paths, const QString &sha256)
{
    const QString blob = paths.blobFile(sha256);
    return QtConcurrent::run(backgroundPool(), [blob]() -> Result<QImage> {
        auto bytes = GzipCodec::readAll(blob);
        if (!bytes)
            return Error { bytes.error() };
        const CodecScope quiet;
        // SVG and svgz as SvgDocument hands them over (no external files,
        // bounded inflation).
        bool svg = false;
        auto readable = SvgDocument::readable(*bytes, &svg);
        if (!readable)
            return Error { ImageProcessor::tr("cannot decode image: %1").arg(readable.error()) };
        QBuffer buffer(&*readable);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer, svg ? QByteArray("svg") : QByteArray());
        reader.setAutoTransform(true);
        reader.setAllocationLimit(1024);
        QImage image = reader.read();
        if (image.isNull())
            return Error {
                ImageProcessor::tr("cannot decode image: %1").arg(reader.errorString())
            };
        // Shown as it was meant to look: a phone's P3 photo in sRGB.
        return ImageProcessor::toSrgb(std::move(image));
    });
}

QFuture<Result<Picture>> LibraryReader::loadPicture(
    const LibraryPaths &paths, const QString &sha256)
{
    const QString blob = paths.blobFile(sha256);
    return QtConcurrent::run(backgroundPool(), [blob]() -> Result<Picture> {
        auto bytes = GzipCodec::readAll(blob);
        if (!bytes)
            return Error { bytes.error() };
        auto picture = PictureDecoder::decode(*bytes);
        if (!picture)
            return picture;
        // Painting is fastest from premultiplied pixels; convert here, on
        // the pool thread, not while painting.
        for (QImage &frame : picture->frames)
            if (frame.hasAlphaChannel() && frame.format() != QImage::Format_ARGB32_Premultiplied)
                frame.convertTo(QImage::Format_ARGB32_Premultiplied);
        return picture;
    });
}

// --- worker ---------------------------------------------------------------

LibraryReaderWorker::LibraryReaderWorker(const LibraryPaths &paths, CatalogWriter *writer,
    std::shared_ptr<std::atomic<quint64>> thumbnailGeneration)
    : m_paths(paths)
    , m_writer(writer)
    , m_thumbnailGeneration(std::move(thumbnailGeneration))
{
}

bool LibraryReaderWorker::ensureOpen()
{
    if (m_open)
        return true;
    if (auto r = m_reader.open(m_paths); !r) {
        Q_EMIT failed(r.error());
        if (r.errorKind() == Error::Kind::Damaged)
            Q_EMIT damaged(r.error());
        return false;
    }
    m_open = true;
    m_trashCounts = {}; // a new connection's data_version is its own
    // Changes before this moment are in what this reader reads from now on.
    m_feed = std::make_unique<ChangeFeed>(m_reader.catalog());
    (void)m_feed->moved();
    if (auto head = m_feed->head())
        m_seq = *head;
    // A reader that opens after this process's writer did starts where the
    // writer opened: what was written in between (by a test, a script, an
    // API client quick off the mark) was not in what the window first read.
    if (const qint64 atOpen = m_writer ? m_writer->feedHeadAtOpen() : -1;
        atOpen >= 0 && atOpen < m_seq) {
        m_seq = atOpen;
        m_behind = true; // read at the next poll, though the feed has not moved since
    }
    return true;
}

void LibraryReaderWorker::watch(int intervalMs)
{
    if (!m_pollTimer) {
        m_pollTimer = new QTimer(this);
        connect(m_pollTimer, &QTimer::timeout, this, &LibraryReaderWorker::poll);
    }
    m_pollTimer->start(intervalMs);
}

void LibraryReaderWorker::poll()
{
    if (!ensureOpen())
        return;
    auto moved = m_feed->moved();
    if (!std::exchange(m_behind, false) && (!moved || !*moved))
        return;
    // A batch at a time; a busy feed is drained over several polls so the
    // reader's other requests (pages, thumbnails) get their turn between.
    auto batch = m_feed->readAfter(m_seq);
    if (!batch)
        return; // an older library without a feed, or a busy moment: next poll
    m_seq = batch->toSeq;
    handOn(*batch);
    if (batch->toSeq != batch->fromSeq)
        QMetaObject::invokeMethod(this, &LibraryReaderWorker::pollAgain, Qt::QueuedConnection);
}

void LibraryReaderWorker::handOn(const ChangeBatch &batch)
{
    if (batch.isEmpty())
        return;
    m_sinceHandedOn.start();
    Q_EMIT changesReady(batch);
}

void LibraryReaderWorker::pollSoon()
{
    if (m_pollSoonPending)
        return;
    const qint64 since
        = m_sinceHandedOn.isValid() ? m_sinceHandedOn.elapsed() : kOwnCommitSpacingMs;
    if (since >= kOwnCommitSpacingMs) {
        poll();
        return;
    }
    m_pollSoonPending = true;
    QTimer::singleShot(int(kOwnCommitSpacingMs - since), this, [this] {
        m_pollSoonPending = false;
        poll();
    });
}

void LibraryReaderWorker::pollAgain()
{
    // moved() would answer false now: this connection read the new version.
    if (!m_feed)
        return;
    auto batch = m_feed->readAfter(m_seq);
    if (!batch || batch->toSeq == m_seq)
        return;
    m_seq = batch->toSeq;
    handOn(*batch);
    QMetaObject::invokeMethod(this, &LibraryReaderWorker::pollAgain, Qt::QueuedConnection);
}

void LibraryReaderWorker::count(quint64 generation, const ImageQuery &query, qint64 afterKey,
    qint64 countedSoFar, qint64 stepSize)
{
    if (!ensureOpen())
        return;
    auto step = m_reader.countStep(query, afterKey, stepSize);
    if (!step && step.errorKind() == Error::Kind::Search) {
        // No match, and why: the search box says it, not "cannot read".
        Q_EMIT searchFailed(generation, step.error());
        Q_EMIT countReady(generation, 0);
        return;
    }
    if (!step) {
        Q_EMIT failed(step.error());
        if (step.errorKind() == Error::Kind::Damaged)
            Q_EMIT damaged(step.error());
        return;
    }
    if (step->complete)
        Q_EMIT countReady(generation, countedSoFar + step->count);
    else
        Q_EMIT countProgress(generation, countedSoFar + step->count, step->lastKey);
}

void LibraryReaderWorker::page(
    quint64 generation, const ImageQuery &query, qint64 offset, qint64 limit, qint64 total)
{
    if (!ensureOpen())
        return;
    auto rows = m_reader.page(query, offset, limit, total);
    if (!rows && rows.errorKind() == Error::Kind::Search)
        return; // the count said it (a collection deleted between the two)
    if (!rows) {
        Q_EMIT failed(rows.error());
        if (rows.errorKind() == Error::Kind::Damaged)
            Q_EMIT damaged(rows.error());
        return;
    }
    Q_EMIT pageReady(generation, offset, *rows);
}

void LibraryReaderWorker::rows(
    quint64 generation, const ImageQuery &query, const QList<qint64> &keys)
{
    if (!ensureOpen())
        return;
    QList<QPair<qint64, qint64>> out;
    for (qint64 key : keys) {
        auto row = m_reader.rowOf(query, key);
        out.append({ key, row ? *row : -1 });
    }
    Q_EMIT rowsReady(generation, out);
}

void LibraryReaderWorker::records(const QList<qint64> &keys)
{
    if (!ensureOpen())
        return;
    auto r = m_reader.byKeys(keys);
    if (r)
        Q_EMIT recordsReady(*r);
}

void LibraryReaderWorker::keys(
    quint64 ticket, const ImageQuery &query, const QList<QPair<qint64, qint64>> &ranges)
{
    if (!ensureOpen()) {
        Q_EMIT keysReady(ticket, {}, tr("the library cannot be read"));
        return;
    }
    QList<qint64> out;
    for (const auto &[first, last] : ranges) {
        auto part = m_reader.keys(query, first, last - first + 1);
        if (!part) {
            Q_EMIT keysReady(ticket, {}, part.error());
            return;
        }
        out += *part;
    }
    Q_EMIT keysReady(ticket, out, {});
}

QImage LibraryReaderWorker::rebuildThumbnail(qint64 key)
{
    auto record = m_reader.byKey(key);
    if (!record)
        return {};
    auto bytes = GzipCodec::readAll(m_paths.blobFile(record->sha256), qint64(512) * 1024 * 1024);
    if (!bytes)
        return {};
    auto thumb = ImageProcessor::thumbnailFromBytes(*bytes, ThumbnailCodec::kSize);
    if (!thumb)
        return {};
    if (m_writer)
        (void)m_writer->putThumbnail(key, ThumbnailCodec::encode(*thumb), thumb->size());
    return *thumb;
}

void LibraryReaderWorker::thumbnails(
    quint64 generation, const QList<qint64> &keys, int side, qreal scale)
{
    if (!ensureOpen())
        return;
    sendThumbnails(
        keys, side, scale,
        [this](qint64 key) {
            QImage image = storedThumbnail(key);
            return image.isNull() ? rebuildThumbnail(key) : image;
        },
        // A newer request supersedes this one: the person has scrolled on.
        [this, generation] { return m_thumbnailGeneration->load() == generation; });
}

void LibraryReaderWorker::sendThumbnails(const QList<qint64> &keys, int side, qreal scale,
    const std::function<QImage(qint64)> &read, const std::function<bool()> &wanted)
{
    QList<KeyedThumbnail> batch;
    QElapsedTimer collecting;
    const auto send = [&] {
        if (!batch.isEmpty())
            Q_EMIT thumbnailsReady(std::exchange(batch, {}), side);
    };
    for (qint64 key : keys) {
        if (!wanted())
            break;
        QImage image = read(key);
        if (image.isNull())
            continue;
        if (batch.isEmpty())
            collecting.start();
        batch.append({ key, fitted(std::move(image), side, scale) });
        if (collecting.elapsed() >= LibraryReader::kThumbnailBatchMs)
            send();
    }
    // Thumbnails read before a newer request superseded this one are
    // still right: they go too.
    send();
}

QImage LibraryReaderWorker::storedThumbnail(qint64 key)
{
    auto data = m_reader.thumbnail(key);
    return data ? ThumbnailCodec::decode(*data) : QImage();
}

QImage LibraryReaderWorker::fitted(QImage image, int side, qreal scale)
{
    // Scaled here, so that the GUI thread only wraps it in a pixmap: a
    // screenful of new cells cost it ~4 ms of smooth scaling.
    const QSize shown = ThumbnailCodec::shownSize(image.size(), side, scale);
    if (shown != image.size())
        image = image.scaled(shown, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    return image;
}

Result<LibraryReaderWorker::TrashCounts> LibraryReaderWorker::trashCounts(const QString &filter)
{
    // The counts stand while nothing is committed: a page of 100 rows
    // scrolled to in a million-row trash was a count of the whole trash
    // each time, and with a filter, two scans.
    auto version = m_reader.dataVersion();
    if (!version)
        return version.failure();
    if (*version == m_trashCounts.version && filter == m_trashCounts.filter)
        return m_trashCounts;
    auto total = m_reader.trashCount(filter);
    if (!total)
        return total.failure();
    auto all = filter.trimmed().isEmpty() ? total : m_reader.trashCount();
    if (!all)
        return all.failure();
    m_trashCounts = { *version, filter, *total, *all };
    return m_trashCounts;
}

void LibraryReaderWorker::trashPage(
    quint64 generation, qint64 offset, qint64 limit, const QString &filter, TrashOrder order)
{
    if (!ensureOpen())
        return;
    // A change committed between the reads is in the feed: the model reads
    // the trash again when it arrives.
    auto counts = trashCounts(filter);
    if (!counts) {
        Q_EMIT failed(counts.error());
        return;
    }
    if (order != TrashOrder::NewestFirst) {
        auto sorted = sortedTrash(filter, order, counts->all);
        if (!sorted) {
            Q_EMIT failed(sorted.error());
            return;
        }
        const QList<qint64> &keys = (*sorted)->keys;
        auto rows = m_reader.trashRecords(keys.mid(offset, std::max<qint64>(limit, 0)));
        if (!rows) {
            Q_EMIT failed(rows.error());
            return;
        }
        // The total of the sorted keys: the pages read from one sort agree.
        Q_EMIT trashPageReady(generation, offset, keys.size(), counts->all, *rows);
        return;
    }
    auto rows = m_reader.trash(limit, offset, filter);
    if (!rows) {
        Q_EMIT failed(rows.error());
        return;
    }
    Q_EMIT trashPageReady(generation, offset, counts->total, counts->all, *rows);
}

Result<const LibraryReaderWorker::SortedTrash *> LibraryReaderWorker::sortedTrash(
    const QString &filter, TrashOrder order, qint64 all)
{
    // Every move into the trash stamps its time, every move out (restore,
    // empty) lowers the count: while both stand, the trash holds the same
    // images, whatever else the library's commits (an ingest's) changed.
    auto newest = m_reader.trashNewest();
    if (!newest)
        return newest.failure();
    if (m_sortedTrash && m_sortedTrash->all == all && m_sortedTrash->newest == *newest
        && m_sortedTrash->filter == filter && m_sortedTrash->order == order)
        return &*m_sortedTrash;
    m_sortedTrash.reset(); // a million keys are 8 MB: not two at once
    auto keys = m_reader.trashKeysInOrder(filter, order);
    if (!keys)
        return keys.failure();
    m_sortedTrash = SortedTrash { all, *newest, filter, order, std::move(*keys) };
    return &*m_sortedTrash;
}

void LibraryReaderWorker::trashKeys(quint64 ticket, const QList<QPair<qint64, qint64>> &ranges,
    const QString &filter, TrashOrder order)
{
    if (!ensureOpen()) {
        Q_EMIT trashKeysReady(ticket, -1, {}, tr("the library cannot be read"));
        return;
    }
    auto counts = trashCounts(filter);
    if (!counts) {
        Q_EMIT trashKeysReady(ticket, -1, {}, counts.error());
        return;
    }
    QList<qint64> out;
    if (order != TrashOrder::NewestFirst) {
        auto sorted = sortedTrash(filter, order, counts->all);
        if (!sorted) {
            Q_EMIT trashKeysReady(ticket, -1, {}, sorted.error());
            return;
        }
        const QList<qint64> &keys = (*sorted)->keys;
        for (const auto &[first, last] : ranges)
            out += keys.mid(first, last - first + 1);
        Q_EMIT trashKeysReady(ticket, keys.size(), out, {});
        return;
    }
    for (const auto &[first, last] : ranges) {
        auto part = m_reader.trashKeys(first, last - first + 1, filter);
        if (!part) {
            Q_EMIT trashKeysReady(ticket, -1, {}, part.error());
            return;
        }
        out += *part;
    }
    Q_EMIT trashKeysReady(ticket, counts->total, out, {});
}

void LibraryReaderWorker::trashThumbnails(const QList<qint64> &keys, int side, qreal scale)
{
    if (!ensureOpen())
        return;
    sendThumbnails(
        keys, side, scale, [this](qint64 key) { return storedThumbnail(key); },
        [] { return true; });
}

void LibraryReaderWorker::stats(bool withBreakdown)
{
    if (!ensureOpen())
        return;
    StatsReport report;
    auto totals = m_reader.stats();
    if (!totals) {
        Q_EMIT failed(totals.error());
        if (totals.errorKind() == Error::Kind::Damaged)
            Q_EMIT damaged(totals.error());
        return;
    }
    report.totals = *totals;
    if (!withBreakdown) {
        Q_EMIT statsReady(report);
        return;
    }
    report.hasBreakdown = true;
    if (auto f = m_reader.formatCounts())
        report.formats = *f;
    if (auto h = m_reader.hostCounts())
        report.hosts = *h;
    Q_EMIT statsReady(report);
}

} // namespace trove
