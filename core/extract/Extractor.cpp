#include "extract/Extractor.h"

#include "extract/QuantityFinder.h"
#include "extract/TextScan.h"
#include "structure/DateParser.h"
#include "util/Text.h"

#include <QDate>
#include <QHash>
#include <QSet>
#include <QLocale>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace claimlens {
namespace {

constexpr auto kUnicode = QRegularExpression::UseUnicodePropertiesOption;

/// A capitalised word that can be part of a person's name: "Qu", "Kai-Fu", "O'Brien".
const QString kNameToken = QStringLiteral("\\p{Lu}[\\p{Ll}'\\x{2019}]+(?:-\\p{Lu}?\\p{Ll}+)?");

bool overlaps(qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1)
{
    return a0 < b1 && b0 < a1;
}

QString regexAlternatives(const QStringList& words)
{
    QStringList escaped;
    for (const QString& w : words)
        escaped.append(QRegularExpression::escape(w).replace(QStringLiteral("\\ "), QStringLiteral("\\s+")));
    std::sort(escaped.begin(), escaped.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return escaped.join(u'|');
}

QStringList words(QStringView s)
{
    // each word copied once from its span: appending a character at a time reallocates
    QStringList out;
    qsizetype begin = -1;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.isLetterOrNumber() || c == u'-' || c == u'\'' || c == u'\u2019') {
            if (begin < 0)
                begin = i;
        } else if (begin >= 0) {
            out.append(s.sliced(begin, i - begin).toString());
            begin = -1;
        }
    }
    if (begin >= 0)
        out.append(s.sliced(begin).toString());
    return out;
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

const QSet<QString>& notNameWords()
{
    // capitalised words that start sentences or name months and days, never people
    static const QSet<QString> set{
        QStringLiteral("The"),     QStringLiteral("A"),        QStringLiteral("An"),      QStringLiteral("In"),
        QStringLiteral("On"),      QStringLiteral("At"),       QStringLiteral("It"),      QStringLiteral("This"),
        QStringLiteral("That"),    QStringLiteral("These"),    QStringLiteral("Those"),   QStringLiteral("But"),
        QStringLiteral("And"),     QStringLiteral("However"),  QStringLiteral("While"),   QStringLiteral("When"),
        QStringLiteral("After"),   QStringLiteral("Before"),   QStringLiteral("Despite"), QStringLiteral("According"),
        QStringLiteral("Its"),     QStringLiteral("Their"),    QStringLiteral("Our"),     QStringLiteral("Some"),
        QStringLiteral("Many"),    QStringLiteral("Most"),     QStringLiteral("Other"),   QStringLiteral("Others"),
        QStringLiteral("Both"),    QStringLiteral("Chinese"),  QStringLiteral("American"), QStringLiteral("January"),
        QStringLiteral("February"), QStringLiteral("March"),   QStringLiteral("April"),   QStringLiteral("May"),
        QStringLiteral("June"),    QStringLiteral("July"),     QStringLiteral("August"),  QStringLiteral("September"),
        QStringLiteral("October"), QStringLiteral("November"), QStringLiteral("December"), QStringLiteral("Monday"),
        QStringLiteral("Tuesday"), QStringLiteral("Wednesday"), QStringLiteral("Thursday"), QStringLiteral("Friday"),
        QStringLiteral("Saturday"), QStringLiteral("Sunday"),  QStringLiteral("Street"),  QStringLiteral("Valley"),
        QStringLiteral("Silicon"), QStringLiteral("Western"),  QStringLiteral("Eastern"), QStringLiteral("Asian"),
        QStringLiteral("European"), QStringLiteral("Global"),  QStringLiteral("National"), QStringLiteral("International"),
        QStringLiteral("Artificial"), QStringLiteral("Intelligence"), QStringLiteral("AI"), QStringLiteral("Why"),
        QStringLiteral("What"),    QStringLiteral("How"),      QStringLiteral("Who"),     QStringLiteral("Where"),
        QStringLiteral("Center"),  QStringLiteral("Centre"),   QStringLiteral("University"), QStringLiteral("Institute"),
        QStringLiteral("Ministry"), QStringLiteral("Department"), QStringLiteral("Conference"), QStringLiteral("World"),
        QStringLiteral("Cloud"),   QStringLiteral("Lab"),      QStringLiteral("Labs"),    QStringLiteral("Group"),
        QStringLiteral("For"), QStringLiteral("With"), QStringLiteral("From"), QStringLiteral("By"), QStringLiteral("As"),
        QStringLiteral("If"), QStringLiteral("Of"), QStringLiteral("To"), QStringLiteral("So"), QStringLiteral("Yet"),
        QStringLiteral("Then"), QStringLiteral("Now"), QStringLiteral("Also"), QStringLiteral("Since"), QStringLiteral("Until"),
        QStringLiteral("Under"), QStringLiteral("Over"), QStringLiteral("Even"), QStringLiteral("Only"), QStringLiteral("Like"),
        QStringLiteral("Unlike"), QStringLiteral("Meanwhile"), QStringLiteral("Still"), QStringLiteral("Instead"),
        QStringLiteral("Although"), QStringLiteral("Though"), QStringLiteral("Because"), QStringLiteral("Once"),
        QStringLiteral("Here"), QStringLiteral("There"), QStringLiteral("We"), QStringLiteral("They"), QStringLiteral("He"),
        QStringLiteral("She"), QStringLiteral("Ask"), QStringLiteral("Take"), QStringLiteral("Start"), QStringLiteral("Consider"),
        // role words: "Director General" is a post, not a person
        QStringLiteral("General"), QStringLiteral("Secretary"), QStringLiteral("Minister"), QStringLiteral("Director"),
        QStringLiteral("President"), QStringLiteral("Premier"), QStringLiteral("Chief"), QStringLiteral("Officer"),
        QStringLiteral("Manager"), QStringLiteral("Executive"), QStringLiteral("Chairman"),
        // a body's own words: "General Assembly", "Select Committee"
        QStringLiteral("Assembly"), QStringLiteral("Committee"), QStringLiteral("Council"), QStringLiteral("Court"),
        QStringLiteral("Staff"), QStringLiteral("Office"), QStringLiteral("House"), QStringLiteral("Senate"),
        QStringLiteral("Administration"), QStringLiteral("Motors"), QStringLiteral("Electric")};
    return set;
}

std::vector<QRegularExpression> peoplePatterns(const Language& lang)
{
    std::vector<QRegularExpression> patterns;
    const QString name = QStringLiteral("(?<name>%1(?:\\s+%1){1,2})").arg(kNameToken);
    const QString surnameOrName = QStringLiteral("(?<name>%1(?:\\s+%1){0,2})").arg(kNameToken);
    // a name may carry its Chinese form in brackets: "Robin Li (李彦宏), chief executive of Baidu"
    const QString gloss = QStringLiteral("(?:\\s*\\([^()]{1,30}\\))?");
    // "the", "a former", "Baidu's", "the computer vision": what stands before a role
    const QString rolePrefix = QStringLiteral(
        "(?:(?:a|an|the|its|his|her|their)\\s+)?(?:(?:\\p{Lu}[\\p{L}.&-]*\\s+){0,2}\\p{Lu}[\\p{L}.&-]*(?:'s|\\x{2019}s)\\s+)?"
        "(?:[\\p{Ll}-]+\\s+){0,3}?");
    const QString roles = regexAlternatives(lang.roleNouns);
    QStringList speech = lang.speechVerbs.values();
    patterns = {
        // Premier Li, Commerce Secretary Gina Raimondo
        // (an office may name its department: "Secretary of Defense Jane Roe")
        QRegularExpression(QStringLiteral("(?<![\\p{L}])(?<title>%1)(?:\\s+of\\s+(?:the\\s+)?\\p{Lu}\\p{Ll}+)?\\s+%2")
                               .arg(regexAlternatives(lang.honorifics), surnameOrName),
                           kUnicode),
        // founder Qu Dongqi, chief executive Sam Altman
        QRegularExpression(QStringLiteral("(?<![\\p{L}])(?i:%1)\\s+%2").arg(roles, name), kUnicode),
        // Tang Lan, director of ...; Daren Tang, the Director General of WIPO; Wang Haifeng, Baidu's CTO
        QRegularExpression(QStringLiteral("%1%2,\\s+%3(?i:%4)\\b").arg(name, gloss, rolePrefix, roles), kUnicode),
        // Its chief executive, Sam Altman, ...
        QRegularExpression(QStringLiteral("(?<![\\p{L}])(?i:%1),\\s+%2").arg(roles, name), kUnicode),
        // co-founded by Kai-Fu Lee; founded in Shanghai in 2021 by Yan Junjie
        QRegularExpression(QStringLiteral("\\b(?i:co-?founded|founded|led|headed|run|chaired|started)\\b(?:\\s+[^\\s.;]+){0,5}?\\s+by\\s+%1").arg(name), kUnicode),
        // Jane Doe said; Ray Perrault, who directs the committee
        QRegularExpression(QStringLiteral("%1%2\\s+(?:%3)\\b").arg(name, gloss, regexAlternatives(speech)), kUnicode),
        QRegularExpression(QStringLiteral("%1%2,\\s+who\\s").arg(name, gloss), kUnicode),
    };
    
    for (auto& p : patterns)
    p.optimize();
    return patterns;
}

}  // namespace

