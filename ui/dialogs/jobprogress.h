// SPDX-License-Identifier: MIT
#pragma once

class QFutureWatcherBase;
class QProgressDialog;

namespace trove::ui {

/// What every progress dialog that follows one background job sets up: it
/// deletes itself when closed, shows at once, stays open until its owner
/// closes it, is busy until the job reports a range, follows the job's
/// progress, and Cancel cancels the job. The owner connects the watcher's
/// finished() and sets its future afterwards.
void followJob(QProgressDialog &dialog, QFutureWatcherBase &watcher);

} // namespace trove::ui
