#include "query/ChartQuery.h"

#include "knowledge/Knowledge.h"
#include "query/ChartIndex.h"
#include "query/ChartQueryParts.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <memory>

namespace claimlens {

namespace chartquery {

void readFirstSentence(const Statement& row, StatisticValue& v, int sentenceStartColumn)
{
    v.sentenceStart = row.int64(sentenceStartColumn);
    v.qualifier = row.text(sentenceStartColumn + 1);
    v.documentId = row.int64(0);
    v.sentenceId = row.int64(1);
    v.sentenceOrdinal = row.integer(2);
    v.start = row.int64(3);
    v.end = row.int64(4);
    v.sentence = row.text(5);
}

Result<Statement> prepare(Database& db, const QString& sql)
{
    return db.prepare(sql.toUtf8().constData());
}

Error failed(const char* what, const Status& status)
{
    return Error{QStringLiteral("%1: %2").arg(QLatin1String(what), status.error())};
}

Error failed(const char* what, const Statement& stmt)
{
    return failed(what, stmt.status());
}

void orderValues(StatisticSeries& series)
{
    QHash<QString, double> largest;
    for (const StatisticValue& v : series.values)
        largest[v.subject] = std::max(largest.value(v.subject, v.high), std::max(v.value, v.high));
    std::stable_sort(series.values.begin(), series.values.end(), [&](const StatisticValue& a, const StatisticValue& b) {
        if (a.subject != b.subject) {
            const double la = largest.value(a.subject), lb = largest.value(b.subject);
            return la != lb ? la > lb : a.subject < b.subject;
        }
        if (a.period != b.period)
            return a.period < b.period;
        return a.value > b.value;
    });
}

void countClaims(ClaimsOverTime& out, QMap<QString, QHash<QString, int>>& byPeriod, TimeBucket bucket,
                 const QString& company, const QString& month, int claims)
{
    if (month.isEmpty()) {
        out.undated += claims;
        return;
    }
    if (bucket == TimeBucket::Month && month.size() < 7) {
        out.yearOnly += claims;
        return;
    }
    byPeriod[bucket == TimeBucket::Year ? month.left(4) : month][company] += claims;
}

}  // namespace chartquery

namespace {

using namespace chartquery;

Result<std::vector<Evidence>> readEvidence(Statement& stmt, int firstColumn = 0)
{
    std::vector<Evidence> out;
    const int c = firstColumn;
    if (Status s = stmt.forEach([&](const Statement& row) {
            out.push_back({row.int64(c), row.text(c + 1), row.text(c + 2), row.integer(c + 3), row.text(c + 4),
                           row.int64(c + 5), row.int64(c + 6)});
        });
        !s)
        return Error{QStringLiteral("cannot read the sentences behind the mark: %1").arg(s.error())};
    return out;
}

QString metricLabel(const QString& key, const QString& fallback)
{
    for (const Metric& m : Knowledge::defaults()->metrics())
        if (m.key == key)
            return m.label;
    return fallback;
}

/// The place of a number's last significant digit: 6,300 -> 100, 6,276 -> 1, 2.6e12 -> 1e11.
double lastDigit(double v)
{
    v = std::abs(v);
    if (v == 0)
        return 1;
    for (int e = 15; e >= -6; --e) {
        const double p = std::pow(10.0, e);
        const double q = v / p;
        if (q >= 1 && std::abs(q - std::round(q)) < 1e-9 * q)
            return p;
    }
    return 1e-6;
}

/// Two readings of one figure: equal, or equal once the more precise is rounded to the other's last
/// digit (6,276 and "around 6,300"), and then no more than 2% apart (50% is not 54%).
bool agree(double a, double b)
{
    if (a == b)
        return true;
    const double big = std::max(std::abs(a), std::abs(b));
    const double tolerance = std::min(0.5 * std::max(lastDigit(a), lastDigit(b)), 0.02 * big);
    return std::abs(a - b) <= tolerance * (1 + 1e-12);
}

/// Folds `from` into `into`: `into` keeps its value and its evidence.
void absorb(StatisticValue& into, const StatisticValue& from)
{
    into.occurrences += from.occurrences;
    into.reviewed += from.reviewed;
    const bool sameDocument = into.documents == 1 && from.documents == 1 && into.documentId != 0 &&
                              into.documentId == from.documentId;
    if (!sameDocument)
        into.documents += from.documents;
    for (const QString& s : from.sources)
        if (into.sources.size() < 6 && !into.sources.contains(s))
            into.sources.append(s);
    into.readings.insert(into.readings.end(), from.readings.begin(), from.readings.end());
    if (into.subjectKind.isEmpty())
        into.subjectKind = from.subjectKind;
}

/// "between 500 and 999", "$2.6 to $4.4 trillion", "20-50 times": two readings one sentence joins
/// as the bounds of a range. "from 10% to 15%" is a change, two levels, not a range.
bool joinedAsRange(const StatisticValue& low, const StatisticValue& high)
{
    static const QRegularExpression gap(QStringLiteral("^\\s*(?:to|and|-|\\x{2013}|\\x{2014})\\s*(?:US\\$|\\$|\\x{00a5}|\\x{20ac}|RMB|CNY)?\\s*$"),
                                        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    static const QRegularExpression from(QStringLiteral("\\bfrom\\s*(?:US\\$|\\$)?\\s*$"), QRegularExpression::CaseInsensitiveOption);
    if (low.sentenceId == 0 || low.sentenceId != high.sentenceId || low.end > high.start || low.start < low.sentenceStart)
        return false;
    const QString& text = low.sentence;
    const qsizetype a = low.end - low.sentenceStart, b = high.start - low.sentenceStart;
    if (b > text.size() || b - a > 12)
        return false;
    return gap.match(QStringView(text).sliced(a, b - a)).hasMatch() &&
           !from.match(QStringView(text).first(low.start - low.sentenceStart)).hasMatch();
}

/// Readings into facts: one mark per subject, metric and period. A range's bounds become one range;
/// a figure given without its period joins the same figure given with one; readings that agree
/// within rounding are one fact, the most precise leading.
void mergeReadings(StatisticSeries& series)
{
    std::vector<StatisticValue>& values = series.values;
    for (StatisticValue& v : values)
        if (v.readings.empty())
            v.readings.push_back({v.period, v.value});
    std::vector<bool> gone(values.size(), false);
    auto sameGroup = [&](size_t i, size_t j) {
        return values[i].subject == values[j].subject && values[i].period == values[j].period;
    };
    // ranges
    for (size_t i = 0; i < values.size(); ++i)
        for (size_t j = 0; j < values.size() && !gone[i]; ++j)
            if (i != j && !gone[j] && !values[i].isRange() && !values[j].isRange() && sameGroup(i, j) &&
                values[j].value > values[i].value && joinedAsRange(values[i], values[j])) {
                values[i].high = values[j].value;
                absorb(values[i], values[j]);
                gone[j] = true;
            }
    // readings that agree, the most precise first; a reading without a period joins a dated one
    std::vector<size_t> order;
    for (size_t i = 0; i < values.size(); ++i)
        if (!gone[i])
            order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        if (values[a].period.isEmpty() != values[b].period.isEmpty())
            return !values[a].period.isEmpty();
        return lastDigit(values[a].value) < lastDigit(values[b].value);
    });
    for (size_t k = 0; k < order.size(); ++k) {
        const size_t j = order[k];
        if (values[j].isRange())
            continue;
        for (size_t m = 0; m < k; ++m) {
            const size_t i = order[m];
            if (gone[i] || values[i].isRange() || values[i].subject != values[j].subject ||
                !(values[i].period == values[j].period || values[j].period.isEmpty()) ||
                !agree(values[i].value, values[j].value))
                continue;
            absorb(values[i], values[j]);
            gone[j] = true;
            break;
        }
    }
    std::vector<StatisticValue> kept;
    for (size_t i = 0; i < values.size(); ++i)
        if (!gone[i])
            kept.push_back(std::move(values[i]));
    values = std::move(kept);
}

/// Documents disagree only when one subject and period keep several facts that come from more
/// than one document. Orders the values.
void markConflicts(StatisticSeries& series)
{
    std::vector<StatisticValue>& values = series.values;
    orderValues(series);
    for (StatisticValue& v : values)
        v.conflict = -1;
    for (size_t i = 0; i < values.size();) {
        size_t j = i;
        bool oneDocument = true;
        while (j < values.size() && values[j].subject == values[i].subject && values[j].period == values[i].period) {
            oneDocument = oneDocument && values[j].documents == 1 && values[j].documentId != 0 &&
                          values[j].documentId == values[i].documentId;
            ++j;
        }
        if (j - i > 1 && !oneDocument) {
            ConflictGroup g{values[i].subject, values[i].period, {}};
            for (size_t k = i; k < j; ++k) {
                g.values.push_back(values[k].value);
                values[k].conflict = static_cast<int>(series.conflicts.size());
            }
            series.conflicts.push_back(std::move(g));
        }
        i = j;
    }
}

void finishClaims(ClaimsOverTime& out, const QMap<QString, QHash<QString, int>>& byPeriod, const QStringList& companies)
{
    for (auto it = byPeriod.cbegin(); it != byPeriod.cend(); ++it) {
        out.periods.append(it.key());
        for (qsizetype i = 0; i < companies.size(); ++i)
            out.counts[static_cast<size_t>(i)].push_back(it->value(companies.at(i)));
    }
}

}  // namespace

