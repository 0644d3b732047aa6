// Extraction rules on sentences written for each rule, with a small knowledge base of their own,
// so that a change to the shipped knowledge cannot hide a broken rule.
#include "extract/Extractor.h"
#include "extract/QuantityFinder.h"
#include "structure/StructureParser.h"

#include "TestSupport.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

std::shared_ptr<const Knowledge> smallKnowledge()
{
    static const std::shared_ptr<const Knowledge> k = [] {
        auto out = std::make_shared<Knowledge>();
        const char* json = R"({
          "companies": [
            {"name": "Baidu", "aliases": ["Baidu Inc.", "百度"], "country": "China"},
            {"name": "ByteDance", "aliases": ["字节跳动"], "country": "China"},
            {"name": "OpenAI", "country": "United States"},
            {"name": "01.AI", "aliases": ["零一万物"], "country": "China"},
            {"name": "Apple", "ambiguous": true, "country": "United States"}
          ],
          "products": [
            {"name": "TikTok", "owner": "ByteDance"},
            {"name": "Ernie Bot", "aliases": ["Ernie", "文心一言"], "owner": "Baidu"},
            {"name": "Yi", "owner": "01.AI", "ambiguous": true}
          ],
          "countries": [
            {"name": "China", "aliases": ["PRC"], "demonyms": ["Chinese"], "metonyms": ["Beijing"]},
            {"name": "United States", "aliases": ["US", "U.S.", "America"], "demonyms": ["American", "Americans"],
             "metonyms": ["Washington", "White House"]}
          ],
          "organizations": [
            {"name": "The Straits Times", "aliases": ["Straits Times", "Straitstimes"], "kind": "media"},
            {"name": "Global Times", "kind": "media"},
            {"name": "WIPO", "aliases": ["World Intellectual Property Organization"], "kind": "intergovernmental"}
          ],
          "metrics": [
            {"key": "patents", "label": "Patents", "unit": "count", "phrases": ["patent", "patents", "patent families"]},
            {"key": "genai_usage", "label": "Generative AI usage", "unit": "percent", "phrases": ["use generative ai", "respondents"]},
            {"key": "top_researchers", "label": "Share of top AI researchers", "unit": "percent", "phrases": ["top ai researchers"]},
            {"key": "valuation", "label": "Valuation", "unit": "usd", "phrases": ["valued", "valuation"]},
            {"key": "change", "label": "Change", "unit": "percent", "phrases": ["plunge", "drop"]}
          ]
        })";
        EXPECT_TRUE(out->add(json, QStringLiteral("test")).ok());
        QFile language(QStringLiteral(":/claimlens/knowledge/language.json"));
        EXPECT_TRUE(language.open(QIODevice::ReadOnly));
        EXPECT_TRUE(out->add(language.readAll(), language.fileName()).ok());
        out->finish();
        return std::shared_ptr<const Knowledge>(out);
    }();
    return k;
}

Extraction extract(const QString& text, Article* articleOut = nullptr)
{
    const Article article = StructureParser().parse(text);
    if (articleOut)
        *articleOut = article;
    return Extractor(smallKnowledge()).extract(article);
}

QStringList names(const Extraction& e, EntityKind kind, bool direct = true)
{
    QStringList out;
    for (const auto& m : e.mentions)
        if (m.kind == kind && (!direct || m.via.isEmpty()) && !out.contains(m.name))
            out.append(m.name);
    return out;
}

}  // namespace

TEST(QuantityFinder, ReadsTheUsualForms)
{
    const auto q = QuantityFinder::find(
        QStringLiteral("They filed 38,000 patents, 83% used it, revenue hit $2.5bn and \u00a510 billion, "
                       "1.2 billion users, almost half of them, six times more than rivals."));
    ASSERT_EQ(q.size(), 7u);
    EXPECT_EQ(q[0].value, 38000);
    EXPECT_EQ(q[0].unit, QStringLiteral("count"));
    EXPECT_EQ(q[1].value, 83);
    EXPECT_EQ(q[1].unit, QStringLiteral("percent"));
    EXPECT_EQ(q[2].value, 2.5e9);
    EXPECT_EQ(q[2].unit, QStringLiteral("USD"));
    EXPECT_EQ(q[3].value, 10e9);
    EXPECT_EQ(q[3].unit, QStringLiteral("CNY"));
    EXPECT_EQ(q[4].value, 1.2e9);
    EXPECT_EQ(q[5].value, 50);
    EXPECT_EQ(q[5].qualifier, QStringLiteral("almost"));
    EXPECT_EQ(q[6].value, 6);
    EXPECT_EQ(q[6].unit, QStringLiteral("times"));
}

TEST(QuantityFinder, WordsAndQualifiersWhateverTheirCase)
{
    // a sentence with no digit is still read for fractions and multiples, also capitalised at its start
    auto q = QuantityFinder::find(QStringLiteral("Half of the firms surveyed said so."));
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0].value, 50);
    q = QuantityFinder::find(QStringLiteral("Twice as many users signed up."));
    ASSERT_EQ(q.size(), 1u);
    EXPECT_EQ(q[0].value, 2);
    EXPECT_EQ(q[0].unit, QStringLiteral("times"));
    // the qualifier is the word right before the amount (its currency sign included), not one inside a word
    q = QuantityFinder::find(QStringLiteral("Just over $5 billion went in, More than 40% left; Cover 12 pages."));
    ASSERT_EQ(q.size(), 3u);
    EXPECT_EQ(q[0].qualifier, QStringLiteral("just over"));
    EXPECT_EQ(q[0].value, 5e9);
    EXPECT_EQ(q[1].qualifier, QStringLiteral("more than"));
    EXPECT_EQ(q[2].value, 12);
    EXPECT_TRUE(q[2].qualifier.isEmpty());
}

TEST(QuantityFinder, NeverYearsVersionsCodesTimesOrDays)
{
    EXPECT_TRUE(QuantityFinder::find(QStringLiteral("In 2024 ByteDance released Seedance 2.0 and GPT-4 met Qwen2.5 on "
                                                    "H20 and 910B chips at 10 a.m. on June 6 and 4:26 PM."))
                    .empty());
}

TEST(Extractor, CompaniesProductsAndOwners)
{
    const Extraction e = extract(QStringLiteral("ByteDance, the company behind TikTok, hired staff. Baidu showed Ernie Bot. "
                                                "字节跳动 and 零一万物 grew.\n"));
    EXPECT_EQ(names(e, EntityKind::Company), (QStringList{QStringLiteral("ByteDance"), QStringLiteral("Baidu"),
                                                           QStringLiteral("01.AI")}));
    EXPECT_EQ(names(e, EntityKind::Product), (QStringList{QStringLiteral("TikTok"), QStringLiteral("Ernie Bot")}));
    const bool viaProduct = std::any_of(e.mentions.begin(), e.mentions.end(), [](const Mention& m) {
        return m.name == QStringLiteral("ByteDance") && m.via == QStringLiteral("TikTok");
    });
    EXPECT_TRUE(viaProduct);
}

