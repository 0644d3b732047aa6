#pragma once

#include "charts/ChartModel.h"

#include <QPalette>

QT_BEGIN_NAMESPACE
class QChart;
QT_END_NAMESPACE

namespace claimlens::charts {

/// Turns a ChartModel into a QChart. Pure: the same model gives the same chart, on screen, in an
/// export and in the CLI.
class ChartBuilder {
public:
    /// Dark or light theme after the palette's window colour.
    static bool isDark(const QPalette& palette);
    /// A new chart the caller owns. Subjects and companies run as horizontal bars, largest on top;
    /// time runs left to right.
    static QChart* build(const ChartModel& model, bool dark);
    /// Horizontal charts list categories bottom to top, so bar index i is model category
    /// categories.size() - 1 - i.
    static bool isHorizontal(const ChartModel& model);
    static int modelCategory(const ChartModel& model, int barIndex);
    /// The plot's bar capacity for a chart of that pixel size (about 14 px a bar).
    static int barCapacity(const ChartModel& model, QSize size);
};

}  // namespace claimlens::charts
