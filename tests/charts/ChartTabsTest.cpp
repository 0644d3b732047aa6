// The two tabs the window embeds, offscreen over the fixture database: they follow the filter,
// list a bar's sentences, export, and look right (CLAIMLENS_CHART_SHOTS=DIR keeps their pictures).
#include "ChartsFixture.h"

#include "charts/ChartBuilder.h"
#include "charts/ChartsTab.h"
#include "charts/TimelineTab.h"

#include <QAbstractBarSeries>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::charts;

namespace {

void keepShot(QWidget& w, const QString& name)
{
    const QString dir = qEnvironmentVariable("CLAIMLENS_CHART_SHOTS");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    w.grab().save(QDir(dir).filePath(name));
}

/// Until the tab's worker has answered and the answer is drawn.
template <typename Tab>
bool settled(Tab& tab)
{
    return QTest::qWaitFor([&] { return !tab.isLoading(); }, 30000);
}

}  // namespace

TEST(ChartsTab, ShowsEveryKindAndFollowsTheFilter)
{
    auto& f = test::ChartsFixture::shared();
    ChartsTab tab;
    EXPECT_FALSE(tab.canExport());
    tab.resize(1300, 900);
    tab.setDatabase(&f.db());
    ASSERT_TRUE(settled(tab));
    // the presets exist because the fixture reports patents and usage rates
    auto* kinds = tab.findChild<QComboBox*>();
    ASSERT_TRUE(kinds);
    EXPECT_GE(kinds->findText(QStringLiteral("Patent counts")), 0);
    EXPECT_GE(kinds->findText(QStringLiteral("Usage rates")), 0);
    kinds->setCurrentIndex(kinds->findText(QStringLiteral("Patent counts")));
    ASSERT_TRUE(settled(tab));
    ASSERT_TRUE(tab.currentModel());
    EXPECT_EQ(tab.currentModel()->metricKey, QStringLiteral("patents"));
    EXPECT_TRUE(tab.currentModel()->categories.contains(QStringLiteral("Tencent")));
    EXPECT_TRUE(tab.canExport());
    tab.show();
    QTest::qWait(50);
    keepShot(tab, QStringLiteral("charts-tab-patents.png"));

    // a click on a bar lists its sentences (read on the worker), and a double click opens the first
    const auto& facts = tab.currentModel()->statisticValues;
    const auto chinaFact = std::find_if(facts.begin(), facts.end(), [](const StatisticValue& v) {
        return v.subject == QStringLiteral("China") && v.period == QStringLiteral("2014-2023") && v.value == 38000;
    });
    ASSERT_NE(chinaFact, facts.end());
    const int china = static_cast<int>(chinaFact - facts.begin());
    EXPECT_TRUE(tab.currentModel()->categories.at(china).startsWith(QStringLiteral("China (2014-2023, more than)")))
        << qPrintable(tab.currentModel()->categories.at(china));
    ASSERT_GE(china, 0);
    auto* series = qobject_cast<QAbstractBarSeries*>(tab.chart()->series().first());
    ASSERT_TRUE(series);
    int chinaBar = -1;
    for (int i = 0; i < tab.currentModel()->categories.size() && chinaBar < 0; ++i)
        if (ChartBuilder::modelCategory(*tab.currentModel(), i) == china)
            chinaBar = i;
    ASSERT_GE(chinaBar, 0);
    QSignalSpy listed(&tab, &ChartsTab::evidenceReady);
    Q_EMIT series->clicked(chinaBar, series->barSets().first());
    ASSERT_TRUE(QTest::qWaitFor([&] { return listed.count() > 0; }, 30000));
    auto* evidence = tab.findChild<QListWidget*>();
    ASSERT_TRUE(evidence);
    ASSERT_GT(evidence->count(), 0);
    EXPECT_TRUE(evidence->item(0)->text().contains(QStringLiteral("38,000")) ||
                evidence->item(0)->text().contains(QStringLiteral("38000")))
        << qPrintable(evidence->item(0)->text());
    QSignalSpy opened(&tab, &ChartsTab::openDocument);
    const int bar = static_cast<int>(tab.currentModel()->categories.size()) - 1;  // the top bar
    Q_EMIT series->doubleClicked(bar, series->barSets().first());
    ASSERT_TRUE(QTest::qWaitFor([&] { return opened.count() > 0; }, 30000));  // read on the worker
    ASSERT_EQ(opened.count(), 1);
    EXPECT_GT(opened.first().at(0).toLongLong(), 0);

    const int all = tab.currentModel()->documentCount;
    DocumentFilter ibm;
    ibm.companies = QStringList{QStringLiteral("IBM")};
    tab.setFilter(ibm);
    ASSERT_TRUE(settled(tab));
    EXPECT_LT(tab.currentModel()->documentCount, all);
    EXPECT_TRUE(tab.currentModel()->filterText.contains(QStringLiteral("IBM")));
    tab.setFilter({});
    ASSERT_TRUE(settled(tab));

    tab.showChart(ChartKind::Statistic, QStringLiteral("genai_usage"));
    ASSERT_TRUE(settled(tab));
    EXPECT_TRUE(std::find(tab.currentModel()->conflict.begin(), tab.currentModel()->conflict.end(), true) !=
                tab.currentModel()->conflict.end());
    QTest::qWait(20);
    keepShot(tab, QStringLiteral("charts-tab-usage.png"));
    tab.showChart(ChartKind::CompanyMentions);
    ASSERT_TRUE(settled(tab));
    EXPECT_EQ(tab.currentModel()->categories.size(), 10);  // top 10 by default
    QTest::qWait(20);
    keepShot(tab, QStringLiteral("charts-tab-companies.png"));
    tab.showChart(ChartKind::CountryMentions);
    ASSERT_TRUE(settled(tab));
    EXPECT_EQ(tab.currentModel()->categories.first(), QStringLiteral("China"));
    tab.showChart(ChartKind::ClaimsOverTime);
    ASSERT_TRUE(settled(tab));
    EXPECT_TRUE(tab.currentModel()->stacked);
    QTest::qWait(20);
    keepShot(tab, QStringLiteral("charts-tab-claims.png"));

    test::Workspace ws;
    ASSERT_TRUE(tab.exportTo(ws.path(QStringLiteral("claims.png")), {}).ok());
    EXPECT_EQ(QImage(ws.path(QStringLiteral("claims.png"))).size(), QSize(2400, 1600));

    tab.setDatabase(nullptr);
    EXPECT_FALSE(tab.canExport());
}

