#include "extract/StatisticFinder.h"

#include "extract/StatisticParts.h"

#include "util/Text.h"

#include <QSet>

#include <limits>
#include <optional>

namespace claimlens {

using namespace statistics;

namespace {

/// A number word of the tens ("fifteen", "thirty"), 0 when it is none.
int wordValue(const QString& word)
{
    static const QHash<QString, int> words{{QStringLiteral("seven"), 7},   {QStringLiteral("eight"), 8},
                                           {QStringLiteral("nine"), 9},    {QStringLiteral("ten"), 10},
                                           {QStringLiteral("fifteen"), 15}, {QStringLiteral("twenty"), 20},
                                           {QStringLiteral("thirty"), 30}, {QStringLiteral("forty"), 40},
                                           {QStringLiteral("fifty"), 50},  {QStringLiteral("sixty"), 60},
                                           {QStringLiteral("ninety"), 90}};
    return words.value(word.toLower(), 0);
}

/// The sentence's quantities, in order: QuantityFinder's, with the length of a clip ("a 15-second
/// clip"), and without numbers inside a known name or an amount converted in brackets.
void locateQuantities(SentenceContext& c)
{
    c.quantities = QuantityFinder::find(c.text);
    // the length of a clip or a video is a figure about it, not a span of time: "videos of up to 10
    // seconds", "two minutes long", "a 15-second clip"
    using namespace Qt::Literals::StringLiterals;
    const bool timeWords = std::any_of(c.lowerWords.begin(), c.lowerWords.end(), [](QStringView w) {
        if (w.size() > 4 && w.back() == u's')
            w.chop(1);
        if (w.size() < 4)
            return false;
        const char16_t last = w.back().unicode();  // the test most words fail at once
        return (last == u'd' && w.endsWith(u"second")) || (last == u'e' && w.endsWith(u"minute")) ||
               (last == u'r' && w.endsWith(u"hour"));
    });
    if (timeWords) {
        static const QString count = QStringLiteral("(?<n>\\d+(?:\\.\\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|"
                                                    "fifteen|twenty|thirty|forty|fifty|sixty|ninety)");
        static const QString footage = QStringLiteral("(?:clips?|videos?|films?|footage|movies?|trailers?|shorts?|segments?|"
                                                      "ads?|advertisements?|scenes?|animations?|recordings?)");
        static const QRegularExpression length(
            QStringLiteral("\\b%1[\\s-](?<u>second|minute|hour)s?(?:\\s+(?:long|in\\s+length)\\b|(?=[\\s-]+(?:[\\p{Ll}-]+\\s+)?%2\\b))"
                           "|\\b%2\\s+(?:of\\s+|lasting\\s+)?(?:up\\s+to\\s+|about\\s+|around\\s+|nearly\\s+)?%3\\s+(?<u2>second|minute|hour)s?\\b")
                .arg(count, footage, QString(count).replace(QStringLiteral("?<n>"), QStringLiteral("?<n2>"))),
            kUnicode | QRegularExpression::CaseInsensitiveOption);
        for (auto it = length.globalMatch(c.text); it.hasNext();) {
            const auto m = it.next();
            Quantity q;
            const bool first = m.hasCaptured(u"u");
            q.start = first ? m.capturedStart(u"n") : m.capturedStart(u"n2");
            q.end = first ? m.capturedEnd(u"u") : m.capturedEnd(u"u2");
            const QString n = (first ? m.captured(u"n") : m.captured(u"n2")).toLower();
            bool numeric = false;
            q.value = n.toDouble(&numeric);
            if (!numeric)
                q.value = smallCount(n) > 0 ? smallCount(n) : wordValue(n);
            if (q.value <= 0)
                continue;
            q.unit = (m.hasCaptured(u"u") ? m.captured(u"u") : m.captured(u"u2")).toLower() + u's';
            if (const QStringView before = QStringView(c.text).first(q.start); before.endsWith(u"up to "))
                q.qualifier = QStringLiteral("up to");
            std::erase_if(c.quantities, [&](const Quantity& x) { return overlaps(x.start, x.end, q.start, q.end); });
            c.quantities.push_back(q);
        }
        std::sort(c.quantities.begin(), c.quantities.end(), [](const Quantity& a, const Quantity& b) { return a.start < b.start; });
    }
    // a number inside a known name ("Mate 60 Pro", "Qwen 2") is part of the name
    std::erase_if(c.quantities, [&](const Quantity& q) {
        return std::any_of(c.aliases.begin(), c.aliases.end(),
                           [&](const AliasMatch& a) { return overlaps(a.start, a.end, q.start, q.end); });
    });
    // "20 billion yuan ($2.7 billion)": the same amount converted, not a second figure
    std::erase_if(c.quantities, [&](const Quantity& q) {
        const QStringView before = QStringView(c.text).first(q.start).trimmed();
        return before.endsWith(u'(') && std::any_of(c.quantities.begin(), c.quantities.end(), [&](const Quantity& other) {
                   return other.end <= q.start && q.start - other.end <= 3 && other.unit != QStringLiteral("count") &&
                          other.unit != QStringLiteral("percent") && q.unit != QStringLiteral("count");
               });
    });
}

/// The period a sentence names: "between 2014 and 2023", "in 2023"; where it stands.
struct SentencePeriod {
    QString period;  ///< empty for none
    qsizetype start = 0;
    qsizetype end = 0;
};

SentencePeriod sentencePeriod(const SentenceContext& c)
{
    static const QRegularExpression range(QStringLiteral("\\bbetween\\s+((?:19|20)\\d\\d)\\s+and\\s+((?:19|20)\\d\\d)\\b"));
    static const QRegularExpression year(QStringLiteral("\\b(?:in|during|for|of)\\s+((?:19|20)\\d\\d)\\b"),
                                         QRegularExpression::CaseInsensitiveOption);

    if (const auto r = range.match(c.text); r.hasMatch())
        return {r.captured(1) + u'-' + r.captured(2), r.capturedStart(), r.capturedEnd()};
    if (const auto y = year.match(c.text); y.hasMatch())
        return {y.captured(1), y.capturedStart(), y.capturedEnd()};
    return {};
}

/// "of", "out of", with a determiner or an approximation: between a part and its whole.
const QRegularExpression& partitiveGap()
{
    static const QRegularExpression gap(
        QStringLiteral("^\\s*(?:out\\s+)?of\\s+(?:(?:the|some|about|around|roughly|nearly|almost|an\\s+estimated)\\s+)?$"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    return gap;
}

Figure figureAt(const SentenceContext& c, size_t qi)
{
    static const QRegularExpression boundary(
        QStringLiteral("\\s(?:compared\\s+(?:to|with)|while|whereas|but|versus|vs\\.?|against|than|and|or)\\s|[;,(]\\s|\\s[\\x{2013}\\x{2014}]\\s"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression leadIn(QStringLiteral("^\\s*(?:of|from|among)\\s+(?:the\\s+)?(?:world's\\s+|world\\x{2019}s\\s+)?"),
                                           kUnicode);
    const Quantity& q = c.quantities[qi];
    // "20 to 50 times cheaper", "$2.6 to $4.4 trillion a year": a range's lower bound is
    // measured by the words after its upper bound
    static const QRegularExpression rangeGap(QStringLiteral("^\\s*(?:to|and|-|\\x{2013})\\s*$"), kUnicode);
    qsizetype measuredFrom = q.end;
    size_t next = qi + 1;
    // (the gap's word is looked for before its expression runs)
    auto joined = [&](size_t a, size_t b, const QRegularExpression& gap, qsizetype reach, QStringView word) {
        if (b >= c.quantities.size() || c.quantities[b].unit != c.quantities[a].unit ||
            c.quantities[b].start - c.quantities[a].end > reach)
            return false;
        const QStringView between = QStringView(c.text).sliced(c.quantities[a].end, c.quantities[b].start - c.quantities[a].end);
        return (word.isEmpty() || between.contains(word)) && gap.match(between).hasMatch();
    };
    if (joined(qi, next, rangeGap, 6, {})) {
        measuredFrom = c.quantities[next].end;
        ++next;
    } else if (joined(qi, next, partitiveGap(), 24, u"of")) {
        measuredFrom = c.quantities[next].end;  // the part: measured by the whole's words
        ++next;
    }
    const bool whole = qi > 0 && joined(qi - 1, qi, partitiveGap(), 24, u"of");
    qsizetype limit = next < c.quantities.size() ? c.quantities[next].start : c.text.size();
    if (const auto b = boundary.match(c.text, measuredFrom); b.hasMatch() && b.capturedStart() < limit)
        limit = b.capturedStart();
    const QStringView after = QStringView(c.text).sliced(measuredFrom, limit - measuredFrom);

    qsizetype clauseStart = 0;
    for (auto b = boundary.globalMatch(QStringView(c.text).first(q.start)); b.hasNext();)
        clauseStart = b.next().capturedEnd();
    const auto lead = leadIn.match(after);
    return Figure{q, limit, after, clauseStart, lead, whole};
}

/// The period a figure is for: the sentence's, or the year a time after the figure names.
struct FigurePeriod {
    QString period;
    bool timeAfter = false;  ///< a time follows the figure ("two years earlier"), not a measure
};

FigurePeriod periodOf(const SentenceContext& c, const Figure& figure, const SentencePeriod& named)
{
    const QStringView after = figure.after;
    // the figure's own: a period after it within its words ("54,000 inventions filed between 2014
    // and 2023"), or one before it that no report's "that" separates from it ("WIPO reported in
    // 2024 that China filed 38,000 ..." dates the report; "... the GDP of the UK in 2021", after
    // the figure's clause, is another figure's)
    static const QRegularExpression reportedThat(QStringLiteral("\\b(?:that|said|says|told|according\\s+to)\\b"),
                                                 kUnicode | QRegularExpression::CaseInsensitiveOption);
    // (the report's "that" follows its date closely: "reported in 2024 that", "said in a 2024
    // filing that")
    auto reported = [&] {
        const QStringView between = QStringView(c.text).sliced(named.end, std::min<qsizetype>(32, figure.q.start - named.end));
        return between.size() > 4 &&
               mayContain(between, {QLatin1StringView("that"), QLatin1StringView("said"), QLatin1StringView("says"),
                                    QLatin1StringView("told"), QLatin1StringView("according")},
                          true) &&
               reportedThat.match(between).hasMatch();
    };
    const bool own = named.period.isEmpty() ||
                     (named.start >= figure.q.end ? named.start < figure.limit : named.end <= figure.q.start && !reported());
    const QString period = own ? named.period : QString();
    // "26% two years earlier", "180,000 a year ago": a time, not a measure (the figure goes on
    // in the measure before it); "... in 2024, up from 180,000 a year earlier": the year before
    // the sentence's own
    static const QRegularExpression timeAgo(
        QStringLiteral("^\\s*(?:(?<n>a|an|one|two|three|four|five|six|several|\\d+)\\s+)?(?<unit>years?|months?|quarters?|weeks?|days?)"
                       "\\s+(?:earlier|ago|before|prior|later)\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    QString figurePeriod = period;
    bool timeAfter = false;
    if (const auto ago = timeAgo.match(after); ago.hasMatch()) {
        const int n = smallCount(ago.captured(QStringLiteral("n")));
        bool isYear = false;
        const int base = period.toInt(&isYear);
        figurePeriod = ago.captured(QStringLiteral("unit")).startsWith(QStringLiteral("year"), Qt::CaseInsensitive) &&
                               n > 0 && isYear && period.size() == 4
                           ? QString::number(base - n)
                           : QString();
        timeAfter = true;
    }
    return FigurePeriod{figurePeriod, timeAfter};
}

/// The figure's value, unit, qualifier and period, about `subject`.
Statistic statisticOf(const SentenceContext& c, const Quantity& q, const SentenceSubject& subject, const QString& period)
{
    Statistic st;
    st.sentence = c.index;
    st.start = c.base + q.start;
    st.end = c.base + q.end;
    st.subject = subject.product.isEmpty() ? subject.name : subject.product;
    st.subjectKind = subject.product.isEmpty() ? subject.kind : EntityKind::Product;
    st.value = q.value;
    st.unit = q.unit;
    st.qualifier = q.qualifier;
    st.period = period;
    return st;
}

/// One figure read in its steps: subject, period, measure phrase, value, metric; a statistic
/// when all of them are found, and the paragraph's last figure then.
void readFigure(SentenceContext& c, size_t qi, const NamedSubjects& named, const std::vector<MetricSpan>& spans,
                const SentencePeriod& period, const Language& lang, Extraction& out)
{
    const Quantity& q = c.quantities[qi];
    if (q.unit == QStringLiteral("count") && q.value < 2)
        return;  // "one", "1": rarely a figure anyone tracks
    const Figure figure = figureAt(c, qi);
    const std::optional<FigureSubject> subject = chooseSubject(c, figure, named);
    if (!subject)
        return;
    const FigurePeriod figurePeriod = periodOf(c, figure, period);
    const std::optional<MeasurePhrase> measure = measurePhrase(figure, subject->continued, figurePeriod.timeAfter, lang);
    if (!measure)
        return;
    Statistic st = statisticOf(c, q, subject->who, figurePeriod.period);
    if (!chooseMetric(c, figure, *measure, nearestMetric(spans, figure), st))
        return;
    // a change is no level: "erased $593.7 billion of market value" is a fall in market value,
    // charted apart from what the value is
    st.kind = changeKind(c, figure, *measure);
    static const QStringList changeMeasures{QStringLiteral("change"), QStringLiteral("loss"), QStringLiteral("price_cut")};
    if (!st.kind.isEmpty() && !measure->words.isEmpty() && st.metricKey == measure->words.first().toLower())
        st.metricKey = QStringLiteral("change");  // "a 17% fall": the change's own noun names no measure
    else if (!st.kind.isEmpty() && st.unit != QStringLiteral("percent") && st.unit != QStringLiteral("times") &&
             !changeMeasures.contains(st.metricKey))
        st.metricKey += QStringLiteral("_change");
    c.paragraph->lastMetric = st.metric;
    c.paragraph->lastMetricKey = st.metricKey;
    if (st.unit == QStringLiteral("times") && c.paragraph->lastUnit != st.unit)
        c.paragraph->unitBeforeMultiple = c.paragraph->lastUnit;
    c.paragraph->lastUnit = st.unit;
    if (!figure.whole)  // "38,000 of some 54,000": the part is what the paragraph goes on about
        c.paragraph->lastStatisticSubject = subject->who;
    out.statistics.push_back(st);
}

}  // namespace

StatisticFinder::StatisticFinder(std::shared_ptr<const Knowledge> knowledge) : m_knowledge(std::move(knowledge))
{
    QStringList phrases;
    for (const Metric& m : m_knowledge->metrics())
        for (const QString& ph : m.phrases)
            if (!m_metricByPhrase.contains(ph)) {
                m_metricByPhrase.insert(ph, &m);
                phrases.append(ph);
            }
    // a word's inflections count: "price" in "priced", "patent" in "patents"
    m_metricPhrases = QRegularExpression(
        QStringLiteral("(?<![\\p{L}])(%1)(?:s|es|d|ed|ing)?(?![\\p{L}])").arg(regexAlternatives(phrases)),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    m_metricPhrases.optimize();
}

void StatisticFinder::find(SentenceContext& c, Extraction& out) const
{
    const NamedSubjects named = namedSubjects(c, out, *m_knowledge);
    locateQuantities(c);
    if (!c.quantities.empty()) {
        const std::vector<MetricSpan> spans = findMetricSpans(c, m_metricPhrases, m_metricByPhrase);
        const SentencePeriod period = sentencePeriod(c);
        for (size_t qi = 0; qi < c.quantities.size(); ++qi)
            readFigure(c, qi, named, spans, period, m_knowledge->language(), out);
    }
    // (after the figures, which read the paragraph's subject as the sentences before left it)
    carrySubjectOn(c, named.subjects, m_knowledge->language());
}

}  // namespace claimlens
