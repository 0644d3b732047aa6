// Query results to chart models to QCharts: categories, values, units, conflict marks, thinning.
#include "ChartsFixture.h"

#include "charts/ChartBuilder.h"
#include "charts/ChartModel.h"
#include "query/ChartQuery.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QLegend>
#include <QLegendMarker>
#include <QValueAxis>

#include <gtest/gtest.h>

#include <memory>

using namespace claimlens;
using namespace claimlens::charts;

namespace {

StatisticValue sv(const QString& subject, double value, const QStringList& sources = {})
{
    return test::statisticValue(subject, value, sources);
}

StatisticSeries patents()
{
    StatisticSeries s;
    s.metricKey = QStringLiteral("patents");
    s.label = QStringLiteral("Patents");
    s.unit = QStringLiteral("count");
    StatisticValue china = sv(QStringLiteral("China"), 38000, {QStringLiteral("WIPO")});
    StatisticValue us = sv(QStringLiteral("United States"), 6276, {QStringLiteral("WIPO")});
    StatisticValue us2 = us;
    us2.value = 7000;
    us2.sources = QStringList{QStringLiteral("Other Daily")};
    us.conflict = us2.conflict = 0;
    s.values = {china, us2, us};
    s.conflicts = {{QStringLiteral("United States"), {}, {7000, 6276}}};
    s.documentCount = 2;
    s.documents = {{1, QStringLiteral("a.txt"), {}, {}}, {2, QStringLiteral("b.txt"), {}, {}}};
    return s;
}

}  // namespace

TEST(ChartModel, RangesFloatAndQualifiersShow)
{
    // "between $2.6tn and $4.4tn a year" is one fact drawn from its lower to its upper bound, its
    // bounds named in the label; "more than 38,000" says so
    StatisticSeries s;
    s.metricKey = QStringLiteral("value");
    s.label = QStringLiteral("Value");
    s.unit = QStringLiteral("usd");
    StatisticValue range = sv(QStringLiteral("Generative AI"), 2.6e12, {QStringLiteral("McKinsey")});
    range.high = 4.4e12;
    StatisticValue single = sv(QStringLiteral("World"), 1.5e12, {QStringLiteral("Gartner")});
    single.qualifier = QStringLiteral("more than");
    s.values = {range, single};
    const ChartModel m = statisticModel(s, {});
    EXPECT_EQ(m.axisTitle, QStringLiteral("USD bn"));
    EXPECT_EQ(m.categories, (QStringList{QStringLiteral("Generative AI: 2,600\u20134,400"), QStringLiteral("World (more than)")}));
    EXPECT_TRUE(m.stacked);
    ASSERT_EQ(m.sets.size(), 3u);
    EXPECT_EQ(m.sets[0].values, (std::vector<double>{0, 1500}));     // single values
    EXPECT_EQ(m.sets[1].role, ChartSet::Role::RangeStart);
    EXPECT_EQ(m.sets[1].values, (std::vector<double>{2600, 0}));     // where the range starts
    EXPECT_EQ(m.sets[2].role, ChartSet::Role::Range);
    EXPECT_EQ(m.sets[2].values, (std::vector<double>{1800, 0}));     // its span
    EXPECT_TRUE(m.captionLines().join(u'\n').contains(QStringLiteral("Ranges are drawn")));
    ASSERT_EQ(m.csvRows.size(), 2u);
    EXPECT_EQ(m.csvRows[0].at(m.csvHeader.indexOf(QStringLiteral("range_high"))), QStringLiteral("4400000000000"));
    EXPECT_EQ(m.csvRows[1].at(m.csvHeader.indexOf(QStringLiteral("qualifier"))), QStringLiteral("more than"));
    // the builder draws the range's start invisibly, and no legend entry names it
    std::unique_ptr<QChart> chart(ChartBuilder::build(m, false));
    auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().first());
    ASSERT_TRUE(series);
    ASSERT_EQ(series->count(), 3);
    EXPECT_EQ(series->barSets().at(1)->color().alpha(), 0);
    EXPECT_FALSE(chart->legend()->markers(series).at(1)->isVisible());
}

