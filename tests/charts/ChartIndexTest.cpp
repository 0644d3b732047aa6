// The in-memory chart index against the SQL it replaces: every chart's data under many filters
// (companies, countries, sources, dates, words and their combinations) must be the same values in
// the same order, so a wrong count or a reordered bar fails here.
#include "ChartsFixture.h"

#include "ingest/IngestJob.h"
#include "query/ChartIndex.h"
#include "query/ChartQuery.h"

#include <QFile>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

/// The filters compared: each kind alone, with several values, and combined.
std::vector<std::pair<QString, DocumentFilter>> filters(test::ChartsFixture& f)
{
    std::vector<std::pair<QString, DocumentFilter>> out;
    auto names = [&](const char* sql) {
        QStringList list;
        auto stmt = f.db().prepare(sql);
        while (stmt && stmt->step())
            list.append(stmt->text(0));
        return list;
    };
    // the most and the least named companies and countries, and every source
    const QStringList companies = names("SELECT e.name FROM document_entities de JOIN entities e ON e.id = de.entity_id"
                                        " WHERE e.kind = 'company' GROUP BY e.id ORDER BY count(*) DESC, e.name");
    const QStringList countries = names("SELECT e.name FROM document_entities de JOIN entities e ON e.id = de.entity_id"
                                        " WHERE e.kind = 'country' GROUP BY e.id ORDER BY count(*) DESC, e.name");
    const QStringList sources = names("SELECT name FROM cited_sources UNION SELECT source FROM documents WHERE source IS NOT NULL");
    EXPECT_GE(companies.size(), 6);
    EXPECT_GE(countries.size(), 3);
    EXPECT_GE(sources.size(), 3);
    auto add = [&](const QString& name, auto&& set) {
        DocumentFilter filter;
        set(filter);
        out.emplace_back(name, filter);
    };
    for (qsizetype i : {qsizetype(0), qsizetype(1), qsizetype(2), companies.size() / 2, companies.size() - 1})
        add(QStringLiteral("company ") + companies.value(i), [&](DocumentFilter& d) { d.companies = {companies.value(i)}; });
    add(QStringLiteral("two companies"), [&](DocumentFilter& d) { d.companies = companies.mid(0, 2); });
    add(QStringLiteral("a company and an unknown one"), [&](DocumentFilter& d) { d.companies = {companies.value(1), QStringLiteral("Nobody Inc")}; });
    for (qsizetype i : {qsizetype(0), qsizetype(1), countries.size() - 1})
        add(QStringLiteral("country ") + countries.value(i), [&](DocumentFilter& d) { d.countries = {countries.value(i)}; });
    add(QStringLiteral("two countries"), [&](DocumentFilter& d) { d.countries = countries.mid(0, 2); });
    for (qsizetype i = 0; i < std::min<qsizetype>(sources.size(), 4); ++i)
        add(QStringLiteral("source ") + sources.value(i), [&](DocumentFilter& d) { d.sources = {sources.value(i)}; });
    add(QStringLiteral("all sources"), [&](DocumentFilter& d) { d.sources = sources; });
    add(QStringLiteral("published 2024"), [](DocumentFilter& d) {
        d.from = QDate(2024, 1, 1);
        d.to = QDate(2024, 12, 31);
    });
    add(QStringLiteral("published from March 2025"), [](DocumentFilter& d) { d.from = QDate(2025, 3, 1); });
    add(QStringLiteral("published until 2024-06-30"), [](DocumentFilter& d) { d.to = QDate(2024, 6, 30); });
    add(QStringLiteral("a partial date's month"), [](DocumentFilter& d) {
        d.from = QDate(2024, 7, 15);
        d.to = QDate(2024, 7, 15);
    });
    add(QStringLiteral("every date"), [](DocumentFilter& d) { d.to = QDate(9999, 12, 31); });
    for (const char* words : {"china", "patents", "\"generative AI\"", "chip*", "zzzznothing"})
        add(QStringLiteral("words ") + QLatin1String(words), [&](DocumentFilter& d) { d.search = QLatin1String(words); });
    add(QStringLiteral("company + country"), [&](DocumentFilter& d) {
        d.companies = {companies.value(0)};
        d.countries = {countries.value(0)};
    });
    add(QStringLiteral("country + date + words"), [&](DocumentFilter& d) {
        d.countries = {countries.value(0)};
        d.from = QDate(2024, 1, 1);
        d.search = QStringLiteral("ai");
    });
    add(QStringLiteral("company + source"), [&](DocumentFilter& d) {
        d.companies = {companies.value(0)};
        d.sources = sources;
    });
    return out;
}

