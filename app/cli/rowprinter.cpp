// SPDX-License-Identifier: MIT
#include "rowprinter.h"

#include "catalog/imagerow.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace trove::cli::rowprinter {

namespace {

void appendNumber(QByteArray &out, qint64 value)
{
    std::array<char, 24> digits {};
    const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
    out.append(digits.data(), end - digits.data());
}

/// Two digits, zero-padded (the parts of a date and time).
void appendTwo(QByteArray &out, int value)
{
    out.append(char('0' + value / 10));
    out.append(char('0' + value % 10));
}

void pad(QByteArray &out, qsizetype from, qsizetype width)
{
    const qsizetype written = out.size() - from;
    if (written < width)
        out.append(width - written, ' ');
}

} // namespace

void appendHumanBytes(QByteArray &out, qint64 bytes)
{
    static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    if (unit == 0) {
        appendNumber(out, bytes);
        out.append(" B");
        return;
    }
    // QString::arg(double, 0, 'f', 1) rounds an exact tie away from zero
    // (160.25 KiB: "160.3"); printf rounds it to even ("160.2").
    const double tenths = value * 10.0;
    if (std::fma(value, 10.0, -tenths) == 0.0 && tenths - std::floor(tenths) == 0.5) {
        const auto rounded = qint64(std::floor(tenths)) + 1;
        appendNumber(out, rounded / 10);
        out.append('.');
        out.append(char('0' + rounded % 10));
    } else {
        std::array<char, 64> text {};
        const int n = std::snprintf(text.data(), text.size(), "%.1f", value);
        out.append(text.data(), qMin<qsizetype>(n, qsizetype(text.size()) - 1));
    }
    out.append(' ');
    out.append(units[unit]);
}

namespace {

/// Calls @p each for the '\n'-separated parts of @p list that are not empty.
template<typename Each> void forEachPart(QByteArrayView list, Each each)
{
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype end = list.indexOf('\n', start);
        if (end < 0)
            end = list.size();
        if (end > start)
            each(list.sliced(start, end - start));
        start = end + 1;
    }
}

void appendIndent(QByteArray &out, int levels)
{
    out.append(4 * levels, ' ');
}

/// A member of the object: "    "-indented key, then its value by @p value.
template<typename Value> void appendMember(QByteArray &out, const char *key, bool last, Value value)
{
    appendIndent(out, 2);
    out.append('"');
    out.append(key);
    out.append("\": ");
    value();
    out.append(last ? "\n" : ",\n");
}

void appendStringArray(QByteArray &out, QByteArrayView list)
{
    out.append("[\n");
    bool first = true;
    forEachPart(list, [&](QByteArrayView part) {
        if (!first)
            out.append(",\n");
        first = false;
        appendIndent(out, 3);
        appendJsonString(out, part);
    });
    if (!first)
        out.append('\n');
    appendIndent(out, 2);
    out.append(']');
}

void appendBool(QByteArray &out, bool value)
{
    out.append(value ? "true" : "false");
}

} // namespace

void appendIsoUtc(QByteArray &out, qint64 ms)
{
    // Howard Hinnant's civil_from_days: the proleptic Gregorian date of a
    // day count, as QDateTime computes it, without a QDateTime per row.
    qint64 seconds = ms >= 0 ? ms / 1000 : -((-ms + 999) / 1000);
    qint64 days = seconds >= 0 ? seconds / 86400 : -((-seconds + 86399) / 86400);
    const qint64 secondOfDay = seconds - days * 86400;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra
        = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 monthIndex = (5 * dayOfYear + 2) / 153;
    const int day = int(dayOfYear - (153 * monthIndex + 2) / 5 + 1);
    const int month = int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9);
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999)
        return; // Qt::ISODate has no text for these years
    appendTwo(out, int(year / 100));
    appendTwo(out, int(year % 100));
    out.append('-');
    appendTwo(out, month);
    out.append('-');
    appendTwo(out, day);
    out.append('T');
    appendTwo(out, int(secondOfDay / 3600));
    out.append(':');
    appendTwo(out, int(secondOfDay / 60 % 60));
    out.append(':');
    appendTwo(out, int(secondOfDay % 60));
    out.append('Z');
}

