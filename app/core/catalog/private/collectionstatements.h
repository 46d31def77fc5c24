// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogwriter.h"

#include <QList>
#include <QString>

namespace trove {

struct WriterContext;

/// The statements on collections (tables `collections` and
/// `collection_items`). They run on the writer thread inside the batch
/// transaction; the change feed hears of them through the catalog's
/// triggers, and the images whose membership changed are reported as
/// changed. CatalogWriter's facade submits them.
namespace statements {

/// A new collection; @p query null for a hand-made one. Answers its id.
Result<qint64> createCollection(WriterContext &c, const QString &name, const QString &query);
/// Deletes a collection (its memberships go with it; images stay).
Result<bool> deleteCollection(WriterContext &c, const QString &name);
/// Appends @p keys (in that order; those in it already or not in the
/// library are skipped) to a hand-made collection. Answers how many.
Result<int> addToCollection(WriterContext &c, const QString &name, const QList<qint64> &keys);
/// Takes @p keys out of a collection. Answers how many were in it.
Result<int> removeFromCollection(WriterContext &c, const QString &name, const QList<qint64> &keys);
/// Moves @p keys (in that order) before @p beforeKey in a hand-made
/// collection's order, or to its end when @p beforeKey is 0.
Result<int> moveInCollection(
    WriterContext &c, const QString &name, const QList<qint64> &keys, qint64 beforeKey);
/// moveInCollection(), with what takes it back.
Result<CollectionMove> reorderInCollection(
    WriterContext &c, const QString &name, const QList<qint64> &keys, qint64 beforeKey);
/// Moves each image back before its old follower, in the order given.
Result<int> restoreCollectionOrder(
    WriterContext &c, const QString &name, const QList<QPair<qint64, qint64>> &undo);
/// Renames collection @p from to @p to; nothing changes on an error.
Result<QString> renameCollection(WriterContext &c, const QString &from, const QString &to);

} // namespace statements

} // namespace trove
