#include "structure/DateParser.h"
#include "util/Text.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <QRegularExpression>

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

TEST(DateParser, PageStamps)
{
    // rules drawn around the date, a category after a dash, a time before the date
    EXPECT_EQ(lineIso("/ 3rd March 2025 /"), QStringLiteral("2025-03-03"));
    EXPECT_EQ(lineIso("| 21st October 2024 |"), QStringLiteral("2024-10-21"));
    EXPECT_EQ(lineIso("9 May 2024 \u2013 Regional Policy"), QStringLiteral("2024-05-09"));
    EXPECT_EQ(lineIso("Posted 11:47 AM PST, Thu January 16, 2025"), QStringLiteral("2025-01-16"));
    EXPECT_EQ(lineIso("Updated: Feb. 2, 2024 at 8:05 p.m."), QStringLiteral("2024-02-02"));
    EXPECT_EQ(lineIso("11/30/2022 Updated: 12/01/2022"), QStringLiteral("2022-11-30"));
}

TEST(DateParser, NumericDatesAndTheirOrder)
{
    EXPECT_EQ(lineIso("09/27 2023"), QStringLiteral("2023-09-27"));  // 27 can only be the day
    EXPECT_EQ(lineIso("27/09/2023"), QStringLiteral("2023-09-27"));
    EXPECT_EQ(lineIso("08.11.2025"), QStringLiteral("2025-11-08"));  // dotted: day first
    // 05/06/2024 is May 6 or 5 June: only the year is certain, unless the page settles it
    EXPECT_EQ(lineIso("05/06/2024"), QStringLiteral("2024"));
    using Order = DateParser::NumericOrder;
    EXPECT_EQ(DateParser::parseDateLine(QStringLiteral("05/06/2024"), Order::DayFirst)->iso(), QStringLiteral("2024-06-05"));
    EXPECT_EQ(DateParser::parseDateLine(QStringLiteral("05/06/2024"), Order::MonthFirst)->iso(), QStringLiteral("2024-05-06"));
    EXPECT_EQ(DateParser::numericOrderOf(u"Filed 05/06/2024. Amended 05/19/2024."), Order::MonthFirst);
    EXPECT_EQ(DateParser::numericOrderOf(u"Filed 05/06/2024. Amended 19/05/2024."), Order::DayFirst);
    EXPECT_EQ(DateParser::numericOrderOf(u"Filed 05/06/2024."), Order::Unknown);
    EXPECT_EQ(lineIso("13/13/2024"), QStringLiteral("none"));
    EXPECT_EQ(lineIso("3/4 of the market"), QStringLiteral("none"));
}

TEST(DateParser, ChineseMarkedDates)
{
    EXPECT_EQ(lineIso("2025\u5E743\u67084\u65E5 10:30"), QStringLiteral("2025-03-04"));
    EXPECT_EQ(lineIso("2024\u5E7411\u6708"), QStringLiteral("2024-11"));
    EXPECT_EQ(lineIso("2024\u5E7413\u67081\u65E5"), QStringLiteral("none"));
}

TEST(DateParser, OneMonthPatternForFullNamesAndAbbreviations)
{
    const QRegularExpression all(QStringLiteral("^(?:%1)$").arg(DateParser::monthPattern()));
    const QRegularExpression full(QStringLiteral("^(?:%1)$").arg(DateParser::monthPattern(DateParser::MonthNames::Full)));
    for (const char16_t* name : {u"January", u"May", u"September", u"December"}) {
        EXPECT_TRUE(all.match(QStringView(name)).hasMatch()) << QString::fromUtf16(name).toStdString();
        EXPECT_TRUE(full.match(QStringView(name)).hasMatch()) << QString::fromUtf16(name).toStdString();
    }
    for (const char16_t* name : {u"Jan", u"Sept", u"Sep", u"Dec"}) {
        EXPECT_TRUE(all.match(QStringView(name)).hasMatch()) << QString::fromUtf16(name).toStdString();
        EXPECT_FALSE(full.match(QStringView(name)).hasMatch()) << QString::fromUtf16(name).toStdString();
    }
    EXPECT_FALSE(all.match(u"Monday").hasMatch());
}

