// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>

class QCompleter;
class QLineEdit;

namespace trove {
class TagCountsModel;
class TagService;
} // namespace trove

namespace trove::ui {

/// Completes tags in a line edit from the library's vocabulary, with each
/// tag's count in the popup: in the search box the term under the cursor
/// (a plain word, `tag:`, `-tag:`; a chosen tag becomes `tag:x`, quoted if
/// it holds a space), in a comma-separated tag field the tag under the
/// cursor. Each keystroke is a lookup in the in-memory vocabulary (no
/// query, no waiting). GUI thread.
class TagCompleter final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TagCompleter)

public:
    enum class Mode {
        Search, ///< the search language: terms separated by spaces
        TagList, ///< tags separated by commas
    };
    /// Suggestions the popup shows at most.
    static constexpr int kShown = 12;

    TagCompleter(QLineEdit *field, Mode mode, QObject *parent = nullptr);
    ~TagCompleter() override;

    /// Where the tags come from; none: no completion.
    void setService(TagService *service);
    QCompleter *completer() const { return m_completer; }
    /// The popup opens below @p widget (a line under the field, such as
    /// the search's error) while it is shown, never over it.
    void keepVisible(QWidget *widget);

    /// The part of @p text that a chosen tag replaces, for the cursor at
    /// @p cursor: where it starts, how long it is, what of it is typed
    /// before the cursor (to complete), and what goes before the tag
    /// (`tag:`, `-tag:`). An empty typed text: nothing to complete.
    struct Token {
        int start = 0;
        int length = 0;
        QString typed;
        QString prefix;
    };
    static Token tokenAt(const QString &text, int cursor, Mode mode);
    /// @p tag as a search term after @p prefix: quoted when it must be,
    /// with \" and \\ for its quotes and backslashes.
    static QString termFor(const QString &prefix, const QString &tag);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void update();
    /// Shows the popup under the field, and under keepVisible()'s widget.
    void place();
    void choose(const QString &tag);

    QLineEdit *m_field;
    Mode m_mode;
    QPointer<TagService> m_service;
    TagCountsModel *m_model;
    QCompleter *m_completer;
    Token m_token;
    QPointer<QWidget> m_keepVisible;
};

} // namespace trove::ui
