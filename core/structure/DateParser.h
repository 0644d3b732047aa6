#pragma once

#include "structure/Article.h"

#include <QString>
#include <QStringView>

#include <optional>

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
};

}  // namespace claimlens
