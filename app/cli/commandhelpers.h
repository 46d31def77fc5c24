// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "catalog/catalogwriter.h"
#include "catalog/imagerecord.h"
#include "commands.h"

#include <QFuture>

namespace trove {
class CatalogReader;
class CatalogWriter;
struct WalkProblem;
} // namespace trove

namespace trove::cli {

/// Prints "trove: MESSAGE" and answers the exit status for bad usage (2).
int usageError(CommandContext &ctx, const QString &message);
/// What a folder walk could not look at, as the commands that walk folders
/// say it on stderr: "skipped PATH: REASON", or the reason alone for a
/// folder with no image in it.
QString walkProblemText(const WalkProblem &problem);
/// @p message, and for a damaged catalog the way out (verify --repair).
QString withHint(const QString &message);
/// Prints "trove: MESSAGE" and answers the exit status for a failure (1).
int failWith(CommandContext &ctx, const QString &message);
/// A read's failure: a search that names what the library lacks (in: a
/// collection that does not exist) is the caller's usage, "search: …" and
/// 2 like a search that cannot be read; anything else as failWith().
int failRead(CommandContext &ctx, const Error &error);

/// What a command does with blobs whose catalog is gone.
enum class LostCatalog { Refuse, Rebuild };
/// False, with the reason said, when the command may not make a library
/// and there is none, or the folder is an unfinished backup. Only
/// `verify` (LostCatalog::Rebuild) opens blobs without a catalog.
bool libraryThere(CommandContext &ctx, LostCatalog lost = LostCatalog::Refuse);
bool openReader(CommandContext &ctx, CatalogReader &reader);
bool openWriter(CommandContext &ctx, CatalogWriter &writer);

/// What the ID|NAME... arguments of a command name.
struct Resolved {
    QList<ImageRecord> records; ///< in the order of the arguments
    int status = 0; ///< 1 when any argument named no image, or several

    QList<qint64> keys() const;
};

/// Opens @p reader and resolves the ID|NAME arguments of show, export, tag
/// and remove: every image @p args name. An argument that names no image,
/// or several, prints its own "trove: ARG: why" line and the command goes on
/// with the rest (one that names images in the trash says so, and which);
/// a library that cannot be opened prints why and resolves nothing. Either
/// way status is 1.
Resolved resolveArguments(CommandContext &ctx, CatalogReader &reader, const QStringList &args);

/// Prints a "trove: ID  NAME: why" line for each of @p targets that an
/// edit left alone because another process moved it to the trash (or
/// deleted it) between resolving and writing; answers the exit status:
/// targets.status, or 1 when any was left alone.
int sayAbsent(CommandContext &ctx, const Resolved &targets, const Absent &absent);

/// Why @p arg names several images, and which: "ARG: N images match; use
/// an id", then a line per candidate (its full id and name; at most
/// kAmbiguousShown, then how many more), so that a short id two images
/// share, or a name, can be told apart without another command.
/// @p candidates are "id  name" lines; @p what says where ("images", "images
/// in the trash").
QString ambiguous(const QString &arg, const QStringList &candidates, const QString &what);
inline constexpr int kAmbiguousShown = 10;

/// The CLI may wait: it has no window to keep alive.
template<typename T> T waitFor(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

void addOptions(QCommandLineParser &parser);
void verifyOptions(QCommandLineParser &parser);
void trashOptions(QCommandLineParser &parser);
void backupOptions(QCommandLineParser &parser);

} // namespace trove::cli
