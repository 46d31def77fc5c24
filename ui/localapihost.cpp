// SPDX-License-Identifier: MIT
#include "localapihost.h"

#include "api/apiconfig.h"
#include "api/apikey.h"
#include "api/apiserver.h"
#include "base/futurewatch.h"
#include "base/platform.h"
#include "models/librarysession.h"

#include <QAction>
#include <QSettings>
#include <QtConcurrent>

namespace trove::ui {

LocalApiHost::LocalApiHost(QObject *parent)
    : QObject(parent)
    , m_action(new QAction(tr("Serve Local &API"), this))
{
    m_action->setCheckable(true);
    m_action->setToolTip(tr("Let browser extensions and scripts on this computer add and read "
                            "images through Trove's local API (with the library's access key)"));
    m_action->setChecked(userSettings()->value(QStringLiteral("LocalApi/enabled"), false).toBool());
    connect(m_action, &QAction::toggled, this, &LocalApiHost::setEnabled);
}

LocalApiHost::~LocalApiHost() = default;

quint16 LocalApiHost::port() const
{
    return m_server ? m_server->port() : 0;
}

void LocalApiHost::setSession(LibrarySession *session)
{
    m_session = session;
    restart();
}

void LocalApiHost::setEnabled(bool enabled)
{
    userSettings()->setValue(QStringLiteral("LocalApi/enabled"), enabled);
    restart();
}

void LocalApiHost::restart()
{
    const quint64 generation = ++m_generation;
    const bool wasServing = m_server != nullptr;
    m_server.reset();
    if (wasServing) {
        Q_EMIT servingChanged(false);
        if (!m_action->isChecked())
            Q_EMIT message(tr("Stopped serving the local API"));
    }
    if (!m_action->isChecked() || !m_session)
        return;
    // The key file may be created on first use: not on this thread.
    const LibraryPaths paths = m_session->paths();
    whenFinished(QtConcurrent::run(backgroundPool(), [paths] { return api::ApiKey::load(paths); }),
        this, [this, generation, paths](const Result<QByteArray> &key) {
            if (generation != m_generation || !m_session || !m_action->isChecked())
                return;
            if (!key) {
                Q_EMIT message(tr("Cannot serve the local API: %1").arg(key.error()));
                return;
            }
            const auto s = userSettings();
            api::ApiConfig config;
            bool ok = false;
            const uint port = s->value(QStringLiteral("LocalApi/port")).toUInt(&ok);
            if (ok && port <= 65535)
                config.port = quint16(port);
            config.allowedOrigins = api::ApiConfig::usableOrigins(
                s->value(QStringLiteral("LocalApi/allowedOrigins")).toStringList());
            // Requests per second per client, as `trove serve --rate-limit`
            // (0: none; for scripts that post in bulk, and bench/api).
            const double rate = s->value(QStringLiteral("LocalApi/rateLimit")).toDouble(&ok);
            if (ok && rate >= 0) {
                config.ratePerSecond = rate;
                config.rateBurst = qMax(1, int(rate * 4));
            }
            auto server = std::make_unique<api::ApiServer>(
                paths, m_session->writer(), m_session->pipeline(), config, *key);
            if (auto started = server->start(); !started) {
                Q_EMIT message(tr("Cannot serve the local API: %1").arg(started.error()));
                return;
            }
            m_server = std::move(server);
            Q_EMIT message(tr("Serving the local API on http://127.0.0.1:%1/").arg(this->port()));
            Q_EMIT servingChanged(true);
        });
}

} // namespace trove::ui
