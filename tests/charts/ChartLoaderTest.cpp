// The chart tabs read on the ChartLoader's worker thread: what they draw is what ChartQuery finds,
// only the newest request's answer is drawn, the ChartIndex is built there (never on the GUI
// thread) once per database, the tab says so meanwhile, and the worker follows another database.
#include "ChartsFixture.h"

#include "charts/ChartLoader.h"
#include "charts/ChartsTab.h"
#include "charts/TimelineTab.h"
#include "query/ChartIndex.h"

#include <QApplication>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <mutex>

using namespace claimlens;
using namespace claimlens::charts;

namespace {

template <typename Tab>
bool settled(Tab& tab)
{
    return QTest::qWaitFor([&] { return !tab.isLoading(); }, 30000);
}

/// Waits until everything asked of `loader` before now has been answered (its queue is in order).
bool drained(ChartLoader& loader, QObject* receiver)
{
    ChartTicket ticket;
    bool done = false;
    loader.request<int>(
        ticket, receiver, false, [](ChartQuery&) { return 0; }, [&](int&&) { done = true; },
        [&](const QString&) { done = true; });
    return QTest::qWaitFor([&] { return done; }, 30000);
}

/// Records the thread of every ChartIndex load of a loader's worker (it must outlive the loader).
class IndexBuilds {
public:
    void watch(ChartLoader& loader)
    {
        loader.setIndexLoadHook([this](const ChartIndex&) {
            std::lock_guard lock(m_mutex);
            m_threads.push_back(QThread::currentThread());
        });
    }
    std::vector<QThread*> threads()
    {
        std::lock_guard lock(m_mutex);
        return m_threads;
    }

private:
    std::mutex m_mutex;
    std::vector<QThread*> m_threads;
};

DocumentFilter companies(const QString& name)
{
    DocumentFilter f;
    f.companies = QStringList{name};
    return f;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

}  // namespace

TEST(ChartLoader, TheTabDrawsWhatTheWorkerReadsAndOnlyTheWorkerBuildsTheIndex)
{
    auto& f = test::ChartsFixture::shared();
    IndexBuilds builds;
    ChartLoader loader;
    builds.watch(loader);
    ChartsTab tab;
    tab.resize(1300, 900);
    tab.setLoader(&loader);
    tab.show();
    QSignalSpy preparing(&loader, &ChartLoader::preparing);
    bool busyShown = false;
    QString busyText;
    QObject::connect(&loader, &ChartLoader::preparing, &tab, [&] {
        // the tab reacted first (it connected first): its overlay is up while the index builds
        auto* busy = tab.findChild<QLabel*>(QStringLiteral("chartBusy"));
        busyShown = busy && busy->isVisible();
        busyText = busy ? busy->text() : QString();
    });
    tab.setDatabase(&f.db());
    tab.showChart(ChartKind::CompanyMentions);
    ASSERT_TRUE(settled(tab));
    EXPECT_EQ(preparing.count(), 0);  // unfiltered charts read the stored aggregates, no index

    const DocumentFilter baidu = companies(QStringLiteral("Baidu"));
    tab.setFilter(baidu);
    EXPECT_TRUE(tab.isLoading());
    EXPECT_EQ(tab.currentModel(), nullptr);  // nothing drawn on the GUI thread before the answer
    ASSERT_TRUE(settled(tab));
    ASSERT_TRUE(tab.currentModel());

    // what the SQL path finds on the test's own connection
    auto expected = ChartQuery(f.db(), ChartPath::Sql).documentsPerEntity(baidu, EntityKind::Company, 10);
    ASSERT_TRUE(expected.ok());
    QStringList names;
    for (const EntityDocuments& e : *expected)
        names.append(e.name);
    EXPECT_EQ(sorted(tab.currentModel()->categories), sorted(names));
    EXPECT_TRUE(tab.currentModel()->filterText.contains(QStringLiteral("Baidu")));
    EXPECT_TRUE(tab.canExport());

    // the index was built once, on the worker, announced with the number of documents
    ASSERT_EQ(preparing.count(), 1);
    EXPECT_EQ(preparing.first().at(0).toInt(), f.count("SELECT count(*) FROM documents"));
    EXPECT_TRUE(busyShown);
    EXPECT_TRUE(busyText.contains(QStringLiteral("Preparing chart data for %1 documents").arg(f.count("SELECT count(*) FROM documents"))))
        << busyText.toStdString();
    EXPECT_GT(loader.lastIndexBuildMs(), 0);
    const std::vector<QThread*> threads = builds.threads();
    ASSERT_EQ(threads.size(), 1u);
    EXPECT_EQ(threads.front(), loader.thread());
    EXPECT_NE(threads.front(), QApplication::instance()->thread());

    // later filters and charts reuse it
    tab.setFilter(companies(QStringLiteral("IBM")));
    ASSERT_TRUE(settled(tab));
    tab.showChart(ChartKind::ClaimsOverTime);
    ASSERT_TRUE(settled(tab));
    EXPECT_TRUE(tab.currentModel()->stacked);
    EXPECT_EQ(preparing.count(), 1);
    EXPECT_EQ(builds.threads().size(), 1u);

    // the timeline shares the worker and its index
    TimelineTab timeline;
    timeline.setLoader(&loader);
    timeline.setFilter(baidu);
    timeline.setDatabase(&f.db());
    ASSERT_TRUE(settled(timeline));
    EXPECT_FALSE(timeline.view()->picture().claims().empty());
    EXPECT_EQ(timeline.view()->picture().lanes().first(), QStringLiteral("Baidu"));
    EXPECT_EQ(builds.threads().size(), 1u);
}

TEST(ChartLoader, AStaleAnswerIsDroppedWhenTheFilterChangesTwiceQuickly)
{
    auto& f = test::ChartsFixture::shared();
    ChartLoader loader;
    ChartsTab tab;
    tab.resize(1300, 900);
    tab.setLoader(&loader);
    tab.setDatabase(&f.db());
    tab.showChart(ChartKind::CompanyMentions);
    ASSERT_TRUE(settled(tab));
    ASSERT_TRUE(drained(loader, &tab));

    QSignalSpy ready(&tab, &ChartsTab::chartReady);
    const int staleBefore = loader.staleCount();
    tab.setFilter(companies(QStringLiteral("IBM")));
    tab.setFilter(companies(QStringLiteral("Baidu")));
    ASSERT_TRUE(ready.wait(30000) || ready.count() > 0);
    ASSERT_TRUE(drained(loader, &tab));  // IBM's answer, if it was read at all, came before Baidu's
    EXPECT_EQ(ready.count(), 1);
    EXPECT_EQ(loader.staleCount(), staleBefore + 1);  // skipped on the worker or dropped on arrival
    ASSERT_TRUE(tab.currentModel());
    EXPECT_TRUE(tab.currentModel()->filterText.contains(QStringLiteral("Baidu")));
    EXPECT_FALSE(tab.currentModel()->filterText.contains(QStringLiteral("IBM")));
    auto expected = ChartQuery(f.db(), ChartPath::Sql).documentsPerEntity(companies(QStringLiteral("Baidu")), EntityKind::Company, 10);
    ASSERT_TRUE(expected.ok());
    ASSERT_FALSE(expected->empty());
    EXPECT_TRUE(tab.currentModel()->categories.contains(expected->front().name));

    // a chart choice changed while a bar's sentences are read drops them too
    tab.showChart(ChartKind::CountryMentions);
    tab.showChart(ChartKind::ClaimsOverTime);
    ASSERT_TRUE(settled(tab));
    ASSERT_TRUE(drained(loader, &tab));
    EXPECT_EQ(ready.count(), 2);
    EXPECT_EQ(tab.currentModel()->kind, ChartKind::ClaimsOverTime);
}

TEST(ChartLoader, FollowsAnotherDatabaseAndReportsErrorsInTheTab)
{
    auto& f = test::ChartsFixture::shared();
    test::Workspace ws;
    ws.write(QStringLiteral("one/note.html"),
             "<html><head><title>Chart loader test</title></head><body><h1>Chart loader test</h1>"
             "<p>Baidu said in March 2024 that it had filed 120 patents in China.</p></body></html>");
    auto other = test::ingestAndOpen(ws, ws.path(QStringLiteral("one")), 1);
    ASSERT_TRUE(other);

    ChartLoader loader;
    ChartsTab tab;
    tab.resize(1300, 900);
    tab.setLoader(&loader);
    tab.setDatabase(&f.db());
    tab.showChart(ChartKind::CompanyMentions);
    ASSERT_TRUE(settled(tab));
    ASSERT_TRUE(tab.currentModel());
    EXPECT_EQ(tab.currentModel()->documentCount, f.count("SELECT count(*) FROM documents"));

    tab.setDatabase(&*other);
    EXPECT_EQ(loader.databasePath(), other->path());
    ASSERT_TRUE(settled(tab));
    ASSERT_TRUE(tab.currentModel());
    EXPECT_EQ(tab.currentModel()->documentCount, 1);

    // a file that is no database: the worker's error shows where the tab shows errors
    const QString junk = ws.write(QStringLiteral("junk.sqlite"), QByteArray(4096, 'x'));
    loader.setDatabasePath(junk);
    tab.setFilter(companies(QStringLiteral("Baidu")));
    ASSERT_TRUE(settled(tab));
    EXPECT_EQ(tab.currentModel(), nullptr);
    EXPECT_FALSE(tab.canExport());
    bool messageShown = false;
    for (QLabel* label : tab.findChildren<QLabel*>())
        if (label->objectName() != QStringLiteral("chartBusy") && !label->text().isEmpty() && label->isVisibleTo(&tab) &&
            label->text().contains(QStringLiteral("database"), Qt::CaseInsensitive))
            messageShown = true;
    EXPECT_TRUE(messageShown);
}
