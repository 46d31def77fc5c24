// SPDX-License-Identifier: MIT
#pragma once

#include "ingest/dropcontent.h"

#include <QObject>

namespace trove::ui {

/// Makes widgets accept drops of links, files and images: an event filter
/// that accepts every outside drag (so that even an unusable one gets an
/// answer rather than a refusal cursor), tells what a drop would add while
/// it hovers, and hands what was dropped on. Drags that start in @p ignoreSource
/// (the gallery dragging its own images out) are left alone. GUI thread.
class DropTarget final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DropTarget)

public:
    explicit DropTarget(QObject *parent = nullptr);
    ~DropTarget() override;

    /// Accepts drops on @p widget (and, for a scroll area, its viewport).
    void watch(QWidget *widget);
    void setIgnoredSource(QObject *source) { m_ignoreSource = source; }
    /// While @p reason is set (a read-only library), drags are refused
    /// with it as the status line; empty accepts them again.
    void setRefusal(const QString &reason) { m_refusal = reason; }

    /// What a hovering drag would add, as a status line.
    static QString describe(const DropContent &content);

Q_SIGNALS:
    /// What was dropped, as it came: IngestController makes sense of it.
    void dropped(const trove::ui::DropContent::Snapshot &snapshot);
    void hovering(const QString &description);
    void left();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QObject *m_ignoreSource = nullptr;
    QString m_refusal;
};

} // namespace trove::ui
