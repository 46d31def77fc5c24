// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>
#include <vector>

namespace trove {

/// Measures how long the thread it lives on (the GUI thread) goes without
/// returning to its event loop. A 1 ms precise timer ticks on that thread;
/// every gap between two ticks is a sample: ~1 ms when the loop is free, the
/// length of the stall when something held it. Samples start with the first
/// painted frame, whose time (from the start of the process) it also notes.
///
/// Enabled by TROVE_STALL_REPORT=<path>: on quit it writes JSON there
/// (max_ms, p99_ms, p50_ms, stalls_over_16ms, first_frame_ms, ..., and
/// gaps_over_4ms: [at_s, ms] pairs on a clock that started at
/// clock_start_epoch_ms, for telling one span's gaps from the rest).
///
/// TROVE_STALL_TRACE=1 adds what the loop did during each stall over 16 ms
/// (the first 20): every event delivered on the GUI thread in it, with its
/// receiver's class (a plain QWidget's parent's too), event type and time
/// until the next event (nested events, e.g. a Paint inside an
/// UpdateRequest, count in both), and how much of the gap the thread ran
/// and waited for a CPU (schedstat). An application-wide event filter
/// collects them, only when asked: it costs every event a call. The same
/// filter counts every event of the whole run by receiver class and type
/// (event_census, the 40 most frequent): a stream that costs little per
/// event but comes hundreds of thousands of times shows there, not in any
/// one stall.
class StallMonitor final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StallMonitor)

public:
    explicit StallMonitor(const QString &reportPath, QObject *parent = nullptr);
    ~StallMonitor() override;

    /// A monitor if TROVE_STALL_REPORT is set, else nullptr.
    static StallMonitor *fromEnvironment(QObject *parent);

    /// Call when a frame was painted; the first call fixes first_frame_ms.
    void framePainted();

    struct Summary {
        qint64 samples = 0;
        double maxMs = 0;
        double p99Ms = 0;
        double p50Ms = 0;
        qint64 stallsOver16Ms = 0;
        double firstFrameMs = -1;
        double durationS = 0;
    };
    Summary summary() const;
    bool writeReport() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void tick();
    struct Delivery {
        qint64 ns = 0;
        const char *className = nullptr;
        const char *parentClassName = nullptr; ///< for a plain QWidget (a viewport...)
        int type = 0;
        QString name; ///< the receiver's objectName (whenFinished() names its watchers)
    };
    struct Trace {
        double atS = 0;
        double gapMs = 0;
        double runMs = -1; ///< of the gap, on a CPU (schedstat), -1 unknown
        double waitMs = -1; ///< of the gap, runnable but waiting for a CPU
        std::vector<Delivery> events;
    };
    /// This thread's time on a CPU and waiting for one, in ns (Linux's
    /// /proc/thread-self/schedstat), {-1, -1} elsewhere.
    static std::pair<qint64, qint64> schedStat();

    QString m_path;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastNs = 0;
    std::vector<float> m_gapsMs;
    std::vector<std::pair<double, double>> m_worst; ///< (at_s, gap_ms), longest few
    std::vector<std::pair<double, double>> m_long; ///< (at_s, gap_ms) of every gap over 4 ms
    qint64 m_clockStartEpochMs = 0; ///< wall-clock time when m_clock started
    double m_firstFrameMs = -1;
    bool m_written = false;
    bool m_tracing = false;
    double m_traceOverMs = 16.0;
    std::vector<Delivery> m_ring; ///< the last events delivered (tracing)
    std::size_t m_ringNext = 0;
    std::vector<Trace> m_traces;
    /// ((receiver class, its parent's class for a plain QWidget or QObject,
    /// else nullptr), event type) -> events delivered (tracing). The class
    /// names are the meta-objects' own static strings.
    using CensusKey = QPair<QPair<const char *, const char *>, int>;
    QHash<CensusKey, qint64> m_census;
    std::pair<qint64, qint64> m_lastSched { -1, -1 };
};

/// Milliseconds since this process started (from /proc on Linux: 10 ms
/// resolution), or -1 where unknown.
double msSinceProcessStart();

} // namespace trove
