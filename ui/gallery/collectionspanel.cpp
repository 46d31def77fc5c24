// SPDX-License-Identifier: MIT
#include "gallery/collectionspanel.h"

#include "base/futurewatch.h"
#include "base/platform.h"
#include "catalog/catalogreader.h"
#include "catalog/changefeed.h"
#include "gallery/undocommands.h"
#include "icons.h"
#include "models/librarysession.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHash>
#include <QInputDialog>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QShowEvent>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace trove::ui {

namespace {

constexpr int kMessageMs = 5000;
constexpr int kNameRole = Qt::UserRole + 1;

Result<QList<CollectionInfo>> readCollections(const LibraryPaths &paths)
{
    // A reader of its own: connections belong to the thread that opened them.
    CatalogReader reader;
    if (auto r = reader.open(paths); !r)
        return r.failure();
    return Collections::list(reader.catalog());
}

} // namespace

CollectionsPanel::CollectionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_new(new QToolButton(this))
    , m_add(new QToolButton(this))
    , m_remove(new QToolButton(this))
    , m_delete(new QToolButton(this))
    , m_addMenu(new QMenu(this))
    , m_rename(new QAction(this))
{
    m_list->setObjectName(QStringLiteral("collectionsList"));
    m_list->setUniformItemSizes(true);
    m_new->setObjectName(QStringLiteral("newCollectionButton"));
    m_new->setIcon(icon(Icon::Add));
    m_new->setText(tr("New"));
    m_new->setToolTip(tr("New Collection… or New Smart Collection from the current search"));
    m_new->setPopupMode(QToolButton::MenuButtonPopup);
    auto *newMenu = new QMenu(m_new);
    newMenu->addAction(tr("New Collection…"), this, [this] { askNew(); });
    newMenu->addAction(tr("New Smart Collection from Current Search…"), this,
        &CollectionsPanel::smartFromSearchRequested);
    m_new->setMenu(newMenu);
    connect(m_new, &QToolButton::clicked, this, [this] { askNew(); });
    m_add->setObjectName(QStringLiteral("addToCollectionButton"));
    m_add->setText(tr("Add Selection"));
    m_add->setToolTip(tr("Add the images selected in the gallery to a collection"));
    // Select images, then choose where they go: clicking a collection
    // first would show it, and the selection would be gone.
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setMenu(m_addMenu);
    m_addMenu->setObjectName(QStringLiteral("addToCollectionMenu"));
    m_remove->setObjectName(QStringLiteral("removeFromCollectionButton"));
    m_remove->setText(tr("Remove Selection"));
    m_remove->setToolTip(
        tr("Take the images selected in the gallery out of this collection (they stay in the "
           "library)"));
    m_delete->setObjectName(QStringLiteral("deleteCollectionButton"));
    m_delete->setIcon(icon(Icon::Delete));
    m_delete->setToolTip(tr("Delete this collection (its images stay in the library)"));
    // Narrow enough for a side dock beside an 800-pixel window: New with
    // its word, the rest short or an icon, their tooltips saying the rest.
    m_new->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setText(tr("Add"));
    m_remove->setText(tr("Remove"));
    m_add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_remove->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_delete->setToolButtonStyle(Qt::ToolButtonIconOnly);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    for (QToolButton *b : { m_new, m_add, m_remove, m_delete })
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_list, &QListWidget::itemClicked, this,
        [this](QListWidgetItem *item) { Q_EMIT showRequested(item->data(kNameRole).toString()); });
    connect(m_list, &QListWidget::currentRowChanged, this, &CollectionsPanel::updateButtons);
    connect(m_remove, &QToolButton::clicked, this,
        [this] { Q_EMIT removeSelectionRequested(currentName()); });
    connect(m_delete, &QToolButton::clicked, this, &CollectionsPanel::askDelete);
    m_rename->setText(tr("&Rename…"));
    m_rename->setObjectName(QStringLiteral("renameCollectionAction"));
    m_rename->setShortcut(QKeySequence(Qt::Key_F2));
    m_rename->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_rename, &QAction::triggered, this, &CollectionsPanel::askRename);
    m_list->addAction(m_rename);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_list, &QWidget::customContextMenuRequested, this, &CollectionsPanel::showListMenu);
    m_recount.setParent(this); // a member: gone before the panel; found by tests
    m_recount.setObjectName(QStringLiteral("collectionsRecount"));
    m_recount.setSingleShot(true);
    m_recount.setInterval(1000);
    connect(&m_recount, &QTimer::timeout, this, &CollectionsPanel::refresh);
    updateButtons();
}

CollectionsPanel::~CollectionsPanel() = default;

LibrarySession *CollectionsPanel::session() const
{
    return m_session;
}