TEST(Extractor, ShortAndCommonNamesNeedTheirContext)
{
    const Extraction e = extract(QStringLiteral("Shen Yi, director of a centre, spoke. We bought an apple. "
                                                "Let us go. 01.AI released Yi last week.\n"));
    EXPECT_EQ(names(e, EntityKind::Product), QStringList{QStringLiteral("Yi")});  // only the last sentence
    EXPECT_EQ(names(e, EntityKind::Company), QStringList{QStringLiteral("01.AI")});
    EXPECT_TRUE(names(e, EntityKind::Country).isEmpty());  // "us" is not the US
    EXPECT_TRUE(names(e, EntityKind::Person).contains(QStringLiteral("Shen Yi")));
}

TEST(Extractor, CountriesByNameDemonymAndGovernmentMetonym)
{
    const Extraction e = extract(QStringLiteral("Chinese firms grew. Beijing has made it clear. The fair was held in "
                                                "Washington.\n"));
    EXPECT_EQ(names(e, EntityKind::Country), QStringList{QStringLiteral("China")});
}

TEST(Extractor, PeopleByTitleRoleAppositionAndFounding)
{
    const Extraction e = extract(QStringLiteral(
        "Speeches came from Premier Li. Start-up founder Qu Dongqi showed a video. Tang Lan, director of a research "
        "centre, spoke. 01.AI, co-founded by Kai-Fu Lee, grew. The Global Times reported it.\n"));
    const QStringList people = names(e, EntityKind::Person);
    EXPECT_EQ(people, (QStringList{QStringLiteral("Premier Li"), QStringLiteral("Qu Dongqi"), QStringLiteral("Tang Lan"),
                                   QStringLiteral("Kai-Fu Lee")}));
}

TEST(Extractor, ComparisonYieldsOneStatisticPerSubject)
{
    const Extraction e = extract(QStringLiteral(
        "China filed 38,000 generative AI patents compared to 6,276 in the US.\n"
        "83% of Chinese respondents use generative AI compared to 65% in the US.\n"));
    ASSERT_EQ(e.statistics.size(), 4u);
    EXPECT_EQ(e.statistics[0].subject, QStringLiteral("China"));
    EXPECT_EQ(e.statistics[0].value, 38000);
    EXPECT_EQ(e.statistics[0].metricKey, QStringLiteral("patents"));
    EXPECT_EQ(e.statistics[1].subject, QStringLiteral("United States"));
    EXPECT_EQ(e.statistics[1].value, 6276);
    EXPECT_EQ(e.statistics[1].metricKey, QStringLiteral("patents"));
    EXPECT_EQ(e.statistics[2].subject, QStringLiteral("China"));
    EXPECT_EQ(e.statistics[2].unit, QStringLiteral("percent"));
    EXPECT_EQ(e.statistics[3].subject, QStringLiteral("United States"));
    EXPECT_EQ(e.statistics[3].value, 65);
}

TEST(Extractor, NoStatisticWithoutASubjectOrAMeasure)
{
    const Extraction e = extract(QStringLiteral(
        "ByteDance released Seedance 2.0 in 2024.\nIt took less than a year and three months.\nMentions: 12\n"
        "Prices fell 40% last spring.\n"));
    EXPECT_TRUE(e.statistics.empty());
}

TEST(Extractor, DatedEventsAndPeriods)
{
    Article a;
    const Extraction e = extract(QStringLiteral(
        "Policy Shift\n\nJuly 4, 2024\n\nChina has treated AI as central since 2017, aiming to lead by 2030. "
        "Patents rose between 2014 and 2023. OpenAI unveiled Sora on February 15, 2024. "
        "Last year the rules changed. Will it last until 2040?\n"), &a);
    QStringList dates;
    for (const auto& ev : e.events)
        dates.append(ev.date.iso());
    EXPECT_EQ(dates, (QStringList{QStringLiteral("2017"), QStringLiteral("2030"), QStringLiteral("2024-02-15"),
                                  QStringLiteral("2023")}));
    EXPECT_EQ(e.events.back().relative, QStringLiteral("Last year"));
}

TEST(Extractor, AttributionsNameThePublication)
{
    const Extraction e = extract(QStringLiteral(
        "Tang Lan told the Global Times that it mattered. It is available to all, as reported by the Straitstimes. "
        "Filings tripled, according to the World Intellectual Property Organization.\n"));
    QStringList sources;
    for (const auto& s : e.sources)
        sources.append(s.name);
    EXPECT_EQ(sources, (QStringList{QStringLiteral("Global Times"), QStringLiteral("The Straits Times"), QStringLiteral("WIPO")}));
}

TEST(Extractor, ClaimsNeedAnActorAndSomethingCheckable)
{
    Article a;
    const Extraction e = extract(QStringLiteral(
        "The White House has instituted a trade embargo on chips. It was a sunny day in the city. "
        "Is China being put into a passive position? Chinese firms access OpenAI models through partners.\n"), &a);
    QStringList texts;
    for (const auto& c : e.claims)
        texts.append(a.sentenceText(a.sentences[static_cast<size_t>(c.sentence)]));
    EXPECT_EQ(texts, QStringList{QStringLiteral("The White House has instituted a trade embargo on chips.")});
}

TEST(Extractor, YearsThatNameThingsAreNotEvents)
{
    const Extraction e = extract(QStringLiteral(
        "The 2019 conference drew crowds. Its 2017 plan still guides policy. Baidu released Ernie Bot in 2023.\n"));
    ASSERT_EQ(e.events.size(), 1u);
    EXPECT_EQ(e.events[0].date.iso(), QStringLiteral("2023"));
}

TEST(Extractor, OrganisationsByTheShapeOfTheirNames)
{
    const Extraction e = extract(QStringLiteral(
        "Researchers at Zhejiang University and the Ministry of Industry and Information Technology met. "
        "The University of Hong Kong joined later.\n"));
    EXPECT_EQ(names(e, EntityKind::Organization),
              (QStringList{QStringLiteral("Zhejiang University"), QStringLiteral("Ministry of Industry and Information Technology"),
                           QStringLiteral("University of Hong Kong")}));
    EXPECT_TRUE(names(e, EntityKind::Company).isEmpty());
}

