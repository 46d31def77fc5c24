// SPDX-License-Identifier: MIT
#include "gallery/tagcompleter.h"

#include "base/tagkey.h"
#include "gallery/tagcountdelegate.h"
#include "models/tagcountsmodel.h"
#include "models/tagservice.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QEvent>
#include <QLineEdit>

namespace trove::ui {

namespace {

bool isSpace(QChar c)
{
    return c.isSpace();
}

// \" or \\ at @p i, inside quotes.
bool isEscape(const QString &text, int i)
{
    return text[i] == QLatin1Char('\\') && i + 1 < text.size()
        && (text[i + 1] == QLatin1Char('"') || text[i + 1] == QLatin1Char('\\'));
}

QString unescaped(const QString &text)
{
    QString out;
    for (int i = 0; i < text.size(); ++i)
        out += isEscape(text, i) ? text[++i] : text[i];
    return out;
}

} // namespace

TagCompleter::TagCompleter(QLineEdit *field, Mode mode, QObject *parent)
    : QObject(parent ? parent : field)
    , m_field(field)
    , m_mode(mode)
    , m_model(new TagCountsModel(this))
    , m_completer(new QCompleter(m_model, this))
{
    // The suggestions are already the matches, best first: the completer
    // only shows them and hands back the choice.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setCompletionRole(TagCountsModel::TagRole);
    m_completer->setMaxVisibleItems(kShown);
    m_completer->setWidget(field);
    m_completer->popup()->setItemDelegate(new TagCountDelegate(m_completer->popup()));
    m_completer->popup()->setObjectName(QStringLiteral("tagCompletionPopup"));
    m_completer->popup()->setAccessibleName(tr("Tag suggestions"));
    connect(field, &QLineEdit::textEdited, this, &TagCompleter::update);
    connect(m_completer, qOverload<const QModelIndex &>(&QCompleter::activated), this,
        [this](
            const QModelIndex &index) { choose(index.data(TagCountsModel::TagRole).toString()); });
}

TagCompleter::~TagCompleter() = default;

void TagCompleter::setService(TagService *service)
{
    m_service = service;
    if (!service)
        m_completer->popup()->hide();
}

TagCompleter::Token TagCompleter::tokenAt(const QString &text, int cursor, Mode mode)
{
    cursor = std::clamp(cursor, 0, int(text.size()));
    Token t;
    if (mode == Mode::TagList) {
        const int start = int(text.lastIndexOf(QLatin1Char(','), cursor - 1)) + 1;
        qsizetype end = text.indexOf(QLatin1Char(','), cursor);
        if (end < 0)
            end = text.size();
        int from = start;
        while (from < cursor && isSpace(text[from]))
            ++from;
        t.start = from;
        t.length = int(end) - from;
        t.typed = text.mid(from, cursor - from);
        return t;
    }
    // A term starts after white space outside quotes; inside them \" and
    // \\ are one character each (as the search language reads them).
    bool quoted = false;
    int start = 0;
    for (int i = 0; i < cursor; ++i) {
        if (quoted && isEscape(text, i))
            ++i;
        else if (text[i] == QLatin1Char('"'))
            quoted = !quoted;
        else if (!quoted && (isSpace(text[i]) || text[i] == QLatin1Char('(')))
            start = i + 1;
    }
    int end = cursor;
    for (bool inQuote = quoted; end < text.size(); ++end) {
        if (inQuote && isEscape(text, end))
            ++end;
        else if (text[end] == QLatin1Char('"'))
            inQuote = !inQuote;
        else if (!inQuote && (isSpace(text[end]) || text[end] == QLatin1Char(')')))
            break;
    }
    end = std::min(end, int(text.size()));
    t.start = start;
    t.length = end - start;
    QString typed = text.mid(start, cursor - start);
    QString prefix;
    if (typed.startsWith(QLatin1Char('-'))) {
        prefix = QStringLiteral("-");
        typed.remove(0, 1);
    }
    const qsizetype colon = typed.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        // Only tags complete: site:, format: and the rest have their own values.
        if (typed.left(colon).compare(QLatin1String("tag"), Qt::CaseInsensitive) != 0)
            return { start, int(end - start), {}, {} };
        typed.remove(0, colon + 1);
    } else if (typed == QLatin1String("OR") || typed == QLatin1String("AND")
        || typed == QLatin1String("NOT")) {
        return { start, int(end - start), {}, {} };
    }
    if (typed.startsWith(QLatin1Char('"')))
        typed = unescaped(typed.mid(1));
    t.prefix = prefix + QStringLiteral("tag:");
    t.typed = typed;
    return t;
}

