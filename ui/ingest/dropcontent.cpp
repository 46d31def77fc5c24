// SPDX-License-Identifier: MIT
#include "ingest/dropcontent.h"

#include "ingest/ingestsource.h"

#include <QDir>
#include <QMimeData>
#include <QRegularExpression>
#include <QUrl>

namespace trove::ui {

namespace {

// Encoded image formats worth keeping byte for byte, best first.
struct ImageMime {
    const char *mime;
    const char *suffix;
};
constexpr ImageMime kImageMimes[] = {
    { "image/png", ".png" },
    { "image/jpeg", ".jpg" },
    { "image/webp", ".webp" },
    { "image/gif", ".gif" },
    { "image/avif", ".avif" },
    { "image/tiff", ".tiff" },
    { "image/bmp", ".bmp" },
    { "image/x-bmp", ".bmp" },
};

bool isFetchable(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    return scheme == QLatin1String("http") || scheme == QLatin1String("https")
        || scheme == QLatin1String("data");
}

// Links a browser cannot hand over (blob:, about:, chrome:) say nothing
// about the picture; the pixels that came with them do.
bool isUsefulWithoutImage(const QUrl &url)
{
    return url.isLocalFile() || isFetchable(url);
}

QString sourceOf(const QUrl &url)
{
    if (url.isLocalFile())
        return QDir::cleanPath(url.toLocalFile());
    return url.toString(QUrl::FullyEncoded);
}

// Firefox's text/x-moz-url: UTF-16 "url\ntitle" pairs.
QStringList mozUrls(const QByteArray &data)
{
    QStringList out;
    const QString text
        = QString::fromUtf16(reinterpret_cast<const char16_t *>(data.constData()), data.size() / 2);
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); i += 2) {
        const QString line = lines[i].trimmed().remove(QChar(0));
        if (!line.isEmpty())
            out.append(line);
    }
    return out;
}

// The picture's own address when a browser drags an image that sits
// inside a link (the uri-list then names the link's page): Firefox's file
// promise, else the one <img> of the dragged HTML.
QString draggedImageUrl(const QMimeData *mime)
{
    const QString promise
        = QString::fromUtf8(mime->data(QStringLiteral("application/x-moz-file-promise-url")))
              .trimmed();
    if (promise.startsWith(QLatin1String("http"), Qt::CaseInsensitive))
        return promise;
    if (!mime->hasHtml())
        return {};
    static const QRegularExpression img(
        QStringLiteral("<img\\b[^>]*\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']"),
        QRegularExpression::CaseInsensitiveOption);
    auto it = img.globalMatch(mime->html());
    QStringList found;
    while (it.hasNext())
        found.append(it.next().captured(1).replace(QLatin1String("&amp;"), QLatin1String("&")));
    if (found.size() == 1 && found.first().startsWith(QLatin1String("http"), Qt::CaseInsensitive))
        return found.first();
    return {};
}

} // namespace

DropContent DropContent::fromText(const QString &text)
{
    DropContent content;
    static const QRegularExpression otherScheme(
        QStringLiteral("\\b[A-Za-z][A-Za-z0-9+.-]*://\\S+"));
    const QStringList lines
        = text.split(QRegularExpression(QStringLiteral("[\\r\\n]+")), Qt::SkipEmptyParts);
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const QString lower = line.left(8).toLower();
        if (lower.startsWith(QLatin1String("file:")) || lower.startsWith(QLatin1String("data:"))
            || line.startsWith(QLatin1Char('/')) || line.startsWith(QLatin1String("~/"))) {
            QString source = line;
            if (source.startsWith(QLatin1String("~/")))
                source = QDir::homePath() + source.mid(1);
            if (!content.sources.contains(source))
                content.sources.append(source);
            continue;
        }
        const QStringList links = IngestSource::extractUrls(line);
        for (const QString &link : links) {
            if (!content.sources.contains(link))
                content.sources.append(link);
        }
        if (!links.isEmpty())
            continue;
        // ftp://..., javascript://...: queued so that the reason shows.
        auto it = otherScheme.globalMatch(line);
        bool any = false;
        while (it.hasNext()) {
            const QString word = it.next().captured(0);
            any = true;
            if (!content.sources.contains(word))
                content.sources.append(word);
        }
        if (!any)
            content.unreadable.append(line);
    }
    return content;
}

DropContent DropContent::fromMimeData(const QMimeData *mime)
{
    DropContent content;
    if (!mime)
        return content;
    content.formats = mime->formats();

    for (const ImageMime &m : kImageMimes) {
        const QString type = QString::fromLatin1(m.mime);
        if (mime->hasFormat(type)) {
            const QByteArray bytes = mime->data(type);
            if (!bytes.isEmpty()) {
                content.imageBytes = bytes;
                content.imageSuffix = QString::fromLatin1(m.suffix);
                break;
            }
        }
    }
    if (content.imageBytes.isEmpty() && mime->hasImage())
        content.image = qvariant_cast<QImage>(mime->imageData());

    QStringList links;
    QStringList refused;
    if (content.hasImageData()
        || mime->hasFormat(QStringLiteral("application/x-moz-file-promise-url"))) {
        const QString picture = draggedImageUrl(mime);
        if (!picture.isEmpty()) {
            content.sources = { picture };
            content.imageBytes.clear();
            content.image = QImage();
            return content;
        }
    }
    QList<QUrl> urls = mime->urls();
    if (urls.isEmpty() && mime->hasFormat(QStringLiteral("text/x-moz-url"))) {
        for (const QString &u : mozUrls(mime->data(QStringLiteral("text/x-moz-url"))))
            urls.append(QUrl(u));
    }
    for (const QUrl &url : std::as_const(urls)) {
        if (!url.isValid() || url.isEmpty())
            continue;
        const QString source = sourceOf(url);
        if (isUsefulWithoutImage(url)) {
            if (!links.contains(source))
                links.append(source);
        } else if (!refused.contains(source)) {
            refused.append(source);
        }
    }
    if (!links.isEmpty()) {
        // A link fetches the original bytes; the pixels a browser adds are
        // a re-encoded copy.
        content.sources = links + (content.hasImageData() ? QStringList() : refused);
        content.imageBytes.clear();
        content.image = QImage();
        return content;
    }
    if (content.hasImageData())
        return content;
    content.sources = refused;
    if (mime->hasText()) {
        const DropContent text = fromText(mime->text());
        for (const QString &s : text.sources) {
            if (!content.sources.contains(s))
                content.sources.append(s);
        }
        content.unreadable = text.unreadable;
    }
    return content;
}

} // namespace trove::ui
