#include "structure/StructureParser.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

Article parse(const char* text)
{
    return StructureParser().parse(QString::fromUtf8(text));
}

QStringList texts(const Article& a, BlockKind kind)
{
    QStringList out;
    for (const auto& b : a.blocks)
        if (b.kind == kind)
            out.append(a.blockText(b));
    return out;
}

QStringList sentences(const Article& a)
{
    QStringList out;
    for (const auto& s : a.sentences)
        out.append(a.sentenceText(s));
    return out;
}

}  // namespace

TEST(StructureParser, FurnitureIsSetAsideButKeptInTheText)
{
    const char* text = "Chip Rules Tighten Again\n\nShare this article\nThe rules cover more chips. They start in "
                       "April.\n\nRelated Articles\n12 Comments\nLeave a Reply\n";
    const Article a = parse(text);
    EXPECT_EQ(a.text, QString::fromUtf8(text));  // nothing deleted
    EXPECT_EQ(texts(a, BlockKind::Furniture),
              (QStringList{QStringLiteral("Share this article"), QStringLiteral("Related Articles"),
                           QStringLiteral("12 Comments"), QStringLiteral("Leave a Reply")}));
    EXPECT_EQ(sentences(a), (QStringList{QStringLiteral("The rules cover more chips."),
                                         QStringLiteral("They start in April.")}));
}

TEST(StructureParser, MetadataAttachesToTheStatementBefore)
{
    const Article a = parse("Summary paragraph about chips and models that runs long enough to be a paragraph.\n"
                            "Huawei ships the Ascend 910B.\nMentions: 7\nBaidu cut prices.\nMentions: 3\n");
    std::vector<Block> meta;
    for (const auto& b : a.blocks)
        if (b.kind == BlockKind::Metadata)
            meta.push_back(b);
    ASSERT_EQ(meta.size(), 2u);
    EXPECT_EQ(meta[0].key, QStringLiteral("mentions"));
    EXPECT_EQ(meta[0].value, QStringLiteral("7"));
    EXPECT_EQ(a.blockText(a.blocks[static_cast<size_t>(meta[0].attachedTo)]), QStringLiteral("Huawei ships the Ascend 910B."));
    EXPECT_EQ(a.blockText(a.blocks[static_cast<size_t>(meta[1].attachedTo)]), QStringLiteral("Baidu cut prices."));
    EXPECT_FALSE(sentences(a).join(u' ').contains(QStringLiteral("Mentions")));
}

TEST(StructureParser, ChannelLinesAreSourcesWithAge)
{
    const Article a = parse("A digest of the week in Chinese AI, from chips to chatbots and the price war.\n"
                            "Baidu cut prices.\nSilicon Dragon Podcast 3month\nAsia Tech Review 2 weeks ago\n");
    ASSERT_EQ(a.sources.size(), 2u);
    EXPECT_EQ(a.sources[0].name, QStringLiteral("Silicon Dragon Podcast"));
    EXPECT_EQ(a.sources[0].relativeAge, QStringLiteral("3month"));
    EXPECT_EQ(a.sources[0].kind, SourceKind::Channel);
    EXPECT_EQ(a.sources[1].name, QStringLiteral("Asia Tech Review"));
    EXPECT_EQ(sentences(a).size(), 2);
}

TEST(StructureParser, InlineSourceCutFromSentencesMidParagraph)
{
    const Article a = parse("Prices fell sharply in May. Source: Caixin Global Analysts expect more cuts. "
                            "The war may last. Source: Caixin Global\n");
    EXPECT_EQ(sentences(a), (QStringList{QStringLiteral("Prices fell sharply in May."),
                                         QStringLiteral("Analysts expect more cuts."), QStringLiteral("The war may last.")}));
    ASSERT_EQ(a.sources.size(), 2u);
    EXPECT_EQ(a.sources[0].name, QStringLiteral("Caixin Global"));
    EXPECT_EQ(a.sources[0].sentence, 0);
    EXPECT_EQ(a.sources[1].sentence, 2);
    EXPECT_EQ(a.sourceNames(), std::vector<QString>{QStringLiteral("Caixin Global")});
}

TEST(StructureParser, HardWrappedParagraphsJoin)
{
    const Article a = parse("Tencent said on Tuesday that its Hunyuan model would be offered to\n"
                            "outside developers at a lower price than before.\n");
    ASSERT_EQ(texts(a, BlockKind::Paragraph).size(), 1);
    EXPECT_EQ(sentences(a), QStringList{QStringLiteral("Tencent said on Tuesday that its Hunyuan model would be "
                                                       "offered to outside developers at a lower price than before.")});
}

TEST(StructureParser, TitleNeedsToReadAsAHeadline)
{
    EXPECT_EQ(parse("Kling Opens to the World\n\nKuaishou opened Kling to users abroad.\n").title,
              QStringLiteral("Kling Opens to the World"));
    EXPECT_TRUE(parse("Kuaishou opened Kling to users abroad.\nMore text follows here.\n").title.isNull());
    EXPECT_TRUE(parse("Only One Line Here\n").title.isNull());
}

TEST(StructureParser, TaglineAfterTitleIsFurniture)
{
    const Article a = parse("Why Open Weights Matter\n\nnotes on ai policy\n\nOpen weights spread fast.\n");
    EXPECT_EQ(texts(a, BlockKind::Furniture), QStringList{QStringLiteral("notes on ai policy")});
}

TEST(StructureParser, BulletsKeepTheirTextWithoutMarkers)
{
    const Article a = parse("What Changed\n\n• Prices fell.\n- Models opened.\n2) Chips got scarce.\n");
    EXPECT_EQ(texts(a, BlockKind::Bullet), (QStringList{QStringLiteral("Prices fell."), QStringLiteral("Models opened."),
                                                        QStringLiteral("Chips got scarce.")}));
}

TEST(StructureParser, BlocksAndSentencesPointIntoTheText)
{
    const Article a = parse("Title Of The Piece\r\nBody one. Body two.\n");
    for (const auto& b : a.blocks) {
        EXPECT_LE(0, b.start);
        EXPECT_LE(b.end, a.text.size());
        EXPECT_LT(b.start, b.end);
    }
    for (const auto& s : a.sentences)
        EXPECT_EQ(a.text.mid(s.start, s.end - s.start), a.sentenceText(s));
}
