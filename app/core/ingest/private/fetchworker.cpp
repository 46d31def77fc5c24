// SPDX-License-Identifier: MIT
#include "ingest/private/fetchworker.h"

#include "storage/diskspace.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <cerrno>

namespace trove {

namespace {

// Replies keep at most this much in memory; the rest waits in the socket.
constexpr qint64 kReadBuffer = 1024 * 1024;

QString mib(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', bytes % (1024 * 1024) ? 1 : 0)
        + QStringLiteral(" MiB");
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3) + QStringLiteral(" s");
}

// Errors of the connection, not of what was asked for: another attempt
// later may well succeed. A host name that does not resolve is not one.
bool isTransient(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
        return true;
    default:
        return false;
    }
}

int defaultPort(const QUrl &url)
{
    return url.scheme() == QLatin1String("https") ? 443 : 80;
}

} // namespace

FetchWorker::FetchWorker(const LibraryPaths &paths, const FetchLimits &limits)
    : m_paths(paths)
    , m_limits(limits)
{
}

FetchWorker::~FetchWorker()
{
    shutdown();
}

void FetchWorker::shutdown()
{
    const auto jobs = m_transfers.keys();
    for (quint64 job : jobs) {
        auto t = m_transfers.take(job);
        t->reply->disconnect(this);
        t->reply->abort();
        t->reply->deleteLater();
        t->file.remove();
    }
    for (const QString &path : std::as_const(m_spare))
        QFile::remove(path);
    m_spare.clear();
    delete m_nam;
    m_nam = nullptr;
}

void FetchWorker::closeConnections()
{
    const auto jobs = m_transfers.keys();
    for (quint64 job : jobs)
        abortWith(job, tr("cancelled"));
    delete m_nam;
    m_nam = nullptr;
}

void FetchWorker::recycle(const QString &path)
{
    if (path.isEmpty())
        return;
    if (m_spare.size() >= kMaxSpare || QFileInfo(path).size() > kMaxSpareBytes
        || m_spare.contains(path)) {
        QFile::remove(path);
        return;
    }
    m_spare.append(path);
}

void FetchWorker::start(quint64 job, const QUrl &url, const FetchHeaders &headers)
{
    if (!Fetcher::isFetchableScheme(url.scheme())) {
        complete(job, FetchResult { tr("unsupported URL scheme: %1").arg(url.scheme()) });
        return;
    }
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        m_nam->setAutoDeleteReplies(false);
    }

    auto t = std::make_shared<Transfer>();
    t->file.setFileName(
        m_spare.isEmpty() ? m_paths.newTempFile(QStringLiteral(".part")) : m_spare.takeLast());
    errno = 0;
    if (!t->file.open(QIODevice::WriteOnly | QIODevice::Truncate,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        const int savedErrno = errno;
        const Error why = DiskSpace::writeFailure(m_paths.root(), 0, savedErrno,
            tr("cannot write a temp file: %1").arg(t->file.errorString()));
        FetchResult result { why.message };
        result.diskFull = why.kind == Error::Kind::DiskFull;
        complete(job, std::move(result));
        return;
    }

    t->visited.insert(url);
    if (const QString page = headers.page(); !page.isEmpty())
        t->referer = QUrl(page);
    t->userAgent = headers.userAgent;
    t->cookie = headers.cookie;
    t->cookieHome = url;
    // A download keeps the limits it started with: a change in the
    // settings applies to the next ones.
    t->limits = m_limits;
    t->sinceStart.start();
    t->sinceProgress.start();
    t->sinceReport.start();
    m_transfers.insert(job, t);
    issue(job, *t, url);

    // One timer covers connecting, waiting for headers and stalled bodies:
    // any byte that arrives restarts the wait.
    t->stallTimer.setSingleShot(false);
    t->stallTimer.setInterval(std::min(t->limits.stallTimeoutMs, 250));
    connect(&t->stallTimer, &QTimer::timeout, this, [this, job] {
        auto it = m_transfers.find(job);
        if (it == m_transfers.end())
            return;
        Transfer &tr = **it;
        if (tr.sinceProgress.elapsed() >= tr.limits.stallTimeoutMs)
            abortWith(job,
                FetchWorker::tr("timed out after %1 without data")
                    .arg(seconds(tr.limits.stallTimeoutMs)),
                true);
        else if (tr.sinceStart.elapsed() >= tr.limits.totalTimeoutMs)
            abortWith(
                job, FetchWorker::tr("timed out after %1").arg(seconds(tr.limits.totalTimeoutMs)));
    });
    t->stallTimer.start();
}

