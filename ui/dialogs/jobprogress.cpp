// SPDX-License-Identifier: MIT
#include "dialogs/jobprogress.h"

#include <QFutureWatcherBase>
#include <QProgressDialog>

namespace trove::ui {

void followJob(QProgressDialog &dialog, QFutureWatcherBase &watcher)
{
    dialog.setAttribute(Qt::WA_DeleteOnClose);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.setMinimumDuration(0);
    dialog.setRange(0, 0);
    QObject::connect(
        &watcher, &QFutureWatcherBase::progressRangeChanged, &dialog, &QProgressDialog::setRange);
    QObject::connect(
        &watcher, &QFutureWatcherBase::progressValueChanged, &dialog, &QProgressDialog::setValue);
    QObject::connect(&dialog, &QProgressDialog::canceled, &watcher, &QFutureWatcherBase::cancel);
}

} // namespace trove::ui
