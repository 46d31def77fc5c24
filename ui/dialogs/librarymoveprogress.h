// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/librarymove.h"

#include <QFutureWatcher>
#include <QProgressDialog>

namespace trove::ui {

/// Preferences ▸ Library ▸ Move Library…: the copy and its check
/// (LibraryMove::copy) on a pool thread, with progress and Cancel. Says
/// when it ended; switching to the copy is the window's. Deletes itself
/// when done. GUI thread.
class LibraryMoveProgress final : public QProgressDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryMoveProgress)

public:
    LibraryMoveProgress(const LibraryPaths &source, const QString &dest, QWidget *parent);
    ~LibraryMoveProgress() override;

    QString destination() const { return m_dest; }

Q_SIGNALS:
    /// The copy ended: verified, or the reason it is not there
    /// ("cancelled"); a failed copy has been removed again.
    void finishedWith(const trove::Result<trove::MoveReport> &report);

private:
    void onFinished();

    QString m_dest;
    QFutureWatcher<Result<MoveReport>> m_watcher;
};

} // namespace trove::ui
