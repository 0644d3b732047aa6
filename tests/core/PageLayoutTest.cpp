#include "structure/PageLayout.h"
#include "structure/StructureParser.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

PageLayout layout()
{
    static const auto rules = StructureRules::defaults();
    return PageLayout(*rules, [](int) { return true; });
}

/// `header` over one paragraph of text.
Article read(const char* header)
{
    return StructureParser().parse(QString::fromUtf8(header) +
                                   QStringLiteral("\n\nThe port authority said on Monday that container volumes rose "
                                                  "for a fourth month, helped by new routes to the Gulf.\n"));
}

}  // namespace

TEST(PageLayout, BarsAreShortItemsBetweenSeparators)
{
    const PageLayout l = layout();
    EXPECT_TRUE(l.isBar(u"Ports \u00B7 Shipping \u00B7 Tech \u00B7 Opinion"));
    EXPECT_TRUE(l.isBar(u"Front page   Weather   Sport   Puzzles"));
    EXPECT_TRUE(l.isBar(u"FR | DE"));
    EXPECT_TRUE(l.isBar(u"Share on: Mastodon | Bluesky | Email"));
    // sentences split by double spaces, a table row of figures, a byline beside a role
    EXPECT_FALSE(l.isBar(u"Prices rose.  Then they fell back."));
    EXPECT_FALSE(l.isBar(u"Huawei | 4,120 | 3,980 | 2,100"));
    EXPECT_FALSE(l.isBar(u"The ministry said it would review the rules | officials added that a draft was due next month"));
}

TEST(PageLayout, BreadcrumbsCaptionsAndCopyright)
{
    EXPECT_TRUE(PageLayout::isBreadcrumb(u"Home \u203A Science \u203A Space"));
    EXPECT_TRUE(PageLayout::isBreadcrumb(u"You are here: Start > Markets"));
    EXPECT_TRUE(PageLayout::isBreadcrumb(u"Home / Business / Chip exports slow for a second month"));
    EXPECT_FALSE(PageLayout::isBreadcrumb(u"Revenue grew > 40% in the quarter, the company said."));

    EXPECT_TRUE(PageLayout::isCaption(u"Workers on an assembly line in Wuxi. Photo: Lakeshore archive"));
    EXPECT_TRUE(PageLayout::isCaption(u"A delegate walks past the stand in Geneva. JANE ROE / EPA"));
    EXPECT_TRUE(PageLayout::isCaption(u"f3a9c01d77e2.webp"));
    EXPECT_TRUE(PageLayout::isCaption(u"[Photo: the new plant at night]"));
    EXPECT_FALSE(PageLayout::isCaption(u"The plant opened in 2023, the company said."));

    EXPECT_EQ(PageLayout::copyrightHolder(u"\u00A9 Quayside Media Ltd 2025. All rights reserved."),
              QStringLiteral("Quayside Media"));
    EXPECT_EQ(PageLayout::copyrightHolder(u"Copyright \u00A9 2019-2024 Northwind.io Inc."), QStringLiteral("Northwind.io"));
    EXPECT_EQ(PageLayout::copyrightHolder(u"Quay Ledger \u00A9 2025"), QStringLiteral("Quay Ledger"));
    EXPECT_EQ(PageLayout::copyrightHolder(u"Quay Ledger \u00A9 2025 | About | Contact"), QStringLiteral("Quay Ledger"));
    EXPECT_EQ(PageLayout::copyrightHolder(u"\u00A9 2025 Quay Ledger \u00B7 Powered by a blog engine"), QStringLiteral("Quay Ledger"));
    EXPECT_EQ(PageLayout::copyrightHolder(u"The deal was signed in 2024."), QString());
}

TEST(PageLayout, ProseIsLongOrEndsAsASentence)
{
    EXPECT_TRUE(PageLayout::isProse(u"The port handled more containers in May than in any month before."));
    EXPECT_TRUE(PageLayout::isProse(u"Visitors queued for hours to try the new system at the fair in Osaka on"));
    EXPECT_FALSE(PageLayout::isProse(u"Why container rates are climbing again"));
    EXPECT_FALSE(PageLayout::isProse(u"Sign in"));
}

TEST(PageLayout, ShortTitleOverFurnitureIsStillTheTitle)
{
    const Article a = StructureParser().parse(
        QStringLiteral("Ports Reopen\n\nShare this story\nThe harbour reopened on Monday after the storm passed.\n"));
    EXPECT_EQ(a.title, QStringLiteral("Ports Reopen"));
    ASSERT_EQ(a.sentences.size(), 1u);
}

