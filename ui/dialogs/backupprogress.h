// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/librarybackup.h"

#include <QFutureWatcher>
#include <QProgressDialog>

namespace trove::ui {

/// File > Back Up Library…: runs LibraryBackup off the GUI thread and shows
/// its progress, cancellable; says what it did (or why not) at the end.
/// Deletes itself when done. GUI thread.
class BackupProgress final : public QProgressDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupProgress)

public:
    BackupProgress(const LibraryPaths &source, const QString &dest, QWidget *parent);
    ~BackupProgress() override;

Q_SIGNALS:
    /// The backup ended: @p report, or the reason it did not ("cancelled").
    void finishedWith(const trove::Result<trove::BackupReport> &report);

private:
    void onFinished();

    QString m_dest;
    QFutureWatcher<Result<BackupReport>> m_watcher;
};

} // namespace trove::ui
