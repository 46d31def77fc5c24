// SPDX-License-Identifier: MIT
#pragma once

#include "storage/database.h"

#include <QStringList>
#include <vector>

/// The library's schema, as forward migrations: entry i takes a database from
/// version i to i + 1 (PRAGMA user_version). Connection::migrate() applies
/// them in one transaction. A released entry is never edited: a change is a
/// new entry at the end.
namespace trove::schema {

const std::vector<QStringList> &migrations(Connection::Kind kind);

/// Writes what the SQL of a step cannot compute (the natural name key,
/// base/naturalkey.h; a collection's name key, renaming the later of two
/// names that fold together) for the rows that lack it:
/// Connection::migrate() calls it on a catalog, in the migration's
/// transaction, after the steps. Costs two index probes when nothing
/// lacks it.
Result<void> fillComputedColumns(Connection &catalog);

} // namespace trove::schema
