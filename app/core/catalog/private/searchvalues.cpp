// SPDX-License-Identifier: MIT
#include "catalog/private/searchvalues.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QRegularExpression>
#include <QUrl>
#include <cmath>
#include <limits>

namespace trove::search::values {

namespace {

int distance(const QString &a, const QString &b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min(
                { up + 1, row[size_t(j) - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1) });
            diagonal = up;
        }
    }
    return row.back();
}

/// The one of @p names nearest @p word: at most two edits away, and fewer
/// edits than the name has letters less @p slack (at least 2), so that a
/// short name is not "near" everything.
QString nearestName(const QString &word, const QStringList &names, qsizetype slack)
{
    QString best;
    int bestDistance = 3;
    for (const QString &name : names) {
        const int d = distance(word, name);
        if (d < bestDistance && d < std::max<qsizetype>(name.size() - slack, 2)) {
            best = name;
            bestDistance = d;
        }
    }
    return best;
}

/// "a, b and c", in the language the person reads.
QString spokenList(QStringList items)
{
    const QString last = items.takeLast();
    //: The last two of a list: "tag:, site:, … in:, untagged and fav"
    return SearchLanguage::tr("%1 and %2").arg(items.join(QStringLiteral(", ")), last);
}

/// What a person may have meant by @p key: a word other tools use, or a
/// known name a typo or two away.
QString suggestionFor(const QString &key)
{
    static const QList<QPair<QString, QString>> synonyms {
        { QStringLiteral("host"), QStringLiteral("site") },
        { QStringLiteral("domain"), QStringLiteral("site") },
        { QStringLiteral("url"), QStringLiteral("site") },
        { QStringLiteral("source"), QStringLiteral("site") },
        { QStringLiteral("from"), QStringLiteral("site") },
        { QStringLiteral("type"), QStringLiteral("format") },
        { QStringLiteral("ext"), QStringLiteral("format") },
        { QStringLiteral("extension"), QStringLiteral("format") },
        { QStringLiteral("date"), QStringLiteral("added") },
        { QStringLiteral("created"), QStringLiteral("added") },
        { QStringLiteral("w"), QStringLiteral("width") },
        { QStringLiteral("h"), QStringLiteral("height") },
        { QStringLiteral("tags"), QStringLiteral("tag") },
        { QStringLiteral("stars"), QStringLiteral("rating") },
        { QStringLiteral("collection"), QStringLiteral("in") },
        { QStringLiteral("album"), QStringLiteral("in") },
        { QStringLiteral("bytes"), QStringLiteral("size") },
        { QStringLiteral("filesize"), QStringLiteral("size") },
        { QStringLiteral("megapixels"), QStringLiteral("pixels") },
        { QStringLiteral("mp"), QStringLiteral("pixels") },
    };
    for (const auto &[word, name] : synonyms) {
        if (word == key)
            return name;
    }
    return nearestName(key, SearchLanguage::predicateNames(), 0);
}

