// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "storage/librarypaths.h"

#include <QByteArray>
#include <QCoreApplication>

namespace trove::api {

/// The local API's access key: 64 hex digits kept in <library>/api-key,
/// readable by its owner only (0600). Read once at start; any thread.
///
/// Whether a person made the key on purpose (`trove api-key`, or Replace
/// Key in the window) or a server made it for itself on first use is kept
/// beside it in <library>/api-key.made, as the key's SHA-256: a mark that
/// names another key (the key file was replaced or removed since) or no
/// mark at all, as with keys from before the mark, means "made by a
/// server". Listening beyond loopback needs a key made on purpose.
class ApiKey final {
    Q_DECLARE_TR_FUNCTIONS(ApiKey)

public:
    enum class Made { ByServer, OnPurpose };

    static QString filePath(const LibraryPaths &paths);
    static QString madeFilePath(const LibraryPaths &paths);
    /// The library's key, created on first use; @p ifCreated says by whom.
    static Result<QByteArray> load(const LibraryPaths &paths, Made ifCreated = Made::ByServer);
    /// Replaces the key, on purpose; the old one stops working once a
    /// server restarts.
    static Result<QByteArray> renew(const LibraryPaths &paths);
    /// Whether the library's key exists and was made on purpose.
    static bool madeOnPurpose(const LibraryPaths &paths);
    /// Constant-time comparison, so a wrong key's timing tells nothing.
    static bool matches(const QByteArray &expected, const QByteArray &given);
};

} // namespace trove::api
