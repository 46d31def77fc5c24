// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "similar/similarityreader.h"
#include "storage/librarypaths.h"

#include <QCoreApplication>
#include <atomic>
#include <functional>

class QThreadPool;

namespace trove {

class CatalogWriter;

/// Hashes the images a library holds that have no perceptual hash yet
/// (added before hashing existed, or restored from an old backup): reads
/// each blob, decodes it as ingest does and stores the hash through the
/// writer, in small batches. Resumable by construction: what is stored is
/// done, and a new run starts with what has no hash. Blocking: call it on a
/// worker thread (the window) or the CLI's main thread, never the GUI's.
class HashBackfill final {
    Q_DECLARE_TR_FUNCTIONS(HashBackfill)

public:
    struct Options {
        /// Decodes run here (bounded by its threads); null: on the calling
        /// thread, one at a time.
        QThreadPool *pool = nullptr;
        int batch = 64;
        /// Called after each stored batch, on the calling thread.
        std::function<void(const HashProgress &)> progress;
        const std::atomic_bool *cancelled = nullptr;
    };

    /// Answers the progress at the end (remaining() is 0 unless cancelled
    /// or images arrived meanwhile).
    static Result<HashProgress> run(
        const LibraryPaths &paths, CatalogWriter &writer, const Options &options);
};

} // namespace trove
