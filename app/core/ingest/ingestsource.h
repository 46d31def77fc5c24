// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

namespace trove {

/// Where an image comes from, checked before anything touches the network or
/// the disk. Only http, https and data URLs and existing local files pass;
/// javascript:, ftp: and plain words are refused here. Checking a local
/// source stats it: off the GUI thread for anything a person dropped.
struct IngestSource {
    Q_DECLARE_TR_FUNCTIONS(IngestSource)

public:
    /// What parse() lets through besides URLs.
    enum class Accept { Files, FilesAndFolders };

    QUrl url; ///< http, https or data; empty for a local file
    QString localPath; ///< absolute; empty for a URL
    qint64 localSize = -1; ///< a local file's size when checked; -1: unknown
    bool folder = false; ///< localPath is a folder (Accept::FilesAndFolders)

    bool isLocal() const { return !localPath.isEmpty(); }
    bool isFolder() const { return folder; }
    /// Whether @p input is a link that parse() checks without the disk:
    /// http, https or data. Everything else may name a local file.
    static bool isRemote(const QString &input);
    /// What goes in the catalog's source column.
    QString sourceString() const;
    /// The file name part of the source ("cat.jpg"), or empty.
    QString fileName() const;
    /// The default image name: the file name without its extension, else the
    /// host, else "image".
    QString defaultName() const;
    /// The default name of an image added from @p source, a source as the
    /// catalog keeps it (sourceString()): defaultName() without looking at
    /// the disk or the network.
    static QString defaultNameOf(const QString &source);

    static Result<IngestSource> parse(const QString &input, Accept accept = Accept::Files);
    /// A local file found by a walk: already known to be a readable file.
    static IngestSource localFile(const QString &absolutePath, qint64 size);

    /// The http(s) links in free text (a paste): one per line or mixed
    /// into prose, in order, without duplicates.
    static QStringList extractUrls(const QString &text);
};

} // namespace trove