/// A country or company named in a sentence, offsets relative to the sentence.
struct SentenceSubject {
    qsizetype start = -1;
    qsizetype end = -1;
    QString name;
    EntityKind kind = EntityKind::Country;
    bool object = false;  ///< after "from", "by", "than": what the number is rarely about
    bool viaProduct = false;
};

/// What a paragraph has said so far: later sentences lean on it ("The company said ...").
struct ParagraphState {
    int block = -1;
    SentenceSubject subject;
    bool subjectFromEarlierSentence = false;
    QString lastMetric, lastMetricKey, lastUnit;
    /// whom the paragraph's last figure was about (no name before any): a later figure that names
    /// no one and has the same unit goes on about the same subject ("Baidu had 100 million users.
    /// By April the figure was 200 million.")
    SentenceSubject lastStatisticSubject;
    /// the last company and country the paragraph's earlier sentences named (not through a product),
    /// for "the company" or "the country" when the paragraph's subject is of the other kind
    SentenceSubject lastCompany, lastCountry;
    /// the paragraph's latest date, for a month it names alone ("founded in 2023 ... that November")
    PartialDate lastDate;
    /// a photo's caption and credit ("... August 29, 2019. Photo: Reuters"): what it dates is the
    /// picture, not an event of the story
    bool caption = false;
    /// the article's main company and country so far: named most often before here
    const SentenceSubject* articleCompany = nullptr;
    const SentenceSubject* articleCountry = nullptr;
};

struct Extractor::SentenceContext {
    int index = -1;
    const Sentence* sentence = nullptr;
    const Article* article = nullptr;
    qsizetype base = 0;  ///< the sentence's start in the article text
    QString text;        ///< the sentence as written (offsets relative to base)
    std::vector<AliasMatch> aliases;
    std::vector<size_t> mentionIndexes;  ///< this sentence's mentions in Extraction::mentions
    std::vector<Quantity> quantities;
    std::vector<PartialDate> dates;
    QString source;
    bool keyPoint = false;  ///< a bullet or a one-line statement of a digest
    ParagraphState* paragraph = nullptr;
    std::vector<QStringView> words;  ///< the sentence's words as written (views into text)
    QString lower;                   ///< the text in lower case, character for character
    std::vector<QStringView> lowerWords;  ///< its words, for cheap "does it say X" tests (views into lower)

    /// Whether the sentence has the word, given in lower case (a sentence has a few dozen words:
    /// walking them costs less than building a set of them).
    bool says(QStringView word) const
    {
        return std::any_of(lowerWords.begin(), lowerWords.end(), [&](QStringView w) {
            return w.size() == word.size() && std::equal(w.begin(), w.end(), word.begin());
        });
    }
    /// Whether it has any of the words.
    bool saysAny(const WordSet& set) const
    {
        return std::any_of(lowerWords.begin(), lowerWords.end(), [&](QStringView w) { return set.contains(w); });
    }
    void readWords();
};

void Extractor::SentenceContext::readWords()
{
    // spans read once, no word copied: every sentence is asked about a few dozen words
    lower = text;
    for (QChar& ch : lower)
        ch = QChar(lowerChar(ch));
    const QStringView view(text);
    const QStringView lowerView(lower);
    qsizetype begin = -1;
    for (qsizetype i = 0; i <= view.size(); ++i) {
        const QChar ch = i < view.size() ? view[i] : QChar(u' ');
        if (ch.isLetterOrNumber() || ch == u'-' || ch == u'\'' || ch == u'\u2019') {
            if (begin < 0)
                begin = i;
        } else if (begin >= 0) {
            words.push_back(view.sliced(begin, i - begin));
            lowerWords.push_back(lowerView.sliced(begin, i - begin));
            begin = -1;
        }
    }
}

struct Extractor::Compiled {
    std::vector<QRegularExpression> people;
    QRegularExpression metricPhrases;  ///< every metric phrase, inflections allowed
    QHash<QString, const Metric*> metricByPhrase;
    QRegularExpression comparison;
    WordSet claimVerbs;  ///< views into the knowledge's own list
};

