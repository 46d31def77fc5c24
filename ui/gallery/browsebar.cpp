// SPDX-License-Identifier: MIT
#include "gallery/browsebar.h"

#include "icons.h"

#include <QActionGroup>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>

namespace trove::ui {

BrowseBar::BrowseBar(QWidget *parent)
    : QWidget(parent)
    , m_search(new QLineEdit(this))
    , m_sort(new QComboBox(this))
{
    m_search->setPlaceholderText(tr("Search names, tags and sites…   (tag:cats for one tag)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search"));
    m_search->addAction(icon(Icon::Search), QLineEdit::LeadingPosition);
    m_sort->addItem(tr("Newest first"), int(ImageQuery::Order::NewestFirst));
    m_sort->addItem(tr("Oldest first"), int(ImageQuery::Order::OldestFirst));
    m_sort->addItem(tr("Name A–Z"), int(ImageQuery::Order::NameAscending));
    m_sort->addItem(tr("Name Z–A"), int(ImageQuery::Order::NameDescending));
    m_sort->setAccessibleName(tr("Sort order"));
    auto *sortLabel = new QLabel(tr("&Sort:"), this);
    sortLabel->setBuddy(m_sort);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_search, 1);
    layout->addSpacing(8);
    layout->addWidget(sortLabel);
    layout->addWidget(m_sort);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_debounce.stop();
        Q_EMIT queryChanged(query());
    });
    connect(&m_debounce, &QTimer::timeout, this, [this] { Q_EMIT queryChanged(query()); });
    connect(
        m_sort, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT queryChanged(query()); });
}

BrowseBar::~BrowseBar() = default;

void BrowseBar::parseSearch(const QString &text, QString *tag, QString *search)
{
    ImageQuery::parseSearch(text, tag, search);
}

ImageQuery BrowseBar::query() const
{
    ImageQuery q;
    parseSearch(m_search->text(), &q.tag, &q.search);
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
    for (int i = 0; i < m_sort->count(); ++i) {
        const auto order = ImageQuery::Order(m_sort->itemData(i).toInt());
        QAction *action
            = menu->addAction(m_sort->itemText(i), this, [this, order] { setOrder(order); });
        action->setCheckable(true);
        action->setData(int(order));
        group->addAction(action);
    }
    connect(menu, &QMenu::aboutToShow, this, [this, group] {
        for (QAction *action : group->actions())
            action->setChecked(action->data().toInt() == int(order()));
    });
    return menu;
}

ImageQuery::Order BrowseBar::order() const
{
    return ImageQuery::Order(m_sort->currentData().toInt());
}

} // namespace trove::ui
