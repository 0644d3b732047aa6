#include "ChartsFixture.h"

#include "ingest/IngestJob.h"

#include <gtest/gtest.h>

namespace claimlens::test {

ChartsFixture& ChartsFixture::shared()
{
    static ChartsFixture fixture;
    return fixture;
}

ChartsFixture::ChartsFixture() : m_path(m_ws.database())
{
    const IngestResult r =
        IngestJob({{testData(QStringLiteral("articles")), QStringLiteral(CLAIMLENS_SAMPLE_CORPUS)}, m_path}).run();
    EXPECT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_GE(r.imported, 26);
    auto db = Database::open(m_path);
    EXPECT_TRUE(db.ok());
    m_db = std::make_unique<Database>(std::move(db.value()));
}

int ChartsFixture::count(const char* sql)
{
    auto stmt = m_db->prepare(sql);
    return stmt && stmt->step() ? stmt->integer(0) : -1;
}

int missingRows(Database& db, const QString& a, const QString& b)
{
    const QByteArray sql = QStringLiteral("SELECT count(*) FROM (%1 EXCEPT %2)").arg(a, b).toUtf8();
    auto stmt = db.prepare(sql.constData());
    EXPECT_TRUE(stmt.ok()) << qPrintable(stmt.ok() ? QString() : stmt.error());
    return stmt && stmt->step() ? stmt->integer(0) : -1;
}

void expectAggregatesCurrent(Database& db)
{
    const QString months = QStringLiteral(
        "SELECT entity_id, month, documents, claims FROM entity_months WHERE documents <> 0 OR claims <> 0");
    const QString monthsNow = QStringLiteral(
        "SELECT entity_id, month, sum(documents), sum(claims) FROM ("
        " SELECT de.entity_id AS entity_id, substr(de.published, 1, 7) AS month, count(*) AS documents, 0 AS claims"
        " FROM document_entities de GROUP BY 1, 2 UNION ALL"
        " SELECT ca.entity_id, substr(coalesce(c.date, d.published, ''), 1, 7), 0, count(*) FROM claim_actors ca"
        " JOIN claims c ON c.id = ca.claim_id JOIN documents d ON d.id = c.document_id GROUP BY 1, 2) GROUP BY 1, 2");
    EXPECT_EQ(missingRows(db, months, monthsNow), 0);
    EXPECT_EQ(missingRows(db, monthsNow, months), 0);
    const QString values = QStringLiteral(
        "SELECT metric_key, unit, subject, period, value, occurrences, documents FROM statistic_values WHERE occurrences <> 0");
    const QString valuesNow = QStringLiteral(
        "SELECT metric_key, unit, subject, coalesce(period, ''), value, count(*), count(DISTINCT document_id)"
        " FROM statistics GROUP BY 1, 2, 3, 4, 5");
    EXPECT_EQ(missingRows(db, values, valuesNow), 0);
    EXPECT_EQ(missingRows(db, valuesNow, values), 0);
    const QString metrics = QStringLiteral("SELECT metric_key, unit, statistics, documents FROM metric_counts WHERE statistics <> 0");
    const QString metricsNow = QStringLiteral(
        "SELECT metric_key, unit, count(*), count(DISTINCT document_id) FROM statistics GROUP BY 1, 2");
    EXPECT_EQ(missingRows(db, metrics, metricsNow), 0);
    EXPECT_EQ(missingRows(db, metricsNow, metrics), 0);
}

StatisticValue statisticValue(const QString& subject, double value, const QStringList& sources)
{
    StatisticValue v;
    v.subject = subject;
    v.value = value;
    v.occurrences = 1;
    v.documents = 1;
    v.sources = sources;
    return v;
}

}  // namespace claimlens::test
