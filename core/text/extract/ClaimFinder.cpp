#include "extract/ClaimFinder.h"

#include <QSet>

namespace claimlens {

ClaimFinder::ClaimFinder(std::shared_ptr<const Knowledge> knowledge) : m_knowledge(std::move(knowledge))
{
    const Language& lang = m_knowledge->language();
    m_comparison = QRegularExpression(
        QStringLiteral("(?<![\\p{L}])(?:%1)(?![\\p{L}])").arg(regexAlternatives(lang.comparisonWords)),
        kUnicode | QRegularExpression::CaseInsensitiveOption);
    m_comparison.optimize();
    m_claimVerbs = WordSet::of(lang.claimVerbs);
}

QString ClaimFinder::sourceName(QStringView phrase) const
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

void ClaimFinder::findAttributions(SentenceContext& c, Extraction& out) const
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

void ClaimFinder::scoreClaim(SentenceContext& c, Extraction& out) const
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
    const bool verb = c.saysAny(m_claimVerbs);
    const bool comparison = m_comparison.match(c.text).hasMatch();
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
    // the date of what it reports, when its sentence gives one; when it was reported is its
    // document's publication, kept there and not copied here
    claim.date = !c.dates.empty() ? c.dates.front() : PartialDate{};
    claim.actors = actors;
    claim.source = c.source;
    out.claims.push_back(claim);
}

}  // namespace claimlens
