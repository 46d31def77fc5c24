// SPDX-License-Identifier: MIT
#pragma once

#include <functional>

class QFutureWatcherBase;
class QProgressBar;
class QProgressDialog;
class QString;
class QWidget;

namespace trove {
class BulkAction;
}

namespace trove::ui {

/// The dialog's bar, to be moved directly instead of through
/// QProgressDialog::setValue(). Once a window-modal QProgressDialog is
/// shown, every setValue() runs QCoreApplication::processEvents(): a
/// nested event loop inside the progress handler, which may paint the
/// whole window within it. The dialog still appears by itself after its
/// minimum duration, which this starts (setValue(minimum) before the
/// dialog is shown returns at once).
QProgressBar *quietBar(QProgressDialog &dialog);

/// What every progress dialog that follows one background job sets up: it
/// deletes itself when closed, shows at once, stays open until its owner
/// closes it, is busy until the job reports a range, follows the job's
/// progress, and Cancel cancels the job. The owner connects the watcher's
/// finished() and sets its future afterwards.
void followJob(QProgressDialog &dialog, QFutureWatcherBase &watcher);

/// Starts @p action with a window-modal progress dialog over @p window
/// that appears only for work that takes longer than half a second; Stop
/// cancels between batches. @p done runs when it finishes, before the
/// dialog closes.
void runBulkAction(BulkAction *action, const QString &label, QWidget *window,
    std::function<void(BulkAction *, const QString &error)> done);

} // namespace trove::ui
