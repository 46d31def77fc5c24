// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QByteArrayView>
#include <QSqlDatabase>
#include <QVariantList>
#include <functional>

struct sqlite3_stmt;

namespace trove {

/// One row of querysql::kSelectImages as SQLite hands it out: text as the
/// UTF-8 it is stored in, read in place, valid only while it is visited.
/// For printing a million rows (`trove list`): an ImageRecord costs a
/// QVariant and a QString per column, and the whole list took 12 CPU-s
/// that way against 0.9 for sqlite3's shell.
class ImageRow final {
    Q_DISABLE_COPY_MOVE(ImageRow)

public:
    /// kSelectImages' columns, in the order it selects them.
    enum Column {
        Key,
        Uuid,
        Name,
        Sha256,
        Format,
        Width,
        Height,
        OriginalBytes,
        StoredBytes,
        AddedAt, ///< ms since the epoch, UTC
        Tags, ///< separated by '\n', sorted
        Sources, ///< separated by '\n', oldest first; NULL without Detail::Full
        Damaged,
        Annotation, ///< NULL when there is none
        FoundOn, ///< NULL when unknown
        Animated,
        Rating,
        Favourite,
    };

    explicit ImageRow(sqlite3_stmt *statement)
        : m_statement(statement)
    {
    }

    /// The column's UTF-8 text; empty for NULL.
    QByteArrayView text(Column column) const;
    qint64 integer(Column column) const;
    bool isNull(Column column) const;

    /// Runs @p sql (a kSelectImages statement) with @p binds on @p db, an
    /// open SQLite connection of this thread, and calls @p visit for each
    /// row until it answers false.
    static Result<void> walk(QSqlDatabase &db, const QString &sql, const QVariantList &binds,
        const std::function<bool(const ImageRow &)> &visit);

private:
    sqlite3_stmt *m_statement;
};

} // namespace trove
