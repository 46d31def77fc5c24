// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/imagerecord.h"
#include "commands.h"

#include <QFuture>

namespace trove {
class CatalogReader;
class CatalogWriter;
} // namespace trove

namespace trove::cli {

/// Prints "trove: MESSAGE" and answers the exit status for bad usage (2).
int usageError(CommandContext &ctx, const QString &message);
/// Prints "trove: MESSAGE" and answers the exit status for a failure (1).
int failWith(CommandContext &ctx, const QString &message);

bool openReader(CommandContext &ctx, CatalogReader &reader);
bool openWriter(CommandContext &ctx, CatalogWriter &writer);

/// The one image @p arg names; prints why not (none, or several) otherwise.
Result<ImageRecord> resolveOne(CommandContext &ctx, CatalogReader &reader, const QString &arg);

/// The CLI may wait: it has no window to keep alive.
template<typename T> T waitFor(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

void addOptions(QCommandLineParser &parser);
void verifyOptions(QCommandLineParser &parser);

} // namespace trove::cli
