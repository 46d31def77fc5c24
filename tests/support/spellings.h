// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QTest>

namespace trove::test {

/// Which rows spellingRows() adds.
enum class Spellings {
    Same, ///< pairs that are one tag only: the suites that drive a process or the window
    All, ///< with the pairs that are two, and a "same" column
};

/// Data rows of spellings of one tag, and of two (base/tagkey.h): as stored
/// (the first given) and as typed later, for every suite that checks that
/// a tag is one tag in any case of any script. Unicode's simple case
/// folding: "ẞ" is "ß", but "ß" is not "ss" ("Maße" and "Masse" are two
/// words); accents are not case. Columns "stored" and "typed", and with
/// Spellings::All "same".
inline void spellingRows(Spellings which)
{
    struct Row {
        const char *name;
        const char16_t *stored;
        const char16_t *typed;
        bool same;
        bool everywhere; ///< also in Spellings::Same
    };
    static const Row rows[] = {
        { "ASCII", u"Nature", u"nature", true, true },
        { "umlaut", u"Über", u"über", true, true },
        { "capitals", u"ÄRGER", u"ärger", true, true },
        { "Greek, accented", u"ΣΟΦΊΑ", u"σοφία", true, true },
        { "Greek, final sigma", u"ΚΌΣΜΟΣ", u"κόσμος", true, false },
        { "capital sharp s", u"straße", u"STRAẞE", true, false },
        // Typed on a Mac: "u" and a combining diaeresis.
        { "decomposed", u"Über", u"u\u0308ber", true, true },
        { "sharp s is not ss", u"straße", u"STRASSE", false, false },
        { "accents count", u"Über", u"uber", false, false },
    };
    QTest::addColumn<QString>("stored");
    QTest::addColumn<QString>("typed");
    if (which == Spellings::All)
        QTest::addColumn<bool>("same");
    for (const Row &row : rows) {
        if (which == Spellings::All)
            QTest::newRow(row.name)
                << QString::fromUtf16(row.stored) << QString::fromUtf16(row.typed) << row.same;
        else if (row.everywhere)
            QTest::newRow(row.name)
                << QString::fromUtf16(row.stored) << QString::fromUtf16(row.typed);
    }
}

} // namespace trove::test