TEST(DateParser, AMonthWithoutAYearIsPlacedNearestThePage)
{
    const PartialDate lateJanuary{2025, 1, 28, DatePrecision::Day};
    EXPECT_EQ(DateParser::nearestToPublication(12, 0, lateJanuary).iso(), QStringLiteral("2024-12"));
    const PartialDate lateJune{2024, 6, 25, DatePrecision::Day};
    EXPECT_EQ(DateParser::nearestToPublication(7, 9, lateJune).iso(), QStringLiteral("2024-07-09"));
    // March on a page of November: next March when the sentence looks ahead, else the March past
    const PartialDate november{2024, 11, 10, DatePrecision::Day};
    EXPECT_EQ(DateParser::nearestToPublication(3, 0, november, true).iso(), QStringLiteral("2025-03"));
    EXPECT_EQ(DateParser::nearestToPublication(3, 0, november, false).iso(), QStringLiteral("2024-03"));
    EXPECT_FALSE(DateParser::nearestToPublication(3, 0, PartialDate{2024, 0, 0, DatePrecision::Year}).isValid());
    EXPECT_TRUE(DateParser::looksAhead(u"the plant will open in march"));
    EXPECT_TRUE(DateParser::looksAhead(u"it is set to launch in june"));
    EXPECT_FALSE(DateParser::looksAhead(u"sales rose in march"));
}

TEST(DateParser, RelativeDatesCountFromThePage)
{
    const PartialDate published{2024, 12, 15, DatePrecision::Day};
    const auto found = DateParser::relativeDates(
        u"Sales fell last year, last year's plan failed, and it opened three weeks ago; more next month.", published);
    ASSERT_EQ(found.size(), 3u);
    EXPECT_EQ(found[0].phrase, QStringLiteral("last year"));
    EXPECT_EQ(found[0].date.iso(), QStringLiteral("2023"));
    EXPECT_EQ(found[1].phrase, QStringLiteral("three weeks ago"));
    EXPECT_EQ(found[1].date.iso(), QStringLiteral("2024-11-24"));
    EXPECT_EQ(found[2].date.iso(), QStringLiteral("2025-01"));
    EXPECT_EQ(found[2].start, 83);
    EXPECT_FALSE(DateParser::relativeDates(u"yesterday", PartialDate{}).front().date.isValid());

    const PartialDate leapDay{2024, 2, 29, DatePrecision::Day};
    EXPECT_EQ(DateParser::dayCountedFrom(QStringLiteral("The next day"), leapDay).iso(), QStringLiteral("2024-03-01"));
    EXPECT_EQ(DateParser::dayCountedFrom(QStringLiteral("a week earlier"), leapDay).iso(), QStringLiteral("2024-02-22"));
    EXPECT_EQ(DateParser::dayCountedFrom(QStringLiteral("the same day"), leapDay).iso(), QStringLiteral("2024-02-29"));
}

// The caseless comparison month names and company aliases are matched with answers as Qt's does,
// the characters that fold onto ASCII letters included.
TEST(Text, EqualsCaselessAgreesWithQt)
{
    const QStringList words{QStringLiteral("Sept"),     QStringLiteral("SEPT"),     QStringLiteral("sept"),
                            QStringLiteral("Sepu"),     QStringLiteral("Sep"),      QStringLiteral("\u212Aimi"),
                            QStringLiteral("kimi"),     QStringLiteral("KIMI"),     QStringLiteral("\u017Fept"),
                            QStringLiteral("Zh\u00C9n"), QStringLiteral("zh\u00E9n"), QStringLiteral("zhen"),
                            QStringLiteral("a-b"),      QStringLiteral("A-B"),      QStringLiteral("a_b"),
                            QStringLiteral("[x]"),      QStringLiteral("{x}"),      QString()};
    for (const QString& a : words)
        for (const QString& b : words)
            EXPECT_EQ(equalsCaseless(a, b), QStringView(a).compare(b, Qt::CaseInsensitive) == 0)
                << qPrintable(a) << " / " << qPrintable(b);
    EXPECT_TRUE(equalsCaseless(u"\u212Aimi", u"kimi"));
    EXPECT_FALSE(equalsCaseless(u"[x]", u"{x}"));  // '[' | 0x20 is '{': only letters fold
}
