// The data behind the charts from a fixture database: values, conflicts, counts, the filter, and
// the aggregates kept current through ingest, re-extraction and replacement.
#include "ChartsFixture.h"

#include "ingest/IngestJob.h"
#include "ingest/ReextractJob.h"
#include "query/ChartQuery.h"

#include <QDir>
#include <QFile>

#include <gtest/gtest.h>

#include <algorithm>

using namespace claimlens;

namespace {

const StatisticValue* find(const StatisticSeries& s, const QString& subject, const QString& period, double value)
{
    for (const StatisticValue& v : s.values)
        if (v.subject == subject && v.period == period && v.value == value)
            return &v;
    return nullptr;
}

}  // namespace

TEST(ChartQuery, MetricsWithValueAndDocumentCounts)
{
    auto& f = test::ChartsFixture::shared();
    auto metrics = ChartQuery(f.db()).metrics({});
    ASSERT_TRUE(metrics.ok()) << qPrintable(metrics.error());
    auto patents = std::find_if(metrics->begin(), metrics->end(), [](const MetricCount& m) {
        return m.key == QStringLiteral("patents") && m.unit == QStringLiteral("count");
    });
    ASSERT_NE(patents, metrics->end());
    EXPECT_EQ(patents->label, QStringLiteral("Patents"));
    EXPECT_EQ(patents->values, f.count("SELECT count(*) FROM statistics WHERE metric_key = 'patents' AND unit = 'count'"));
    EXPECT_EQ(patents->documents,
              f.count("SELECT count(DISTINCT document_id) FROM statistics WHERE metric_key = 'patents' AND unit = 'count'"));
    EXPECT_GT(patents->documents, 1);
    // most values first
    EXPECT_TRUE(std::is_sorted(metrics->begin(), metrics->end(),
                               [](const MetricCount& a, const MetricCount& b) { return a.values > b.values; }));
}

TEST(ChartQuery, StatisticValuesBySubjectStateTrueFacts)
{
    // Our gold articles and the sample corpus: China's 38,000 of the world's 54,000 patent
    // families (2014-2023) is one fact reported by several documents, never a disagreement with
    // the world total; the United States near 6,300 likewise.
    auto& f = test::ChartsFixture::shared();
    auto s = ChartQuery(f.db()).statistics({}, QStringLiteral("patents"));
    ASSERT_TRUE(s.ok()) << qPrintable(s.error());
    EXPECT_EQ(s->metricKey, QStringLiteral("patents"));
    EXPECT_EQ(s->unit, QStringLiteral("count"));
    ASSERT_FALSE(s->values.empty());
    const StatisticValue* china = find(*s, QStringLiteral("China"), QStringLiteral("2014-2023"), 38000);
    ASSERT_TRUE(china);
    EXPECT_GE(china->documents, 3);
    EXPECT_EQ(china->conflict, -1);
    EXPECT_TRUE(china->sentence.contains(QStringLiteral("38,000"))) << qPrintable(china->sentence);
    EXPECT_GT(china->documentId, 0);
    EXPECT_GT(china->end, china->start);
    EXPECT_FALSE(china->sources.isEmpty());
    for (const StatisticValue& v : s->values)
        EXPECT_FALSE(v.subject == QStringLiteral("China") && v.value == 54000) << "the world total charted as China's";
    EXPECT_TRUE(find(*s, QStringLiteral("World"), QStringLiteral("2014-2023"), 54000));
    const auto us = std::find_if(s->values.begin(), s->values.end(),
                                 [](const StatisticValue& v) { return v.subject == QStringLiteral("United States"); });
    ASSERT_NE(us, s->values.end());
    EXPECT_NEAR(us->value, 6300, 63);
    EXPECT_GE(us->documents, 2);
    EXPECT_EQ(std::count_if(s->values.begin(), s->values.end(),
                            [](const StatisticValue& v) { return v.subject == QStringLiteral("United States"); }),
              1);  // 6,276 and "around 6,300": one fact
    EXPECT_TRUE(s->conflicts.empty());
    const StatisticValue* tencent = find(*s, QStringLiteral("Tencent"), QString(), 2074);
    ASSERT_TRUE(tencent);
    EXPECT_EQ(tencent->subjectKind, QStringLiteral("company"));
    EXPECT_EQ(s->documentCount, f.count("SELECT count(DISTINCT document_id) FROM statistics WHERE metric_key = 'patents' AND unit = 'count'"));

    // words of the label find the metric too; surveys disagreeing on the US share stay marked
    auto byWords = ChartQuery(f.db()).statistics({}, QStringLiteral("usage rate"));
    ASSERT_TRUE(byWords.ok());
    EXPECT_EQ(byWords->metricKey, QStringLiteral("genai_usage"));
    EXPECT_FALSE(byWords->conflicts.empty());
}

