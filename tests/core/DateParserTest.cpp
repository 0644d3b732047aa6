#include "structure/DateParser.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace claimlens;

namespace {
QString lineIso(const char* line)
{
    const auto d = DateParser::parseDateLine(QString::fromUtf8(line));
    return d ? d->iso() : QStringLiteral("none");
}
}  // namespace

TEST(DateParser, CommonNewsForms)
{
    EXPECT_EQ(lineIso("July 4, 2024"), QStringLiteral("2024-07-04"));
    EXPECT_EQ(lineIso("Jul. 4 2024"), QStringLiteral("2024-07-04"));
    EXPECT_EQ(lineIso("4 Jul 2024, 4:26 AM ET"), QStringLiteral("2024-07-04"));
    EXPECT_EQ(lineIso("2024-07-04"), QStringLiteral("2024-07-04"));
    EXPECT_EQ(lineIso("2024-07-04T09:30:00Z"), QStringLiteral("2024-07-04"));
    EXPECT_EQ(lineIso("Published: Sept. 12, 2023"), QStringLiteral("2023-09-12"));
    EXPECT_EQ(lineIso("Updated on Monday, March 3, 2025 | 10:15 a.m."), QStringLiteral("2025-03-03"));
    EXPECT_EQ(lineIso("July 2024"), QStringLiteral("2024-07"));
    EXPECT_EQ(DateParser::parseDateLine(QStringLiteral("July 2024"))->precision, DatePrecision::Month);
}

TEST(DateParser, NotDates)
{
    EXPECT_EQ(lineIso("February 30, 2024"), QStringLiteral("none"));
    EXPECT_EQ(lineIso("In July 2024, Kuaishou released Kling."), QStringLiteral("none"));
    EXPECT_EQ(lineIso("2024 was a big year"), QStringLiteral("none"));
    EXPECT_EQ(lineIso("May the best model win"), QStringLiteral("none"));
    EXPECT_EQ(lineIso("Mentions: 12"), QStringLiteral("none"));
}