void appendJsonString(QByteArray &out, QByteArrayView text)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    qsizetype plain = 0; // start of the run copied as it is
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.sliced(plain, i - plain));
        plain = i + 1;
        out.append('\\');
        switch (c) {
        case '"':
            out.append('"');
            break;
        case '\\':
            out.append('\\');
            break;
        case '\b':
            out.append('b');
            break;
        case '\f':
            out.append('f');
            break;
        case '\n':
            out.append('n');
            break;
        case '\r':
            out.append('r');
            break;
        case '\t':
            out.append('t');
            break;
        default:
            out.append("u00");
            out.append(hex[c >> 4]);
            out.append(hex[c & 0xf]);
        }
    }
    out.append(text.sliced(plain));
    out.append('"');
}

void appendLine(QByteArray &out, const ImageRow &row)
{
    out.append(row.text(ImageRow::Uuid).first(qMin<qsizetype>(8, row.text(ImageRow::Uuid).size())));
    out.append("  ");
    qsizetype from = out.size();
    out.append(row.text(ImageRow::Format));
    pad(out, from, 5);
    out.append(' ');
    from = out.size();
    appendNumber(out, row.integer(ImageRow::Width));
    out.append('x');
    appendNumber(out, row.integer(ImageRow::Height));
    pad(out, from, 11);
    out.append(' ');
    // Right-justified in 10: written, then moved right.
    from = out.size();
    appendHumanBytes(out, row.integer(ImageRow::OriginalBytes));
    if (const qsizetype written = out.size() - from; written < 10)
        out.insert(from, 10 - written, ' ');
    out.append("  ");
    appendIsoUtc(out, row.integer(ImageRow::AddedAt));
    out.append("  ");
    out.append(row.text(ImageRow::Name));
    bool first = true;
    forEachPart(row.text(ImageRow::Tags), [&](QByteArrayView tag) {
        out.append(first ? "  [" : ", ");
        first = false;
        out.append(tag);
    });
    if (!first)
        out.append(']');
    out.append('\n');
}

void appendJsonElement(QByteArray &out, const ImageRow &row)
{
    // QJsonObject keeps its keys sorted: this is the order toJson() writes.
    const QByteArrayView sources = row.text(ImageRow::Sources);
    appendIndent(out, 1);
    out.append("{\n");
    appendMember(out, "added_at", false, [&] {
        out.append('"');
        appendIsoUtc(out, row.integer(ImageRow::AddedAt));
        out.append('"');
    });
    appendMember(out, "animated", false, [&] { appendBool(out, row.integer(ImageRow::Animated)); });
    appendMember(out, "annotation", false, [&] {
        if (row.text(ImageRow::Annotation).isEmpty())
            out.append("null");
        else
            appendJsonString(out, row.text(ImageRow::Annotation));
    });
    appendMember(out, "damaged", false, [&] { appendBool(out, row.integer(ImageRow::Damaged)); });
    appendMember(
        out, "favourite", false, [&] { appendBool(out, row.integer(ImageRow::Favourite)); });
    appendMember(out, "format", false, [&] { appendJsonString(out, row.text(ImageRow::Format)); });
    appendMember(out, "found_on", false, [&] {
        if (row.text(ImageRow::FoundOn).isEmpty())
            out.append("null");
        else
            appendJsonString(out, row.text(ImageRow::FoundOn));
    });
    appendMember(out, "height", false, [&] { appendNumber(out, row.integer(ImageRow::Height)); });
    appendMember(out, "id", false, [&] { appendJsonString(out, row.text(ImageRow::Uuid)); });
    appendMember(out, "name", false, [&] { appendJsonString(out, row.text(ImageRow::Name)); });
    appendMember(out, "original_bytes", false,
        [&] { appendNumber(out, row.integer(ImageRow::OriginalBytes)); });
    appendMember(out, "rating", false, [&] { appendNumber(out, row.integer(ImageRow::Rating)); });
    appendMember(out, "sha256", false, [&] { appendJsonString(out, row.text(ImageRow::Sha256)); });
    appendMember(out, "source_url", false, [&] {
        QByteArrayView firstSource;
        forEachPart(sources, [&](QByteArrayView url) {
            if (firstSource.isNull())
                firstSource = url;
        });
        appendJsonString(out, firstSource);
    });
    appendMember(out, "sources", false, [&] { appendStringArray(out, sources); });
    appendMember(
        out, "stored_bytes", false, [&] { appendNumber(out, row.integer(ImageRow::StoredBytes)); });
    appendMember(out, "tags", false, [&] { appendStringArray(out, row.text(ImageRow::Tags)); });
    appendMember(out, "width", true, [&] { appendNumber(out, row.integer(ImageRow::Width)); });
    appendIndent(out, 1);
    out.append('}');
}

} // namespace trove::cli::rowprinter
