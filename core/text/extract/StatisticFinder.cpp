#include "extract/StatisticFinder.h"

#include "util/Text.h"

#include <QSet>

#include <limits>
#include <optional>

namespace claimlens {
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

/// A name opening its sentence or a clause (after a comma, a colon, "that" or "said"), behind
/// nothing but determiners, possessives and capitalised words: "Kling can produce ...", "Its
/// Kimi chatbot launched ...", "said the DeepSeek-V3 model ...", "Much like Sora, Kling ...".
bool inSubjectPosition(const QString& text, qsizetype start)
{
    static const QRegularExpression boundary(QStringLiteral("[,;:(\\x{2014}]|\\b(?:that|said|says)\\b"), kUnicode);
    static const WordSet determiners{u"the", u"a", u"an", u"its", u"their", u"his", u"her", u"our", u"this", u"that"};
    qsizetype from = 0;
    for (auto it = boundary.globalMatch(QStringView(text).first(start)); it.hasNext();)
        from = it.next().capturedEnd();
    const QStringList before = wordsOf(QStringView(text).sliced(from, start - from));
    return before.size() <= 4 && std::all_of(before.begin(), before.end(), [](const QString& w) {
               return w.front().isUpper() || determiners.contains(w.toLower());
           });
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

/// The names a sentence gives that a figure can be about.
struct NamedSubjects {
    /// countries and companies, in the order written
    std::vector<SentenceSubject> subjects;
    /// bodies, products and events, for a figure about none of those
    std::vector<SentenceSubject> others;
};

NamedSubjects namedSubjects(const SentenceContext& c, const Extraction& out, const Knowledge& knowledge)
{
    static const QRegularExpression prepBefore(QStringLiteral("\\b(?:by|from|to|against|than|with|into|over)\\s+(?:the\\s+)?$"),
                                               kUnicode | QRegularExpression::CaseInsensitiveOption);

    NamedSubjects named;
    std::vector<SentenceSubject>& subjects = named.subjects;
    std::vector<SentenceSubject>& others = named.others;
    // subjects: countries and companies named in the sentence (a product stands for its owner). A
    // company named right before its own product ("Nvidia H800 chips") describes the thing, and a
    // name after "from", "by" or "than" is rarely what the number is about.
    for (size_t i : c.mentionIndexes) {
        const Mention& m = out.mentions[i];
        if (m.kind != EntityKind::Country && m.kind != EntityKind::Company)
            continue;
        // (only the name right before the product, or its owner's possessive: "Alibaba's
        // Qwen-72B, which has 72 billion parameters" is about the model; "Baidu set aside ... for
        // its 文心一言 Ernie" keeps Baidu)
        auto ownerBefore = [&](const SentenceSubject& x) {
            if (x.name != m.name || x.end - 1 > m.start - c.base)
                return false;
            const QStringView gap = QStringView(c.text).sliced(x.end, std::max<qsizetype>(0, m.start - c.base - x.end));
            return gap.size() <= 1 || gap == u"'s " || gap == u"\u2019s ";
        };
        bool possessed = false;
        if (!m.via.isEmpty() && std::any_of(subjects.begin(), subjects.end(), ownerBefore)) {
            possessed = std::none_of(subjects.begin(), subjects.end(), [&](const SentenceSubject& x) {
                return ownerBefore(x) && m.start - c.base - x.end <= 1;
            });
            std::erase_if(subjects, ownerBefore);
            if (!possessed)
                continue;  // "Nvidia H800 chips": the owner's name describes the thing
        }
        SentenceSubject s{m.start - c.base, m.end - c.base, m.name, m.kind, false, !m.via.isEmpty(), {}};
        // a product is what a figure is about only where it is the subject of its clause; as an
        // object ("ByteDance priced its Doubao model at ...") its owner acts
        if (!m.via.isEmpty() && (possessed || inSubjectPosition(c.text, s.start))) {
            // the product as written, with what is glued to it: "Qwen-72B-Instruct", "Kling AI"
            qsizetype end = s.end;
            while (end < c.text.size() && (c.text.at(end).isLetterOrNumber() || (c.text.at(end) == u'-' && end + 1 < c.text.size() &&
                                                                                   c.text.at(end + 1).isLetterOrNumber())))
                ++end;
            s.product = c.text.mid(s.start, end - s.start);
        }
        s.object = prepBefore.match(QStringView(c.text).first(s.start)).hasMatch();
        if (!subjects.empty() && subjects.back().object) {  // "backed by Alibaba and Tencent": both
            const QString gap = c.text.mid(subjects.back().end, s.start - subjects.back().end).trimmed();
            s.object = s.object || gap == QStringLiteral(",") || gap == QStringLiteral("and") || gap == QStringLiteral(", and");
        }
        subjects.push_back(s);
    }
    // bodies, products and events the sentence names (not a news outlet, which is a source): what a
    // figure is about when no company or country is
    for (size_t i : c.mentionIndexes) {
        const Mention& m = out.mentions[i];
        if ((m.kind != EntityKind::Organization && m.kind != EntityKind::Product) || !m.via.isEmpty())
            continue;
        if (m.kind == EntityKind::Organization) {
            const int known = knowledge.find(EntityKind::Organization, m.name);
            if (known >= 0 && knowledge.entity(known).detail == QStringLiteral("media"))
                continue;
        }
        SentenceSubject s{m.start - c.base, m.end - c.base, m.name, m.kind, false, false, {}};
        s.object = prepBefore.match(QStringView(c.text).first(s.start)).hasMatch();
        others.push_back(s);
    }
    return named;
}

/// A name in subject position (among the first words, not a preposition's object) carries on
/// through the paragraph: "Moonshot AI was founded ... In 2024 the company raised $1 billion".
void carrySubjectOn(const SentenceContext& c, const std::vector<SentenceSubject>& subjects, const Language& lang)
{
    qsizetype subjectZone = 0;
    for (int w = 0; w < 6 && subjectZone < c.text.size(); ++w) {
        subjectZone = c.text.indexOf(u' ', subjectZone + 1);
        if (subjectZone < 0)
            subjectZone = c.text.size();
    }
    for (const SentenceSubject& s : subjects)
        if (!s.object && s.start <= subjectZone) {
            c.paragraph->subject = s;
            c.paragraph->subject.product.clear();  // "it", "the company": the owner, not its product
            return;
        }
    // "Founded in Shanghai in 2021 by Yan Junjie, ..., MiniMax runs ...": the name a verb follows
    for (const SentenceSubject& s : subjects) {
        const QStringList next = wordsOf(QStringView(c.text).sliced(s.end));
        if (!s.object && !next.isEmpty() && next.first().front().isLower() &&
            (lang.claimVerbs.contains(next.first()) || lang.speechVerbs.contains(next.first()) ||
             next.first().endsWith(QStringLiteral("ed")) || next.first().endsWith(u's'))) {
            c.paragraph->subject = s;
            c.paragraph->subject.product.clear();  // "it", "the company": the owner, not its product
            return;
        }
    }
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

/// A metric phrase of the vocabulary where the sentence writes it.
struct MetricSpan {
    qsizetype start, end;
    const Metric* metric;
};

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

/// Where a figure stands in its sentence and how far the words about it reach.
struct Figure {
    const Quantity& q;
    qsizetype limit = 0;        ///< where its words end: the next figure or a clause boundary
    QStringView after;          ///< its words: from the number (a range's upper bound) to `limit`
    qsizetype clauseStart = 0;  ///< where its clause starts
    QRegularExpressionMatch lead;  ///< "of", "from", "among" (the) right after it
    /// "38,000 of some 54,000 inventions": the whole a part before it is of (the world's, unless
    /// its clause names whose); the part is measured by the whole's words
    bool whole = false;
};

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

/// Whom a figure is about, and whether the figure goes on about the paragraph's last one.
struct FigureSubject {
    SentenceSubject who;
    bool continued = false;  ///< the paragraph's last figure's subject, by its unit alone
};

/// Whom: "83% of Chinese respondents"; a name in the number's own clause ("followed by Ping An
/// with 1,564", "while the figure for China was 19%"); one after it ("6,276 in the US"); the
/// nearest name before it in the sentence; else the paragraph's subject. Nothing when no one is.
std::optional<FigureSubject> chooseSubject(const SentenceContext& c, const Figure& figure, const NamedSubjects& named)
{
    // "6,276 in the US", "61 models from US-based labs", "28% for institutions in China", "$40
    // billion off Baidu's value" ("led by Alibaba" names an agent, so "by" counts only right
    // after the number)
    static const QRegularExpression prepAfter(
        QStringLiteral("^\\s*(?:(?:[^,;]*?\\s)?(?:in|for|from|at)|by|off)\\s+(?:the\\s+)?$"), kUnicode);
    static const QRegularExpression pronoun(QStringLiteral("\\b(?:it|its|he|she|his|her|their)\\b"),
                                            kUnicode | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression definiteReference(
        QStringLiteral("\\bthe (?:[\\p{L}-]+\\s+){0,2}?(?:company|firm|group|start-up|startup|lab|country|government|nation|"
                       "plan|maker|chipmaker|developer|stock|shares|platform)\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    const Quantity& q = figure.q;
    const qsizetype limit = figure.limit;
    const qsizetype clauseStart = figure.clauseStart;
    const QRegularExpressionMatch& lead = figure.lead;
    const std::vector<SentenceSubject>& subjects = named.subjects;
    const std::vector<SentenceSubject>& others = named.others;
    const SentenceSubject* subject = nullptr;
    if (figure.whole)  // "38,000 of some 54,000": the whole is everyone's
        return FigureSubject{SentenceSubject{0, 0, QStringLiteral("World"), EntityKind::Organization, false, false, {}}, false};
    // "six times the total for the United States": a multiple's base is named after it, and what
    // is the multiple is named before it, or is the paragraph's last figure's subject
    const bool multiple = q.unit == QStringLiteral("times");
    // (not a possessive: "50% of China's market" is a share of something China holds, taken by
    // whoever the sentence names before)
    auto possessive = [&](const SentenceSubject& s) {
        const QStringView rest = QStringView(c.text).sliced(s.end);
        return rest.startsWith(u"'s") || rest.startsWith(u"\u2019s");
    };
    for (const SentenceSubject& s : subjects)
        if (lead.hasMatch() && s.start == q.end + lead.capturedLength() && !possessive(s)) {
            subject = &s;
            break;
        }
    // (a quotation a colon opens is a statement of its own: "..., the Irish filmmaker, posted it
    // with a caption: "This was a 2 line prompt"" says nothing of Ireland)
    qsizetype quoteOpens = -1;
    for (qsizetype at = c.text.lastIndexOf(u':', q.start); at >= 0 && quoteOpens < 0; at = at > 0 ? c.text.lastIndexOf(u':', at - 1) : -1) {
        const QStringView rest = QStringView(c.text).sliced(at + 1, q.start - at - 1).trimmed();
        if (!rest.isEmpty() && (rest.front() == u'"' || rest.front() == u'\u201c' || rest.front() == u'\u2018'))
            quoteOpens = at;
        else
            break;
    }
    if (!subject)
        for (const SentenceSubject& s : subjects)
            if (s.start >= clauseStart && s.start > quoteOpens && s.end <= q.start && (!s.object || q.start - s.end <= 12))
                subject = &s;
    if (!subject && !multiple)
        for (const SentenceSubject& s : subjects)
            if (s.start >= q.end && s.start < limit && prepAfter.match(QStringView(c.text).sliced(q.end, s.start - q.end)).hasMatch()) {
                subject = &s;
                break;
            }
    if (!subject)
        for (const SentenceSubject& s : subjects)
            if (s.end <= q.start && s.start > quoteOpens && !s.object && (!s.viaProduct || !subject || subject->viaProduct))
                subject = &s;  // the last one before wins; a name beats a product's owner
    // "SAS and Coleman Parkes questioned 1,600": coordinated names, the first leads
    // (a list ends on "and": "A, B and C"; "Much like A, B can ..." sets B beside A, not with it;
    // "The US, China's nearest rival, ...": a possessive after a comma describes the name before)
    for (bool last = true; subject && subject != &subjects.front(); last = false) {
        const SentenceSubject* before = subject - 1;
        const QString gap = c.text.mid(before->end, subject->start - before->end).trimmed();
        const bool conjunction = gap == QStringLiteral("and") || gap == QStringLiteral(", and");
        if (!conjunction && (gap != QStringLiteral(",") || (last && !possessive(*subject))))
            break;
        subject = before;
    }
    // "the company", "it": the paragraph's subject, also over a name that only precedes the
    // reference ("Alibaba led a round that valued the company at $2.5 billion")
    // (a pronoun refers back only when the sentence names no one itself)
    const bool paragraphSubject = c.paragraph->subject.start >= 0 && c.paragraph->subjectFromEarlierSentence;
    const auto reference = definiteReference.match(c.text);
    // "the company" wants a company, "the country" or "the plan" a country; a pronoun either
    static const QRegularExpression countryNoun(QStringLiteral("\\b(?:country|government|nation|plan)\\b"));
    const std::optional<EntityKind> wanted =
        !reference.hasMatch() ? std::nullopt
        : countryNoun.match(reference.captured()).hasMatch() ? std::optional(EntityKind::Country)
                                                             : std::optional(EntityKind::Company);
    const SentenceSubject* articleSubject =
        wanted == EntityKind::Company ? c.paragraph->articleCompany : c.paragraph->articleCountry;
    // "Kai-Fu Lee, the former head of Google China, founded 01.AI ... the company reached": the
    // company named last, when the paragraph's subject is not one
    const SentenceSubject* namedLast = wanted == EntityKind::Company   ? &c.paragraph->lastCompany
                                       : wanted == EntityKind::Country ? &c.paragraph->lastCountry
                                                                       : nullptr;
    if (namedLast && namedLast->start < 0)
        namedLast = nullptr;
    if (!subject && paragraphSubject && (pronoun.match(c.text).hasMatch() || reference.hasMatch()) &&
        (!wanted || *wanted == c.paragraph->subject.kind || (!articleSubject && !namedLast)))
        subject = &c.paragraph->subject;
    else if (!subject && namedLast)
        subject = namedLast;
    else if (!subject && wanted && articleSubject)
        subject = articleSubject;  // "The Beijing-based company ...": what the whole article is about
    else if (paragraphSubject && subject && subject->name != c.paragraph->subject.name &&
             (!wanted || *wanted == c.paragraph->subject.kind) &&
             definiteReference.match(QStringView(c.text).sliced(subject->end, q.start - subject->end)).hasMatch())
        subject = &c.paragraph->subject;
    // "the model generates clips of up to two minutes": the product the paragraph named last
    static const QRegularExpression productReference(
        QStringLiteral("\\bthe\\s+(?:[\\p{Ll}-]+\\s+)?(?:model|chatbot|app|tool|assistant|generator)\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    // (in the figure's own clause, when the clause names no one itself)
    if ((!subject || subject == &c.paragraph->subject) && !c.paragraph->lastProduct.product.isEmpty() &&
        productReference.match(QStringView(c.text).sliced(clauseStart, q.start - clauseStart)).hasMatch())
        subject = &c.paragraph->lastProduct;
    // a sentence naming no one that gives a figure in the unit of the paragraph's last one, and
    // no measure of its own, goes on about the same subject and measure, unless it widens the
    // view ("Globally, ..."); "employed at least 500 people" is a new measure of someone else
    static const WordSet widening{u"global", u"globally", u"worldwide", u"overall", u"elsewhere",
                                  u"world", u"world's", u"industry-wide"};
    // "while the average across all the countries surveyed was 54%": a figure whose own clause
    // is about an aggregate belongs to no one named before it
    // ("its global revenue" is still its own: only "the average" or a clause that opens on
    // "globally" counts, and not against a name inside the clause itself)
    static const QRegularExpression aggregate(
        QStringLiteral("\\bthe\\s+(?:[\\p{Ll}-]+\\s+)?(?:average|median)\\b|^\\s*(?:globally|worldwide|overall)\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    const bool namedInClause = subject && subject >= subjects.data() && subject < subjects.data() + subjects.size() &&
                               subject->start >= clauseStart;
    // (such a figure, or one in a sentence that names no company or country but speaks of the
    // whole world, is the world's: "6% of all filings worldwide", "the average across the survey")
    static const WordSet worldWords{u"global", u"globally", u"worldwide", u"world", u"world's", u"world\u2019s"};
    const SentenceSubject world{0, 0, QStringLiteral("World"), EntityKind::Organization, false, false, {}};
    SentenceSubject fallback;
    // (the world's only when it averages everyone: "across all the countries", "the whole survey")
    static const QRegularExpression everyone(
        QStringLiteral("\\b(?:all|whole|entire|every|surveyed|survey|respondents|globally|worldwide|overall)\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    if (subject && !namedInClause && aggregate.match(QStringView(c.text).sliced(clauseStart, q.start - clauseStart)).hasMatch()) {
        if (!everyone.match(QStringView(c.text).sliced(clauseStart, q.start - clauseStart)).hasMatch())
            return std::nullopt;
        fallback = world;
        subject = &fallback;
    }
    bool continued = false;
    if (!subject && multiple && !c.paragraph->lastStatisticSubject.name.isEmpty())
        subject = &c.paragraph->lastStatisticSubject;
    if (!subject && subjects.empty() && !c.paragraph->lastStatisticSubject.name.isEmpty() &&
        c.paragraph->lastUnit == q.unit &&
        !c.saysAny(widening)) {
        subject = &c.paragraph->lastStatisticSubject;
        continued = true;
    }
    // no company or country: the world when the sentence speaks of it, else a body, product or
    // event the sentence names (in the figure's clause before it, else after it in the clause,
    // else before it in the sentence)
    // (as written in lower case, or opening the sentence: "World" in a name is the name's)
    bool speaksOfWorld = false;
    for (size_t w = 0; !subject && subjects.empty() && w < c.words.size() && !speaksOfWorld; ++w)
        speaksOfWorld = (c.words[w].front().isLower() || c.words[w].data() == c.text.constData()) &&
                        worldWords.contains(c.lowerWords[w]);
    if (!subject && subjects.empty() && speaksOfWorld) {
        fallback = world;
        subject = &fallback;
    }
    if (!subject) {
        const SentenceSubject* other = nullptr;
        for (const SentenceSubject& s : others)
            if (s.start >= clauseStart && s.end <= q.start && !s.object)
                other = &s;
        if (!other)
            for (const SentenceSubject& s : others)
                if (s.start >= q.end && s.start < limit) {
                    other = &s;
                    break;
                }
        if (!other)
            for (const SentenceSubject& s : others)
                if (s.end <= q.start && !s.object)
                    other = &s;
        if (other) {
            fallback = *other;
            subject = &fallback;
        }
    }
    if (!subject)
        return std::nullopt;
    FigureSubject chosen{*subject, continued};
    // "Its Yi-34B model topped ..., and the company reached a valuation above $1 billion": a
    // reference to the owner between the product and the figure makes the figure the owner's
    if (!chosen.who.product.isEmpty() && chosen.who.end <= q.start &&
        definiteReference.match(QStringView(c.text).sliced(chosen.who.end, q.start - chosen.who.end)).hasMatch())
        chosen.who.product.clear();
    return chosen;
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

/// The noun phrase after a figure that names what it measures.
struct MeasurePhrase {
    QString phrase;
    QStringList words;
    bool participle = false;  ///< "recorded in China": what happened to the amount
    bool clipLength = false;  ///< seconds, minutes, hours: a clip's length
};

/// What: the noun phrase after the number. Nothing when the figure is a duration ("three
/// months") or goes on in the paragraph's measure but names one of its own.
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

/// The vocabulary's metric named nearest the number, within its clause and the words before it.
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

/// The measure's name and key into `st`: the phrase after the figure, the vocabulary's metric, a
/// verb or noun before it, or the paragraph's last measure. False when nothing names one: a
/// number with no named measure is not a statistic anyone can chart.
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

/// One figure read in its steps: subject, period, measure phrase, value, metric; a statistic
/// when all of them are found, and the paragraph's last figure then.
/// Whether a figure is a change and which way: "fell 17%", "erased $593.7 billion of market
/// value", "a 9% drop" fall; "jumped 800%", "up 20%", "a 5% rise" rise; "" for a level.
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
