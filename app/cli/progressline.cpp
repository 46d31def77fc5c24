// SPDX-License-Identifier: MIT
#include "progressline.h"

#include <QtGlobal>
#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

namespace trove::cli {

namespace {
// A terminal redrawn more often than this only flickers.
constexpr qint64 kRedrawMs = 100;
} // namespace

ProgressLine::ProgressLine(QTextStream &err, bool enabled)
    : m_err(err)
    , m_enabled(enabled)
{
}

ProgressLine::~ProgressLine()
{
    clear();
}

bool ProgressLine::wanted(bool json, bool quiet)
{
    if (json || quiet)
        return false;
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return isatty(STDERR_FILENO) != 0;
#endif
}

void ProgressLine::setCounts(qint64 total, qint64 finished, qint64 failed)
{
    m_total = total;
    m_finished = finished;
    m_failed = failed;
    if (!m_enabled)
        return;
    // The last count is always drawn: the line never stops short of it.
    if (m_shown && m_sinceDraw.isValid() && m_sinceDraw.elapsed() < kRedrawMs && finished < total)
        return;
    draw();
}

void ProgressLine::clear()
{
    if (!m_enabled || !m_shown)
        return;
    // Carriage return, then erase to the end of the line (ECMA-48 EL).
    m_err << "\r\x1b[K" << Qt::flush;
    m_shown = false;
}

void ProgressLine::draw()
{
    m_err << "\r\x1b[Kadding: " << m_finished << " of " << m_total << " done";
    if (m_failed > 0)
        m_err << ", " << m_failed << " failed";
    m_err << Qt::flush;
    m_shown = true;
    m_sinceDraw.start();
}

} // namespace trove::cli