void expectSame(const StatisticValue& a, const StatisticValue& b, const QString& where)
{
    SCOPED_TRACE(qPrintable(where + QStringLiteral(": ") + a.subject + u' ' + a.period));
    EXPECT_EQ(a.subject, b.subject);
    EXPECT_EQ(a.subjectKind, b.subjectKind);
    EXPECT_EQ(a.period, b.period);
    EXPECT_EQ(a.value, b.value);
    EXPECT_EQ(a.occurrences, b.occurrences);
    EXPECT_EQ(a.documents, b.documents);
    EXPECT_EQ(a.sources, b.sources);
    EXPECT_EQ(a.statisticId, b.statisticId);
    EXPECT_EQ(a.documentId, b.documentId);
    EXPECT_EQ(a.sentenceId, b.sentenceId);
    EXPECT_EQ(a.sentenceOrdinal, b.sentenceOrdinal);
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.end, b.end);
    EXPECT_EQ(a.sentence, b.sentence);
    EXPECT_EQ(a.conflict, b.conflict);
}

/// Every chart's data through the index and through SQL, field by field.
void expectPathsAgree(Database& db, const QString& name, const DocumentFilter& filter)
{
    SCOPED_TRACE(qPrintable(name));
    ChartQuery fast(db), sql(db, ChartPath::Sql);
    EXPECT_EQ(*fast.documentCount(filter), *sql.documentCount(filter));

    auto fm = fast.metrics(filter), sm = sql.metrics(filter);
    ASSERT_TRUE(fm.ok() && sm.ok()) << qPrintable(fm.ok() ? sm.error() : fm.error());
    ASSERT_EQ(fm->size(), sm->size());
    for (size_t i = 0; i < fm->size(); ++i) {
        EXPECT_EQ((*fm)[i].key, (*sm)[i].key);
        EXPECT_EQ((*fm)[i].unit, (*sm)[i].unit);
        EXPECT_EQ((*fm)[i].label, (*sm)[i].label);
        EXPECT_EQ((*fm)[i].values, (*sm)[i].values);
        EXPECT_EQ((*fm)[i].documents, (*sm)[i].documents);
    }
    for (const MetricCount& m : *sm) {
        auto fs = fast.statistics(filter, m.key, m.unit), ss = sql.statistics(filter, m.key, m.unit);
        ASSERT_TRUE(fs.ok() && ss.ok());
        EXPECT_EQ(fs->metricKey, ss->metricKey);
        EXPECT_EQ(fs->label, ss->label);
        EXPECT_EQ(fs->documentCount, ss->documentCount);
        ASSERT_EQ(fs->values.size(), ss->values.size()) << qPrintable(m.key);
        for (size_t i = 0; i < fs->values.size(); ++i)
            expectSame(fs->values[i], ss->values[i], m.key);
        ASSERT_EQ(fs->conflicts.size(), ss->conflicts.size());
        for (size_t i = 0; i < fs->conflicts.size(); ++i) {
            EXPECT_EQ(fs->conflicts[i].subject, ss->conflicts[i].subject);
            EXPECT_EQ(fs->conflicts[i].period, ss->conflicts[i].period);
            EXPECT_EQ(fs->conflicts[i].values, ss->conflicts[i].values);
        }
        ASSERT_EQ(fs->documents.size(), ss->documents.size());
        for (size_t i = 0; i < fs->documents.size(); ++i)
            EXPECT_EQ(fs->documents[i].id, ss->documents[i].id) << qPrintable(m.key);
    }
    // a metric by words of its label, and one nobody reports
    for (const char* metric : {"usage", "no such metric"}) {
        auto fs = fast.statistics(filter, QLatin1String(metric)), ss = sql.statistics(filter, QLatin1String(metric));
        ASSERT_TRUE(fs.ok() && ss.ok());
        EXPECT_EQ(fs->metricKey, ss->metricKey);
        EXPECT_EQ(fs->values.size(), ss->values.size());
    }

    for (EntityKind kind : {EntityKind::Company, EntityKind::Country, EntityKind::Product, EntityKind::Person})
        for (int limit : {0, 1, 3, 10}) {
            auto fe = fast.documentsPerEntity(filter, kind, limit), se = sql.documentsPerEntity(filter, kind, limit);
            ASSERT_TRUE(fe.ok() && se.ok());
            ASSERT_EQ(fe->size(), se->size()) << qPrintable(entityKindName(kind)) << " limit " << limit;
            for (size_t i = 0; i < fe->size(); ++i) {
                EXPECT_EQ((*fe)[i].name, (*se)[i].name) << i;
                EXPECT_EQ((*fe)[i].documents, (*se)[i].documents) << qPrintable((*fe)[i].name);
            }
        }

    auto selected = sql.selectedCompanies(filter, 6);
    ASSERT_TRUE(selected.ok());
    EXPECT_EQ(*fast.selectedCompanies(filter, 6), *selected);
    QStringList stacks = *selected;
    stacks.append(QStringLiteral("Nobody Inc"));
    if (!stacks.isEmpty())
        stacks.append(stacks.front());  // a company asked twice
    for (TimeBucket bucket : {TimeBucket::Year, TimeBucket::Month}) {
        auto fc = fast.claimsOverTime(filter, stacks, bucket), sc = sql.claimsOverTime(filter, stacks, bucket);
        ASSERT_TRUE(fc.ok() && sc.ok());
        EXPECT_EQ(fc->periods, sc->periods);
        EXPECT_EQ(fc->companies, sc->companies);
        EXPECT_EQ(fc->counts, sc->counts);
        EXPECT_EQ(fc->undated, sc->undated);
        EXPECT_EQ(fc->yearOnly, sc->yearOnly);
    }

    for (int limit : {20000, 7, 1}) {
        auto ft = fast.timelineClaims(filter, limit), st = sql.timelineClaims(filter, limit);
        ASSERT_TRUE(ft.ok() && st.ok());
        EXPECT_EQ(ft->truncated, st->truncated);
        ASSERT_EQ(ft->claims.size(), st->claims.size()) << "limit " << limit;
        for (size_t i = 0; i < ft->claims.size(); ++i) {
            const TimelineClaim &a = ft->claims[i], &b = st->claims[i];
            EXPECT_EQ(a.id, b.id);
            EXPECT_EQ(a.documentId, b.documentId);
            EXPECT_EQ(a.sentenceOrdinal, b.sentenceOrdinal);
            EXPECT_EQ(a.text, b.text);
            EXPECT_TRUE(a.date == b.date) << qPrintable(a.date.iso()) << " " << qPrintable(b.date.iso());
            EXPECT_EQ(a.datedByDocument, b.datedByDocument);
            EXPECT_EQ(a.actors, b.actors);
            EXPECT_EQ(a.countries, b.countries);
            EXPECT_EQ(a.source, b.source);
            EXPECT_EQ(a.fileName, b.fileName);
        }
    }
}

}  // namespace