TEST(ChartModel, StatisticBarsWithConflictMarks)
{
    DocumentFilter filter;
    filter.countries = QStringList{QStringLiteral("China")};
    const ChartModel m = statisticModel(patents(), filter);
    EXPECT_EQ(m.title, QStringLiteral("Patents"));
    EXPECT_EQ(m.axisTitle, QStringLiteral("count"));
    EXPECT_EQ(m.categories, (QStringList{QStringLiteral("China"), QStringLiteral("United States \u2014 Other Daily"),
                                         QStringLiteral("United States \u2014 WIPO")}));
    ASSERT_EQ(m.sets.size(), 1u);
    EXPECT_EQ(m.sets[0].values, (std::vector<double>{38000, 7000, 6276}));
    EXPECT_EQ(m.conflict, (std::vector<bool>{false, true, true}));
    const QStringList caption = m.captionLines();
    EXPECT_TRUE(caption.join(u'\n').contains(QStringLiteral("Documents disagree on United States: 7,000 vs 6,276")));
    EXPECT_TRUE(caption.join(u'\n').contains(QStringLiteral("Filter: countries China")));
    EXPECT_TRUE(caption.join(u'\n').contains(QStringLiteral("from 2 documents: a.txt, b.txt")));
    ASSERT_EQ(m.csvRows.size(), 3u);
    EXPECT_EQ(m.csvRows[1].at(2), QStringLiteral("7000"));
}

TEST(ChartModel, ChartFromModel)
{
    const ChartModel m = statisticModel(patents(), {});
    std::unique_ptr<QChart> chart(ChartBuilder::build(m, false));
    ASSERT_EQ(chart->series().size(), 1);
    auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().first());
    ASSERT_TRUE(series);
    ASSERT_EQ(series->count(), 1);
    QBarSet* set = series->barSets().first();
    // horizontal: the largest on top, so the bars run bottom to top
    ASSERT_EQ(set->count(), 3);
    EXPECT_EQ(set->at(2), 38000);
    EXPECT_EQ(set->at(0), 6276);
    EXPECT_TRUE(set->isBarSelected(0));
    EXPECT_TRUE(set->isBarSelected(1));
    EXPECT_FALSE(set->isBarSelected(2));
    EXPECT_EQ(ChartBuilder::modelCategory(m, 2), 0);
    auto categories = chart->axes(Qt::Vertical);
    ASSERT_EQ(categories.size(), 1);
    EXPECT_EQ(qobject_cast<QBarCategoryAxis*>(categories.first())->categories().last(), QStringLiteral("China"));
    auto values = chart->axes(Qt::Horizontal);
    ASSERT_EQ(values.size(), 1);
    auto* axis = qobject_cast<QValueAxis*>(values.first());
    EXPECT_EQ(axis->titleText(), QStringLiteral("count"));
    EXPECT_GE(axis->max(), 38000);
    EXPECT_EQ(axis->min(), 0);
    // round ticks: the range splits into whole steps of 1, 2, 2.5 or 5 times a power of ten
    const double step = axis->max() / (axis->tickCount() - 1);
    const double power = std::pow(10.0, std::floor(std::log10(step)));
    const double mantissa = step / power;
    EXPECT_TRUE(mantissa == 1 || mantissa == 2 || mantissa == 2.5 || mantissa == 5) << step;
    EXPECT_TRUE(chart->localizeNumbers());
}

TEST(ChartModel, MoneyInBillionsAndNumbersWithSeparators)
{
    StatisticSeries s;
    s.metricKey = QStringLiteral("ai_investment");
    s.label = QStringLiteral("AI investment");
    s.unit = QStringLiteral("usd");
    s.values = {sv(QStringLiteral("United States"), 67200000000.0, {})};
    const ChartModel m = statisticModel(s, {});
    EXPECT_EQ(m.axisTitle, QStringLiteral("USD bn"));
    EXPECT_DOUBLE_EQ(m.sets[0].values[0], 67.2);
    EXPECT_EQ(formatNumber(38000), QStringLiteral("38,000"));
    EXPECT_EQ(formatNumber(67200000000.0), QStringLiteral("67,200,000,000"));
    EXPECT_EQ(formatNumber(8.6), QStringLiteral("8.6"));
    EXPECT_EQ(formatNumber(0.1 + 0.2), QStringLiteral("0.3"));
}

