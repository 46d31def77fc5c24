// SPDX-License-Identifier: MIT
#include "ingest/queuedockfit.h"

#include "base/platform.h"
#include "ingest/ingestqueuepanel.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSettings>

namespace trove::ui {

namespace {

const QString kHeightKey = QStringLiteral("queue/height");
constexpr int kDefaultHeight = 190;

} // namespace

QueueDockFit::QueueDockFit(QMainWindow *window, QDockWidget *dock, IngestQueuePanel *panel)
    : QObject(dock)
    , m_window(window)
    , m_dock(dock)
    , m_panel(panel)
    , m_noTitle(new QWidget(dock))
    , m_expandedHeight(userSettings()->value(kHeightKey, kDefaultHeight).toInt())
{
    m_noTitle->hide();
    connect(panel, &IngestQueuePanel::expandedChanged, this, &QueueDockFit::apply);
    connect(dock, &QDockWidget::dockLocationChanged, this, [this] {
        m_applied = false;
        apply(m_panel->isExpanded());
    });
    connect(dock, &QDockWidget::topLevelChanged, this, [this] {
        m_applied = false;
        apply(m_panel->isExpanded());
    });
    apply(panel->isExpanded());
}

bool QueueDockFit::isHorizontal() const
{
    if (m_dock->isFloating())
        return false;
    const Qt::DockWidgetArea area = m_window->dockWidgetArea(m_dock);
    return area == Qt::BottomDockWidgetArea || area == Qt::TopDockWidgetArea;
}

void QueueDockFit::apply(bool expanded)
{
    if (m_applied && expanded == m_expanded)
        return;
    const bool wasExpanded = m_expanded && m_applied;
    m_applied = true;
    m_expanded = expanded;
    const bool slim = !expanded && isHorizontal();
    if (!expanded && wasExpanded && isHorizontal() && m_dock->isVisible()) {
        // What the person made of it (dragging the splitter) is kept for
        // the next time the list shows.
        const int height = m_dock->height();
        if (height > 2 * m_panel->sizeHint().height()) {
            m_expandedHeight = height;
            userSettings()->setValue(kHeightKey, height);
        }
    }
    m_dock->setTitleBarWidget(slim ? m_noTitle : nullptr);
    if (slim) {
        m_dock->setMaximumHeight(m_panel->sizeHint().height());
        return;
    }
    m_dock->setMaximumHeight(QWIDGETSIZE_MAX);
    if (expanded && isHorizontal())
        m_window->resizeDocks({ m_dock }, { m_expandedHeight }, Qt::Vertical);
}

} // namespace trove::ui