// One GET per hop: redirects are followed by hand (onFinished), because
// Qt 6.4's UserVerifiedRedirectPolicy loses the body or reports phantom
// loops after two or more hops.
void FetchWorker::issue(quint64 job, Transfer &t, const QUrl &url)
{
    QNetworkRequest request(url);
    request.setAttribute(
        QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (t.userAgent.isEmpty())
        request.setHeader(QNetworkRequest::UserAgentHeader,
            QStringLiteral("Trove/%1").arg(QCoreApplication::applicationVersion()));
    else
        request.setRawHeader("User-Agent", t.userAgent);
    request.setRawHeader("Accept", "image/*,*/*;q=0.8");
    // The page the link was found on, as a browser would send it (kept
    // across redirects, never from https to plain http).
    if (t.referer.isValid()
        && !(t.referer.scheme() == QLatin1String("https") && url.scheme() == QLatin1String("http")))
        request.setRawHeader("Referer", t.referer.toEncoded());
    // The cookie was given for the URL asked for: a redirect to another
    // host or port (another origin, even on the same machine) or from https
    // to plain http drops it for the rest of this download, as it could
    // carry someone's session to a server that was never meant to see it.
    if (!t.cookie.isEmpty()) {
        const QUrl &home = t.cookieHome;
        if (url.host().compare(home.host(), Qt::CaseInsensitive) != 0
            || url.port(defaultPort(url)) != home.port(defaultPort(home))
            || (home.scheme() == QLatin1String("https") && url.scheme() != home.scheme()))
            t.cookie.clear();
    }
    if (!t.cookie.isEmpty()) {
        request.setRawHeader("Cookie", t.cookie);
        // Qt's cookie jar (Set-Cookie from earlier answers) would replace it.
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    }
    // Images are compressed already; and Qt, left to decode gzip itself,
    // inflated a whole bomb on this thread before the size limit below saw
    // its first bytes. What a server compresses anyway, BodyInflater
    // decodes as it streams, stopped by the limit.
    request.setRawHeader("Accept-Encoding", "identity");

    t.reply = m_nam->get(request);
    t.reply->setReadBufferSize(kReadBuffer);
    QNetworkReply *reply = t.reply;
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, job] { onMetaData(job); });
    connect(reply, &QNetworkReply::readyRead, this, [this, job] { onReadyRead(job); });
    connect(reply, &QNetworkReply::finished, this, [this, job] { onFinished(job); });
}

// Why a redirect from @p t to @p target may not be followed, or empty.
QString FetchWorker::refuseRedirect(const Transfer &t, const QUrl &target) const
{
    if (target.scheme() != QLatin1String("http") && target.scheme() != QLatin1String("https"))
        return tr("redirect to a refused scheme: %1").arg(target.scheme());
    if (t.visited.contains(target))
        return tr("redirect loop at %1").arg(target.toDisplayString());
    if (t.redirects >= t.limits.maxRedirects)
        return tr("too many redirects (more than %1)").arg(t.limits.maxRedirects);
    return {};
}

void FetchWorker::setLimits(const FetchLimits &limits)
{
    m_limits = limits;
}

void FetchWorker::cancel(quint64 job)
{
    if (m_transfers.contains(job))
        abortWith(job, tr("cancelled"));
}

