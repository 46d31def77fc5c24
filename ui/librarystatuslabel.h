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
/// waits for the answer. GUI thread.
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

Q_SIGNALS:
    void statsChanged(const trove::StatsReport &report);

private:
    void refreshSoon();
    void onStats(const StatsReport &report);

    QPointer<LibrarySession> m_session;
    LibraryStats m_stats;
    QTimer m_throttle;
};

} // namespace trove::ui
