// SPDX-License-Identifier: MIT
#include "theme.h"

#include "iconstyle.h"

#include <QApplication>
#include <QLabel>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>

namespace trove::ui {

namespace {

// The style the application started with, kept on the application object
// (not in a static) so that it is the one of this QApplication: System
// goes back to it.
constexpr const char *kSystemStyle = "troveSystemStyle";

// The style under Trove's IconStyle, which only swaps the icons.
QString currentStyleName()
{
    const QStyle *style = QApplication::style();
    if (const auto *proxy = qobject_cast<const QProxyStyle *>(style))
        style = proxy->baseStyle();
    return style->name();
}

QString systemStyleName()
{
    QVariant stored = qApp->property(kSystemStyle);
    if (!stored.isValid()) {
        stored = currentStyleName();
        qApp->setProperty(kSystemStyle, stored);
    }
    return stored.toString();
}

void setStyleNamed(const QString &name)
{
    if (currentStyleName().compare(name, Qt::CaseInsensitive) == 0)
        return;
    // Wrapped again, or message boxes and file dialogs lose the icon set.
    if (QStyle *base = QStyleFactory::create(name))
        IconStyle::install(base);
}

} // namespace

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme themeFromKey(const QString &key)
{
    if (key == QLatin1String("light"))
        return Theme::Light;
    if (key == QLatin1String("dark"))
        return Theme::Dark;
    return Theme::System;
}

QPalette darkPalette()
{
    // Neutral greys a little cooler than black, text at about 13:1 on the
    // window, a blue accent white text reads on (4.6:1), and a disabled
    // group that stays legible but clearly off.
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor base(0x1f, 0x21, 0x24);
    const QColor button(0x35, 0x37, 0x3b);
    const QColor highlight(0x2a, 0x6f, 0xc9);
    const QColor disabledText(0x7f, 0x82, 0x86);

    QPalette p;
    for (const auto group : { QPalette::Active, QPalette::Inactive, QPalette::Disabled }) {
        p.setColor(group, QPalette::Window, window);
        p.setColor(group, QPalette::WindowText, text);
        p.setColor(group, QPalette::Base, base);
        p.setColor(group, QPalette::AlternateBase, QColor(0x27, 0x29, 0x2c));
        p.setColor(group, QPalette::ToolTipBase, QColor(0x3b, 0x3e, 0x42));
        p.setColor(group, QPalette::ToolTipText, text);
        p.setColor(group, QPalette::PlaceholderText, QColor(0x8e, 0x91, 0x96));
        p.setColor(group, QPalette::Text, text);
        p.setColor(group, QPalette::Button, button);
        p.setColor(group, QPalette::ButtonText, text);
        p.setColor(group, QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
        // Fusion draws bevels and frames from these: lighter than the
        // button above it, darker below.
        p.setColor(group, QPalette::Light, QColor(0x4a, 0x4d, 0x52));
        p.setColor(group, QPalette::Midlight, QColor(0x3f, 0x42, 0x46));
        p.setColor(group, QPalette::Mid, QColor(0x52, 0x55, 0x5a));
        p.setColor(group, QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
        p.setColor(group, QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d));
        p.setColor(group, QPalette::Highlight, highlight);
        p.setColor(group, QPalette::HighlightedText, Qt::white);
        p.setColor(group, QPalette::Link, QColor(0x6c, 0xb4, 0xff));
        p.setColor(group, QPalette::LinkVisited, QColor(0xc3, 0x9b, 0xf0));
    }
    // A window in the background keeps its selection visible, dimmer.
    p.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x33, 0x5a, 0x8c));
    p.setColor(QPalette::Disabled, QPalette::WindowText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Text, disabledText);
    p.setColor(QPalette::Disabled, QPalette::ButtonText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::Button, QColor(0x30, 0x32, 0x35));
    p.setColor(QPalette::Disabled, QPalette::Base, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x44, 0x47, 0x4b));
    p.setColor(QPalette::Disabled, QPalette::HighlightedText, disabledText);
    p.setColor(QPalette::Disabled, QPalette::PlaceholderText, QColor(0x5e, 0x61, 0x65));
    p.setColor(QPalette::Disabled, QPalette::Link, QColor(0x5a, 0x73, 0x90));
    p.setColor(QPalette::Disabled, QPalette::Light, QColor(0x35, 0x37, 0x3b));
    return p;
}

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    return fusion ? fusion->standardPalette() : QPalette(Qt::white);
}

void applyTheme(Theme theme)
{
    const QString system = systemStyleName();
    switch (theme) {
    case Theme::System:
        setStyleNamed(system);
        // A palette with nothing set resolves to the style's and the
        // platform theme's: the desktop's colours again.
        QApplication::setPalette(QPalette());
        break;
    case Theme::Light:
        setStyleNamed(QStringLiteral("Fusion"));
        QApplication::setPalette(lightPalette());
        break;
    case Theme::Dark:
        setStyleNamed(QStringLiteral("Fusion"));
        QApplication::setPalette(darkPalette());
        break;
    }
}

void styleErrorLabel(QLabel *label)
{
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QPalette red = label->palette();
    red.setColor(QPalette::WindowText, QColor(0xd0, 0x3a, 0x3a));
    label->setPalette(red);
    label->hide();
}

} // namespace trove::ui
