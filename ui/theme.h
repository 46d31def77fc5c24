// SPDX-License-Identifier: MIT
#pragma once

#include <QPalette>
#include <QString>

class QLabel;

namespace trove::ui {

/// How the window looks: as the desktop says, or always light or dark.
enum class Theme { System, Light, Dark };

/// "system", "light", "dark": the value of the ui/theme setting.
QString themeKey(Theme theme);
/// The theme a setting names; System for anything else.
Theme themeFromKey(const QString &key);

/// The dark palette of Theme::Dark (on Fusion), every role of the active,
/// inactive and disabled groups set. The screenshots use it too.
QPalette darkPalette();
/// The light palette of Theme::Light (on Fusion): Fusion's own.
QPalette lightPalette();

/// Makes @p theme the whole application's, live: style and palette.
/// Light and Dark use Fusion, the one style that draws every control from
/// the palette alone; System goes back to the style and palette the
/// application started with. Widgets that paint themselves follow through
/// QEvent::PaletteChange. GUI thread.
void applyTheme(Theme theme);

/// Makes @p label an error line under a field: word-wrapped plain text in
/// a red that reads on light and dark themes alike, hidden until it has
/// something to say.
void styleErrorLabel(QLabel *label);

} // namespace trove::ui
