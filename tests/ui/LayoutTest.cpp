// The window's layout at the smallest size it is used at (1000x650) and a large one (1600x1000):
// the tables' key columns stay in view, their text column takes the width, and the filter panel
// keeps its width whichever tab is shown.
#include "UiTestSupport.h"

#include "FilterPanel.h"
#include "MainWindow.h"
#include "TestSupport.h"
#include "models/ClaimListModel.h"
#include "models/DocumentListModel.h"

#include <QHeaderView>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

struct Table {
    QTableView* view;
    int tab;
    int stretching;
    std::vector<int> keys;
};

void resizeAndSettle(MainWindow& window, int width, int height)
{
    window.resize(width, height);
    QTest::qWait(50);
    ASSERT_EQ(window.size(), QSize(width, height)) << "the window's minimum size is larger";
}

/// Whether a column is wholly inside the table's viewport (scrolled to its start).
void expectInView(QTableView* view, int section, const char* what)
{
    const QHeaderView* header = view->horizontalHeader();
    const int left = header->sectionViewportPosition(section);
    EXPECT_GE(left, 0) << what << " column " << section;
    EXPECT_LE(left + header->sectionSize(section), view->viewport()->width())
        << what << " column " << section << " ends at " << left + header->sectionSize(section) << " of "
        << view->viewport()->width();
}

class LayoutTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.show();
        ASSERT_TRUE(window.openDatabase(ws.database()));
        QSignalSpy finished(window.importer(), &ImportController::finished);
        ASSERT_TRUE(window.importPaths(test::goldArticleFiles()));
        ASSERT_TRUE(finished.wait(60000));
        QTest::qWait(50);
        tables = {{window.documentView(), 0, DocumentListModel::Title,
                   {DocumentListModel::Source, DocumentListModel::Published, DocumentListModel::Companies}},
                  {window.claimView(), 1, ClaimListModel::Text, {ClaimListModel::Actors, ClaimListModel::Date, ClaimListModel::Reported}}};
    }

    test::Workspace ws;
    MainWindow window;
    std::vector<Table> tables;
};

}  // namespace

TEST_F(LayoutTest, AtTheSmallestSizeTheTextYieldsAndKeyColumnsStayInView)
{
    resizeAndSettle(window, 1000, 650);
    for (const Table& t : tables) {
        window.tabs()->setCurrentIndex(t.tab);
        QTest::qWait(20);
        ASSERT_GT(t.view->model()->rowCount(), 0);
        for (int key : t.keys)
            expectInView(t.view, key, t.view->objectName().toUtf8().constData());
        expectInView(t.view, t.stretching, "text");
        EXPECT_GE(t.view->horizontalHeader()->sectionSize(t.stretching), 160);  // still a column one can read
    }
}

TEST_F(LayoutTest, AtALargeSizeTheTextColumnTakesTheWidth)
{
    resizeAndSettle(window, 1600, 1000);
    for (const Table& t : tables) {
        window.tabs()->setCurrentIndex(t.tab);
        QTest::qWait(20);
        const QHeaderView* header = t.view->horizontalHeader();
        // no empty band after the last column, and the text column is the one that grew
        EXPECT_NEAR(header->length(), t.view->viewport()->width(), 1) << t.view->objectName().toStdString();
        EXPECT_GE(header->sectionSize(t.stretching), 400) << t.view->objectName().toStdString();
        for (int key : t.keys)
            expectInView(t.view, key, t.view->objectName().toUtf8().constData());
    }
    // a column the user widens keeps its width, and the text column gives way
    QTableView* claims = window.claimView();
    window.tabs()->setCurrentIndex(1);
    const int text = claims->horizontalHeader()->sectionSize(ClaimListModel::Text);
    claims->horizontalHeader()->resizeSection(ClaimListModel::Actors, 300);
    QTest::qWait(20);
    EXPECT_EQ(claims->horizontalHeader()->sectionSize(ClaimListModel::Actors), 300);
    EXPECT_LT(claims->horizontalHeader()->sectionSize(ClaimListModel::Text), text);
    resizeAndSettle(window, 1300, 800);
    resizeAndSettle(window, 1600, 1000);
    EXPECT_EQ(claims->horizontalHeader()->sectionSize(ClaimListModel::Actors), 300);
}

TEST_F(LayoutTest, TheFilterPanelKeepsItsWidthAcrossTabs)
{
    for (const QSize size : {QSize(1000, 650), QSize(1600, 1000)}) {
        resizeAndSettle(window, size.width(), size.height());
        window.tabs()->setCurrentIndex(0);
        QTest::qWait(50);
        const int width = window.filterPanel()->width();
        for (int tab = 1; tab < window.tabs()->count(); ++tab) {
            window.tabs()->setCurrentIndex(tab);
            QTest::qWait(200);  // the charts and the timeline read and lay out
            EXPECT_EQ(window.filterPanel()->width(), width) << "tab " << tab << " at " << size.width() << "x" << size.height();
        }
        window.tabs()->setCurrentIndex(0);
        QTest::qWait(50);
        EXPECT_EQ(window.filterPanel()->width(), width);
    }
}
