// SPDX-License-Identifier: MIT
#include "ingest/x11clipboard.h"

#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QScopeGuard>
#include <array>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <optional>
#include <vector>

#if TROVE_HAVE_XCB
#include <poll.h>
#include <xcb/xcb.h>
#endif

namespace trove::ui {

bool x11SelectionAvailable()
{
#if TROVE_HAVE_XCB
    return QGuiApplication::platformName() == QLatin1String("xcb");
#else
    return false;
#endif
}

#if TROVE_HAVE_XCB

namespace {

struct FreeDeleter {
    void operator()(void *p) const { std::free(p); }
};
template<typename T> using XcbPtr = std::unique_ptr<T, FreeDeleter>;

// The ICCCM conversation (section 2.4), on a connection and an unmapped
// window of our own, so that its events come to this thread and nowhere else.
class SelectionReader {
public:
    SelectionReader(xcb_connection_t *c, QDeadlineTimer deadline)
        : m_c(c)
        , m_deadline(deadline)
    {
    }

    bool setUp(const char *selection, QString *error)
    {
        const xcb_setup_t *setup = xcb_get_setup(m_c);
        xcb_screen_t *screen = xcb_setup_roots_iterator(setup).data;
        if (!screen) {
            *error = QStringLiteral("the display has no screen");
            return false;
        }
        m_window = xcb_generate_id(m_c);
        const uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
        xcb_create_window(m_c, XCB_COPY_FROM_PARENT, m_window, screen->root, 0, 0, 1, 1, 0,
            XCB_WINDOW_CLASS_INPUT_ONLY, XCB_COPY_FROM_PARENT, XCB_CW_EVENT_MASK, &mask);
        // One round trip for every atom: send all requests, then read.
        const std::array<const char *, 6> names { selection, "TARGETS", "INCR", "UTF8_STRING",
            "TROVE_SELECTION", "STRING" };
        std::array<xcb_intern_atom_cookie_t, names.size()> cookies {};
        for (std::size_t i = 0; i < names.size(); ++i)
            cookies[i] = xcb_intern_atom(m_c, 0, uint16_t(strlen(names[i])), names[i]);
        std::array<xcb_atom_t, names.size()> atoms {};
        for (std::size_t i = 0; i < names.size(); ++i) {
            XcbPtr<xcb_intern_atom_reply_t> reply(xcb_intern_atom_reply(m_c, cookies[i], nullptr));
            if (!reply) {
                *error = QStringLiteral("cannot intern %1").arg(QLatin1String(names[i]));
                return false;
            }
            atoms[i] = reply->atom;
        }
        m_selection = atoms[0];
        m_targets = atoms[1];
        m_incr = atoms[2];
        m_utf8 = atoms[3];
        m_property = atoms[4];
        m_string = atoms[5];
        return true;
    }

    bool hasOwner()
    {
        XcbPtr<xcb_get_selection_owner_reply_t> reply(
            xcb_get_selection_owner_reply(m_c, xcb_get_selection_owner(m_c, m_selection), nullptr));
        return reply && reply->owner != XCB_NONE;
    }

    // A server time to ask with (ICCCM: not CurrentTime): the time of a
    // zero-length append to our own window's property.
    bool fetchTime()
    {
        xcb_change_property(m_c, XCB_PROP_MODE_APPEND, m_window, m_property, m_utf8, 8, 0, nullptr);
        xcb_flush(m_c);
        XcbPtr<xcb_generic_event_t> event = waitForNewValue();
        if (!event)
            return false;
        m_time = reinterpret_cast<xcb_property_notify_event_t *>(event.get())->time;
        return true;
    }

    struct Converted {
        xcb_atom_t type = XCB_NONE;
        QByteArray bytes;
        int pieces = 0;
    };
    enum class Result { Ok, Refused, TimedOut, Failed };

