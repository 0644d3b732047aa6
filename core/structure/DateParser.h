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
    /// True when the whole line is a date, optionally introduced by "Published", "Updated",
    /// "Posted on" and followed by a time, a time zone, or a "| Updated ..." tail.
    static std::optional<PartialDate> parseDateLine(const QString& line);
    /// 1–12 for an English month name or abbreviation ("Sept", "Jan."), else 0.
    static int monthFromName(QStringView name);
};

}  // namespace claimlens
