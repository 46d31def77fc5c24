// SPDX-License-Identifier: MIT
#pragma once

#include "similar/similarityreader.h"

#include <QLabel>
#include <QPointer>

namespace trove {
class LibrarySession;
}

namespace trove::ui {

/// The status bar's note on the hash backfill of an older library ("Hashing
/// for Find Similar: 1,200 of 40,000"): shown while images wait for their
/// hash, hidden when none do, and kept with the reason when the backfill
/// stopped on an error. GUI thread.
class HashingStatusLabel final : public QLabel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HashingStatusLabel)

public:
    explicit HashingStatusLabel(QWidget *parent = nullptr);
    ~HashingStatusLabel() override;

    /// Follows @p session's backfill; hidden until it reports (nullptr: none).
    void setSession(LibrarySession *session);

    void showProgress(const HashProgress &progress);
    void showFinished(const QString &error);

private:
    QPointer<LibrarySession> m_session;
};

} // namespace trove::ui
