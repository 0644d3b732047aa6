// ChartQuery's SQL path: unfiltered charts read the stored aggregates (entity_months,
// statistic_values, metric_counts); filtered ones, when asked for ChartPath::Sql, join the base
// tables. The in-memory path (ChartQueryIndex.cpp) must answer as this one does.
#include "query/ChartQuery.h"

#include "query/ChartQueryParts.h"

#include <QHash>
#include <QMap>

namespace claimlens {
namespace {

QString marks(int first, qsizetype count)
{
    QStringList out;
    for (qsizetype i = 0; i < count; ++i)
        out.append(QStringLiteral("?%1").arg(first + static_cast<int>(i)));
    return out.join(u',');
}

}  // namespace

using namespace chartquery;

Result<std::vector<MetricCount>> ChartQuery::metricsSql(const DocumentFilter& filter)
{
    const FilterSql where(filter, QStringLiteral("st.document_id"), 1);
    const QString sql =
        filter.isEmpty()
            ? QStringLiteral("SELECT metric_key, unit, statistics, documents FROM metric_counts WHERE statistics > 0"
                             " ORDER BY statistics DESC, metric_key, unit")
            : QStringLiteral("SELECT st.metric_key, st.unit, count(*), count(DISTINCT st.document_id)"
                             " FROM statistics st WHERE 1%1 GROUP BY st.metric_key, st.unit"
                             " ORDER BY count(*) DESC, st.metric_key, st.unit")
                  .arg(where.conditions());
    auto stmt = prepare(*m_db, sql);
    if (!stmt)
        return Error{m_db->lastError()};
    where.bind(*stmt);
    std::vector<MetricCount> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            const QString key = row.text(0);
            out.push_back({key, metricLabelFor(key), row.text(1), row.integer(2), row.integer(3)});
        });
        !s)
        return failed("reading the metrics", s);
    return out;
}

