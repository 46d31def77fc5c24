// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QPointer>
#include <memory>

class QAction;

namespace trove {
class LibrarySession;
}

namespace trove::api {
class ApiServer;
}

namespace trove::ui {

/// The window's "Local API" setting: when on (off by default), the window
/// serves the same API as `trove serve` for the library it shows, through
/// its own writer and ingest pipeline, so an add through the API is the
/// same add as a paste. Settings: LocalApi/enabled, LocalApi/port (default
/// 45871) and LocalApi/allowedOrigins (shared with `trove serve`). The key
/// is the library's (`trove api-key`), loaded off the GUI thread. GUI
/// thread.
class LocalApiHost final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalApiHost)

public:
    explicit LocalApiHost(QObject *parent = nullptr);
    ~LocalApiHost() override;

    /// The checkable "Serve Local API" action for a menu.
    QAction *action() const { return m_action; }
    /// Serves @p session (or nothing): the server of the last one stops
    /// first, so the port is free for the next.
    void setSession(LibrarySession *session);
    /// Serves again with the settings as they are now (port, origins, the
    /// library's key), if serving is on.
    void reload() { restart(); }
    /// The port served on, or 0 when not serving.
    quint16 port() const;

Q_SIGNALS:
    /// "Serving the local API on http://127.0.0.1:45871/", or why not.
    void message(const QString &text);
    void servingChanged(bool serving);

private:
    void setEnabled(bool enabled);
    void restart();

    QAction *m_action;
    QPointer<LibrarySession> m_session;
    std::unique_ptr<api::ApiServer> m_server;
    quint64 m_generation = 0; ///< a key loaded for an older start is dropped
};

} // namespace trove::ui
