// SPDX-License-Identifier: MIT
#include "catalog/searchlanguage.h"

#include "catalog/private/searchvalues.h"

#include <QDate>
#include <QDateTime>
#include <QUrl>
#include <algorithm>

namespace trove::search {

namespace {

struct Token {
    enum class Kind { Word, Open, Close, Or, And, Not, End };
    Kind kind = Kind::End;
    int position = 0;
    int length = 0;
    QString key; ///< Word: the predicate name before a colon, lower case; empty: none
    QString value; ///< Word: the text (after the colon for a predicate)
    bool quoted = false; ///< Word: the text (or value) was in quotes
};

/// Thrown inside the parser only, caught by parse().
struct Failure {
    ParseError error;
};

[[noreturn]] void failAt(int position, int length, const QString &message)
{
    throw Failure { ParseError { position, std::max(length, 1), message } };
}

bool isPredicateName(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) {
        return c.isLetter() && c.unicode() < 0x80;
    });
}

class Lexer {
public:
    explicit Lexer(const QString &text)
        : m_text(text)
    {
    }

    std::vector<Token> tokens()
    {
        std::vector<Token> out;
        for (;;) {
            while (m_at < m_text.size() && m_text[m_at].isSpace())
                ++m_at;
            if (m_at >= m_text.size())
                break;
            out.push_back(next());
        }
        out.push_back(Token { Token::Kind::End, int(m_text.size()), 0, {}, {}, false });
        return out;
    }

private:
    Token next()
    {
        const int start = int(m_at);
        const QChar c = m_text[m_at];
        if (c == QLatin1Char('(') || c == QLatin1Char(')')) {
            ++m_at;
            return { c == QLatin1Char('(') ? Token::Kind::Open : Token::Kind::Close, start, 1, {},
                {}, false };
        }
        // A minus before a term excludes it; a minus alone is a mistake.
        if (c == QLatin1Char('-')) {
            ++m_at;
            if (m_at >= m_text.size() || m_text[m_at].isSpace() || m_text[m_at] == QLatin1Char(')'))
                failAt(start, 1,
                    SearchLanguage::tr("nothing to exclude after \"-\"; write -word or -tag:name"));
            return { Token::Kind::Not, start, 1, {}, {}, false };
        }
        if (c == QLatin1Char('"')) {
            Token t { Token::Kind::Word, start, 0, {}, quoted(start), true };
            t.length = int(m_at) - start;
            return t;
        }
        // A word runs to white space or a parenthesis that closes; a quote
        // inside it is text, except right after a predicate's colon.
        while (
            m_at < m_text.size() && !m_text[m_at].isSpace() && m_text[m_at] != QLatin1Char(')')) {
            if (m_text[m_at] == QLatin1Char('"') && m_at > start
                && m_text[m_at - 1] == QLatin1Char(':')
                && isPredicateName(QStringView(m_text).mid(start, m_at - 1 - start)))
                break;
            ++m_at;
        }
        QString word = m_text.mid(start, m_at - start);
        if (word == QLatin1String("OR"))
            return { Token::Kind::Or, start, 2, {}, {}, false };
        if (word == QLatin1String("AND"))
            return { Token::Kind::And, start, 3, {}, {}, false };
        if (word == QLatin1String("NOT"))
            return { Token::Kind::Not, start, 3, {}, {}, false };
        Token t { Token::Kind::Word, start, 0, {}, word, false };
        const qsizetype colon = word.indexOf(QLatin1Char(':'));
        // "https://…" and "12:30" are text, not predicates.
        if (colon > 0 && isPredicateName(QStringView(word).left(colon))
            && !QStringView(word).mid(colon + 1).startsWith(QLatin1String("//"))) {
            t.key = word.left(colon).toLower();
            t.value = word.mid(colon + 1);
            if (t.value.isEmpty() && m_at < m_text.size() && m_text[m_at] == QLatin1Char('"')) {
                t.value = quoted(int(m_at));
                t.quoted = true;
            }
        }
        t.length = int(m_at) - start;
        return t;
    }

