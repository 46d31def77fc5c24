// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingeststages.h"

#include <QThreadPool>

namespace trove {

/// The real ProcessStage: ImageProcessor::process on a dedicated
/// QThreadPool ("trove-processing") at a lowered priority, so that ingest
/// never competes with the global pool or the GUI thread. Created and called
/// on the pipeline's thread; destroying it waits for the running jobs.
class ProcessingPool final : public ProcessStage {
    Q_DISABLE_COPY_MOVE(ProcessingPool)

public:
    /// @p threads 0: one per core.
    explicit ProcessingPool(int threads = 0);
    ~ProcessingPool() override;

    QFuture<Result<ProcessedImage>> process(
        const ProcessRequest &request, std::shared_ptr<const std::atomic_bool> cancelled) override;
    /// One more than the pool's threads, so that a thread never waits for
    /// the pipeline to hand it the next job.
    int maxInFlight() const override;

private:
    QThreadPool m_pool;
};

} // namespace trove
