#include "query/ChartQuery.h"

#include "knowledge/Knowledge.h"

#include <QHash>
#include <QMap>

#include <algorithm>

namespace claimlens {
namespace {

// A claim's time: its own date, else the day its document was published. The document is read
// only for claims without a date: its rows are large and a million lookups would dominate.
constexpr const char* kClaimWhen =
    "coalesce(c.date, (SELECT dp.published FROM documents dp WHERE dp.id = c.document_id), '')";

Result<Statement> prepare(Database& db, const QString& sql)
{
    return db.prepare(sql.toUtf8().constData());
}

QString marks(int first, qsizetype count)
{
    QStringList out;
    for (qsizetype i = 0; i < count; ++i)
        out.append(QStringLiteral("?%1").arg(first + static_cast<int>(i)));
    return out.join(u',');
}

Error failed(const char* what, const Statement& stmt)
{
    return Error{QStringLiteral("%1: %2").arg(QLatin1String(what), stmt.status().error())};
}

std::vector<Evidence> readEvidence(Statement& stmt, int firstColumn = 0)
{
    std::vector<Evidence> out;
    const int c = firstColumn;
    while (stmt.step())
        out.push_back({stmt.int64(c), stmt.text(c + 1), stmt.text(c + 2), stmt.integer(c + 3), stmt.text(c + 4),
                       stmt.int64(c + 5), stmt.int64(c + 6)});
    return out;
}

QString metricLabel(const QString& key, const QString& fallback)
{
    for (const Metric& m : Knowledge::defaults()->metrics())
        if (m.key == key)
            return m.label;
    return fallback;
}

}  // namespace

QString unitSymbol(const QString& unit)
{
    if (unit == QStringLiteral("percent"))
        return QStringLiteral("%");
    if (unit == QStringLiteral("count") || unit.isEmpty())
        return QStringLiteral("count");
    return unit.toUpper();  // currencies: usd -> USD, cny -> CNY
}

Result<std::vector<MetricCount>> ChartQuery::metrics(const DocumentFilter& filter)
{
    const FilterSql where(filter, QStringLiteral("st.document_id"), 1);
    const QString sql =
        filter.isEmpty()
            ? QStringLiteral("SELECT metric_key, unit, statistics, documents FROM metric_counts WHERE statistics > 0"
                             " ORDER BY statistics DESC, metric_key")
            : QStringLiteral("SELECT st.metric_key, st.unit, count(*), count(DISTINCT st.document_id)"
                             " FROM statistics st WHERE 1%1 GROUP BY st.metric_key, st.unit"
                             " ORDER BY count(*) DESC, st.metric_key")
                  .arg(where.conditions());
    auto stmt = prepare(*m_db, sql);
    auto words = m_db->prepare("SELECT metric FROM statistics WHERE metric_key = ?1 LIMIT 1");
    if (!stmt || !words)
        return Error{m_db->lastError()};
    where.bind(*stmt);
    std::vector<MetricCount> out;
    while (stmt->step()) {
        const QString key = stmt->text(0);
        QString label = metricLabel(key, {});
        if (label.isEmpty()) {  // a metric the vocabulary does not name: the articles' own words
            words->bind(1, key);
            label = words->step() ? words->text(0) : key;
            words->reset();
        }
        out.push_back({key, label, stmt->text(1), stmt->integer(2), stmt->integer(3)});
    }
    if (!stmt->status())
        return failed("reading the metrics", *stmt);
    return out;
}

Result<StatisticSeries> ChartQuery::statistics(const DocumentFilter& filter, const QString& metric, const QString& unit)
{
    auto found = metrics(filter);
    if (!found)
        return Error{found.error()};
    // the exact key first, then words of a key or label; of several, the one reported most
    const MetricCount* chosen = nullptr;
    const QString wanted = metric.trimmed();
    for (const MetricCount& m : *found)
        if (m.key.compare(wanted, Qt::CaseInsensitive) == 0 && (unit.isEmpty() || m.unit == unit)) {
            chosen = &m;
            break;
        }
    if (!chosen) {
        QString words = wanted;
        words.replace(u'_', u' ');
        for (const MetricCount& m : *found) {
            QString key = m.key;
            key.replace(u'_', u' ');
            if ((unit.isEmpty() || m.unit == unit) &&
                (m.label.contains(words, Qt::CaseInsensitive) || key.contains(words, Qt::CaseInsensitive))) {
                chosen = &m;
                break;
            }
        }
    }
    StatisticSeries series;
    if (!chosen) {
        series.metricKey = wanted;
        series.label = wanted;
        series.unit = unit;
        return series;  // nothing reported under the filter: an empty chart, not an error
    }
    series.metricKey = chosen->key;
    series.label = chosen->label;
    series.unit = chosen->unit;
    series.documentCount = chosen->documents;

    const FilterSql where(filter, QStringLiteral("st.document_id"), 3);
    const QString sql =
        filter.isEmpty()
            ? QStringLiteral("SELECT sv.subject, sv.period, sv.value, sv.occurrences, sv.documents,"
                             " coalesce((SELECT e.kind FROM entities e WHERE e.name = sv.subject"
                             " AND e.kind IN ('country', 'company') LIMIT 1), '')"
                             " FROM statistic_values sv WHERE sv.metric_key = ?1 AND sv.unit = ?2 AND sv.occurrences > 0")
            : QStringLiteral("SELECT st.subject, coalesce(st.period, ''), st.value, count(*),"
                             " count(DISTINCT st.document_id), coalesce(min(e.kind), '')"
                             " FROM statistics st LEFT JOIN entities e ON e.id = st.subject_entity_id"
                             " WHERE st.metric_key = ?1 AND st.unit = ?2%1"
                             " GROUP BY st.subject, coalesce(st.period, ''), st.value")
                  .arg(where.conditions());
    auto groups = prepare(*m_db, sql);
    // the first statistic of a value, and the sources reporting it, for the bar's click and label
    const FilterSql whereValue(filter, QStringLiteral("st.document_id"), 6);
    auto first = prepare(*m_db, QStringLiteral("SELECT st.document_id, st.sentence_id, s.ordinal, st.span_start,"
                                               " st.span_end, s.text, coalesce(d.source, d.file_name), st.id"
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
    while (groups->step()) {
        StatisticValue v;
        v.subject = groups->text(0);
        v.period = groups->text(1);
        v.value = groups->real(2);
        v.occurrences = groups->integer(3);
        v.documents = groups->integer(4);
        v.subjectKind = groups->text(5);
        series.values.push_back(std::move(v));
    }
    if (!groups->status())
        return failed("reading the statistics", *groups);

    // documents disagree when one subject and period carry more than one value
    QMap<std::pair<QString, QString>, std::vector<size_t>> bySubject;
    QHash<QString, double> largest;
    for (size_t i = 0; i < series.values.size(); ++i) {
        const StatisticValue& v = series.values[i];
        bySubject[{v.subject, v.period}].push_back(i);
        largest[v.subject] = std::max(largest.value(v.subject, v.value), v.value);
    }
    std::stable_sort(series.values.begin(), series.values.end(), [&](const StatisticValue& a, const StatisticValue& b) {
        if (a.subject != b.subject) {
            const double la = largest.value(a.subject), lb = largest.value(b.subject);
            return la != lb ? la > lb : a.subject < b.subject;
        }
        if (a.period != b.period)
            return a.period < b.period;
        return a.value > b.value;
    });
    for (size_t i = 0; i < series.values.size();) {
        size_t j = i;
        while (j < series.values.size() && series.values[j].subject == series.values[i].subject &&
               series.values[j].period == series.values[i].period)
            ++j;
        if (j - i > 1) {
            ConflictGroup g{series.values[i].subject, series.values[i].period, {}};
            for (size_t k = i; k < j; ++k) {
                g.values.push_back(series.values[k].value);
                series.values[k].conflict = static_cast<int>(series.conflicts.size());
            }
            series.conflicts.push_back(std::move(g));
        }
        i = j;
    }

    // Only the bars a plot can hold need their evidence; a metric with thousands of distinct values
    // keeps the rest as counts.
    constexpr size_t kWithEvidence = 300;
    for (size_t i = 0; i < std::min(series.values.size(), kWithEvidence); ++i) {
        StatisticValue& v = series.values[i];
        for (Statement* stmt : {&*first, &*sources}) {
            stmt->bind(1, series.metricKey).bind(2, series.unit).bind(3, v.subject).bind(4, v.period).bind(5, v.value);
            whereValue.bind(*stmt);
        }
        if (first->step()) {
            v.documentId = first->int64(0);
            v.sentenceId = first->int64(1);
            v.sentenceOrdinal = first->integer(2);
            v.start = first->int64(3);
            v.end = first->int64(4);
            v.sentence = first->text(5);
            v.statisticId = first->int64(7);
            v.sources.append(first->text(6));
        }
        first->reset();
        if (v.conflict >= 0 || v.documents > 1) {
            v.sources.clear();
            while (sources->step())
                v.sources.append(sources->text(0));
        }
        sources->reset();
    }

    docs->bind(1, series.metricKey).bind(2, series.unit);
    where.bind(*docs);
    std::vector<std::int64_t> ids;
    while (docs->step())
        ids.push_back(docs->int64(0));
    auto refs = documentRefs(ids);
    if (!refs)
        return Error{refs.error()};
    series.documents = std::move(*refs);
    return series;
}

Result<std::vector<Evidence>> ChartQuery::statisticEvidence(const DocumentFilter& filter, const QString& metricKey,
                                                            const QString& unit, const StatisticValue& value, int limit)
{
    const FilterSql where(filter, QStringLiteral("st.document_id"), 7);
    auto stmt = prepare(*m_db, QStringLiteral("SELECT st.document_id, d.file_name, d.title, s.ordinal, s.text,"
                                              " st.span_start, st.span_end FROM statistics st"
                                              " JOIN documents d ON d.id = st.document_id"
                                              " JOIN sentences s ON s.id = st.sentence_id"
                                              " WHERE st.metric_key = ?1 AND st.unit = ?2 AND st.subject = ?3"
                                              " AND coalesce(st.period, '') = ?4 AND st.value = ?5%1"
                                              " ORDER BY d.file_name, s.ordinal LIMIT ?6")
                                   .arg(where.conditions()));
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, metricKey).bind(2, unit).bind(3, value.subject).bind(4, value.period).bind(5, value.value).bind(6, limit);
    where.bind(*stmt);
    return readEvidence(*stmt);
}

Result<std::vector<EntityDocuments>> ChartQuery::documentsPerEntity(const DocumentFilter& filter, EntityKind kind,
                                                                    int limit)
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
    while (stmt->step())
        out.push_back({stmt->text(0), stmt->integer(1)});
    if (!stmt->status())
        return failed("counting documents per entity", *stmt);
    return out;
}

Result<std::vector<Evidence>> ChartQuery::entityEvidence(const DocumentFilter& filter, EntityKind kind,
                                                         const QString& name, int limit)
{
    // min(m.id) picks each document's first mention; the other columns come from that row
    const FilterSql where(filter, QStringLiteral("m.document_id"), 4);
    auto stmt = prepare(*m_db, QStringLiteral("SELECT min(m.id), m.document_id, d.file_name, d.title, s.ordinal, s.text,"
                                              " m.span_start, m.span_end FROM mentions m"
                                              " JOIN documents d ON d.id = m.document_id"
                                              " JOIN sentences s ON s.id = m.sentence_id"
                                              " WHERE m.entity_id = (SELECT id FROM entities WHERE kind = ?1 AND name = ?2)%1"
                                              " GROUP BY m.document_id ORDER BY m.document_id LIMIT ?3")
                                   .arg(where.conditions()));
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, entityKindName(kind)).bind(2, name).bind(3, limit);
    where.bind(*stmt);
    return readEvidence(*stmt, 1);
}

