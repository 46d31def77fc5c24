// SPDX-License-Identifier: MIT
#include "librarystatuslabel.h"

#include "models/librarysession.h"

#include <QLocale>
#include <QResizeEvent>

namespace trove::ui {

namespace {

const QString kSeparator = QStringLiteral("  ·  ");

} // namespace

LibraryStatusLabel::LibraryStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setTextFormat(Qt::PlainText);
    setAccessibleName(tr("Library statistics"));
    m_throttle.setObjectName(QStringLiteral("statusThrottle"));
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kThrottleMs);
    connect(&m_throttle, &QTimer::timeout, this, [this] {
        if (m_session) {
            m_session->reader()->requestStats();
        }
    });
}

LibraryStatusLabel::~LibraryStatusLabel() = default;

void LibraryStatusLabel::setSession(LibrarySession *session)
{
    m_session = session;
    m_stats = {};
    showSummary(tr("Opening the library…"));
    if (!session)
        return;
    connect(session->reader(), &LibraryReader::statsReady, this, &LibraryStatusLabel::onStats);
    // Any process's commits: the feed, not this window's writer.
    connect(
        session->reader(), &LibraryReader::changesReady, this, [this](const ChangeBatch &batch) {
            if (batch.touchesImages())
                refreshSoon();
        });
    session->reader()->requestStats();
}

void LibraryStatusLabel::refreshSoon()
{
    // Throttle, not debounce: during a long ingest the numbers still move.
    if (!m_throttle.isActive())
        m_throttle.start();
}

QString LibraryStatusLabel::savedText(const LibraryStats &stats)
{
    const QLocale locale;
    const qint64 saved = stats.originalBytes - stats.storedBytes;
    if (stats.images == 0 || stats.originalBytes <= 0)
        return tr("nothing stored yet");
    if (saved <= 0)
        return tr("compression saved nothing (already compressed formats)");
    const double percent = 100.0 * double(saved) / double(stats.originalBytes);
    return tr("compression saved %1 (%2 %)")
        .arg(locale.formattedDataSize(saved, 1), locale.toString(percent, 'f', 1));
}

QString LibraryStatusLabel::summary(const LibraryStats &stats)
{
    const QLocale locale;
    QStringList parts;
    parts << tr("%Ln image(s)", nullptr, int(stats.images));
    if (stats.lastAdded.isValid()) {
        const QDateTime local = stats.lastAdded.toLocalTime();
        const bool today = local.date() == QDate::currentDate();
        parts << tr("last added %1")
                     .arg(today ? locale.toString(local.time(), QLocale::ShortFormat)
                                : locale.toString(local, QLocale::ShortFormat));
    }
    if (stats.images > 0)
        parts << savedText(stats);
    return parts.join(kSeparator);
}

QSize LibraryStatusLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    return { fontMetrics().horizontalAdvance(m_full) + m.left() + m.right() + 2 * margin(),
        QLabel::sizeHint().height() };
}

QSize LibraryStatusLabel::minimumSizeHint() const
{
    const QString first = m_full.section(kSeparator, 0, 0);
    const QMargins m = contentsMargins();
    return { fontMetrics().horizontalAdvance(first) + m.left() + m.right() + 2 * margin(),
        QLabel::minimumSizeHint().height() };
}

void LibraryStatusLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    fitText();
}

void LibraryStatusLabel::showSummary(const QString &text)
{
    m_full = text;
    updateGeometry();
    fitText();
}

void LibraryStatusLabel::fitText()
{
    QStringList parts = m_full.split(kSeparator);
    const int room = contentsRect().width() - 2 * margin();
    while (parts.size() > 1 && fontMetrics().horizontalAdvance(parts.join(kSeparator)) > room)
        parts.removeLast();
    const QString shown = parts.join(kSeparator);
    if (text() != shown)
        setText(shown);
    setToolTip(shown == m_full ? QString() : m_full);
}

void LibraryStatusLabel::onStats(const StatsReport &report)
{
    m_stats = report.totals;
    showSummary(summary(m_stats));
    Q_EMIT statsChanged(report);
}

} // namespace trove::ui
