// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

namespace trove::cli {

/// Whether the command in @p args decodes pictures (add, resume, serve,
/// verify's repair, rehash, similar): an SVG's text needs the font
/// database, which only a QGuiApplication has.
bool decodesImages(const QStringList &args);

/// Whether these arguments (without the program name) ask for a command
/// rather than the window: a known command word, --help or --version.
bool isCliInvocation(const QStringList &args);

/// Runs one command. Needs a QCoreApplication; returns the exit status:
/// 0 success, 1 some item failed, 2 bad usage.
int run(const QStringList &args);

/// The command words, for help and for main().
QStringList commandNames();

} // namespace trove::cli