Result<QStringList> ChartQuery::selectedCompanies(const DocumentFilter& filter, int limit)
{
    if (!filter.companies.isEmpty())
        return filter.companies;
    auto top = documentsPerEntity(filter, EntityKind::Company, limit);
    if (!top)
        return Error{top.error()};
    QStringList out;
    for (const EntityDocuments& e : *top)
        out.append(e.name);
    return out;
}

Result<ClaimsOverTime> ChartQuery::claimsOverTime(const DocumentFilter& filter, const QStringList& companies,
                                                  TimeBucket bucket)
{
    ClaimsOverTime out;
    out.bucket = bucket;
    out.companies = companies;
    out.counts.assign(static_cast<size_t>(companies.size()), {});
    if (companies.isEmpty())
        return out;
    const int n = static_cast<int>(companies.size());
    const FilterSql where(filter, QStringLiteral("c.document_id"), n + 1);
    // A claim's actors are named in its document, so when the filter is only companies and every
    // stack is one of them, the filter keeps all of each stack's claims: the aggregate is exact.
    DocumentFilter companiesOnly;
    companiesOnly.companies = filter.companies;
    const bool exact = filter.isEmpty() || (filter == companiesOnly && std::all_of(companies.begin(), companies.end(), [&](const QString& c) {
                                                return filter.companies.contains(c);
                                            }));
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
    QMap<QString, QHash<QString, int>> byPeriod;  // period -> company -> claims, periods sorted
    while (stmt->step()) {
        const QString company = stmt->text(0);
        const QString month = stmt->text(1);
        const int claims = stmt->integer(2);
        if (month.isEmpty()) {
            out.undated += claims;
            continue;
        }
        if (bucket == TimeBucket::Month && month.size() < 7) {
            out.yearOnly += claims;
            continue;
        }
        byPeriod[bucket == TimeBucket::Year ? month.left(4) : month][company] += claims;
    }
    if (!stmt->status())
        return failed("counting claims over time", *stmt);
    for (auto it = byPeriod.cbegin(); it != byPeriod.cend(); ++it) {
        out.periods.append(it.key());
        for (int i = 0; i < n; ++i)
            out.counts[static_cast<size_t>(i)].push_back(it->value(companies.at(i)));
    }
    return out;
}

