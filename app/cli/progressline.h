// SPDX-License-Identifier: MIT
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QTextStream>

namespace trove::cli {

/// One line on a terminal's stderr that says how far a long `trove add`
/// got ("adding: 12 of 40 done, 1 failed"), redrawn in place at most a few
/// times a second and wiped before anything else is printed and at the
/// end. Silent unless enabled: only for a terminal, never in a pipe, a
/// file or with --json or --quiet (see wanted()). Main thread only.
class ProgressLine final {
    Q_DISABLE_COPY_MOVE(ProgressLine)

public:
    ProgressLine(QTextStream &err, bool enabled);
    ~ProgressLine();

    /// Whether a progress line belongs on stderr: it is a terminal, and
    /// neither --json nor --quiet was asked for.
    static bool wanted(bool json, bool quiet);

    void setCounts(qint64 total, qint64 finished, qint64 failed);
    /// Wipes the line so that a result line can be printed; the next
    /// setCounts() draws it again.
    void clear();

private:
    void draw();

    QTextStream &m_err;
    bool m_enabled;
    bool m_shown = false;
    qint64 m_total = 0;
    qint64 m_finished = 0;
    qint64 m_failed = 0;
    QElapsedTimer m_sinceDraw;
};

} // namespace trove::cli