ChartQuery::ChartQuery(Database& db, ChartPath path, ChartIndexCache* cache) : m_db(&db), m_path(path), m_cache(cache) {}

ChartQuery::~ChartQuery() = default;

ChartIndexCache& ChartQuery::indexCache()
{
    if (!m_cache) {
        m_ownCache = std::make_unique<ChartIndexCache>();
        m_cache = m_ownCache.get();
    }
    return *m_cache;
}

void dateTimeline(std::vector<TimelineClaim>& claims, TimelineDating dating)
{
    for (TimelineClaim& c : claims) {
        const bool byEvent = dating == TimelineDating::Event && c.event.isValid();
        c.date = byEvent ? c.event : c.reported;
        c.datedByDocument = dating == TimelineDating::Event && !byEvent && c.date.isValid();
    }
    auto key = [](const TimelineClaim& c) { return std::make_tuple(!c.date.isValid(), c.date.year, c.date.month, c.date.day); };
    std::stable_sort(claims.begin(), claims.end(), [&](const TimelineClaim& a, const TimelineClaim& b) { return key(a) < key(b); });
}

bool valuesAgree(double a, double b)
{
    return agree(a, b);
}

QString unitSymbol(const QString& unit)
{
    if (unit == QStringLiteral("percent"))
        return QStringLiteral("%");
    if (unit == QStringLiteral("count") || unit.isEmpty())
        return QStringLiteral("count");
    return unit.toUpper();  // currencies: usd -> USD, cny -> CNY
}