TEST(ChartQuery, TheSampleCorpusPatentsChart)
{
    // What the window opens on first: China 38,000 and the United States near 6,300, each with
    // the document reporting it, and the world's 54,000 as the world's.
    test::Workspace ws;
    ASSERT_TRUE(IngestJob({{QStringLiteral(CLAIMLENS_SAMPLE_CORPUS)}, ws.database()}).run().ok());
    auto db = Database::open(ws.database());
    ASSERT_TRUE(db.ok());
    auto s = ChartQuery(*db).statistics({}, QStringLiteral("patents"));
    ASSERT_TRUE(s.ok());
    const StatisticValue* china = nullptr;
    const StatisticValue* us = nullptr;
    for (const StatisticValue& v : s->values) {
        if (v.subject == QStringLiteral("China"))
            china = china ? china : &v;
        if (v.subject == QStringLiteral("United States"))
            us = us ? us : &v;
        EXPECT_FALSE(v.subject == QStringLiteral("China") && v.value == 54000);
    }
    ASSERT_TRUE(china && us);
    EXPECT_EQ(china->value, 38000);
    EXPECT_NEAR(us->value, 6300, 63);
    EXPECT_GE(china->documents, 1);
    EXPECT_GE(us->documents, 1);
    EXPECT_FALSE(china->sources.isEmpty());
    EXPECT_FALSE(us->sources.isEmpty());
    EXPECT_TRUE(s->conflicts.empty());
}

TEST(ChartQuery, FilterNarrowsEveryChart)
{
    auto& f = test::ChartsFixture::shared();
    ChartQuery q(f.db());
    DocumentFilter ibm;  // two of the four documents reporting patents name IBM
    ibm.companies = QStringList{QStringLiteral("IBM")};
    auto all = q.statistics({}, QStringLiteral("patents"));
    auto some = q.statistics(ibm, QStringLiteral("patents"));
    ASSERT_TRUE(all.ok() && some.ok());
    auto reports = [](const StatisticSeries& series) {
        int n = 0;
        for (const StatisticValue& v : series.values)
            n += v.documents;
        return n;
    };
    EXPECT_LT(reports(*some), reports(*all));  // facts reported by fewer documents, or fewer facts
    EXPECT_LT(some->documentCount, all->documentCount);
    for (const StatisticValue& v : some->values) {
        auto evidence = q.statisticEvidence(ibm, some->metricKey, some->unit, v);
        ASSERT_TRUE(evidence.ok());
        ASSERT_FALSE(evidence->empty());
        for (const Evidence& e : *evidence) {
            const QByteArray sql = QStringLiteral("SELECT count(*) FROM document_entities de JOIN entities e ON e.id = de.entity_id"
                                                  " WHERE e.name = 'IBM' AND de.document_id = %1")
                                       .arg(e.documentId)
                                       .toUtf8();
            EXPECT_EQ(f.count(sql.constData()), 1) << qPrintable(e.fileName);
        }
    }
    // filtered and unfiltered document counts take different paths (aggregate vs base tables)
    auto companies = q.documentsPerEntity({}, EntityKind::Company, 0);
    auto filtered = q.documentsPerEntity(ibm, EntityKind::Company, 0);
    ASSERT_TRUE(companies.ok() && filtered.ok());
    auto count = [](const std::vector<EntityDocuments>& v, const QString& name) {
        auto it = std::find_if(v.begin(), v.end(), [&](const EntityDocuments& e) { return e.name == name; });
        return it == v.end() ? 0 : it->documents;
    };
    EXPECT_EQ(count(*companies, QStringLiteral("IBM")), count(*filtered, QStringLiteral("IBM")));
    EXPECT_EQ(count(*filtered, QStringLiteral("IBM")),
              f.count("SELECT count(*) FROM document_entities de JOIN entities e ON e.id = de.entity_id WHERE e.name = 'IBM'"));
    EXPECT_LT(filtered->size(), companies->size());
    EXPECT_EQ(*q.documentCount(ibm), count(*companies, QStringLiteral("IBM")));
}

