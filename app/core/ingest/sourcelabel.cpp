// SPDX-License-Identifier: MIT
#include "ingest/sourcelabel.h"

#include "ingest/ingestsource.h"
#include "ingest/rawimageingest.h"

#include <QFileInfo>
#include <QUrl>

namespace trove {

namespace {

// Past this, a source is shown as text, not parsed: it cannot be a link
// anyone reads, and rows are painted often.
constexpr qsizetype kMaxParsed = 4096;
constexpr qsizetype kMaxPath = 48;

QString shortUrl(const QUrl &url)
{
    QString host = url.host();
    if (host.startsWith(QLatin1String("www.")))
        host.remove(0, 4);
    QString path = url.path(QUrl::FullyDecoded);
    if (path == QLatin1String("/"))
        path.clear();
    if (path.size() > kMaxPath) {
        const QString file = url.fileName(QUrl::FullyDecoded);
        path = file.isEmpty() || file.size() > kMaxPath ? path.left(kMaxPath) + QStringLiteral("…")
                                                        : QStringLiteral("/…/") + file;
    }
    QString shown = host + path;
    if (url.hasQuery())
        shown += QStringLiteral("?…");
    return shown;
}

} // namespace

QString SourceLabel::pastedImage()
{
    return tr("Pasted image");
}

QString SourceLabel::droppedImage()
{
    return tr("Dropped image");
}

QString SourceLabel::droppedFrom(const QString &host)
{
    return tr("Dropped from %1").arg(host);
}

QString SourceLabel::display(const IngestRequest &request)
{
    if (!request.label.isEmpty())
        return request.label;
    const QString &source = request.source;
    if (RawImageIngest::isRawImageSource(source))
        return tr("Pasted or dropped image"); // resumed after a restart: no label kept
    if (source.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return tr("Image in a data: link");
    if (source.size() > kMaxParsed)
        return source.left(kMaxParsed);
    if (IngestSource::isRemote(source)) {
        const QUrl url(source);
        if (url.isValid() && !url.host().isEmpty())
            return shortUrl(url);
        return source;
    }
    // A file or folder by its name ("holiday.jpg", "Photos" for "Photos/").
    const QUrl url(source);
    QString path = url.isLocalFile() ? url.toLocalFile() : source;
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QString name = QFileInfo(path).fileName();
    return name.isEmpty() ? source : name;
}

QString SourceLabel::full(const IngestRequest &request)
{
    if (!request.label.isEmpty() || RawImageIngest::isRawImageSource(request.source))
        return display(request);
    if (request.source.startsWith(QLatin1String("data:"), Qt::CaseInsensitive))
        return request.source.size() > 80 ? request.source.left(80) + QStringLiteral("…")
                                          : request.source;
    // The queue keeps a link's password to fetch it again; it shows none.
    if (IngestSource::isRemote(request.source) && request.source.size() <= kMaxParsed) {
        const QUrl url(request.source);
        if (url.isValid() && !url.password().isEmpty())
            return url.toString(QUrl::RemovePassword);
    }
    return request.source;
}

} // namespace trove
