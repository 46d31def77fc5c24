// SPDX-License-Identifier: MIT
#include "gallery/browsebar.h"

#include "catalog/collections.h"
#include "catalog/searchlanguage.h"
#include "icons.h"
#include "theme.h"

#include <QAction>
#include <QActionGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace trove::ui {

BrowseBar::BrowseBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_sort(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_shuffle(new QAction(this))
    , m_shuffleButton(new QToolButton(this))
{
    m_search->setPlaceholderText(
        tr("Search names, tags and sites…   (tag:cats -tag:dogs format:png width:>1000)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->addAction(icon(Icon::Search), QLineEdit::LeadingPosition);
    m_sort->addItem(tr("Newest first"), int(ImageQuery::Order::NewestFirst));
    m_sort->addItem(tr("Oldest first"), int(ImageQuery::Order::OldestFirst));
    //: Natural order: "photo 9" before "photo 10", case ignored
    m_sort->addItem(tr("Name (natural) A–Z"), int(ImageQuery::Order::NameAscending));
    m_sort->addItem(tr("Name (natural) Z–A"), int(ImageQuery::Order::NameDescending));
    m_sort->addItem(tr("Largest file first"), int(ImageQuery::Order::LargestFirst));
    m_sort->addItem(tr("Smallest file first"), int(ImageQuery::Order::SmallestFirst));
    m_sort->addItem(tr("Most pixels first"), int(ImageQuery::Order::MostPixelsFirst));
    m_sort->addItem(tr("Fewest pixels first"), int(ImageQuery::Order::FewestPixelsFirst));
    m_sort->addItem(tr("Highest rated first"), int(ImageQuery::Order::RatingDescending));
    m_sort->addItem(tr("Lowest rated first"), int(ImageQuery::Order::RatingAscending));
    m_sort->addItem(tr("Random"), int(ImageQuery::Order::Shuffled));
    //: The order a hand-made collection's images were put in (drag to reorder)
    m_sort->addItem(tr("Collection order"), int(ImageQuery::Order::CollectionOrder));
    m_sort->setAccessibleName(tr("Sort order"));
    // The random order stays until asked for a new one: beside the choice
    // while it is chosen, and in View ▸ Sort By.
    m_shuffle->setText(tr("Shuffle &Again"));
    m_shuffle->setToolTip(tr("Put the images in a new random order"));
    m_shuffle->setObjectName(QStringLiteral("shuffleAgainAction"));
    connect(m_shuffle, &QAction::triggered, this, &BrowseBar::shuffleAgain);
    m_shuffleButton->setDefaultAction(m_shuffle);
    m_shuffleButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_shuffleButton->setVisible(false);
    auto *sortLabel = new QLabel(tr("&Sort:"), this);
    sortLabel->setBuddy(m_sort);

    m_error->setObjectName(QStringLiteral("searchError"));
    m_error->setAccessibleName(tr("Search error"));
    styleErrorLabel(m_error);

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_search, 1);
    row->addSpacing(8);
    row->addWidget(sortLabel);
    row->addWidget(m_sort);
    row->addWidget(m_shuffleButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_error);

    m_debounce.setObjectName(QStringLiteral("searchDebounce"));
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce.stop();
        apply();
    });
    connect(&m_debounce, &QTimer::timeout, this, &BrowseBar::apply);
    connect(m_sort, &QComboBox::currentIndexChanged, this, [this] {
        m_shuffleButton->setVisible(order() == ImageQuery::Order::Shuffled);
        if (!ImageQuery::isCollectionOrder(order()))
            m_previousOrder = order();
        apply();
    });
    followSearch();
}

BrowseBar::~BrowseBar() = default;

void BrowseBar::apply()
{
    const search::Parsed parsed = search::SearchLanguage::parse(m_search->text());
    if (parsed.error) {
        //: %1 is the character position, %2 why the search cannot be read
        m_error->setText(tr("Search: at character %1: %2")
                             .arg(parsed.error->position + 1)
                             .arg(parsed.error->message));
        m_search->setToolTip(m_error->text());
        m_search->setAccessibleDescription(m_error->text());
        m_error->show();
        return;
    }
    if (followSearch())
        return;
    m_error->hide();
    m_error->clear();
    m_search->setToolTip(tr("Search: words, tag:x, -tag:x, a OR b, site:, format:, width:>N, "
                            "size:>1MB, added:2026-11, untagged (Help ▸ Search Syntax)"));
    m_search->setAccessibleDescription(QString());
    Q_EMIT queryChanged(query());
}

void BrowseBar::showSearchError(const QString &message)
{
    //: %1 says why the search cannot run, e.g. no collection named “Nope”
    m_error->setText(tr("Search: %1").arg(message));
    m_search->setToolTip(m_error->text());
    m_search->setAccessibleDescription(m_error->text());
    m_error->show();
}

