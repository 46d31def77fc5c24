// SPDX-License-Identifier: MIT
#include "base/naturalkey.h"

#include <string>

namespace trove {

namespace {

bool isDecimalDigit(char32_t c)
{
    return QChar::category(c) == QChar::Number_DecimalDigit && QChar::digitValue(c) >= 0;
}

// Digits are ASCII '1'..'9' first, the value's significant digits.
void appendNumber(std::u32string &out, const std::u32string &digits)
{
    const size_t length = digits.size();
    if (length < 9) {
        out += char32_t(U'0' + length);
    } else {
        // Nine digits or more: '9' sorts after every shorter length, then
        // the length itself, which is order-preserving by the same rule.
        out += U'9';
        std::u32string lengthDigits;
        for (const char c : std::to_string(length))
            lengthDigits += char32_t(c);
        appendNumber(out, lengthDigits);
    }
    out += digits;
}

} // namespace

QString naturalSortKey(const QString &name)
{
    const QList<uint> points = name.normalized(QString::NormalizationForm_KD).toUcs4();
    std::u32string out;
    out.reserve(size_t(points.size()) + 8);
    std::u32string digits;
    for (qsizetype i = 0; i < points.size();) {
        const char32_t c = points[i];
        if (isDecimalDigit(c)) {
            digits.clear();
            bool leading = true;
            for (; i < points.size() && isDecimalDigit(points[i]); ++i) {
                const int value = QChar::digitValue(char32_t(points[i]));
                if (leading && value == 0)
                    continue;
                leading = false;
                digits += char32_t(U'0' + value);
            }
            appendNumber(out, digits);
            continue;
        }
        ++i;
        // Accents and other combining marks: "é" (e + U+0301) is "e".
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
            continue;
        out += QChar::toCaseFolded(c);
    }
    return QString::fromUcs4(out.data(), qsizetype(out.size()));
}

} // namespace trove
