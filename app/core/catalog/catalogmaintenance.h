// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QStringList>

namespace trove {

class CatalogReader;
class Connection;

/// Checks on a library's databases for `trove verify`, kept apart from the
/// reader's lookups. Runs on the thread that owns @p reader.

/// SQLite's own integrity check of both databases: empty when sound.
Result<QStringList> integrityProblems(CatalogReader &reader);
/// The same for one database, its lines as SQLite words them.
Result<QStringList> integrityProblems(Connection &db);

} // namespace trove