TEST(ChartIndex, EveryChartMatchesTheSqlPathUnderEveryFilterKind)
{
    auto& f = test::ChartsFixture::shared();
    const auto cases = filters(f);
    int narrowing = 0;
    const int all = *ChartQuery(f.db(), ChartPath::Sql).documentCount({});
    for (const auto& [name, filter] : cases) {
        expectPathsAgree(f.db(), name, filter);
        const int n = *ChartQuery(f.db(), ChartPath::Sql).documentCount(filter);
        narrowing += n > 0 && n < all ? 1 : 0;
    }
    // the filters are not all trivial: most keep some documents and drop others
    EXPECT_GE(narrowing, static_cast<int>(cases.size()) / 2);
}

TEST(ChartIndex, FilteredDocumentsAreTheFilterSqlDocuments)
{
    auto& f = test::ChartsFixture::shared();
    ChartIndexCache cache;
    auto index = cache.get(f.db());
    ASSERT_TRUE(index.ok()) << qPrintable(index.error());
    EXPECT_EQ((*index)->documentCount(), f.count("SELECT count(*) FROM documents"));
    for (const auto& [name, filter] : filters(f)) {
        SCOPED_TRACE(qPrintable(name));
        auto set = (*index)->documents(f.db(), filter);
        ASSERT_TRUE(set.ok());
        const FilterSql where(filter, QStringLiteral("d.id"), 1);
        auto stmt = f.db().prepare(QStringLiteral("SELECT d.id FROM documents d WHERE 1%1 ORDER BY d.id").arg(where.conditions()).toUtf8().constData());
        ASSERT_TRUE(stmt.ok());
        where.bind(*stmt);
        std::vector<std::int64_t> expected, got;
        while (stmt->step())
            expected.push_back(stmt->int64(0));
        for (int d = 0; d < (*index)->documentCount(); ++d)
            if (set->has(d))
                got.push_back((*index)->documentId(d));
        EXPECT_EQ(got, expected);
        EXPECT_EQ(set->count, static_cast<int>(expected.size()));
    }
}