TEST(Extractor, AgoCountsBackFromThePublicationDay)
{
    const Extraction e = extract(QStringLiteral("Chip Rules\n\nMarch 10, 2025\n\nBaidu cut prices 3 days ago. "
                                                "OpenAI blocked access two weeks ago.\n"));
    QStringList dates;
    for (const auto& ev : e.events)
        dates.append(ev.date.iso());
    EXPECT_EQ(dates, (QStringList{QStringLiteral("2025-03-07"), QStringLiteral("2025-02-24")}));
}

TEST(Extractor, UnknownCompaniesWhereOnlyACompanyCanStand)
{
    const Extraction e = extract(QStringLiteral(
        "Companies like Zhanlu Labs remain optimistic. Firms such as Hexin and Baidu agreed. "
        "Qingyun, a Beijing start-up, raised funds. The chipmaker Lumora grew.\n"));
    EXPECT_EQ(names(e, EntityKind::Company), (QStringList{QStringLiteral("Zhanlu Labs"), QStringLiteral("Baidu"),
                                                           QStringLiteral("Hexin"), QStringLiteral("Qingyun"),
                                                           QStringLiteral("Lumora")}));
}

TEST(Extractor, WireStoryFigures)
{
    // a reference to "the company" after names that are only backers; a conversion in brackets;
    // a metonym used as a place ("Beijing-based"); a body named after its country as a source
    Article a;
    const Extraction e = extract(QStringLiteral(
        "Ernie Maker Eyes Listing\n\nBaidu began preparations for a listing of its chip unit, according to a filing with "
        "the China Securities Regulatory Commission.\n\nThe Beijing-based company, backed by ByteDance and OpenAI, was valued "
        "at about 20 billion yuan ($2.7 billion) in its latest funding round.\n"), &a);
    ASSERT_EQ(e.statistics.size(), 1u);
    EXPECT_EQ(e.statistics[0].subject, QStringLiteral("Baidu"));
    EXPECT_EQ(e.statistics[0].unit, QStringLiteral("CNY"));
    EXPECT_EQ(e.statistics[0].value, 20e9);
    EXPECT_TRUE(names(e, EntityKind::Country).isEmpty());
    ASSERT_EQ(e.sources.size(), 1u);
    EXPECT_EQ(e.sources[0].name, QStringLiteral("China Securities Regulatory Commission"));
}

TEST(Extractor, DateWordsBeforeACompanyPhraseAreNotCompanies)
{
    // "In early May, the Hangzhou lab X ...": the apposition belongs to X; a month or a weekday is
    // never a company, whatever follows its comma.
    const Extraction e = extract(QStringLiteral(
        "In early May, the Hangzhou lab Deepwell released its model. On Tuesday, a Shenzhen start-up "
        "called Brightloom said it had raised funds. Last September, the chipmaker Lumora grew.\n"));
    const QStringList companies = names(e, EntityKind::Company);
    for (const QString& dateWord : {QStringLiteral("May"), QStringLiteral("Tuesday"), QStringLiteral("September")})
        EXPECT_FALSE(companies.contains(dateWord)) << qPrintable(dateWord);
    EXPECT_TRUE(companies.contains(QStringLiteral("Lumora")));
}

TEST(Extractor, AnAmountNamesWhatItIsIn)
{
    // "$5 billion in new funding": what follows "in" is the measure, unless it is a place or a time
    const Extraction e = extract(QStringLiteral(
        "Baidu raised $5 billion in new funding. ByteDance spent $2 billion in China last year. "
        "OpenAI paid $3 billion in four months.\n"));
    ASSERT_FALSE(e.statistics.empty());
    EXPECT_EQ(e.statistics[0].subject, QStringLiteral("Baidu"));
    EXPECT_EQ(e.statistics[0].metric, QStringLiteral("new funding"));
    for (const Statistic& st : e.statistics) {
        EXPECT_FALSE(st.metric.contains(QStringLiteral("China"))) << qPrintable(st.metric);
        EXPECT_FALSE(st.metric.contains(QStringLiteral("months"))) << qPrintable(st.metric);
    }
}

TEST(Extractor, TheDayAfterSomethingCountsFromTheDayItHappened)
{
    // "the day after R1 appeared": a day after the statement that names R1, not after the latest date
    const Extraction e = extract(QStringLiteral(
        "Baidu released R1 on January 20, 2025. Its shares fell on January 27, 2025. "
        "The day after R1 appeared, OpenAI announced a venture. A week later, ByteDance answered.\n"));
    auto dated = [&](const char* words) {
        for (const Event& ev : e.events)
            if (ev.relative.contains(QLatin1String(words), Qt::CaseInsensitive))
                return ev.date.iso();
        return QString();
    };
    EXPECT_EQ(dated("day after"), QStringLiteral("2025-01-21"));
    EXPECT_EQ(dated("week later"), QStringLiteral("2025-01-28"));  // no anchor named: the latest dated statement, 27 January
}

TEST(Extractor, WireFiguresWithProductNamesEarlierYearsAndOwnersShares)
{
    // "400,000 Ascend 910B processors": names before the noun; "a year earlier": the year before the
    // sentence's own, in the same measure; "50% of China's market": a share of what China holds, taken
    // by the company named before it
    const Extraction e = extract(QStringLiteral(
        "Baidu shipped about 400,000 Ernie 4 servers in 2024, up from roughly 180,000 a year earlier.\n\n"
        "Analysts estimate OpenAI could take 50% of China's chatbot market.\n"));
    ASSERT_EQ(e.statistics.size(), 3u);
    EXPECT_EQ(e.statistics[0].subject, QStringLiteral("Baidu"));
    EXPECT_EQ(e.statistics[0].metricKey, QStringLiteral("servers"));
    EXPECT_EQ(e.statistics[0].period, QStringLiteral("2024"));
    EXPECT_EQ(e.statistics[1].value, 180000);
    EXPECT_EQ(e.statistics[1].metricKey, QStringLiteral("servers"));
    EXPECT_EQ(e.statistics[1].period, QStringLiteral("2023"));
    EXPECT_EQ(e.statistics[2].subject, QStringLiteral("OpenAI"));
    EXPECT_EQ(e.statistics[2].metric, QStringLiteral("chatbot market"));
}

TEST(Extractor, NoCommentIsNoClaim)
{
    const Extraction e = extract(QStringLiteral(
        "Baidu declined to comment on the figures. The U.S. Commerce Department did not immediately respond to a "
        "request for comment. Baidu released Ernie 4 in 2023.\n"));
    ASSERT_EQ(e.claims.size(), 1u);
    EXPECT_EQ(e.claims[0].sentence, 2);
}

