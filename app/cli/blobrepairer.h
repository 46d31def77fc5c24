// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/imagerecord.h"
#include "storage/librarypaths.h"

#include <QCoreApplication>

namespace trove {
class CatalogWriter;
}

namespace trove::cli {

/// Puts good blobs back for damaged images by fetching each source again
/// and keeping the bytes only if their SHA-256 is the one recorded. Runs on
/// the CLI's main thread; waits for each fetch (a CLI may wait).
class BlobRepairer final {
    Q_DECLARE_TR_FUNCTIONS(BlobRepairer)
    Q_DISABLE_COPY_MOVE(BlobRepairer)

public:
    BlobRepairer(const LibraryPaths &paths, CatalogWriter &writer);

    /// The source that served the right bytes, or why none did.
    Result<QString> repair(const ImageRecord &record);

private:
    Result<QString> fetch(const QString &source);

    LibraryPaths m_paths;
    CatalogWriter &m_writer;
};

} // namespace trove::cli
