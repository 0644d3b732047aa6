#pragma once

#include <QColor>

#include <span>

namespace claimlens::charts {

/// The colours charts and the timeline give their series and lanes, one palette per theme, and
/// the backgrounds they are drawn on. Each colour is at least 3:1 (WCAG relative luminance)
/// against every background of its theme, so bars, marks and the timeline's lane labels stay
/// visible; any two differ by a CIEDE2000 distance of at least kMinimumDistance, so no two
/// companies look alike (tests/charts/SeriesPaletteTest.cpp checks both).
namespace palette {

/// The smallest CIEDE2000 difference between two colours of one theme's palette (neutral included).
inline constexpr double kMinimumDistance = 15.0;
/// The smallest contrast a series colour has against its theme's backgrounds.
inline constexpr double kMinimumContrast = 3.0;

/// Series colours in the order they are handed out; the first ones go to the largest companies.
std::span<const QColor> series(bool dark);
/// The i-th series colour (cycling after the last).
QColor seriesColour(qsizetype index, bool dark);
/// A grey for "other or none", told apart from every series colour.
QColor neutral(bool dark);
/// Conflicting values in the statistics chart (beside the first series colour only).
QColor conflict(bool dark);

/// What charts (on screen and exported) and the timeline are drawn on.
QColor background(bool dark);
/// The timeline's shaded lanes and undated strip.
QColor shade(bool dark);
/// Text and rules on those backgrounds.
QColor text(bool dark);

/// WCAG 2 relative luminance of an sRGB colour, 0 (black) to 1 (white).
double relativeLuminance(const QColor& colour);
/// WCAG 2 contrast ratio, 1 to 21.
double contrastRatio(const QColor& a, const QColor& b);
/// CIEDE2000 colour difference (D65 CIELAB): about 1 is just noticeable, over 10 plainly different.
double ciede2000(const QColor& a, const QColor& b);

}  // namespace palette
}  // namespace claimlens::charts