TEST(Extractor, TheCompanyIsACompanyNamedBeforeNeverACountry)
{
    // the paragraph's first name in subject position is a country; "the company" is the company the
    // paragraph named last, also over a product's owner named before the reference
    const Extraction e = extract(QStringLiteral(
        "Critics in China said a former Baidu engineer founded 01.AI in 2023. "
        "Its Yi model led the charts, and the company reached a valuation above $1 billion within its first year.\n"));
    ASSERT_EQ(e.statistics.size(), 1u);
    EXPECT_EQ(e.statistics[0].subject, QStringLiteral("01.AI"));
    EXPECT_EQ(e.statistics[0].metricKey, QStringLiteral("valuation"));
    // a preposition right after the amount starts no name for it: the measure is the one before
    EXPECT_EQ(e.statistics[0].metric, QStringLiteral("Valuation"));
    EXPECT_EQ(e.statistics[0].qualifier, QStringLiteral("above"));
}

TEST(Extractor, AFigureWithoutASubjectOrMeasureContinuesTheParagraphsLast)
{
    // the second sentence names no one and no measure: the same subject and measure go on; the
    // third names a measure of its own ("people") for someone else, and the next paragraph starts afresh
    const Extraction e = extract(QStringLiteral(
        "Baidu had 100 million users in March. By June the figure had reached 150 million. "
        "The smallest rivals employed at least 500 people.\n\nBy 2030 the market may exceed 300 million.\n"));
    ASSERT_EQ(e.statistics.size(), 2u);
    EXPECT_EQ(e.statistics[1].subject, QStringLiteral("Baidu"));
    EXPECT_EQ(e.statistics[1].value, 150e6);
    EXPECT_EQ(e.statistics[1].metricKey, e.statistics[0].metricKey);
}

TEST(Extractor, AMonthNamedAloneTakesTheYearBeforeIt)
{
    const Extraction e = extract(QStringLiteral(
        "Search Giants\n\nBaidu was founded in Beijing in 2000 by two engineers back from the United States. "
        "It listed its shares on Nasdaq that August.\n\n"
        "OpenAI released a model in Nov. 2023 and an update in May.\n\nByteDance hired staff in May.\n"));
    QStringList dates;
    for (const auto& ev : e.events)
        dates.append(ev.date.iso());
    // May after November 2023 may be 2024 or an earlier May told out of order: not placed; a May
    // with no year before it in its paragraph: not placed
    EXPECT_EQ(dates, (QStringList{QStringLiteral("2000"), QStringLiteral("2000-08"), QStringLiteral("2023-11")}));
}

TEST(Extractor, TheSameDayIsTheDayJustNamed)
{
    const Extraction e = extract(QStringLiteral(
        "Baidu released Ernie Bot on March 16, 2023. The same day, OpenAI said it was watching. "
        "The next day, ByteDance replied.\n"));
    QStringList dates;
    for (const auto& ev : e.events)
        dates.append(ev.date.iso());
    EXPECT_EQ(dates, (QStringList{QStringLiteral("2023-03-16"), QStringLiteral("2023-03-16"), QStringLiteral("2023-03-17")}));
}

TEST(Extractor, ACompanyToldIsNotASourceAndAReportKeepsItsWords)
{
    // a publication is told things and cited; a company the government tells something is not;
    // "AI" and "Global" belong to a report's name
    const Extraction e = extract(QStringLiteral(
        "The US government told OpenAI that exports would need a licence. Tang Lan told the Global Times that it mattered. "
        "Patents rose, according to the 2024 edition of the AI Index. The Global AI Talent Tracker counts researchers.\n"));
    QStringList sources;
    for (const auto& s : e.sources)
        sources.append(s.name);
    EXPECT_EQ(sources, (QStringList{QStringLiteral("Global Times"), QStringLiteral("AI Index"),
                                    QStringLiteral("Global AI Talent Tracker")}));
}

TEST(Extractor, AnAggregateIsNobodysFigure)
{
    // "while the average ... was 54%": the clause is about all of them, not the last one named: the
    // world's figure when it averages all of them; "an average of" a subject's own rate is still its figure
    const Extraction e = extract(QStringLiteral(
        "83% of Chinese respondents use generative AI, compared with 65% in the US, while the average across all "
        "the countries surveyed was 54%.\n"));
    QStringList figures;
    for (const Statistic& st : e.statistics)
        figures.append(QStringLiteral("%1 %2").arg(st.subject).arg(st.value));
    EXPECT_EQ(figures, (QStringList{QStringLiteral("China 83"), QStringLiteral("United States 65"), QStringLiteral("World 54")}));
}

TEST(Extractor, WhatAnAmountIsWhenTheWordsAfterItAreAVerb)
{
    // "a charge of about $5.5 billion linked to ...": the noun it is "of"; "8 times the $10 billion
    // recorded in China": the multiple's measure; never the participle itself
    const Extraction e = extract(QStringLiteral(
        "OpenAI said it expected a charge of about $5.5 billion linked to chip inventory.\n\n"
        "OpenAI was valued at $80 billion in 2024, roughly 8 times the $10 billion recorded in China.\n"));
    ASSERT_EQ(e.statistics.size(), 4u);
    EXPECT_EQ(e.statistics[0].metric, QStringLiteral("charge"));
    EXPECT_EQ(e.statistics[1].metricKey, QStringLiteral("valuation"));
    EXPECT_EQ(e.statistics[3].subject, QStringLiteral("China"));
    EXPECT_EQ(e.statistics[3].value, 10e9);
    EXPECT_EQ(e.statistics[3].metricKey, QStringLiteral("valuation"));
}

TEST(Extractor, ASubjectsOwnGlobalFigureIsStillItsOwn)
{
    // "its global valuation", after the company was named: not an aggregate of everyone; "the
    // average across its rivals" is nobody's, also when the subject comes from the sentence before
    const Extraction e = extract(QStringLiteral(
        "Baidu reported strong results this quarter. Its global valuation rose to $5 billion, while the average "
        "across its rivals was $2 billion.\n"));
    QStringList figures;
    for (const Statistic& st : e.statistics)
        figures.append(QStringLiteral("%1 %2").arg(st.subject).arg(st.value));
    EXPECT_EQ(figures, QStringList{QStringLiteral("Baidu 5e+09")});
}

