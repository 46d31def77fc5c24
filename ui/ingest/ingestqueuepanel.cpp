// SPDX-License-Identifier: MIT
#include "ingest/ingestqueuepanel.h"

#include "base/platform.h"
#include "icons.h"
#include "ingest/ingestqueuedelegate.h"
#include "ingest/queuefilter.h"
#include "ingest/queuefollow.h"
#include "ingest/queuelistview.h"
#include "ingest/rawimageingest.h"
#include "layoutfence.h"
#include "models/librarysession.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QSettings>
#include <QToolButton>
#include <QVBoxLayout>

namespace trove::ui {

namespace {

QToolButton *toolButton(QAction *action, QWidget *parent, bool withText = true)
{
    auto *button = new QToolButton(parent);
    button->setDefaultAction(action);
    button->setToolButtonStyle(withText ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly);
    button->setAutoRaise(true);
    return button;
}

// Past this many selected rows the toolbar no longer asks each row what it
// offers: it offers what the queue as a whole does (a row that cannot be
// cancelled ignores Cancel).
constexpr int kMaxRowsAsked = 500;

// Remembered across starts: what the person chose against the automatic
// state ("expanded" or "collapsed"); absent while they agree with it.
const QString kPinKey = QStringLiteral("queue/pinned");

} // namespace

IngestQueuePanel::IngestQueuePanel(QWidget *parent)
    : QWidget(parent)
    , m_view(new QueueListView(this))
    , m_delegate(new IngestQueueDelegate(this))
    , m_total(new QProgressBar(this))
    , m_summary(new QLabel(this))
    , m_cancel(new QAction(icon(Icon::Cancel), tr("Cancel"), this))
    , m_retry(new QAction(icon(Icon::Retry), tr("Retry"), this))
    , m_cancelAll(new QAction(icon(Icon::Stop), tr("Cancel All"), this))
    , m_clear(new QAction(icon(Icon::ClearFinished), tr("Clear Finished"), this))
    , m_copy(new QAction(icon(Icon::CopyLink), tr("Copy Link"), this))
    , m_addAnyway(new QAction(IngestQueueDelegate::addAnywayText(), this))
    , m_pause(new QAction(this))
    , m_nextFailure(new QAction(icon(Icon::Warning), tr("Next Failure"), this))
    , m_filters(new QActionGroup(this))
    , m_proxy(new QueueFilter(this))
    , m_filterButton(new QToolButton(this))
    , m_expandButton(new QToolButton(this))
    , m_follow(new QueueFollow(
          m_view,
          [this](int row) {
              const QModelIndex index = m_session ? m_session->queue()->index(row) : QModelIndex();
              return m_view->model() == m_proxy ? m_proxy->mapFromSource(index) : index;
          },
          this))
{
    const QString pin = userSettings()->value(kPinKey).toString();
    m_pin = pin == QLatin1String("expanded") ? Pin::Expanded
        : pin == QLatin1String("collapsed")  ? Pin::Collapsed
                                             : Pin::None;
    m_expandButton->setObjectName(QStringLiteral("queueExpand"));
    m_expandButton->setAutoRaise(true);
    m_expandButton->setCheckable(true);
    connect(m_expandButton, &QToolButton::clicked, this,
        [this](bool checked) { setExpandedByUser(checked); });
    m_nextFailure->setToolTip(tr("Show the next item that failed (F8)"));
    m_nextFailure->setShortcut(Qt::Key_F8);
    // Window-wide: the main window adds it too, so that F8 works from the
    // gallery and with the dock hidden.
    m_nextFailure->setShortcutContext(Qt::WindowShortcut);
    addAction(m_nextFailure);
    connect(m_nextFailure, &QAction::triggered, this, [this] { showNextFailure(); });
    auto *filterMenu = new QMenu(this);
    const std::pair<Filter, QString> filters[] = { { Filter::All, tr("All Items") },
        { Filter::Active, tr("Not Finished") }, { Filter::Failed, tr("Failed") } };
    for (const auto &[mode, text] : filters) {
        QAction *a = filterMenu->addAction(text);
        a->setCheckable(true);
        a->setChecked(mode == Filter::All);
        a->setData(int(mode));
        m_filters->addAction(a);
    }
    // An icon (the panel fits a window 900 px wide); the tooltip and the
    // menu's check mark say what is shown.
    m_filterButton->setMenu(filterMenu);
    m_filterButton->setPopupMode(QToolButton::InstantPopup);
    m_filterButton->setAutoRaise(true);
    m_filterButton->setIcon(icon(Icon::Filter));
    m_filterButton->setToolTip(tr("Show: %1").arg(tr("All Items")));
    m_filterButton->setAccessibleName(tr("Show"));
    m_filterButton->setCheckable(true); // pressed while some rows are hidden
    // "20 failed" in the summary is a link to the first failure.
    m_summary->setObjectName(QStringLiteral("queueSummary"));
    // Its longest text (German: 95 characters) must not set the window's
    // minimum width: an 800 px window elides it, the tooltip has it whole.
    m_summary->setMinimumWidth(120);
    m_summary->installEventFilter(this);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_summary, &QLabel::linkActivated, this, [this] { showFirstFailure(); });
    connect(m_filters, &QActionGroup::triggered, this,
        [this](QAction *a) { setFilter(Filter(a->data().toInt())); });
    m_proxy->setDynamicSortFilter(true);
    m_actionsTimer.setObjectName(QStringLiteral("queueActions"));
    m_actionsTimer.setSingleShot(true);
    m_actionsTimer.setInterval(50);
    connect(&m_actionsTimer, &QTimer::timeout, this, &IngestQueuePanel::updateActions);