    Result convert(xcb_atom_t target, qsizetype maxBytes, Converted *out, QString *error)
    {
        xcb_delete_property(m_c, m_window, m_property);
        xcb_convert_selection(m_c, m_window, m_selection, target, m_property, m_time);
        xcb_flush(m_c);
        XcbPtr<xcb_generic_event_t> event = waitFor([this](xcb_generic_event_t *e) {
            if ((e->response_type & 0x7f) != XCB_SELECTION_NOTIFY)
                return false;
            auto *n = reinterpret_cast<xcb_selection_notify_event_t *>(e);
            return n->requestor == m_window && n->selection == m_selection;
        });
        if (!event)
            return lost(error);
        if (reinterpret_cast<xcb_selection_notify_event_t *>(event.get())->property == XCB_NONE)
            return Result::Refused;
        auto whole = readProperty(maxBytes, error);
        if (!whole)
            return Result::Failed;
        if (whole->type != m_incr) {
            *out = std::move(*whole);
            return Result::Ok;
        }
        // Incremental: reading (and deleting) the INCR property asked for the
        // first piece; each new value is one more, a zero-length one the end.
        out->bytes.clear();
        for (;;) {
            if (!waitForNewValue())
                return lost(error);
            auto part = readProperty(maxBytes - out->bytes.size(), error);
            if (!part)
                return Result::Failed;
            if (part->bytes.isEmpty()) {
                out->type = part->type;
                return Result::Ok;
            }
            out->bytes += part->bytes;
            ++out->pieces;
        }
    }

    xcb_atom_t targetsAtom() const { return m_targets; }
    xcb_atom_t utf8Atom() const { return m_utf8; }
    xcb_atom_t stringAtom() const { return m_string; }
    xcb_connection_t *connection() const { return m_c; }

private:
    Result lost(QString *error) const
    {
        if (xcb_connection_has_error(m_c)) {
            *error = QStringLiteral("the X connection was lost");
            return Result::Failed;
        }
        *error = QStringLiteral("the clipboard's owner did not answer");
        return Result::TimedOut;
    }

    std::optional<Converted> readProperty(qsizetype maxBytes, QString *error)
    {
        Converted result;
        uint32_t offset = 0; // in 32-bit units
        for (;;) {
            // Deleted with the last read: that is what asks an INCR owner for
            // the next piece.
            constexpr uint32_t chunkWords = 1u << 20; // 4 MiB a request
            XcbPtr<xcb_get_property_reply_t> reply(xcb_get_property_reply(m_c,
                xcb_get_property(
                    m_c, 1, m_window, m_property, XCB_GET_PROPERTY_TYPE_ANY, offset, chunkWords),
                nullptr));
            if (!reply) {
                *error = QStringLiteral("cannot read the selection's property");
                return std::nullopt;
            }
            result.type = reply->type;
            const int length = xcb_get_property_value_length(reply.get());
            if (result.bytes.size() + length > maxBytes) {
                *error = QStringLiteral("the clipboard holds more than %1 bytes").arg(maxBytes);
                return std::nullopt;
            }
            result.bytes.append(
                static_cast<const char *>(xcb_get_property_value(reply.get())), length);
            if (reply->bytes_after == 0)
                return result;
            offset += uint32_t(length / 4);
        }
    }

    // A new value of our window's property: the timestamp's append, or the
    // next piece of an INCR transfer (not the deletions we cause).
    XcbPtr<xcb_generic_event_t> waitForNewValue()
    {
        return waitFor([this](xcb_generic_event_t *e) {
            if ((e->response_type & 0x7f) != XCB_PROPERTY_NOTIFY)
                return false;
            auto *p = reinterpret_cast<xcb_property_notify_event_t *>(e);
            return p->window == m_window && p->atom == m_property
                && p->state == XCB_PROPERTY_NEW_VALUE;
        });
    }

    template<typename Predicate> XcbPtr<xcb_generic_event_t> waitFor(Predicate matches)
    {
        const int fd = xcb_get_file_descriptor(m_c);
        for (;;) {
            while (xcb_generic_event_t *e = xcb_poll_for_event(m_c)) {
                if (matches(e))
                    return XcbPtr<xcb_generic_event_t>(e);
                std::free(e);
            }
            if (xcb_connection_has_error(m_c))
                return nullptr;
            const qint64 left = m_deadline.remainingTime();
            if (left == 0)
                return nullptr;
            pollfd p { fd, POLLIN, 0 };
            ::poll(&p, 1, left < 0 ? -1 : int(left));
        }
    }