TEST(TimelineTab, EveryClaimInALaneOrTheUndatedStrip)
{
    auto& f = test::ChartsFixture::shared();
    TimelineTab tab;
    tab.resize(1300, 700);
    tab.setDatabase(&f.db());
    ASSERT_TRUE(settled(tab));
    const TimelinePicture& picture = tab.view()->picture();
    EXPECT_EQ(static_cast<int>(picture.claims().size()), f.count("SELECT count(*) FROM claims"));
    EXPECT_GT(picture.undatedCount(), 0);
    EXPECT_FALSE(picture.lanes().isEmpty());
    EXPECT_TRUE(tab.canExport());
    tab.show();
    QTest::qWait(50);
    keepShot(tab, QStringLiteral("timeline-tab.png"));

    // keyboard zoom and fit all
    const auto full = tab.view()->visibleRange();
    tab.view()->setFocus();
    QTest::keyClick(tab.view(), Qt::Key_Plus);
    const auto zoomed = tab.view()->visibleRange();
    EXPECT_LT(zoomed.second - zoomed.first, full.second - full.first);
    QTest::keyClick(tab.view(), Qt::Key_Right);
    EXPECT_GT(tab.view()->visibleRange().first, zoomed.first);
    QTest::keyClick(tab.view(), Qt::Key_0);
    EXPECT_EQ(tab.view()->visibleRange(), full);

    // a click on a mark opens its claim
    QSignalSpy opened(&tab, &TimelineTab::openDocument);
    bool clicked = false;
    for (int y = 40; y < tab.view()->height() && !clicked; y += 4)
        for (int x = 160; x < tab.view()->width() && !clicked; x += 3) {
            QTest::mouseClick(tab.view(), Qt::LeftButton, {}, QPoint(x, y));
            clicked = opened.count() > 0;
        }
    EXPECT_TRUE(clicked);

    tab.setLaneMode(LaneMode::Country);
    ASSERT_TRUE(settled(tab));
    EXPECT_TRUE(tab.view()->picture().lanes().contains(QStringLiteral("China")));
    QTest::qWait(20);
    keepShot(tab, QStringLiteral("timeline-tab-countries.png"));
    tab.setLaneMode(LaneMode::Company);
    ASSERT_TRUE(settled(tab));

    DocumentFilter baidu;
    baidu.companies = QStringList{QStringLiteral("Baidu")};
    tab.setFilter(baidu);
    ASSERT_TRUE(settled(tab));
    EXPECT_LT(tab.view()->picture().claims().size(), static_cast<size_t>(f.count("SELECT count(*) FROM claims")));
    EXPECT_EQ(tab.view()->picture().lanes().first(), QStringLiteral("Baidu"));
    tab.setFilter({});
    ASSERT_TRUE(settled(tab));

    test::Workspace ws;
    ASSERT_TRUE(tab.exportTo(ws.path(QStringLiteral("timeline.svg")), {}).ok());
    const QByteArray svg = test::readAll(ws.path(QStringLiteral("timeline.svg")));
    EXPECT_TRUE(svg.contains("Claims over time by company"));
    EXPECT_TRUE(svg.contains("Undated ("));
    ASSERT_TRUE(tab.exportTo(ws.path(QStringLiteral("timeline.png")), {}).ok());
    const QImage png(ws.path(QStringLiteral("timeline.png")));
    EXPECT_EQ(png.size(), QSize(2400, 1600));
    EXPECT_TRUE(png.text(QStringLiteral("Description")).contains(QStringLiteral("undated")));
    if (const QString dir = qEnvironmentVariable("CLAIMLENS_CHART_SHOTS"); !dir.isEmpty()) {
        EXPECT_TRUE(tab.exportTo(QDir(dir).filePath(QStringLiteral("timeline-export.png")), {}).ok());
    }
}

TEST(TimelineTab, AxisLabelsNeverCrowdAtAnyZoom)
{
    // from two days to fifty years across a wide and a narrow plot: year and month labels at least
    // 70 px apart, full dates ("12 Mar 2024") at least 100
    const double start = static_cast<double>(QDate(2024, 3, 1).toJulianDay());
    for (double width : {300.0, 1200.0})
        for (double span : {2.0, 10.0, 40.0, 120.0, 200.0, 395.0, 800.0, 3000.0, 18000.0}) {
            const std::vector<TimelineTick> ticks = timelineTicks(start, start + span, width);
            ASSERT_FALSE(ticks.empty()) << span << " days over " << width << " px";
            for (size_t i = 1; i < ticks.size(); ++i) {
                const double apart = (ticks[i].day - ticks[i - 1].day) / span * width;
                const bool fullDate = ticks[i].label.count(u' ') == 2;
                EXPECT_GE(apart, fullDate ? 100 : 69) << span << " days over " << width << " px: "
                                                      << qPrintable(ticks[i - 1].label) << " / " << qPrintable(ticks[i].label);
            }
        }
}
