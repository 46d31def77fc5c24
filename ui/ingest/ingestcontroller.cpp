// SPDX-License-Identifier: MIT
#include "ingest/ingestcontroller.h"

#include "base/futurewatch.h"
#include "ingest/foundagain.h"
#include "ingest/rawimageingest.h"
#include "ingest/sourcelabel.h"
#include "ingest/x11clipboard.h"
#include "models/librarysession.h"

#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QGuiApplication>
#include <QLocale>
#include <QScopeGuard>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>

namespace trove::ui {

namespace {

constexpr int kIngestMessageMs = 6000;
// Text that holds no link is queued (to fail with its reason) only in
// small doses: a pasted essay is not forty failed items.
constexpr int kMaxUnreadableQueued = 3;
constexpr int kMaxUnreadableChars = 200;
// What walks could not read shows in the queue up to this many rows; the
// message counts them all.
constexpr int kMaxProblemItems = 50;
// Pastes and drops up to this size are parsed at once (well under a
// millisecond); bigger ones on the parse thread.
constexpr qsizetype kParseInlineChars = 16 * 1024;
// Links up to this many go to the queue at once; more are fed in slices
// of at most kFeedSliceMs per event-loop turn (a chunk of ~0.3 ms may
// overrun it), starting in the turn after the paste. Slices are short
// because one turn of Qt's loop may also hold a whole window's paint (10-12
// ms as the queue opens at the paste) and the writer's answers to the
// last slices: with 6 ms slices those turns took 20-30 ms.
constexpr int kEnqueueInline = 500;
constexpr int kFeedChunk = 100;
constexpr int kFeedSliceMs = 2;
// The feed waits while this many links wait for their queue rows
// (IngestPipeline::unwrittenCount()), and goes on when the writer answers.
constexpr int kFeedAhead = 10 * kFeedChunk;

} // namespace

IngestController::IngestController(QObject *parent)
    : QObject(parent)
{
    m_parsePool.setMaxThreadCount(1);
    m_parsePool.setObjectName(QStringLiteral("trove-paste-parse"));
    m_clipboardPool.setMaxThreadCount(1);
    m_clipboardPool.setObjectName(QStringLiteral("trove-clipboard"));
    m_feedTimer.setObjectName(QStringLiteral("ingestFeed"));
    m_feedTimer.setInterval(0);
    connect(&m_feedTimer, &QTimer::timeout, this, &IngestController::feed);
}

IngestController::~IngestController()
{
    m_parsePool.waitForDone(); // a parse holds no pointer to this; a short wait
}

void IngestController::setSession(LibrarySession *session)
{
    // The old session's pipeline stops: a walk must not feed it.
    if (m_folders) {
        m_folders->disconnect(this);
        // Not given up: the next window on that library carries it on.
        m_folders->interrupt();
        if (m_folders->isRunning())
            Q_EMIT walkFinished(m_folders->totals());
    }
    m_feed.clear(); // links for the old library's queue
    m_feedTimer.stop();
    m_session = session;
    m_raw = session ? new RawImageIngest(session->paths(), session->pipeline(), session) : nullptr;
    m_folders = session ? new FolderImport(session->pipeline(), session) : nullptr;
    if (!m_folders)
        return;
    connect(session->pipeline(), &IngestPipeline::queueWritten, this, [this] {
        if (!m_feed.empty() && !m_feedTimer.isActive())
            m_feedTimer.start();
    });
    connect(m_folders, &FolderImport::progress, this, &IngestController::walkProgress);
    connect(m_folders, &FolderImport::problem, this, &IngestController::onWalkProblem);
    connect(m_folders, &FolderImport::finished, this, &IngestController::onWalkFinished);
    connect(m_folders, &FolderImport::queued, this,
        [this](const QList<quint64> &ids) { Q_EMIT queued(int(ids.size())); });
    // What a carried-on walk finds again leaves the queue, said in one line.
    auto *again = new FoundAgain(m_folders, session->pipeline(), m_folders);
    connect(again, &FoundAgain::found, this, [this](qint64 count) {
        Q_EMIT message(
            tr("%Ln image(s) found again were already in the library", nullptr, int(count)),
            kIngestMessageMs);
    });
    connect(m_folders, &FolderImport::walksResumed, this, [this](const QStringList &folders) {
        for (const QString &folder : folders)
            Q_EMIT message(
                tr("Carrying on the import of %1").arg(QDir::toNativeSeparators(folder)), 8000);
    });
}

bool IngestController::isWalking() const
{
    return m_folders && m_folders->isRunning();
}

void IngestController::cancelWalks()
{
    if (m_folders)
        m_folders->cancel();
}

void IngestController::setOptionsProvider(std::function<IngestRequest(int sources)> provider)
{
    m_options = std::move(provider);
}

IngestController::Sorted IngestController::sort(const QStringList &sources)
{
    // Links are checked without the disk; anything else may be a file or a
    // folder, which only the walking thread looks at.
    Sorted sorted;
    for (const QString &source : sources) {
        if (!IngestSource::isRemote(source)) {
            sorted.local.append(source);
            continue;
        }
        CheckedRequest checked { IngestRequest { source, {}, {} }, IngestSource::parse(source) };
        sorted.refused += int(!checked.source);
        sorted.links.push_back(std::move(checked));
    }
    return sorted;
}

bool IngestController::refuseReadOnly()
{
    if (!m_session->isReadOnly())
        return false;
    Q_EMIT message(tr("Nothing can be added: %1").arg(m_session->readOnlyReason()), 8000);
    return true;
}

void IngestController::ingest(const QMimeData *mime, Origin origin)
{
    ingest(DropContent::capture(mime), origin);
}

void IngestController::pasteClipboard()
{
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!m_session || refuseReadOnly())
        return;
    // Our own copy is in this process: QClipboard hands it over at once.
    if (!x11SelectionAvailable() || clipboard->ownsClipboard()) {
        ingest(clipboard->mimeData(), Origin::Pasted);
        return;
    }
    auto read = QtConcurrent::run(&m_clipboardPool, [] { return readX11Selection(); });
    whenFinished(read, this, [this](const X11Selection &selection) {
        using Status = X11Selection::Status;
        switch (selection.status) {
        case Status::Text: {
            DropContent::Snapshot snapshot;
            snapshot.formats = { QStringLiteral("text/plain") };
            if (selection.targets.contains(QLatin1String("text/html")))
                snapshot.formats.append(QStringLiteral("text/html"));
            snapshot.hasText = true;
            snapshot.text = selection.text;
            ingest(snapshot, Origin::Pasted);
            return;
        }
        case Status::TimedOut:
            // Qt would wait as long again, on the GUI thread.
            Q_EMIT message(tr("Nothing was pasted: the program that holds the clipboard did "
                              "not answer"),
                kIngestMessageMs);
            return;
        case Status::Other:
        case Status::NoOwner:
        case Status::Failed:
            if (selection.status == Status::Failed)
                qWarning("trove: reading the clipboard: %s", qPrintable(selection.error));
            ingest(QGuiApplication::clipboard()->mimeData(), Origin::Pasted);
            return;
        }
    });
}