void CollectionsPanel::setSession(LibrarySession *session)
{
    if (m_session) {
        disconnect(m_session->reader(), nullptr, this, nullptr);
        disconnect(m_session, nullptr, this, nullptr);
    }
    m_session = session;
    m_collections.clear();
    m_list->clear();
    updateButtons(); // New works at once, whether or not a read succeeds
    if (session) {
        connect(
            session->reader(), &LibraryReader::changesReady, this, &CollectionsPanel::onChanges);
        // A library still being created (or migrated) has nothing to read
        // yet, or is busy: read it once it is open.
        if (!session->isOpen()) {
            connect(session, &LibrarySession::opened, this, &CollectionsPanel::refresh,
                Qt::SingleShotConnection);
            return;
        }
    }
    refresh();
}

void CollectionsPanel::onChanges(const ChangeBatch &batch)
{
    if (batch.collectionsChanged) {
        m_recount.stop();
        refresh();
        return;
    }
    // Counts leave trashed images out: a removal or a restore moves them.
    if (!batch.bulk && batch.removed.isEmpty() && batch.added.isEmpty())
        return;
    // Nobody reads counts the dock does not show: they are read once it
    // opens (an import of 100,000 images would otherwise open the catalog
    // and rebuild this list every second for nothing).
    if (!isVisible()) {
        m_countsStale = true;
        return;
    }
    if (!m_recount.isActive())
        m_recount.start();
}

void CollectionsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_countsStale && !m_recount.isActive())
        refresh(); // which clears m_countsStale
}

void CollectionsPanel::refresh()
{
    const quint64 generation = ++m_generation;
    m_countsStale = false;
    if (!m_session) {
        show({});
        return;
    }
    whenFinished(QtConcurrent::run(backgroundPool(), readCollections, m_session->paths()), this,
        [this, generation](const Result<QList<CollectionInfo>> &all) {
            if (generation != m_generation)
                return; // a newer read, or another library
            if (!all) {
                Q_EMIT message(tr("Cannot read the collections: %1").arg(all.error()), kMessageMs);
                return;
            }
            show(*all);
        });
}

void CollectionsPanel::show(const QList<CollectionInfo> &all)
{
    // A recount that found what the list shows: nothing to rebuild.
    if (all == m_collections && m_list->count() == all.size()) {
        Q_EMIT refreshed();
        return;
    }
    const QString current = currentName();
    // Renamed anywhere (another window, trove collection rename): said
    // once, so that a gallery showing it follows.
    QHash<qint64, QString> before;
    for (const CollectionInfo &c : std::as_const(m_collections))
        before.insert(c.id, c.name);
    QList<QPair<QString, QString>> renames;
    for (const CollectionInfo &c : all) {
        const auto was = before.constFind(c.id);
        if (was != before.cend() && *was != c.name)
            renames.append({ *was, c.name });
    }
    m_collections = all;
    m_list->clear();
    const QLocale locale;
    for (const CollectionInfo &c : all) {
        auto *item
            = new QListWidgetItem(c.isSmart() ? tr("%1 (smart)").arg(c.name)
                                              : tr("%1 (%2)").arg(c.name, locale.toString(c.count)),
                m_list);
        item->setData(kNameRole, c.name);
        item->setIcon(icon(c.isSmart() ? Icon::Search : Icon::Tags));
        item->setToolTip(c.isSmart() ? tr("Smart collection: %1").arg(c.query)
                                     : tr("%Ln image(s)", nullptr, int(c.count)));
        if (c.name == current)
            m_list->setCurrentItem(item);
    }
    m_addMenu->clear();
    fillAddMenu(m_addMenu);
    updateButtons();
    for (const auto &[from, to] : std::as_const(renames))
        Q_EMIT renamed(from, to);
    Q_EMIT refreshed();
}

QString CollectionsPanel::currentName() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item ? item->data(kNameRole).toString() : QString();
}

QStringList CollectionsPanel::handMadeNames() const
{
    QStringList names;
    for (const CollectionInfo &c : m_collections) {
        if (!c.isSmart())
            names << c.name;
    }
    return names;
}

void CollectionsPanel::fillAddMenu(QMenu *menu)
{
    const QStringList names = handMadeNames();
    for (const QString &name : names) {
        QAction *action
            = menu->addAction(name, this, [this, name] { Q_EMIT addSelectionRequested(name); });
        action->setData(name);
    }
    if (names.isEmpty())
        menu->addAction(tr("No collections yet: make one with New"))->setEnabled(false);
}

QString CollectionsPanel::searchFor(const QString &name)
{
    return QStringLiteral("in:\"%1\"").arg(name);
}

void CollectionsPanel::setGallerySelected(bool selected)
{
    if (selected == m_gallerySelected)
        return;
    m_gallerySelected = selected;
    updateButtons();
}

void CollectionsPanel::updateButtons()
{
    const int row = m_list->currentRow();
    const bool any = row >= 0 && row < m_collections.size();
    const bool handMade = any && !m_collections.at(row).isSmart();
    m_add->setEnabled(m_session != nullptr && !handMadeNames().isEmpty());
    // With nothing selected Remove did nothing and said nothing.
    m_remove->setEnabled(handMade && m_gallerySelected);
    m_delete->setEnabled(any);
    m_rename->setEnabled(any);
    m_new->setEnabled(m_session != nullptr);
}