TEST(ChartQuery, DocumentsPerEntityMostFirstWithLimit)
{
    auto& f = test::ChartsFixture::shared();
    auto top = ChartQuery(f.db()).documentsPerEntity({}, EntityKind::Company, 3);
    ASSERT_TRUE(top.ok());
    ASSERT_EQ(top->size(), 3u);
    EXPECT_GE(top->at(0).documents, top->at(1).documents);
    EXPECT_GE(top->at(1).documents, top->at(2).documents);
    auto countries = ChartQuery(f.db()).documentsPerEntity({}, EntityKind::Country, 0);
    ASSERT_TRUE(countries.ok());
    ASSERT_FALSE(countries->empty());
    EXPECT_EQ(countries->front().name, QStringLiteral("China"));
    auto evidence = ChartQuery(f.db()).entityEvidence({}, EntityKind::Country, QStringLiteral("China"));
    ASSERT_TRUE(evidence.ok());
    EXPECT_EQ(static_cast<int>(evidence->size()), countries->front().documents);  // one sentence per document
}

TEST(ChartQuery, ClaimsOverTimeAgreeAcrossPaths)
{
    auto& f = test::ChartsFixture::shared();
    ChartQuery q(f.db());
    auto companies = q.selectedCompanies({}, 5);
    ASSERT_TRUE(companies.ok());
    ASSERT_EQ(companies->size(), 5);
    auto fast = q.claimsOverTime({}, *companies, TimeBucket::Year);
    // a filter every document passes takes the base-table path
    DocumentFilter everything;
    everything.search = QString();
    everything.to = QDate(9999, 12, 31);
    auto viaTables = q.claimsOverTime(everything, *companies, TimeBucket::Year);
    ASSERT_TRUE(fast.ok() && viaTables.ok());
    int total = 0;
    for (const auto& c : fast->counts)
        for (int n : c)
            total += n;
    const QByteArray sql = QStringLiteral("SELECT count(*) FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
                                          " JOIN claims c ON c.id = ca.claim_id JOIN documents d ON d.id = c.document_id"
                                          " WHERE e.kind = 'company' AND e.name IN ('%1') AND coalesce(c.date, d.published) IS NOT NULL")
                               .arg(companies->join(QStringLiteral("','")))
                               .toUtf8();
    EXPECT_EQ(total, f.count(sql.constData()));
    EXPECT_GT(total, 0);
    // the dated subset of the base-table path (the date filter drops documents without a date)
    for (qsizetype p = 0; p < viaTables->periods.size(); ++p) {
        const qsizetype i = fast->periods.indexOf(viaTables->periods.at(p));
        ASSERT_GE(i, 0);
        for (size_t c = 0; c < viaTables->counts.size(); ++c)
            EXPECT_LE(viaTables->counts[c][static_cast<size_t>(p)], fast->counts[c][static_cast<size_t>(i)]);
    }
    EXPECT_TRUE(std::is_sorted(fast->periods.begin(), fast->periods.end()));
    // months: claims known only to the year are counted apart, not dropped silently
    auto months = q.claimsOverTime({}, *companies, TimeBucket::Month);
    ASSERT_TRUE(months.ok());
    int monthTotal = months->yearOnly;
    for (const auto& c : months->counts)
        for (int n : c)
            monthTotal += n;
    EXPECT_EQ(monthTotal, total);
    // filtered by the stacked company itself: every claim of it stays, so the aggregate answers
    DocumentFilter baidu;
    baidu.companies = QStringList{QStringLiteral("Baidu")};
    auto own = q.claimsOverTime(baidu, baidu.companies, TimeBucket::Year);
    ASSERT_TRUE(own.ok());
    int ownTotal = 0;
    for (int n : own->counts.front())
        ownTotal += n;
    EXPECT_EQ(ownTotal, f.count("SELECT count(*) FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
                                " JOIN claims c ON c.id = ca.claim_id JOIN documents d ON d.id = c.document_id"
                                " WHERE e.name = 'Baidu' AND coalesce(c.date, d.published) IS NOT NULL"));
    EXPECT_GT(ownTotal, 0);
    // a bar's sentences
    for (size_t c = 0; c < fast->counts.size(); ++c)
        for (size_t p = 0; p < fast->counts[c].size(); ++p)
            if (fast->counts[c][p] > 0) {
                auto evidence = q.claimEvidence({}, companies->at(static_cast<qsizetype>(c)), fast->periods.at(static_cast<qsizetype>(p)));
                ASSERT_TRUE(evidence.ok());
                EXPECT_EQ(static_cast<int>(evidence->size()), fast->counts[c][p]);
            }
}