void IngestController::ingest(const DropContent::Snapshot &snapshot, Origin origin)
{
    if (!m_session || refuseReadOnly())
        return;
    // Small ones at once, unless a big one is still being parsed: pastes
    // reach the queue in the order they were made.
    if (snapshot.size() <= kParseInlineChars && m_parsing == 0) {
        ingest(DropContent::fromSnapshot(snapshot), origin);
        return;
    }
    ++m_parsing;
    // Shared, not copied: the result crosses threads once and its links
    // are moved into the feed, so the GUI thread copies none of them.
    auto future = QtConcurrent::run(&m_parsePool, [snapshot] {
        auto parsed = std::make_shared<Parsed>();
        parsed->content = DropContent::fromSnapshot(snapshot);
        parsed->sorted = sort(parsed->content.sources);
        return parsed;
    });
    whenFinished(future, this, [this, origin](const std::shared_ptr<Parsed> &parsed) {
        --m_parsing;
        ingestParsed(parsed, origin);
    });
}

void IngestController::ingest(const DropContent &content, Origin origin)
{
    ingestParsed(std::make_shared<Parsed>(Parsed { content, sort(content.sources) }), origin);
}

void IngestController::release(std::shared_ptr<Parsed> parsed)
{
    if (parsed.use_count() == 1 && parsed->sorted.links.size() > std::size_t(kEnqueueInline))
        (void)QtConcurrent::run(
            &m_parsePool, [parsed = std::move(parsed)]() mutable { parsed.reset(); });
}