Extractor::Extractor(std::shared_ptr<const Knowledge> knowledge) : m_knowledge(std::move(knowledge))
{
    auto compiled = std::make_shared<Compiled>();
    const Language& lang = m_knowledge->language();
    compiled->people = peoplePatterns(lang);
    QStringList phrases;
    for (const Metric& m : m_knowledge->metrics())
        for (const QString& ph : m.phrases)
            if (!compiled->metricByPhrase.contains(ph)) {
                compiled->metricByPhrase.insert(ph, &m);
                phrases.append(ph);
            }
    // a word's inflections count: "price" in "priced", "patent" in "patents"
    compiled->metricPhrases = QRegularExpression(
        QStringLiteral("(?<![\\p{L}])(%1)(?:s|es|d|ed|ing)?(?![\\p{L}])").arg(regexAlternatives(phrases)),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    compiled->metricPhrases.optimize();
    compiled->comparison = QRegularExpression(
        QStringLiteral("(?<![\\p{L}])(?:%1)(?![\\p{L}])").arg(regexAlternatives(lang.comparisonWords)),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    compiled->comparison.optimize();
    compiled->claimVerbs = WordSet::of(lang.claimVerbs);
    m_compiled = std::move(compiled);
}

void Extractor::findEntities(SentenceContext& c, Extraction& out) const
{
    const Language& lang = m_knowledge->language();
    c.aliases = m_knowledge->match(c.text);
    for (const AliasMatch& m : c.aliases) {
        const Entity& e = m_knowledge->entity(m.alias->entity);
        if (m.alias->role == Alias::Role::Metonym) {
            // "in Beijing" and "Beijing-based" are the city; "Beijing has made it clear" is the government
            const QStringList before = words(QStringView(c.text).first(m.start));
            if (!before.isEmpty() && lang.locatives.contains(before.back().toLower()))
                continue;
            if (QStringView(c.text).sliced(m.end).startsWith(u'-'))
                continue;
        }
        Mention mention{c.index, c.base + m.start, c.base + m.end, e.kind, e.name, c.text.mid(m.start, m.end - m.start), {}};
        c.mentionIndexes.push_back(out.mentions.size());
        out.mentions.push_back(mention);
        if (e.kind == EntityKind::Product && !e.owner.isEmpty()) {
            // the product links the document to its owner too, marked as such
            Mention owner = mention;
            owner.kind = EntityKind::Company;
            owner.name = e.owner;
            owner.via = e.name;
            c.mentionIndexes.push_back(out.mentions.size());
            out.mentions.push_back(owner);
        }
    }
}

void Extractor::findOrganisationsByPattern(SentenceContext& c, Extraction& out) const
{
    // bodies the list does not know, by the shape of their names: "Zhejiang University", "University
    // of Hong Kong", "Ministry of Industry and Information Technology", "Institute for AI Safety"
    static const QRegularExpression pattern(
        QStringLiteral("(?!(?:The|A|An|Its|Their|His|Her|Our)\\s)(?:\\p{Lu}[\\p{L}.&'-]*\\s+){1,3}(?:University|Institute|Academy|Laboratory|Lab|Commission|Bureau|Agency|"
                       "Ministry|Council|Centre|Center|Foundation|Association|Federation|Conference|Summit|Forum|Expo)\\b"
                       "|\\b(?:University|Ministry|Institute|Academy|Department|Bureau|Center|Centre|Commission)\\s+(?:of|for)\\s+"
                       "(?:the\\s+)?\\p{Lu}[\\p{L}-]*(?:\\s+(?:and\\s+|of\\s+|for\\s+)?\\p{Lu}[\\p{L}-]*){0,5}"),
        kUnicode);
    // every match holds one of the bodies' words as written
    using namespace Qt::Literals::StringLiterals;
    if (!mayContain(c.text, {"University"_L1, "Institute"_L1, "Academy"_L1, "Lab"_L1, "Commission"_L1, "Bureau"_L1,
                             "Agency"_L1, "Ministry"_L1, "Council"_L1, "Centre"_L1, "Center"_L1, "Foundation"_L1,
                             "Association"_L1, "Federation"_L1, "Department"_L1, "Conference"_L1, "Summit"_L1, "Forum"_L1,
                             "Expo"_L1}))
        return;
    for (auto it = pattern.globalMatch(c.text); it.hasNext();) {
        const auto m = it.next();
        qsizetype start = m.capturedStart();
        const QStringView first = QStringView(c.text).sliced(start).first(
            std::max<qsizetype>(0, QStringView(c.text).sliced(start).indexOf(u' ')));
        if (notNameWords().contains(first.toString()) && first != QStringLiteral("University") &&
            first != QStringLiteral("Ministry") && first != QStringLiteral("Institute") && first != QStringLiteral("Center") &&
            first != QStringLiteral("Centre") && first != QStringLiteral("Department"))
            start += first.size() + 1;  // "The Brookings Institution": the article is not the name
        const qsizetype end = m.capturedEnd();
        // a known name inside decides, except a country naming its own body ("China Securities
        // Regulatory Commission"): that country is part of the name, not a mention of its own
        bool knownInside = false;
        for (const AliasMatch& a : c.aliases)
            if (overlaps(a.start, a.end, start, end))
                knownInside |= !(a.start == start && m_knowledge->entity(a.alias->entity).kind == EntityKind::Country);
        if (end - start < 4 || knownInside)
            continue;
        std::vector<size_t> keep;
        for (size_t i : c.mentionIndexes)
            if (out.mentions[i].kind != EntityKind::Country || out.mentions[i].start - c.base != start)
                keep.push_back(i);
        if (keep.size() != c.mentionIndexes.size()) {
            // this sentence's mentions are the last ones: drop the swallowed country in place
            const size_t sentenceFirst = c.mentionIndexes.front();
            std::vector<Mention> rest;
            for (size_t i : keep)
                rest.push_back(out.mentions[i]);
            out.mentions.resize(sentenceFirst);
            c.mentionIndexes.clear();
            for (Mention& x : rest) {
                c.mentionIndexes.push_back(out.mentions.size());
                out.mentions.push_back(std::move(x));
            }
        }
        const QString name = c.text.mid(start, end - start);
        c.mentionIndexes.push_back(out.mentions.size());
        out.mentions.push_back({c.index, c.base + start, c.base + end, EntityKind::Organization, name, name, {}});
    }
}

void Extractor::findCompaniesByContext(SentenceContext& c, Extraction& out) const
{
    // companies the list does not know, named where only a company can stand: "companies like
    // OpenCSG", "firms such as X and Y", "start-up X", "X, a Chinese start-up"
    static const QString name = QStringLiteral("(\\p{Lu}[\\p{L}\\d.&-]*(?:\\s+\\p{Lu}[\\p{L}\\d.&-]*){0,2})");
    static const std::vector<QRegularExpression> patterns{
        QRegularExpression(QStringLiteral("\\b(?i:companies|firms|start-ups|startups|labs|chipmakers|rivals|developers|investors|"
                                          "backers|shareholders|funds)\\s+"
                                          "(?:like|such\\s+as|including)\\s+%1(?:(?:,\\s+|\\s+and\\s+|\\s+or\\s+)%1){0,4}")
                               .arg(name),
                           kUnicode),
        QRegularExpression(QStringLiteral("%1,\\s+(?:a|an|the)\\s+(?:\\p{Lu}[\\p{Ll}-]+\\s+|[\\p{Ll}-]+\\s+){0,3}"
                                          "(?:company|start-up|startup|firm|chipmaker|lab|developer|unicorn|maker)\\b").arg(name),
                           kUnicode),
        QRegularExpression(QStringLiteral("\\b(?i:start-up|startup|chipmaker|unicorn)\\s+%1").arg(name), kUnicode),
        // "X's chief executive": a business's officer
        QRegularExpression(QStringLiteral("%1(?:'s|\\x{2019}s)\\s+(?:chief\\s+executive|chief\\s+technology\\s+officer|chief\\s+financial\\s+officer|"
                                          "CEO|CTO|CFO|co-founder|founder|chairman|chairwoman)\\b").arg(name),
                           kUnicode),
        // "chief economist at X", "an analyst with X": where a market professional works is a firm
        QRegularExpression(QStringLiteral("\\b(?i:analyst|analysts|economist|strategist|portfolio\\s+manager|fund\\s+manager|"
                                          "investment\\s+officer|trader|managing\\s+partner)\\s+(?:at|with)\\s+%1").arg(name),
                           kUnicode),
    };
    // each pattern needs one of its words as a word of the sentence: the sentence's words are
    // walked once, and a pattern runs only where its word stands
    // what each word of the sentence is to the patterns: one look-up a word
    enum Cue : std::uint8_t { ListCue = 1, NounCue = 2, OfficerCue = 4, ProfessionCue = 8 };
    static const std::unordered_map<std::u16string_view, std::uint8_t> cues = [] {
        std::unordered_map<std::u16string_view, std::uint8_t> m;
        for (const char16_t* w : {u"companies", u"firms", u"start-ups", u"startups", u"labs", u"chipmakers", u"rivals",
                                  u"developers", u"investors", u"backers", u"shareholders", u"funds"})
            m[w] |= ListCue;
        for (const char16_t* w : {u"company", u"start-up", u"startup", u"firm", u"chipmaker", u"lab", u"developer",
                                  u"unicorn", u"maker"})
            m[w] |= NounCue;
        for (const char16_t* w : {u"chief", u"ceo", u"cto", u"cfo", u"founder", u"co-founder", u"chairman", u"chairwoman"})
            m[w] |= OfficerCue;
        for (const char16_t* w : {u"analyst", u"analysts", u"economist", u"strategist", u"manager", u"officer", u"trader",
                                  u"partner"})
            m[w] |= ProfessionCue;
        return m;
    }();
    bool wanted[5] = {false, false, false, false, false};
    for (size_t i = 0; i < c.lowerWords.size(); ++i) {
        const QStringView w = c.lowerWords[i];
        const auto found = cues.find(std::u16string_view(w.utf16(), static_cast<size_t>(w.size())));
        const std::uint8_t cue = found != cues.end() ? found->second : (w.endsWith(u"maker") ? NounCue : 0);  // "carmaker"
        if (!cue)
            continue;
        wanted[0] = wanted[0] || (cue & ListCue);
        wanted[1] = wanted[2] = wanted[1] || (cue & NounCue);
        // (an officer after a possessive; a profession before "at" or "with")
        wanted[3] = wanted[3] || ((cue & OfficerCue) && i > 0 &&
                                  (c.lowerWords[i - 1].endsWith(u"'s") || c.lowerWords[i - 1].endsWith(u"\u2019s")));
        wanted[4] = wanted[4] || ((cue & ProfessionCue) && i + 1 < c.lowerWords.size() &&
                                  (c.lowerWords[i + 1] == u"at" || c.lowerWords[i + 1] == u"with"));
    }
    if (!(wanted[0] || wanted[1] || wanted[3] || wanted[4]))
        return;
    for (size_t p = 0; p < patterns.size(); ++p) {
        if (!wanted[p])
            continue;
        for (auto it = patterns[p].globalMatch(c.text); it.hasNext();) {
            const auto m = it.next();
            for (int g = 1; g <= m.lastCapturedIndex(); ++g) {
                if (!m.hasCaptured(g))
                    continue;
                qsizetype start = m.capturedStart(g);
                const qsizetype end = m.capturedEnd(g);
                QString candidate = m.captured(g);
                while (candidate.endsWith(u'.') || candidate.endsWith(u','))
                    candidate.chop(1);
                static const QSet<QString> functionWords{
                    QStringLiteral("The"), QStringLiteral("A"),   QStringLiteral("An"),  QStringLiteral("And"),
                    QStringLiteral("Or"),  QStringLiteral("In"),  QStringLiteral("On"),  QStringLiteral("At"),
                    QStringLiteral("Its"), QStringLiteral("This"), QStringLiteral("That"), QStringLiteral("But"),
                    QStringLiteral("However"), QStringLiteral("While"), QStringLiteral("Chinese"), QStringLiteral("American")};
                // months and weekdays open sentences ("In early May, the Hangzhou lab X ..."): never a name
                static const QSet<QString> dateWords = [] {
                    QSet<QString> words;
                    const QLocale english(QLocale::English);
                    for (int month = 1; month <= 12; ++month)
                        words << english.monthName(month) << english.monthName(month, QLocale::ShortFormat);
                    for (int day = 1; day <= 7; ++day)
                        words << english.dayName(day) << english.dayName(day, QLocale::ShortFormat);
                    return words;
                }();
                const QStringList tokens = candidate.split(u' ');
                if (candidate.size() < 2 || std::any_of(tokens.begin(), tokens.end(), [](const QString& t) {
                        return functionWords.contains(t) || dateWords.contains(t);
                    }))
                    continue;
                // a name the list or the other rules already read is theirs
                const bool known = std::any_of(c.mentionIndexes.begin(), c.mentionIndexes.end(), [&](size_t i) {
                    const Mention& x = out.mentions[i];
                    return overlaps(x.start - c.base, x.end - c.base, start, end);
                });
                if (known)
                    continue;
                c.mentionIndexes.push_back(out.mentions.size());
                out.mentions.push_back({c.index, c.base + start, c.base + start + candidate.size(), EntityKind::Company,
                                        candidate, candidate, {}});
            }
        }
    }
}

void Extractor::findPeople(SentenceContext& c, Extraction& out) const
{
    // every pattern needs two capitalised words in a row ("Premier Li", "Qu Dongqi"): most
    // sentences have none, and skip the expressions
    bool pair = false;
    for (qsizetype i = 0, previousCapital = -10; i < c.text.size() && !pair; ++i) {
        if ((i == 0 || c.text[i - 1] == u' ') && c.text[i].isUpper()) {
            pair = previousCapital >= 0 && c.text.lastIndexOf(u' ', i - 2) < previousCapital;
            previousCapital = i;
        }
    }
    if (!pair)
        return;
    const std::vector<QRegularExpression>& patterns = m_compiled->people;
    for (size_t p = 0; p < patterns.size(); ++p) {
        auto it = patterns[p].globalMatch(c.text);
        while (it.hasNext()) {
            const auto m = it.next();
            qsizetype start = m.capturedStart(QStringLiteral("name"));
            qsizetype end = m.capturedEnd(QStringLiteral("name"));
            QString name = m.captured(QStringLiteral("name"));
            QStringList tokens = name.split(u' ', Qt::SkipEmptyParts);
            // "And Jane Roe, the founder": a word opening the sentence is not part of the name
            while (tokens.size() > 2 && notNameWords().contains(tokens.first())) {
                start = c.text.indexOf(tokens.at(1), start + tokens.first().size());
                tokens.removeFirst();
                name = c.text.mid(start, end - start);
            }
            if (std::any_of(tokens.begin(), tokens.end(), [](const QString& t) { return notNameWords().contains(t); }))
                continue;
            // "Jane Roe's company": the possessive is not part of the name
            if (name.endsWith(QStringLiteral("'s")) || name.endsWith(QStringLiteral("\u2019s"))) {
                name.chop(2);
                end -= 2;
                tokens.last().chop(2);
            }
            // a known company, country, product or organisation is not a person
            if (std::any_of(c.aliases.begin(), c.aliases.end(),
                            [&](const AliasMatch& a) { return overlaps(a.start, a.end, start, end); }))
                continue;
            if (p == 0 && tokens.size() == 1) {  // a title with a surname alone: "Premier Li"
                start = m.capturedStart(QStringLiteral("title"));
                name = c.text.mid(start, end - start).simplified();
            }
            const bool known = std::any_of(out.mentions.begin(), out.mentions.end(), [&](const Mention& x) {
                return x.kind == EntityKind::Person && x.sentence == c.index && overlaps(x.start, x.end, c.base + start, c.base + end);
            });
            if (known)
                continue;
            c.mentionIndexes.push_back(out.mentions.size());
            out.mentions.push_back({c.index, c.base + start, c.base + end, EntityKind::Person, name, name, {}});
        }
    }
    findPeopleByName(c, out);
}

void Extractor::findPeopleByName(SentenceContext& c, Extraction& out) const
{
    // no cue word: a known given name and a capitalised family name after it, as a name of two
    // words with no capitalised word right after it ("Jane Roe and Tom Poe", "Tom Poe's film");
    // nothing the knowledge names, nothing another rule read
    const QSet<QString>& given = m_knowledge->language().givenNames;
    const QSet<QString>& surnames = m_knowledge->language().chineseSurnames;
    if (given.isEmpty() && surnames.isEmpty())
        return;
    // a given name in pinyin: one to three syllables ("Wenfeng", "Zhilin", "Qiang")
    static const QRegularExpression pinyin(
        QStringLiteral("^(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|"
                       "an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u)){1,3}$"));
    auto pinyinName = [&](QStringView w) {
        return w.size() >= 2 && w.size() <= 12 && pinyin.match(w.toString().toLower().remove(u'-')).hasMatch();
    };
    auto nameShaped = [](QStringView w) {
        if (w.size() < 2 || !w.front().isUpper())
            return false;
        for (qsizetype i = 1; i < w.size(); ++i)
            if (!w[i].isLower() && !(w[i] == u'-' && i + 1 < w.size() && i > 1))
                return false;
        return true;
    };
    for (size_t i = 0; i + 1 < c.words.size(); ++i) {
        const QStringView first = c.words[i];
        // "Jane Roe", or in Chinese order "Liang Wenfeng": a family name from the list before a
        // given name in pinyin
        const bool chineseOrder = !given.contains(first.toString());
        if (chineseOrder && !surnames.contains(first.toString()))
            continue;
        QStringView family = c.words[i + 1];
        bool possessive = false;
        if (family.endsWith(u"'s") || family.endsWith(u"\u2019s")) {
            family.chop(2);
            possessive = true;
        }
        if (!nameShaped(family) || notNameWords().contains(family.toString()) || given.contains(family.toString()) ||
            (chineseOrder && (!pinyinName(family) || surnames.contains(family.toString()))))
            continue;
        const qsizetype start = first.data() - c.text.constData();
        const qsizetype end = family.data() - c.text.constData() + family.size();
        // the two words stand next to each other, one space apart, and no capitalised word follows
        if (family.data() - (first.data() + first.size()) != 1 || c.text[start + first.size()] != u' ')
            continue;
        if (!possessive && i + 2 < c.words.size() && c.words[i + 2].front().isUpper() &&
            c.words[i + 2].data() - (family.data() + family.size()) == 1)
            continue;
        if (start > 0 && c.text[start - 1].isLetterOrNumber())
            continue;
        if (std::any_of(c.aliases.begin(), c.aliases.end(),
                        [&](const AliasMatch& a) { return overlaps(a.start, a.end, start, end); }))
            continue;
        const bool known = std::any_of(c.mentionIndexes.begin(), c.mentionIndexes.end(), [&](size_t k) {
            const Mention& x = out.mentions[k];
            return overlaps(x.start - c.base, x.end - c.base, start, end);
        });
        if (known)
            continue;
        const QString name = c.text.mid(start, end - start);
        c.mentionIndexes.push_back(out.mentions.size());
        out.mentions.push_back({c.index, c.base + start, c.base + end, EntityKind::Person, name, name, {}});
    }
}

void Extractor::findStatistics(SentenceContext& c, Extraction& out) const
{
    static const QRegularExpression boundary(
        QStringLiteral("\\s(?:compared\\s+(?:to|with)|while|whereas|but|versus|vs\\.?|against|than|and|or)\\s|[;,(]\\s|\\s[\\x{2013}\\x{2014}]\\s"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression leadIn(QStringLiteral("^\\s*(?:of|from|among)\\s+(?:the\\s+)?(?:world's\\s+|world\\x{2019}s\\s+)?"),
                                           kUnicode);
    static const QRegularExpression phraseEnd(
        QStringLiteral("\\s(?:in|by|from|between|since|during|over|at|for|to|on|than|last|this|a|per|according|as|with|and|or|that|"
                       "which|who|within|after|before|across|through|throughout|into|among|amid|against|despite|via|until|"
                       "toward|towards|upon|beyond|without|under|above|below|near|versus)\\s"),
        kUnicode);
    static const QRegularExpression prepBefore(QStringLiteral("\\b(?:by|from|to|against|than|with|into|over)\\s+(?:the\\s+)?$"),
                                               kUnicode | QRegularExpression::CaseInsensitiveOption);
    // "6,276 in the US", "61 models from US-based labs", "28% for institutions in China"
    // ("led by Alibaba" names an agent, so "by" counts only right after the number)
    static const QRegularExpression prepAfter(
        QStringLiteral("^\\s*(?:(?:[^,;]*?\\s)?(?:in|for|from|at)|by)\\s+(?:the\\s+)?$"), kUnicode);
    static const QRegularExpression range(QStringLiteral("\\bbetween\\s+((?:19|20)\\d\\d)\\s+and\\s+((?:19|20)\\d\\d)\\b"));
    static const QRegularExpression year(QStringLiteral("\\b(?:in|during|for|of)\\s+((?:19|20)\\d\\d)\\b"));
    static const QRegularExpression pronoun(QStringLiteral("\\b(?:it|its|he|she|his|her|their)\\b"),
                                            kUnicode | QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression definiteReference(
        QStringLiteral("\\bthe (?:[\\p{L}-]+\\s+){0,2}?(?:company|firm|group|start-up|startup|lab|country|government|nation|"
                       "plan|maker|chipmaker|developer|stock|shares|platform)\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    static const QSet<QString> durations{QStringLiteral("year"),  QStringLiteral("years"), QStringLiteral("month"),
                                         QStringLiteral("months"), QStringLiteral("week"), QStringLiteral("weeks"),
                                         QStringLiteral("day"),   QStringLiteral("days"),  QStringLiteral("hours"),
                                         QStringLiteral("hour"),  QStringLiteral("minutes"), QStringLiteral("seconds")};

    // subjects: countries and companies named in the sentence (a product stands for its owner). A
    // company named right before its own product ("Nvidia H800 chips") describes the thing, and a
    // name after "from", "by" or "than" is rarely what the number is about.
    std::vector<SentenceSubject> subjects;
    for (size_t i : c.mentionIndexes) {
        const Mention& m = out.mentions[i];
        if (m.kind != EntityKind::Country && m.kind != EntityKind::Company)
            continue;
        if (!m.via.isEmpty() && std::any_of(subjects.begin(), subjects.end(), [&](const SentenceSubject& x) {
                return x.name == m.name && x.end - 1 <= m.start - c.base && m.start - c.base - x.end <= 1;
            })) {
            // (only the name right before the product: "Baidu set aside ... for its 文心一言 Ernie" keeps Baidu)
            std::erase_if(subjects, [&](const SentenceSubject& x) {
                return x.name == m.name && x.end - 1 <= m.start - c.base && m.start - c.base - x.end <= 1;
            });
            continue;
        }
        SentenceSubject s{m.start - c.base, m.end - c.base, m.name, m.kind, false, !m.via.isEmpty()};
        s.object = prepBefore.match(QStringView(c.text).first(s.start)).hasMatch();
        if (!subjects.empty() && subjects.back().object) {  // "backed by Alibaba and Tencent": both
            const QString gap = c.text.mid(subjects.back().end, s.start - subjects.back().end).trimmed();
            s.object = s.object || gap == QStringLiteral(",") || gap == QStringLiteral("and") || gap == QStringLiteral(", and");
        }
        subjects.push_back(s);
    }
    // bodies, products and events the sentence names (not a news outlet, which is a source): what a
    // figure is about when no company or country is
    std::vector<SentenceSubject> others;
    for (size_t i : c.mentionIndexes) {
        const Mention& m = out.mentions[i];
        if ((m.kind != EntityKind::Organization && m.kind != EntityKind::Product) || !m.via.isEmpty())
            continue;
        if (m.kind == EntityKind::Organization) {
            const int known = m_knowledge->find(EntityKind::Organization, m.name);
            if (known >= 0 && m_knowledge->entity(known).detail == QStringLiteral("media"))
                continue;
        }
        SentenceSubject s{m.start - c.base, m.end - c.base, m.name, m.kind, false, false};
        s.object = prepBefore.match(QStringView(c.text).first(s.start)).hasMatch();
        others.push_back(s);
    }
    // a name in subject position (among the first words, not a preposition's object) carries on
    // through the paragraph: "Moonshot AI was founded ... In 2024 the company raised $1 billion"
    auto carryOn = qScopeGuard([&] {
        qsizetype subjectZone = 0;
        for (int w = 0; w < 6 && subjectZone < c.text.size(); ++w) {
            subjectZone = c.text.indexOf(u' ', subjectZone + 1);
            if (subjectZone < 0)
                subjectZone = c.text.size();
        }
        for (const SentenceSubject& s : subjects)
            if (!s.object && s.start <= subjectZone) {
                c.paragraph->subject = s;
                return;
            }
        // "Founded in Shanghai in 2021 by Yan Junjie, ..., MiniMax runs ...": the name a verb follows
        const Language& lang = m_knowledge->language();
        for (const SentenceSubject& s : subjects) {
            const QStringList next = words(QStringView(c.text).sliced(s.end));
            if (!s.object && !next.isEmpty() && next.first().front().isLower() &&
                (lang.claimVerbs.contains(next.first()) || lang.speechVerbs.contains(next.first()) ||
                 next.first().endsWith(QStringLiteral("ed")) || next.first().endsWith(u's'))) {
                c.paragraph->subject = s;
                return;
            }
        }
    });

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
    if (c.quantities.empty())
        return;
    struct MetricSpan {
        qsizetype start, end;
        const Metric* metric;
    };
    std::vector<MetricSpan> metricSpans;
    for (auto it = m_compiled->metricPhrases.globalMatch(c.text); it.hasNext();) {
        const auto m = it.next();
        metricSpans.push_back({m.capturedStart(), m.capturedEnd(),
                               m_compiled->metricByPhrase.value(m.captured(1).toLower())});
    }

    QString period;
    if (const auto r = range.match(c.text); r.hasMatch())
        period = r.captured(1) + u'-' + r.captured(2);
    else if (const auto y = year.match(c.text); y.hasMatch())
        period = y.captured(1);

    for (size_t qi = 0; qi < c.quantities.size(); ++qi) {
        const Quantity& q = c.quantities[qi];
        if (q.unit == QStringLiteral("count") && q.value < 2)
            continue;  // "one", "1": rarely a figure anyone tracks
        // "20 to 50 times cheaper", "$2.6 to $4.4 trillion a year": a range's lower bound is
        // measured by the words after its upper bound
        static const QRegularExpression rangeGap(QStringLiteral("^\\s*(?:to|and|-|\\x{2013})\\s*$"), kUnicode);
        qsizetype measuredFrom = q.end;
        size_t next = qi + 1;
        if (next < c.quantities.size() && c.quantities[next].unit == q.unit && c.quantities[next].start - q.end <= 6 &&
            rangeGap.match(QStringView(c.text).sliced(q.end, c.quantities[next].start - q.end)).hasMatch()) {
            measuredFrom = c.quantities[next].end;
            ++next;
        }
        qsizetype limit = next < c.quantities.size() ? c.quantities[next].start : c.text.size();
        if (const auto b = boundary.match(c.text, measuredFrom); b.hasMatch() && b.capturedStart() < limit)
            limit = b.capturedStart();
        const QStringView after = QStringView(c.text).sliced(measuredFrom, limit - measuredFrom);

        // whom: "83% of Chinese respondents"; a name in the number's own clause ("followed by Ping An
        // with 1,564", "while the figure for China was 19%"); one after it ("6,276 in the US"); the
        // nearest name before it in the sentence; else the paragraph's subject
        qsizetype clauseStart = 0;
        for (auto b = boundary.globalMatch(QStringView(c.text).first(q.start)); b.hasNext();)
            clauseStart = b.next().capturedEnd();
        const SentenceSubject* subject = nullptr;
        const auto lead = leadIn.match(after);
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
        if (!subject)
            for (const SentenceSubject& s : subjects)
                if (s.start >= clauseStart && s.end <= q.start && (!s.object || q.start - s.end <= 12))
                    subject = &s;
        if (!subject)
            for (const SentenceSubject& s : subjects)
                if (s.start >= q.end && s.start < limit && prepAfter.match(QStringView(c.text).sliced(q.end, s.start - q.end)).hasMatch()) {
                    subject = &s;
                    break;
                }
        if (!subject)
            for (const SentenceSubject& s : subjects)
                if (s.end <= q.start && !s.object && (!s.viaProduct || !subject || subject->viaProduct))
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
        const SentenceSubject world{0, 0, QStringLiteral("World"), EntityKind::Organization, false, false};
        SentenceSubject fallback;
        // (the world's only when it averages everyone: "across all the countries", "the whole survey")
        static const QRegularExpression everyone(
            QStringLiteral("\\b(?:all|whole|entire|every|surveyed|survey|respondents|globally|worldwide|overall)\\b"),
            kUnicode | QRegularExpression::CaseInsensitiveOption);
        if (subject && !namedInClause && aggregate.match(QStringView(c.text).sliced(clauseStart, q.start - clauseStart)).hasMatch()) {
            if (!everyone.match(QStringView(c.text).sliced(clauseStart, q.start - clauseStart)).hasMatch())
                continue;
            fallback = world;
            subject = &fallback;
        }
        bool continued = false;
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
            continue;

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
        // "26% two years earlier", "180,000 a year ago": a time, not a measure (the figure goes on
        // in the measure before it); "... in 2024, up from 180,000 a year earlier": the year before
        // the sentence's own
        static const QRegularExpression timeAgo(
            QStringLiteral("^\\s*(?:(?<n>a|an|one|two|three|four|five|six|several|\\d+)\\s+)?(?<unit>years?|months?|quarters?|weeks?|days?)"
                           "\\s+(?:earlier|ago|before|prior|later)\\b"),
            kUnicode | QRegularExpression::CaseInsensitiveOption);
        QString figurePeriod = period;
        if (const auto ago = timeAgo.match(after); ago.hasMatch()) {
            const int n = smallCount(ago.captured(QStringLiteral("n")));
            bool isYear = false;
            const int base = period.toInt(&isYear);
            figurePeriod = ago.captured(QStringLiteral("unit")).startsWith(QStringLiteral("year"), Qt::CaseInsensitive) &&
                                   n > 0 && isYear && period.size() == 4
                               ? QString::number(base - n)
                               : QString();
            phraseWords.clear();
        }
        // a participle with its preposition ("the $7.8 billion recorded in China", "spent by
        // Baidu") says what happened to the amount, not what it measures
        static const QSet<QString> prepositions{QStringLiteral("in"), QStringLiteral("by"), QStringLiteral("for"),
                                                QStringLiteral("at"), QStringLiteral("from"), QStringLiteral("on"),
                                                QStringLiteral("to"), QStringLiteral("last"), QStringLiteral("this")};
        const bool participle = !phraseWords.isEmpty() && phraseWords.first().endsWith(QStringLiteral("ed")) &&
                                (phraseWords.size() == 1 || prepositions.contains(phraseWords.at(1)));
        if (!phraseWords.isEmpty() && (participle || auxiliaries.contains(phraseWords.first()) ||
                                       m_knowledge->language().claimVerbs.contains(phraseWords.first())))
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
        if (phraseWords.isEmpty() && q.unit.size() == 3 && q.unit == q.unit.toUpper()) {
            if (const auto in = moneyIn.match(after); in.hasMatch()) {
                const QStringList named = in.captured(1).split(u' ', Qt::SkipEmptyParts);
                if (!durations.contains(named.first()) && !m_knowledge->language().claimVerbs.contains(named.first()))
                    phraseWords = named;
            }
        }
        if (continued && !phraseWords.isEmpty())
            continue;
        phrase = phraseWords.join(u' ');
        const bool clipLength = q.unit == QStringLiteral("seconds") || q.unit == QStringLiteral("minutes") ||
                                q.unit == QStringLiteral("hours");
        if (clipLength) {
            phraseWords.clear();
            phrase.clear();
        }
        if (!phraseWords.isEmpty() && durations.contains(phraseWords.first().toLower()))
            continue;  // "three months": a duration, not a statistic

        // the metric named nearest the number, within its clause and the words before it
        const qsizetype from = std::max<qsizetype>(0, q.start - 60);
        const Metric* metric = nullptr;
        qsizetype bestDistance = std::numeric_limits<qsizetype>::max(), bestLength = 0;
        for (const auto& [at, end, m] : metricSpans) {
            if (at < from || end > limit)
                continue;
            const qsizetype distance = end <= q.start ? q.start - end : at >= q.end ? at - q.end : 0;
            if (distance < bestDistance || (distance == bestDistance && end - at > bestLength)) {
                metric = m;
                bestDistance = distance;
                bestLength = end - at;
            }
        }
        Statistic st;
        st.sentence = c.index;
        st.start = c.base + q.start;
        st.end = c.base + q.end;
        st.subject = subject->name;
        st.subjectKind = subject->kind;
        st.value = q.value;
        st.unit = q.unit;
        st.qualifier = q.qualifier;
        st.period = figurePeriod;
        // "400,000 Ascend 910B processors": a short phrase of names before a noun still names the
        // measure, when the vocabulary names none
        const bool namesSomething =
            !phrase.isEmpty() && (phrase.front().isLower() ||
                                  (!metric && phraseWords.size() <= 4 && phraseWords.last().front().isLower()));
        const QStringView before = QStringView(c.text).first(q.start);
        static const QRegularExpression spendingVerb(
            QStringLiteral("\\b((?:set|put)\\s+aside|earmark(?:ed|ing)?|allocat(?:ed|ing)|committ(?:ed|ing)|commits?|pledg(?:ed|ing|es)|"
                           "invest(?:ed|ing|s)?|spen(?:t|ds?|ding)|rais(?:ed|ing|es)|costs?|costing|paid|pays?|paying|lost|los(?:es|ing)|"
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
            QStringLiteral("\\b(?:the|its|their|his|her)\\s+((?:[\\p{Ll}-]+\\s+)?[\\p{Ll}-]+)\\s+(?:has\\s+|had\\s+|have\\s+)?(?:been\\s+)?"
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
            continue;  // "2,000 of them" with no measure before it: nothing to chart
        } else if (namesSomething) {
            st.metric = phrase;
            st.metricKey = metric ? metric->key : phraseWords.last().toLower();
        } else if (metric) {
            st.metric = metric->label;
            st.metricKey = metric->key;
        } else if (const auto verb = q.unit.size() == 3 && q.unit == q.unit.toUpper() ? spendingVerb.match(before)
                                                                                      : QRegularExpressionMatch();
                   verb.hasMatch()) {
            // "set aside $72 million", "earmarked $145 million", "would cost the firm $5 billion":
            // an amount of money the verb before it names
            st.metric = verb.captured(1).simplified();
            st.metricKey = st.metric.toLower();
        } else if (const auto risen = q.unit != QStringLiteral("count") ? nounRose.match(before) : QRegularExpressionMatch();
                   risen.hasMatch()) {
            // "their share had risen to 26%", "the price fell to $118": the noun that rose or fell
            st.metric = risen.captured(1);
            st.metricKey = st.metric.toLower();
        } else if (const auto change = q.unit == QStringLiteral("percent") ? changeVerb.match(before) : QRegularExpressionMatch();
                   change.hasMatch()) {
            // "the index fell more than 3%", "jumped by 800%": a change, named by its verb
            st.metric = change.captured(1).toLower();
            st.metricKey = st.metric;
        } else if (const auto at = q.unit != QStringLiteral("count") ? commaAt.match(before) : QRegularExpressionMatch();
                   at.hasMatch()) {
            // "the quickest growth rate of the group, at 56%": the noun the figure is given for
            const QStringList named = at.captured(1).split(u' ', Qt::SkipEmptyParts);
            st.metric = named.mid(std::max<qsizetype>(0, named.size() - 2)).join(u' ');
            st.metricKey = st.metric.toLower();
        } else if ((c.paragraph->lastUnit == st.unit ||
                    (c.paragraph->lastUnit == QStringLiteral("times") && timesThe.match(before).hasMatch())) &&
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
                   unitOf.hasMatch() && !durations.contains(unitOf.captured(1).split(u' ').last())) {
            // "a frame rate of 30fps", "a margin of 12%": the noun the figure is "of"
            st.metric = unitOf.captured(1);
            st.metricKey = st.metric.toLower();
        } else {
            continue;  // a number with no named measure is not a statistic anyone can chart
        }
        c.paragraph->lastMetric = st.metric;
        c.paragraph->lastMetricKey = st.metricKey;
        c.paragraph->lastUnit = st.unit;
        c.paragraph->lastStatisticSubject = *subject;
        out.statistics.push_back(st);
    }
}

void Extractor::findEvents(SentenceContext& c, const PartialDate& published, Extraction& out) const
{
    static const QRegularExpression dateStart(
        QStringLiteral("\\b(?:(?:%1)\\.?\\s+\\d|\\d{1,2}\\s+(?:%2)|\\d{4}-\\d{2}-\\d{2}|(?:%2),?\\s+(?:19|20)\\d\\d)")
            .arg(DateParser::monthPattern(), DateParser::monthPattern(DateParser::MonthNames::Full)),
        kUnicode);
    static const QRegularExpression yearRe(QStringLiteral("(?<![\\d,.$\\x{00a5}\\x{20ac}-])\\b((?:19|20)\\d\\d)\\b(?!s\\b|-\\d|,\\d|\\.\\d)"),
                                           kUnicode);
    static const QRegularExpression rangeRe(
        QStringLiteral("\\b(?:between\\s+(?:19|20)\\d\\d\\s+and|(?:from\\s+)?(?:19|20)\\d\\d\\s+(?:to|until|through))\\s+(?:19|20)\\d\\d\\b"
                       "|\\b(?:19|20)\\d\\d\\s*[-\\x{2013}]\\s*(?:19|20)?\\d\\d\\b"),
        kUnicode);
    if (c.text.trimmed().endsWith(u'?') || c.paragraph->caption)
        return;
    const bool digits = std::any_of(c.text.begin(), c.text.end(), [](QChar ch) { return ch.isDigit(); });
    const bool monthNamed = std::any_of(c.words.begin(), c.words.end(), [](QStringView w) {
        return w.front().isUpper() && DateParser::monthFromName(w) > 0;
    });
    if (!digits && !monthNamed && !c.says(u"year") &&
        !c.says(u"month") && !c.says(u"day") && !c.says(u"week") &&
        !c.says(u"yesterday") && !c.says(u"today") &&
        !c.says(u"ago"))
        return;  // no date can be written without these
    // what each expression below needs, found in one pass: it is spared the sentences without it
    bool year = false;  // four digits starting 19 or 20
    for (qsizetype i = 0; digits && !year && i + 3 < c.text.size(); ++i)
        year = ((c.text[i] == u'1' && c.text[i + 1] == u'9') || (c.text[i] == u'2' && c.text[i + 1] == u'0')) &&
               c.text[i + 2].isDigit() && c.text[i + 3].isDigit();
    const bool isoDate = digits && c.text.contains(u'-');
    using namespace Qt::Literals::StringLiterals;
    const bool relativeWords =
        mayContain(c.text, {"yesterday"_L1, "today"_L1, "ago"_L1}, true) ||
        (mayContain(c.text, {"last"_L1, "this"_L1, "next"_L1}, true) && mayContain(c.text, {"year"_L1, "month"_L1}, true));

    std::vector<std::pair<qsizetype, qsizetype>> used;
    auto add = [&](qsizetype s, qsizetype e, const PartialDate& d, const QString& relative) {
        for (const auto& u : used)
            if (overlaps(u.first, u.second, s, e))
                return;
        used.emplace_back(s, e);
        const bool duplicate = std::any_of(out.events.begin(), out.events.end(), [&](const Event& x) {
            return x.sentence == c.index && x.date == d && x.relative == relative;
        });
        if (duplicate)
            return;
        out.events.push_back({c.index, c.base + s, c.base + e, d, relative});
        if (d.isValid())
            c.dates.push_back(d);
    };
    if (year) {
        // "a quarter of the patents published since 2014": where a figure's count starts, not an
        // event (a sentence with no figure keeps it: "has been a priority since 2017")
        static const QRegularExpression since(QStringLiteral("\\b(?i:since)\\s+(?:19|20)\\d\\d\\b"), kUnicode);
        for (auto it = since.globalMatch(c.quantities.empty() ? QString() : c.text); it.hasNext();) {
            const auto r = it.next();
            used.emplace_back(r.capturedStart(), r.capturedEnd());
        }
        for (auto ranges = rangeRe.globalMatch(c.text); ranges.hasNext();) {
            const auto r = ranges.next();
            used.emplace_back(r.capturedStart(), r.capturedEnd());  // a period, not an event
        }
    }
    if (monthNamed || isoDate) {
        for (auto full = dateStart.globalMatch(c.text); full.hasNext();) {
            const auto m = full.next();
            qsizetype length = 0;
            if (auto d = DateParser::parseAt(QStringView(c.text).sliced(m.capturedStart()), &length))
                add(m.capturedStart(), m.capturedStart() + length, *d, {});
        }
    }
    // "on July 9", "Monday, Jan. 27", "(27 January)": a day with no year in the sentence is in the
    // year that puts it nearest the page's date
    static const QRegularExpression monthDay(
        QStringLiteral("\\b(?:(?<m1>%1)\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?<m2>%1)\\.?)"
                       "(?![\\p{L}\\d]|,?\\s*\\d|\\s*[-\\x{2013}/:])")
            .arg(DateParser::monthPattern()),
        kUnicode);
    if (monthNamed && digits) {
        for (auto it = monthDay.globalMatch(c.text); it.hasNext();) {
            const auto m = it.next();
            const int month = DateParser::monthFromName(m.hasCaptured(u"m1") ? m.capturedView(u"m1") : m.capturedView(u"m2"));
            const int day = (m.hasCaptured(u"d1") ? m.capturedView(u"d1") : m.capturedView(u"d2")).toInt();
            if (month < 1 || day < 1 || day > 31)
                continue;
            // a year written before it in the sentence ("the 2024 conference runs until July 6")
            // places it; else the page's date
            int sentenceYear = 0;
            if (year)
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
                add(m.capturedStart(), m.capturedEnd(), d, {});
        }
    }
    // "the 2019 conference", "its 2017 plan": a year naming a thing, not when something happened
    static const QRegularExpression attributive(
        QStringLiteral("\\b(?:the|its|their|his|her|a|this|that)\\s+(?:19|20)\\d\\d\\s+\\p{Ll}"), kUnicode | QRegularExpression::CaseInsensitiveOption);
    if (year) {
        for (auto it = attributive.globalMatch(c.text); it.hasNext();) {
            const auto m = it.next();
            used.emplace_back(m.capturedStart(), m.capturedEnd());
        }
    }
    if (year) {
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
            add(m.capturedStart(1), m.capturedEnd(1), d, {});
        }
    }
    if (relativeWords) {
        for (const DateParser::RelativeDate& r : DateParser::relativeDates(c.text, published))
            add(r.start, r.end, r.date, r.phrase);
    }

    // a month named alone ("that November", "in early May") is in the year the sentence or its
    // paragraph last named ("founded in 2023 ... topped the charts that November"); without one,
    // or when that date's own month comes later in the year, the month is not placed
    static const QRegularExpression bareMonth(
        QStringLiteral("\\b(?i:in|that|by|until|from|of|since|starting|during)\\s+(?:(?:early|late|mid)(?:-to-(?:early|late|mid))?[-\\s])?(%1)\\b"
                       "(?!\\s*\\d|,\\s*\\d|\\s+(?:19|20)\\d\\d)")
            .arg(DateParser::monthPattern(DateParser::MonthNames::Full)),
        kUnicode);
    if (monthNamed) {
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
            const bool placedByPage = referenceAt < 0 && !year &&
                                      (!reference.isValid() || (published.precision >= DatePrecision::Month &&
                                                                !m.captured(0).startsWith(QStringLiteral("that"), Qt::CaseInsensitive)));
            if (placedByPage) {
                // no year anywhere before it: the page's date places it
                d = DateParser::nearestToPublication(d.month, 0, published, DateParser::looksAhead(c.lower));
                if (d.isValid())
                    add(m.capturedStart(1), m.capturedEnd(1), d, {});
                continue;
            }
            if (!reference.isValid() || (reference.precision >= DatePrecision::Month && d.month < reference.month))
                continue;
            add(m.capturedStart(1), m.capturedEnd(1), d, {});
        }
    }

    // "The same day", "the next day", "the day after R1 appeared", "a week later": counted from the
    // day of the latest dated statement before this one
    static const QRegularExpression sameDay(
        QStringLiteral("\\b(?:the\\s+same\\s+day|that\\s+(?:same\\s+)?day|the\\s+(?:next|following|previous)\\s+(?:day|week)|"
                       "the\\s+(?:day|week)\\s+(?:after|before)|an?\\s+(?:day|week)\\s+(?:later|earlier))\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
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
                add(m.capturedStart(), m.capturedEnd(), d, m.captured(0));
            }
        }
    }
}

void Extractor::dropCoveredYears(SentenceContext& c, Extraction& out)
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

QString Extractor::sourceName(QStringView phrase) const
{
    // a known publication or body by any of its names, else the capitalised words as written
    const auto matches = m_knowledge->match(phrase);
    for (const AliasMatch& m : matches)
        if (m.start <= 4) {
            const Entity& e = m_knowledge->entity(m.alias->entity);
            if (e.kind == EntityKind::Organization || e.kind == EntityKind::Company)
                return e.name;
            if (m.end >= phrase.size() - 1)
                return {};  // a country or a product alone is not a source
            break;  // "China Securities Regulatory Commission": a body named after its country
        }
    return phrase.toString();
}

void Extractor::findAttributions(SentenceContext& c, Extraction& out) const
{
    // every cue below holds one of these words; most sentences hold none
    static const QStringList cueWords{
        QStringLiteral("according"), QStringLiteral("reported"), QStringLiteral("reports"),  QStringLiteral("report"),
        QStringLiteral("told"),      QStringLiteral("interview"), QStringLiteral("survey"),  QStringLiteral("study"),
        QStringLiteral("analysis"),  QStringLiteral("data"),     QStringLiteral("figures"),  QStringLiteral("research"),
        QStringLiteral("poll"),      QStringLiteral("found"),    QStringLiteral("finds"),    QStringLiteral("showed"),
        QStringLiteral("shows"),     QStringLiteral("estimated"), QStringLiteral("estimates"), QStringLiteral("counted"),
        QStringLiteral("counts"),    QStringLiteral("concluded"), QStringLiteral("said"),    QStringLiteral("says"),
        QStringLiteral("filing"),    QStringLiteral("statement"),
        QStringLiteral("noted"),     QStringLiteral("notes"),    QStringLiteral("index"),    QStringLiteral("outlook"),
        QStringLiteral("tracker"),   QStringLiteral("barometer"), QStringLiteral("census"),  QStringLiteral("yearbook"),
        QStringLiteral("index's")};
    static const WordSet cueSet = WordSet::of(cueWords);
    if (!c.saysAny(cueSet))
        return;
    const QString name = QStringLiteral(
        "(?<name>\\p{Lu}[\\p{L}\\d&.'\\x{2019}-]*(?:\\s+(?:of\\s+|and\\s+|&\\s+|for\\s+)?\\p{Lu}[\\p{L}\\d&.'\\x{2019}-]*){0,5})");
    static const std::vector<QRegularExpression> cues = [&] {
        const QString document = QStringLiteral("(?:(?:a|an|the|its)\\s+)?(?:(?:new|recent|latest|annual|\\d{4})\\s+)?"
                                                "(?:report|survey|study|analysis|data|figures|estimates?|research|poll|index|filing|statement|"
                                                "announcement|notice|documents?)?");
        return std::vector<QRegularExpression>{
            // according to Reuters; according to a report the World Intellectual Property Organization published
            QRegularExpression(QStringLiteral("\\baccording\\s+to\\s+%1\\s*(?:(?:by|from|of|that|which|with|to)\\s+)?(?:the\\s+)?%2")
                                   .arg(document, name), kUnicode),
            // as reported by the Straitstimes; in an interview with Caixin
            QRegularExpression(QStringLiteral("\\b(?:(?:as\\s+)?reported\\s+by|in\\s+an\\s+interview\\s+with|"
                                              "(?:report|survey|study|analysis|data|figures|research|poll)\\s+(?:by|from|published\\s+by))"
                                              "\\s+(?:(?:a|an|the)\\s+)?%1").arg(name), kUnicode),
        };
    }();
    // WIPO reported that ...; Stanford's AI Index found that ...: a publication or body as subject
    static const QRegularExpression reporting(
        QStringLiteral("(?:\\p{Lu}[\\p{L}.&-]*(?:'s|\\x{2019}s)\\s+)?(?:(?:annual|latest|new)\\s+)?%1\\s+(?:reported|reports|found|finds|showed|shows|"
                       "estimated|estimates|counted|counts|concluded|said|says|noted|notes)\\b").arg(name),
        kUnicode);
    const Language& lang = m_knowledge->language();
    auto record = [&](qsizetype s, qsizetype e, qsizetype cueStart, bool needsPublication) {
        // a person is quoted, not cited as a publication
        const bool person = std::any_of(c.mentionIndexes.begin(), c.mentionIndexes.end(), [&](size_t i) {
            const Mention& x = out.mentions[i];
            return x.kind == EntityKind::Person && overlaps(x.start - c.base, x.end - c.base, s, e);
        });
        if (person)
            return;
        const QStringView phrase = QStringView(c.text).sliced(s, e - s);
        QString source = sourceName(phrase);
        if (source.isEmpty())
            return;
        if (needsPublication) {
            // "WIPO reported": a known body (a company saying something is an actor, not a cited
            // publication), or a name that reads as a publication ("AI Index")
            const bool organisation = m_knowledge->find(EntityKind::Organization, source) >= 0;
            const bool company = m_knowledge->find(EntityKind::Company, source) >= 0;
            const QStringList w = source.split(u' ');
            const bool readsAsPublication =
                std::any_of(w.begin(), w.end(), [&](const QString& x) { return lang.sourceWords.contains(x); });
            if (company || (!organisation && !readsAsPublication))
                return;
        }
        while (source.endsWith(u'.'))
            source.chop(1);
        if (std::any_of(out.sources.begin(), out.sources.end(),
                        [&](const CitedSource& x) { return x.sentence == c.index && x.name == source; }))
            return;
        c.source = source;
        out.sources.push_back({source, SourceKind::Cited, {}, c.base + cueStart, c.base + e, -1, c.index});
    };
    for (const QRegularExpression& cue : cues)
        for (auto it = cue.globalMatch(c.text); it.hasNext();) {
            const auto m = it.next();
            record(m.capturedStart(QStringLiteral("name")), m.capturedEnd(QStringLiteral("name")), m.capturedStart(), false);
        }
    // told the Global Times: a publication is told; "the government told Nvidia" tells a company
    static const QRegularExpression told(QStringLiteral("\\btold\\s+(?:the\\s+)?%1").arg(name), kUnicode);
    if (c.says(u"told"))
        for (auto it = told.globalMatch(c.text); it.hasNext();) {
            const auto m = it.next();
            record(m.capturedStart(QStringLiteral("name")), m.capturedEnd(QStringLiteral("name")), m.capturedStart(), true);
        }
    for (auto it = reporting.globalMatch(c.text); it.hasNext();) {
        const auto m = it.next();
        record(m.capturedStart(QStringLiteral("name")), m.capturedEnd(QStringLiteral("name")), m.capturedStart(), true);
    }
    // a named report is a source wherever it is discussed: "Stanford's annual AI Index",
    // "the WIPO Patent Landscape Report"
    static const QRegularExpression namedReport(
        QStringLiteral("(?<name>(?:\\p{Lu}[\\p{L}\\d&-]*\\s+){1,4}(?:Index|Report|Survey|Outlook|Tracker|Barometer|Census|Yearbook))\\b"),
        kUnicode);
    using namespace Qt::Literals::StringLiterals;
    if (!mayContain(c.text, {"Index"_L1, "Report"_L1, "Survey"_L1, "Outlook"_L1, "Tracker"_L1, "Barometer"_L1,
                             "Census"_L1, "Yearbook"_L1}))
        return;
    for (auto it = namedReport.globalMatch(c.text); it.hasNext();) {
        const auto m = it.next();
        qsizetype start = m.capturedStart(QStringLiteral("name"));
        // drop a sentence's first word ("The", "Its") that only looks like part of the name; a
        // report's own words stay ("AI Index", "Global Outlook")
        static const QSet<QString> openers{QStringLiteral("The"), QStringLiteral("A"), QStringLiteral("An"),
                                           QStringLiteral("Its"), QStringLiteral("Their"), QStringLiteral("This"),
                                           QStringLiteral("That"), QStringLiteral("These"), QStringLiteral("Our"),
                                           QStringLiteral("His"), QStringLiteral("Her"), QStringLiteral("In"),
                                           QStringLiteral("On"), QStringLiteral("At"), QStringLiteral("For"),
                                           QStringLiteral("With"), QStringLiteral("From"), QStringLiteral("By"),
                                           QStringLiteral("As"), QStringLiteral("According")};
        const QStringView first = QStringView(c.text).sliced(start).first(QStringView(c.text).sliced(start).indexOf(u' '));
        if (openers.contains(first.toString()))
            start += first.size() + 1;
        record(start, m.capturedEnd(QStringLiteral("name")), m.capturedStart(), false);
    }
}

void Extractor::scoreClaim(SentenceContext& c, const Article& article, Extraction& out) const
{
    const QString trimmed = c.text.trimmed();
    if (trimmed.endsWith(u'?') || trimmed.size() < 20)
        return;
    // "X declined to comment", "did not respond to a request for comment": what a reporter asked,
    // not anything asserted
    static const QRegularExpression noComment(
        QStringLiteral("\\b(?:declined|refused)\\s+to\\s+comment\\b|\\b(?:did|does|do)\\s+not\\s+(?:immediately\\s+)?"
                       "(?:respond|reply)\\b[^.]*\\bcomment|\\bcould\\s+not\\s+(?:immediately\\s+)?be\\s+reached\\b|"
                       "\\bwas\\s+not\\s+(?:immediately\\s+)?available\\s+for\\s+comment\\b"),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    using namespace Qt::Literals::StringLiterals;
    if (mayContain(c.text, {"comment"_L1, "reached"_L1}, true) && noComment.match(c.text).hasMatch())
        return;
    QStringList actors;
    for (size_t i : c.mentionIndexes) {
        const Mention& m = out.mentions[i];
        if (m.kind != EntityKind::Product && !actors.contains(m.name))
            actors.append(m.name);
    }
    // "By 2030 the core industry was meant to exceed 1 trillion yuan": the paragraph's subject acts
    if (actors.isEmpty() && c.paragraph->subject.start >= 0 && (!c.quantities.empty() || !c.dates.empty()))
        actors.append(c.paragraph->subject.name);
    else if (actors.isEmpty() && !c.quantities.empty() && !c.dates.empty() &&
             (c.paragraph->articleCountry || c.paragraph->articleCompany))  // a dated figure in an article about one actor
        actors.append((c.paragraph->articleCountry ? c.paragraph->articleCountry : c.paragraph->articleCompany)->name);
    if (actors.isEmpty())
        return;
    const bool verb = c.saysAny(m_compiled->claimVerbs);
    const bool comparison = m_compiled->comparison.match(c.text).hasMatch();
    double score = 0.35;
    score += c.quantities.empty() ? 0 : 0.25;
    score += c.dates.empty() ? 0 : 0.15;
    score += verb ? 0.3 : 0;
    score += comparison ? 0.15 : 0;
    score += c.keyPoint ? 0.25 : 0;
    score += c.source.isEmpty() ? 0 : 0.2;  // attributed, so it can be checked against its source
    if (score < 0.5)
        return;
    Claim claim;
    claim.sentence = c.index;
    claim.score = std::min(1.0, score);
    claim.date = !c.dates.empty() ? c.dates.front() : article.published;
    claim.actors = actors;
    claim.source = c.source;
    out.claims.push_back(claim);
}

Extraction Extractor::extract(const Article& article) const
{
    Extraction out;
    // statements standing one to a line (bullets, digest lines) are what the writer chose to stress
    std::vector<int> sentencesPerBlock(article.blocks.size(), 0);
    for (const Sentence& s : article.sentences)
        ++sentencesPerBlock[static_cast<size_t>(s.block)];
    std::vector<QString> sentenceSources(article.sentences.size());
    for (const CitedSource& src : article.sources)
        if (src.sentence >= 0)
            sentenceSources[static_cast<size_t>(src.sentence)] = src.name;

    ParagraphState paragraph;
    QHash<QString, int> subjectCounts;
    SentenceSubject articleCompany, articleCountry;
    for (size_t i = 0; i < article.sentences.size(); ++i) {
        const Sentence& s = article.sentences[i];
        if (paragraph.block != s.block) {
            // the items of a list go on in the measure its first item names ("1. Acme (2,000
            // patents)", "2. Bolt (1,500)")
            const bool listGoesOn = paragraph.block >= 0 &&
                                    article.blocks[static_cast<size_t>(paragraph.block)].kind == BlockKind::Bullet &&
                                    article.blocks[static_cast<size_t>(s.block)].kind == BlockKind::Bullet;
            ParagraphState previous = std::move(paragraph);
            paragraph = ParagraphState{};
            paragraph.block = s.block;
            {
                using namespace Qt::Literals::StringLiterals;
                const Block& b = article.blocks[static_cast<size_t>(s.block)];
                const QStringView text = QStringView(article.text).sliced(b.contentStart, b.end - b.contentStart);
                paragraph.caption = mayContain(text, {"Photo:"_L1, "Photograph:"_L1, "Photo credit"_L1, "alt="_L1,
                                                      "Image:"_L1, "Caption:"_L1, "Pictured:"_L1});
            }
            if (listGoesOn) {
                paragraph.lastMetric = previous.lastMetric;
                paragraph.lastMetricKey = previous.lastMetricKey;
                paragraph.lastUnit = previous.lastUnit;
            }
        } else {
            paragraph.subjectFromEarlierSentence = paragraph.subject.start >= 0;
        }
        paragraph.articleCompany = articleCompany.start >= 0 ? &articleCompany : nullptr;
        paragraph.articleCountry = articleCountry.start >= 0 ? &articleCountry : nullptr;
        SentenceContext c;
        c.paragraph = &paragraph;
        c.index = static_cast<int>(i);
        c.sentence = &s;
        c.article = &article;
        c.base = s.start;
        c.text = article.text.mid(s.start, s.end - s.start);
        c.text.replace(u'\n', u' ');
        const Block& block = article.blocks[static_cast<size_t>(s.block)];
        c.readWords();
        c.keyPoint = block.kind == BlockKind::Bullet ||
                     (sentencesPerBlock[static_cast<size_t>(s.block)] == 1 && c.words.size() <= 25);
        c.source = sentenceSources[i];
        findEntities(c, out);
        findOrganisationsByPattern(c, out);
        findPeople(c, out);
        findCompaniesByContext(c, out);
        findStatistics(c, out);
        findEvents(c, article.published, out);
        dropCoveredYears(c, out);
        for (const PartialDate& d : c.dates)
            if (d.isValid())
                paragraph.lastDate = d;
        findAttributions(c, out);
        scoreClaim(c, article, out);
        for (size_t m : c.mentionIndexes) {
            const Mention& mention = out.mentions[m];
            if ((mention.kind != EntityKind::Country && mention.kind != EntityKind::Company) || !mention.via.isEmpty())
                continue;
            (mention.kind == EntityKind::Company ? paragraph.lastCompany : paragraph.lastCountry) =
                {0, 0, mention.name, mention.kind, false, false};
            SentenceSubject& top = mention.kind == EntityKind::Company ? articleCompany : articleCountry;
            const int named = ++subjectCounts[mention.name];
            if (top.start < 0 || named > subjectCounts.value(top.name))
                top = {0, 0, mention.name, mention.kind, false, false};
        }
    }
    findHeadingEntities(article, out);
    return out;
}

void Extractor::findHeadingEntities(const Article& article, Extraction& out) const
{
    // Headlines are title-cased, so a short or common name that needs its context (an ambiguous
    // alias) never matches there, and a city standing for its government is left to the body.
    for (const Block& block : article.blocks) {
        if (block.kind != BlockKind::Title && block.kind != BlockKind::Heading)
            continue;
        const QString text = article.blockText(block);
        for (const AliasMatch& m : m_knowledge->match(text)) {
            if (m.alias->role == Alias::Role::Metonym)
                continue;
            const Entity& e = m_knowledge->entity(m.alias->entity);
            const qsizetype start = block.contentStart + m.start;
            Mention mention{-1, start, start + (m.end - m.start), e.kind, e.name, text.mid(m.start, m.end - m.start), {}};
            out.headingMentions.push_back(mention);
            if (e.kind == EntityKind::Product && !e.owner.isEmpty()) {
                mention.kind = EntityKind::Company;
                mention.via = e.name;
                mention.name = e.owner;
                out.headingMentions.push_back(mention);
            }
        }
    }
}

}  // namespace claimlens
