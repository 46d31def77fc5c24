// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace trove {

class Connection;

/// One collection as a list shows it. A value; crosses threads.
struct CollectionInfo {
    qint64 id = 0;
    QString name;
    /// The saved search of a smart collection; null for a hand-made one.
    QString query;
    /// Images in it (not those in the trash); -1 for a smart collection,
    /// whose count is its search's.
    qint64 count = 0;
    QDateTime createdAt;

    bool isSmart() const { return !query.isNull(); }
    bool operator==(const CollectionInfo &) const = default;
};

/// Reading the catalog's collections (tables `collections` and
/// `collection_items`) on a connection of the calling thread; writes go
/// through CatalogWriter. Also the rules a name follows.
class Collections final {
    Q_DECLARE_TR_FUNCTIONS(Collections)

public:
    /// Every collection, by name (case-insensitive).
    static Result<QList<CollectionInfo>> list(Connection &catalog);
    enum class Counted { Yes, No };
    /// The collection called @p name (case-insensitive), if there is one;
    /// Counted::No leaves its count -1 (a search naming it needs none).
    static Result<std::optional<CollectionInfo>> find(
        Connection &catalog, const QString &name, Counted counted = Counted::Yes);
    /// How many images of a hand-made collection the gallery shows (not
    /// those in the trash), on the indexes alone.
    static Result<qint64> count(Connection &catalog, qint64 collectionId);
    /// The keys of a hand-made collection's images, in its order (trashed
    /// images left out).
    static Result<QList<qint64>> members(Connection &catalog, qint64 collectionId);

    /// @p name trimmed, or why it cannot name a collection.
    static Result<QString> cleanName(const QString &name);
    /// What makes two names one collection's: the tag key (base/tagkey.h:
    /// Unicode case folding, composed) of the name as it is stored
    /// (simplified()), so "Été", "été" and "ÉTÉ" are one collection, as
    /// "Über" and "über" are one tag. Kept in collections.name_key, which
    /// every lookup compares against. A pure function; any thread.
    static QString nameKey(const QString &name);
    /// Whether @p a and @p b name the same collection (nameKey() equal).
    static bool sameName(const QString &a, const QString &b);
    /// "no collection named “x”"
    static QString unknown(const QString &name);
};

} // namespace trove

Q_DECLARE_METATYPE(trove::CollectionInfo)
