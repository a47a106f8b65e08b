// SPDX-License-Identifier: MIT
#pragma once

#include <QColor>
#include <QString>

class QApplication;

namespace shardscope::ui {

enum class Theme { System, Light, Dark };

// Light and dark palettes on the Fusion style, so the window looks the same on every desktop;
// System follows the desktop's own palette (light or dark) at start.
void applyTheme(QApplication& app, Theme theme);
Theme themeFromName(const QString& name);
QString themeName(Theme theme);
bool darkPalette();

// The colours every view uses for the three event kinds, readable on both palettes.
QColor eventColor(int eventName);
QColor ttlColor();

}  // namespace shardscope::ui
