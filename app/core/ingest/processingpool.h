// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/ingeststages.h"

#include <QThread>
#include <QThreadPool>

namespace trove {

/// The real ProcessStage: ImageProcessor::process on a dedicated
/// QThreadPool ("trove-processing") at a lowered priority, so that ingest
/// never competes with the global pool or the GUI thread. Created and called
/// on the pipeline's thread; destroying it waits for the running jobs.
///
/// Jobs are started and answered through a relay thread of normal
/// priority: the pipeline's thread never takes a lock that a pool thread
/// holds. In the window the pool's threads are SCHED_IDLE; one that was
/// preempted while holding its job's future lock (it reports the result
/// under that lock, and posting the answer wakes the GUI thread, which
/// preempts it) ran again only once both cores had nothing else to do, and
/// the GUI thread, reading the result, slept 16-42 ms in a 100,000-link
/// paste.
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
    QThread m_relayThread;
    QObject *m_relay; ///< lives on m_relayThread
};

} // namespace trove