    m_addAnyway->setToolTip(
        tr("Add the selected images although their bytes were removed from the library before"));
    m_pause->setCheckable(true);
    showPaused(false);
    m_cancel->setToolTip(tr("Cancel the selected items"));
    m_retry->setToolTip(tr("Retry the selected failed or cancelled items"));
    m_cancelAll->setToolTip(tr("Cancel everything not finished yet"));
    m_clear->setToolTip(tr("Remove finished items from the queue"));
    m_cancel->setShortcut(QKeySequence::Delete);
    m_cancel->setShortcutContext(Qt::WidgetShortcut);
    m_view->addAction(m_cancel);

    m_view->setItemDelegate(m_delegate);
    m_view->fitRowsToDelegate();
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setMouseTracking(true);
    m_view->setAlternatingRowColors(true);
    m_view->setAccessibleName(tr("Ingest queue"));
    m_total->setTextVisible(true);
    m_total->setFormat(tr("%v of %m"));
    m_total->setMaximumHeight(m_summary->sizeHint().height() + 6);
    m_total->setRange(0, 1);
    m_total->setValue(0);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_expandButton);
    header->addWidget(m_total, 1);
    // Its text changes ten times a second while work runs: in a fence, so
    // that each is a repaint of the label, not a relayout of the window.
    header->addWidget(new LayoutFence(m_summary, this), 1);
    header->addSpacing(8);
    // Cancel and Retry act on the selection and sit on every row too: icons
    // here (with tooltips), so the panel fits a window 800 px wide. They
    // and the filter go with the list when the panel collapses, as one box:
    // one widget to keep in step with the list (hiding them one by one cost
    // no more; the collapse's time is its relayout).
    m_listTools = new QWidget(this);
    auto *tools = new QHBoxLayout(m_listTools);
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(toolButton(m_cancel, m_listTools, false));
    tools->addWidget(toolButton(m_retry, m_listTools, false));
    m_filterButton->setParent(m_listTools);
    tools->addWidget(m_filterButton);
    header->addWidget(m_listTools);
    header->addWidget(toolButton(m_pause, this));
    header->addWidget(toolButton(m_cancelAll, this));
    header->addWidget(toolButton(m_clear, this));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    connect(m_cancel, &QAction::triggered, this, &IngestQueuePanel::cancelSelected);
    connect(m_retry, &QAction::triggered, this, &IngestQueuePanel::retrySelected);
    connect(m_cancelAll, &QAction::triggered, this, &IngestQueuePanel::cancelAll);
    connect(m_copy, &QAction::triggered, this, &IngestQueuePanel::copySources);
    connect(m_addAnyway, &QAction::triggered, this, &IngestQueuePanel::addAnywaySelected);
    connect(m_pause, &QAction::triggered, this, [this](bool paused) {
        if (!m_session) {
            showPaused(false);
            return;
        }
        // Pause means the network goes quiet now: running downloads go back
        // to the front of their lines, queued, their attempt not spent.
        m_session->pipeline()->setPaused(paused);
        if (paused)
            m_session->pipeline()->putBackDownloads();
    });
    connect(m_clear, &QAction::triggered, this, [this] {
        if (m_session)
            m_session->pipeline()->clearFinished();
    });
    connect(m_view, &QAbstractItemView::customContextMenuRequested, this,
        &IngestQueuePanel::showContextMenu);
    connect(m_delegate, &IngestQueueDelegate::buttonClicked, this,
        [this](const QModelIndex &index, IngestQueueDelegate::Button button) {
            if (!m_session)
                return;
            const quint64 id = index.data(IngestQueueModel::ItemIdRole).toULongLong();
            if (button == IngestQueueDelegate::Button::Cancel)
                m_session->pipeline()->cancel(id);
            else if (button == IngestQueueDelegate::Button::AddAnyway)
                m_session->pipeline()->addAnyway(id);
            else
                m_session->pipeline()->retry(id);
        });
    connect(m_view, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const qint64 key = index.data(IngestQueueModel::ImageKeyRole).toLongLong();
        if (key > 0)
            Q_EMIT showImageRequested(key);
    });
    m_totalsTimer.setObjectName(QStringLiteral("queueTotals"));
    m_totalsTimer.setSingleShot(true);
    m_totalsTimer.setInterval(100);
    connect(&m_totalsTimer, &QTimer::timeout, this, &IngestQueuePanel::updateTotals);
    updateTotals();
    showExpanded(wantsExpanded());
}