TEST(ChartModel, ThinnedToThePlot)
{
    StatisticSeries s;
    s.metricKey = QStringLiteral("users");
    s.unit = QStringLiteral("count");
    for (int i = 0; i < 500; ++i)
        s.values.push_back(sv(QStringLiteral("Company %1").arg(i), 1000.0 - i));
    const ChartModel m = statisticModel(s, {}, ChartBuilder::barCapacity(ChartModel{}, QSize(1200, 800)));
    EXPECT_LT(m.categories.size(), 60);
    EXPECT_EQ(m.categories.first(), QStringLiteral("Company 0"));
    EXPECT_TRUE(m.notes.join(u' ').contains(QStringLiteral("not shown")));

    std::vector<EntityDocuments> many;
    for (int i = 0; i < 100; ++i)
        many.push_back({QStringLiteral("C%1").arg(i), 100 - i});
    const ChartModel mentions = mentionsModel(many, EntityKind::Company, {}, 100, 10);
    EXPECT_EQ(mentions.categories.size(), 10);
    EXPECT_TRUE(mentions.notes.join(u' ').contains(QStringLiteral("90 companies")));
}

TEST(ChartModel, ClaimsStackedByCompanyFromTheFixture)
{
    auto& f = test::ChartsFixture::shared();
    ChartQuery q(f.db());
    auto companies = q.selectedCompanies({}, 6);
    auto claims = q.claimsOverTime({}, *companies, TimeBucket::Year);
    ASSERT_TRUE(claims.ok());
    const ChartModel m = claimsModel(*claims, {});
    EXPECT_TRUE(m.stacked);
    EXPECT_EQ(m.categories, claims->periods);
    for (const ChartSet& set : m.sets) {
        EXPECT_TRUE(companies->contains(set.name));
        EXPECT_TRUE(std::any_of(set.values.begin(), set.values.end(), [](double v) { return v > 0; }));
    }
    std::unique_ptr<QChart> chart(ChartBuilder::build(m, true));
    auto* series = qobject_cast<QAbstractBarSeries*>(chart->series().first());
    EXPECT_EQ(series->count(), static_cast<int>(m.sets.size()));
    EXPECT_EQ(chart->theme(), QChart::ChartThemeDark);
}

TEST(ChartModel, TwoValuesFromOneSourceKeepABarEach)
{
    // One survey reporting two rates for the same country (a reading to check, and so a conflict):
    // a bar axis keeps one category per label, so equal labels would shift every bar after them.
    StatisticSeries s;
    s.metricKey = QStringLiteral("usage");
    s.label = QStringLiteral("Usage rate");
    s.unit = QStringLiteral("percent");
    StatisticValue china = sv(QStringLiteral("China"), 83, {QStringLiteral("Survey Wire")});
    StatisticValue us = sv(QStringLiteral("United States"), 65, {QStringLiteral("Survey Wire")});
    StatisticValue us2 = us;
    us2.value = 54;
    us.conflict = us2.conflict = 0;
    s.values = {china, us, us2};
    s.conflicts = {{QStringLiteral("United States"), {}, {65, 54}}};
    const ChartModel m = statisticModel(s, {});
    ASSERT_EQ(m.categories.size(), 3);
    QStringList unique = m.categories;
    EXPECT_EQ(unique.removeDuplicates(), 0);
    std::unique_ptr<QChart> chart(ChartBuilder::build(m, false));
    auto* axis = qobject_cast<QBarCategoryAxis*>(chart->axes(Qt::Vertical).first());
    EXPECT_EQ(axis->count(), 3) << "a bar for every value";
    EXPECT_EQ(axis->categories().last(), QStringLiteral("China"));
}