void IngestController::ingestParsed(std::shared_ptr<Parsed> parsed, Origin origin)
{
    // Files and links named on the command line arrive while the library is
    // still being opened (its place is probed first); queued then, they
    // failed with "the library is not open" whenever the probe was slow.
    if (m_session && !m_session->isOpen()) {
        auto once = std::make_shared<QMetaObject::Connection>();
        *once = connect(m_session.data(), &LibrarySession::opened, this,
            [this, once, parsed, origin, session = m_session.data()] {
                disconnect(*once);
                if (m_session.data() == session)
                    ingestParsed(parsed, origin);
            });
        return;
    }
    const auto dropLater = qScopeGuard([this, &parsed] { release(std::move(parsed)); });
    if (!m_session || refuseReadOnly())
        return;
    const DropContent &content = parsed->content;
    if (!content.sources.isEmpty()) {
        IngestRequest options
            = m_options ? m_options(int(content.sources.size())) : IngestRequest {};
        if (content.sources.size() != 1)
            options.name.clear(); // a provider that did not hold back
        if (!parsed->sorted.local.isEmpty() && m_folders) {
            if (!m_folders->isRunning()) {
                m_problemItems = 0;
                m_emptyFolders.clear();
            }
            m_folders->start(
                parsed->sorted.local, IngestRequest { {}, options.name, options.tags });
            Q_EMIT walkProgress(m_folders->totals());
        }
        if (!parsed->sorted.links.empty())
            enqueueLinks(parsed, options);
        return;
    }
    if (content.hasImageData()) {
        ingestImageData(content, m_options ? m_options(1) : IngestRequest {}, origin);
        return;
    }
    reportNothing(content, origin);
}

void IngestController::ingestSources(const QStringList &sources, Origin origin)
{
    if (!m_session || sources.isEmpty())
        return;
    DropContent content;
    content.sources = sources;
    ingest(content, origin);
}

void IngestController::enqueueLinks(std::shared_ptr<Parsed> parsed, const IngestRequest &options)
{
    std::vector<CheckedRequest> &links = parsed->sorted.links;
    const int count = int(links.size());
    const int refused = parsed->sorted.refused;
    if (count <= kEnqueueInline && m_feed.empty()) {
        for (CheckedRequest &checked : links) {
            checked.request.name = options.name;
            checked.request.tags = options.tags;
        }
        const QList<quint64> ids = m_session->pipeline()->enqueueChecked(links);
        if (!options.name.isEmpty() || !options.tags.isEmpty())
            Q_EMIT queuedWithOptions(ids, options.name, options.tags);
    } else {
        m_feed.push_back(FeedBatch { std::move(parsed), 0, options.name, options.tags });
        if (!m_feedTimer.isActive())
            m_feedTimer.start();
    }
    const int accepted = count - refused;
    QString text;
    if (refused == 0)
        text = tr("Adding %Ln image(s)…", nullptr, accepted);
    else if (accepted == 0)
        text = tr("Cannot add %Ln item(s): see the queue for the reasons", nullptr, refused);
    else
        text = tr("Adding %1, %Ln cannot be added (see the queue)", nullptr, refused)
                   .arg(QLocale().toString(accepted));
    Q_EMIT message(text, kIngestMessageMs);
    Q_EMIT queued(count);
}

// A slice of the waiting links per event-loop turn, each slice one batch
// for the pipeline (one itemsAdded, one writer transaction).
void IngestController::feed()
{
    if (!m_session) {
        m_feed.clear();
        m_feedTimer.stop();
        return;
    }
    IngestPipeline *pipeline = m_session->pipeline();
    QElapsedTimer slice;
    slice.start();
    while (!m_feed.empty() && slice.elapsed() < kFeedSliceMs
        && pipeline->unwrittenCount() < kFeedAhead) {
        FeedBatch &batch = m_feed.front();
        std::vector<CheckedRequest> &links = batch.parsed->sorted.links;
        const auto from = links.begin() + qsizetype(batch.next);
        const auto n = std::min<std::size_t>(kFeedChunk, links.size() - batch.next);
        std::vector<CheckedRequest> chunk(
            std::make_move_iterator(from), std::make_move_iterator(from + qsizetype(n)));
        for (CheckedRequest &checked : chunk) {
            checked.request.name = batch.name;
            checked.request.tags = batch.tags;
        }
        batch.next += n;
        if (batch.next == links.size()) {
            release(std::move(batch.parsed));
            m_feed.pop_front();
        }
        pipeline->enqueueChecked(chunk);
    }
    // Waiting for the writer: queueWritten() starts the timer again.
    if (m_feed.empty() || pipeline->unwrittenCount() >= kFeedAhead)
        m_feedTimer.stop();
    else if (!m_feedTimer.isActive())
        m_feedTimer.start();
}

