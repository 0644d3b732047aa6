#include "structure/SentenceSplitter.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace claimlens;

namespace {
QStringList split(const QString& text)
{
    SentenceSplitter splitter(StructureRules::defaults());
    QStringList out;
    for (auto [s, e] : splitter.split(text, 0, text.size()))
        out.append(text.mid(s, e - s));
    return out;
}
}  // namespace

TEST(SentenceSplitter, AbbreviationsDoNotEndSentences)
{
    EXPECT_EQ(split(QStringLiteral("Dr. Chen spoke on Jan. 5 about it. The U.S. Commerce Department agreed.")),
              (QStringList{QStringLiteral("Dr. Chen spoke on Jan. 5 about it."),
                           QStringLiteral("The U.S. Commerce Department agreed.")}));
    EXPECT_EQ(split(QStringLiteral("Nvidia Corp. Chief Jensen Huang visited. Sales grew.")),
              (QStringList{QStringLiteral("Nvidia Corp. Chief Jensen Huang visited."), QStringLiteral("Sales grew.")}));
}

TEST(SentenceSplitter, AbbreviationAtSentenceEndBeforeStarter)
{
    EXPECT_EQ(split(QStringLiteral("Most chips come from the U.S. The rest are made in Taiwan.")),
              (QStringList{QStringLiteral("Most chips come from the U.S."),
                           QStringLiteral("The rest are made in Taiwan.")}));
}

TEST(SentenceSplitter, NamesDecimalsAndCommas)
{
    EXPECT_EQ(split(QStringLiteral("01.AI released Yi. Revenue rose 3.5 percent. It beat the U.S., analysts said.")),
              (QStringList{QStringLiteral("01.AI released Yi."), QStringLiteral("Revenue rose 3.5 percent."),
                           QStringLiteral("It beat the U.S., analysts said.")}));
}

TEST(SentenceSplitter, ClosingQuotesStayWithTheirSentence)
{
    EXPECT_EQ(split(QStringLiteral("He called it “an engine for growth.” Others disagreed. “Why now?” she asked.")),
              (QStringList{QStringLiteral("He called it “an engine for growth.”"), QStringLiteral("Others disagreed."),
                           QStringLiteral("“Why now?” she asked.")}));
}

TEST(SentenceSplitter, InitialsAndOffsets)
{
    const QString text = QStringLiteral("  Analyst J. Smith agreed.  Next one.");
    SentenceSplitter splitter(StructureRules::defaults());
    const auto spans = splitter.split(text, 0, text.size());
    ASSERT_EQ(spans.size(), 2u);
    EXPECT_EQ(spans[0].first, 2);
    EXPECT_EQ(text.mid(spans[1].first, spans[1].second - spans[1].first), QStringLiteral("Next one."));
}