TEST(ChartQuery, TimelineKeepsUndatedClaims)
{
    auto& f = test::ChartsFixture::shared();
    auto t = ChartQuery(f.db()).timelineClaims({});
    ASSERT_TRUE(t.ok());
    EXPECT_EQ(static_cast<int>(t->claims.size()), f.count("SELECT count(*) FROM claims"));
    EXPECT_FALSE(t->truncated);
    const auto undated = std::count_if(t->claims.begin(), t->claims.end(), [](const TimelineClaim& c) { return !c.date.isValid(); });
    EXPECT_EQ(undated, f.count("SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id"
                               " WHERE c.date IS NULL AND d.published IS NULL"));
    EXPECT_GT(undated, 0);
    // dated first, in date order
    auto firstUndated = std::find_if(t->claims.begin(), t->claims.end(), [](const TimelineClaim& c) { return !c.date.isValid(); });
    EXPECT_TRUE(std::all_of(firstUndated, t->claims.end(), [](const TimelineClaim& c) { return !c.date.isValid(); }));
    EXPECT_TRUE(std::any_of(t->claims.begin(), t->claims.end(), [](const TimelineClaim& c) { return !c.actors.isEmpty(); }));
    auto limited = ChartQuery(f.db()).timelineClaims({}, 10);
    ASSERT_TRUE(limited.ok());
    EXPECT_EQ(limited->claims.size(), 10u);
    EXPECT_TRUE(limited->truncated);
}