IngestQueuePanel::~IngestQueuePanel() = default;

void IngestQueuePanel::setSession(LibrarySession *session)
{
    m_session = session;
    showPaused(session && session->pipeline()->isPaused());
    // The filter follows the queue only while it is shown: with every row
    // shown it would map 100,000 rows for nothing.
    m_proxy->setSourceModel(session && m_filter != Filter::All ? session->queue() : nullptr);
    m_follow->setModel(session ? session->queue() : nullptr);
    if (!session) {
        attachModel(nullptr);
        updateTotals();
        return;
    }
    connect(
        session->pipeline(), &IngestPipeline::pausedChanged, this, &IngestQueuePanel::showPaused);
    IngestQueueModel *model = session->queue();
    attachModel(m_filter == Filter::All ? static_cast<QAbstractItemModel *>(model) : m_proxy);
    connect(model, &IngestQueueModel::totalsChanged, this, [this](int finished, int total) {
        // Work starting shows the list at once; the rest of the totals
        // follow the timer.
        if (finished < total && !m_busy) {
            m_busy = true;
            showExpanded(wantsExpanded());
        }
        // What the queue as a whole offers is current at once (constant
        // time); what the selection offers follows shortly.
        m_cancelAll->setEnabled(finished < total);
        m_clear->setEnabled(finished > 0);
        if (!m_actionsTimer.isActive())
            m_actionsTimer.start();
        if (!m_totalsTimer.isActive())
            m_totalsTimer.start();
    });
    // Progress of a selected row may change what the buttons offer.
    connect(model, &QAbstractItemModel::dataChanged, this, [this] {
        if (m_view->selectionModel() && m_view->selectionModel()->hasSelection()
            && !m_actionsTimer.isActive())
            m_actionsTimer.start();
    });
    updateTotals();
}

void IngestQueuePanel::attachModel(QAbstractItemModel *model)
{
    QItemSelectionModel *old = m_view->selectionModel();
    m_view->setModel(model);
    if (old && old != m_view->selectionModel())
        old->deleteLater();
    if (m_view->selectionModel()) {
        connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &IngestQueuePanel::updateActions);
    }
    updateActions();
}

void IngestQueuePanel::setFilter(Filter filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    for (QAction *a : m_filters->actions()) {
        a->setChecked(Filter(a->data().toInt()) == filter);
        if (a->isChecked())
            m_filterButton->setToolTip(tr("Show: %1").arg(a->text()));
    }
    m_filterButton->setChecked(filter != Filter::All);
    if (!m_session)
        return;
    m_proxy->setMode(QueueFilter::Mode(int(filter)));
    if (filter == Filter::All) {
        attachModel(m_session->queue());
        m_proxy->setSourceModel(nullptr);
    } else {
        if (m_proxy->sourceModel() != m_session->queue())
            m_proxy->setSourceModel(m_session->queue());
        attachModel(m_proxy);
    }
}

bool IngestQueuePanel::showNextFailure()
{
    // From the row after the current one, so that pressing again walks on.
    QModelIndex current = m_view->currentIndex();
    if (current.isValid() && m_view->model() == m_proxy)
        current = m_proxy->mapToSource(current);
    return showFailure(current.isValid() ? current.row() + 1 : 0);
}

bool IngestQueuePanel::showFirstFailure()
{
    return showFailure(0);
}

