// SPDX-License-Identifier: MIT
#include "iconstyle.h"

#include "icons.h"

#include <QApplication>
#include <QStyleFactory>

namespace trove::ui {

IconStyle::IconStyle(QStyle *base)
    : QProxyStyle(base)
{
}

IconStyle::~IconStyle() = default;

QIcon IconStyle::standardIcon(
    StandardPixmap standardIcon, const QStyleOption *option, const QWidget *widget) const
{
    // With the desktop theme in use the platform style already asks it.
    if (!usesThemeIcons()) {
        if (const auto own = iconForStandardPixmap(standardIcon))
            return icon(*own);
    }
    return QProxyStyle::standardIcon(standardIcon, option, widget);
}

void IconStyle::install(QStyle *base)
{
    if (!base) {
        if (qobject_cast<IconStyle *>(QApplication::style()))
            return;
        base = QStyleFactory::create(QApplication::style()->name());
    }
    QApplication::setStyle(new IconStyle(base));
}

} // namespace trove::ui
