// SPDX-License-Identifier: MIT
#include "ingest/ingestsource.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace trove {

QString IngestSource::sourceString() const
{
    if (isLocal())
        return QUrl::fromLocalFile(localPath).toString();
    // A password in a link (https://user:secret@host/…) opens the door
    // once; the catalog keeps where the picture came from, and its sources
    // are listed, exported and served by the API to anyone reading it.
    const QString text = url.toString(QUrl::FullyEncoded | QUrl::RemovePassword);
    // A data: URL is the image itself; keep its head as a readable source
    // rather than megabytes of base64 in every listing.
    if (url.scheme() == QLatin1String("data") && text.size() > 80)
        return text.left(64) + QStringLiteral("…");
    return text;
}

QString IngestSource::fileName() const
{
    if (isLocal())
        return QFileInfo(localPath).fileName();
    if (url.scheme() == QLatin1String("data"))
        return {};
    return url.fileName(QUrl::FullyDecoded);
}

QString IngestSource::defaultName() const
{
    const QString file = fileName();
    if (!file.isEmpty()) {
        const QString base = QFileInfo(file).completeBaseName();
        return base.isEmpty() ? file : base;
    }
    if (!url.host().isEmpty())
        return url.host();
    return tr("image");
}

QString IngestSource::defaultNameOf(const QString &source)
{
    IngestSource parsed;
    const QUrl url(source);
    if (url.isLocalFile())
        parsed.localPath = url.toLocalFile();
    else
        parsed.url = url;
    return parsed.defaultName();
}

bool IngestSource::isRemote(const QString &input)
{
    const QString text = input.trimmed();
    for (const char *scheme : { "http:", "https:", "data:" }) {
        if (text.startsWith(QLatin1String(scheme), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

IngestSource IngestSource::localFile(const QString &absolutePath, qint64 size)
{
    IngestSource source;
    source.localPath = absolutePath;
    source.localSize = size;
    return source;
}

Result<IngestSource> IngestSource::parse(const QString &input, Accept accept)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return fail(tr("empty source"));

    IngestSource source;
    static const QRegularExpression schemeRe(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*):"));
    const auto scheme = schemeRe.match(text);
    const QString name = scheme.captured(1).toLower();
    if (!scheme.hasMatch()) {
        source.localPath = QDir::current().absoluteFilePath(text);
    } else if (name == QLatin1String("file")) {
        const QUrl url(text);
        if (!url.isValid() || !url.isLocalFile())
            return fail(tr("not a valid file URL: %1").arg(text));
        source.localPath = url.toLocalFile();
    } else if (name == QLatin1String("http") || name == QLatin1String("https")
        || name == QLatin1String("data")) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid())
            return fail(tr("not a valid URL: %1").arg(text));
        if (name != QLatin1String("data") && url.host().isEmpty())
            return fail(tr("URL has no host: %1").arg(text));
        // Qt reads bad base64 as nothing, which failed as "empty response".
        if (name == QLatin1String("data")) {
            const QString path = url.path(QUrl::FullyDecoded);
            const qsizetype comma = path.indexOf(QLatin1Char(','));
            if (comma < 0)
                return fail(tr("a data: URL needs a comma before its bytes"));
            if (path.left(comma).endsWith(QLatin1String(";base64"), Qt::CaseInsensitive)
                && !QByteArray::fromBase64Encoding(
                    path.mid(comma + 1).toLatin1(), QByteArray::AbortOnBase64DecodingErrors))
                return fail(tr("the bytes of a data: URL are not valid base64"));
        }
        source.url = url;
        return source;
    } else if (QFileInfo::exists(text)) {
        source.localPath = QDir::current().absoluteFilePath(text); // "img:1.png"
    } else {
        return fail(tr("unsupported URL scheme: %1").arg(name));
    }

    const QFileInfo info(source.localPath);
    if (!info.exists()) {
        if (!scheme.hasMatch() && !text.contains(QLatin1Char('/')))
            return fail(tr("not a URL or an existing file: %1").arg(text));
        return fail(tr("no such file: %1").arg(source.localPath));
    }
    if (info.isDir() && accept == Accept::FilesAndFolders) {
        source.folder = true;
    } else if (!info.isFile()) {
        return fail(tr("not a file: %1").arg(source.localPath));
    }
    if (!info.isReadable())
        return fail(tr("cannot read %1: permission denied").arg(source.localPath));
    source.localPath = info.absoluteFilePath();
    if (!source.folder)
        source.localSize = info.size();
    return source;
}

QStringList IngestSource::extractUrls(const QString &text)
{
    // Stops at white space, quotes and angle brackets, the usual ends of a
    // link in prose, HTML or Markdown.
    static const QRegularExpression linkRe(QStringLiteral("https?://[^\\s\"'<>()\\[\\]{}]+"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList out;
    auto it = linkRe.globalMatch(text);
    while (it.hasNext()) {
        QString link = it.next().captured(0);
        while (!link.isEmpty() && QStringLiteral(".,;:!?").contains(link.back()))
            link.chop(1);
        if (!out.contains(link))
            out.append(link);
    }
    return out;
}

} // namespace trove