void FetchWorker::onMetaData(quint64 job)
{
    auto it = m_transfers.find(job);
    if (it == m_transfers.end())
        return;
    Transfer &t = **it;
    t.sinceProgress.restart();
    if (t.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 300)
        return; // a redirect's or an error page's length is not the image's
    const QByteArray encoding = t.reply->rawHeader("Content-Encoding").trimmed();
    if (!encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0) {
        QString unsupported;
        t.inflater = BodyInflater::forEncoding(encoding, &unsupported);
        if (!t.inflater) {
            abortWith(job, unsupported);
            return;
        }
    }
    const QVariant length = t.reply->header(QNetworkRequest::ContentLengthHeader);
    // With Content-Encoding the length is of the encoded body; the decoded
    // size is only known while streaming, where the limit is enforced too.
    if (length.isValid() && !t.inflater) {
        t.declaredLength = length.toLongLong();
        if (t.declaredLength > t.limits.maxBytes) {
            abortWith(job,
                tr("too large: the server announces %1, the limit is %2")
                    .arg(mib(t.declaredLength), mib(t.limits.maxBytes)));
            return;
        }
        // The download, then its blob beside it while it is compressed:
        // twice its size, or the disk fills half-way. Pause before it starts.
        if (auto room = DiskSpace::check(m_paths.root(), 2 * t.declaredLength); !room) {
            t.abortDiskFull = true;
            abortWith(job, room.error());
        }
    }
}

void FetchWorker::onReadyRead(quint64 job)
{
    auto it = m_transfers.find(job);
    if (it == m_transfers.end())
        return;
    Transfer &t = **it;
    t.sinceProgress.restart();
    // Error pages are not written anywhere; their status is the answer.
    const int status = t.reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 300) {
        t.reply->readAll();
        return;
    }
    char buffer[64 * 1024];
    for (;;) {
        const qint64 n = t.reply->read(buffer, sizeof buffer);
        if (n <= 0)
            break;
        bool diskFull = false;
        if (const QString why = appendBody(t, buffer, n, &diskFull); !why.isEmpty()) {
            t.abortDiskFull = diskFull;
            abortWith(job, why);
            return;
        }
    }
    // Ten a second at most, the first 100 ms after the start: a small image
    // is downloaded before it would report at all. Each report crosses to
    // the pipeline's thread and repaints a queue row; two per download (at
    // the first bytes and at the end) cost the window's GUI thread about
    // as much as the rest of the pipeline's bookkeeping for a paste of tiny
    // images.
    if (t.sinceReport.elapsed() >= 100) {
        t.sinceReport.restart();
        Q_EMIT progress(job, t.written, t.declaredLength);
    }
}

void FetchWorker::abortWith(quint64 job, const QString &reason, bool transient)
{
    auto it = m_transfers.find(job);
    if (it == m_transfers.end())
        return;
    (*it)->abortReason = reason;
    (*it)->abortTransient = transient;
    (*it)->reply->abort(); // emits finished synchronously -> onFinished
}

QString FetchWorker::appendBody(Transfer &t, const char *data, qint64 size, bool *diskFull)
{
    QString why;
    const auto write = [&](const char *bytes, qint64 n) {
        if (t.written + n > t.limits.maxBytes) {
            why = tr("too large: more than %1").arg(mib(t.limits.maxBytes));
            return false;
        }
        errno = 0;
        if (t.file.write(bytes, n) != n) {
            const int savedErrno = errno;
            const Error failure
                = DiskSpace::writeFailure(m_paths.root(), std::max(t.declaredLength, t.written + n),
                    savedErrno, tr("cannot write a temp file: %1").arg(t.file.errorString()));
            *diskFull = failure.kind == Error::Kind::DiskFull;
            why = failure.message;
            return false;
        }
        t.written += n;
        return true;
    };
    if (!t.inflater) {
        write(data, size);
        return why;
    }
    if (auto fed = t.inflater->feed(data, size, write); !fed && why.isEmpty())
        why = fed.error();
    return why;
}