TEST(PageLayout, TemplatePlaceholderBylineGivesNoAuthor)
{
    const Article a = StructureParser().parse(QStringLiteral(
        "Daily Tide\nNews | Sport | Culture | Weather\n\nHarbour fees to rise next year, council says\n\n"
        "By [Author Name]\n\nThe council voted on Tuesday to raise harbour fees by a tenth from January, citing "
        "repair costs after last winter's storms.\n"));
    EXPECT_EQ(a.title, QStringLiteral("Harbour fees to rise next year, council says"));
    EXPECT_TRUE(a.author.isEmpty());
    for (const Block& b : a.blocks) {
        if (a.blockText(b).startsWith(QStringLiteral("By ["))) {
            EXPECT_EQ(b.kind, BlockKind::Furniture);
        }
    }
}

TEST(PageLayout, BylinesOfOtherShapes)
{
    Article a = read("Harbour volumes climb again as new routes open\n\nAuthor: Odile Marchand");
    EXPECT_EQ(a.author, QStringLiteral("Odile Marchand"));
    a = read("Harbour volumes climb again as new routes open\n\nBy Odile Marchand, Kyodo");
    EXPECT_EQ(a.author, QStringLiteral("Odile Marchand"));
    EXPECT_EQ(a.sourceNames(), std::vector<QString>{QStringLiteral("Kyodo")});
    a = read("Harbour volumes climb again as new routes open\n\nOdile Marchand | March 4, 2025");
    EXPECT_EQ(a.author, QStringLiteral("Odile Marchand"));
    EXPECT_EQ(a.published.iso(), QStringLiteral("2025-03-04"));
    a = read("Tidewater\n\nHarbour volumes climb again as new routes open\n\nBy Odile Marchand");
    EXPECT_EQ(a.title, QStringLiteral("Harbour volumes climb again as new routes open"));
    EXPECT_EQ(a.sourceNames(), std::vector<QString>{QStringLiteral("Tidewater")});
    a = read("Opinion\n\nHarbour volumes climb again as new routes open\n\nBy Odile Marchand");
    EXPECT_TRUE(a.sourceNames().empty()) << "a section label is not an outlet";
}

TEST(PageLayout, ContributorAndPlaceBylines)
{
    EXPECT_EQ(read("Harbour volumes climb again as new routes open\n\nBy Odile Marchand in Marseille").author,
              QStringLiteral("Odile Marchand"));
    EXPECT_EQ(read("Harbour volumes climb again as new routes open\n\nOdile Marchand, special to The Quay Review").author,
              QStringLiteral("Odile Marchand"));
}

TEST(PageLayout, CommentsUnderTheArticleAreThePages)
{
    const Article a = StructureParser().parse(QStringLiteral(
        "Daily Tide\nNews | Sport | Culture | Weather\n\nHarbour fees to rise next year, council says\n\n"
        "The council voted on Tuesday to raise harbour fees by a tenth from January, citing repair costs.\n\n"
        "Boat owners said the rise would push some of them to moor elsewhere along the coast.\n\n"
        "The council said it would review the fees again after two years of the new rates.\n\n"
        "14 Comments\nSort by newest\nM. Calloway\n3 hours ago\nThis is the third rise in five years and nobody "
        "on the council has explained where the money goes.\nReply\n"));
    ASSERT_EQ(a.sentences.size(), 3u);
    EXPECT_TRUE(a.sentenceText(a.sentences.back()).startsWith(QStringLiteral("The council said it would review")));
}

TEST(PageLayout, GalleryNavigationStartsNoTail)
{
    const Article a = StructureParser().parse(QStringLiteral(
        "Daily Tide\nNews | Sport | Culture | Weather\n\nPhotos: a week of storms along the northern coast\n\n"
        "Storms battered the northern coast for a week, closing two ferry routes and flooding the harbour road.\n\n"
        "1 of 9\nWaves break over the sea wall at Kilmore. Photo: Daily Tide\nNext\nView all 9 photos\n\n"
        "Repair crews began work on the sea wall on Saturday, the county said.\n\n"
        "The ferry routes are expected to reopen by the end of the month.\n"));
    EXPECT_EQ(a.title, QStringLiteral("Photos: a week of storms along the northern coast"));
    ASSERT_EQ(a.sentences.size(), 3u);
    EXPECT_TRUE(a.sentenceText(a.sentences.back()).startsWith(QStringLiteral("The ferry routes")));
}

TEST(PageLayout, NameOverItsRole)
{
    const Article a = StructureParser().parse(QStringLiteral(
        "Daily Tide\nNews | Sport | Culture | Weather\n\n12 June 2025\n\nHarbour fees to rise next year, council says\n\n"
        "Odile Marchand\nSenior Reporter\n\nThe council voted on Tuesday to raise harbour fees by a tenth from January, "
        "citing repair costs after last winter's storms.\n"));
    EXPECT_EQ(a.title, QStringLiteral("Harbour fees to rise next year, council says"));
    EXPECT_EQ(a.author, QStringLiteral("Odile Marchand"));
    EXPECT_EQ(a.published.iso(), QStringLiteral("2025-06-12"));
    ASSERT_EQ(a.sentences.size(), 1u);
}