Result<std::vector<Evidence>> ChartQuery::claimEvidence(const DocumentFilter& filter, const QString& company,
                                                        const QString& period, int limit)
{
    const FilterSql where(filter, QStringLiteral("c.document_id"), 4);
    auto stmt = prepare(*m_db, QStringLiteral("SELECT c.document_id, d.file_name, d.title, s.ordinal, s.text,"
                                              " s.span_start, s.span_end FROM claim_actors ca"
                                              " JOIN claims c ON c.id = ca.claim_id"
                                              " JOIN documents d ON d.id = c.document_id"
                                              " JOIN sentences s ON s.id = c.sentence_id"
                                              " WHERE ca.entity_id = (SELECT id FROM entities WHERE kind = 'company'"
                                              " AND name = ?1) AND (%2 = ?2 OR (?2 <> '' AND %2 LIKE ?2 || '-%'))%1"
                                              " ORDER BY c.id LIMIT ?3")
                                   .arg(where.conditions(), QLatin1String(kClaimWhen)));
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, company).bind(2, period.isNull() ? QStringLiteral("") : period).bind(3, limit);
    where.bind(*stmt);
    return readEvidence(*stmt);
}

Result<TimelineClaims> ChartQuery::timelineClaims(const DocumentFilter& filter, int limit)
{
    // Claims in document order, which the claims_document index walks (and the filter's document
    // list joins) without sorting a million rows; dated and ordered here.
    const FilterSql where(filter, QStringLiteral("c.document_id"), 2);
    auto stmt = prepare(*m_db, QStringLiteral("SELECT c.id, c.document_id, s.ordinal, s.text, c.date, c.date_precision,"
                                              " d.published, d.published_precision, coalesce(c.source, d.source),"
                                              " d.file_name, (SELECT group_concat(e.kind || ':' || e.name, '|')"
                                              " FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
                                              " WHERE ca.claim_id = c.id)"
                                              " FROM claims c JOIN documents d ON d.id = c.document_id"
                                              " JOIN sentences s ON s.id = c.sentence_id WHERE 1%1"
                                              " ORDER BY c.document_id, c.id LIMIT ?1")
                                   .arg(where.conditions()));
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, limit + 1);  // one more than shown says whether there are more
    where.bind(*stmt);
    TimelineClaims out;
    while (stmt->step()) {
        TimelineClaim c;
        c.id = stmt->int64(0);
        c.documentId = stmt->int64(1);
        c.sentenceOrdinal = stmt->integer(2);
        c.text = stmt->text(3);
        if (!stmt->isNull(4)) {
            c.date = PartialDate::fromIso(stmt->text(4));
            c.date.precision = static_cast<DatePrecision>(stmt->integer(5));
        } else if (!stmt->isNull(6)) {
            c.date = PartialDate::fromIso(stmt->text(6));
            c.date.precision = static_cast<DatePrecision>(stmt->integer(7));
            c.datedByDocument = c.date.isValid();
        }
        c.source = stmt->text(8);
        c.fileName = stmt->text(9);
        for (const QString& actor : stmt->text(10).split(u'|', Qt::SkipEmptyParts)) {
            const qsizetype colon = actor.indexOf(u':');
            const QString kind = actor.left(colon), name = actor.mid(colon + 1);
            if (kind == QStringLiteral("company"))
                c.actors.append(name);
            else if (kind == QStringLiteral("country"))
                c.countries.append(name);
        }
        out.claims.push_back(std::move(c));
    }
    if (!stmt->status())
        return failed("reading the claims", *stmt);
    if (static_cast<int>(out.claims.size()) > limit) {
        out.claims.pop_back();
        out.truncated = true;
    }
    auto key = [](const TimelineClaim& c) { return std::make_tuple(!c.date.isValid(), c.date.year, c.date.month, c.date.day); };
    std::stable_sort(out.claims.begin(), out.claims.end(),
                     [&](const TimelineClaim& a, const TimelineClaim& b) { return key(a) < key(b); });
    return out;
}

Result<int> ChartQuery::documentCount(const DocumentFilter& filter)
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

Result<std::vector<DocumentRef>> ChartQuery::documentRefs(const std::vector<std::int64_t>& ids)
{
    auto stmt = m_db->prepare("SELECT id, file_name, coalesce(title, ''), coalesce(source, '') FROM documents WHERE id = ?1");
    if (!stmt)
        return Error{stmt.error()};
    std::vector<DocumentRef> out;
    out.reserve(ids.size());
    for (std::int64_t id : ids) {
        stmt->bind(1, id);
        if (stmt->step())
            out.push_back({stmt->int64(0), stmt->text(1), stmt->text(2), stmt->text(3)});
        stmt->reset();
    }
    return out;
}

}  // namespace claimlens