Result<std::vector<std::int64_t>> ChartQuery::statisticValuesSql(const DocumentFilter& filter, StatisticSeries& series)
{
    const FilterSql where(filter, QStringLiteral("st.document_id"), 3);
    const QString sql =
        filter.isEmpty()
            ? QStringLiteral("SELECT sv.subject, sv.period, sv.value, sv.occurrences, sv.documents,"
                             " coalesce((SELECT e.kind FROM entities e WHERE e.name = sv.subject"
                             " AND e.kind IN ('country', 'company') LIMIT 1), ''), sv.reviewed"
                             " FROM statistic_values sv WHERE sv.metric_key = ?1 AND sv.unit = ?2 AND sv.occurrences > 0")
            : QStringLiteral("SELECT st.subject, coalesce(st.period, ''), st.value, count(*),"
                             " count(DISTINCT st.document_id), coalesce(min(e.kind), ''), count(st.review)"
                             " FROM statistics st LEFT JOIN entities e ON e.id = st.subject_entity_id"
                             " WHERE st.metric_key = ?1 AND st.unit = ?2%1"
                             " GROUP BY st.subject, coalesce(st.period, ''), st.value")
                  .arg(where.conditions());
    auto groups = prepare(*m_db, sql);
    // the first statistic of a value, and the sources reporting it, for the bar's click and label
    const FilterSql whereValue(filter, QStringLiteral("st.document_id"), 6);
    auto first = prepare(*m_db, QStringLiteral("SELECT st.document_id, st.sentence_id, s.ordinal, st.span_start,"
                                               " st.span_end, s.text, coalesce(d.source, d.file_name), st.id, s.span_start,"
                                               " coalesce(st.qualifier, '')"
                                               " FROM statistics st JOIN sentences s ON s.id = st.sentence_id"
                                               " JOIN documents d ON d.id = st.document_id"
                                               " WHERE st.metric_key = ?1 AND st.unit = ?2 AND st.subject = ?3"
                                               " AND coalesce(st.period, '') = ?4 AND st.value = ?5%1"
                                               " ORDER BY st.id LIMIT 1")
                                    .arg(whereValue.conditions()));
    auto sources = prepare(*m_db, QStringLiteral("SELECT DISTINCT coalesce(d.source, d.file_name) FROM statistics st"
                                                 " JOIN documents d ON d.id = st.document_id"
                                                 " WHERE st.metric_key = ?1 AND st.unit = ?2 AND st.subject = ?3"
                                                 " AND coalesce(st.period, '') = ?4 AND st.value = ?5%1 LIMIT 6")
                                      .arg(whereValue.conditions()));
    auto docs = prepare(*m_db, QStringLiteral("SELECT DISTINCT st.document_id FROM statistics st"
                                              " WHERE st.metric_key = ?1 AND st.unit = ?2%1 LIMIT 100")
                                   .arg(where.conditions()));
    if (!groups || !first || !sources || !docs)
        return Error{m_db->lastError()};
    groups->bind(1, series.metricKey).bind(2, series.unit);
    if (!filter.isEmpty())
        where.bind(*groups);
    if (Status s = groups->forEach([&](const Statement& row) {
            StatisticValue v;
            v.subject = row.text(0);
            v.period = row.text(1);
            v.value = row.real(2);
            v.occurrences = row.integer(3);
            v.documents = row.integer(4);
            v.subjectKind = row.text(5);
            v.reviewed = row.integer(6);
            series.values.push_back(std::move(v));
        });
        !s)
        return failed("reading the statistics", s);

    orderValues(series);

    // Only the bars a plot can hold need their evidence; a metric with thousands of distinct values
    // keeps the rest as counts.
    constexpr size_t kWithEvidence = 300;
    for (size_t i = 0; i < std::min(series.values.size(), kWithEvidence); ++i) {
        StatisticValue& v = series.values[i];
        for (Statement* stmt : {&*first, &*sources}) {
            stmt->bind(1, series.metricKey).bind(2, series.unit).bind(3, v.subject).bind(4, v.period).bind(5, v.value);
            whereValue.bind(*stmt);
        }
        auto found = first->stepOne();
        if (!found)
            return Error{QStringLiteral("reading a value's first statistic: %1").arg(found.error())};
        if (*found) {
            readFirstSentence(*first, v, 8);
            v.statisticId = first->int64(7);
            v.sources.append(first->text(6));
        }
        first->reset();
        if (v.documents > 1) {
            v.sources.clear();
            if (Status s = sources->forEach([&](const Statement& row) { v.sources.append(row.text(0)); }); !s)
                return failed("reading a value's sources", s);
        }
        sources->reset();
    }
    docs->bind(1, series.metricKey).bind(2, series.unit);
    where.bind(*docs);
    std::vector<std::int64_t> ids;
    if (Status s = docs->forEach([&](const Statement& row) {
            ids.push_back(row.int64(0));
        });
        !s)
        return Error{s.error()};
    return ids;
}

Result<std::vector<EntityDocuments>> ChartQuery::documentsPerEntitySql(const DocumentFilter& filter, EntityKind kind, int limit)
{
    // Unfiltered, the aggregate has one row per entity and month instead of one per document.
    const FilterSql where(filter, QStringLiteral("de.document_id"), 3);
    const QString sql =
        filter.isEmpty()
            ? QStringLiteral("SELECT e.name, sum(em.documents) AS n FROM entity_months em JOIN entities e"
                             " ON e.id = em.entity_id WHERE e.kind = ?1 GROUP BY em.entity_id HAVING n > 0"
                             " ORDER BY n DESC, e.name LIMIT ?2")
            : QStringLiteral("SELECT e.name, count(*) AS n FROM document_entities de JOIN entities e"
                             " ON e.id = de.entity_id WHERE e.kind = ?1%1 GROUP BY de.entity_id"
                             " ORDER BY n DESC, e.name LIMIT ?2")
                  .arg(where.conditions());
    auto stmt = prepare(*m_db, sql);
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, entityKindName(kind)).bind(2, limit > 0 ? limit : -1);
    if (!filter.isEmpty())
        where.bind(*stmt);
    std::vector<EntityDocuments> out;
    if (Status s = stmt->forEach([&](const Statement& row) { out.push_back({row.text(0), row.integer(1)}); }); !s)
        return failed("counting documents per entity", s);
    return out;
}

