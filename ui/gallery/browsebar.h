// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogreader.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QMenu;
class QLineEdit;

namespace trove::ui {

/// Search and order for the gallery: a search field that filters by name,
/// tag or source domain as you type (debounced; `tag:cats` restricts to a
/// tag) and a sort choice. Emits the resulting query. GUI thread.
class BrowseBar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BrowseBar)

public:
    static constexpr int kDebounceMs = 150;

    explicit BrowseBar(QWidget *parent = nullptr);
    ~BrowseBar() override;

    ImageQuery query() const;
    void setOrder(ImageQuery::Order order);
    ImageQuery::Order order() const;
    QLineEdit *searchField() const { return m_search; }

    /// Splits typed text into the tag filter (`tag:cats`, `tag:"big cats"`)
    /// and the free search.
    static void parseSearch(const QString &text, QString *tag, QString *search);

    /// A "Sort By" menu whose choices follow and set this bar's order.
    QMenu *createSortMenu(QWidget *parent);

Q_SIGNALS:
    void queryChanged(const trove::ImageQuery &query);

private:
    QLineEdit *m_search;
    QComboBox *m_sort;
    QTimer m_debounce;
};

} // namespace trove::ui