namespace {

bool namesCollection(const search::Node &node)
{
    if (node.kind == search::Node::Kind::Collection)
        return true;
    return std::any_of(node.children.cbegin(), node.children.cend(), namesCollection);
}

} // namespace

void BrowseBar::forgetCollectionSearch()
{
    const search::Parsed parsed = search::SearchLanguage::parse(m_search->text());
    if (!parsed.ok() || !namesCollection(parsed.root))
        return;
    m_search->clear();
    m_debounce.stop();
    apply();
}

void BrowseBar::addTerm(const QString &term)
{
    const QString text = m_search->text().trimmed();
    if (text.split(QLatin1Char(' ')).contains(term))
        return;
    m_search->setText(text.isEmpty() ? term : text + QLatin1Char(' ') + term);
    m_debounce.stop();
    apply();
}

QString BrowseBar::shownCollection() const
{
    const search::Parsed parsed = search::SearchLanguage::parse(m_search->text());
    if (!parsed.ok() || parsed.root.kind != search::Node::Kind::Collection)
        return {};
    return parsed.root.text.simplified();
}

bool BrowseBar::isHandMade(const QString &name) const
{
    // One collection in any case of any script, as the catalog finds it.
    return std::any_of(m_handMade.cbegin(), m_handMade.cend(),
        [&name](const QString &made) { return Collections::sameName(made, name); });
}

bool BrowseBar::showsHandMadeCollection() const
{
    const QString name = shownCollection();
    return !name.isEmpty() && isHandMade(name);
}

void BrowseBar::followRename(const QString &from, const QString &to)
{
    for (QString &name : m_handMade) {
        if (Collections::sameName(name, from))
            name = to;
    }
    if (!Collections::sameName(shownCollection(), from))
        return;
    m_search->setText(QStringLiteral("in:\"%1\"").arg(to));
    m_debounce.stop();
    apply();
}

void BrowseBar::setHandMadeCollections(const QStringList &names)
{
    m_handMade = names;
    followSearch();
}

void BrowseBar::showCollection(const QString &name, bool handOrder)
{
    m_search->setText(QStringLiteral("in:\"%1\"").arg(name));
    m_debounce.stop();
    if (handOrder && isHandMade(name) && order() != ImageQuery::Order::CollectionOrder) {
        followSearch();
        setOrder(ImageQuery::Order::CollectionOrder); // applies
        return;
    }
    apply();
}

bool BrowseBar::followSearch()
{
    const bool allowed = showsHandMadeCollection();
    const int index = m_sort->findData(int(ImageQuery::Order::CollectionOrder));
    if (auto *items = qobject_cast<QStandardItemModel *>(m_sort->model()); items && index >= 0)
        items->item(index)->setEnabled(allowed);
    if (m_sortActions) {
        for (QAction *action : m_sortActions->actions()) {
            if (action->data().toInt() == int(ImageQuery::Order::CollectionOrder))
                action->setEnabled(allowed);
        }
    }
    if (allowed || order() != ImageQuery::Order::CollectionOrder)
        return false;
    setOrder(m_previousOrder);
    return true;
}

ImageQuery BrowseBar::query() const
{
    ImageQuery q;
    q.search = m_search->text().trimmed();
    q.order = order();
    return q;
}

void BrowseBar::setOrder(ImageQuery::Order order)
{
    const int index = m_sort->findData(int(order));
    if (index >= 0)
        m_sort->setCurrentIndex(index);
}

QMenu *BrowseBar::createSortMenu(QWidget *parent)
{
    auto *menu = new QMenu(tr("&Sort By"), parent);
    auto *group = new QActionGroup(menu);
    m_sortActions = group;
    for (int i = 0; i < m_sort->count(); ++i) {
        const auto order = ImageQuery::Order(m_sort->itemData(i).toInt());
        QAction *action
            = menu->addAction(m_sort->itemText(i), this, [this, order] { setOrder(order); });
        action->setCheckable(true);
        action->setData(int(order));
        group->addAction(action);
    }
    menu->addSeparator();
    menu->addAction(m_shuffle);
    connect(menu, &QMenu::aboutToShow, this, [this, group] {
        for (QAction *action : group->actions())
            action->setChecked(action->data().toInt() == int(order()));
    });
    followSearch();
    return menu;
}

void BrowseBar::shuffleAgain()
{
    // From any order: a new random order is what was asked for.
    setOrder(ImageQuery::Order::Shuffled);
    Q_EMIT shuffleRequested();
}

ImageQuery::Order BrowseBar::lastingOrder() const
{
    return ImageQuery::isCollectionOrder(order()) ? m_previousOrder : order();
}

ImageQuery::Order BrowseBar::order() const
{
    return ImageQuery::Order(m_sort->currentData().toInt());
}

} // namespace trove::ui