Status ChartQuery::claimsSql(const DocumentFilter& filter, bool exact, ClaimsOverTime& out, ClaimPeriods& byPeriod)
{
    const QStringList& companies = out.companies;
    const TimeBucket bucket = out.bucket;
    const int n = static_cast<int>(companies.size());
    const FilterSql where(filter, QStringLiteral("c.document_id"), n + 1);
    const QString sql =
        exact
            ? QStringLiteral("SELECT e.name, em.month, em.claims FROM entity_months em JOIN entities e"
                             " ON e.id = em.entity_id WHERE e.kind = 'company' AND e.name IN (%1) AND em.claims > 0")
                  .arg(marks(1, n))
            : QStringLiteral("SELECT e.name, substr(%3, 1, 7), count(*) FROM claim_actors ca"
                             " JOIN entities e ON e.id = ca.entity_id JOIN claims c ON c.id = ca.claim_id"
                             " WHERE e.kind = 'company' AND e.name IN (%1)%2 GROUP BY 1, 2")
                  .arg(marks(1, n), where.conditions(), QLatin1String(kClaimWhen));
    auto stmt = prepare(*m_db, sql);
    if (!stmt)
        return Error{stmt.error()};
    for (int i = 0; i < n; ++i)
        stmt->bind(i + 1, companies.at(i));
    if (!exact)
        where.bind(*stmt);
    if (Status s = stmt->forEach([&](const Statement& row) {
            countClaims(out, byPeriod, bucket, row.text(0), row.text(1), row.integer(2));
        });
        !s)
        return failed("counting claims over time", s);
    return {};
}

Result<TimelineClaims> ChartQuery::timelineClaimsSql(const DocumentFilter& filter, int limit)
{
    const FilterSql where(filter, QStringLiteral("c.document_id"), 2);
    auto stmt = prepare(*m_db, QStringLiteral("SELECT c.id, c.document_id, s.ordinal, s.text, c.date, c.date_precision,"
                                              " d.published, d.published_precision, coalesce(c.source, d.source),"
                                              " d.file_name, (SELECT group_concat(e.kind || ':' || e.name, '|')"
                                              " FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
                                              " WHERE ca.claim_id = c.id), c.review IS NOT NULL"
                                              " FROM claims c JOIN documents d ON d.id = c.document_id"
                                              " JOIN sentences s ON s.id = c.sentence_id WHERE 1%1"
                                              " ORDER BY c.document_id, c.id LIMIT ?1")
                                   .arg(where.conditions()));
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, limit + 1);  // one more than shown says whether there are more
    where.bind(*stmt);
    TimelineClaims out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            TimelineClaim c;
            c.id = row.int64(0);
            c.documentId = row.int64(1);
            c.sentenceOrdinal = row.integer(2);
            c.text = row.text(3);
            c.event = PartialDate::fromStored(row.text(4), row.integer(5));
            c.reported = PartialDate::fromStored(row.text(6), row.integer(7));
            c.source = row.text(8);
            c.fileName = row.text(9);
            c.reviewed = row.integer(11) != 0;
            for (const QString& actor : row.text(10).split(u'|', Qt::SkipEmptyParts)) {
                const qsizetype colon = actor.indexOf(u':');
                const QString kind = actor.left(colon), name = actor.mid(colon + 1);
                if (kind == QStringLiteral("company"))
                    c.actors.append(name);
                else if (kind == QStringLiteral("country"))
                    c.countries.append(name);
            }
            out.claims.push_back(std::move(c));
        });
        !s)
        return failed("reading the claims", s);
    if (static_cast<int>(out.claims.size()) > limit) {
        out.claims.pop_back();
        out.truncated = true;
    }
    return out;
}

Result<int> ChartQuery::documentCountSql(const DocumentFilter& filter)
{
    const FilterSql where(filter, QStringLiteral("d.id"), 1);
    auto stmt = prepare(*m_db, QStringLiteral("SELECT count(*) FROM documents d WHERE 1%1").arg(where.conditions()));
    if (!stmt)
        return Error{stmt.error()};
    where.bind(*stmt);
    if (!stmt->step())
        return failed("counting documents", *stmt);
    return stmt->integer(0);
}

}  // namespace claimlens
