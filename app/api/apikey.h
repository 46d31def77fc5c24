// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "storage/librarypaths.h"

#include <QByteArray>
#include <QCoreApplication>

namespace trove::api {

/// The local API's access key: 64 hex digits kept in <library>/api-key,
/// readable by its owner only (0600). Read once at start; any thread.
class ApiKey final {
    Q_DECLARE_TR_FUNCTIONS(ApiKey)

public:
    static QString filePath(const LibraryPaths &paths);
    /// The library's key, created on first use.
    static Result<QByteArray> load(const LibraryPaths &paths);
    /// Replaces the key; the old one stops working once a server restarts.
    static Result<QByteArray> renew(const LibraryPaths &paths);
    /// Constant-time comparison, so a wrong key's timing tells nothing.
    static bool matches(const QByteArray &expected, const QByteArray &given);
};

} // namespace trove::api
