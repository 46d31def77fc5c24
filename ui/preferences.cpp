// SPDX-License-Identifier: MIT
#include "preferences.h"

#include "api/apiconfig.h"
#include "base/platform.h"
#include "translations.h"

#include <QSettings>
#include <algorithm>

namespace trove::ui {

namespace {

int intValue(const QSettings &s, const QString &key, int fallback, int low, int high)
{
    bool ok = false;
    const int value = s.value(key).toInt(&ok);
    return ok ? std::clamp(value, low, high) : fallback;
}

} // namespace

Preferences Preferences::load()
{
    const auto stored = userSettings();
    const QSettings &s = *stored;
    Preferences p;
    p.theme = themeFromKey(s.value(QStringLiteral("ui/theme")).toString());
    p.language = s.value(QLatin1String(kLanguageKey)).toString();
    p.thumbnailSize
        = intValue(s, QStringLiteral("gallery/thumbnailSize"), GalleryDelegate::kDefaultThumbnail,
            GalleryDelegate::kMinThumbnail, GalleryDelegate::kMaxThumbnail);
    p.maxDownloadMiB
        = intValue(s, QStringLiteral("downloads/maxMiB"), p.maxDownloadMiB, 1, 64 * 1024);
    p.perHost = intValue(s, QStringLiteral("downloads/perHost"), p.perHost, 1, kMaxPerHost);
    p.stallTimeoutSeconds
        = intValue(s, QStringLiteral("downloads/stallSeconds"), p.stallTimeoutSeconds, 1, 3600);
    p.totalTimeoutMinutes
        = intValue(s, QStringLiteral("downloads/totalMinutes"), p.totalTimeoutMinutes, 1, 24 * 60);
    p.libraryPath = s.value(QStringLiteral("library/path")).toString();
    p.exportFolder = s.value(QStringLiteral("export/folder")).toString();
    p.trashRetentionDays
        = intValue(s, QStringLiteral("trash/retentionDays"), p.trashRetentionDays, 0, 3650);
    p.apiEnabled = s.value(QStringLiteral("LocalApi/enabled"), false).toBool();
    p.apiPort
        = intValue(s, QStringLiteral("LocalApi/port"), api::ApiConfig::kDefaultPort, 0, 65535);
    p.allowedOrigins = api::ApiConfig::usableOrigins(
        s.value(QStringLiteral("LocalApi/allowedOrigins")).toStringList());
    return p;
}

void Preferences::save() const
{
    const auto stored = userSettings();
    QSettings &s = *stored;
    s.setValue(QStringLiteral("ui/theme"), themeKey(theme));
    s.setValue(QLatin1String(kLanguageKey), language);
    s.setValue(QStringLiteral("gallery/thumbnailSize"), thumbnailSize);
    s.setValue(QStringLiteral("downloads/maxMiB"), maxDownloadMiB);
    s.setValue(QStringLiteral("downloads/perHost"), perHost);
    s.setValue(QStringLiteral("downloads/stallSeconds"), stallTimeoutSeconds);
    s.setValue(QStringLiteral("downloads/totalMinutes"), totalTimeoutMinutes);
    s.setValue(QStringLiteral("library/path"), libraryPath);
    s.setValue(QStringLiteral("export/folder"), exportFolder);
    s.setValue(QStringLiteral("trash/retentionDays"), trashRetentionDays);
    s.setValue(QStringLiteral("LocalApi/enabled"), apiEnabled);
    s.setValue(QStringLiteral("LocalApi/port"), apiPort);
    s.setValue(QStringLiteral("LocalApi/allowedOrigins"), allowedOrigins);
}

PipelineOptions Preferences::pipelineOptions(PipelineOptions base) const
{
    if (!qEnvironmentVariableIsSet("TROVE_PER_HOST"))
        base.perHost = std::clamp(perHost, 1, kMaxPerHost);
    if (!qEnvironmentVariableIsSet("TROVE_MAX_DOWNLOAD_BYTES"))
        base.fetch.maxBytes = qint64(maxDownloadMiB) * 1024 * 1024;
    if (!qEnvironmentVariableIsSet("TROVE_STALL_TIMEOUT_MS"))
        base.fetch.stallTimeoutMs = stallTimeoutSeconds * 1000;
    if (!qEnvironmentVariableIsSet("TROVE_TOTAL_TIMEOUT_MS"))
        base.fetch.totalTimeoutMs = totalTimeoutMinutes * 60'000;
    return base;
}

bool Preferences::downloadsDiffer(const Preferences &other) const
{
    return maxDownloadMiB != other.maxDownloadMiB || perHost != other.perHost
        || stallTimeoutSeconds != other.stallTimeoutSeconds
        || totalTimeoutMinutes != other.totalTimeoutMinutes;
}

bool Preferences::apiDiffers(const Preferences &other) const
{
    return apiEnabled != other.apiEnabled || apiPort != other.apiPort
        || allowedOrigins != other.allowedOrigins;
}

} // namespace trove::ui