QString ChartQuery::metricLabelFor(const QString& key)
{
    QString label = metricLabel(key, {});
    if (!label.isEmpty())
        return label;
    // "share_price_change": how much a measure rose or fell, not what it stands at
    static const QString change = QStringLiteral("_change");
    if (key.endsWith(change))
        if (const QString base = metricLabel(key.chopped(change.size()), {}); !base.isEmpty())
            return QStringLiteral("%1: change").arg(base);
    // a metric the vocabulary does not name: the articles' own words
    auto words = m_db->prepare("SELECT metric FROM statistics WHERE metric_key = ?1 LIMIT 1");
    if (!words)
        return key;
    words->bind(1, key);
    return words->step() ? words->text(0) : key;
}

Result<std::vector<MetricCount>> ChartQuery::metrics(const DocumentFilter& filter)
{
    return indexed(filter) ? metricsInMemory(filter) : metricsSql(filter);
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

    // the values by subject, period and value, ordered, the first bars with their evidence
    auto ids = indexed(filter) ? statisticValuesInMemory(filter, series) : statisticValuesSql(filter, series);
    if (!ids)
        return Error{ids.error()};
    mergeReadings(series);
    if (Status counted = countMergedFacts(filter, series); !counted)
        return Error{counted.error()};
    markConflicts(series);
    auto refs = documentRefs(*ids);
    if (!refs)
        return Error{refs.error()};
    series.documents = std::move(*refs);
    return series;
}

namespace {

/// " AND (period, value) IN (VALUES (?N, ?N+1), ...)" for a fact's readings from parameter `first`.
QString readingsCondition(const StatisticValue& fact, int first)
{
    QStringList pairs;
    for (size_t i = 0; i < std::max<size_t>(1, fact.readings.size()); ++i)
        pairs.append(QStringLiteral("(?%1, ?%2)").arg(first + 2 * static_cast<int>(i)).arg(first + 1 + 2 * static_cast<int>(i)));
    return QStringLiteral(" AND (coalesce(st.period, ''), st.value) IN (VALUES %1)").arg(pairs.join(u','));
}

/// Binds what readingsCondition asks for; returns the next parameter's number.
int bindReadings(Statement& stmt, const StatisticValue& fact, int first)
{
    if (fact.readings.empty()) {
        stmt.bind(first, fact.period).bind(first + 1, fact.value);
        return first + 2;
    }
    for (const StatisticValue::Reading& r : fact.readings) {
        stmt.bind(first, r.period).bind(first + 1, r.value);
        first += 2;
    }
    return first;
}

}  // namespace

