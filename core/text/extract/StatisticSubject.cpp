// Whom a figure of a sentence is about: the names the sentence gives, the one the paragraph
// carries on, and the choice among them for each figure.
#include "extract/StatisticParts.h"

#include "util/Text.h"

#include <QSet>

#include <limits>
#include <optional>

namespace claimlens::statistics {
namespace {

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

}  // namespace

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

}  // namespace claimlens::statistics
