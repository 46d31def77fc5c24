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

} // namespace trove::schema
