// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogreader.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QMenu;
class QLineEdit;

namespace trove::ui {

/// Search and order for the gallery: a search field that takes the search
/// language (catalog/searchlanguage.h) as you type, debounced, and a sort
/// choice. Emits the resulting query. A search that cannot be read is
/// explained under the field, and the gallery keeps what it showed: never
/// an empty gallery that looks like no match. GUI thread.
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
    /// Adds @p term (`tag:cats`) to the search, unless it is there, and
    /// applies it at once (a click in the Tags sidebar).
    void addTerm(const QString &term);

    /// The explanation of a search that cannot be read; hidden otherwise.
    QLabel *searchError() const { return m_error; }

    /// A "Sort By" menu whose choices follow and set this bar's order.
    QMenu *createSortMenu(QWidget *parent);

Q_SIGNALS:
    void queryChanged(const trove::ImageQuery &query);

private:
    /// Emits the query, or shows why the search cannot be read.
    void apply();

    QLineEdit *m_search;
    QComboBox *m_sort;
    QLabel *m_error;
    QTimer m_debounce;
};

} // namespace trove::ui
