// SPDX-License-Identifier: MIT
#pragma once

#include <QProxyStyle>

namespace trove::ui {

/// The platform style, with Trove's icons on the buttons and boxes that Qt
/// draws itself (message boxes, file dialogs, dialog button boxes, the
/// line edit's clear button) whenever Trove's own icon set is in use: the
/// style's fallbacks are a different family (a grey ball on "Yes", green
/// arrows) and stay dark on a dark palette. GUI thread.
class IconStyle final : public QProxyStyle {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IconStyle)

public:
    /// Wraps @p base (taking it), or the platform's default style.
    explicit IconStyle(QStyle *base = nullptr);
    ~IconStyle() override;

    QIcon standardIcon(StandardPixmap standardIcon, const QStyleOption *option = nullptr,
        const QWidget *widget = nullptr) const override;

    /// Installs an IconStyle over @p base (or the current style's kind) as
    /// the application style. Call again after changing the style.
    static void install(QStyle *base = nullptr);
};

} // namespace trove::ui
