#include "structure/DateParser.h"

#include "util/Text.h"

#include <QDate>
#include <QRegularExpression>

#include <algorithm>
#include <limits>

namespace claimlens {
namespace {

std::optional<PartialDate> makeDate(int year, int month, int day)
{
    if (year < 1900 || year > 2100 || month < 1 || month > 12)
        return std::nullopt;
    PartialDate d;
    d.year = year;
    d.month = month;
    if (day > 0) {
        if (!QDate(year, month, day).isValid())
            return std::nullopt;
        d.day = day;
        d.precision = DatePrecision::Day;
    } else {
        d.precision = DatePrecision::Month;
    }
    return d;
}

}  // namespace

const QStringList& DateParser::monthNames()
{
    static const QStringList names{QStringLiteral("January"), QStringLiteral("February"), QStringLiteral("March"),
                                   QStringLiteral("April"),   QStringLiteral("May"),      QStringLiteral("June"),
                                   QStringLiteral("July"),    QStringLiteral("August"),   QStringLiteral("September"),
                                   QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December")};
    return names;
}

const QString& DateParser::monthPattern(MonthNames names)
{
    static const QString full = monthNames().join(u'|');
    static const QString all = [] {
        // each month's first three letters, "Sept" before "Sep"; "May" is its own abbreviation
        QStringList abbreviated;
        for (const QString& name : monthNames()) {
            if (name == QStringLiteral("September"))
                abbreviated.append(QStringLiteral("Sept"));
            if (name.size() > 3)
                abbreviated.append(name.first(3));
        }
        return full + u'|' + abbreviated.join(u'|');
    }();
    return names == MonthNames::Full ? full : all;
}

PartialDate DateParser::nearestToPublication(int month, int day, const PartialDate& published, bool ahead)
{
    PartialDate d;
    if (!published.isValid() || published.precision < DatePrecision::Month)
        return d;
    const QDate reference(published.year, published.month, published.precision == DatePrecision::Day ? published.day : 15);
    qint64 best = std::numeric_limits<qint64>::max();
    for (int y = published.year - 1; y <= published.year + 1; ++y) {
        const QDate candidate(y, month, day > 0 ? std::min(day, QDate(y, month, 1).daysInMonth()) : 15);
        const qint64 distance = std::abs(reference.daysTo(candidate));
        if (distance < best) {
            best = distance;
            d.year = y;
        }
    }
    // a sentence that does not look ahead ("started in March" on a page of November) tells of a
    // month already past, unless the date is only days ahead of the page
    if (!ahead && QDate(d.year, month, day > 0 ? std::min(day, QDate(d.year, month, 1).daysInMonth()) : 1) > reference.addDays(21))
        d.year -= 1;
    d.month = month;
    d.day = day;
    d.precision = day > 0 ? DatePrecision::Day : DatePrecision::Month;
    return d;
}

bool DateParser::looksAhead(QStringView lower)
{
    static const QRegularExpression ahead(
        QStringLiteral("\\b(?:will|shall|won't|to\\s+(?:begin|start|take\\s+effect|open|launch|close|end)|"
                       "(?:set|due|scheduled|expected|plans?|planning|poised|slated)\\s+to|starting|upcoming|next)\\b|'ll\\b"),
        QRegularExpression::UseUnicodePropertiesOption);
    return ahead.match(lower).hasMatch();
}

std::vector<DateParser::RelativeDate> DateParser::relativeDates(QStringView text, const PartialDate& published)
{
    static const QRegularExpression relativeRe(
        QStringLiteral("\\b(last|this|next)\\s+(year|month)\\b(?!['\\x{2019}]s\\b)|\\b(yesterday|today)\\b(?!['\\x{2019}]s\\b)|"
                       "\\b(?<n>\\d{1,3}|a|one|two|three|four|five|six)\\s+(?<unit>day|week|month|year)s?\\s+ago\\b"),
        QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption);
    std::vector<RelativeDate> found;
    for (auto relative = relativeRe.globalMatch(text); relative.hasNext();) {
        const auto m = relative.next();
        const QString words = m.captured(0).toLower();
        PartialDate d;
        if (published.isValid()) {
            d.year = published.year;
            d.precision = DatePrecision::Year;
            if (words == QStringLiteral("last year"))
                d.year -= 1;
            else if (words == QStringLiteral("next year"))
                d.year += 1;
            else if (words.endsWith(QStringLiteral("month")) && published.precision >= DatePrecision::Month) {
                d.month = published.month + (words.startsWith(QStringLiteral("last")) ? -1 : words.startsWith(QStringLiteral("next")) ? 1 : 0);
                if (d.month < 1) {
                    d.month = 12;
                    d.year -= 1;
                } else if (d.month > 12) {
                    d.month = 1;
                    d.year += 1;
                }
                d.precision = DatePrecision::Month;
            } else if (m.hasCaptured(QStringLiteral("unit")) && published.precision == DatePrecision::Day) {
                // "3 days ago", "two weeks ago": counted back from the publication day
                const int n = smallCount(m.captured(QStringLiteral("n")));
                const QString unit = m.captured(QStringLiteral("unit")).toLower();
                QDate day(published.year, published.month, published.day);
                day = unit == QStringLiteral("day")    ? day.addDays(-n)
                      : unit == QStringLiteral("week") ? day.addDays(-7 * n)
                      : unit == QStringLiteral("month") ? day.addMonths(-n)
                                                        : day.addYears(-n);
                d.year = day.year();
                d.month = day.month();
                d.day = day.day();
                d.precision = unit == QStringLiteral("day") || unit == QStringLiteral("week") ? DatePrecision::Day
                              : unit == QStringLiteral("month")                               ? DatePrecision::Month
                                                                                               : DatePrecision::Year;
                if (d.precision == DatePrecision::Year)
                    d.month = d.day = 0;
                else if (d.precision == DatePrecision::Month)
                    d.day = 0;
            } else if ((words == QStringLiteral("yesterday") || words == QStringLiteral("today")) &&
                       published.precision == DatePrecision::Day) {
                const QDate day = QDate(published.year, published.month, published.day).addDays(words == QStringLiteral("yesterday") ? -1 : 0);
                d.year = day.year();
                d.month = day.month();
                d.day = day.day();
                d.precision = DatePrecision::Day;
            }
        }
        found.push_back({m.capturedStart(), m.capturedEnd(), m.captured(0), d});
    }
    return found;
}

PartialDate DateParser::dayCountedFrom(const QString& phrase, const PartialDate& from)
{
    const QString words = phrase.toLower();
    const int direction = words.contains(QStringLiteral("next")) || words.contains(QStringLiteral("following")) ||
                                  words.contains(QStringLiteral("later")) || words.contains(QStringLiteral("after"))
                              ? 1
                          : words.contains(QStringLiteral("before")) || words.contains(QStringLiteral("earlier")) ||
                                  words.contains(QStringLiteral("previous"))
                              ? -1
                              : 0;
    const int days = direction * (words.contains(QStringLiteral("week")) ? 7 : 1);
    const QDate day = QDate(from.year, from.month, from.day).addDays(days);
    PartialDate d;
    d.year = day.year();
    d.month = day.month();
    d.day = day.day();
    d.precision = DatePrecision::Day;
    return d;
}

int DateParser::monthFromName(QStringView name)
{
    // asked of every capitalised word of every sentence: compared in place, not lowered into a copy
    if (name.size() < 3)
        return 0;
    const QStringList& names = monthNames();
    for (int i = 0; i < 12; ++i)
        if (equalsCaseless(name.first(3), QStringView(names[i]).first(3)))
            return i + 1;
    return 0;
}

std::optional<PartialDate> DateParser::parseAt(QStringView text, qsizetype* length)
{
    struct Form {
        QRegularExpression re;
        int y, m, d;  // capture numbers; m < 0 means the month is a name in capture -m
    };
    static const std::vector<Form> forms = [] {
        const QString month = u'(' + monthPattern() + QStringLiteral(")\\.?");
        const QString weekday =
            QStringLiteral("^(?:(?:Mon|Tues|Tue|Wednes|Wed|Thurs|Thu|Fri|Satur|Sat|Sun)(?:day)?\\.?,?\\s+)?");
        const QString end = QStringLiteral("(?![\\w-])");
        const auto options = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
        auto form = [&](const QString& body, int y, int m, int d) {
            return Form{QRegularExpression(weekday + body + end, options), y, m, d};
        };
        return std::vector<Form>{
            form(QStringLiteral("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?"), 1, 2, 3),
            form(QStringLiteral("(\\d{4})/(\\d{1,2})/(\\d{1,2})"), 1, 2, 3),
            form(month + QStringLiteral("\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"), 3, -1, 2),
            form(QStringLiteral("(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?") + month + QStringLiteral(",?\\s+(\\d{4})"), 3, -2, 1),
            form(month + QStringLiteral(",?\\s+(\\d{4})"), 2, -1, 0),
            form(QStringLiteral("(\\d{4})-(\\d{2})"), 1, 2, 0),
        };
    }();
    for (const Form& form : forms) {
        const auto match = form.re.match(text);
        if (!match.hasMatch())
            continue;
        const int year = match.capturedView(form.y).toInt();
        const int monthNo = form.m > 0 ? match.capturedView(form.m).toInt() : monthFromName(match.capturedView(-form.m));
        const int day = form.d > 0 ? match.capturedView(form.d).toInt() : 0;
        if (auto date = makeDate(year, monthNo, day)) {
            if (length)
                *length = match.capturedLength(0);
            return date;
        }
    }
    return std::nullopt;
}

namespace {

/// "06/14 2024", "10/25/2023", "14.06.2024" at the start of `text`.
std::optional<PartialDate> numericDateAt(QStringView text, DateParser::NumericOrder order, qsizetype* length)
{
    static const QRegularExpression numeric(QStringLiteral("^(\\d{1,2})([/.])(\\d{1,2})(?:\\2|,?\\s+)((?:19|20)\\d{2})(?![\\w-])"));
    // "2025年3月4日": year, month and day marked in Chinese or Japanese
    static const QRegularExpression cjk(QStringLiteral("^((?:19|20)\\d{2})\\s*\\x{5E74}\\s*(\\d{1,2})\\s*\\x{6708}(?:\\s*(\\d{1,2})\\s*[\\x{65E5}\\x{53F7}])?"));
    if (const auto c = cjk.match(text); c.hasMatch()) {
        auto date = makeDate(c.capturedView(1).toInt(), c.capturedView(2).toInt(), c.capturedView(3).toInt());
        if (date)
            *length = c.capturedLength(0);
        return date;
    }
    const auto m = numeric.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int a = m.capturedView(1).toInt(), b = m.capturedView(3).toInt(), year = m.capturedView(4).toInt();
    int month = 0, day = 0;
    if (a > 12 || m.capturedView(2) == u".")  // dotted dates are written day first
        day = a, month = b;
    else if (b > 12 || order == DateParser::NumericOrder::MonthFirst)
        month = a, day = b;
    else if (order == DateParser::NumericOrder::DayFirst)
        day = a, month = b;
    auto date = month ? makeDate(year, month, day) : makeDate(year, 1, 0);
    if (!date)
        return std::nullopt;
    if (!month) {  // 03/04/2025 with nothing to settle it: only the year is certain
        date->month = 0;
        date->precision = DatePrecision::Year;
    }
    *length = m.capturedLength(0);
    return date;
}

}  // namespace

DateParser::NumericOrder DateParser::numericOrderOf(QStringView text)
{
    static const QRegularExpression numeric(QStringLiteral("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/|,?\\s+)(?:19|20)\\d{2}(?!\\d)"));
    if (!text.contains(u'/'))
        return NumericOrder::Unknown;
    auto it = numeric.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        if (m.capturedView(1).toInt() > 12)
            return NumericOrder::DayFirst;
        if (m.capturedView(2).toInt() > 12)
            return NumericOrder::MonthFirst;
    }
    return NumericOrder::Unknown;
}

std::optional<PartialDate> DateParser::parseDateLine(const QString& rawLine, NumericOrder order)
{
    static const QRegularExpression prefix(
        QStringLiteral("^(?:(?:first\\s+|last\\s+)?(?:published|updated|posted|date|dated|modified)(?:\\s+on)?\\s*:?\\s*)?"
                       "(?:\\d{1,2}[:.]\\d{2}\\s*(?:[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?,?\\s+)?"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression suffix(
        QStringLiteral("^(?:,?\\s*(?:at\\s+)?\\d{1,2}[:.]\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5}(?:[+-]\\d{1,2})?)?)?"
                       "(?:\\s*(?:[|\\x{00B7}\\x{2022}]|\\s[-\\x{2013}\\x{2014}]\\s).*|\\s+(?:updated|published|posted|modified)\\b.*)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    // every form holds a year in digits: a line without a digit is spared the expressions (the
    // parser asks this of every line near an article's top)
    if (std::none_of(rawLine.begin(), rawLine.end(), [](QChar c) { return c.isDigit(); }))
        return std::nullopt;
    // "/ 28th January 2025 /": rules drawn around the date
    QStringView line(rawLine);
    auto rule = [](QChar c) { return c.isSpace() || QStringView(u"/|\u00B7\u2022\u2013\u2014").contains(c); };
    while (!line.isEmpty() && rule(line.front()))
        line = line.sliced(1);
    while (!line.isEmpty() && rule(line.back()))
        line.chop(1);
    const auto p = prefix.match(line);
    const qsizetype start = p.capturedLength(0);
    // a date line opens on its prefix ("Published"), a digit, a month or a weekday: any other line
    // (most lines that hold a digit are sentences) is spared the date expressions
    if (start == 0 && !line.isEmpty() && !line.front().isDigit()) {
        qsizetype end = 0;
        while (end < line.size() && line[end].isLetter())
            ++end;
        static const char16_t* weekdays[] = {u"mon", u"tue", u"wed", u"thu", u"fri", u"sat", u"sun"};
        const QStringView word = line.first(end);
        const bool dayName = end >= 3 && std::any_of(std::begin(weekdays), std::end(weekdays), [&](const char16_t* d) {
                                 return word.first(3).compare(QStringView(d), Qt::CaseInsensitive) == 0;
                             });
        if (!dayName && monthFromName(word) == 0)
            return std::nullopt;
    }
    qsizetype used = 0;
    auto date = numericDateAt(line.sliced(start), order, &used);
    if (!date)
        date = parseAt(line.sliced(start), &used);
    if (!date)
        return std::nullopt;
    if (!suffix.match(line.sliced(start + used)).hasMatch())
        return std::nullopt;
    return date;
}

}  // namespace claimlens