TEST(ChartQuery, TimelinePlotsEventOrReportDate)
{
    // A claim keeps the date it gives for what it reports apart from its document's publication,
    // and the timeline plots either; both paths read the same two dates.
    auto& f = test::ChartsFixture::shared();
    DocumentFilter some;
    some.companies = QStringList{QStringLiteral("Baidu")};
    for (ChartPath path : {ChartPath::Index, ChartPath::Sql}) {
        auto t = ChartQuery(f.db(), path).timelineClaims(some);
        ASSERT_TRUE(t.ok());
        ASSERT_FALSE(t->claims.empty());
        for (const TimelineClaim& c : t->claims) {
            const QByteArray sql = QStringLiteral("SELECT count(*) FROM claims c JOIN documents d ON d.id = c.document_id"
                                                  " WHERE c.id = %1 AND coalesce(c.date, '') = '%2'"
                                                  " AND coalesce(d.published, '') = '%3'")
                                       .arg(c.id)
                                       .arg(c.event.isValid() ? c.event.iso() : QString(), c.reported.isValid() ? c.reported.iso() : QString())
                                       .toUtf8();
            EXPECT_EQ(f.count(sql.constData()), 1) << c.id;
        }
    }
    auto t = ChartQuery(f.db()).timelineClaims({});
    ASSERT_TRUE(t.ok());
    std::vector<TimelineClaim> claims = t->claims;
    const auto differs = std::find_if(claims.begin(), claims.end(), [](const TimelineClaim& c) {
        return c.event.isValid() && c.reported.isValid() && c.event.iso() != c.reported.iso();
    });
    ASSERT_NE(differs, claims.end()) << "the fixture has a claim dated apart from its report";
    const std::int64_t id = differs->id;
    auto byId = [&](const std::vector<TimelineClaim>& v) {
        return *std::find_if(v.begin(), v.end(), [&](const TimelineClaim& c) { return c.id == id; });
    };
    EXPECT_EQ(byId(claims).date.iso(), byId(claims).event.iso());  // by event, the default
    dateTimeline(claims, TimelineDating::Reported);
    EXPECT_EQ(byId(claims).date.iso(), byId(claims).reported.iso());
    EXPECT_FALSE(byId(claims).datedByDocument);
    auto key = [](const TimelineClaim& c) { return std::make_tuple(!c.date.isValid(), c.date.year, c.date.month, c.date.day); };
    EXPECT_TRUE(std::is_sorted(claims.begin(), claims.end(), [&](const TimelineClaim& a, const TimelineClaim& b) { return key(a) < key(b); }));
    // a claim with no date of its own is plotted at its report either way, marked as such by event
    dateTimeline(claims, TimelineDating::Event);
    const auto own = std::find_if(claims.begin(), claims.end(),
                                  [](const TimelineClaim& c) { return !c.event.isValid() && c.reported.isValid(); });
    ASSERT_NE(own, claims.end());
    EXPECT_TRUE(own->datedByDocument);
    EXPECT_EQ(own->date.iso(), own->reported.iso());
}

TEST(ChartQuery, AggregatesStayCurrentThroughReextractAndReplace)
{
    test::Workspace ws;
    QFile::copy(test::testData(QStringLiteral("articles/001_wipo-genai-patents.txt")), ws.path(QStringLiteral("001.txt")));
    QFile::copy(test::testData(QStringLiteral("articles/002_sas-genai-adoption-blog.txt")), ws.path(QStringLiteral("002.txt")));
    QFile::copy(test::testData(QStringLiteral("articles/014_baidu-ernie-feature.txt")), ws.path(QStringLiteral("014.txt")));
    for (const char* name : {"001.txt", "002.txt", "014.txt"})
        QFile(ws.path(QLatin1String(name))).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    IngestResult r = IngestJob({{ws.path()}, ws.database()}).run();
    ASSERT_TRUE(r.ok());
    ASSERT_EQ(r.imported, 3);
    {
        auto db = Database::open(ws.database());
        ASSERT_TRUE(db.ok());
        test::expectAggregatesCurrent(*db);
    }
    ASSERT_TRUE(ReextractJob(ws.database()).run().ok());
    {
        auto db = Database::open(ws.database());
        test::expectAggregatesCurrent(*db);
    }
    // a changed file replaces its document; a removed-from-view document leaves the counts
    QFile changed(ws.path(QStringLiteral("002.txt")));
    ASSERT_TRUE(changed.open(QIODevice::WriteOnly | QIODevice::Truncate));
    changed.write("Baidu Files More Patents\n\nBaidu filed 4,100 patents in 2024, the company said.\n");
    changed.close();
    r = IngestJob({{ws.path()}, ws.database()}).run();
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.updated, 1);
    auto db = Database::open(ws.database());
    test::expectAggregatesCurrent(*db);
    auto s = ChartQuery(*db).statistics({}, QStringLiteral("genai_usage"));
    ASSERT_TRUE(s.ok());
    for (const StatisticValue& v : s->values)
        EXPECT_NE(v.documentId, 0);  // nothing counted from the replaced text
}

