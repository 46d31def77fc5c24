// SPDX-License-Identifier: MIT
#include "imagerow.h"

#include <QSqlDriver>
#include <memory>
#include <sqlite3.h>

namespace trove {

QByteArrayView ImageRow::text(Column column) const
{
    // The pointer first, then the size: the order SQLite's documentation asks.
    const auto *bytes = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return bytes ? QByteArrayView(bytes, sqlite3_column_bytes(m_statement, column))
                 : QByteArrayView();
}

qint64 ImageRow::integer(Column column) const
{
    return sqlite3_column_int64(m_statement, column);
}

bool ImageRow::isNull(Column column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

namespace {

/// As sqlError() words a QSqlQuery's failure, Damaged included.
Error sqliteError(sqlite3 *handle)
{
    const int code = sqlite3_errcode(handle) & 0xff;
    return fail(QStringLiteral("database error: %1").arg(QString::fromUtf8(sqlite3_errmsg(handle))),
        code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? Error::Kind::Damaged
                                                        : Error::Kind::Other);
}

/// The connection's own sqlite3 handle: Qt's SQLite driver hands it out
/// for exactly this, the C API where QSqlQuery costs too much.
sqlite3 *handleOf(QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}

int bind(sqlite3_stmt *statement, int index, const QVariant &value)
{
    if (value.isNull())
        return sqlite3_bind_null(statement, index);
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Bool:
        return sqlite3_bind_int64(statement, index, value.toLongLong());
    case QMetaType::Double:
        return sqlite3_bind_double(statement, index, value.toDouble());
    case QMetaType::QByteArray: {
        const QByteArray bytes = value.toByteArray();
        return sqlite3_bind_blob64(
            statement, index, bytes.constData(), sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
    }
    default: {
        const QByteArray text = value.toString().toUtf8();
        return sqlite3_bind_text64(statement, index, text.constData(), sqlite3_uint64(text.size()),
            SQLITE_TRANSIENT, SQLITE_UTF8);
    }
    }
}

} // namespace

Result<void> ImageRow::walk(QSqlDatabase &db, const QString &sql, const QVariantList &binds,
    const std::function<bool(const ImageRow &)> &visit)
{
    sqlite3 *handle = handleOf(db);
    if (!handle)
        return fail(QStringLiteral("database error: not an SQLite connection"));
    sqlite3_stmt *raw = nullptr;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(handle, utf8.constData(), int(utf8.size()), &raw, nullptr) != SQLITE_OK)
        return sqliteError(handle);
    const std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt *)> statement(raw, sqlite3_finalize);
    for (int i = 0; i < binds.size(); ++i) {
        if (bind(raw, i + 1, binds[i]) != SQLITE_OK)
            return sqliteError(handle);
    }
    const ImageRow row(raw);
    for (;;) {
        switch (sqlite3_step(raw)) {
        case SQLITE_ROW:
            if (!visit(row))
                return {};
            continue;
        case SQLITE_DONE:
            return {};
        default:
            return sqliteError(handle);
        }
    }
}

} // namespace trove
