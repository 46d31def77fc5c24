// SPDX-License-Identifier: MIT
#pragma once

#include "gallery/gallerydelegate.h"
#include "ingest/ingestpipeline.h"
#include "theme.h"

#include <QString>
#include <QStringList>

namespace trove::ui {

/// The settings a person changes in Edit ▸ Preferences, as one value:
/// loaded from and saved to the user's settings file (userSettings(), the
/// file `trove serve` reads too) here and nowhere else. The window holds
/// the current one and applies each change live. Keys: ui/theme,
/// gallery/thumbnailSize, downloads/{maxMiB,perHost,stallSeconds,
/// totalMinutes}, library/path, export/folder, trash/retentionDays,
/// LocalApi/{enabled,port,allowedOrigins}, ui/language.
struct Preferences {
    Theme theme = Theme::System;
    int thumbnailSize = GalleryDelegate::kDefaultThumbnail;
    /// The window's language ("de"); empty: the system's. Applies at the
    /// next start (widgets built before do not translate themselves again).
    QString language;

    int maxDownloadMiB = 256; ///< a bigger download fails ("too large")
    int perHost = 4; ///< downloads at once from one host
    int stallTimeoutSeconds = 30; ///< no data for this long: try again later
    int totalTimeoutMinutes = 10; ///< one download at most

    /// The library the window opens at start (and `trove` commands use);
    /// empty: the default one (AppDataLocation/library).
    QString libraryPath;
    /// Where Export Original… starts; empty: the Pictures folder.
    QString exportFolder;
    /// Removed images older than this are emptied from the trash when a
    /// library opens; 0 keeps them until the trash is emptied by hand.
    int trashRetentionDays = 0;

    bool apiEnabled = false;
    int apiPort = 45871; ///< 0: any free port
    QStringList allowedOrigins;

    static constexpr int kMaxPerHost = 64;

    static Preferences load();
    void save() const;

    /// @p base with the download settings, except those the environment
    /// sets (TROVE_PER_HOST, TROVE_MAX_DOWNLOAD_BYTES,
    /// TROVE_STALL_TIMEOUT_MS, TROVE_TOTAL_TIMEOUT_MS: tests and unusual
    /// machines).
    PipelineOptions pipelineOptions(
        PipelineOptions base = PipelineOptions::fromEnvironment()) const;
    /// Whether the downloads settings differ.
    bool downloadsDiffer(const Preferences &other) const;
    /// Whether the local API settings differ.
    bool apiDiffers(const Preferences &other) const;

    bool operator==(const Preferences &other) const = default;
};

} // namespace trove::ui
