// SPDX-License-Identifier: MIT
#pragma once

#include "storage/librarypaths.h"

#include <QObject>
#include <QPointer>

class QMessageBox;
class QProgressDialog;
class QWidget;

namespace trove::ui {

/// Tells a person in plain words that a library's catalog is damaged,
/// offers to repair it, and runs the repair (CatalogSalvage) on a pool
/// thread behind a progress dialog, so the window stays alive. The window
/// lets go of the library between accepted() and run(). GUI thread.
class LibraryRepair final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryRepair)

public:
    explicit LibraryRepair(QWidget *window);
    ~LibraryRepair() override;

    /// Shows the offer for the library at @p paths; @p reason is SQLite's
    /// word, kept in the details.
    void offer(const LibraryPaths &paths, const QString &reason);
    /// Repairs the library at @p paths: answers repaired() or failed().
    void run(const LibraryPaths &paths);

    /// The offer on screen, if any (tests press its buttons).
    QMessageBox *offerBox() const;
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// The person chose to repair: let go of the library, then call run().
    void accepted(const trove::LibraryPaths &paths);
    /// Repaired; @p summary says what was saved and where the damaged
    /// file was kept.
    void repaired(const trove::LibraryPaths &paths, const QString &summary);
    void failed(const trove::LibraryPaths &paths, const QString &reason);

private:
    QWidget *m_window;
    QPointer<QMessageBox> m_box;
    QPointer<QProgressDialog> m_progress;
    bool m_running = false;
};

} // namespace trove::ui
