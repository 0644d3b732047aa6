#include "extract/EventFinder.h"

#include "structure/DateParser.h"

#include <utility>

namespace claimlens {
namespace {

/// What the date expressions need, found in one pass over the sentence: each is spared the
/// sentences without it.
struct DateCues {
    bool digits = false;
    bool monthNamed = false;     ///< a capitalised month name
    bool year = false;           ///< four digits starting 19 or 20
    bool isoDate = false;        ///< digits and a hyphen
    bool relativeWords = false;  ///< "yesterday", "today", "ago", or "last", "this", "next" with "year" or "month"
};

/// The events of one sentence as they are found: a span of text dates one event at most, and a
/// date the sentence already gave with the same relative words is not given again.
class SentenceEvents {
public:
    SentenceEvents(SentenceContext& context, Extraction& extraction) : c(context), out(extraction) {}

    /// A span no date may be read from: a period, a year that names a thing.
    void reserve(qsizetype s, qsizetype e) { m_used.emplace_back(s, e); }
    /// An event over [s, e) of the sentence; its date, when valid, also into the sentence's dates.
    void add(qsizetype s, qsizetype e, const PartialDate& d, const QString& relative)
    {
        for (const auto& u : m_used)
            if (overlaps(u.first, u.second, s, e))
                return;
        m_used.emplace_back(s, e);
        const bool duplicate = std::any_of(out.events.begin(), out.events.end(), [&](const Event& x) {
            return x.sentence == c.index && x.date == d && x.relative == relative;
        });
        if (duplicate)
            return;
        out.events.push_back({c.index, c.base + s, c.base + e, d, relative});
        if (d.isValid())
            c.dates.push_back(d);
    }

