#include "ReaderView.h"
#include "TestSupport.h"
#include "query/ReaderQuery.h"

#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

class ReaderViewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ws.write(QStringLiteral("in/kling.txt"),
                 "Kuaishou Opens Kling to the World\n\nBy Wen Hao\nJune 6, 2024\n\n"
                 "Kuaishou said on Thursday that its Kling video model is open to users outside China. "
                 "The company reported that 83% of its testers preferred Kling to Sora, which OpenAI has not released.\n\n"
                 "Share this article\nLeave a Comment\n");
        db = test::ingestAndOpen(ws, QStringLiteral("in"), 1);
        ASSERT_TRUE(db.has_value());
        auto doc = ReaderQuery(*db).load(1);
        ASSERT_TRUE(doc.ok()) << qPrintable(doc.ok() ? QString() : doc.error());
        loaded = std::move(*doc);
    }
    int at(const QString& words) const { return static_cast<int>(loaded->text.indexOf(words)); }
    test::Workspace ws;
    std::optional<Database> db;
    std::optional<ReaderDocument> loaded;
};

}  // namespace

TEST_F(ReaderViewTest, MarksEntitiesStatisticsAndProductsWithWhatWasRead)
{
    ReaderView view;
    view.setDocument(loaded);
    const int kuaishou = view.positionOf(at(QStringLiteral("Kuaishou said")));
    ASSERT_GE(kuaishou, 0);
    EXPECT_TRUE(view.detailsAt(kuaishou).contains(QStringLiteral("Company: Kuaishou"))) << qPrintable(view.detailsAt(kuaishou));
    const int kling = view.positionOf(at(QStringLiteral("Kling video")));
    EXPECT_TRUE(view.detailsAt(kling).contains(QStringLiteral("Product Kling of Kuaishou"))) << qPrintable(view.detailsAt(kling));
    const int sora = view.positionOf(at(QStringLiteral("Sora")));
    EXPECT_TRUE(view.detailsAt(sora).contains(QStringLiteral("of OpenAI"))) << qPrintable(view.detailsAt(sora));
    const int percent = view.positionOf(at(QStringLiteral("83%")));
    EXPECT_TRUE(view.detailsAt(percent).contains(QStringLiteral("Statistic: "))) << qPrintable(view.detailsAt(percent));
    EXPECT_TRUE(view.detailsAt(percent).contains(QStringLiteral("83%")));
    // Plain words carry no mark.
    const int users = view.positionOf(at(QStringLiteral("users outside")));
    EXPECT_FALSE(view.detailsAt(users).contains(QStringLiteral("Company")));
}

TEST_F(ReaderViewTest, ClickingACompanyAsksToFilterByIt)
{
    ReaderView view;
    view.setDocument(loaded);
    QSignalSpy clicked(&view, &ReaderView::companyClicked);
    Q_EMIT view.anchorClicked(QUrl(QStringLiteral("claimlens:company/Kuaishou")));
    ASSERT_EQ(clicked.count(), 1);
    EXPECT_EQ(clicked.first().first().toString(), QStringLiteral("Kuaishou"));
}

TEST_F(ReaderViewTest, FurnitureIsCollapsedButNeverLost)
{
    ReaderView view;
    view.setDocument(loaded);
    ASSERT_EQ(view.furnitureCount(), 2);
    EXPECT_FALSE(view.toPlainText().contains(QStringLiteral("Leave a Comment")));
    EXPECT_TRUE(view.toPlainText().contains(QStringLiteral("2 lines of page furniture hidden")));
    view.setFurnitureShown(true);
    EXPECT_TRUE(view.toPlainText().contains(QStringLiteral("Leave a Comment")));
    // Marks stay on their words whether furniture is shown or not.
    const int kuaishou = view.positionOf(at(QStringLiteral("Kuaishou said")));
    EXPECT_TRUE(view.detailsAt(kuaishou).contains(QStringLiteral("Company: Kuaishou")));
}

TEST_F(ReaderViewTest, ShowsASentenceAndHighlightsSearchWords)
{
    ReaderView view;
    view.setDocument(loaded);
    ASSERT_GE(loaded->sentences.size(), 2u);
    const ReaderSentence& second = loaded->sentences[1];
    ASSERT_TRUE(view.showSentence(second.ordinal));
    ASSERT_EQ(view.extraSelections().size(), 1);
    EXPECT_EQ(view.extraSelections().first().cursor.selectedText().simplified(),
              loaded->text.mid(second.start, second.end - second.start).simplified());
    view.setSearchTerms({QStringLiteral("kling")});
    EXPECT_EQ(view.extraSelections().size(), 1 + 3) << "the sentence and three times Kling";
    EXPECT_FALSE(view.showSentence(999));
}
