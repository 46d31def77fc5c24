// SPDX-License-Identifier: MIT
#include "ingest/diskfullbar.h"

#include "icons.h"
#include "ingest/messagebar.h"
#include "models/librarysession.h"

#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace trove::ui {

DiskFullBar::DiskFullBar(QWidget *parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_resume(new QPushButton(tr("Resume"), this))
{
    setObjectName(QStringLiteral("diskFullBar"));
    setAutoFillBackground(true);
    QPalette warning = palette();
    warning.setColor(QPalette::Window, QColor(0xff, 0xe8, 0xb0));
    warning.setColor(QPalette::WindowText, QColor(0x40, 0x2c, 0x00));
    setPalette(warning);

    m_resume->setToolTip(tr("Free some space first, then add the waiting images"));
    layOutMessageBar(this, Icon::Warning, m_label, { m_resume });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->pipeline()->setPaused(false);
    });
    setVisible(false);
}

DiskFullBar::~DiskFullBar() = default;

void DiskFullBar::setSession(LibrarySession *session)
{
    if (m_session)
        m_session->pipeline()->disconnect(this);
    m_session = session;
    if (session) {
        IngestPipeline *pipeline = session->pipeline();
        connect(pipeline, &IngestPipeline::diskFull, this, &DiskFullBar::update);
        connect(pipeline, &IngestPipeline::pausedChanged, this, &DiskFullBar::update);
        connect(pipeline, &IngestPipeline::halted, this, &DiskFullBar::update); // the count
    }
    update();
}

void DiskFullBar::update()
{
    const QString reason = m_session ? m_session->pipeline()->pauseReason() : QString();
    if (reason.isEmpty()) {
        setVisible(false);
        return;
    }
    const int waiting = m_session->pipeline()->pendingCount();
    m_label->setText(tr("<b>Adding images is paused:</b> %1. %Ln image(s) waiting in the queue; "
                        "free some space, then resume.",
        nullptr, waiting)
                         .arg(reason.toHtmlEscaped()));
    setVisible(true);
}

} // namespace trove::ui
