// SPDX-License-Identifier: MIT
#include "terminalstop.h"

#include <QSocketNotifier>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace trove::cli {

namespace {

int s_pipe[2] = { -1, -1 };

void onStopSignal(int)
{
    const int saved = errno;
    const char byte = 1;
    [[maybe_unused]] const auto n = ::write(s_pipe[1], &byte, 1);
    errno = saved;
}

void setAction(void (*handler)(int))
{
    struct sigaction action { };
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGTSTP, &action, nullptr);
}

} // namespace

TerminalStop::TerminalStop(QObject *parent)
    : QObject(parent)
{
    if (s_pipe[0] < 0 && ::pipe2(s_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
        return; // no pipe, no handler: Ctrl+Z stops the process as it would anyway
    m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char bytes[16];
        while (::read(s_pipe[0], bytes, sizeof bytes) > 0) { }
        Q_EMIT requested();
    });
    install();
}

TerminalStop::~TerminalStop()
{
    setAction(SIG_DFL);
}

void TerminalStop::install()
{
    if (m_notifier)
        setAction(onStopSignal);
}

void TerminalStop::stopNow()
{
    setAction(SIG_DFL);
    ::raise(SIGTSTP);
    // Continued: the next Ctrl+Z is ours again.
    install();
}

} // namespace trove::cli