TEST(Extractor, PeopleByTheShapeOfTheirNamesWithoutACue)
{
    // a known given name before a capitalised word; the possessive, a sentence's "And" and a
    // body's own words ("General Assembly") are not the name
    const Extraction e = extract(QStringLiteral(
        "Harbour Notes\n\nA sketch of Susan Marlow and Peter Quill went round the forums. "
        "Critics praised Governor Ada Vance's budget. And Nora Vale, chief executive of a drone maker, objected. "
        "Secretary of Transport Owen Hartley, who chairs the panel, agreed. "
        "Dana Crewe, the Orbit Forge's founder, stayed quiet. The General Assembly voted.\n"));
    const QStringList people = names(e, EntityKind::Person);
    EXPECT_TRUE(people.contains(QStringLiteral("Susan Marlow"))) << people.join(u'|').toStdString();
    EXPECT_TRUE(people.contains(QStringLiteral("Peter Quill"))) << people.join(u'|').toStdString();
    EXPECT_TRUE(people.contains(QStringLiteral("Ada Vance"))) << people.join(u'|').toStdString();
    EXPECT_TRUE(people.contains(QStringLiteral("Nora Vale"))) << people.join(u'|').toStdString();
    EXPECT_TRUE(people.contains(QStringLiteral("Owen Hartley"))) << people.join(u'|').toStdString();
    EXPECT_TRUE(people.contains(QStringLiteral("Dana Crewe"))) << people.join(u'|').toStdString();
    for (const QString& p : people) {
        EXPECT_FALSE(p.endsWith(QStringLiteral("'s"))) << p.toStdString();
        EXPECT_FALSE(p.startsWith(QStringLiteral("And "))) << p.toStdString();
        EXPECT_FALSE(p.contains(QStringLiteral("Assembly"))) << p.toStdString();
    }
}

TEST(Extractor, AMonthOrDayWithoutAYearTakesItFromThePagesDate)
{
    // a page of 20 February 2025: "on March 3" ahead is this year's, "in November" past is last
    // year's, "Jan. 30" just before is this year's; a year written before it in the sentence wins
    const Extraction e = extract(QStringLiteral(
        "Rail Tender\n\nFebruary 20, 2025\n\nBaidu will open the tender on March 3. "
        "OpenAI began the trial in November. ByteDance signed on Jan. 30. "
        "The 2023 fair ran until Friday, June 9.\n"));
    QStringList dates;
    for (const auto& ev : e.events)
        dates.append(ev.date.iso());
    EXPECT_TRUE(dates.contains(QStringLiteral("2025-03-03"))) << dates.join(u' ').toStdString();
    EXPECT_TRUE(dates.contains(QStringLiteral("2024-11"))) << dates.join(u' ').toStdString();
    EXPECT_TRUE(dates.contains(QStringLiteral("2025-01-30"))) << dates.join(u' ').toStdString();
    EXPECT_TRUE(dates.contains(QStringLiteral("2023-06-09"))) << dates.join(u' ').toStdString();
    // the bare 2023 beside its own June 9 says nothing more
    EXPECT_FALSE(dates.contains(QStringLiteral("2023"))) << dates.join(u' ').toStdString();
}

TEST(Extractor, MeasurementPeriodsAndYearsInNamesAreNotEvents)
{
    const Extraction e = extract(QStringLiteral(
        "Filing Counts\n\nOver the years 2011 to 2019, Chinese firms filed 9,000 patents. "
        "A third of the patents filed since 2012 came from Baidu. Baidu showed robots at EXPO 2021. "
        "Copyright 2022 Harbour Media. China has backed robotics since 2016.\n"));
    QStringList dates;
    for (const auto& ev : e.events)
        dates.append(ev.date.iso());
    // only the state of affairs that began in 2016 (no figure measured from it) stays an event
    EXPECT_EQ(dates, (QStringList{QStringLiteral("2016")}));
}

TEST(QuantityFinder, GluedUnitsFractionsScaleWordsAndRanges)
{
    // "12pc" is a percent, "24fps" and "720p" measure a video; "one-fifth of" is 20 percent; "a
    // million" is a number; a range's bare lower bound takes the upper bound's unit and scale
    auto q = QuantityFinder::find(QStringLiteral("Sales grew 12pc while the camera shot 24fps at 720p."));
    ASSERT_EQ(q.size(), 3u);
    EXPECT_EQ(q[0].value, 12);
    EXPECT_EQ(q[0].unit, QStringLiteral("percent"));
    EXPECT_EQ(q[1].unit, QStringLiteral("fps"));
    EXPECT_EQ(q[2].value, 720);
    q = QuantityFinder::find(QStringLiteral("Roughly one-fifth of buyers left and almost a million joined."));
    ASSERT_EQ(q.size(), 2u);
    EXPECT_EQ(q[0].value, 20);
    EXPECT_EQ(q[0].unit, QStringLiteral("percent"));
    EXPECT_EQ(q[1].value, 1e6);
    EXPECT_EQ(q[1].qualifier, QStringLiteral("almost"));
    q = QuantityFinder::find(QStringLiteral("Chips cost 3 to 8 times less; the market may reach $1.5 to $2 trillion."));
    ASSERT_EQ(q.size(), 4u);
    EXPECT_EQ(q[0].value, 3);
    EXPECT_EQ(q[0].unit, QStringLiteral("times"));
    EXPECT_EQ(q[1].value, 8);
    EXPECT_EQ(q[2].value, 1.5e12);
    EXPECT_EQ(q[2].unit, QStringLiteral("USD"));
    EXPECT_EQ(q[3].value, 2e12);
    // counts: a bare lower bound takes a scale word only ("6 to 9 billion queries" is six billion
    // at least); two plain counts stay as written
    q = QuantityFinder::find(QStringLiteral("Moonshot served 6 to 9 billion queries across 40 to 55 data halls."));
    ASSERT_EQ(q.size(), 4u);
    EXPECT_EQ(q[0].value, 6e9);
    EXPECT_EQ(q[1].value, 9e9);
    EXPECT_EQ(q[2].value, 40);
    EXPECT_EQ(q[3].value, 55);
}

TEST(QuantityFinder, RanksAndTheHalvesOfAYearAreNoAmounts)
{
    EXPECT_TRUE(QuantityFinder::find(QStringLiteral("It ranked in the top 7 and at No. 3 during the second half of its year.")).empty());
}

namespace {
const Statistic* statisticOf(const Extraction& e, double value)
{
    for (const Statistic& s : e.statistics)
        if (s.value == value)
            return &s;
    return nullptr;
}
}  // namespace

