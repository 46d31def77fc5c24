// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace trove::ui {

/// What the X11 CLIPBOARD held, read on a connection of its own.
///
/// Qt reads a selection synchronously on the GUI thread: a paste of 10,000
/// links (360 KB, sent by the owner in increments) held the window for
/// 35-65 ms, one round trip for the list of targets and a chain of them for
/// the text. readX11Selection() does the same conversation on any thread, so
/// the window asks for it from a worker and goes on drawing.
struct X11Selection {
    enum class Status {
        Text, ///< plain text; text holds it
        Other, ///< images, file lists, browser drags: let Qt's QMimeData read it
        NoOwner, ///< nothing is on the clipboard
        Failed, ///< no display, a refused conversion, a lost connection
        TimedOut, ///< the owner did not answer in time
    };
    Status status = Status::Failed;
    QString text;
    QStringList targets; ///< the owner's offer, by atom name
    int pieces = 0; ///< INCR transfers: how many pieces the text came in
    QString error; ///< why, for Failed and TimedOut (a log line, not UI)
};

/// True when the window runs on X11 and this build can read selections.
bool x11SelectionAvailable();

/// Reads @p selection ("CLIPBOARD" or "PRIMARY") of @p display (empty: the
/// DISPLAY environment variable) as text when the owner offers only text
/// (text/html beside it is fine), within @p timeoutMs. Blocks; call it off
/// the GUI thread. @p maxBytes bounds the text (Failed past it).
X11Selection readX11Selection(const QByteArray &display = {}, const char *selection = "CLIPBOARD",
    int timeoutMs = 5000, qsizetype maxBytes = qsizetype(256) << 20);

} // namespace trove::ui
