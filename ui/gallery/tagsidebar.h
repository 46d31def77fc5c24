// SPDX-License-Identifier: MIT
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListView;
class QUndoStack;

namespace trove {
class LibrarySession;
class TagCountsModel;
} // namespace trove

namespace trove::ui {

/// The Tags sidebar: the tags of the gallery's current query with counts,
/// most carried first (at most TagService::kSidebarLimit; counted on the
/// tag thread, never here). A click filters by a tag, Ctrl+click or a
/// middle click excludes it; the context menu also renames a tag or
/// merges it into another over the whole library, undoably. GUI thread.
class TagSidebar final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagSidebar)

public:
    explicit TagSidebar(QWidget *parent = nullptr);
    ~TagSidebar() override;

    void setSession(LibrarySession *session);
    void setUndoStack(QUndoStack *undo) { m_undo = undo; }

    QListView *view() const { return m_view; }
    TagCountsModel *model() const { return m_model; }

    /// Renames @p from to @p to over the library (a merge if @p to exists),
    /// as the context menu does after asking.
    void renameTag(const QString &from, const QString &to);

    /// The gallery's search as typed: its tag term (`tag:x`, ANDed with
    /// the rest) is the tag shown highlighted; none without one.
    void setSearch(const QString &search);
    /// The tag highlighted, empty when none.
    QString highlightedTag() const { return m_searchTag; }

    /// Room for a tag of some length and its count.
    QSize sizeHint() const override;

Q_SIGNALS:
    /// Add `tag:x` (or `-tag:x`, @p exclude) to the search.
    void filterRequested(const QString &tag, bool exclude);
    void message(const QString &text);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    /// Highlights the row of m_searchTag, by name: rows move when the
    /// counts change or a tag is renamed.
    void highlight();
    void showMenu(const QPoint &at);
    void askRename(const QString &tag, bool merge);

    QPointer<LibrarySession> m_session;
    QPointer<QUndoStack> m_undo;
    TagCountsModel *m_model;
    QListView *m_view;
    QLabel *m_note;
    QString m_searchTag;
};

} // namespace trove::ui
