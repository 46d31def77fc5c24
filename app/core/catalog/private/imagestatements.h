// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogwriter.h"

#include <QList>
#include <QPair>
#include <QStringList>

namespace trove {

struct WriterContext;

/// The statements on images, their tags, sources and thumbnails. Each runs on
/// the writer thread inside the batch transaction (under its own savepoint)
/// and records what it touched in the WriterContext, so the worker can tell
/// readers after the commit. CatalogWriter's facade submits them.
namespace statements {

/// Holds the search text of images while many of their tags change, and
/// writes it once for each at the end (schema: text_hold): per tag, the
/// triggers rewrote the whole text, quadratic in an image's tags. Rows live
/// only inside the writer's transaction; a failure rolls them back.
class TextHold final {
public:
    explicit TextHold(WriterContext &c)
        : m_c(c)
    {
    }
    Result<void> hold(qint64 key);
    /// Writes the held images' text and lets them go.
    Result<void> write();

private:
    WriterContext &m_c;
    bool m_any = false;
};

/// Which of @p keys are not in the library, in the trash or gone for
/// good; @p present (optional) receives the others, in their order. One
/// statement for the batch.
Result<Absent> findAbsent(
    WriterContext &c, const QList<qint64> &keys, QList<qint64> *present = nullptr);
/// A new image row, or for bytes already there, one more source and tags.
Result<CommitOutcome> commitImage(WriterContext &c, const NewImage &image);
/// @p delta (optional) receives the (image, tag) pairs really added and removed.
Result<int> editTags(WriterContext &c, const QList<qint64> &keys, const QStringList &add,
    const QStringList &remove, TagDelta *delta = nullptr);
/// Images no longer in the library are left alone (Reverted::absent);
/// Reverted::changed counts tags.
Result<Reverted> revertTags(WriterContext &c, const TagDelta &delta);
/// Images already named @p name, and keys not in the library, are left alone.
Result<Renamed> rename(WriterContext &c, const QList<qint64> &keys, const QString &name);
/// Compare-and-set: back (@p undo) to each image's name before where it
/// still has `renamed.name`, or to `renamed.name` where it still has the
/// name before.
Result<Reverted> renameAgain(WriterContext &c, const Renamed &renamed, bool undo);
/// New random keys for every image (the Shuffled order), and one
/// ChangeKind::Reordered row in the feed.
Result<bool> shuffle(WriterContext &c);
/// Outside the transaction: moves damaged blobs into <library>/damaged/.
Result<void> moveBlobsAside(WriterContext &c, const QList<QPair<qint64, QString>> &keysAndShas);
Result<bool> markDamaged(WriterContext &c, const QList<QPair<qint64, QString>> &keysAndShas);
Result<bool> clearDamaged(WriterContext &c, qint64 key, const CompressedBlob &blob);

} // namespace statements

} // namespace trove
