// SPDX-License-Identifier: MIT
#include "jsonstream.h"

#include <QJsonDocument>

namespace trove::cli::json {

void appendString(QByteArray &out, QStringView text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out.append('"');
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x20 && c != '"' && c != '\\') {
            out.append(c);
            continue;
        }
        out.append('\\');
        switch (c) {
        case '"':
        case '\\':
            out.append(c);
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
            out.append("u00").append(kHex[byte >> 4]).append(kHex[byte & 0xf]);
        }
    }
    out.append('"');
}

void appendKey(QByteArray &out, const char *key)
{
    out.append('"').append(key).append("\":");
}

void appendNumber(QByteArray &out, const char *key, qint64 value)
{
    appendKey(out, key);
    out.append(QByteArray::number(value));
}

namespace {

// @p object as QJsonDocument::toJson(Indented) writes it as an element of
// an array @p depth levels deep, without the comma or the newline after it.
void appendIndented(QByteArray &out, const QJsonObject &object, int depth)
{
    const QByteArray indent(4 * depth, ' ');
    const QByteArray text = QJsonDocument(object).toJson(QJsonDocument::Indented);
    qsizetype from = 0;
    while (from < text.size()) {
        qsizetype end = text.indexOf('\n', from);
        if (end < 0)
            end = text.size();
        if (from > 0)
            out.append('\n');
        out.append(indent).append(text.constData() + from, end - from);
        from = end + 1;
    }
}

constexpr qsizetype kFlushAt = 1 << 16;

} // namespace

IndentedArray::IndentedArray(
    std::function<void(const QByteArray &)> write, QByteArray head, int depth)
    : m_write(std::move(write))
    , m_buffer(std::move(head))
    , m_depth(depth)
{
}

void IndentedArray::append(const QJsonObject &object)
{
    m_buffer.append(m_count == 0 ? "\n" : ",\n");
    appendIndented(m_buffer, object, m_depth);
    ++m_count;
    if (m_buffer.size() >= kFlushAt) {
        m_write(m_buffer);
        m_buffer.resize(0);
    }
}

void IndentedArray::finish(const QByteArray &after)
{
    m_buffer.append('\n').append(QByteArray(4 * (m_depth - 1), ' ')).append(']').append(after);
    m_write(m_buffer);
    m_buffer.clear();
}

} // namespace trove::cli::json