QString TagCompleter::termFor(const QString &prefix, const QString &tag)
{
    // A word runs to white space or a parenthesis; a value that starts
    // with a quote would be read as quoted.
    const bool quote = std::any_of(tag.cbegin(), tag.cend(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('(') || c == QLatin1Char(')');
    }) || tag.startsWith(QLatin1Char('"'));
    if (!quote)
        return prefix + tag;
    QString escaped = tag;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return prefix + QLatin1Char('"') + escaped + QLatin1Char('"');
}

void TagCompleter::update()
{
    m_token = tokenAt(m_field->text(), m_field->cursorPosition(), m_mode);
    const QString typed = m_token.typed.trimmed();
    if (!m_service || typed.isEmpty()) {
        m_model->setTags({});
        m_completer->popup()->hide();
        return;
    }
    const TagCounts matches = m_service->complete(typed, kShown);
    m_model->setTags(matches);
    // Nothing to offer, or only what is typed already.
    if (matches.isEmpty()
        || (matches.size() == 1 && sameTag(matches.first().tag, typed)
            && m_mode == Mode::TagList)) {
        m_completer->popup()->hide();
        return;
    }
    place();
    m_completer->popup()->setCurrentIndex({});
}

void TagCompleter::keepVisible(QWidget *widget)
{
    if (m_keepVisible)
        m_keepVisible->removeEventFilter(this);
    m_keepVisible = widget;
    if (widget)
        widget->installEventFilter(this);
}

bool TagCompleter::eventFilter(QObject *watched, QEvent *event)
{
    // The error line appears (or goes) after a keystroke's search is
    // read, while the popup may be open already.
    if (watched == m_keepVisible && m_completer->popup()->isVisible()
        && (event->type() == QEvent::Show || event->type() == QEvent::Hide
            || event->type() == QEvent::Resize))
        QMetaObject::invokeMethod(
            this,
            [this] {
                if (m_completer->popup()->isVisible())
                    place();
            },
            Qt::QueuedConnection);
    return QObject::eventFilter(watched, event);
}

void TagCompleter::place()
{
    QRect rect = m_field->rect();
    rect.setWidth(std::max(rect.width() / 2, 260));
    if (m_keepVisible && m_keepVisible->isVisible()) {
        const QPoint bottom
            = m_keepVisible->mapTo(m_field->window(), QPoint(0, m_keepVisible->height()));
        const int below = m_field->mapFrom(m_field->window(), bottom).y();
        rect.setBottom(std::max(rect.bottom(), below));
    }
    m_completer->complete(rect);
}

void TagCompleter::choose(const QString &tag)
{
    if (tag.isEmpty())
        return;
    QString text = m_field->text();
    const Token t = m_token;
    QString replacement;
    if (m_mode == Mode::TagList) {
        replacement = tag;
        // The next tag starts after a comma.
        if (t.start + t.length >= text.size())
            replacement += QStringLiteral(", ");
    } else {
        replacement = termFor(t.prefix, tag);
        if (t.start + t.length >= text.size())
            replacement += QLatin1Char(' ');
    }
    text.replace(t.start, t.length, replacement);
    m_field->setText(text);
    m_field->setCursorPosition(t.start + int(replacement.size()));
    m_model->setTags({});
}

} // namespace trove::ui