Status ChartQuery::countMergedFacts(const DocumentFilter& filter, StatisticSeries& series)
{
    for (StatisticValue& v : series.values) {
        if (v.readings.size() < 2)
            continue;
        const int filterFirst = 4 + 2 * static_cast<int>(v.readings.size());
        const FilterSql where(filter, QStringLiteral("st.document_id"), filterFirst);
        auto stmt = prepare(*m_db, QStringLiteral("SELECT DISTINCT st.document_id, coalesce(d.source, d.file_name)"
                                                  " FROM statistics st JOIN documents d ON d.id = st.document_id"
                                                  " WHERE st.metric_key = ?1 AND st.unit = ?2 AND st.subject = ?3%1%2"
                                                  " ORDER BY st.document_id")
                                       .arg(readingsCondition(v, 4), where.conditions()));
        if (!stmt)
            return Error{stmt.error()};
        stmt->bind(1, series.metricKey).bind(2, series.unit).bind(3, v.subject);
        bindReadings(*stmt, v, 4);
        where.bind(*stmt);
        const bool listSources = !v.sources.isEmpty();  // beyond the bars with evidence none are listed
        v.documents = 0;
        v.sources.clear();
        if (Status s = stmt->forEach([&](const Statement& row) {
                ++v.documents;
                if (listSources && v.sources.size() < 6 && !v.sources.contains(row.text(1)))
                    v.sources.append(row.text(1));
            });
            !s)
            return failed("counting a fact's documents", s);
    }
    return {};
}

Result<std::vector<Evidence>> ChartQuery::statisticEvidence(const DocumentFilter& filter, const QString& metricKey,
                                                            const QString& unit, const StatisticValue& value, int limit)
{
    const int filterFirst = 5 + 2 * static_cast<int>(std::max<size_t>(1, value.readings.size()));
    const FilterSql where(filter, QStringLiteral("st.document_id"), filterFirst);
    auto stmt = prepare(*m_db, QStringLiteral("SELECT st.document_id, d.file_name, d.title, s.ordinal, s.text,"
                                              " st.span_start, st.span_end FROM statistics st"
                                              " JOIN documents d ON d.id = st.document_id"
                                              " JOIN sentences s ON s.id = st.sentence_id"
                                              " WHERE st.metric_key = ?1 AND st.unit = ?2 AND st.subject = ?3%2%1"
                                              " ORDER BY d.file_name, s.ordinal, st.span_start LIMIT ?4")
                                   .arg(where.conditions(), readingsCondition(value, 5)));
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, metricKey).bind(2, unit).bind(3, value.subject).bind(4, limit);
    bindReadings(*stmt, value, 5);
    where.bind(*stmt);
    return readEvidence(*stmt);
}

Result<std::vector<EntityDocuments>> ChartQuery::documentsPerEntity(const DocumentFilter& filter, EntityKind kind,
                                                                    int limit)
{
    return indexed(filter) ? documentsPerEntityInMemory(filter, kind, limit) : documentsPerEntitySql(filter, kind, limit);
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
    // A claim's actors are named in its document, so when the filter is only companies and every
    // stack is one of them, the filter keeps all of each stack's claims: the aggregate is exact.
    DocumentFilter companiesOnly;
    companiesOnly.companies = filter.companies;
    const bool exact = filter.isEmpty() || (filter == companiesOnly && std::all_of(companies.begin(), companies.end(), [&](const QString& c) {
                                                return filter.companies.contains(c);
                                            }));
    QMap<QString, QHash<QString, int>> byPeriod;  // period -> company -> claims, periods sorted
    const Status counted = !exact && m_path == ChartPath::Index ? claimsInMemory(filter, out, byPeriod)
                                                                : claimsSql(filter, exact, out, byPeriod);
    if (!counted)
        return Error{counted.error()};
    finishClaims(out, byPeriod, companies);
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
    // list joins) without sorting a million rows; dated and ordered here. Under a filter the index
    // picks the claims and SQL reads them by id.
    auto out = indexed(filter) ? timelineClaimsInMemory(filter, limit) : timelineClaimsSql(filter, limit);
    if (out)
        dateTimeline(out->claims, TimelineDating::Event);
    return out;
}

Result<int> ChartQuery::documentCount(const DocumentFilter& filter)
{
    return indexed(filter) ? documentCountInMemory(filter) : documentCountSql(filter);
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
        auto found = stmt->stepOne();
        if (!found)
            return Error{QStringLiteral("reading the documents behind the chart: %1").arg(found.error())};
        if (*found)
            out.push_back({stmt->int64(0), stmt->text(1), stmt->text(2), stmt->text(3)});
        stmt->reset();
    }
    return out;
}

}  // namespace claimlens
