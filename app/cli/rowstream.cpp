// SPDX-License-Identifier: MIT
#include "rowstream.h"

#include "catalog/catalogreader.h"

#include <QList>
#include <QThread>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

namespace trove::cli {

namespace {

/// This many records go over at once: enough that the hand-over costs
/// nothing, few enough that the first rows of a search appear at once.
constexpr int kBatchRecords = 2000;
/// Batches the reader may run ahead of the writer.
constexpr size_t kBatchesAhead = 4;

/// The hand-over between the reader thread and the writing one.
class BatchQueue final {
    Q_DISABLE_COPY_MOVE(BatchQueue)

public:
    BatchQueue() = default;

    /// False once the writer has stopped: the reader stops too.
    bool push(QList<ImageRecord> batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_batches.size() < kBatchesAhead || m_stopped; });
        if (m_stopped)
            return false;
        m_batches.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }
    void finish(Result<void> result)
    {
        std::lock_guard lock(m_mutex);
        m_result = std::move(result);
        m_finished = true;
        m_changed.notify_all();
    }
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_changed.notify_all();
    }
    /// The next batch; false when the reader has finished and all are out.
    bool pop(QList<ImageRecord> &batch)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return !m_batches.empty() || m_finished; });
        if (m_batches.empty())
            return false;
        batch = std::move(m_batches.front());
        m_batches.pop_front();
        m_changed.notify_all();
        return true;
    }
    Result<void> result()
    {
        std::lock_guard lock(m_mutex);
        return m_result;
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<QList<ImageRecord>> m_batches;
    Result<void> m_result;
    bool m_finished = false;
    bool m_stopped = false;
};

} // namespace

Result<void> streamRecords(const LibraryPaths &paths, const ImageQuery &query,
    const std::function<bool(const ImageRecord &)> &visit, CatalogReader::Detail detail)
{
    BatchQueue queue;
    // A QSqlDatabase connection belongs to the thread that opened it: the
    // reader opens its own there.
    std::unique_ptr<QThread> reader(QThread::create([&] {
        CatalogReader catalog;
        if (auto opened = catalog.open(paths); !opened) {
            queue.finish(opened);
            return;
        }
        QList<ImageRecord> batch;
        batch.reserve(kBatchRecords);
        bool stopped = false;
        auto walked = catalog.forEach(
            query,
            [&](const ImageRecord &record) {
                batch.append(record);
                if (batch.size() < kBatchRecords)
                    return true;
                stopped = !queue.push(std::exchange(batch, {}));
                batch.reserve(kBatchRecords);
                return !stopped;
            },
            detail);
        if (walked && !stopped && !batch.isEmpty())
            queue.push(std::move(batch));
        queue.finish(walked);
    }));
    reader->start();
    QList<ImageRecord> batch;
    bool going = true;
    while (going && queue.pop(batch)) {
        for (const ImageRecord &record : std::as_const(batch)) {
            if (!visit(record)) {
                going = false;
                queue.stop();
                break;
            }
        }
    }
    reader->wait();
    return queue.result();
}

} // namespace trove::cli
