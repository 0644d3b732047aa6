#pragma once

#include <QPalette>
#include <QString>

class QMenu;

namespace claimlens::ui {

/// The window's colours: the desktop's own, or a light or dark palette of Claimlens's that works
/// on Qt 6.4 without a platform theme plugin (the Fusion style, which draws from the palette).
enum class Theme { System, Light, Dark };

QString themeName(Theme theme);        ///< "system", "light", "dark": the setting's value
Theme themeFromName(const QString& name);

QPalette lightPalette();
QPalette darkPalette();

/// Sets the application's style and palette. Every widget is told of the change (a palette
/// change event): charts, the timeline and the reader draw again in the new colours.
void applyTheme(Theme theme);
/// The theme applied last (System before any).
Theme currentTheme();

/// Adds View → Theme: System, Light, Dark, checked as applied; a choice is applied and remembered.
void addThemeMenu(QMenu* view);

}  // namespace claimlens::ui
