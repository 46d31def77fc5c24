// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "storage/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPair>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <algorithm>

/// Small helpers shared by the writer's statement files (writer thread only).
namespace trove::statements {

inline qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// A null QString binds as SQL NULL; text columns here are NOT NULL.
inline QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

/// Keys as one JSON array, for `... IN (SELECT value FROM json_each(?))`:
/// a statement per key under the job's savepoint costs time that grows
/// with the square of the batch (the in-memory sub-journal).
inline QString jsonKeys(const QList<qint64> &keys)
{
    QString out = QStringLiteral("[");
    out.reserve(keys.size() * 8 + 2);
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += QString::number(keys[i]);
    }
    return out + QLatin1Char(']');
}

/// @p keys lowest first. Whatever writes the search text (image_text, an
/// FTS5 table keyed by image) of many images goes lowest key first: FTS5
/// writes out its pending terms as a new segment whenever a row's key is
/// not above the last one's, so a batch in the gallery's newest-first
/// order wrote a segment per image and merged them all again. Tagging
/// 5,000 images of a million took 3.8 s that way, 0.26 s in order.
inline QList<qint64> ascending(QList<qint64> keys)
{
    std::sort(keys.begin(), keys.end());
    return keys;
}

/// (key, tag) pairs lowest key first, as ascending(); a key's pairs keep
/// their order.
inline QList<QPair<qint64, QString>> ascending(QList<QPair<qint64, QString>> pairs)
{
    std::stable_sort(
        pairs.begin(), pairs.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    return pairs;
}

/// Texts as one JSON array, for `... IN (SELECT value FROM json_each(?))`.
inline QString jsonTexts(const QStringList &texts)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(texts)).toJson(QJsonDocument::Compact));
}

/// The first column of @p sql's rows as text, with @p key bound to its one
/// placeholder (an image's tags, sources or collections).
inline Result<QStringList> texts(Connection &catalog, const QString &sql, qint64 key)
{
    QSqlQuery q = catalog.query(sql);
    q.bindValue(0, key);
    if (auto r = execQuery(q); !r)
        return r.failure();
    QStringList out;
    while (q.next())
        out.append(q.value(0).toString());
    return out;
}

/// An optional text as a statement binds it: NULL when empty.
inline QVariant nullIfEmpty(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

/// Another copy of image @p key's bytes came with a note and a "found on"
/// page (a duplicate add, a restore onto bytes added again meanwhile): each
/// goes to the image only where it has none, so the first ones given stay.
/// A null value gives nothing, and an image that gets nothing is not
/// touched (no change for the change feed).
inline Result<void> keepFirstNoteAndPage(
    Connection &catalog, qint64 key, const QVariant &note, const QVariant &page)
{
    if (note.isNull() && page.isNull())
        return {};
    QSqlQuery q = catalog.query(QStringLiteral(
        "UPDATE images SET annotation = coalesce(annotation, ?), "
        "found_on = coalesce(found_on, ?) WHERE id = ? AND "
        "((annotation IS NULL AND ? IS NOT NULL) OR (found_on IS NULL AND ? IS NOT NULL))"));
    q.bindValue(0, note);
    q.bindValue(1, page);
    q.bindValue(2, key);
    q.bindValue(3, note);
    q.bindValue(4, page);
    return execQuery(q);
}

/// Foreign keys checked at the commit instead of at each statement, for as
/// long as it lives; whatever happens between, they are immediate again
/// after. A job that fails is rolled back to its savepoint, and SQLite
/// restores the count of deferred violations with it.
class DeferredForeignKeys {
public:
    Q_DISABLE_COPY_MOVE(DeferredForeignKeys)
    explicit DeferredForeignKeys(Connection &catalog)
        : m_catalog(catalog)
        , m_on(catalog.exec(QStringLiteral("PRAGMA defer_foreign_keys=ON")))
    {
    }
    ~DeferredForeignKeys()
    {
        if (m_on)
            (void)m_catalog.exec(QStringLiteral("PRAGMA defer_foreign_keys=OFF"));
    }
    const Result<void> &result() const { return m_on; }

private:
    Connection &m_catalog;
    const Result<void> m_on;
};

} // namespace trove::statements
