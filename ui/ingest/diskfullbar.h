// SPDX-License-Identifier: MIT
#pragma once

#include <QFrame>
#include <QPointer>

class QLabel;
class QPushButton;

namespace trove {
class LibrarySession;
}

namespace trove::ui {

/// The bar over the gallery that says the disk is full and ingest paused:
/// the reason (volume, free space, what the image needs) and a Resume
/// button for once space is freed. Shown while the session's pipeline is
/// paused for a full disk; GUI thread.
class DiskFullBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DiskFullBar)

public:
    explicit DiskFullBar(QWidget *parent = nullptr);
    ~DiskFullBar() override;

    void setSession(LibrarySession *session);

    QLabel *label() const { return m_label; }
    QPushButton *resumeButton() const { return m_resume; }

private:
    void update();

    QPointer<LibrarySession> m_session;
    QLabel *m_label;
    QPushButton *m_resume;
};

} // namespace trove::ui