bool IngestQueuePanel::showFailure(int from)
{
    IngestQueueModel *model = m_session ? m_session->queue() : nullptr;
    if (!model)
        return false;
    const int row = model->nextFailedRow(from);
    if (row < 0) {
        m_nextFailure->setEnabled(false);
        return false;
    }
    if (!m_expanded)
        setExpandedByUser(true);
    m_follow->setFollowing(false); // the person looks at this one now
    if (m_filter == Filter::Active)
        setFilter(Filter::All); // a failed row is not shown there
    QModelIndex target = model->index(row);
    if (m_view->model() == m_proxy)
        target = m_proxy->mapFromSource(target);
    m_view->setCurrentIndex(target);
    m_view->selectionModel()->select(target, QItemSelectionModel::ClearAndSelect);
    m_view->scrollTo(target, QAbstractItemView::PositionAtCenter);
    return true;
}

QList<quint64> IngestQueuePanel::selectedIds() const
{
    QList<quint64> ids;
    if (!m_view->selectionModel())
        return ids;
    const QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
    for (const QModelIndex &index : rows)
        ids.append(index.data(IngestQueueModel::ItemIdRole).toULongLong());
    return ids;
}

void IngestQueuePanel::updateTotals()
{
    const IngestQueueModel *model = m_session ? m_session->queue() : nullptr;
    const int total = model ? model->rowCount() : 0;
    const int finished = model ? model->finishedCount() : 0;
    const int failed = model ? model->failedCount() : 0;
    m_total->setRange(0, std::max(1, total));
    m_total->setValue(finished);
    m_total->setVisible(total > 0);
    // The failures are a link: a click shows the first one (F8 the next).
    const QString failedLink
        = QStringLiteral("<a href=\"#failed\">%1</a>").arg(tr("%Ln failed", nullptr, failed));
    m_idleText = total == 0 ? tr("Nothing queued. Paste links (Ctrl+V) or drop images to add them.")
                            : QString();
    if (total == 0)
        showIdleText();
    else if (finished == total)
        m_summary->setText(failed > 0 ? tr("All done, %1").arg(failedLink) : tr("All done"));
    else
        m_summary->setText(failed > 0
                ? tr("%Ln to go, %1", nullptr, total - finished).arg(failedLink)
                : tr("%Ln to go", nullptr, total - finished));
    m_summary->setToolTip(m_idleText);
    m_busy = finished < total;
    showExpanded(wantsExpanded());
    updateActions();
}

void IngestQueuePanel::showIdleText()
{
    // A narrow window (or a long translation) cut the sentence in a word's
    // middle; now it ends on "…".
    const QString shown = m_summary->fontMetrics().elidedText(
        m_idleText, Qt::ElideRight, m_summary->contentsRect().width());
    m_summary->setText(shown.toHtmlEscaped());
}

bool IngestQueuePanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_summary && event->type() == QEvent::Resize && !m_idleText.isEmpty())
        showIdleText();
    return QWidget::eventFilter(watched, event);
}

bool IngestQueuePanel::wantsExpanded() const
{
    if (m_pin != Pin::None)
        return m_pin == Pin::Expanded;
    // Idle with nothing to act on: a slim bar. Failures wait for a look.
    const IngestQueueModel *model = m_session ? m_session->queue() : nullptr;
    return m_busy || (model && model->failedCount() > 0);
}

void IngestQueuePanel::setExpandedByUser(bool expanded)
{
    // A choice that agrees with the automatic state is no choice to keep:
    // collapsing while idle, or showing the list again while busy.
    m_pin = Pin::None; // so that wantsExpanded() says what the panel would do
    m_pin = expanded == wantsExpanded() ? Pin::None : expanded ? Pin::Expanded : Pin::Collapsed;
    const auto settings = userSettings();
    if (m_pin == Pin::None)
        settings->remove(kPinKey);
    else
        settings->setValue(kPinKey,
            m_pin == Pin::Expanded ? QStringLiteral("expanded") : QStringLiteral("collapsed"));
    showExpanded(expanded);
}

void IngestQueuePanel::showExpanded(bool expanded)
{
    m_expandButton->setChecked(expanded);
    m_expandButton->setArrowType(expanded ? Qt::DownArrow : Qt::UpArrow);
    m_expandButton->setToolTip(
        expanded ? tr("Hide the list of items") : tr("Show the list of items"));
    m_expandButton->setAccessibleName(m_expandButton->toolTip());
    if (expanded == m_expanded && m_view->isVisibleTo(this) == expanded)
        return;
    m_expanded = expanded;
    m_view->setVisible(expanded);
    m_listTools->setVisible(expanded);
    Q_EMIT expandedChanged(expanded);
}

