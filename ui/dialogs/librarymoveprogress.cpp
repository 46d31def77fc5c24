// SPDX-License-Identifier: MIT
#include "dialogs/librarymoveprogress.h"

#include "dialogs/jobprogress.h"

#include <QDir>

namespace trove::ui {

LibraryMoveProgress::LibraryMoveProgress(
    const LibraryPaths &source, const QString &dest, QWidget *parent)
    : QProgressDialog(parent)
    , m_dest(dest)
{
    setObjectName(QStringLiteral("libraryMoveProgress"));
    setWindowTitle(tr("Move Library"));
    setLabelText(tr("Copying the library to %1…").arg(QDir::toNativeSeparators(dest)));
    followJob(*this, m_watcher);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &LibraryMoveProgress::onFinished);
    m_watcher.setFuture(LibraryMove::start(source, dest));
}

LibraryMoveProgress::~LibraryMoveProgress()
{
    // The job holds no pointer to this dialog; it stops at the next blob
    // and removes its partial copy itself.
    m_watcher.cancel();
}

void LibraryMoveProgress::onFinished()
{
    const QFuture<Result<MoveReport>> future = m_watcher.future();
    // A future cancelled before its job ran has no result: nothing was
    // written then.
    const Result<MoveReport> outcome = future.resultCount() == 0
        ? Result<MoveReport>(Error { LibraryMove::tr("cancelled") })
        : future.result();
    Q_EMIT finishedWith(outcome);
    close();
}

} // namespace trove::ui