    /// The text between the quote at @p start and its closing quote. Inside
    /// quotes \" is a quote and \\ a backslash; any other backslash is
    /// text, so "C:\photos" reads as typed.
    QString quoted(int start)
    {
        QString out;
        bool escaped = false;
        for (qsizetype i = start + 1; i < m_text.size(); ++i) {
            const QChar c = m_text[i];
            if (c == QLatin1Char('\\') && i + 1 < m_text.size()
                && (m_text[i + 1] == QLatin1Char('"') || m_text[i + 1] == QLatin1Char('\\'))) {
                out += m_text[++i];
                escaped = escaped || m_text[i] == QLatin1Char('"');
                continue;
            }
            if (c == QLatin1Char('"')) {
                m_at = i + 1;
                return out;
            }
            out += c;
        }
        // A path that ends in a backslash swallows its closing quote: say so.
        failAt(start, int(m_text.size()) - start,
            escaped ? SearchLanguage::tr(
                "a quote opened here is never closed (inside quotes \\\" is a quote "
                "in the text; write \\\\ for a backslash)")
                    : SearchLanguage::tr("a quote opened here is never closed"));
    }

    const QString &m_text;
    qsizetype m_at = 0;
};

class Parser {
public:
    explicit Parser(std::vector<Token> tokens)
        : m_tokens(std::move(tokens))
    {
    }

    Node query()
    {
        if (peek().kind == Token::Kind::End)
            return Node {};
        Node root = alternatives();
        if (peek().kind == Token::Kind::Close)
            failAt(peek().position, 1,
                SearchLanguage::tr("this closing parenthesis has no opening one"));
        return root;
    }

private:
    const Token &peek() const { return m_tokens[m_next]; }
    const Token &take() { return m_tokens[m_next++]; }

    static Node combine(Node::Kind kind, std::vector<Node> children)
    {
        if (children.size() == 1)
            return std::move(children.front());
        Node n;
        n.kind = kind;
        // (a b) c is a b c: flat lists keep the SQL and the drive choice simple.
        for (Node &child : children) {
            if (child.kind == kind) {
                for (Node &grandchild : child.children)
                    n.children.push_back(std::move(grandchild));
            } else {
                n.children.push_back(std::move(child));
            }
        }
        return n;
    }

    Node alternatives()
    {
        std::vector<Node> any;
        any.push_back(conjunction());
        while (peek().kind == Token::Kind::Or) {
            const Token &orToken = take();
            const auto k = peek().kind;
            if (k == Token::Kind::End || k == Token::Kind::Close || k == Token::Kind::Or)
                failAt(orToken.position, orToken.length,
                    SearchLanguage::tr("OR needs a term on each side"));
            any.push_back(conjunction());
        }
        return combine(Node::Kind::Or, std::move(any));
    }

    Node conjunction()
    {
        std::vector<Node> all;
        for (;;) {
            const Token &t = peek();
            if (t.kind == Token::Kind::End || t.kind == Token::Kind::Close)
                break;
            if (t.kind == Token::Kind::Or) {
                if (all.empty())
                    failAt(
                        t.position, t.length, SearchLanguage::tr("OR needs a term on each side"));
                break;
            }
            if (t.kind == Token::Kind::And) {
                take();
                const auto k = peek().kind;
                if (all.empty() || k == Token::Kind::End || k == Token::Kind::Close
                    || k == Token::Kind::Or)
                    failAt(
                        t.position, t.length, SearchLanguage::tr("AND needs a term on each side"));
                continue;
            }
            all.push_back(unary());
        }
        return combine(Node::Kind::And, std::move(all));
    }

