// SPDX-License-Identifier: MIT
#include "ingest/dropcontent.h"

#include "ingest/ingestsource.h"

#include <QDir>
#include <QMimeData>
#include <QRegularExpression>
#include <QSet>
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
QString draggedImageUrl(const DropContent::Snapshot &mime)
{
    const QString promise = mime.promiseUrl.trimmed();
    if (promise.startsWith(QLatin1String("http"), Qt::CaseInsensitive))
        return promise;
    if (mime.html.isEmpty())
        return {};
    static const QRegularExpression img(
        QStringLiteral("<img\\b[^>]*\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']"),
        QRegularExpression::CaseInsensitiveOption);
    auto it = img.globalMatch(mime.html);
    QStringList found;
    while (it.hasNext())
        found.append(it.next().captured(1).replace(QLatin1String("&amp;"), QLatin1String("&")));
    if (found.size() == 1 && found.first().startsWith(QLatin1String("http"), Qt::CaseInsensitive))
        return found.first();
    return {};
}

// Keeps the first of each source, in order, in linear time: a link dump
// of 100,000 lines is not 5,000,000,000 string compares.
class UniqueList {
public:
    explicit UniqueList(QStringList &out)
        : m_out(out)
    {
        m_seen.reserve(out.size());
        for (const QString &s : std::as_const(out))
            m_seen.insert(s);
    }
    void add(const QString &s)
    {
        if (!m_seen.contains(s)) {
            m_seen.insert(s);
            m_out.append(s);
        }
    }
    bool contains(const QString &s) const { return m_seen.contains(s); }

private:
    QStringList &m_out;
    QSet<QString> m_seen;
};

// text/uri-list (RFC 2483): one URL a line, CRLF, '#' starts a comment.
QList<QUrl> parseUriList(const QByteArray &data)
{
    QList<QUrl> urls;
    for (const QByteArray &raw : data.split('\n')) {
        const QByteArray line = raw.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        urls.append(QUrl(QString::fromUtf8(line)));
    }
    return urls;
}

} // namespace

DropContent DropContent::fromText(const QString &text)
{
    DropContent content;
    UniqueList sources(content.sources);
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
            sources.add(source);
            continue;
        }
        const QStringList links = IngestSource::extractUrls(line);
        for (const QString &link : links)
            sources.add(link);
        if (!links.isEmpty())
            continue;
        // ftp://..., javascript://...: queued so that the reason shows.
        auto it = otherScheme.globalMatch(line);
        bool any = false;
        while (it.hasNext()) {
            const QString word = it.next().captured(0);
            any = true;
            sources.add(word);
        }
        if (!any)
            content.unreadable.append(line);
    }
    return content;
}

DropContent::Snapshot DropContent::capture(const QMimeData *mime)
{
    Snapshot snap;
    if (!mime)
        return snap;
    snap.formats = mime->formats();
    for (const ImageMime &m : kImageMimes) {
        const QString type = QString::fromLatin1(m.mime);
        if (mime->hasFormat(type)) {
            const QByteArray bytes = mime->data(type);
            if (!bytes.isEmpty()) {
                snap.imageBytes = bytes;
                snap.imageSuffix = QString::fromLatin1(m.suffix);
                break;
            }
        }
    }
    if (snap.imageBytes.isEmpty() && mime->hasImage())
        snap.image = qvariant_cast<QImage>(mime->imageData());
    const QString promiseType = QStringLiteral("application/x-moz-file-promise-url");
    if (mime->hasFormat(promiseType))
        snap.promiseUrl = QString::fromUtf8(mime->data(promiseType));
    if ((!snap.imageBytes.isEmpty() || !snap.image.isNull() || !snap.promiseUrl.isEmpty())
        && mime->hasHtml())
        snap.html = mime->html();
    const QString uriListType = QStringLiteral("text/uri-list");
    if (mime->hasFormat(uriListType))
        snap.uriList = mime->data(uriListType);
    if (snap.uriList.isEmpty() && mime->hasUrls())
        snap.urls = mime->urls(); // a platform that converts without the raw list
    const QString mozType = QStringLiteral("text/x-moz-url");
    if (mime->hasFormat(mozType))
        snap.mozUrl = mime->data(mozType);
    snap.hasText = mime->hasText();
    if (snap.hasText)
        snap.text = mime->text();
    return snap;
}

DropContent DropContent::fromSnapshot(const Snapshot &mime)
{
    DropContent content;
    content.formats = mime.formats;
    content.imageBytes = mime.imageBytes;
    content.imageSuffix = mime.imageSuffix;
    if (content.imageBytes.isEmpty())
        content.image = mime.image;

    QStringList links;
    QStringList refused;
    if (content.hasImageData() || !mime.promiseUrl.isEmpty()) {
        const QString picture = draggedImageUrl(mime);
        if (!picture.isEmpty()) {
            content.sources = { picture };
            content.imageBytes.clear();
            content.image = QImage();
            return content;
        }
    }
    QList<QUrl> urls = mime.uriList.isEmpty() ? mime.urls : parseUriList(mime.uriList);
    if (urls.isEmpty() && !mime.mozUrl.isEmpty()) {
        for (const QString &u : mozUrls(mime.mozUrl))
            urls.append(QUrl(u));
    }
    {
        UniqueList uniqueLinks(links);
        UniqueList uniqueRefused(refused);
        for (const QUrl &url : std::as_const(urls)) {
            if (!url.isValid() || url.isEmpty())
                continue;
            const QString source = sourceOf(url);
            if (isUsefulWithoutImage(url))
                uniqueLinks.add(source);
            else
                uniqueRefused.add(source);
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
    if (content.hasImageData()) {
        // A browser names the page's site, or a blob: link made there.
        for (const QUrl &url : std::as_const(urls)) {
            const QString host
                = url.scheme() == QLatin1String("blob") ? QUrl(url.path()).host() : url.host();
            if (!host.isEmpty()) {
                content.imageHost = host;
                break;
            }
        }
        return content;
    }
    content.sources = refused;
    if (mime.hasText) {
        const DropContent text = fromText(mime.text);
        UniqueList sources(content.sources);
        for (const QString &s : text.sources)
            sources.add(s);
        content.unreadable = text.unreadable;
    }
    return content;
}

} // namespace trove::ui
