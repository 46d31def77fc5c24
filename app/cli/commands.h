// SPDX-License-Identifier: MIT
#pragma once

#include "output.h"
#include "storage/librarypaths.h"

#include <QCommandLineParser>

namespace trove::cli {

/// What every command gets: its parsed options, where to write, which
/// library.
struct CommandContext {
    QCommandLineParser &parser;
    Output &output;
    LibraryPaths paths;
    bool json = false;
    /// Only adding makes a library; other commands refuse a folder without
    /// one (made into an empty library, `verify` said "all intact" of a typo).
    bool mayCreateLibrary = false;
};

/// One command of the CLI: its word, its options and its body.
struct Command {
    const char *name;
    const char *summary;
    const char *arguments; ///< usage after the word, for --help
    void (*addOptions)(QCommandLineParser &parser);
    int (*run)(CommandContext &ctx);
};

/// Every command, in the order --help lists them.
const QList<Command> &commands();

} // namespace trove::cli