    Node unary()
    {
        const Token &t = peek();
        if (t.kind == Token::Kind::Not) {
            take();
            const auto k = peek().kind;
            if (k == Token::Kind::End || k == Token::Kind::Close || k == Token::Kind::Or
                || k == Token::Kind::And)
                failAt(t.position, t.length, SearchLanguage::tr("nothing to exclude after NOT"));
            Node inner = unary();
            if (inner.kind == Node::Kind::Not)
                return std::move(inner.children.front()); // --a is a
            Node n;
            n.kind = Node::Kind::Not;
            n.children.push_back(std::move(inner));
            return n;
        }
        if (t.kind == Token::Kind::Open) {
            const Token &open = take();
            if (peek().kind == Token::Kind::Close)
                failAt(open.position, peek().position - open.position + 1,
                    SearchLanguage::tr("empty parentheses"));
            Node inner = alternatives();
            if (peek().kind != Token::Kind::Close)
                failAt(open.position, 1,
                    SearchLanguage::tr("this opening parenthesis is never closed"));
            take();
            return inner;
        }
        return term(take());
    }

    Node term(const Token &t)
    {
        Node n;
        if (t.key.isEmpty()) {
            if (!t.quoted && t.value == QLatin1String("untagged")) {
                n.kind = Node::Kind::Untagged;
                return n;
            }
            if (!t.quoted && t.value == QLatin1String("fav")) {
                n.kind = Node::Kind::Favourite;
                return n;
            }
            n.kind = Node::Kind::Text;
            n.text = t.value;
            if (n.text.trimmed().isEmpty())
                failAt(t.position, t.length, SearchLanguage::tr("empty quotes"));
            return n;
        }
        return predicate(t);
    }

    Node predicate(const Token &t)
    {
        const QString &key = t.key;
        const QString value = t.value.trimmed();
        if (!SearchLanguage::predicateNames().contains(key))
            failAt(t.position, int(key.size()) + 1, values::unknownPredicate(key));
        if (value.isEmpty())
            failAt(t.position, t.length, values::needsValue(key));
        Node n;
        if (key == QLatin1String("tag")) {
            n.kind = Node::Kind::Tag;
            n.text = value;
        } else if (key == QLatin1String("site")) {
            n.kind = Node::Kind::Site;
            n.text = values::hostOf(value);
        } else if (key == QLatin1String("format")) {
            n.kind = Node::Kind::Format;
            n.text = values::formatOf(value);
            if (const QString why = values::unknownFormat(n.text); !why.isEmpty())
                failAt(t.position, t.length, why);
        } else if (key == QLatin1String("added")) {
            n.kind = Node::Kind::Added;
            auto range = values::addedRange(value);
            if (!range)
                failAt(t.position, t.length, range.error());
            n.from = range->first;
            n.to = range->second;
        } else if (key == QLatin1String("in")) {
            n.kind = Node::Kind::Collection;
            n.text = value.simplified();
            n.position = t.position;
            n.length = t.length;
        } else {
            auto r = values::comparison(key, value);
            if (!r)
                failAt(t.position, t.length, r.error());
            n.kind = Node::Kind::Number;
            n.field = r->field;
            n.comparison = r->comparison;
            n.number = r->number;
        }
        return n;
    }

    std::vector<Token> m_tokens;
    size_t m_next = 0;
};

} // namespace

Parsed SearchLanguage::parse(const QString &text)
{
    Parsed out;
    try {
        out.root = Parser(Lexer(text).tokens()).query();
    } catch (const Failure &f) {
        out.error = f.error;
        out.root = Node {};
    }
    return out;
}

QStringList SearchLanguage::predicateNames()
{
    return { QStringLiteral("tag"), QStringLiteral("site"), QStringLiteral("format"),
        QStringLiteral("width"), QStringLiteral("height"), QStringLiteral("pixels"),
        QStringLiteral("size"), QStringLiteral("added"), QStringLiteral("rating"),
        QStringLiteral("in") };
}

QStringList SearchLanguage::bareWords()
{
    return { QStringLiteral("untagged"), QStringLiteral("fav") };
}

std::vector<const Node *> SearchLanguage::collectionTerms(const Node &root)
{
    std::vector<const Node *> out;
    std::vector<const Node *> pending { &root };
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (node->kind == Node::Kind::Collection)
            out.push_back(node);
        for (const Node &child : node->children)
            pending.push_back(&child);
    }
    std::sort(out.begin(), out.end(),
        [](const Node *a, const Node *b) { return a->position > b->position; });
    return out;
}

} // namespace trove::search