void CollectionsPanel::createCollection(const QString &name, const QString &query,
    const std::function<void(const QString &reason)> &refused)
{
    if (!m_session)
        return;
    whenFinished(m_session->writer()->createCollection(name, query), this,
        [this, name, refused](const Result<qint64> &made) {
            if (!made && refused)
                refused(made.error());
            else if (!made)
                Q_EMIT message(
                    tr("Cannot create the collection: %1").arg(made.error()), kMessageMs);
            else
                Q_EMIT message(
                    tr("Created the collection “%1”").arg(name.simplified()), kMessageMs);
            refresh();
        });
}

void CollectionsPanel::deleteCollection(const QString &name)
{
    if (!m_session || name.isEmpty())
        return;
    whenFinished(
        m_session->writer()->deleteCollection(name), this, [this, name](const Result<bool> &done) {
            if (!done)
                Q_EMIT message(
                    tr("Cannot delete the collection: %1").arg(done.error()), kMessageMs);
            else
                Q_EMIT message(
                    tr("Deleted the collection “%1”; its images stay in the library").arg(name),
                    kMessageMs);
            refresh();
        });
}

void CollectionsPanel::renameCollection(const QString &from, const QString &to,
    const std::function<void(const QString &reason)> &refused)
{
    if (!m_session || from.isEmpty())
        return;
    QPointer<LibrarySession> session = m_session.data();
    whenFinished(m_session->writer()->renameCollection(from, to), this,
        [this, session, from, refused](const Result<QString> &done) {
            if (!done && refused) {
                refused(done.error());
                return;
            }
            if (!done) {
                Q_EMIT message(
                    tr("Cannot rename the collection: %1").arg(done.error()), kMessageMs);
                return;
            }
            Q_EMIT message(tr("Renamed the collection “%1” to “%2”").arg(from, *done), kMessageMs);
            Q_EMIT renamed(from, *done);
            if (m_undo && session) {
                QPointer<CollectionsPanel> panel(this);
                m_undo->push(new CollectionRenameCommand(
                    session, from, *done,
                    [panel](const QString &was, const QString &now) {
                        if (panel) {
                            Q_EMIT panel->renamed(was, now);
                            panel->refresh();
                        }
                    },
                    [panel](const QString &text) {
                        if (panel)
                            Q_EMIT panel->message(text, kMessageMs);
                    }));
            }
            refresh();
        });
}

void CollectionsPanel::askRename()
{
    const QString name = currentName();
    if (!name.isEmpty())
        askRenameOf(name, name, {});
}

void CollectionsPanel::askRenameOf(const QString &name, const QString &typed, const QString &reason)
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("renameCollectionDialog"));
    dialog->setWindowTitle(tr("Rename Collection"));
    // Refused, it comes back with the name as typed and why, as New
    // Collection does.
    dialog->setLabelText(reason.isEmpty()
            ? tr("New name of “%1”:").arg(name)
            //: %1 is why the name was refused; %2 the collection's name now
            : tr("Cannot rename the collection: %1.\nNew name of “%2”:").arg(reason, name));
    dialog->setTextValue(typed);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, name](const QString &to) {
        if (to.simplified() == name)
            return;
        QPointer<CollectionsPanel> panel(this);
        renameCollection(name, to, [panel, name, to](const QString &why) {
            if (panel)
                panel->askRenameOf(name, to, why);
        });
    });
    dialog->open();
}

void CollectionsPanel::showListMenu(const QPoint &pos)
{
    QListWidgetItem *item = m_list->itemAt(pos);
    if (!item)
        return;
    m_list->setCurrentItem(item);
    QMenu menu(this);
    menu.addAction(m_rename);
    menu.addAction(icon(Icon::Delete), tr("Delete…"), this, &CollectionsPanel::askDelete);
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void CollectionsPanel::askNew(const QString &typed, const QString &reason)
{
    auto *dialog = new QInputDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("newCollectionDialog"));
    dialog->setWindowTitle(tr("New Collection"));
    // Refused, it comes back with the name as typed and why, whole: the
    // status bar cut a long reason off beside its permanent labels.
    dialog->setLabelText(reason.isEmpty()
            ? tr("Name of the new collection:")
            //: %1 is why the name was refused, e.g. a collection named “x” exists already
            : tr("Cannot create the collection: %1.\nName of the new collection:").arg(reason));
    dialog->setTextValue(typed);
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString &name) {
        QPointer<CollectionsPanel> panel(this);
        createCollection(name, {}, [panel, name](const QString &why) {
            if (panel)
                panel->askNew(name, why);
        });
    });
    dialog->open();
}

void CollectionsPanel::askDelete()
{
    const QString name = currentName();
    if (name.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Collection"),
        tr("Delete the collection “%1”?").arg(name), QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setInformativeText(tr("Its images stay in the library."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, name](int answer) {
        if (answer == QMessageBox::Yes)
            deleteCollection(name);
    });
    box->open();
}

} // namespace trove::ui