TEST(Extractor, AFigureWithNoCompanyOrCountryIsTheWorldsOrABodysOrAnEvents)
{
    const Extraction e = extract(QStringLiteral(
        "Kiln Notes\n\nA quiet trade is growing up around the kilns.\n\n"
        "Makers of pottery robots filed 9,100 designs worldwide last year.\n\n"
        "The Harbour Robotics Expo will host more than 430 exhibitors.\n"));
    const Statistic* world = statisticOf(e, 9100);
    ASSERT_NE(world, nullptr);
    EXPECT_EQ(world->subject, QStringLiteral("World"));
    const Statistic* expo = statisticOf(e, 430);
    ASSERT_NE(expo, nullptr);
    EXPECT_EQ(expo->subject, QStringLiteral("Harbour Robotics Expo"));
}

TEST(Extractor, AListGoesOnInItsFirstItemsMeasureAndAVerbNamesAnAmount)
{
    const Extraction e = extract(QStringLiteral(
        "Kiln Notes\n\nThe busiest filers:\n\n- Baidu (3,100 patents)\n- ByteDance (2,200)\n\n"
        "Separately, OpenAI earmarked $40 million to court app users.\n"));
    const Statistic* second = statisticOf(e, 2200);
    ASSERT_NE(second, nullptr);
    EXPECT_EQ(second->subject, QStringLiteral("ByteDance"));
    EXPECT_EQ(second->metricKey, QStringLiteral("patents"));
    const Statistic* money = statisticOf(e, 40e6);
    ASSERT_NE(money, nullptr);
    EXPECT_EQ(money->subject, QStringLiteral("OpenAI"));
    EXPECT_EQ(money->metric, QStringLiteral("earmarked"));
}

TEST(Extractor, AProductNamedTwiceKeepsItsOwnerAsTheSubjectAndEachVerbNamesItsAmount)
{
    // "its 文心一言 Ernie": a product named in two scripts after its owner does not unseat the owner
    // named before the amount; the second amount is named by its own verb, not the first one's
    const Extraction e = extract(QStringLiteral(
        "Gift Season\n\nA quiet start to a story about gifts.\n\n"
        "ByteDance is giving away scooters. 百度 (Baidu) set aside $50 million to market its 文心一言 Ernie app. "
        "OpenAI earmarked $120 million for its store.\n"));
    const Statistic* baidu = statisticOf(e, 50e6);
    ASSERT_NE(baidu, nullptr);
    EXPECT_EQ(baidu->subject, QStringLiteral("Baidu"));
    const Statistic* openai = statisticOf(e, 120e6);
    ASSERT_NE(openai, nullptr);
    EXPECT_EQ(openai->subject, QStringLiteral("OpenAI"));
    EXPECT_EQ(openai->metric, QStringLiteral("earmarked"));
}

TEST(Extractor, AClipsLengthIsItsFigureAndANounOfNamesAMeasure)
{
    // "clips of up to 20 seconds", "three minutes long": a length, not a span of time; "a refresh
    // rate of 90fps": the noun the figure is "of"; "Much like A's tool, B ..." is B's figure
    const Extraction e = extract(QStringLiteral(
        "Clip Notes\n\nA quiet start to a story about clips.\n\n"
        "Much like OpenAI's TikTok, Baidu can render clips of up to 20 seconds with a refresh rate of 90fps. "
        "ByteDance said its trailers run three minutes long.\n"));
    const Statistic* clip = statisticOf(e, 20);
    ASSERT_NE(clip, nullptr);
    EXPECT_EQ(clip->unit, QStringLiteral("seconds"));
    EXPECT_EQ(clip->subject, QStringLiteral("Baidu"));
    const Statistic* rate = statisticOf(e, 90);
    ASSERT_NE(rate, nullptr);
    EXPECT_EQ(rate->unit, QStringLiteral("fps"));
    EXPECT_EQ(rate->metric, QStringLiteral("refresh rate"));
    const Statistic* trailer = statisticOf(e, 3);
    ASSERT_NE(trailer, nullptr);
    EXPECT_EQ(trailer->unit, QStringLiteral("minutes"));
}

TEST(Extractor, WhereAnAnalystWorksIsAFirm)
{
    const Extraction e = extract(QStringLiteral(
        "Market Notes\n\nA quiet start to the story.\n\n"
        "\"Prices will fall,\" said Jane Poe, chief economist at Harbor Ridge Capital in Boston.\n"));
    EXPECT_TRUE(names(e, EntityKind::Company).contains(QStringLiteral("Harbor Ridge Capital")));
    EXPECT_TRUE(names(e, EntityKind::Person).contains(QStringLiteral("Jane Poe")));
}

TEST(Extractor, ChangesRangesAndFiguresGivenAfterACommaKeepTheirMeasure)
{
    // "fell more than 4%": a change named by its verb; "3 to 8 times faster": both bounds, the
    // lower one measured by the words after the upper; "the steepest growth rate of the five, at
    // 61%": the noun before the comma
    const Extraction e = extract(QStringLiteral(
        "Index Notes\n\nA quiet start to the story.\n\n"
        "Baidu shares fell more than 4% on the day. ByteDance claims its model runs 3 to 8 times faster than rivals. "
        "OpenAI posted the steepest growth rate of the five, at 61%.\n"));
    const Statistic* fall = statisticOf(e, 4);
    ASSERT_NE(fall, nullptr);
    EXPECT_EQ(fall->subject, QStringLiteral("Baidu"));
    EXPECT_EQ(fall->metric, QStringLiteral("fell"));
    const Statistic* low = statisticOf(e, 3);
    const Statistic* high = statisticOf(e, 8);
    ASSERT_NE(low, nullptr);
    ASSERT_NE(high, nullptr);
    EXPECT_EQ(low->unit, QStringLiteral("times"));
    EXPECT_EQ(low->metric, high->metric);
    const Statistic* rate = statisticOf(e, 61);
    ASSERT_NE(rate, nullptr);
    EXPECT_EQ(rate->subject, QStringLiteral("OpenAI"));
    EXPECT_EQ(rate->metric, QStringLiteral("growth rate"));
}

TEST(Extractor, ChineseNamesInTheirOwnOrderWithoutACue)
{
    // a family name from the list before a given name in pinyin; a capitalised English word after a
    // surname-like word is no given name
    const Extraction e = extract(QStringLiteral(
        "Draft Notes\n\nA quiet start to the story.\n\n"
        "The draft came from Liang Haoran and Gao Yutong. Critics said He Was Wrong to sign.\n"));
    const QStringList people = names(e, EntityKind::Person);
    EXPECT_TRUE(people.contains(QStringLiteral("Liang Haoran"))) << people.join(u'|').toStdString();
    EXPECT_TRUE(people.contains(QStringLiteral("Gao Yutong"))) << people.join(u'|').toStdString();
    EXPECT_FALSE(std::any_of(people.begin(), people.end(), [](const QString& p) { return p.startsWith(QStringLiteral("He ")); }))
        << people.join(u'|').toStdString();
}

