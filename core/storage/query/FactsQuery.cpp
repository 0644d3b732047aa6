#include "query/FactsQuery.h"

#include "query/ChartQuery.h"

namespace claimlens {

Result<std::vector<Fact>> FactsQuery::facts(const DocumentFilter& filter, int limit)
{
    const FilterSql where(filter, QStringLiteral("st.document_id"), 2);
    const QString sql = QStringLiteral(
                            "SELECT st.subject, st.metric_key, max(st.metric), st.unit, coalesce(st.period, ''),"
                            " count(DISTINCT st.document_id), count(*), count(st.review), min(st.value), max(st.value)"
                            " FROM statistics st WHERE 1%1"
                            " GROUP BY st.subject, st.metric_key, st.unit, coalesce(st.period, '')"
                            " ORDER BY count(DISTINCT st.document_id) DESC, st.subject, st.metric_key LIMIT ?1")
                            .arg(where.conditions());
    auto stmt = m_db->prepare(sql.toUtf8().constData());
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, limit);
    where.bind(*stmt);
    std::vector<Fact> out;
    Status s = stmt->forEach([&](const Statement& row) {
        Fact f;
        f.subject = row.text(0);
        f.metricKey = row.text(1);
        f.metric = row.text(2);
        f.unit = row.text(3);
        f.period = row.text(4);
        f.documents = row.integer(5);
        f.readings = row.integer(6);
        f.reviewed = row.integer(7);
        f.low = row.real(8);
        f.high = row.real(9);
        f.disagree = f.documents > 1 && !valuesAgree(f.low, f.high);
        out.push_back(std::move(f));
    });
    if (!s)
        return Error{QStringLiteral("reading the facts: %1").arg(s.error())};
    return out;
}

Result<std::vector<FactReading>> FactsQuery::readings(const DocumentFilter& filter, const Fact& fact)
{
    const FilterSql where(filter, QStringLiteral("st.document_id"), 5);
    const QString sql =
        QStringLiteral("SELECT d.id, d.file_name, coalesce(d.title, ''), coalesce(d.published, ''), s.ordinal, s.text,"
                       " st.value, coalesce(st.qualifier, ''), coalesce(st.review, ''), st.span_start, st.span_end"
                       " FROM statistics st JOIN sentences s ON s.id = st.sentence_id"
                       " JOIN documents d ON d.id = st.document_id"
                       " WHERE st.subject = ?1 AND st.metric_key = ?2 AND st.unit = ?3 AND coalesce(st.period, '') = ?4%1"
                       " ORDER BY d.published, d.id, st.span_start LIMIT 2000")
            .arg(where.conditions());
    auto stmt = m_db->prepare(sql.toUtf8().constData());
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, fact.subject).bind(2, fact.metricKey).bind(3, fact.unit).bind(4, fact.period);
    where.bind(*stmt);
    std::vector<FactReading> out;
    Status s = stmt->forEach([&](const Statement& row) {
        out.push_back({row.int64(0), row.text(1), row.text(2), row.text(3), row.integer(4), row.text(5), row.real(6),
                       row.text(7), row.text(8), row.int64(9), row.int64(10)});
    });
    if (!s)
        return Error{QStringLiteral("reading the fact's sentences: %1").arg(s.error())};
    return out;
}

}  // namespace claimlens
