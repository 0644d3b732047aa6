#include "extract/EntityFinder.h"

#include "structure/DateParser.h"

#include <QLocale>
#include <QSet>

#include <cstdint>
#include <unordered_map>

namespace claimlens {
namespace {

/// A capitalised word that can be part of a person's name: "Qu", "Kai-Fu", "O'Brien".
const QString kNameToken = QStringLiteral("\\p{Lu}[\\p{Ll}'\\x{2019}]+(?:-\\p{Lu}?\\p{Ll}+)?");

const QSet<QString>& notNameWords()
{
    // capitalised words that start sentences or name months and days, never people
    static const QSet<QString> set = QSet<QString>{
        QStringLiteral("The"),     QStringLiteral("A"),        QStringLiteral("An"),      QStringLiteral("In"),
        QStringLiteral("On"),      QStringLiteral("At"),       QStringLiteral("It"),      QStringLiteral("This"),
        QStringLiteral("That"),    QStringLiteral("These"),    QStringLiteral("Those"),   QStringLiteral("But"),
        QStringLiteral("And"),     QStringLiteral("However"),  QStringLiteral("While"),   QStringLiteral("When"),
        QStringLiteral("After"),   QStringLiteral("Before"),   QStringLiteral("Despite"), QStringLiteral("According"),
        QStringLiteral("Its"),     QStringLiteral("Their"),    QStringLiteral("Our"),     QStringLiteral("Some"),
        QStringLiteral("Many"),    QStringLiteral("Most"),     QStringLiteral("Other"),   QStringLiteral("Others"),
        QStringLiteral("Both"),    QStringLiteral("Chinese"),  QStringLiteral("American"), QStringLiteral("Monday"),
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
        QStringLiteral("Administration"), QStringLiteral("Motors"), QStringLiteral("Electric")}
        .unite(QSet<QString>(DateParser::monthNames().begin(), DateParser::monthNames().end()));
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

EntityFinder::EntityFinder(std::shared_ptr<const Knowledge> knowledge)
    : m_knowledge(std::move(knowledge)), m_people(peoplePatterns(m_knowledge->language()))
{
}

void EntityFinder::find(SentenceContext& c, Extraction& out) const
{
    findKnown(c, out);
    findOrganisationsByPattern(c, out);
    findPeople(c, out);
    findCompaniesByContext(c, out);
}

void EntityFinder::findKnown(SentenceContext& c, Extraction& out) const
{
    const Language& lang = m_knowledge->language();
    c.aliases = m_knowledge->match(c.text);
    for (const AliasMatch& m : c.aliases) {
        const Entity& e = m_knowledge->entity(m.alias->entity);
        if (m.alias->role == Alias::Role::Metonym) {
            // "in Beijing" and "Beijing-based" are the city; "Beijing has made it clear" is the government
            const QStringList before = wordsOf(QStringView(c.text).first(m.start));
            if (!before.isEmpty() && lang.locatives.contains(before.back().toLower()))
                continue;
            if (QStringView(c.text).sliced(m.end).startsWith(u'-'))
                continue;
        }
        Mention mention{c.index, c.base + m.start, c.base + m.end, e.kind, e.name, c.text.mid(m.start, m.end - m.start), {}};
        c.mentionIndexes.push_back(out.mentions.size());
        out.mentions.push_back(mention);
        if (e.kind == EntityKind::Product && !e.owner.isEmpty() && !m_knowledge->excludes(EntityKind::Company, e.owner)) {
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

void EntityFinder::findOrganisationsByPattern(SentenceContext& c, Extraction& out) const
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
        if (m_knowledge->excludes(EntityKind::Organization, name))
            continue;  // the analyst said it is none
        c.mentionIndexes.push_back(out.mentions.size());
        out.mentions.push_back({c.index, c.base + start, c.base + end, EntityKind::Organization, name, name, {}});
    }
}

void EntityFinder::findCompaniesByContext(SentenceContext& c, Extraction& out) const
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
        if (w.size() < 3)
            continue;  // shorter than any cue ("ceo") or "maker": spared the look-up
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
                    for (const QString& month : DateParser::monthNames())
                        words << month << month.first(3);
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
                if (known || m_knowledge->excludes(EntityKind::Company, candidate))
                    continue;
                c.mentionIndexes.push_back(out.mentions.size());
                out.mentions.push_back({c.index, c.base + start, c.base + start + candidate.size(), EntityKind::Company,
                                        candidate, candidate, {}});
            }
        }
    }
}

void EntityFinder::findPeople(SentenceContext& c, Extraction& out) const
{
    // every pattern needs two capitalised words in a row ("Premier Li", "Qu Dongqi"): most
    // sentences have none, and skip the expressions
    bool pair = false;
    for (qsizetype i = 0, previousCapital = -10; i < c.text.size() && !pair; ++i) {
        if ((i == 0 || c.text.at(i - 1) == u' ') && c.text.at(i).isUpper()) {
            pair = previousCapital >= 0 && c.text.lastIndexOf(u' ', i - 2) < previousCapital;
            previousCapital = i;
        }
    }
    if (!pair)
        return;
    const std::vector<QRegularExpression>& patterns = m_people;
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
            if (known || m_knowledge->excludes(EntityKind::Person, name))
                continue;
            c.mentionIndexes.push_back(out.mentions.size());
            out.mentions.push_back({c.index, c.base + start, c.base + end, EntityKind::Person, name, name, {}});
        }
    }
    findPeopleByName(c, out);
}

void EntityFinder::findPeopleByName(SentenceContext& c, Extraction& out) const
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
        if (family.data() - (first.data() + first.size()) != 1 || c.text.at(start + first.size()) != u' ')
            continue;
        if (!possessive && i + 2 < c.words.size() && c.words[i + 2].front().isUpper() &&
            c.words[i + 2].data() - (family.data() + family.size()) == 1)
            continue;
        if (start > 0 && c.text.at(start - 1).isLetterOrNumber())
            continue;
        if (std::any_of(c.aliases.begin(), c.aliases.end(),
                        [&](const AliasMatch& a) { return overlaps(a.start, a.end, start, end); }))
            continue;
        const bool known = std::any_of(c.mentionIndexes.begin(), c.mentionIndexes.end(), [&](size_t k) {
            const Mention& x = out.mentions[k];
            return overlaps(x.start - c.base, x.end - c.base, start, end);
        });
        const QString name = c.text.mid(start, end - start);
        if (known || m_knowledge->excludes(EntityKind::Person, name))
            continue;
        c.mentionIndexes.push_back(out.mentions.size());
        out.mentions.push_back({c.index, c.base + start, c.base + end, EntityKind::Person, name, name, {}});
    }
}

void EntityFinder::findHeadingEntities(const Article& article, Extraction& out) const
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
            if (e.kind == EntityKind::Product && !e.owner.isEmpty() && !m_knowledge->excludes(EntityKind::Company, e.owner)) {
                mention.kind = EntityKind::Company;
                mention.via = e.name;
                mention.name = e.owner;
                out.headingMentions.push_back(mention);
            }
        }
    }
}

}  // namespace claimlens
