// The charts' and the timeline's colours (charts/SeriesPalette.h): each visible on its theme's
// backgrounds (WCAG contrast >= 3:1), no two alike (CIEDE2000), and the ones charts and lanes use.
#include "charts/ChartBuilder.h"
#include "charts/ChartModel.h"
#include "charts/SeriesPalette.h"
#include "charts/TimelineView.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>

#include <gtest/gtest.h>

#include <memory>

using namespace claimlens;
using namespace claimlens::charts;

namespace {

QString hex(const QColor& c)
{
    return c.name();
}

/// Every colour a theme draws series and lanes in, the "other" grey included.
std::vector<QColor> drawn(bool dark)
{
    std::vector<QColor> out(palette::series(dark).begin(), palette::series(dark).end());
    out.push_back(palette::neutral(dark));
    return out;
}

}  // namespace

TEST(SeriesPalette, MeasuresAgreeWithTheirDefinitions)
{
    // WCAG 2: white on black is 21:1, a colour on itself 1:1
    EXPECT_DOUBLE_EQ(palette::contrastRatio(Qt::white, Qt::black), 21.0);
    EXPECT_DOUBLE_EQ(palette::contrastRatio(QColor(0x2b, 0x6c, 0xb0), QColor(0x2b, 0x6c, 0xb0)), 1.0);
    EXPECT_NEAR(palette::relativeLuminance(QColor(0x80, 0x80, 0x80)), 0.2158605, 1e-6);
    // CIEDE2000 (Sharma, Wu and Dalal's formula; values from an implementation checked against their test pairs)
    EXPECT_NEAR(palette::ciede2000(Qt::white, Qt::black), 100.0, 1e-3);
    EXPECT_NEAR(palette::ciede2000(QColor(0x86, 0x3b, 0xb0), QColor(0x70, 0x48, 0xe8)), 10.0796, 1e-3);  // two purples
    EXPECT_NEAR(palette::ciede2000(QColor(0x2b, 0x6c, 0xb0), QColor(0xe0, 0x8e, 0x0b)), 53.7166, 1e-3);  // blue, orange
    EXPECT_NEAR(palette::ciede2000(QColor(0x6d, 0x6d, 0x6d), QColor(0x6b, 0x70, 0x78)), 4.6691, 1e-3);
    EXPECT_DOUBLE_EQ(palette::ciede2000(QColor(0x10, 0x84, 0xe0), QColor(0x10, 0x84, 0xe0)), 0.0);
}

class SeriesPaletteTheme : public ::testing::TestWithParam<bool> {};

TEST_P(SeriesPaletteTheme, EveryColourStandsOutOnEveryBackground)
{
    const bool dark = GetParam();
    for (const QColor& background : {palette::background(dark), palette::shade(dark)}) {
        for (const QColor& c : drawn(dark))
            EXPECT_GE(palette::contrastRatio(c, background), palette::kMinimumContrast)
                << qPrintable(hex(c)) << " on " << qPrintable(hex(background));
        EXPECT_GE(palette::contrastRatio(palette::conflict(dark), background), palette::kMinimumContrast);
        EXPECT_GE(palette::contrastRatio(palette::text(dark), background), 4.5);  // text proper
    }
}

TEST_P(SeriesPaletteTheme, NoTwoColoursAlike)
{
    const bool dark = GetParam();
    const std::vector<QColor> colours = drawn(dark);
    ASSERT_GE(colours.size(), 9u);  // the timeline's eight lanes and "other"; the charts' top ten
    for (size_t i = 0; i < colours.size(); ++i)
        for (size_t j = i + 1; j < colours.size(); ++j)
            EXPECT_GE(palette::ciede2000(colours[i], colours[j]), palette::kMinimumDistance)
                << qPrintable(hex(colours[i])) << " and " << qPrintable(hex(colours[j]));
    // conflicting values are red bars among bars of the first colour
    EXPECT_GE(palette::ciede2000(palette::conflict(dark), palette::seriesColour(0, dark)), palette::kMinimumDistance);
}

TEST_P(SeriesPaletteTheme, ChartsAndTimelineLanesDrawInIt)
{
    const bool dark = GetParam();
    ChartModel model;
    model.kind = ChartKind::ClaimsOverTime;
    model.stacked = true;
    model.categories = {QStringLiteral("2024-01"), QStringLiteral("2024-02")};
    model.conflict = {false, false};
    const auto colours = palette::series(dark);
    for (size_t s = 0; s < colours.size(); ++s)
        model.sets.push_back({QStringLiteral("Company %1").arg(s), {1, 2}});
    std::unique_ptr<QChart> chart(ChartBuilder::build(model, dark));
    EXPECT_EQ(chart->backgroundBrush().color(), palette::background(dark));
    const auto series = chart->series();
    ASSERT_EQ(series.size(), 1);
    const auto sets = static_cast<QAbstractBarSeries*>(series.first())->barSets();
    ASSERT_EQ(static_cast<size_t>(sets.size()), colours.size());
    for (size_t s = 0; s < colours.size(); ++s)
        EXPECT_EQ(sets[static_cast<qsizetype>(s)]->color(), colours[s]) << s;

    // lanes in the same order; the last, "Other or none", grey
    TimelinePicture picture;
    std::vector<TimelineClaim> claims(2);
    claims[0].date = claims[1].date = PartialDate{2024, 3, 1, DatePrecision::Day};
    claims[0].actors = {QStringLiteral("Baidu")};
    picture.setClaims(claims, {QStringLiteral("Baidu"), QStringLiteral("Huawei")}, LaneMode::Company);
    ASSERT_EQ(picture.lanes().size(), 3);
    EXPECT_EQ(picture.laneColour(0, dark), palette::seriesColour(0, dark));
    EXPECT_EQ(picture.laneColour(1, dark), palette::seriesColour(1, dark));
    EXPECT_EQ(picture.laneColour(2, dark), palette::neutral(dark));
}

INSTANTIATE_TEST_SUITE_P(LightAndDark, SeriesPaletteTheme, ::testing::Values(false, true),
                         [](const ::testing::TestParamInfo<bool>& p) { return p.param ? "Dark" : "Light"; });
