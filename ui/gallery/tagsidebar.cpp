// SPDX-License-Identifier: MIT
#include "gallery/tagsidebar.h"

#include "base/futurewatch.h"
#include "base/tagkey.h"
#include "catalog/searchlanguage.h"
#include "gallery/tagcompleter.h"
#include "gallery/tagcountdelegate.h"
#include "gallery/undocommands.h"
#include "models/librarysession.h"
#include "models/tagcountsmodel.h"

#include <QApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QUndoStack>
#include <QVBoxLayout>

namespace trove::ui {

TagSidebar::TagSidebar(QWidget *parent)
    : QWidget(parent)
    , m_model(new TagCountsModel(this))
    , m_view(new QListView(this))
    , m_note(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_view->setModel(m_model);
    m_view->setItemDelegate(new TagCountDelegate(m_view));
    m_view->setUniformItemSizes(true);
    // The highlight is the search's tag (highlight()), not a row a person
    // clicked: a click changes the search, which highlights.
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // A long tag is elided beside its count, never scrolled to.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setTextElideMode(Qt::ElideRight);
    // Narrow enough that the window with the sidebar open fits 800 pixels.
    setMinimumWidth(fontMetrics().averageCharWidth() * 16);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->setAccessibleName(tr("Tags"));
    m_view->setToolTip(tr("Click: show only images with this tag. Ctrl+click or middle click: "
                          "hide them. Right click: rename or merge."));
    m_view->viewport()->installEventFilter(this);
    m_note->setWordWrap(true);
    m_note->setContentsMargins(6, 2, 6, 4);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_note->hide();
    layout->addWidget(m_view, 1);
    layout->addWidget(m_note);
    connect(m_view, &QListView::customContextMenuRequested, this, &TagSidebar::showMenu);
}

TagSidebar::~TagSidebar() = default;

QSize TagSidebar::sizeHint() const
{
    return { fontMetrics().averageCharWidth() * 28, QWidget::sizeHint().height() };
}

void TagSidebar::setSession(LibrarySession *session)
{
    if (m_session)
        disconnect(m_session->tags(), nullptr, this, nullptr);
    m_session = session;
    if (session)
        connect(session->tags(), &TagService::countsChanged, this, &TagSidebar::refresh);
    refresh();
}

void TagSidebar::refresh()
{
    if (!m_session) {
        m_model->setTags({});
        m_note->hide();
        return;
    }
    const TagCountsReport &report = m_session->tags()->counts();
    m_model->setTags(report.tags);
    highlight();
    // Say when the list is not every tag, and why.
    if (report.partial) {
        m_note->setText(
            tr("Counted in the first %1 matching images.").arg(QLocale().toString(report.scanned)));
    } else if (report.tags.size() >= TagService::kSidebarLimit) {
        m_note->setText(tr("The %n tag(s) used most.", nullptr, int(report.tags.size())));
    } else if (report.tags.isEmpty()) {
        m_note->setText(tr("No tags here."));
    }
    m_note->setVisible(
        report.partial || report.tags.size() >= TagService::kSidebarLimit || report.tags.isEmpty());
}

namespace {

/// The first `tag:x` the search requires (alone, or ANDed with other
/// terms); empty when it has none (an OR, a -tag: or no tag term).
QString requiredTag(const search::Node &root)
{
    using Kind = search::Node::Kind;
    if (root.kind == Kind::Tag)
        return root.text;
    if (root.kind == Kind::And) {
        for (const search::Node &child : root.children)
            if (child.kind == Kind::Tag)
                return child.text;
    }
    return {};
}

} // namespace

void TagSidebar::setSearch(const QString &search)
{
    const search::Parsed parsed = search::SearchLanguage::parse(search);
    m_searchTag = parsed.ok() ? requiredTag(parsed.root) : QString();
    highlight();
}

void TagSidebar::highlight()
{
    QItemSelectionModel *selection = m_view->selectionModel();
    // The list holds TagService::kSidebarLimit rows at most; a row is the
    // search's tag in any spelling (base/tagkey.h).
    QModelIndex found;
    for (int row = 0; !m_searchTag.isEmpty() && row < m_model->rowCount() && !found.isValid();
         ++row) {
        const QModelIndex index = m_model->index(row);
        if (sameTag(index.data(TagCountsModel::TagRole).toString(), m_searchTag))
            found = index;
    }
    if (!found.isValid()) {
        selection->clear();
        return;
    }
    selection->setCurrentIndex(found, QItemSelectionModel::ClearAndSelect);
}

bool TagSidebar::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::MouseButtonRelease) {
        auto *mouse = static_cast<QMouseEvent *>(event);
        const QModelIndex index = m_view->indexAt(mouse->position().toPoint());
        const bool exclude = mouse->button() == Qt::MiddleButton
            || (mouse->button() == Qt::LeftButton && (mouse->modifiers() & Qt::ControlModifier));
        if (index.isValid() && (mouse->button() == Qt::LeftButton || exclude)) {
            Q_EMIT filterRequested(index.data(TagCountsModel::TagRole).toString(), exclude);
            return false;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TagSidebar::showMenu(const QPoint &at)
{
    const QModelIndex index = m_view->indexAt(at);
    if (!index.isValid())
        return;
    const QString tag = index.data(TagCountsModel::TagRole).toString();
    QMenu menu(this);
    menu.addAction(
        tr("Show Only “%1”").arg(tag), this, [this, tag] { Q_EMIT filterRequested(tag, false); });
    menu.addAction(
        tr("Hide “%1”").arg(tag), this, [this, tag] { Q_EMIT filterRequested(tag, true); });
    menu.addSeparator();
    const bool writable = m_session && m_session->isOpen() && !m_session->isReadOnly();
    menu.addAction(tr("Rename Tag…"), this, [this, tag] { askRename(tag, false); })
        ->setEnabled(writable);
    menu.addAction(tr("Merge Into…"), this, [this, tag] { askRename(tag, true); })
        ->setEnabled(writable);
    menu.exec(m_view->viewport()->mapToGlobal(at));
}

void TagSidebar::askRename(const QString &tag, bool merge)
{
    if (!m_session)
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(merge ? tr("Merge Tag") : tr("Rename Tag"));
    const qint64 count = m_session->tags()->vocabulary()->countOf(tag);
    dialog->setLabelText(merge
            ? tr("Merge “%1” (%n image(s)) into the tag:", nullptr, int(count)).arg(tag)
            : tr("New name for “%1” (%n image(s)):", nullptr, int(count)).arg(tag));
    dialog->setTextValue(merge ? QString() : tag);
    dialog->setObjectName(QStringLiteral("renameTagDialog"));
    // The tags to merge into come from the library, as everywhere.
    if (auto *field = dialog->findChild<QLineEdit *>()) {
        auto *completer = new TagCompleter(field, TagCompleter::Mode::TagList, dialog);
        completer->setService(m_session->tags());
    }
    connect(dialog, &QInputDialog::textValueSelected, this,
        [this, tag](const QString &to) { renameTag(tag, to.trimmed()); });
    dialog->open();
}

void TagSidebar::renameTag(const QString &from, const QString &to)
{
    if (!m_session || to.isEmpty() || to == from)
        return;
    const bool merge = m_session->tags()->vocabulary()->countOf(to) > 0 && !sameTag(from, to);
    QPointer<LibrarySession> session = m_session;
    whenFinished(m_session->writer()->renameTag(from, to), this,
        [this, session, merge](const Result<TagRename> &r) {
            if (!r) {
                Q_EMIT message(tr("Cannot rename the tag: %1").arg(r.error()));
                return;
            }
            Q_EMIT message(merge
                    ? tr("Merged “%1” into “%2”: %n image(s).", nullptr, int(r->keys.size()))
                          .arg(r->from, r->to)
                    : tr("Renamed “%1” to “%2”: %n image(s).", nullptr, int(r->keys.size()))
                          .arg(r->from, r->to));
            if (!session || !m_undo || r->isEmpty())
                return;
            m_undo->push(new TagRenameCommand(
                session, *r, merge, [self = QPointer<TagSidebar>(this)](const QString &text) {
                    if (self)
                        Q_EMIT self->message(text);
                }));
        });
}

} // namespace trove::ui
