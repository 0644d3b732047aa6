#include "charts/ChartBuilder.h"

#include "charts/SeriesPalette.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegendMarker>
#include <QStackedBarSeries>
#include <QPen>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace claimlens::charts {
namespace {

/// A round top for the value axis and a tick step of 1, 2 or 5 times a power of ten.
void roundAxis(QValueAxis* axis, double largest, bool labelsOutside, bool whole)
{
    double top = largest * (labelsOutside ? 1.18 : 1.05);  // room for the value labels
    if (top <= 0)
        top = 1;
    const double rough = top / 5;
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    double step = power;
    for (double f : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (f * power >= rough) {
            step = f * power;
            break;
        }
    if (whole)  // counts of things have no fractional ticks
        step = std::max(step, 1.0);
    const int ticks = static_cast<int>(std::ceil(top / step));
    axis->setRange(0, ticks * step);
    axis->setTickCount(ticks + 1);
    int decimals = 0;
    while (decimals < 6 && std::abs(step * std::pow(10.0, decimals) - std::round(step * std::pow(10.0, decimals))) > 1e-9)
        ++decimals;
    // with localized numbers Qt Charts formats "%.Nf" through the chart's locale: 38,000
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
}

}  // namespace

bool ChartBuilder::isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

bool ChartBuilder::isHorizontal(const ChartModel& model)
{
    return model.kind != ChartKind::ClaimsOverTime;
}

int ChartBuilder::modelCategory(const ChartModel& model, int barIndex)
{
    return isHorizontal(model) ? static_cast<int>(model.categories.size()) - 1 - barIndex : barIndex;
}

int ChartBuilder::barCapacity(const ChartModel& model, QSize size)
{
    // the plot takes about two thirds of the chart across the bars' direction
    const int extent = isHorizontal(model) ? size.height() : size.width();
    return std::max(5, extent * 2 / 3 / 14);
}

QChart* ChartBuilder::build(const ChartModel& model, bool dark)
{
    auto* chart = new QChart;
    chart->setTheme(dark ? QChart::ChartThemeDark : QChart::ChartThemeLight);
    // one colour, not the dark theme's gradient: what the palette's contrast was measured against
    chart->setBackgroundBrush(palette::background(dark));
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setLocale(QLocale(QLocale::English));
    chart->setLocalizeNumbers(true);
    chart->setTitle(model.title);
    QFont titleFont = chart->titleFont();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    chart->setTitleFont(titleFont);

    const bool horizontal = isHorizontal(model);
    QStringList categories = model.categories;
    if (horizontal)
        std::reverse(categories.begin(), categories.end());

    QAbstractBarSeries* series = nullptr;
    if (horizontal)
        series = model.stacked ? static_cast<QAbstractBarSeries*>(new QHorizontalStackedBarSeries)
                               : new QHorizontalBarSeries;
    else
        series = new QStackedBarSeries;
    const bool reviewedSet = std::any_of(model.sets.begin(), model.sets.end(),
                                         [](const ChartSet& set) { return set.role == ChartSet::Role::Reviewed; });
    double largest = 0;
    std::vector<double> totals(static_cast<size_t>(categories.size()), 0.0);
    for (size_t s = 0; s < model.sets.size(); ++s) {
        const ChartSet& data = model.sets[s];
        auto* set = new QBarSet(data.name);
        std::vector<double> values = data.values;
        if (horizontal)
            std::reverse(values.begin(), values.end());
        for (size_t i = 0; i < values.size(); ++i) {
            set->append(values[i]);
            totals[i] += values[i];
        }
        const bool rangeStart = data.role == ChartSet::Role::RangeStart;
        // a range's span: the reported value's colour, lighter, so it reads as "somewhere in here"
        // (outlined in the first colour, which holds 3:1 on the background as a bar needs)
        const QColor first = palette::seriesColour(0, dark);
        const bool range = data.role == ChartSet::Role::Range;
        const QColor colour = range ? (dark ? first.darker(160) : first.lighter(160)) : palette::seriesColour(static_cast<qsizetype>(s), dark);
        set->setColor(rangeStart ? QColor(Qt::transparent) : colour);
        set->setBorderColor(rangeStart ? QColor(Qt::transparent) : range ? first : colour.darker(130));
        if (data.role == ChartSet::Role::Reviewed) {
            set->setColor(first);
            set->setBorderColor(first.darker(130));
        } else if (data.role == ChartSet::Role::Values && reviewedSet) {  // unchecked readings: pale, dashed
            set->setColor(first.lighter(dark ? 60 : 160));
            set->setPen(QPen(first, 1.5, Qt::DashLine));
        }
        // Conflicting values are "selected" bars: one set keeps labels outside the bar ends, which
        // stacking two sets would not allow.
        set->setSelectedColor(rangeStart ? QColor(Qt::transparent) : palette::conflict(dark));
        for (size_t i = 0; i < values.size(); ++i) {
            const size_t category = horizontal ? values.size() - 1 - i : i;
            if (category < model.conflict.size() && model.conflict[category])
                set->selectBar(static_cast<int>(i));
        }
        // a range's start and span carry no figure of their own: the category names the bounds
        const bool figures = data.role == ChartSet::Role::Values || data.role == ChartSet::Role::Reviewed;
        set->setLabelColor(!figures ? QColor(Qt::transparent) : palette::text(dark));
        series->append(set);
    }
    for (double t : totals)
        largest = std::max(largest, t);

    // Value labels: outside the bar end where each bar is one value; stacked segments of the
    // claims chart are too small to label when there are many periods.
    const bool oneValuePerBar = model.kind != ChartKind::ClaimsOverTime;
    // (segment counts show on hover instead: small segments' labels would overlap)
    series->setLabelsVisible(oneValuePerBar);
    series->setLabelsPosition(oneValuePerBar && !model.stacked ? QAbstractBarSeries::LabelsOutsideEnd
                                                               : QAbstractBarSeries::LabelsCenter);
    if (oneValuePerBar && model.stacked)
        series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    series->setLabelsPrecision(15);
    if (model.unit == QStringLiteral("percent"))
        series->setLabelsFormat(QStringLiteral("@value%"));
    // a lone bar as wide as the plot reads as a background, not a value
    series->setBarWidth(categories.size() <= 2 ? 0.4 : horizontal ? 0.7 : 0.75);
    chart->addSeries(series);

    auto* categoryAxis = new QBarCategoryAxis;
    categoryAxis->append(categories);
    auto* valueAxis = new QValueAxis;
    const bool whole = model.kind != ChartKind::Statistic || model.unit == QStringLiteral("count");
    roundAxis(valueAxis, largest, oneValuePerBar && !model.stacked, whole);
    valueAxis->setTitleText(model.axisTitle);
    if (!horizontal && categories.size() > 24)
        categoryAxis->setLabelsAngle(-90);
    chart->addAxis(categoryAxis, horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    chart->addAxis(valueAxis, horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categoryAxis);
    series->attachAxis(valueAxis);

    // A single unnamed series needs no legend; conflicts and stacks do.
    chart->legend()->setVisible(model.sets.size() > 1);
    chart->legend()->setAlignment(Qt::AlignBottom);
    // a range's invisible start, and a set with no bar (only ranges reported), name nothing
    const auto markers = chart->legend()->markers(series);
    int named = 0;
    for (size_t s = 0; s < model.sets.size() && s < static_cast<size_t>(markers.size()); ++s) {
        const ChartSet& set = model.sets[s];
        const bool shown = set.role != ChartSet::Role::RangeStart &&
                           std::any_of(set.values.begin(), set.values.end(), [](double v) { return v != 0; });
        markers[static_cast<qsizetype>(s)]->setVisible(shown);
        named += shown ? 1 : 0;
    }
    if (named < 2 && model.kind == ChartKind::Statistic)
        chart->legend()->setVisible(false);
    return chart;
}

}  // namespace claimlens::charts
