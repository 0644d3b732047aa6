#include "query/ChartQuery.h"

#include "knowledge/Knowledge.h"
#include "query/ChartIndex.h"

#include <QHash>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <unordered_map>

namespace claimlens {
namespace {

/// A value's first statistic as both paths read it: document, sentence id, ordinal, span, text in
/// columns 0 to 5, and where the sentence starts and the statistic's qualifier in the two columns
/// from `sentenceStartColumn`.
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

/// Subjects by their largest value, largest first; within a subject, by period, then the largest
/// value first.
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

/// Claims of a company in a month ('YYYY-MM', 'YYYY' or '') into their period.
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

void finishClaims(ClaimsOverTime& out, const QMap<QString, QHash<QString, int>>& byPeriod, const QStringList& companies)
{
    for (auto it = byPeriod.cbegin(); it != byPeriod.cend(); ++it) {
        out.periods.append(it.key());
        for (qsizetype i = 0; i < companies.size(); ++i)
            out.counts[static_cast<size_t>(i)].push_back(it->value(companies.at(i)));
    }
}

/// The connection's index and the documents the filter lets through.
struct Indexed {
    std::shared_ptr<const ChartIndex> index;
    DocumentSet documents;
};

Result<Indexed> indexedDocuments(Database& db, const DocumentFilter& filter)
{
    auto index = ChartIndex::forDatabase(db);
    if (!index)
        return Error{index.error()};
    auto documents = (*index)->documents(db, filter);
    if (!documents)
        return Error{documents.error()};
    return Indexed{std::move(*index), std::move(*documents)};
}

}  // namespace

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
    if (indexed(filter)) {
        auto found = indexedDocuments(*m_db, filter);
        if (!found)
            return Error{found.error()};
        const ChartIndex& x = *found->index;
        const DocumentSet& docs = found->documents;
        const auto metrics = static_cast<size_t>(x.metricKeys().size());
        std::vector<int> values(metrics, 0), documents(metrics, 0), lastDoc(metrics, -1);
        const auto& stats = x.statistics();
        docs.forEach([&](int d) {
            const auto [first, end] = x.documentStatistics(d);
            for (std::uint32_t i = first; i < end; ++i) {
                const auto m = static_cast<size_t>(stats[i].metric);
                ++values[m];
                if (lastDoc[m] != d) {
                    lastDoc[m] = d;
                    ++documents[m];
                }
            }
        });
        std::vector<int> order;
        for (size_t m = 0; m < metrics; ++m)
            if (values[m] > 0)
                order.push_back(static_cast<int>(m));
        // as ORDER BY count(*) DESC, metric_key, unit
        std::sort(order.begin(), order.end(), [&](int a, int b) {
            if (values[static_cast<size_t>(a)] != values[static_cast<size_t>(b)])
                return values[static_cast<size_t>(a)] > values[static_cast<size_t>(b)];
            if (x.metricKeys()[a] != x.metricKeys()[b])
                return x.metricKeyRank(a) < x.metricKeyRank(b);
            return x.metricUnitRank(a) < x.metricUnitRank(b);
        });
        std::vector<MetricCount> out;
        for (int m : order) {
            const QString& key = x.metricKeys()[m];
            out.push_back({key, metricLabelFor(key), x.metricUnits()[m], values[static_cast<size_t>(m)],
                           documents[static_cast<size_t>(m)]});
        }
        return out;
    }
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
    while (stmt->step()) {
        const QString key = stmt->text(0);
        out.push_back({key, metricLabelFor(key), stmt->text(1), stmt->integer(2), stmt->integer(3)});
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

    if (indexed(filter)) {
        auto filtered = indexedDocuments(*m_db, filter);
        if (!filtered)
            return Error{filtered.error()};
        const ChartIndex& x = *filtered->index;
        const DocumentSet& docs = filtered->documents;
        const int metricIndex = x.metric(series.metricKey, series.unit);
        if (metricIndex < 0)
            return series;
        const auto& stats = x.statistics();
        // as GROUP BY subject, period, value over the filtered documents; the statistics_metric
        // order (subject, then id) visits a group's statistics in id order
        struct Group {
            int value;  // index into series.values
            int kind;
            std::vector<int> documents;
            std::vector<int> sources;  // distinct display sources in id order, at most 6
        };
        struct Key {
            int subject, period;
            double value;
            bool operator==(const Key& o) const { return subject == o.subject && period == o.period && value == o.value; }
        };
        struct KeyHash {
            size_t operator()(const Key& k) const
            {
                std::uint64_t bits;
                std::memcpy(&bits, &k.value, sizeof bits);
                return std::hash<std::uint64_t>()(bits ^ (std::uint64_t(k.subject) << 32) ^ std::uint64_t(k.period) * 0x9e3779b97f4a7c15ull);
            }
        };
        std::unordered_map<Key, Group, KeyHash> groups;
        std::vector<Group*> byValue;
        std::vector<std::int64_t> docIds;  // DISTINCT st.document_id in the same walk, the first 100
        std::vector<bool> seenDoc(static_cast<size_t>(x.documentCount()), false);
        for (std::uint32_t i : x.metricStatistics(metricIndex)) {
            const ChartIndex::Statistic& st = stats[i];
            if (!docs.has(st.doc))
                continue;
            if (docIds.size() < 100 && !seenDoc[static_cast<size_t>(st.doc)]) {
                seenDoc[static_cast<size_t>(st.doc)] = true;
                docIds.push_back(x.documentId(st.doc));
            }
            auto [it, inserted] = groups.try_emplace(Key{st.subject, st.period, st.value});
            Group& g = it->second;
            if (inserted) {
                g.value = static_cast<int>(series.values.size());
                g.kind = st.subjectKind;
                StatisticValue v;
                v.subject = x.subjects()[st.subject];
                v.period = x.periods()[st.period];
                v.value = st.value;
                v.statisticId = st.id;
                series.values.push_back(std::move(v));
                byValue.push_back(&g);
            }
            StatisticValue& v = series.values[static_cast<size_t>(g.value)];
            ++v.occurrences;
            v.statisticId = std::min<std::int64_t>(v.statisticId, st.id);
            if (st.subjectKind >= 0 && (g.kind < 0 || x.kindName(st.subjectKind) < x.kindName(g.kind)))
                g.kind = st.subjectKind;
            g.documents.push_back(st.doc);
            const int source = x.displaySource(st.doc);
            if (g.sources.size() < 6 && std::find(g.sources.begin(), g.sources.end(), source) == g.sources.end())
                g.sources.push_back(source);
        }
        for (size_t i = 0; i < series.values.size(); ++i) {
            Group& g = *byValue[i];
            std::sort(g.documents.begin(), g.documents.end());
            StatisticValue& v = series.values[i];
            v.documents = static_cast<int>(std::unique(g.documents.begin(), g.documents.end()) - g.documents.begin());
            v.subjectKind = g.kind >= 0 ? x.kindName(g.kind) : QString();
            for (int s : g.sources)
                v.sources.append(x.displaySources()[s]);
        }
        orderValues(series);
        // the first statistic of a bar, by id, for its click and label (the bars a plot can hold)
        auto first = m_db->prepare("SELECT st.document_id, st.sentence_id, s.ordinal, st.span_start, st.span_end, s.text,"
                                   " s.span_start, coalesce(st.qualifier, '') FROM statistics st JOIN sentences s ON s.id = st.sentence_id WHERE st.id = ?1");
        if (!first)
            return Error{first.error()};
        constexpr size_t kWithEvidence = 300;
        for (size_t i = 0; i < series.values.size(); ++i) {
            StatisticValue& v = series.values[i];
            if (i >= kWithEvidence) {
                v.sources.clear();
                v.statisticId = 0;
                continue;
            }
            first->bind(1, v.statisticId);
            if (first->step())
                readFirstSentence(*first, v, 6);
            first->reset();
            if (v.documents <= 1)
                v.sources = v.sources.mid(0, 1);  // the first statistic's own source
        }
        mergeReadings(series);
        if (Status counted = countMergedFacts(filter, series); !counted)
            return Error{counted.error()};
        markConflicts(series);
        auto refs = documentRefs(docIds);
        if (!refs)
            return Error{refs.error()};
        series.documents = std::move(*refs);
        return series;
    }

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
        if (first->step()) {
            readFirstSentence(*first, v, 8);
            v.statisticId = first->int64(7);
            v.sources.append(first->text(6));
        }
        first->reset();
        if (v.documents > 1) {
            v.sources.clear();
            while (sources->step())
                v.sources.append(sources->text(0));
        }
        sources->reset();
    }
    mergeReadings(series);
    if (Status counted = countMergedFacts(filter, series); !counted)
        return Error{counted.error()};
    markConflicts(series);

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
        while (stmt->step()) {
            ++v.documents;
            if (listSources && v.sources.size() < 6 && !v.sources.contains(stmt->text(1)))
                v.sources.append(stmt->text(1));
        }
        if (!stmt->status())
            return failed("counting a fact's documents", *stmt);
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
    if (indexed(filter)) {
        auto found = indexedDocuments(*m_db, filter);
        if (!found)
            return Error{found.error()};
        const ChartIndex& x = *found->index;
        const DocumentSet& docs = found->documents;
        const int wanted = x.kindCode(entityKindName(kind));
        std::vector<int> counts(static_cast<size_t>(x.entityCount()), 0);
        docs.forEach([&](int d) { x.forEachEntity(d, [&](int slot) { ++counts[static_cast<size_t>(slot)]; }); });
        std::vector<int> order;
        for (int slot = 0; slot < x.entityCount(); ++slot)
            if (counts[static_cast<size_t>(slot)] > 0 && x.entityKind(slot) == wanted)
                order.push_back(slot);
        // as ORDER BY n DESC, e.name
        auto before = [&](int a, int b) {
            const int na = counts[static_cast<size_t>(a)], nb = counts[static_cast<size_t>(b)];
            return na != nb ? na > nb : x.entityNameRank(a) < x.entityNameRank(b);
        };
        const size_t keep = limit > 0 ? std::min(order.size(), static_cast<size_t>(limit)) : order.size();
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(keep), order.end(), before);
        std::vector<EntityDocuments> out;
        for (size_t i = 0; i < keep; ++i)
            out.push_back({x.entityName(order[i]), counts[static_cast<size_t>(order[i])]});
        return out;
    }
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
    if (!exact && m_path == ChartPath::Index) {
        auto found = indexedDocuments(*m_db, filter);
        if (!found)
            return Error{found.error()};
        const ChartIndex& x = *found->index;
        const DocumentSet& docs = found->documents;
        const std::vector<int> slots = x.entitySlots(QStringLiteral("company"), companies);
        std::vector<int> stack(static_cast<size_t>(x.entityCount()), -1);
        for (size_t i = 0; i < slots.size(); ++i)
            stack[static_cast<size_t>(slots[i])] = static_cast<int>(i);
        const auto months = static_cast<size_t>(x.months().size());
        std::vector<int> counts(slots.size() * months, 0);  // [stack][month]
        docs.forEach([&](int d) {
            const auto [first, end] = x.documentClaims(d);
            for (std::uint32_t c = first; c < end; ++c)
                x.forEachActor(c, [&](int slot) {
                    if (const int s = stack[static_cast<size_t>(slot)]; s >= 0)
                        ++counts[static_cast<size_t>(s) * months + static_cast<size_t>(x.claimMonth(c))];
                });
        });
        QMap<QString, QHash<QString, int>> byPeriod;
        for (size_t s = 0; s < slots.size(); ++s)
            for (size_t m = 0; m < months; ++m)
                if (const int claims = counts[s * months + m]; claims > 0)
                    countClaims(out, byPeriod, bucket, x.entityName(slots[s]), x.months()[static_cast<qsizetype>(m)], claims);
        finishClaims(out, byPeriod, companies);
        return out;
    }
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
    while (stmt->step())
        countClaims(out, byPeriod, bucket, stmt->text(0), stmt->text(1), stmt->integer(2));
    if (!stmt->status())
        return failed("counting claims over time", *stmt);
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
    if (indexed(filter)) {
        auto found = indexedDocuments(*m_db, filter);
        if (!found)
            return Error{found.error()};
        const ChartIndex& x = *found->index;
        const DocumentSet& docs = found->documents;
        // the claims, their documents and actors from the index; the sentence, date, source and
        // file name by id (the index keeps no text per document)
        auto stmt = m_db->prepare("SELECT s.ordinal, s.text, c.date, c.date_precision, coalesce(c.source, d.source),"
                                  " d.file_name FROM claims c JOIN sentences s ON s.id = c.sentence_id"
                                  " JOIN documents d ON d.id = c.document_id WHERE c.id = ?1");
        if (!stmt)
            return Error{stmt.error()};
        const int company = x.kindCode(QStringLiteral("company")), country = x.kindCode(QStringLiteral("country"));
        TimelineClaims out;
        for (int d = 0; d < x.documentCount() && !out.truncated; ++d) {
            if (!docs.has(d))
                continue;
            const auto [first, end] = x.documentClaims(d);
            for (std::uint32_t i = first; i < end; ++i) {
                if (static_cast<int>(out.claims.size()) >= limit) {
                    out.truncated = true;
                    break;
                }
                stmt->bind(1, x.claimId(i));
                if (!stmt->step()) {
                    if (!stmt->status())
                        return failed("reading the claims", *stmt);
                    stmt->reset();
                    continue;
                }
                TimelineClaim c;
                c.id = x.claimId(i);
                c.documentId = x.documentId(d);
                c.sentenceOrdinal = stmt->integer(0);
                c.text = stmt->text(1);
                c.event = PartialDate::fromStored(stmt->text(2), stmt->integer(3));
                c.reported = PartialDate::fromStored(x.published(d), x.publishedPrecision(d));
                c.source = stmt->text(4);
                c.fileName = stmt->text(5);
                x.forEachActor(i, [&](int slot) {
                    if (x.entityKind(slot) == company)
                        c.actors.append(x.entityName(slot));
                    else if (x.entityKind(slot) == country)
                        c.countries.append(x.entityName(slot));
                });
                stmt->reset();
                out.claims.push_back(std::move(c));
            }
        }
        dateTimeline(out.claims, TimelineDating::Event);
        return out;
    }
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
        c.event = PartialDate::fromStored(stmt->text(4), stmt->integer(5));
        c.reported = PartialDate::fromStored(stmt->text(6), stmt->integer(7));
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
    dateTimeline(out.claims, TimelineDating::Event);
    return out;
}

Result<int> ChartQuery::documentCount(const DocumentFilter& filter)
{
    if (indexed(filter)) {
        auto found = indexedDocuments(*m_db, filter);
        if (!found)
            return Error{found.error()};
        return found->documents.count;
    }
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
