#include "extract/QuantityFinder.h"

#include "extract/TextScan.h"
#include "structure/DateParser.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace claimlens {
namespace {

constexpr auto kOptions = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

const QHash<QString, double>& wordNumbers()
{
    static const QHash<QString, double> words{
        {QStringLiteral("two"), 2},    {QStringLiteral("three"), 3},   {QStringLiteral("four"), 4},
        {QStringLiteral("five"), 5},   {QStringLiteral("six"), 6},     {QStringLiteral("seven"), 7},
        {QStringLiteral("eight"), 8},  {QStringLiteral("nine"), 9},    {QStringLiteral("ten"), 10},
        {QStringLiteral("eleven"), 11}, {QStringLiteral("twelve"), 12}, {QStringLiteral("fifteen"), 15},
        {QStringLiteral("twenty"), 20}, {QStringLiteral("thirty"), 30}, {QStringLiteral("forty"), 40},
        {QStringLiteral("fifty"), 50}, {QStringLiteral("hundred"), 100}};
    return words;
}

double scaleOf(const QString& s)
{
    const QString w = s.toLower();
    if (w == QStringLiteral("thousand") || w == QStringLiteral("k"))
        return 1e3;
    if (w == QStringLiteral("million") || w == QStringLiteral("m") || w == QStringLiteral("mn"))
        return 1e6;
    if (w == QStringLiteral("billion") || w == QStringLiteral("bn") || w == QStringLiteral("b"))
        return 1e9;
    if (w == QStringLiteral("trillion") || w == QStringLiteral("tn") || w == QStringLiteral("t"))
        return 1e12;
    return 1;
}

QString currencyOf(const QString& before, const QString& after)
{
    const QString b = before.toLower().trimmed(), a = after.toLower().trimmed();
    if (b.contains(u'$') || a.startsWith(QStringLiteral("dollar")) || a.startsWith(QStringLiteral("us dollar")))
        return QStringLiteral("USD");
    if (b == QStringLiteral("\u00a5") || b.startsWith(QStringLiteral("rmb")) || b.startsWith(QStringLiteral("cny")) ||
        a == QStringLiteral("yuan") || a == QStringLiteral("rmb"))
        return QStringLiteral("CNY");
    if (b == QStringLiteral("\u20ac") || a.startsWith(QStringLiteral("euro")))
        return QStringLiteral("EUR");
    if (b == QStringLiteral("\u00a3") || a.startsWith(QStringLiteral("pound")))
        return QStringLiteral("GBP");
    return {};
}

bool adjacentMonth(QStringView text, qsizetype start, qsizetype end)
{
    // "June 6", "6 June", "June 6, 2024": the number is a day
    static const QRegularExpression before(QStringLiteral("(%1)\\.?\\s+$").arg(DateParser::monthPattern()),
                                           QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression after(QStringLiteral("^(?:st|nd|rd|th)?\\s+(%1)\\b").arg(DateParser::monthPattern()),
                                          QRegularExpression::UseUnicodePropertiesOption);
    return before.match(text.first(start)).hasMatch() || after.match(text.sliced(end)).hasMatch();
}

/// Whether the text ends on a word that makes the number after it a rank: "top", "No.", "number",
/// "ranked", "place".
bool afterRankWord(QStringView before)
{
    qsizetype end = before.size();
    while (end > 0 && before[end - 1] == u' ')
        --end;
    if (end == before.size() && !(end > 0 && before[end - 1] == u'.'))
        return false;  // "top10": no space, no "No." before the number
    qsizetype start = end;
    while (start > 0 && (before[start - 1].isLetter() || before[start - 1] == u'.'))
        --start;
    const QStringView word = before.sliced(start, end - start);
    for (const char16_t* w : {u"top", u"no.", u"number", u"rank", u"ranked", u"place"})
        if (word.compare(QStringView(w), Qt::CaseInsensitive) == 0)
            return true;
    return false;
}

bool overlaps(qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1)
{
    return a0 < b1 && b0 < a1;
}

}  // namespace

std::vector<Quantity> QuantityFinder::find(QStringView text)
{
    static const QRegularExpression number(
        QStringLiteral("(?<cur>US\\$|\\$|\\x{00a5}|\\x{20ac}|\\x{00a3}|RMB\\s?|CNY\\s?)?"
                       "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
                       "(?:\\s?(?<scale>thousand|million|billion|trillion|bn|mn|tn|[kmb])(?![\\p{L}\\d]))?"
                       "(?:\\s?(?<pct>%|percent\\b|per cent\\b|percentage points?\\b|(?-i:pc)(?![\\p{L}\\d])))?"
                       "(?<glued>(?-i:fps|p)(?![\\p{L}\\d]))?"
                       "(?:\\s(?<cur2>yuan|dollars|US dollars|euros|pounds|RMB)\\b)?"),
        kOptions);
    // the qualifier written right before a number ("more than 1,000"), read only where a number is
    // (as part of `number`, it was tried at every position of every sentence)
    static const QRegularExpression qualifierBefore(
        QStringLiteral("\\b(?:more than|less than|fewer than|over|under|almost|nearly|about|around|roughly|"
                       "approximately|some|up to|at least|at most|just over|just under|close to|as many as|only|above|below|"
                       "upwards of|in excess of|as much as|as little as|an estimated|just above|just below|well over|"
                       "well above|well below)\\s+$"),
        kOptions);
    static const QRegularExpression words(
        QStringLiteral("(?<qual>\\b(?:more than|almost|nearly|about|around|roughly|over|just over|just under|close to)\\s+)?"
                       "\\b(?:(?<times>twice|(?<tw>[a-z]+|\\d+(?:\\.\\d+)?)\\s+times)(?=\\s+(?:more|as|the|higher|larger|bigger|greater|faster|cheaper|fewer|less|lower|that|what|over)\\b)"
                       "|(?<!first\\s)(?<!second\\s)(?<!latter\\s)(?<!former\\s)(?<!other\\s)"
                       "(?<frac>half|a quarter|one quarter|one-quarter|a third|one third|one-third|two-thirds|two thirds|"
                       "three quarters|three-quarters|a fifth|one fifth|one-fifth|a tenth|one tenth|one-tenth)(?=\\s+of\\b))"),
        kOptions);

    // "0.0008 yuan per 1,000 tokens", "$0.55 per million input tokens": a rate's denominator is
    // part of the unit, not a second quantity
    static const QRegularExpression perUnit(
        QStringLiteral("^\\s+per\\s+(?:(?:\\d[\\d,]*|one|a|thousand|million|billion)\\s+)?[a-z][a-z-]*(?:\\s+(?:tokens?|characters?|words?|queries|requests|images?|users?|hours?|seconds?|minutes?|months?|years?|units?))?\\b"),
        kOptions);
    std::vector<Quantity> out;
    const bool digits = std::any_of(text.begin(), text.end(), [](QChar ch) { return ch.isDigit(); });
    using namespace Qt::Literals::StringLiterals;
    // every match of `words` holds one of these (caseless, as it matches)
    const bool numberWords = mayContain(text, {"half"_L1, "quarter"_L1, "third"_L1, "twice"_L1, "times"_L1, "fifth"_L1,
                                               "tenth"_L1}, true);
    // "a million", "one billion": every such scale word holds "illion" (one search for all)
    const qsizetype firstIllion = findPlain(text, u"illion");
    const bool scaleWords = firstIllion > 0;
    if (!digits && !numberWords && !scaleWords)
        return out;  // no number to read
    // the groups by number, looked up once (by name, each asks the expression)
    static const struct {
        int cur, num, scale, pct, cur2, glued;
    } g = [] {
        const QStringList names = number.namedCaptureGroups();
        return decltype(g){static_cast<int>(names.indexOf(u"cur")),
                           static_cast<int>(names.indexOf(u"num")),   static_cast<int>(names.indexOf(u"scale")),
                           static_cast<int>(names.indexOf(u"pct")),   static_cast<int>(names.indexOf(u"cur2")),
                           static_cast<int>(names.indexOf(u"glued"))};
    }();
    qsizetype consumed = 0;
    if (digits) {
        for (auto it = number.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            if (m.capturedStart(g.num) < consumed)
                continue;
            const qsizetype start = m.capturedStart(g.cur) >= 0 ? m.capturedStart(g.cur)
                                                                                : m.capturedStart(g.num);
            const qsizetype numStart = m.capturedStart(g.num);
            qsizetype end = m.capturedEnd(0);
            const QString num = m.captured(g.num);
            // "30fps", "1080p": a measurement unit glued to the number (a resolution has three or four digits)
            const bool glued = m.hasCaptured(g.glued) && !m.hasCaptured(g.scale) && !m.hasCaptured(g.pct) &&
                               !m.hasCaptured(g.cur) && m.capturedEnd(g.num) == m.capturedStart(g.glued) &&
                               (m.captured(g.glued) != QStringLiteral("p") || (num.size() >= 3 && num.size() <= 4));
            if (m.hasCaptured(g.glued) && !glued)
                continue;  // "5p" or "2.5fps" after a scale: not a form this reads
            const bool hasUnit = m.hasCaptured(g.pct) || m.hasCaptured(g.cur) ||
                                 m.hasCaptured(g.cur2) || m.hasCaptured(g.scale) || glued;
            const QChar before = numStart > 0 ? text[numStart - 1] : QChar();
            const QChar after = m.capturedEnd(g.num) < text.size() ? text[m.capturedEnd(g.num)]
                                                                                   : QChar();
            // glued to letters: model codes, versions, ordinals ("H20", "910B", "Qwen2.5", "2nd", "15month");
            // a one-letter scale ("$2.5b", "$300m") counts only after a currency sign
            if (before.isLetter() || (after.isLetter() && !hasUnit))
                continue;
            if (m.captured(g.scale).size() == 1 && !m.hasCaptured(g.cur))
                continue;
            // "GPT-4", "V-2": a number hyphenated to a word; phone-like "555-0100"; times "4:26", "10 a.m."
            if (before == u'-' && numStart >= 2 && text[numStart - 2].isLetterOrNumber())
                continue;
            if (after == u'-' || after == u':' || before == u':' || before == u'/' || after == u'/' || before == u'#')
                continue;
            static const QRegularExpression clock(QStringLiteral("^\\s?[ap]\\.?m\\.?"), kOptions);
            if (clock.match(text.sliced(end)).hasMatch())
                continue;
            // "the top 10", "No. 2", "number 3": a rank, not an amount
            if (!hasUnit && afterRankWord(text.first(start)))
                continue;
            if (!hasUnit) {
                bool isInt = false;
                const int asInt = num.toInt(&isInt);
                if (isInt && num.size() == 4 && asInt >= 1900 && asInt <= 2100)
                    continue;  // a year
                if (adjacentMonth(text, numStart, m.capturedEnd(g.num)))
                    continue;  // the day of a date
                // "Seedance 2.0": a decimal right after a name is a version
                if (num.contains(u'.') && numStart >= 2 && text[numStart - 1] == u' ' && text[numStart - 2].isLetterOrNumber()) {
                    qsizetype w = numStart - 2;
                    while (w > 0 && text[w - 1].isLetterOrNumber())
                        --w;
                    if (text[w].isUpper())
                        continue;
                }
            }
            QString plain = num;
            plain.remove(u',');
            Quantity q;
            q.start = start;
            q.end = end;
            q.value = plain.toDouble() * scaleOf(m.captured(g.scale));
            if (const auto qm = qualifierBefore.match(text.first(start), std::max<qsizetype>(0, start - 40)); qm.hasMatch())
                q.qualifier = qm.captured(0).trimmed().toLower();
            if (glued)
                q.unit = m.captured(g.glued);
            else if (m.hasCaptured(g.pct))
                q.unit = QStringLiteral("percent");
            else if (const QString cur = currencyOf(m.captured(g.cur), m.captured(g.cur2));
                     !cur.isEmpty())
                q.unit = cur;
            else
                q.unit = QStringLiteral("count");
            if (const auto per = perUnit.match(text.sliced(end)); per.hasMatch()) {
                q.unit += u' ' + per.captured(0).simplified();
                q.end = end + per.capturedLength();
            }
            consumed = q.end;
            out.push_back(q);
        }
    }
    if (numberWords) {
        for (auto wit = words.globalMatch(text); wit.hasNext();) {
            const auto m = wit.next();
            Quantity q;
            q.qualifier = m.captured(QStringLiteral("qual")).trimmed().toLower();
            if (m.hasCaptured(QStringLiteral("frac"))) {
                const QString f = m.captured(QStringLiteral("frac")).toLower();
                q.start = m.capturedStart(QStringLiteral("frac"));
                q.end = m.capturedEnd(QStringLiteral("frac"));
                q.unit = QStringLiteral("percent");
                q.value = f == QStringLiteral("half") ? 50
                          : f.contains(QStringLiteral("tenth")) ? 10
                          : f.contains(QStringLiteral("fifth")) ? 20
                          : f.contains(QStringLiteral("two")) ? 66.7
                          : f.contains(QStringLiteral("three")) ? 75
                          : f.contains(QStringLiteral("quarter")) ? 25
                                                                   : 33.3;

            } else {
                q.start = m.capturedStart(QStringLiteral("times"));
                q.end = m.capturedEnd(QStringLiteral("times"));
                q.unit = QStringLiteral("times");
                const QString w = m.captured(QStringLiteral("tw")).toLower();
                bool numeric = false;
                const double n = w.toDouble(&numeric);
                q.value = m.captured(QStringLiteral("times")).toLower() == QStringLiteral("twice") ? 2
                          : numeric                                                             ? n
                                                                                                : wordNumbers().value(w, 0);
                if (q.value <= 0)
                    continue;
                // a numeric "6 times" was also read as a count above: the multiple wins
                std::erase_if(out, [&](const Quantity& x) { return x.start >= q.start && x.end <= q.end; });
            }
            out.push_back(q);
        }
    }
    // "over a billion parameters", "one million users": a scale word as the number (found by its
    // word, no expression: most sentences with "million" write a digit before it)
    for (qsizetype illion = firstIllion; scaleWords && illion > 0; illion = findPlain(text, u"illion", illion + 6)) {
        {
            qsizetype at = illion;
            while (at > 0 && text[at - 1].isLetter())
                --at;
            const QStringView word = text.sliced(at, illion + 6 - at);
            if (word != u"million" && word != u"billion" && word != u"trillion")
                continue;
            const QStringView before = text.first(at);
            qsizetype lead = 0;
            if (before.endsWith(u" a ") || before.endsWith(u" A ") || (before.size() == 2 && before.compare(u"a ", Qt::CaseInsensitive) == 0))
                lead = 2;
            else if (before.endsWith(u"one ", Qt::CaseInsensitive) && (before.size() == 4 || !before[before.size() - 5].isLetter()))
                lead = 4;
            const qsizetype end = at + word.size();
            const QStringView rest = text.sliced(end);
            if (!lead || (!rest.isEmpty() && (rest.front().isLetterOrNumber() || rest.front() == u'-')) ||
                rest.startsWith(u" times") || rest.startsWith(u" of ") || rest.startsWith(u" or ") ||
                before.chopped(lead).trimmed().endsWith(u'$'))
                continue;
            Quantity q;
            q.start = at - lead;
            q.end = end;
            q.unit = QStringLiteral("count");
            q.value = scaleOf(word.toString());
            if (std::any_of(out.begin(), out.end(), [&](const Quantity& x) { return overlaps(x.start, x.end, q.start, q.end); }))
                continue;
            if (const auto qm = qualifierBefore.match(text.first(q.start), std::max<qsizetype>(0, q.start - 40)); qm.hasMatch())
                q.qualifier = qm.captured(0).trimmed().toLower();
            out.push_back(q);
        }
    }
    std::sort(out.begin(), out.end(), [](const Quantity& a, const Quantity& b) { return a.start < b.start; });
    // "20 to 50 times", "between 500 and 999 employees", "$2.6 to $4.4 trillion": a range's lower
    // bound written bare takes the upper bound's unit (and its scale, when it has none of its own)
    static const QRegularExpression rangeGap(QStringLiteral("^\\s*(?:to|and|-|\\x{2013})\\s*(?:US\\$|\\$)?$"), kOptions);
    for (size_t i = 0; i + 1 < out.size(); ++i) {
        Quantity& low = out[i];
        const Quantity& high = out[i + 1];
        if (low.end > high.start || high.start - low.end > 8 ||
            !rangeGap.match(text.sliced(low.end, high.start - low.end)).hasMatch())
            continue;
        QStringView lowText = text.sliced(low.start, low.end - low.start);
        while (!lowText.isEmpty() && !lowText.front().isDigit())
            lowText = lowText.sliced(1);  // "$1.5 to $2 trillion": the sign is no scale
        const bool bare = !lowText.isEmpty() &&
                          std::all_of(lowText.begin(), lowText.end(), [](QChar ch) { return ch.isDigit() || ch == u',' || ch == u'.'; });
        // the scale the upper bound has: its value over its own digits
        const QStringView highText = text.sliced(high.start, high.end - high.start);
        qsizetype d = 0;
        while (d < highText.size() && !highText[d].isDigit())
            ++d;
        qsizetype e = d;
        while (e < highText.size() && (highText[e].isDigit() || highText[e] == u',' || highText[e] == u'.'))
            ++e;
        QString digitsOnly = highText.sliced(d, e - d).toString();
        digitsOnly.remove(u',');
        const double plain = digitsOnly.toDouble();
        const bool scaled = plain > 0 && high.unit != QStringLiteral("times") && high.value / plain >= 1000;
        // two counts are a range only when the upper one has a scale word: "2 to 3 million users"
        // is two million at least, "from 5 to 10 models" already two counts
        if (high.unit == QStringLiteral("count") && !scaled)
            continue;
        if (bare && (low.unit == QStringLiteral("count") || low.unit == high.unit)) {
            low.unit = high.unit;
            if (scaled && low.value < 1000)
                low.value *= high.value / plain;
        }
    }
    return out;
}

}  // namespace claimlens
