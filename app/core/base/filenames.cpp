// SPDX-License-Identifier: MIT
#include "base/filenames.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStringView>

namespace trove {

namespace {

// Without leading dots or white space, nor trailing ones.
QString stripped(const QString &s)
{
    qsizetype start = 0;
    while (start < s.size() && (s.at(start) == QLatin1Char('.') || s.at(start).isSpace()))
        ++start;
    qsizetype end = s.size();
    while (end > start && (s.at(end - 1) == QLatin1Char('.') || s.at(end - 1).isSpace()))
        --end;
    return s.mid(start, end - start);
}

} // namespace

// Two exporters once had their own rules (the CLI: 200 characters, each bad
// character replaced, "image" when nothing was left; drags: 120 characters,
// runs replaced, the short id). These keep the better rule of each (the
// shorter length, a run as one "_", the id as fallback, which names the
// image) and add what neither had: a byte bound, C1 controls and DEL,
// Windows' trailing dots and device names.
QString safeFileName(const QString &name, const QString &format, const QString &fallback)
{
    QString base;
    base.reserve(name.size());
    bool replacing = false;
    for (const QChar c : name) {
        const bool bad
            = c.category() == QChar::Other_Control || QStringView(u"/\\:*?\"<>|").contains(c);
        if (bad && !replacing)
            base += QLatin1Char('_');
        else if (!bad)
            base += c;
        replacing = bad;
    }

    base = stripped(base);
    // Whole code points, while both bounds hold.
    qsizetype keep = 0;
    int chars = 0;
    int bytes = 0;
    while (keep < base.size()) {
        const char32_t cp = base.at(keep).isHighSurrogate() && keep + 1 < base.size()
            ? QChar::surrogateToUcs4(base.at(keep), base.at(keep + 1))
            : char32_t(base.at(keep).unicode());
        const int units = cp > 0xFFFF ? 2 : 1;
        const int utf8 = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
        if (chars + units > kMaxBaseChars || bytes + utf8 > kMaxBaseBytes)
            break;
        keep += units;
        chars += units;
        bytes += utf8;
    }
    base.truncate(keep);

    base = stripped(base); // the cut may end on a space
    if (base.isEmpty())
        base = fallback;

    static const QRegularExpression device(QStringLiteral("^(con|prn|aux|nul|com[1-9]|lpt[1-9])$"),
        QRegularExpression::CaseInsensitiveOption);
    if (device.match(base.section(QLatin1Char('.'), 0, 0)).hasMatch())
        base.prepend(QLatin1Char('_'));

    QString ext = format.toLower();
    if (ext == QLatin1String("jpeg"))
        ext = QStringLiteral("jpg");
    if (ext.isEmpty() || base.endsWith(QLatin1Char('.') + ext, Qt::CaseInsensitive))
        return base;
    return base + QLatin1Char('.') + ext;
}

QString unusedFilePath(const QString &folder, const QString &fileName)
{
    const QDir dir(folder);
    QString candidate = dir.filePath(fileName);
    if (!QFileInfo::exists(candidate) && !QFileInfo(candidate).isSymLink())
        return candidate;
    const qsizetype dot = fileName.lastIndexOf(QLatin1Char('.'));
    const QString base = dot > 0 ? fileName.left(dot) : fileName;
    const QString ext = dot > 0 ? fileName.mid(dot) : QString();
    for (int n = 2;; ++n) {
        candidate = dir.filePath(QStringLiteral("%1 (%2)%3").arg(base).arg(n).arg(ext));
        if (!QFileInfo::exists(candidate) && !QFileInfo(candidate).isSymLink())
            return candidate;
    }
}

QString resolvedPath(const QString &path)
{
    QString existing = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    QStringList rest;
    for (;;) {
        const QString canonical = QFileInfo(existing).canonicalFilePath();
        if (!canonical.isEmpty()) {
            rest.prepend(canonical);
            return QDir::cleanPath(rest.join(QLatin1Char('/')));
        }
        const qsizetype slash = existing.lastIndexOf(QLatin1Char('/'));
        if (slash <= 0) // nothing of it exists, not even the root
            return QDir::cleanPath(QFileInfo(path).absoluteFilePath());
        rest.prepend(existing.mid(slash + 1));
        existing = existing.left(slash);
    }
}

bool isSameOrInside(const QString &inner, const QString &outer)
{
    const QString i = resolvedPath(inner);
    const QString o = resolvedPath(outer);
    return i == o || i.startsWith(o.endsWith(QLatin1Char('/')) ? o : o + QLatin1Char('/'));
}

} // namespace trove