TEST(ChartQuery, OneFactPerSubjectMetricAndPeriod)
{
    // Three documents of our own: 6,276 robots in 2024; "around 6,300" last year and "about 6,300"
    // in 2024; a rival 7,100 in 2024. And "between 500 and 999 engineers" in one sentence.
    test::Workspace ws;
    QDir().mkpath(ws.path(QStringLiteral("facts")));
    for (const char* name : {"a.txt", "b.txt", "c.txt"})
        ASSERT_TRUE(QFile::copy(test::testData(QStringLiteral("facts/%1").arg(QLatin1String(name))),
                                ws.path(QStringLiteral("facts/%1").arg(QLatin1String(name)))));
    auto db = test::ingestAndOpen(ws, QStringLiteral("facts"), 3);
    ASSERT_TRUE(db);
    DocumentFilter baidu;
    baidu.companies = QStringList{QStringLiteral("Baidu")};
    for (const auto& [path, filter] : {std::pair{ChartPath::Sql, DocumentFilter{}}, std::pair{ChartPath::Index, baidu}}) {
        ChartQuery q(*db, path);
        auto robots = q.statistics(filter, QStringLiteral("robots"));
        ASSERT_TRUE(robots.ok()) << qPrintable(robots.error());
        // 6,276 and the two "6,300" readings (one without its period) are one fact of two
        // documents; 7,100 differs beyond rounding in a third, so the documents disagree
        ASSERT_EQ(robots->values.size(), 2u);
        const StatisticValue& rival = robots->values[0];
        const StatisticValue& fact = robots->values[1];
        EXPECT_EQ(rival.value, 7100);
        EXPECT_EQ(fact.value, 6276);
        EXPECT_EQ(fact.period, QStringLiteral("2024"));
        EXPECT_EQ(fact.documents, 2);
        EXPECT_EQ(fact.sources, (QStringList{QStringLiteral("a.txt"), QStringLiteral("b.txt")}));
        EXPECT_EQ(fact.readings.size(), 3u);
        ASSERT_GE(fact.conflict, 0);
        EXPECT_EQ(fact.conflict, rival.conflict);
        EXPECT_EQ(robots->conflicts.at(static_cast<size_t>(fact.conflict)).values, (std::vector<double>{7100, 6276}));
        auto evidence = q.statisticEvidence(filter, robots->metricKey, robots->unit, fact);
        ASSERT_TRUE(evidence.ok());
        EXPECT_EQ(evidence->size(), 3u);  // every sentence behind the fact
        // a range from one sentence is one fact, not two documents disagreeing
        auto staff = q.statistics(filter, QStringLiteral("employees"));
        ASSERT_TRUE(staff.ok());
        ASSERT_EQ(staff->values.size(), 1u);
        EXPECT_TRUE(staff->values[0].isRange());
        EXPECT_EQ(staff->values[0].value, 500);
        EXPECT_EQ(staff->values[0].high, 999);
        EXPECT_TRUE(staff->conflicts.empty());
    }
    // without the rival, 6,276 and "about 6,300" agree: nothing is marked
    test::Workspace two;
    QDir().mkpath(two.path(QStringLiteral("facts")));
    for (const char* name : {"a.txt", "b.txt"})
        ASSERT_TRUE(QFile::copy(test::testData(QStringLiteral("facts/%1").arg(QLatin1String(name))),
                                two.path(QStringLiteral("facts/%1").arg(QLatin1String(name)))));
    auto agreeing = test::ingestAndOpen(two, QStringLiteral("facts"), 2);
    ASSERT_TRUE(agreeing);
    auto robots = ChartQuery(*agreeing).statistics({}, QStringLiteral("robots"));
    ASSERT_TRUE(robots.ok());
    ASSERT_EQ(robots->values.size(), 1u);
    EXPECT_TRUE(robots->conflicts.empty());
}