TEST(Extractor, UnknownCompaniesByTheirOfficersBasesAndInvestors)
{
    const Extraction e = extract(QStringLiteral(
        "Funding Notes\n\nA quiet start to the story.\n\n"
        "Quillmark's chief executive declined to say more. Brightvale, a Suzhou-based start-up, raised money from "
        "investors including Tallow Ventures and Baidu.\n"));
    const QStringList companies = names(e, EntityKind::Company);
    EXPECT_TRUE(companies.contains(QStringLiteral("Quillmark"))) << companies.join(u'|').toStdString();
    EXPECT_TRUE(companies.contains(QStringLiteral("Brightvale"))) << companies.join(u'|').toStdString();
    EXPECT_TRUE(companies.contains(QStringLiteral("Tallow Ventures"))) << companies.join(u'|').toStdString();
}

TEST(Extractor, ACaptionDatesAPictureNotAnEvent)
{
    const Extraction e = extract(QStringLiteral(
        "Stage Notes\n\nA quiet start to the story.\n\n"
        "The founder on stage at a Hangzhou fair, May 3, 2021. Photo: Handout\n\n"
        "Baidu opened a lab in 2022.\n"));
    QStringList dates;
    for (const auto& ev : e.events)
        dates.append(ev.date.iso());
    EXPECT_EQ(dates, QStringList{QStringLiteral("2022")});
}

TEST(Extractor, ThisYearsFairIsAThingAndTheirShareIsThePreviousSubjects)
{
    // "this year's fair" names a thing, as "the 2019 fair" does; "their share" goes on about the
    // paragraph's subject
    const Extraction e = extract(QStringLiteral(
        "Fair Notes\n\nMarch 2, 2025\n\nOver 300 firms will join this year's fair.\n\n"
        "Chinese engineers filed many designs in 2019. By 2022 their share had climbed to 31%.\n"));
    for (const auto& ev : e.events)
        EXPECT_NE(ev.relative.toLower(), QStringLiteral("this year")) << ev.date.iso().toStdString();
    const Statistic* share = statisticOf(e, 31);
    ASSERT_NE(share, nullptr);
    EXPECT_EQ(share->subject, QStringLiteral("China"));
}

TEST(Extractor, APronounAfterAFigureStandsForTheMeasureJustGiven)
{
    // "2,100 of them": the figure is in the measure the sentence before gave, not "them"
    const Extraction e = extract(QStringLiteral(
        "Battery Notes\n\nA quiet start to a story about batteries.\n\n"
        "Inventors around the world filed some 9,400 solid-state battery patents last year. Engineers in China "
        "were behind "
        "more than 2,100 of them.\n"));
    const Statistic* china = statisticOf(e, 2100);
    ASSERT_NE(china, nullptr);
    EXPECT_EQ(china->subject, QStringLiteral("China"));
    EXPECT_NE(china->metric, QStringLiteral("them"));
    EXPECT_TRUE(china->metric.contains(QStringLiteral("patents"))) << qPrintable(china->metric);
}

TEST(Extractor, AProductIsTheSubjectWhereItStandsAsOne)
{
    // A figure about a product is the product's where the product is its clause's subject
    // (opening the sentence or a clause, or its owner's possessive), glued model names whole;
    // as an object its owner acts, and "the company" after it names the owner.
    const Extraction e = extract(QStringLiteral(
        "Model Notes\n\nA quiet start to a story about models.\n\n"
        "Baidu's Ernie-Turbo, which holds 389 billion parameters, leads the list. "
        "Unlike older apps, TikTok now lists 3 million shops. "
        "ByteDance gave its TikTok team 4,000 new engineers.\n\n"
        "Its Ernie line grew quickly, and the company was valued at $20 billion.\n"));
    const Statistic* size = statisticOf(e, 389e9);
    ASSERT_NE(size, nullptr);
    EXPECT_EQ(size->subject, QStringLiteral("Ernie-Turbo"));
    EXPECT_EQ(size->subjectKind, EntityKind::Product);
    const Statistic* answer = statisticOf(e, 3e6);
    ASSERT_NE(answer, nullptr);
    EXPECT_EQ(answer->subject, QStringLiteral("TikTok"));
    const Statistic* price = statisticOf(e, 4000);
    ASSERT_NE(price, nullptr);
    EXPECT_EQ(price->subject, QStringLiteral("ByteDance"));
    const Statistic* valuation = statisticOf(e, 20e9);
    ASSERT_NE(valuation, nullptr);
    EXPECT_EQ(valuation->subject, QStringLiteral("Baidu"));
}

TEST(Extractor, APartOfAWholeAMultiplesBaseAndAReportsYear)
{
    // "N of the M things": N is the subject's, M the world's, both measured by M's words; "three
    // times the count for China" is the subject before's multiple, China the base; a year that
    // dates a report ("said in 2025 that ...") is no period of the figure it reports.
    const Extraction e = extract(QStringLiteral(
        "Chip Notes\n\nA quiet start to a story about chips.\n\n"
        "The United States held 12,000 of the 90,000 chip patents granted in 2022. "
        "That is about three times the count for China, which ranked second with around 4,000.\n\n"
        "Baidu said in 2025 that it had filed 7,500 patents.\n"));
    const Statistic* part = statisticOf(e, 12000);
    ASSERT_NE(part, nullptr);
    EXPECT_EQ(part->subject, QStringLiteral("United States"));
    EXPECT_EQ(part->metricKey, QStringLiteral("patents"));
    EXPECT_EQ(part->period, QStringLiteral("2022"));
    const Statistic* whole = statisticOf(e, 90000);
    ASSERT_NE(whole, nullptr);
    EXPECT_EQ(whole->subject, QStringLiteral("World"));
    const Statistic* multiple = statisticOf(e, 3);
    ASSERT_NE(multiple, nullptr);
    EXPECT_EQ(multiple->subject, QStringLiteral("United States"));
    const Statistic* base = statisticOf(e, 4000);
    ASSERT_NE(base, nullptr);
    EXPECT_EQ(base->subject, QStringLiteral("China"));
    EXPECT_EQ(base->metricKey, QStringLiteral("patents"));
    const Statistic* reported = statisticOf(e, 7500);
    ASSERT_NE(reported, nullptr);
    EXPECT_EQ(reported->subject, QStringLiteral("Baidu"));
    EXPECT_TRUE(reported->period.isEmpty()) << qPrintable(reported->period);
}

