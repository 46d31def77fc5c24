// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace trove {

/// A failure a person can read: "HTTP 404", "not an image (text/html)".
/// Errors are values; they travel unchanged from the stage that found them to
/// the queue panel and the command line.
struct Error {
    /// What a caller may act on, beyond showing the message.
    enum class Kind {
        Other,
        /// The bytes were removed from the library and the trash emptied;
        /// adding them again needs force ("Add anyway", --force).
        RemovedBefore,
        /// A database of the library is damaged (SQLite: malformed, not a
        /// database); `trove verify --repair` salvages what it can.
        Damaged,
        /// The library cannot be written (read-only media, no permission).
        ReadOnly,
        /// The disk (or the catalog on it) is full: the message names the
        /// volume and the numbers. Ingest pauses instead of failing the rest.
        DiskFull,
        /// The search reads but names what the library lacks (in: a
        /// collection that does not exist, a smart collection that loops):
        /// the searcher's to fix, not the library's. The CLI exits 2.
        Search,
    };
    QString message;
    Kind kind = Kind::Other;
};

/// Either a value or an Error. A small stand-in for C++23 std::expected.
template<typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_v(std::in_place_index<0>, std::move(value))
    {
    }
    Result(Error error)
        : m_v(std::in_place_index<1>, std::move(error))
    {
    }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_v); }
    T &value() & { return std::get<0>(m_v); }
    T &&value() && { return std::get<0>(std::move(m_v)); }
    const T &operator*() const & { return std::get<0>(m_v); }
    T &operator*() & { return std::get<0>(m_v); }
    const T *operator->() const { return &std::get<0>(m_v); }
    T *operator->() { return &std::get<0>(m_v); }

    const QString &error() const { return std::get<1>(m_v).message; }
    Error::Kind errorKind() const { return std::get<1>(m_v).kind; }
    /// The error whole, to pass on with its kind.
    const Error &failure() const { return std::get<1>(m_v); }

private:
    std::variant<T, Error> m_v;
};

template<> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
        , m_ok(false)
    {
    }

    bool ok() const { return m_ok; }
    explicit operator bool() const { return m_ok; }
    const QString &error() const { return m_error.message; }
    Error::Kind errorKind() const { return m_error.kind; }
    const Error &failure() const { return m_error; }

private:
    Error m_error;
    bool m_ok = true;
};

inline Error fail(QString message, Error::Kind kind = Error::Kind::Other)
{
    return Error { std::move(message), kind };
}

} // namespace trove