void IngestController::onWalkProblem(const WalkProblem &problem)
{
    if (problem.kind == WalkProblem::Kind::NoImages)
        m_emptyFolders << problem.path;
    if (!m_session || m_problemItems >= kMaxProblemItems)
        return;
    ++m_problemItems;
    // A failed item, like every other refusal, with its reason.
    m_session->pipeline()->enqueueChecked(
        { { IngestRequest { problem.path, {}, {} }, Error { problem.reason } } });
}

void IngestController::onWalkFinished(const FolderImport::Totals &totals)
{
    QStringList parts;
    if (totals.cancelled)
        parts << tr("Stopped looking for images: %Ln queued", nullptr, int(totals.queued));
    else if (totals.queued == 0 && m_emptyFolders.size() == 1)
        parts << tr("No images found in %1").arg(m_emptyFolders.constFirst());
    else
        parts << tr("Queued %Ln item(s)", nullptr, int(totals.queued));
    if (totals.skipped > 0)
        parts << tr("skipped %Ln file(s) that are not images", nullptr, int(totals.skipped));
    if (totals.problems > 0)
        parts << tr("%Ln could not be read (see the queue)", nullptr, int(totals.problems));
    Q_EMIT message(parts.join(QStringLiteral("; ")), kIngestMessageMs);
    Q_EMIT walkFinished(totals);
}

void IngestController::ingestImageData(
    const DropContent &content, const IngestRequest &options, Origin origin)
{
    IngestRequest request = options;
    const QString typedName = request.name;
    if (request.name.trimmed().isEmpty()) {
        const QString when = QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat);
        request.name = origin == Origin::Pasted ? tr("Pasted image %1").arg(when)
                                                : tr("Dropped image %1").arg(when);
    }
    // The queue shows this, not the temp file the pixels are written to.
    if (origin == Origin::Pasted)
        request.label = SourceLabel::pastedImage();
    else if (!content.imageHost.isEmpty())
        request.label = SourceLabel::droppedFrom(content.imageHost);
    else
        request.label = SourceLabel::droppedImage();
    if (!m_raw)
        return;
    auto future = content.imageBytes.isEmpty()
        ? m_raw->ingestImage(content.image, request)
        : m_raw->ingestBytes(content.imageBytes, content.imageSuffix, request);
    Q_EMIT message(tr("Adding the image…"), kIngestMessageMs);
    whenFinished(future, this, [this, typedName, tags = request.tags](const Result<quint64> &r) {
        if (!r) {
            Q_EMIT message(tr("Cannot add the image: %1").arg(r.error()), kIngestMessageMs);
            return;
        }
        if (!typedName.isEmpty() || !tags.isEmpty())
            Q_EMIT queuedWithOptions({ *r }, typedName, tags);
        Q_EMIT queued(1);
    });
}

void IngestController::reportNothing(const DropContent &content, Origin origin)
{
    if (!content.unreadable.isEmpty()) {
        // Queued so that the reason ("not a URL or an existing file: ...")
        // stands where every other refusal stands.
        QList<IngestRequest> requests;
        for (const QString &line : content.unreadable.mid(0, kMaxUnreadableQueued))
            requests.append(IngestRequest { line.left(kMaxUnreadableChars), {}, {} });
        m_session->pipeline()->enqueue(requests);
        // Said as the queue shows it: a failed row per line not understood.
        const int lines = int(content.unreadable.size());
        Q_EMIT message(origin == Origin::Pasted
                ? tr("Nothing added: the pasted text holds no image links or files (the "
                     "queue shows the %n line(s) not understood)",
                    nullptr, lines)
                : tr("Nothing added: the dropped text holds no image links or files (the "
                     "queue shows the %n line(s) not understood)",
                    nullptr, lines),
            kIngestMessageMs);
        Q_EMIT queued(int(requests.size()));
        return;
    }
    QStringList formats = content.formats;
    if (formats.size() > 4)
        formats = formats.mid(0, 4) << QStringLiteral("…");
    QString what = formats.isEmpty() ? tr("nothing") : formats.join(QStringLiteral(", "));
    Q_EMIT message(origin == Origin::Pasted
            ? tr("Nothing to add: the clipboard holds no image links, files or images (%1)")
                  .arg(what)
            : tr("Cannot add this: it holds no image links, files or images (%1)").arg(what),
        kIngestMessageMs);
}

} // namespace trove::ui