TEST(Extractor, AMeasureIsANounAndOneKeyPerMeasure)
{
    // The measure is the noun phrase's noun ("videos so far", "LLMs have been built", "inventions
    // filed"); an amount's verb names one measure whatever the verb; a count's word does not
    // measure money ("$90 million ... to win users" is no number of users).
    const Extraction e = extract(QStringLiteral(
        "Count Notes\n\nA quiet start to a story about counts.\n\n"
        "ByteDance says its app has made 7 million videos so far. "
        "More than 40 LLMs have been built in China. "
        "OpenAI counted 5,000 patent families filed in 2021.\n\n"
        "Baidu set aside $50 million. OpenAI earmarked $120 million. ByteDance is putting $90 million into "
        "prizes to win users.\n"));
    const Statistic* videos = statisticOf(e, 7e6);
    ASSERT_NE(videos, nullptr);
    EXPECT_EQ(videos->metricKey, QStringLiteral("videos"));
    const Statistic* llms = statisticOf(e, 40);
    ASSERT_NE(llms, nullptr);
    EXPECT_EQ(llms->metric, QStringLiteral("LLMs"));
    EXPECT_EQ(llms->subject, QStringLiteral("China"));
    const Statistic* families = statisticOf(e, 5000);
    ASSERT_NE(families, nullptr);
    EXPECT_EQ(families->metricKey, QStringLiteral("patents"));
    for (double amount : {50e6, 120e6, 90e6}) {
        const Statistic* spent = statisticOf(e, amount);
        ASSERT_NE(spent, nullptr) << amount;
        EXPECT_EQ(spent->metricKey, QStringLiteral("spending")) << amount;
    }
}

TEST(Extractor, ChangesAndTheirNounsAreOneMeasure)
{
    // "fell 12%", "a 9% plunge": a change whatever its word; "their share had risen to 30%": the
    // noun that rose, not "share had"; "decision makers" and "decision-makers" one measure
    const Extraction e = extract(QStringLiteral(
        "Move Notes\n\nA quiet start to a story about moves.\n\n"
        "Baidu shares fell 12% on Monday. OpenAI saw a 9% plunge in traffic.\n\n"
        "Among Chinese labs, their share had risen to 30%.\n\n"
        "Baidu polled 1,200 decision makers. OpenAI polled 900 decision-makers.\n"));
    const Statistic* fell = statisticOf(e, 12);
    ASSERT_NE(fell, nullptr);
    EXPECT_EQ(fell->metricKey, QStringLiteral("change"));
    const Statistic* plunge = statisticOf(e, 9);
    ASSERT_NE(plunge, nullptr);
    EXPECT_EQ(plunge->metricKey, QStringLiteral("change"));
    const Statistic* share = statisticOf(e, 30);
    ASSERT_NE(share, nullptr);
    EXPECT_EQ(share->metric, QStringLiteral("share"));
    const Statistic* a = statisticOf(e, 1200);
    const Statistic* b = statisticOf(e, 900);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->metricKey, b->metricKey);
}

TEST(Extractor, AChangeIsKeptApartFromALevel)
{
    // "wiped $40 billion off its value" is a fall in value, not its value; ", up 12%" a rise;
    // "climbed to 30%" and "makes up 6%" are levels
    const Extraction e = extract(QStringLiteral(
        "Move Notes\n\nA quiet start to a story about moves.\n\n"
        "The sell-off wiped $40 billion off Baidu's valuation. Baidu was valued at $25 billion by then.\n\n"
        "OpenAI filed 900 patents, up 12% on the year. Its share of patents climbed to 30%. "
        "ByteDance makes up 6% of all patents.\n"));
    const Statistic* wiped = statisticOf(e, 40e9);
    ASSERT_NE(wiped, nullptr);
    EXPECT_EQ(wiped->kind, QStringLiteral("fall"));
    EXPECT_EQ(wiped->metricKey, QStringLiteral("valuation_change"));
    const Statistic* level = statisticOf(e, 25e9);
    ASSERT_NE(level, nullptr);
    EXPECT_TRUE(level->kind.isEmpty());
    EXPECT_EQ(level->metricKey, QStringLiteral("valuation"));
    const Statistic* up = statisticOf(e, 12);
    ASSERT_NE(up, nullptr);
    EXPECT_EQ(up->kind, QStringLiteral("rise"));
    const Statistic* climbed = statisticOf(e, 30);
    ASSERT_NE(climbed, nullptr);
    EXPECT_TRUE(climbed->kind.isEmpty());
    const Statistic* share = statisticOf(e, 6);
    ASSERT_NE(share, nullptr);
    EXPECT_TRUE(share->kind.isEmpty());
}

TEST(Extractor, AYearAFigureIsMeasuredOverIsNoEvent)
{
    // "had 800 patents in 2022": the year the figure stands for, no event; "In 2021 Baidu filed
    // ..." and "ordered 1,600 chips in 2023" date what happened
    const Extraction e = extract(QStringLiteral(
        "Filing Notes\n\nA quiet start to a story about filings.\n\n"
        "OpenAI had 800 patents in 2022. In 2021 Baidu filed 900 patents. "
        "ByteDance bought 1,600 patents in 2023 from a rival.\n"));
    QStringList dates;
    for (const auto& ev : e.events)
        dates.append(ev.date.iso());
    EXPECT_EQ(dates, (QStringList{QStringLiteral("2021"), QStringLiteral("2023")}));
    const Statistic* had = statisticOf(e, 800);
    ASSERT_NE(had, nullptr);
    EXPECT_EQ(had->period, QStringLiteral("2022"));  // still the figure's period
}

TEST(Extractor, TheModelIsTheProductAGluedUnitNamesItsMeasureAndAQuoteStandsAlone)
{
    // "the app renders ... at 720p": the product the paragraph named last, its resolution named by
    // the glued unit; a quotation a colon opens says nothing of a demonym before it
    const Extraction e = extract(QStringLiteral(
        "Render Notes\n\nA quiet start to a story about renders.\n\n"
        "ByteDance updated TikTok in May. The app now renders clips at 720p.\n\n"
        "A Chinese reviewer shared a note: \"I needed 3 attempts in all.\"\n"));
    const Statistic* resolution = statisticOf(e, 720);
    ASSERT_NE(resolution, nullptr);
    EXPECT_EQ(resolution->subject, QStringLiteral("TikTok"));
    EXPECT_EQ(resolution->metricKey, QStringLiteral("resolution"));
    for (const Statistic& s : e.statistics)
        EXPECT_NE(s.subject, QStringLiteral("China")) << s.value;
}