/// 1000, 1.5, 2M, 300KB: the number and its unit (lower case, may be empty).
bool splitNumber(const QString &text, double *number, QString *unit)
{
    static const QRegularExpression re(QStringLiteral("^(\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return false;
    *number = m.captured(1).toDouble();
    *unit = m.captured(2).toLower();
    return true;
}

struct Period {
    QDate first;
    QDate next; ///< the day after the period
};

std::optional<Period> periodOf(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int year = m.captured(1).toInt();
    if (m.captured(2).isEmpty())
        return Period { QDate(year, 1, 1), QDate(year + 1, 1, 1) };
    const int month = m.captured(2).toInt();
    if (m.captured(3).isEmpty()) {
        const QDate first(year, month, 1);
        if (!first.isValid())
            return std::nullopt;
        return Period { first, first.addMonths(1) };
    }
    const QDate day(year, month, m.captured(3).toInt());
    if (!day.isValid())
        return std::nullopt;
    return Period { day, day.addDays(1) };
}

qint64 msAt(const QDate &day)
{
    return QDateTime(day, QTime(0, 0), Qt::LocalTime).toMSecsSinceEpoch();
}

} // namespace

Result<Compared> comparison(const QString &key, const QString &value)
{
    Compared c;
    QStringView rest(value);
    const std::pair<const char *, Comparison> operators[]
        = { { ">=", Comparison::GreaterOrEqual }, { "<=", Comparison::LessOrEqual },
              { ">", Comparison::Greater }, { "<", Comparison::Less }, { "=", Comparison::Equal } };
    for (const auto &[text, comparison] : operators) {
        if (rest.startsWith(QLatin1String(text))) {
            c.comparison = comparison;
            rest = rest.mid(qsizetype(strlen(text)));
            break;
        }
    }
    double number = 0;
    QString unit;
    const bool read = splitNumber(rest.toString().trimmed(), &number, &unit);
    double scale = 0;
    if (key == QLatin1String("width") || key == QLatin1String("height")) {
        c.field = key == QLatin1String("width") ? Field::Width : Field::Height;
        if (unit.isEmpty() || unit == QLatin1String("px"))
            scale = 1;
    } else if (key == QLatin1String("pixels")) {
        c.field = Field::Pixels;
        if (unit.isEmpty())
            scale = 1;
        else if (unit == QLatin1String("k"))
            scale = 1e3;
        else if (unit == QLatin1String("m") || unit == QLatin1String("mp"))
            scale = 1e6;
    } else if (key == QLatin1String("size")) {
        c.field = Field::Size;
        // Binary multiples with the names people use (a "1 MB" file in most
        // file managers is 1,048,576 bytes); KiB, MiB and GiB say the same.
        static const QList<QPair<QString, double>> units { { QString(), 1 },
            { QStringLiteral("b"), 1 }, { QStringLiteral("k"), 1024 },
            { QStringLiteral("kb"), 1024 }, { QStringLiteral("kib"), 1024 },
            { QStringLiteral("m"), 1024.0 * 1024 }, { QStringLiteral("mb"), 1024.0 * 1024 },
            { QStringLiteral("mib"), 1024.0 * 1024 }, { QStringLiteral("g"), 1024.0 * 1024 * 1024 },
            { QStringLiteral("gb"), 1024.0 * 1024 * 1024 },
            { QStringLiteral("gib"), 1024.0 * 1024 * 1024 } };
        for (const auto &[name, factor] : units) {
            if (name == unit)
                scale = factor;
        }
    } else { // rating
        c.field = Field::Rating;
        if (unit.isEmpty() && number == std::floor(number) && number >= 0 && number <= 5)
            scale = 1;
        if (!read || scale == 0)
            return fail(
                SearchLanguage::tr("rating: expects a whole number from 0 to 5, e.g. rating:>=4"));
    }
    if (!read || scale == 0) {
        if (c.field == Field::Size)
            return fail(SearchLanguage::tr(
                "size: expects a number of bytes, e.g. size:>1MB or size:<=500KB"));
        if (c.field == Field::Pixels)
            return fail(SearchLanguage::tr("pixels: expects a number of pixels, e.g. pixels:>2M"));
        return fail(SearchLanguage::tr("%1: expects a number of pixels, e.g. %1:>1000").arg(key));
    }
    // Past the int64 range llround gives INT64_MIN, which turned
    // width:>huge into "all" and width:<huge into "none". Clamped, a bound
    // no image can reach still compares as a person reads it. 2^63 is the
    // first double out of range (INT64_MAX itself is not a double).
    const double scaled = number * scale;
    constexpr qint64 kMax = std::numeric_limits<qint64>::max();
    c.number = scaled >= 0x1p63 ? kMax : qint64(std::llround(scaled));
    return c;
}

Result<QPair<qint64, qint64>> addedRange(const QString &value)
{
    const QString example
        = SearchLanguage::tr("added: expects a date: added:2026-11, added:>2026-11-20 or "
                             "added:2026-11-01..2026-11-15");
    const qsizetype dots = value.indexOf(QLatin1String(".."));
    if (dots >= 0) {
        const auto first = periodOf(value.left(dots));
        const auto last = periodOf(value.mid(dots + 2));
        if (!first || !last)
            return fail(example);
        if (last->next <= first->first)
            return fail(SearchLanguage::tr("added: the range ends before it starts"));
        return QPair<qint64, qint64>(msAt(first->first), msAt(last->next));
    }
    QString text = value;
    QString op;
    for (const char *candidate : { ">=", "<=", ">", "<", "=" }) {
        if (text.startsWith(QLatin1String(candidate))) {
            op = QLatin1String(candidate);
            text = text.mid(op.size());
            break;
        }
    }
    const auto period = periodOf(text.trimmed());
    if (!period)
        return fail(example);
    const qint64 first = msAt(period->first);
    const qint64 next = msAt(period->next);
    constexpr qint64 kNever = std::numeric_limits<qint64>::max();
    constexpr qint64 kAlways = std::numeric_limits<qint64>::min();
    if (op == QLatin1String(">"))
        return QPair<qint64, qint64>(next, kNever);
    if (op == QLatin1String(">="))
        return QPair<qint64, qint64>(first, kNever);
    if (op == QLatin1String("<"))
        return QPair<qint64, qint64>(kAlways, first);
    if (op == QLatin1String("<="))
        return QPair<qint64, qint64>(kAlways, next);
    return QPair<qint64, qint64>(first, next);
}

QString hostOf(const QString &value)
{
    QString host = value.trimmed().toLower();
    // A link, or a host with a port or a path (site:127.0.0.1:8080,
    // site:example.com/gallery): the host alone, as the catalog keeps it
    // (QUrl's, so an IPv6 address loses its brackets as it does there).
    const QUrl url(host.contains(QLatin1String("://")) ? host : QStringLiteral("http://") + host);
    if (url.isValid() && !url.host().isEmpty())
        host = url.host();
    while (host.endsWith(QLatin1Char('.')))
        host.chop(1);
    if (host.startsWith(QLatin1String("www.")))
        host = host.mid(4);
    return host;
}

QString formatOf(const QString &value)
{
    QString format = value.trimmed().toLower();
    if (format.startsWith(QLatin1Char('.')))
        format = format.mid(1);
    // A MIME type: image/png, image/svg+xml.
    if (format.startsWith(QLatin1String("image/"))) {
        format = format.mid(6);
        if (format.endsWith(QLatin1String("+xml")))
            format.chop(4);
    }
    // The names people give a format that the catalog stores as another.
    static const QHash<QString, QString> aliases {
        { QStringLiteral("jpg"), QStringLiteral("jpeg") },
        { QStringLiteral("jpe"), QStringLiteral("jpeg") },
        { QStringLiteral("jfif"), QStringLiteral("jpeg") },
        { QStringLiteral("tif"), QStringLiteral("tiff") },
        { QStringLiteral("heif"), QStringLiteral("heic") },
        { QStringLiteral("jpx"), QStringLiteral("jp2") },
        { QStringLiteral("jpeg2000"), QStringLiteral("jp2") },
        { QStringLiteral("jpegxl"), QStringLiteral("jxl") },
        { QStringLiteral("targa"), QStringLiteral("tga") },
    };
    return aliases.value(format, format);
}

const QStringList &knownFormats()
{
    // Qt's readers (its own and Debian's qt6-image-formats-plugins, by the
    // names QImageReader gives them) and Trove's (app/imageformats). The
    // catalog stores what QImageReader::imageFormat() says; tst_formats
    // checks that every reader the app loads has its name here.
    static const QStringList formats { QStringLiteral("avif"), QStringLiteral("bmp"),
        QStringLiteral("cur"), QStringLiteral("dds"), QStringLiteral("gif"), QStringLiteral("heic"),
        QStringLiteral("icns"), QStringLiteral("ico"), QStringLiteral("j2k"), QStringLiteral("jp2"),
        QStringLiteral("jpeg"), QStringLiteral("jxl"), QStringLiteral("mng"), QStringLiteral("pbm"),
        QStringLiteral("pcx"), QStringLiteral("pgm"), QStringLiteral("png"), QStringLiteral("ppm"),
        QStringLiteral("psd"), QStringLiteral("sgi"), QStringLiteral("svg"), QStringLiteral("svgz"),
        QStringLiteral("tga"), QStringLiteral("tiff"), QStringLiteral("wbmp"),
        QStringLiteral("webp"), QStringLiteral("xbm"), QStringLiteral("xpm") };
    return formats;
}

QString unknownFormat(const QString &format)
{
    const QStringList &known = knownFormats();
    if (known.contains(format))
        return {};
    const QString best = nearestName(format, known, 1);
    if (!best.isEmpty())
        return SearchLanguage::tr("format: %1 is not an image format Trove reads; did you mean "
                                  "format:%2?")
            .arg(format, best);
    return SearchLanguage::tr("format: %1 is not an image format Trove reads (it reads %2)")
        .arg(format, spokenList(known));
}

QStringList storedFormats(const QString &format)
{
    // A family found by its plain name: format:svg finds compressed SVG
    // too, format:jp2 a bare JPEG 2000 codestream; format:svgz only svgz.
    if (format == QLatin1String("svg"))
        return { format, QStringLiteral("svgz") };
    if (format == QLatin1String("jp2"))
        return { format, QStringLiteral("j2k") };
    return { format };
}

QString unknownPredicate(const QString &key)
{
    const QString maybe = suggestionFor(key);
    if (!maybe.isEmpty())
        return SearchLanguage::tr("unknown predicate %1:; did you mean %2:?").arg(key, maybe);
    // From the parser's own tables, so a new predicate is never missing here.
    QStringList known;
    for (const QString &name : SearchLanguage::predicateNames())
        known << name + QLatin1Char(':');
    known << SearchLanguage::bareWords();
    return SearchLanguage::tr("unknown predicate %1:; known are %2 (put text in quotes to search "
                              "for it as it is)")
        .arg(key, spokenList(known));
}

QString needsValue(const QString &key)
{
    static const QList<QPair<QString, QString>> examples {
        { QStringLiteral("tag"), QStringLiteral("tag:cats or tag:\"big cats\"") },
        { QStringLiteral("site"), QStringLiteral("site:example.com") },
        { QStringLiteral("format"), QStringLiteral("format:png") },
        { QStringLiteral("width"), QStringLiteral("width:>1000") },
        { QStringLiteral("height"), QStringLiteral("height:<=200") },
        { QStringLiteral("pixels"), QStringLiteral("pixels:>2M") },
        { QStringLiteral("size"), QStringLiteral("size:>1MB") },
        { QStringLiteral("added"), QStringLiteral("added:2026-11") },
        { QStringLiteral("rating"), QStringLiteral("rating:>=4") },
        { QStringLiteral("in"), QStringLiteral("in:\"holiday\"") },
    };
    QString example;
    for (const auto &[name, text] : examples) {
        if (name == key)
            example = text;
    }
    return SearchLanguage::tr("%1: needs a value, e.g. %2").arg(key, example);
}

} // namespace trove::search::values
