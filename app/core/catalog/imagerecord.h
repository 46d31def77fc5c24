// SPDX-License-Identifier: MIT
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace trove {

/// One image of the catalog, as read. A value; safe to pass between threads.
struct ImageRecord {
    qint64 key = 0; ///< internal row id; orders and pages the gallery
    QString id; ///< public id (UUID, no braces)
    QString name;
    QStringList tags;
    QStringList sources;
    QString sha256;
    QString format;
    int width = 0;
    int height = 0;
    qint64 originalBytes = 0;
    qint64 storedBytes = 0;
    QDateTime addedAt; ///< UTC
    bool damaged = false; ///< its blob was found damaged and moved aside
    QString annotation; ///< a note given with it (Eagle's annotation); empty: none
    /// The page it was found on (the Referer its download was sent with);
    /// empty: unknown.
    QString foundOn;
    bool animated = false; ///< more than one frame
    int rating = 0; ///< 0 to 5 stars; 0: not rated
    bool favourite = false;

    bool isValid() const { return key > 0; }

    /// The JSON shape of `--json` (README.md, "The command line"): id, name,
    /// tags, source_url, sources, sha256, format, width, height,
    /// original_bytes, stored_bytes, added_at, damaged, annotation (null
    /// for none), found_on (null when unknown), animated, rating (0 to 5),
    /// favourite.
    QJsonObject toJson() const;
};

/// An image in the trash: the record it had, and when it was removed.
struct TrashRecord {
    ImageRecord image; ///< key, id, name, tags, sources, ... as they were
    QDateTime trashedAt; ///< UTC

    /// ImageRecord::toJson() plus trashed_at.
    QJsonObject toJson() const;
};

/// Library totals; read in O(1) from a row the catalog keeps current.
struct LibraryStats {
    qint64 images = 0;
    qint64 originalBytes = 0;
    qint64 storedBytes = 0;
    QDateTime lastAdded; ///< UTC; null when the library is empty

    QJsonObject toJson() const;
};

/// ISO 8601 in UTC with a Z, to the second: 2026-11-23T10:15:00Z
QString isoUtc(const QDateTime &when);

} // namespace trove

Q_DECLARE_METATYPE(trove::ImageRecord)
Q_DECLARE_METATYPE(trove::TrashRecord)
