// SPDX-License-Identifier: MIT
#pragma once

#include "preferences.h"
#include "storage/librarypaths.h"

#include <QDialog>

class QListWidget;
class QStackedWidget;

namespace trove::ui {

class DownloadsPage;
class GeneralPage;
class LibraryPage;
class LocalApiPage;

/// Edit ▸ Preferences…: pages (General, Downloads, Library, Local API) in a
/// list beside them, as KDE's settings dialogs. Every change is applied at
/// once: the dialog only edits a copy of the window's Preferences and
/// says so with preferencesChanged(); the window applies and saves them,
/// and shows changes made elsewhere (the thumbnail slider) with
/// setPreferences(). GUI thread.
class PreferencesDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(QWidget *parent = nullptr);
    ~PreferencesDialog() override;

    /// Shows @p prefs, without emitting preferencesChanged().
    void setPreferences(const Preferences &prefs);
    const Preferences &preferences() const { return m_prefs; }
    /// The library the window shows (its location, its API key).
    void setLibrary(const LibraryPaths &paths);

    enum Page { General, Downloads, Library, LocalApi };
    void showPage(Page page);

    GeneralPage *generalPage() const { return m_general; }
    DownloadsPage *downloadsPage() const { return m_downloads; }
    LibraryPage *libraryPage() const { return m_library; }
    LocalApiPage *localApiPage() const { return m_localApi; }
    QListWidget *pageList() const { return m_list; }

Q_SIGNALS:
    void preferencesChanged(const trove::ui::Preferences &prefs);
    /// The open library's API key was replaced.
    void apiKeyRenewed();
    /// Library ▸ Move Library… chose the folder @p dir.
    void moveLibraryRequested(const QString &dir);

private:
    void collect();
    void restoreDefaults();

    Preferences m_prefs;
    QListWidget *m_list;
    QStackedWidget *m_pages;
    GeneralPage *m_general;
    DownloadsPage *m_downloads;
    LibraryPage *m_library;
    LocalApiPage *m_localApi;
};

} // namespace trove::ui
