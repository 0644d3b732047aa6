#pragma once

#include "structure/Article.h"

#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>
#include <vector>

namespace claimlens {

/// Reads the ways news writing states a date: "July 4, 2024", "Jul. 4 2024", "4 Jul 2024",
/// "2024-07-04", "2024-07-04T09:30:00Z", "2024/07/04", "July 2024".
class DateParser {
public:
    /// A date at the start of `text` (after an optional weekday); sets `length` to what it used.
    static std::optional<PartialDate> parseAt(QStringView text, qsizetype* length = nullptr);
    /// How a page writes numeric dates: "03/04/2025" is 3 April or March 4.
    enum class NumericOrder { Unknown, MonthFirst, DayFirst };

    /// True when the whole line is a date, optionally introduced by "Published", "Updated",
    /// "Posted on" or a time, set between rules ("/ 4 July 2024 /"), and followed by a time, a
    /// time zone, or a "| Updated ...", "- Section" tail. Numeric dates: "06/14 2024",
    /// "10/25/2023" and "14.06.2024"; when neither number can only be a month and `order` does not
    /// settle it, only the year is certain and only the year is returned.
    static std::optional<PartialDate> parseDateLine(const QString& line, NumericOrder order = NumericOrder::Unknown);
    /// The order the numeric slash dates of `text` settle, if any holds a number above 12.
    static NumericOrder numericOrderOf(QStringView text);
    /// 1–12 for an English month name or abbreviation ("Sept", "Jan."), else 0.
    static int monthFromName(QStringView name);

    /// The English month names, "January" to "December": the one list every month name the code
    /// reads (monthPattern, monthFromName, the extractor's words that are never names) comes from.
    static const QStringList& monthNames();
    /// Which month names `monthPattern` holds.
    enum class MonthNames { Full, FullAndAbbreviated };
    /// The English month names as the alternatives of a regular expression, with no group around
    /// them: "January|February|...|December", then for FullAndAbbreviated
    /// "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec" (a longer form before the shorter one it
    /// starts with). The one month pattern of the code: every expression that reads a month name
    /// is built on it.
    static const QString& monthPattern(MonthNames names = MonthNames::FullAndAbbreviated);

    /// A month (and day; 0 for none) written without a year, placed in the year that puts it
    /// nearest the page's date: "December" on a page of late January is last December, "July 9"
    /// on a page of late June this July. When the sentence does not look ahead (`ahead` false, see
    /// looksAhead), a date more than three weeks after the page is of the year before ("started in
    /// March" on a page of November). Invalid when `published` has no month.
    static PartialDate nearestToPublication(int month, int day, const PartialDate& published, bool ahead = true);
    /// Whether a sentence, given in lower case, speaks of what is to come: "will", "is set to",
    /// "plans to", "next", "from July" ("starting").
    static bool looksAhead(QStringView lowerSentence);

    /// A date written relative to the page's: "last year", "next month", "yesterday", "3 days ago".
    struct RelativeDate {
        qsizetype start = 0;  ///< where the words stand in the searched text
        qsizetype end = 0;
        QString phrase;       ///< the words as written
        PartialDate date;     ///< invalid when the page's date is too coarse to count from
    };
    /// The relative dates of `text`, each counted from `published`: "last/this/next year" by its
    /// year, "last/this/next month" by its month, "yesterday" and "today" by its day, "N days,
    /// weeks, months or years ago" (N in digits or "a", "one" to "six") back from its day. A
    /// possessive ("last year's") is not a date.
    static std::vector<RelativeDate> relativeDates(QStringView text, const PartialDate& published);
    /// The day "the same day", "the next day", "the following week", "the day before", "a week
    /// later" or "a day earlier" names, counted from the day `from` (whose precision is a day).
    static PartialDate dayCountedFrom(const QString& phrase, const PartialDate& from);
};

}  // namespace claimlens
