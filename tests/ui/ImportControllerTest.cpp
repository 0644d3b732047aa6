#include "ImportController.h"
#include "TestSupport.h"
#include "query/DocumentListQuery.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

void writeArticles(const test::Workspace& ws, int n)
{
    for (int i = 0; i < n; ++i)
        ws.write(QStringLiteral("in/%1.txt").arg(i, 4, 10, QLatin1Char('0')),
                 "Tencent said on Monday that article " + QByteArray::number(i) +
                     " counts 12 engineers in Shenzhen.\n\nBaidu answered the next day.\n");
}

}  // namespace

TEST(ImportControllerTest, ReportsProgressOnTheGuiThreadAndFinishes)
{
    test::Workspace ws;
    writeArticles(ws, 40);
    ImportController importer;
    QSignalSpy started(&importer, &ImportController::started);
    QSignalSpy progress(&importer, &ImportController::progress);
    QSignalSpy finished(&importer, &ImportController::finished);
    ASSERT_TRUE(importer.start({ws.path(QStringLiteral("in"))}, ws.database()));
    EXPECT_TRUE(importer.isRunning());
    EXPECT_FALSE(importer.start({ws.path(QStringLiteral("in"))}, ws.database())) << "one import at a time";
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_FALSE(importer.isRunning());
    ASSERT_EQ(started.count(), 1);
    EXPECT_EQ(started.first().first().toInt(), 40);
    ASSERT_GE(progress.count(), 1);
    EXPECT_EQ(progress.last().at(0).toInt(), 40) << "the last file is always reported";
    const IngestResult r = finished.first().first().value<IngestResult>();
    EXPECT_EQ(r.imported, 40);
    EXPECT_FALSE(r.cancelled);
    EXPECT_EQ(importSummary(r), QStringLiteral("40 new documents"));
}

TEST(ImportControllerTest, CancelStopsAndKeepsWhatWasCommitted)
{
    test::Workspace ws;
    writeArticles(ws, 1500);
    ImportController importer;
    QSignalSpy finished(&importer, &ImportController::finished);
    QSignalSpy progress(&importer, &ImportController::progress);
    ASSERT_TRUE(importer.start({ws.path(QStringLiteral("in"))}, ws.database()));
    ASSERT_TRUE(progress.wait(60000));
    importer.cancel();
    ASSERT_TRUE(finished.count() == 1 || finished.wait(60000));
    const IngestResult r = finished.first().first().value<IngestResult>();
    EXPECT_TRUE(r.cancelled);
    EXPECT_LT(r.imported, 1500);
    EXPECT_TRUE(importSummary(r).startsWith(QStringLiteral("Import cancelled after")));
    auto db = Database::open(ws.database());
    ASSERT_TRUE(db.ok());
    EXPECT_EQ(*DocumentListQuery(*db).count({}), r.imported) << "every counted document is stored, no other";
    EXPECT_EQ(test::integrityProblems(*db), QStringList{});
}
