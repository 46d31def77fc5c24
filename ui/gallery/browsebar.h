// SPDX-License-Identifier: MIT
#pragma once

#include "catalog/catalogreader.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAction;
class QActionGroup;
class QComboBox;
class QToolButton;
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
    /// The order to keep for the next start: the one chosen before
    /// Collection order while that is chosen (it needs the search).
    ImageQuery::Order lastingOrder() const;
    QLineEdit *searchField() const { return m_search; }
    /// Adds @p term (`tag:cats`) to the search, unless it is there, and
    /// applies it at once (a click in the Tags sidebar).
    void addTerm(const QString &term);
    /// Why the applied search found nothing though it reads (the library
    /// has no collection of that name): under the search box, as for a
    /// search that cannot be read; the next search clears it.
    void showSearchError(const QString &message);
    /// Clears the search when it names a collection (another library is
    /// opening; its collections differ); other searches stay.
    void forgetCollectionSearch();

    /// The explanation of a search that cannot be read; hidden otherwise.
    QLabel *searchError() const { return m_error; }

    /// A "Sort By" menu whose choices follow and set this bar's order, and
    /// Shuffle Again.
    QMenu *createSortMenu(QWidget *parent);
    /// Shuffle Again: chooses the random order and asks for a new one.
    QAction *shuffleAction() const { return m_shuffle; }

    /// The hand-made collections (names): while the search is exactly
    /// `in:"one of them"`, "Collection order" can be chosen; otherwise it
    /// is disabled, and chosen, falls back to the order before it.
    void setHandMadeCollections(const QStringList &names);
    /// Whether the search shows exactly one hand-made collection.
    bool showsHandMadeCollection() const;
    /// That collection's name as typed, or empty.
    QString shownCollection() const;
    /// Collection @p from is called @p to now: a search showing it follows.
    void followRename(const QString &from, const QString &to);
    /// Shows collection @p name (`in:"name"`) at once, in its hand order
    /// when @p handOrder (a click in the Collections dock).
    void showCollection(const QString &name, bool handOrder);

Q_SIGNALS:
    void queryChanged(const trove::ImageQuery &query);
    /// A new random order was asked for (the writer makes it; the gallery
    /// follows through the change feed).
    void shuffleRequested();

private:
    /// Emits the query, or shows why the search cannot be read.
    void apply();
    void shuffleAgain();
    /// Enables "Collection order" as the search allows; answers whether it
    /// had to leave that order (the order change applied the query).
    bool followSearch();
    /// Whether @p name is one of the hand-made collections (any case).
    bool isHandMade(const QString &name) const;

    QLineEdit *m_search;
    QComboBox *m_sort;
    QLabel *m_error;
    QAction *m_shuffle;
    QToolButton *m_shuffleButton;
    QTimer m_debounce;
    QStringList m_handMade;
    /// The order chosen before Collection order, to fall back to.
    ImageQuery::Order m_previousOrder = ImageQuery::Order::NewestFirst;
    QPointer<QActionGroup> m_sortActions;
};

} // namespace trove::ui