void FetchWorker::onFinished(quint64 job)
{
    auto found = m_transfers.find(job);
    if (found == m_transfers.end())
        return;
    std::shared_ptr<Transfer> t = *found;
    QNetworkReply *reply = t->reply;
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();

    QString redirectRefused;
    if (t->abortReason.isEmpty() && status >= 300 && status < 400
        && reply->hasRawHeader("Location")) {
        const QUrl target
            = reply->url().resolved(QUrl(QString::fromUtf8(reply->rawHeader("Location"))));
        redirectRefused = refuseRedirect(*t, target);
        if (redirectRefused.isEmpty()) {
            ++t->redirects;
            t->visited.insert(target);
            t->file.resize(0);
            t->file.seek(0);
            t->written = 0;
            t->declaredLength = -1;
            t->inflater.reset();
            t->sinceProgress.restart();
            issue(job, *t, target);
            return;
        }
    }

    m_transfers.erase(found);
    t->stallTimer.stop();
    FetchResult result;
    result.httpStatus = status;
    if (!redirectRefused.isEmpty()) {
        result.error = redirectRefused;
    } else if (!t->abortReason.isEmpty()) {
        result.error = t->abortReason;
        result.transient = t->abortTransient;
        result.diskFull = t->abortDiskFull;
    } else if (status >= 400) {
        const QString reason
            = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
        result.error = reason.isEmpty() ? tr("HTTP %1").arg(status)
                                        : tr("HTTP %1 %2").arg(status).arg(reason);
        // Too busy or down for now: the server says when to come back.
        if (status == 429 || status == 503) {
            result.transient = true;
            result.retryAfterMs = Fetcher::retryAfterMs(
                reply->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
        }
    } else if (status >= 300) {
        result.error = tr("HTTP %1 redirect without a Location").arg(status);
    } else if (reply->error() != QNetworkReply::NoError) {
        result.transient = isTransient(reply->error());
        if (t->declaredLength >= 0 && t->written < t->declaredLength)
            result.error = tr("connection closed after %1 of %2 bytes")
                               .arg(t->written)
                               .arg(t->declaredLength);
        else
            result.error = reply->errorString();
    } else {
        // The job has left m_transfers, so drain what is left here.
        const QByteArray rest = reply->readAll();
        bool diskFull = false;
        if (const QString why = appendBody(*t, rest.constData(), rest.size(), &diskFull);
            !why.isEmpty()) {
            result.error = why;
            result.diskFull = diskFull;
        }
        if (result.ok() && t->inflater && !t->inflater->finished())
            result.error
                = tr("the server's compressed body ends early (%1 bytes decoded)").arg(t->written);
        if (result.ok() && t->declaredLength >= 0 && t->written < t->declaredLength)
            result.error = tr("connection closed after %1 of %2 bytes")
                               .arg(t->written)
                               .arg(t->declaredLength);
        if (result.ok() && t->written == 0)
            result.error = tr("empty response: no image data");
    }

    errno = 0;
    if (result.ok() && !t->file.flush()) {
        const int savedErrno = errno;
        const Error why = DiskSpace::writeFailure(m_paths.root(), t->written, savedErrno,
            tr("cannot write a temp file: %1").arg(t->file.errorString()));
        result.error = why.message;
        result.diskFull = why.kind == Error::Kind::DiskFull;
    }
    t->file.close();
    if (!result.ok()) {
        t->file.remove();
        complete(job, std::move(result));
        return;
    }
    result.path = t->file.fileName();
    result.finalUrl = reply->url();
    result.fileName = result.finalUrl.scheme() == QLatin1String("data")
        ? QString()
        : result.finalUrl.fileName();
    result.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toString();
    result.bytes = t->written; // the last progress: onFetched() shows it
    complete(job, std::move(result));
}

void FetchWorker::complete(quint64 job, FetchResult result)
{
    Q_EMIT finished(job, result);
}

} // namespace trove
