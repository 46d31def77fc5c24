// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/libraryreader.h"

#include <QLabel>
#include <QPointer>
#include <QTimer>

namespace trove {
class LibrarySession;
}

namespace trove::ui {

/// The status bar's summary of the library: image count, last added and
/// bytes saved by compression. Asks the reader for statistics when the
/// writer adds or removes images, at most every kThrottleMs, and never
/// waits for the answer. In a narrow window it drops trailing parts rather
/// than being clipped mid-word. GUI thread.
class LibraryStatusLabel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryStatusLabel)

public:
    static constexpr int kThrottleMs = 500;

    explicit LibraryStatusLabel(QWidget *parent = nullptr);
    ~LibraryStatusLabel() override;

    void setSession(LibrarySession *session);
    const LibraryStats &stats() const { return m_stats; }

    /// "1,234 images · last added 10:15 · compression saved 12 MB (4 %)".
    static QString summary(const LibraryStats &stats);
    static QString savedText(const LibraryStats &stats);

    /// Room for the whole summary; it gives way down to the first parts.
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void statsChanged(const trove::StatsReport &report);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Shows @p text, or as many of its leading parts as fit (a window
    /// 800 px wide has no room for all); the tooltip then has all of it.
    void showSummary(const QString &text);
    void fitText();
    void refreshSoon();
    void onStats(const StatsReport &report);

    QPointer<LibrarySession> m_session;
    LibraryStats m_stats;
    QTimer m_throttle;
    QString m_full;
};

} // namespace trove::ui