    xcb_connection_t *m_c;
    QDeadlineTimer m_deadline;
    xcb_window_t m_window = XCB_NONE;
    xcb_atom_t m_selection = XCB_NONE;
    xcb_atom_t m_targets = XCB_NONE;
    xcb_atom_t m_incr = XCB_NONE;
    xcb_atom_t m_utf8 = XCB_NONE;
    xcb_atom_t m_property = XCB_NONE;
    xcb_atom_t m_string = XCB_NONE;
    xcb_timestamp_t m_time = XCB_CURRENT_TIME;
};

QStringList atomNames(xcb_connection_t *c, const xcb_atom_t *atoms, int count)
{
    std::vector<xcb_get_atom_name_cookie_t> cookies;
    cookies.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        cookies.push_back(xcb_get_atom_name(c, atoms[i]));
    QStringList names;
    for (const auto &cookie : cookies) {
        XcbPtr<xcb_get_atom_name_reply_t> reply(xcb_get_atom_name_reply(c, cookie, nullptr));
        if (reply)
            names.append(QString::fromLatin1(
                xcb_get_atom_name_name(reply.get()), xcb_get_atom_name_name_length(reply.get())));
    }
    return names;
}

// What QMimeData must read: anything DropContent takes before plain text.
bool needsQt(const QString &target)
{
    return target.startsWith(QLatin1String("image/")) || target == QLatin1String("PIXMAP")
        || target == QLatin1String("BITMAP") || target == QLatin1String("text/uri-list")
        || target == QLatin1String("text/x-moz-url")
        || target == QLatin1String("application/x-moz-file-promise-url")
        || target == QLatin1String("application/x-qt-image")
        || target == QLatin1String("x-special/gnome-copied-files");
}

} // namespace

X11Selection readX11Selection(
    const QByteArray &display, const char *selection, int timeoutMs, qsizetype maxBytes)
{
    X11Selection result;
    const QDeadlineTimer deadline(timeoutMs);
    xcb_connection_t *c = xcb_connect(display.isEmpty() ? nullptr : display.constData(), nullptr);
    const auto closeConnection = qScopeGuard([c] { xcb_disconnect(c); });
    if (xcb_connection_has_error(c)) {
        result.error = QStringLiteral("cannot connect to the X display");
        return result;
    }
    SelectionReader reader(c, deadline);
    if (!reader.setUp(selection, &result.error))
        return result;
    if (!reader.hasOwner()) {
        result.status = X11Selection::Status::NoOwner;
        return result;
    }
    if (!reader.fetchTime()) {
        result.error = QStringLiteral("no timestamp from the X server");
        return result;
    }
    auto fail = [&result](SelectionReader::Result r) {
        result.status = r == SelectionReader::Result::TimedOut ? X11Selection::Status::TimedOut
                                                               : X11Selection::Status::Failed;
        return result;
    };
    SelectionReader::Converted targets;
    const auto asked = reader.convert(reader.targetsAtom(), 1 << 20, &targets, &result.error);
    if (asked == SelectionReader::Result::Refused) {
        result.status = X11Selection::Status::Other; // an owner without TARGETS: Qt copes
        return result;
    }
    if (asked != SelectionReader::Result::Ok)
        return fail(asked);
    result.targets = atomNames(c, reinterpret_cast<const xcb_atom_t *>(targets.bytes.constData()),
        int(targets.bytes.size() / qsizetype(sizeof(xcb_atom_t))));
    bool utf8 = false;
    bool latin1 = false;
    for (const QString &target : std::as_const(result.targets)) {
        if (needsQt(target)) {
            result.status = X11Selection::Status::Other;
            return result;
        }
        utf8 = utf8 || target == QLatin1String("UTF8_STRING");
        latin1 = latin1 || target == QLatin1String("STRING");
    }
    if (!utf8 && !latin1) {
        result.status = X11Selection::Status::Other;
        return result;
    }
    SelectionReader::Converted text;
    const auto got = reader.convert(
        utf8 ? reader.utf8Atom() : reader.stringAtom(), maxBytes, &text, &result.error);
    if (got == SelectionReader::Result::Refused) {
        result.error = QStringLiteral("the owner refused its own text");
        return result;
    }
    if (got != SelectionReader::Result::Ok)
        return fail(got);
    result.text = utf8 ? QString::fromUtf8(text.bytes) : QString::fromLatin1(text.bytes);
    result.pieces = text.pieces;
    result.status = X11Selection::Status::Text;
    return result;
}

#else

X11Selection readX11Selection(const QByteArray &, const char *, int, qsizetype)
{
    X11Selection result;
    result.error = QStringLiteral("built without XCB");
    return result;
}

#endif

} // namespace trove::ui
