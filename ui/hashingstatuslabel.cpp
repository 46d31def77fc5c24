// SPDX-License-Identifier: MIT
#include "hashingstatuslabel.h"

#include "models/librarysession.h"

#include <QLocale>

namespace trove::ui {

HashingStatusLabel::HashingStatusLabel(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("hashingProgress"));
    hide();
}

HashingStatusLabel::~HashingStatusLabel() = default;

void HashingStatusLabel::setSession(LibrarySession *session)
{
    if (m_session)
        m_session->similarity()->disconnect(this);
    m_session = session;
    hide();
    if (!session)
        return;
    connect(session->similarity(), &SimilarityService::backfillProgress, this,
        &HashingStatusLabel::showProgress);
    connect(session->similarity(), &SimilarityService::backfillFinished, this,
        [this](const HashProgress &, const QString &error) { showFinished(error); });
}

void HashingStatusLabel::showProgress(const HashProgress &progress)
{
    const QLocale locale;
    setText(tr("Hashing for Find Similar: %1 of %2")
                .arg(locale.toString(progress.hashed), locale.toString(progress.images)));
    setVisible(progress.remaining() > 0);
}

void HashingStatusLabel::showFinished(const QString &error)
{
    setText(tr("Hashing for Find Similar stopped: %1").arg(error));
    setVisible(!error.isEmpty());
}

} // namespace trove::ui
