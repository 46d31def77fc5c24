// SPDX-License-Identifier: MIT
#pragma once

// Running the real `trove` binary from an end-to-end suite: one clean
// environment and one way to run and capture it, shared by every suite that
// needs TROVE_BINARY.

#include "timebounds.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

#ifndef TROVE_BINARY
#error "TROVE_BINARY must name the built trove executable"
#endif

namespace trove::test {

/// The state letter of /proc/PID/stat ('T' while stopped, 'S' asleep, ...);
/// '?' once the process is gone.
inline char processState(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return '?';
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')'); // the name may hold anything
    return close > 0 && close + 2 < line.size() ? line.at(close + 2) : '?';
}

/// What a child trove did.
struct TroveRun {
    int exitCode = -1; ///< -1: crashed, killed or did not finish
    bool finished = false;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
    qint64 peakRssKiB = -1; ///< set by callers that measure it

    QStringList errLines() const
    {
        return QString::fromUtf8(err).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    /// For failure messages: everything the process said.
    QByteArray describe() const
    {
        return "exit " + QByteArray::number(exitCode)
            + (finished ? "" : " (killed: did not finish)") + " after "
            + QByteArray::number(elapsedMs) + " ms\n--- stdout\n" + out + "--- stderr\n" + err;
    }
};

/// The environment a child trove runs in. Nothing from the machine may
/// steer it: no proxy (the servers are on loopback), no default library, no
/// tuning knobs; HOME and the XDG folders live under @p home. @p extra holds
/// NAME=value pairs to set on top.
inline QProcessEnvironment cleanTroveEnvironment(const QString &home, const QStringList &extra = {})
{
    QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
    for (const char *name : { "http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy",
             "ALL_PROXY", "no_proxy", "NO_PROXY", "TROVE_LIBRARY", "TROVE_MAX_DOWNLOAD_BYTES",
             "TROVE_STALL_TIMEOUT_MS", "TROVE_TOTAL_TIMEOUT_MS", "TROVE_MAX_PIXELS",
             "TROVE_MAX_DOWNLOADS" })
        e.remove(QString::fromLatin1(name));
    e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    e.insert(QStringLiteral("HOME"), home);
    e.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/xdg-data"));
    e.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/xdg-config"));
    for (const QString &kv : extra)
        e.insert(kv.section(QLatin1Char('='), 0, 0), kv.section(QLatin1Char('='), 1));
    return e;
}

/// Waits for a started child, kills it past @p timeoutMs, and collects what
/// it said.
inline TroveRun finishTrove(QProcess &p, int timeoutMs, const QElapsedTimer &since = {})
{
    TroveRun run;
    if (!p.waitForStarted(kLivenessMs))
        return run;
    run.finished = p.waitForFinished(timeoutMs);
    run.elapsedMs = since.isValid() ? since.elapsed() : 0;
    if (!run.finished) {
        p.kill();
        p.waitForFinished(kLivenessMs);
    }
    run.exitCode = p.exitStatus() == QProcess::NormalExit && run.finished ? p.exitCode() : -1;
    run.out = p.readAllStandardOutput();
    run.err = p.readAllStandardError();
    return run;
}

/// Runs `trove ARGS` in @p env (see cleanTroveEnvironment) and waits for it.
inline TroveRun runTrove(
    const QStringList &args, const QProcessEnvironment &env, int timeoutMs = kKillMs)
{
    QProcess p;
    p.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(TROVE_BINARY), args);
    return finishTrove(p, timeoutMs, timer);
}

} // namespace trove::test
