// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QSocketNotifier;

namespace trove::cli {

/// Ctrl+Z (SIGTSTP) for a command that downloads: instead of the process
/// stopping wherever it is, with connections open that the servers then
/// drop and the catalog's write lock perhaps held, requested() lets the
/// command put its downloads back in the queue and finish its write first;
/// stopNow() then stops the process as SIGTSTP would have, and returns when
/// the shell continues it (`fg`, `bg`, SIGCONT). The signal reaches the
/// event loop through a self-pipe. One at a time; main thread only.
class TerminalStop final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TerminalStop)

public:
    /// Takes over SIGTSTP until destroyed.
    explicit TerminalStop(QObject *parent = nullptr);
    /// Gives SIGTSTP its default action back.
    ~TerminalStop() override;

    /// Stops the process now (SIGTSTP's default action); returns once it is
    /// continued. A process group with no shell to continue it (orphaned)
    /// is not stopped: the system discards the signal, as for any program.
    void stopNow();

Q_SIGNALS:
    /// SIGTSTP arrived.
    void requested();

private:
    void install();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace trove::cli
