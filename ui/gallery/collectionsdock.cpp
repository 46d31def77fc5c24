// SPDX-License-Identifier: MIT
#include "gallery/collectionsdock.h"

#include "base/futurewatch.h"
#include "gallery/browsebar.h"
#include "gallery/collectionreorder.h"
#include "gallery/collectionspanel.h"
#include "gallery/galleryview.h"
#include "gallery/imageactions.h"
#include "gallery/undocommands.h"
#include "models/librarysession.h"

#include <QDockWidget>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPointer>
#include <QUndoStack>

namespace trove::ui {

CollectionsDock::CollectionsDock(const Parts &parts)
    : QObject(parts.window)
    , m_parts(parts)
    , m_panel(new CollectionsPanel(parts.window))
    , m_dock(new QDockWidget(tr("Collections"), parts.window))
    , m_reorder(new CollectionReorder(parts.gallery, this))
{
    BrowseBar *browse = parts.browse;
    m_dock->setObjectName(QStringLiteral("collectionsDock"));
    m_dock->setWidget(m_panel);
    m_dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    parts.window->addDockWidget(Qt::LeftDockWidgetArea, m_dock);
    // Like the Tags sidebar, opened from the View menu: at 800x600 a dock
    // always shown would take a quarter of the grid.
    m_dock->hide();
    connect(m_panel, &CollectionsPanel::showRequested, this, [this, browse](const QString &name) {
        Q_EMIT showingCollection();
        browse->showCollection(name, true);
    });
    connect(m_panel, &CollectionsPanel::refreshed, this,
        [this, browse] { browse->setHandMadeCollections(m_panel->handMadeNames()); });
    connect(m_panel, &CollectionsPanel::renamed, browse, &BrowseBar::followRename);
    m_panel->setUndoStack(parts.undo);
    // Drag to reorder, while the gallery shows a hand-made collection in
    // its hand order; undoable.
    connect(browse, &BrowseBar::queryChanged, m_reorder, [this, browse](const ImageQuery &query) {
        m_reorder->setCollection(
            query.order == ImageQuery::Order::CollectionOrder && browse->showsHandMadeCollection()
                ? browse->shownCollection()
                : QString());
    });
    connect(m_reorder, &CollectionReorder::message, this, &CollectionsDock::message);
    connect(m_reorder, &CollectionReorder::moveRequested, this, &CollectionsDock::moveInCollection);
    connect(m_panel, &CollectionsPanel::addSelectionRequested, parts.actions,
        &ImageActions::addToCollection);
    connect(m_panel, &CollectionsPanel::removeSelectionRequested, parts.actions,
        &ImageActions::removeFromCollection);
    // hasSelection(), not the selected rows: no row is counted.
    connect(parts.gallery, &GalleryView::selectedRecordsChanged, m_panel, [this] {
        const QItemSelectionModel *selection = m_parts.gallery->selectionModel();
        m_panel->setGallerySelected(selection && selection->hasSelection());
    });
    connect(m_panel, &CollectionsPanel::smartFromSearchRequested, this,
        &CollectionsDock::askSmartCollection);
    connect(m_panel, &CollectionsPanel::message, this, &CollectionsDock::message);
}

CollectionsDock::~CollectionsDock() = default;

void CollectionsDock::setSession(LibrarySession *session)
{
    m_panel->setSession(session);
}

void CollectionsDock::moveInCollection(
    const QString &collection, const QList<qint64> &keys, qint64 beforeKey)
{
    QPointer<LibrarySession> session = m_panel->session();
    if (!session)
        return;
    whenFinished(session->writer()->reorderInCollection(collection, keys, beforeKey), this,
        [this, session, collection, keys, beforeKey](const Result<CollectionMove> &move) {
            if (!move) {
                Q_EMIT message(tr("Cannot reorder “%1”: %2").arg(collection, move.error()), 5000);
                return;
            }
            if (session)
                m_parts.undo->push(new CollectionMoveCommand(session, collection, keys, beforeKey,
                    *move, [this](const QString &text) { Q_EMIT message(text, 5000); }));
        });
}

void CollectionsDock::askSmartCollection()
{
    const QString search = m_parts.browse->searchField()->text().trimmed();
    if (search.isEmpty()) {
        Q_EMIT message(tr("Type a search first: a smart collection is a saved search"), 5000);
        return;
    }
    askSmartName(search, {}, {});
}

void CollectionsDock::askSmartName(
    const QString &search, const QString &typed, const QString &reason)
{
    auto *dialog = new QInputDialog(m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("newSmartCollectionDialog"));
    dialog->setWindowTitle(tr("New Smart Collection"));
    // Refused, it comes back with the name as typed and why, as New
    // Collection does.
    dialog->setLabelText(reason.isEmpty()
            ? tr("Name of the smart collection for “%1”:").arg(search)
            //: %1 is why the name was refused; %2 the search it saves
            : tr("Cannot create the collection: %1.\nName of the smart collection for “%2”:")
                  .arg(reason, search));
    dialog->setTextValue(typed);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, search](const QString &name) {
        QPointer<CollectionsDock> dock(this);
        m_panel->createCollection(name, search, [dock, search, name](const QString &why) {
            if (dock)
                dock->askSmartName(search, name, why);
        });
    });
    dialog->open();
}

} // namespace trove::ui