TEST(ChartIndex, ReadAgainAfterTheDatabaseChanges)
{
    test::Workspace ws;
    QFile::copy(test::testData(QStringLiteral("articles/001_wipo-genai-patents.txt")), ws.path(QStringLiteral("001.txt")));
    QFile::copy(test::testData(QStringLiteral("articles/014_baidu-ernie-feature.txt")), ws.path(QStringLiteral("014.txt")));
    for (const char* name : {"001.txt", "014.txt"})
        QFile(ws.path(QLatin1String(name))).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    ASSERT_TRUE(IngestJob({{ws.path()}, ws.database()}).run().ok());
    auto db = Database::open(ws.database());
    ASSERT_TRUE(db.ok());
    DocumentFilter china;
    china.countries = {QStringLiteral("China")};
    ChartIndexCache cache;
    auto first = cache.get(*db);
    ASSERT_TRUE(first.ok());
    EXPECT_TRUE(cache.isCurrent(*db));
    EXPECT_EQ((*cache.get(*db)).get(), first->get());  // kept while nothing changes
    const int before = *ChartQuery(*db, ChartPath::Index, &cache).documentCount(china);
    EXPECT_GT(before, 0);

    // another connection (the import job) adds a document naming China
    ws.write(QStringLiteral("more/003.txt"), "China Files More Patents\n\nChina filed 61,000 patents in 2024, Baidu said.\n");
    ASSERT_TRUE(IngestJob({{ws.path(QStringLiteral("more"))}, ws.database()}).run().ok());
    EXPECT_FALSE(cache.isCurrent(*db));
    auto second = cache.get(*db);
    ASSERT_TRUE(second.ok());
    EXPECT_NE(second->get(), first->get());
    EXPECT_EQ(*ChartQuery(*db, ChartPath::Index, &cache).documentCount(china), before + 1);
    expectPathsAgree(*db, QStringLiteral("after an import"), china);

    // this connection itself deletes a document
    ASSERT_TRUE(db->exec("DELETE FROM documents WHERE id = (SELECT max(id) FROM documents)").ok());
    EXPECT_FALSE(cache.isCurrent(*db));
    EXPECT_EQ(*ChartQuery(*db, ChartPath::Index, &cache).documentCount(china), before);
    expectPathsAgree(*db, QStringLiteral("after a delete"), china);
}
