// What a figure of a sentence measures: the noun phrase after it, the vocabulary's metric named
// nearest it, a verb or noun before it, or the paragraph's last measure; and whether it is a change.
#include "extract/StatisticParts.h"

#include "util/Text.h"

#include <QSet>

#include <limits>
#include <optional>

namespace claimlens::statistics {
namespace {

/// Words that make the figure before them a span of time, not a measure: "three months".
const QSet<QString>& durations()
{
    static const QSet<QString> set{QStringLiteral("year"),  QStringLiteral("years"), QStringLiteral("month"),
                                   QStringLiteral("months"), QStringLiteral("week"), QStringLiteral("weeks"),
                                   QStringLiteral("day"),   QStringLiteral("days"),  QStringLiteral("hours"),
                                   QStringLiteral("hour"),  QStringLiteral("minutes"), QStringLiteral("seconds")};
    return set;
}

/// The measure an amount's verb names: "earmarked", "set aside", "pledged" are spending; "raised"
/// funding; "lost", "erased" a loss; "earned" revenue.
QString moneyVerbMeasure(const QString& verb)
{
    static const std::pair<const char16_t*, const char16_t*> stems[] = {
        {u"rais", u"funding"}, {u"cost", u"cost"},    {u"paid", u"payment"}, {u"pay", u"payment"}, {u"lost", u"loss"},
        {u"los", u"loss"},     {u"wip", u"loss"},     {u"eras", u"loss"},    {u"earn", u"revenue"}, {u"generat", u"revenue"},
        {u"fined", u"fine"}};
    for (const auto& [stem, measure] : stems)
        if (verb.startsWith(QStringView(stem)))
            return QString::fromUtf16(measure);
    return QStringLiteral("spending");
}

/// A currency: three capitals ("USD", "CNY per 1,000 tokens").
bool isMoney(const QString& unit)
{
    return unit.size() >= 3 && unit.at(0).isUpper() && unit.at(1).isUpper() && unit.at(2).isUpper();
}

}  // namespace

std::vector<MetricSpan> findMetricSpans(const SentenceContext& c, const QRegularExpression& metricPhrases,
                                    const QHash<QString, const Metric*>& metricByPhrase)
{
    std::vector<MetricSpan> metricSpans;
    for (auto it = metricPhrases.globalMatch(c.text); it.hasNext();) {
        const auto m = it.next();
        metricSpans.push_back({m.capturedStart(), m.capturedEnd(),
                               metricByPhrase.value(m.captured(1).toLower())});
    }
    return metricSpans;
}

std::optional<MeasurePhrase> measurePhrase(const Figure& figure, bool continued, bool timeAfter, const Language& lang)
{
    static const QRegularExpression phraseEnd(
        QStringLiteral("\\s(?:in|by|from|between|since|during|over|at|for|to|on|than|last|this|a|per|according|as|with|and|or|that|"
                       "which|who|within|after|before|across|through|throughout|into|among|amid|against|despite|via|until|"
                       "toward|towards|upon|beyond|without|under|above|below|near|versus|around|off|where|when|whose|"
                       // a verb or an adverb ends the noun phrase: "companies are heading", "videos so far"
                       "is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must|do|does|did|"
                       "so|now|already|yet|still|also|just|too|every|each|following|including|excluding|regarding)(?=\\s|$)"),
        kUnicode);
    const Quantity& q = figure.q;
    const QStringView after = figure.after;
    const QRegularExpressionMatch& lead = figure.lead;
    // what: the noun phrase after the number, and the vocabulary's name for it
    QString phrase = after.toString();
    phrase.remove(0, lead.hasMatch() ? lead.capturedLength() : 0);
    if (const auto e = phraseEnd.match(u' ' + phrase); e.hasMatch())
        phrase.truncate(std::max<qsizetype>(0, e.capturedStart() - 1));
    phrase = phrase.trimmed();
    static const QRegularExpression trailingPunctuation(QStringLiteral("[.,;:!?\\x{201d}\"]+$"), kUnicode);
    phrase.remove(trailingPunctuation);
    QStringList phraseWords = phrase.split(u' ', Qt::SkipEmptyParts);
    // "the total", "some 38,000": determiners are not the measure; a verb ("are active",
    // "recorded") means no noun names it
    static const QSet<QString> determiners{QStringLiteral("the"), QStringLiteral("a"), QStringLiteral("an"),
                                           QStringLiteral("some"), QStringLiteral("its"), QStringLiteral("their"),
                                           QStringLiteral("his"), QStringLiteral("her"), QStringLiteral("those"),
                                           QStringLiteral("these"), QStringLiteral("more"), QStringLiteral("of")};
    static const QSet<QString> auxiliaries{QStringLiteral("is"), QStringLiteral("are"), QStringLiteral("was"),
                                           QStringLiteral("were"), QStringLiteral("has"), QStringLiteral("have"),
                                           QStringLiteral("had"), QStringLiteral("will"), QStringLiteral("would")};
    while (!phraseWords.isEmpty() && determiners.contains(phraseWords.first().toLower()))
        phraseWords.removeFirst();
    // "50% of China's AI accelerator market": the owner before the noun is not the measure
    if (!phraseWords.isEmpty() && phraseWords.size() > 1 &&
        (phraseWords.first().endsWith(QStringLiteral("'s")) || phraseWords.first().endsWith(QStringLiteral("\u2019s"))))
        phraseWords.removeFirst();
    // "inventions filed", "exchanges centred on ...": a participle after the noun says what
    // happened to the things, the noun before it names them
    for (qsizetype i = 1; i < phraseWords.size(); ++i) {
        const QString& w = phraseWords.at(i);
        if (w.size() > 4 && w.endsWith(QStringLiteral("ed")) && w == w.toLower() && !w.contains(u'-')) {
            phraseWords = phraseWords.mid(0, i);
            phrase = phraseWords.join(u' ');
            break;
        }
    }
    if (timeAfter)
        phraseWords.clear();
    // a participle with its preposition ("the $7.8 billion recorded in China", "spent by
    // Baidu") says what happened to the amount, not what it measures
    static const QSet<QString> prepositions{QStringLiteral("in"), QStringLiteral("by"), QStringLiteral("for"),
                                            QStringLiteral("at"), QStringLiteral("from"), QStringLiteral("on"),
                                            QStringLiteral("to"), QStringLiteral("last"), QStringLiteral("this"),
                                            QStringLiteral("off"), QStringLiteral("out"), QStringLiteral("away")};
    const bool participle = !phraseWords.isEmpty() && phraseWords.first().endsWith(QStringLiteral("ed")) &&
                            (phraseWords.size() == 1 || prepositions.contains(phraseWords.at(1)));
    if (!phraseWords.isEmpty() && (participle || auxiliaries.contains(phraseWords.first()) ||
                                   lang.claimVerbs.contains(phraseWords.first())))
        phraseWords.clear();
    if (phraseWords.size() > 8)
        phraseWords = phraseWords.mid(0, 8);
    // "$5 billion in funding", "¥50 million in prize money": an amount of money names what it
    // is in; places, times and determiners after "in" do not ("$2 billion in China", "in 2023",
    // "in the first quarter", "in four months")
    static const QRegularExpression moneyIn(
        QStringLiteral("^\\s*in\\s+((?:(?!the\\b|a\\b|an\\b|its\\b|their\\b|his\\b|her\\b|total\\b|all\\b|just\\b|only\\b|"
                       "recent\\b|late\\b|early\\b|mid\\b|each\\b|every\\b|one\\b|two\\b|three\\b|four\\b|five\\b|six\\b|"
                       "under\\b|less\\b|about\\b|over\\b)\\p{Ll}[\\p{Ll}-]*\\s*){1,3})(?=$|[.,;:)]|\\s+(?:from|for|to|by|in|"
                       "on|at|and|over|last|this|since|during|as|after|before|with|that|which|while)\\b)"),
        kUnicode);
    if (phraseWords.isEmpty() && isMoney(q.unit) && q.unit.size() == 3) {
        if (const auto in = moneyIn.match(after); in.hasMatch()) {
            const QStringList named = in.captured(1).split(u' ', Qt::SkipEmptyParts);
            if (!durations().contains(named.first()) && !lang.claimVerbs.contains(named.first()))
                phraseWords = named;
        }
    }
    if (continued && !phraseWords.isEmpty())
        return std::nullopt;
    phrase = phraseWords.join(u' ');
    const bool clipLength = q.unit == QStringLiteral("seconds") || q.unit == QStringLiteral("minutes") ||
                            q.unit == QStringLiteral("hours");
    if (clipLength) {
        phraseWords.clear();
        phrase.clear();
    }
    if (!phraseWords.isEmpty() && durations().contains(phraseWords.first().toLower()))
        return std::nullopt;  // "three months": a duration, not a statistic
    return MeasurePhrase{phrase, phraseWords, participle, clipLength};
}

const Metric* nearestMetric(const std::vector<MetricSpan>& metricSpans, const Figure& figure)
{
    const Quantity& q = figure.q;
    const qsizetype limit = figure.limit;
    // the metric named nearest the number, within its clause and the words before it
    const qsizetype from = std::max<qsizetype>(0, q.start - 60);
    const Metric* metric = nullptr;
    qsizetype bestDistance = std::numeric_limits<qsizetype>::max(), bestLength = 0;
    // (a measure of money measures amounts and a count counts: "$650 million ... to attract users"
    // is no number of users; a multiple multiplies any measure)
    // (a change in percent fits any
    // measure: "revenue rose 20%", "shares fell 17%")
    const bool figureMoney = isMoney(q.unit);
    const bool anyMeasure = q.unit == QStringLiteral("times") || q.unit == QStringLiteral("percent");
    auto fits = [&](const Metric* m) {
        if (!m || anyMeasure || m->unit == QStringLiteral("percent"))
            return true;
        const bool metricMoney = m->unit.compare(QStringLiteral("usd"), Qt::CaseInsensitive) == 0 ||
                                 m->unit.compare(QStringLiteral("cny"), Qt::CaseInsensitive) == 0 ||
                                 m->unit.compare(QStringLiteral("eur"), Qt::CaseInsensitive) == 0;
        return metricMoney == figureMoney;
    };
    for (const auto& [at, end, m] : metricSpans) {
        if (at < from || end > limit || !fits(m))
            continue;
        const qsizetype distance = end <= q.start ? q.start - end : at >= q.end ? at - q.end : 0;
        if (distance < bestDistance || (distance == bestDistance && end - at > bestLength)) {
            metric = m;
            bestDistance = distance;
            bestLength = end - at;
        }
    }
    return metric;
}

bool chooseMetric(const SentenceContext& c, const Figure& figure, const MeasurePhrase& measure, const Metric* metric,
                  Statistic& st)
{
    const Quantity& q = figure.q;
    const QString& phrase = measure.phrase;
    const QStringList& phraseWords = measure.words;
    const bool participle = measure.participle;
    const bool clipLength = measure.clipLength;
    // "400,000 Ascend 910B processors": a short phrase of names before a noun still names the
    // measure, when the vocabulary names none
    // ("LLMs", "GPUs": a plural acronym is a noun too)
    static const QRegularExpression acronymPlural(QStringLiteral("^\\p{Lu}{2,}s$"), kUnicode);
    auto noun = [&](const QString& w) { return w.front().isLower() || acronymPlural.match(w).hasMatch(); };
    const bool namesSomething =
        !phrase.isEmpty() && (noun(phraseWords.isEmpty() ? phrase : phraseWords.first()) ||
                              (!metric && phraseWords.size() <= 4 && noun(phraseWords.last())));
    const QStringView before = QStringView(c.text).first(q.start);
    static const QRegularExpression spendingVerb(
        QStringLiteral("\\b((?:set|put)\\s+aside|earmark(?:ed|ing)?|allocat(?:ed|ing)|committ(?:ed|ing)|commits?|pledg(?:ed|ing|es)|"
                       "invest(?:ed|ing|s)?|spen(?:t|ds?|ding)|put(?:s|ting)?|rais(?:ed|ing|es)|costs?|costing|paid|pays?|paying|lost|los(?:es|ing)|"
                       "budget(?:ed|ing)|fined|earn(?:ed|ing|s)|generat(?:ed|ing|es)|offer(?:ed|ing|s)|promis(?:ed|ing|es)|"
                       "plough(?:ed|ing)|pour(?:ed|ing|s)|wip(?:ed|ing)\\s+off|erase[ds]?|erasing)\\s+"
                       "(?:[\\p{L}'\\x{2019}-]+\\s+){0,5}(?:US)?[$\\x{00a5}\\x{20ac}\\x{00a3}]?$"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression changeVerb(
        QStringLiteral("\\b(fell|falls?|falling|rose|rises?|rising|dropped|drops?|dropping|jumped|jumps?|jumping|climbed|climbs?|"
                       "slid|slides?|sliding|surged|surges?|soared|soars?|plunged|plunges?|tumbled|tumbles?|sank|sinks?|"
                       "declined|declines?|gained|gains?|grew|grows?|growing|increased|increases?|decreased|decreases?|"
                       "shrank|shrinks?|slumped|slumps?|rallied|rallies|cut|cuts|slashed|lowered|raised)\\s+"
                       "(?:by\\s+)?(?:(?:more\\s+than|less\\s+than|nearly|almost|about|around|roughly|some|over|up\\s+to|as\\s+much\\s+as|"
                       "at\\s+least|just\\s+over|just\\s+under)\\s+)?$"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression nounRose(
        QStringLiteral("\\b(?:the|its|their|his|her)\\s+((?:(?!(?:has|had|have|been)\\b)[\\p{Ll}-]+\\s+)?(?!(?:has|had|have|been)\\b)[\\p{Ll}-]+)"
                       "\\s+(?:has\\s+|had\\s+|have\\s+)?(?:been\\s+)?"
                       "(?:fell|fallen|rose|risen|dropped|jumped|climbed|slid|surged|soared|plunged|tumbled|sank|sunk|declined|"
                       "gained|grew|grown|increased|decreased|shrank|shrunk|slumped|reached|hit|stood|stands|was|were|is|are)\\s+"
                       "(?:to\\s+|at\\s+|by\\s+)?(?:(?:more\\s+than|nearly|almost|about|around|roughly|some|over|just\\s+over|just\\s+under)\\s+)?$"),
        kUnicode);
    static const QRegularExpression commaAt(
        QStringLiteral("\\b(?:the|a|an|its|their)\\s+((?:[\\p{Ll}-]+\\s+){0,4}?[\\p{Ll}-]+)(?:\\s+of\\s+[^,;]{1,40})?,\\s+(?:at|of)\\s+"
                       "(?:(?:about|around|roughly|nearly|almost|some|over|just\\s+over|more\\s+than)\\s+)?$"),
        kUnicode);
    static const QRegularExpression timesThe(QStringLiteral("\\btimes\\s+(?:the|that\\s+of|as\\s+much\\s+as)\\s+$"), kUnicode);
    static const QRegularExpression nounOf(
        QStringLiteral("\\b(?:a|an|the|its|their)\\s+((?:\\p{Ll}[\\p{Ll}-]+\\s+)?\\p{Ll}[\\p{Ll}-]+)\\s+of\\s+(?:(?:about|around|roughly|nearly|almost|some|over|more\\s+than|up\\s+to|at\\s+least)\\s+)?$"), kUnicode);
    // "more than 38,000 of them": a pronoun after the figure stands for the measure just given
    static const QStringList pronouns{QStringLiteral("them"), QStringLiteral("these"), QStringLiteral("those"),
                                      QStringLiteral("it"), QStringLiteral("which")};
    const bool refersBack = phraseWords.size() == 1 && pronouns.contains(phraseWords.first().toLower());
    if ((st.unit == QStringLiteral("times") || refersBack) && !c.paragraph->lastMetricKey.isEmpty()) {
        // "about six times the American figure": a multiple of the measure just given
        st.metric = c.paragraph->lastMetric;
        st.metricKey = c.paragraph->lastMetricKey;
    } else if (refersBack) {
        return false;  // "2,000 of them" with no measure before it: nothing to chart
    } else if (namesSomething) {
        st.metric = phrase;
        // ("decision makers" and "decision-makers" are one measure)
        st.metricKey = metric ? metric->key : phraseWords.last().toLower().section(u'-', -1);
    } else if (metric) {
        st.metric = metric->label;
        st.metricKey = metric->key;
    } else if (const auto verb = isMoney(q.unit) && q.unit.size() == 3 ? spendingVerb.match(before)
                                                                                  : QRegularExpressionMatch();
               verb.hasMatch()) {
        // "set aside $72 million", "earmarked $145 million", "would cost the firm $5 billion":
        // an amount of money the verb before it names
        // (one measure per kind of verb: the words stay as written, the key names the measure)
        st.metric = verb.captured(1).simplified();
        st.metricKey = moneyVerbMeasure(st.metric.toLower());
    } else if (const auto risen = q.unit != QStringLiteral("count") ? nounRose.match(before) : QRegularExpressionMatch();
               risen.hasMatch()) {
        // "their share had risen to 26%", "the price fell to $118": the noun that rose or fell
        st.metric = risen.captured(1);
        st.metricKey = st.metric.toLower();
    } else if (const auto change = q.unit == QStringLiteral("percent") ? changeVerb.match(before) : QRegularExpressionMatch();
               change.hasMatch()) {
        // "the index fell more than 3%", "jumped by 800%": a change, named by its verb
        st.metric = change.captured(1).toLower();
        st.metricKey = QStringLiteral("change");  // whatever the verb, a change
    } else if (const auto at = q.unit != QStringLiteral("count") ? commaAt.match(before) : QRegularExpressionMatch();
               at.hasMatch()) {
        // "the quickest growth rate of the group, at 56%": the noun the figure is given for
        const QStringList named = at.captured(1).split(u' ', Qt::SkipEmptyParts);
        st.metric = named.mid(std::max<qsizetype>(0, named.size() - 2)).join(u' ');
        st.metricKey = st.metric.toLower();
    } else if ((c.paragraph->lastUnit == st.unit ||
                (c.paragraph->lastUnit == QStringLiteral("times") &&
                 (timesThe.match(before).hasMatch() || c.paragraph->unitBeforeMultiple == st.unit))) &&
               !c.paragraph->lastMetricKey.isEmpty()) {
        // "38,000 patents compared to 6,276 in the US"; "Australia came next at 63%."; "8.6 times
        // the $7.8 billion recorded in China": the base of a multiple is in the multiple's measure
        st.metric = c.paragraph->lastMetric;
        st.metricKey = c.paragraph->lastMetricKey;
    } else if (const auto of = participle ? nounOf.match(before) : QRegularExpressionMatch(); of.hasMatch()) {
        // "a charge of about $5.5 billion linked to ...": the noun the amount is "of"
        st.metric = of.captured(1);
        st.metricKey = st.metric.toLower();
    } else if (clipLength) {
        st.metric = QStringLiteral("length");
        st.metricKey = st.metric;
    } else if (const auto unitOf = q.unit != QStringLiteral("count") ? nounOf.match(before) : QRegularExpressionMatch();
               unitOf.hasMatch() && !durations().contains(unitOf.captured(1).split(u' ').last())) {
        // "a frame rate of 30fps", "a margin of 12%": the noun the figure is "of"
        st.metric = unitOf.captured(1);
        st.metricKey = st.metric.toLower();
    } else if (q.unit == QStringLiteral("p") || q.unit == QStringLiteral("fps")) {
        // "up to 1080p", "at 60fps": the glued unit is the measure's own
        st.metric = q.unit == QStringLiteral("p") ? QStringLiteral("resolution") : QStringLiteral("frame rate");
        st.metricKey = st.metric;
    } else {
        return false;  // a number with no named measure is not a statistic anyone can chart
    }
    return true;
}

QString changeKind(const SentenceContext& c, const Figure& figure, const MeasurePhrase& measure)
{
    static const WordSet fallWords{u"fell",     u"falls",    u"falling",  u"dropped",  u"drops",    u"declined", u"declines",
                                   u"slid",     u"slides",   u"sank",     u"sinks",    u"plunged",  u"plunges",  u"tumbled",
                                   u"tumbles",  u"slumped",  u"slumps",   u"shrank",   u"shrinks",  u"decreased", u"decreases",
                                   u"cut",      u"cuts",     u"slashed",  u"lowered",  u"lost",     u"loses",    u"losing",
                                   u"erased",   u"erases",   u"erasing",  u"wiped",    u"wipes",    u"wiping",   u"knocked",
                                   u"shed"};
    static const WordSet riseWords{u"rose",  u"rises",  u"rising", u"jumped",  u"jumps",     u"climbed",   u"climbs",
                                   u"surged", u"surges", u"soared", u"soars",  u"gained",    u"gains",     u"grew",
                                   u"grows", u"increased", u"increases", u"rallied", u"rallies"};
    static const WordSet fallNouns{u"drop", u"decline", u"fall", u"plunge", u"slump", u"loss", u"cut", u"slide"};
    static const WordSet riseNouns{u"rise", u"jump", u"gain", u"increase", u"surge", u"growth", u"rally"};
    const Quantity& q = figure.q;
    if (!measure.words.isEmpty()) {
        const QString head = measure.words.first().toLower();
        if (fallNouns.contains(head))
            return QStringLiteral("fall");
        if (riseNouns.contains(head))
            return QStringLiteral("rise");
    }
    // the last words before the figure, in its clause: a verb up to three words before it
    // ("dropped by about 17%", "erased $593.7 billion"), ", up 12%"; "rose to 26%", "fell to
    // $118" say where it arrived and "from $142" where it started, levels; "makes up 6%" is a share
    size_t end = 0;
    while (end < c.lowerWords.size() && c.lowerWords[end].data() - c.lower.constData() < q.start)
        ++end;
    const size_t first = end >= 4 ? end - 4 : 0;
    for (size_t w = end; w-- > first;) {
        const QStringView word = c.lowerWords[w];
        const qsizetype at = word.data() - c.lower.constData();
        if (at < figure.clauseStart)
            break;
        if (word == u"to" || word == u"at" || word == u"from")
            return {};
        if (q.unit == QStringLiteral("percent") && (word == u"up" || word == u"down") && w + 3 >= end) {
            const QStringView lead = QStringView(c.text).first(at).trimmed();
            if (lead.isEmpty() || lead.endsWith(u',') || lead.endsWith(u';') || lead.endsWith(u'(') || at <= figure.clauseStart)
                return word == u"up" ? QStringLiteral("rise") : QStringLiteral("fall");
        }
        if (fallWords.contains(word))
            return QStringLiteral("fall");
        if (riseWords.contains(word))
            return QStringLiteral("rise");
    }
    return {};
}

}  // namespace claimlens::statistics