void IngestQueuePanel::updateActions()
{
    bool canCancel = false;
    bool canRetry = false;
    bool canAddAnyway = false;
    const IngestQueueModel *model = m_session ? m_session->queue() : nullptr;
    const int total = model ? model->rowCount() : 0;
    const int finished = model ? model->finishedCount() : 0;
    // Asks the selected rows over their ranges, at most kMaxRowsAsked of
    // them: Select All on 100,000 rows is not 100,000 indexes per tick.
    if (m_view->selectionModel()) {
        int asked = 0;
        const QItemSelection selection = m_view->selectionModel()->selection();
        for (const QItemSelectionRange &range : selection) {
            for (int row = range.top(); row <= range.bottom(); ++row) {
                if (asked++ >= kMaxRowsAsked) {
                    canCancel |= finished < total;
                    canRetry |= model && model->failedCount() > 0;
                    break;
                }
                const auto button
                    = IngestQueueDelegate::buttonFor(range.model()->index(row, 0, range.parent()));
                canCancel |= button == IngestQueueDelegate::Button::Cancel;
                canRetry |= button == IngestQueueDelegate::Button::Retry;
                canAddAnyway |= button == IngestQueueDelegate::Button::AddAnyway;
            }
            if (asked > kMaxRowsAsked)
                break;
        }
    }
    m_nextFailure->setEnabled(model && model->failedCount() > 0);
    m_cancel->setEnabled(canCancel);
    m_retry->setEnabled(canRetry);
    m_addAnyway->setEnabled(canAddAnyway);
    m_addAnyway->setVisible(canAddAnyway);
    m_cancelAll->setEnabled(finished < total);
    m_clear->setEnabled(finished > 0);
    m_copy->setEnabled(m_view->selectionModel() && m_view->selectionModel()->hasSelection());
}

// The label says what a click does.
void IngestQueuePanel::showPaused(bool paused)
{
    m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume Downloads") : tr("Pause Downloads"));
    m_pause->setIcon(paused ? icon(Icon::Play) : icon(Icon::Pause));
    m_pause->setToolTip(paused ? tr("Start downloading the waiting items again")
                               : tr("Stop downloading; running downloads start again on resume"));
}

void IngestQueuePanel::cancelSelected()
{
    if (!m_session)
        return;
    for (quint64 id : selectedIds())
        m_session->pipeline()->cancel(id);
}

void IngestQueuePanel::retrySelected()
{
    if (!m_session)
        return;
    for (quint64 id : selectedIds())
        m_session->pipeline()->retry(id);
}

void IngestQueuePanel::addAnywaySelected()
{
    if (!m_session)
        return;
    for (quint64 id : selectedIds())
        m_session->pipeline()->addAnyway(id);
}

void IngestQueuePanel::cancelAll()
{
    if (!m_session)
        return;
    m_session->pipeline()->cancelAll();
}

void IngestQueuePanel::copySources()
{
    QStringList sources;
    const QModelIndexList rows = m_view->selectionModel()
        ? m_view->selectionModel()->selectedIndexes()
        : QModelIndexList();
    for (const QModelIndex &index : rows) {
        // Pasted pixels have no link; their temp file is no place to go.
        const QString source = index.data(IngestQueueModel::SourceRole).toString();
        if (!RawImageIngest::isRawImageSource(source))
            sources.append(source);
    }
    if (!sources.isEmpty())
        QApplication::clipboard()->setText(sources.join(QLatin1Char('\n')));
}

void IngestQueuePanel::showContextMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (index.isValid() && !m_view->selectionModel()->isSelected(index))
        m_view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    updateActions();
    QMenu menu(this);
    menu.addAction(m_cancel);
    menu.addAction(m_retry);
    menu.addAction(m_addAnyway);
    menu.addAction(m_copy);
    menu.addAction(m_nextFailure);
    const qint64 key
        = index.isValid() ? index.data(IngestQueueModel::ImageKeyRole).toLongLong() : 0;
    if (key > 0) {
        menu.addAction(
            tr("Show in Gallery"), this, [this, key] { Q_EMIT showImageRequested(key); });
    }
    menu.addSeparator();
    menu.addAction(m_pause);
    menu.addAction(m_cancelAll);
    menu.addAction(m_clear);
    menu.exec(m_view->viewport()->mapToGlobal(pos));
}

} // namespace trove::ui