    SentenceContext& c;
    Extraction& out;

private:
    std::vector<std::pair<qsizetype, qsizetype>> m_used;
};

/// A year in digits standing alone: not inside an amount, a decade ("1990s"), a range or a number.
const QRegularExpression& yearPattern()
{
    static const QRegularExpression yearRe(QStringLiteral("(?<![\\d,.$\\x{00a5}\\x{20ac}-])\\b((?:19|20)\\d\\d)\\b(?!s\\b|-\\d|,\\d|\\.\\d)"),
                                           kUnicode);
    return yearRe;
}

/// Periods ("between 2014 and 2023", "2019-2024") and, beside a figure, where its count starts
/// ("since 2014"): spans that are not events.
void reservePeriods(SentenceEvents& events, const DateCues& cues)
{
    static const QRegularExpression rangeRe(
        QStringLiteral("\\b(?:between\\s+(?:19|20)\\d\\d\\s+and|(?:from\\s+)?(?:19|20)\\d\\d\\s+(?:to|until|through))\\s+(?:19|20)\\d\\d\\b"
                       "|\\b(?:19|20)\\d\\d\\s*[-\\x{2013}]\\s*(?:19|20)?\\d\\d\\b"),
        kUnicode);
    if (!cues.year)
        return;
    const SentenceContext& c = events.c;
    // "a quarter of the patents published since 2014": where a figure's count starts, not an
    // event (a sentence with no figure keeps it: "has been a priority since 2017")
    static const QRegularExpression since(QStringLiteral("\\b(?i:since)\\s+(?:19|20)\\d\\d\\b"), kUnicode);
    for (auto it = since.globalMatch(c.quantities.empty() ? QString() : c.text); it.hasNext();) {
        const auto r = it.next();
        events.reserve(r.capturedStart(), r.capturedEnd());
    }
    for (auto ranges = rangeRe.globalMatch(c.text); ranges.hasNext();) {
        const auto r = ranges.next();
        events.reserve(r.capturedStart(), r.capturedEnd());  // a period, not an event
    }
}

/// Full dates: "July 4, 2024", "4 July 2024", "2024-07-04", "July 2024", as DateParser reads them.
void findFullDates(SentenceEvents& events, const DateCues& cues)
{
    static const QRegularExpression dateStart(
        QStringLiteral("\\b(?:(?:%1)\\.?\\s+\\d|\\d{1,2}\\s+(?:%2)|\\d{4}-\\d{2}-\\d{2}|(?:%2),?\\s+(?:19|20)\\d\\d)")
            .arg(DateParser::monthPattern(), DateParser::monthPattern(DateParser::MonthNames::Full)),
        kUnicode);
    if (!cues.monthNamed && !cues.isoDate)
        return;
    const SentenceContext& c = events.c;
    for (auto full = dateStart.globalMatch(c.text); full.hasNext();) {
        const auto m = full.next();
        qsizetype length = 0;
        if (auto d = DateParser::parseAt(QStringView(c.text).sliced(m.capturedStart()), &length))
            events.add(m.capturedStart(), m.capturedStart() + length, *d, {});
    }
}

/// "on July 9", "Monday, Jan. 27", "(27 January)": a day with no year in the sentence is in the
/// year that puts it nearest the page's date.
void findMonthDays(SentenceEvents& events, const DateCues& cues, const PartialDate& published)
{
    static const QRegularExpression monthDay(
        QStringLiteral("\\b(?:(?<m1>%1)\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m2>%1)\\.?)"
                       "(?![\\p{L}\\d]|,?\\s*\\d|\\s*[-\\x{2013}/:])")
            .arg(DateParser::monthPattern()),
        kUnicode);
    if (!cues.monthNamed || !cues.digits)
        return;
    const SentenceContext& c = events.c;
    const QRegularExpression& yearRe = yearPattern();
    for (auto it = monthDay.globalMatch(c.text); it.hasNext();) {
        const auto m = it.next();
        const int month = DateParser::monthFromName(m.hasCaptured(u"m1") ? m.capturedView(u"m1") : m.capturedView(u"m2"));
        const int day = (m.hasCaptured(u"d1") ? m.capturedView(u"d1") : m.capturedView(u"d2")).toInt();
        if (month < 1 || day < 1 || day > 31)
            continue;
        // a year written before it in the sentence ("the 2024 conference runs until July 6")
        // places it; else the page's date
        int sentenceYear = 0;
        if (cues.year)
            for (auto y = yearRe.globalMatch(QStringView(c.text).first(m.capturedStart())); y.hasNext();)
                sentenceYear = y.next().captured(1).toInt();
        PartialDate d;
        if (sentenceYear) {
            d.year = sentenceYear;
            d.month = month;
            d.day = day;
            d.precision = DatePrecision::Day;
        } else {
            d = DateParser::nearestToPublication(month, day, published, DateParser::looksAhead(c.lower));
        }
        if (d.isValid())
            events.add(m.capturedStart(), m.capturedEnd(), d, {});
    }
}

/// Years: "in 2023"; not a year that names a thing ("the 2019 conference", "its 2017 plan"), one
/// in a name ("WAIC 2024") or the page's copyright.
void findYears(SentenceEvents& events, const DateCues& cues)
{
    // "the 2019 conference", "its 2017 plan": a year naming a thing, not when something happened
    static const QRegularExpression attributive(
        QStringLiteral("\\b(?:the|its|their|his|her|a|this|that)\\s+(?:19|20)\\d\\d\\s+\\p{Ll}"), kUnicode | QRegularExpression::CaseInsensitiveOption);
    if (!cues.year)
        return;
    const SentenceContext& c = events.c;
    const QRegularExpression& yearRe = yearPattern();
    for (auto it = attributive.globalMatch(c.text); it.hasNext();) {
        const auto m = it.next();
        events.reserve(m.capturedStart(), m.capturedEnd());
    }
    for (auto years = yearRe.globalMatch(c.text); years.hasNext();) {
        const auto m = years.next();
        // "WAIC 2024", "CES 2025": a year after an acronym is part of the name; "© 2024",
        // "Copyright 2024" date the page's furniture, not an event
        const QStringView before = QStringView(c.text).first(m.capturedStart(1)).trimmed();
        qsizetype w = before.size();
        while (w > 0 && before[w - 1].isLetter())
            --w;
        const QStringView previous = before.sliced(w);
        const bool acronym = previous.size() >= 2 && std::all_of(previous.begin(), previous.end(), [](QChar ch) { return ch.isUpper(); });
        if (acronym || before.endsWith(u'\u00a9') || previous.compare(u"copyright", Qt::CaseInsensitive) == 0)
            continue;
        PartialDate d;
        d.year = m.captured(1).toInt();
        d.precision = DatePrecision::Year;
        events.add(m.capturedStart(1), m.capturedEnd(1), d, {});
    }
}

/// "last year", "next month", "yesterday", "three days ago": counted from the page's date.
void findRelativeDates(SentenceEvents& events, const DateCues& cues, const PartialDate& published)
{
    if (!cues.relativeWords)
        return;
    for (const DateParser::RelativeDate& r : DateParser::relativeDates(events.c.text, published))
        events.add(r.start, r.end, r.date, r.phrase);
}

/// A month named alone ("that November", "in early May") is in the year the sentence or its
/// paragraph last named ("founded in 2023 ... topped the charts that November"); without one,
/// or when that date's own month comes later in the year, the month is not placed.
void findBareMonths(SentenceEvents& events, const DateCues& cues, const PartialDate& published)
{
    static const QRegularExpression bareMonth(
        QStringLiteral("\\b(?i:in|that|by|until|from|of|since|starting|during)\\s+(?:(?:early|late|mid)(?:-to-(?:early|late|mid))?[-\\s])?(%1)\\b"
                       "(?!\\s*\\d|,\\s*\\d|\\s+(?:19|20)\\d\\d)")
            .arg(DateParser::monthPattern(DateParser::MonthNames::Full)),
        kUnicode);
    if (!cues.monthNamed)
        return;
    const SentenceContext& c = events.c;
    const Extraction& out = events.out;
    for (auto it = bareMonth.globalMatch(c.text); it.hasNext();) {
        const auto m = it.next();
        // the date written last before the month, in this sentence or else its paragraph
        PartialDate reference = c.paragraph->lastDate;
        qsizetype referenceAt = -1;
        for (const Event& e : out.events)
            if (e.sentence == c.index && e.date.isValid() && e.start - c.base < m.capturedStart() &&
                e.start > referenceAt) {
                reference = e.date;
                referenceAt = e.start;
            }
        PartialDate d;
        d.year = reference.year;
        d.month = DateParser::monthFromName(m.capturedView(1));
        d.precision = DatePrecision::Month;
        // "in Nov. 2023 and ... in May": a month before the one just named is the next year's,
        // or an earlier one's told out of order; which, the words do not say
        // (a month the sentence names with no year before it, and not "that November", which
        // looks back to the paragraph's year, is placed by the page's date when there is one)
        const bool placedByPage = referenceAt < 0 && !cues.year &&
                                  (!reference.isValid() || (published.precision >= DatePrecision::Month &&
                                                            !m.captured(0).startsWith(QStringLiteral("that"), Qt::CaseInsensitive)));
        if (placedByPage) {
            // no year anywhere before it: the page's date places it
            d = DateParser::nearestToPublication(d.month, 0, published, DateParser::looksAhead(c.lower));
            if (d.isValid())
                events.add(m.capturedStart(1), m.capturedEnd(1), d, {});
            continue;
        }
        if (!reference.isValid() || (reference.precision >= DatePrecision::Month && d.month < reference.month))
            continue;
        events.add(m.capturedStart(1), m.capturedEnd(1), d, {});
    }
}

/// "The same day", "the next day", "the day after R1 appeared", "a week later": counted from the
/// day of the latest dated statement before this one.
void findSameDay(SentenceEvents& events)
{
    static const QRegularExpression sameDay(
        QStringLiteral("\\b(?:the\\s+same\\s+day|that\\s+(?:same\\s+)?day|the\\s+(?:next|following|previous)\\s+(?:day|week)|"
                       "the\\s+(?:day|week)\\s+(?:after|before)|an?\\s+(?:day|week)\\s+(?:later|earlier))\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    const SentenceContext& c = events.c;
    const Extraction& out = events.out;
    if (c.dates.empty() && (c.says(u"day") || c.says(u"week"))) {
        if (const auto m = sameDay.match(c.text); m.hasMatch()) {
            // "the day after R1 appeared": the latest dated statement that names what it is after,
            // else the latest one
            static const QRegularExpression anchor(QStringLiteral("^\\s+([\\p{Lu}\\d][\\p{L}\\d.-]*)"), kUnicode);
            const auto named = m.captured(0).endsWith(QStringLiteral("after"), Qt::CaseInsensitive) ||
                                       m.captured(0).endsWith(QStringLiteral("before"), Qt::CaseInsensitive)
                                   ? anchor.match(QStringView(c.text).sliced(m.capturedEnd()))
                                   : QRegularExpressionMatch();
            auto before = [&](const Event& e) { return e.sentence < c.index && e.date.isValid(); };
            auto last = std::find_if(out.events.rbegin(), out.events.rend(), [&](const Event& e) {
                if (!before(e) || !named.hasMatch())
                    return false;
                const QString text = c.article->sentenceText(c.article->sentences[static_cast<size_t>(e.sentence)]);
                const QString name = named.captured(1);
                for (qsizetype at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                    const qsizetype end = at + name.size();
                    if ((at == 0 || !text[at - 1].isLetterOrNumber()) && (end == text.size() || !text[end].isLetterOrNumber()))
                        return true;  // the name as a word of its own
                }
                return false;
            });
            if (last == out.events.rend())
                last = std::find_if(out.events.rbegin(), out.events.rend(), before);
            if (last != out.events.rend() && last->date.precision == DatePrecision::Day) {
                const PartialDate d = DateParser::dayCountedFrom(m.captured(0), last->date);
                events.add(m.capturedStart(), m.capturedEnd(), d, m.captured(0));
            }
        }
    }
}

}  // namespace

void EventFinder::find(SentenceContext& c, const PartialDate& published, Extraction& out) const
{
    if (c.text.trimmed().endsWith(u'?') || c.paragraph->caption)
        return;
    DateCues cues;
    cues.digits = std::any_of(c.text.begin(), c.text.end(), [](QChar ch) { return ch.isDigit(); });
    cues.monthNamed = std::any_of(c.words.begin(), c.words.end(), [](QStringView w) {
        return w.front().isUpper() && DateParser::monthFromName(w) > 0;
    });
    if (!cues.digits && !cues.monthNamed && !c.says(u"year") &&
        !c.says(u"month") && !c.says(u"day") && !c.says(u"week") &&
        !c.says(u"yesterday") && !c.says(u"today") &&
        !c.says(u"ago"))
        return;  // no date can be written without these
    for (qsizetype i = 0; cues.digits && !cues.year && i + 3 < c.text.size(); ++i)
        cues.year = ((c.text.at(i) == u'1' && c.text.at(i + 1) == u'9') || (c.text.at(i) == u'2' && c.text.at(i + 1) == u'0')) &&
                    c.text.at(i + 2).isDigit() && c.text.at(i + 3).isDigit();
    cues.isoDate = cues.digits && c.text.contains(u'-');
    using namespace Qt::Literals::StringLiterals;
    cues.relativeWords =
        mayContain(c.text, {"yesterday"_L1, "today"_L1, "ago"_L1}, true) ||
        (mayContain(c.text, {"last"_L1, "this"_L1, "next"_L1}, true) && mayContain(c.text, {"year"_L1, "month"_L1}, true));

    // in this order: a span taken (or reserved) first is not read again
    SentenceEvents events(c, out);
    reservePeriods(events, cues);
    findFullDates(events, cues);
    findMonthDays(events, cues, published);
    findYears(events, cues);
    findRelativeDates(events, cues, published);
    findBareMonths(events, cues, published);
    findSameDay(events);
}

void EventFinder::dropCoveredYears(SentenceContext& c, Extraction& out)
{
    // "The 2024 conference runs until July 6, 2024": the day says all the year says
    auto covered = [&](const Event& e) {
        return e.sentence == c.index && e.date.precision == DatePrecision::Year && e.relative.isEmpty() &&
               std::any_of(out.events.begin(), out.events.end(), [&](const Event& x) {
                   return x.sentence == c.index && x.date.year == e.date.year && x.date.precision > DatePrecision::Year;
               });
    };
    if (c.dates.size() < 2)
        return;
    std::erase_if(out.events, covered);
    std::erase_if(c.dates, [&](const PartialDate& d) {
        return d.precision == DatePrecision::Year && std::any_of(c.dates.begin(), c.dates.end(), [&](const PartialDate& x) {
                   return x.year == d.year && x.precision > DatePrecision::Year;
               });
    });
}

namespace {

/// Whether a figure is a state's measure: a verb of being, having or amounting, or a modal, among
/// the six words before it ("accounted for only 6pc", "had 100 million users", "would mean $1.5
/// billion"), not an action's ("ordered 1,600 chips").
bool stated(const SentenceContext& c, qsizetype figureStart)
{
    static const WordSet states{u"is",       u"are",      u"was",      u"were",  u"be",      u"been",     u"had",
                                u"has",      u"have",     u"accounted", u"account", u"accounts", u"represented",
                                u"represents", u"made",   u"makes",    u"reached", u"reach",  u"totalled", u"totaled",
                                u"totals",   u"stood",    u"stands",   u"held",  u"holds",    u"mean",     u"means",
                                u"meant",    u"would",    u"will",     u"could", u"jumped",   u"rose",     u"grew",
                                u"fell",     u"risen",    u"grown",    u"fallen"};
    size_t end = 0;
    while (end < c.lowerWords.size() && c.lowerWords[end].data() - c.lower.constData() < figureStart)
        ++end;
    for (size_t w = end; w-- > (end >= 6 ? end - 6 : 0);)
        if (states.contains(c.lowerWords[w]))
            return true;
    return false;
}

}  // namespace

void EventFinder::dropStatisticPeriods(const SentenceContext& c, Extraction& out)
{
    // "6pc of all AI patents worldwide in 2023", "$1.5 billion in lost revenue in 2025": the year
    // after a figure that it is measured over is its period, not something that happened then
    auto period = [&](const Event& e) {
        if (e.sentence != c.index || e.date.precision != DatePrecision::Year || !e.relative.isEmpty())
            return false;
        const QString year = QString::number(e.date.year);
        // (the year after the figure, and the figure given by a verb of being, having or
        // amounting: "In 2023 Baidu filed ...", "Baidu ordered 1,600 chips in 2023" date what
        // happened)
        return std::any_of(out.statistics.rbegin(), out.statistics.rend(), [&](const Statistic& st) {
            return st.sentence == c.index && st.end <= e.start &&
                   (st.period == year || st.period.startsWith(year + u'-') || st.period.endsWith(u'-' + year)) &&
                   stated(c, st.start - c.base);
        });
    };
    if (!out.statistics.empty() && out.statistics.back().sentence == c.index)
        std::erase_if(out.events, period);
}

}  // namespace claimlens
