#pragma once

#include "knowledge/Knowledge.h"
#include "query/DocumentFilter.h"
#include "store/Database.h"
#include "structure/Article.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <vector>

namespace claimlens {

class ChartIndexCache;

/// A metric the filtered documents report, for choosing what to compare.
struct MetricCount {
    QString key;    ///< metric_key ("patents")
    QString label;  ///< the knowledge's label, else the words the articles use most
    QString unit;   ///< "count", "percent", "usd", ...
    int values = 0;
    int documents = 0;
};

/// One value reported for a subject, with how many statistics and documents report it and the
/// first of them as its evidence.
struct StatisticValue {
    QString subject;
    QString subjectKind;  ///< "country", "company", ... ("" when the subject is no known entity)
    QString period;       ///< as the article gives it; empty when none
    double value = 0;
    int occurrences = 0;
    int documents = 0;
    int reviewed = 0;  ///< of the occurrences, how many an analyst confirmed, edited or added
    bool isReviewed() const { return occurrences > 0 && reviewed >= occurrences; }
    QStringList sources;  ///< each reporting document's source, else its file name; distinct
    // The first statistic with this value, so one click can open it.
    std::int64_t statisticId = 0;
    std::int64_t documentId = 0;
    std::int64_t sentenceId = 0;
    int sentenceOrdinal = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    QString sentence;
    /// Index into StatisticSeries::conflicts when documents disagree on this subject and period,
    /// else -1.
    int conflict = -1;
    /// A range's upper bound ("between 500 and 999 employees": value 500, high 999); 0 when the
    /// value is a single number.
    double high = 0;
    bool isRange() const { return high > value; }
    /// The stored readings this fact stands for: one, or several that agree (6,276 and "around
    /// 6,300"; a value given once with its period and once without; a range's two bounds).
    struct Reading {
        QString period;
        double value = 0;
    };
    std::vector<Reading> readings;
    qsizetype sentenceStart = 0;  ///< where `sentence` starts in the document's clean text
    QString qualifier;            ///< the leading reading's "more than", "about" ...; empty when exact
};

/// Values that disagree: the same subject, metric and period reported by different documents as
/// numbers that differ beyond rounding.
struct ConflictGroup {
    QString subject;
    QString period;
    std::vector<double> values;  ///< distinct, largest first
};

/// A document that values come from, for captions.
struct DocumentRef {
    std::int64_t id = 0;
    QString fileName;
    QString title;
    QString source;
};

/// The values of one metric (in one unit) by subject.
struct StatisticSeries {
    QString metricKey;
    QString label;
    QString unit;
    /// Subjects by their largest value, largest first; within a subject, largest value first.
    std::vector<StatisticValue> values;
    std::vector<ConflictGroup> conflicts;
    std::vector<DocumentRef> documents;  ///< the first documents the values come from (at most 100)
    int documentCount = 0;               ///< all of them
};

/// Documents naming an entity.
struct EntityDocuments {
    QString name;
    int documents = 0;
};

enum class TimeBucket { Year, Month };

/// Claims per period for a set of companies. A claim without a date of its own is dated by its
/// document's publication.
struct ClaimsOverTime {
    TimeBucket bucket = TimeBucket::Year;
    QStringList periods;    ///< "2024" or "2024-07", ascending, only periods with claims
    QStringList companies;  ///< the stacks, in the order asked
    /// counts[company][period]
    std::vector<std::vector<int>> counts;
    int undated = 0;    ///< claims of these companies with no date at all (not in `counts`)
    int yearOnly = 0;   ///< by month: claims known only to the year (not in `counts`)
};

/// A claim for the timeline.
struct TimelineClaim {
    std::int64_t id = 0;
    std::int64_t documentId = 0;
    int sentenceOrdinal = 0;
    QString text;
    PartialDate date;              ///< where the timeline plots it (see dateTimeline)
    bool datedByDocument = false;  ///< the claim has no date: the document's publication stands in
    PartialDate event;             ///< the date its sentence gives what it reports; invalid when none
    PartialDate reported;          ///< when it was reported: its document's publication
    QStringList actors;            ///< companies among its actors
    QStringList countries;         ///< countries among its actors
    QString source;                ///< cited source, else the document's source
    QString fileName;
    bool reviewed = false;         ///< an analyst confirmed, corrected or added it
};

/// What a timeline plots a claim at: when what it reports happens (its own date, else its
/// document's standing in), or when it was reported (its document's publication).
enum class TimelineDating { Event, Reported };

/// Sets each claim's `date` and `datedByDocument` for `dating` and orders them: dated first, by
/// date; then the undated, each in the order read.
void dateTimeline(std::vector<TimelineClaim>& claims, TimelineDating dating);

struct TimelineClaims {
    std::vector<TimelineClaim> claims;  ///< dated first, by date; then the undated
    /// The filter matches more claims than the limit (not counted: counting a million rows would
    /// cost more than reading the ones shown).
    bool truncated = false;
};

/// A sentence behind a chart mark.
struct Evidence {
    std::int64_t documentId = 0;
    QString fileName;
    QString title;
    int sentenceOrdinal = 0;
    QString sentence;
    qsizetype start = 0;  ///< span of what the mark counts, in the document's clean text
    qsizetype end = 0;
};

/// How a filtered chart is counted: through the in-memory ChartIndex (the default, what the
/// window and the CLI use) or through SQL over the base tables (the reference the tests compare
/// the index with). Unfiltered charts read the stored aggregates either way.
enum class ChartPath { Index, Sql };

/// The data behind every chart and the timeline. Each call follows a DocumentFilter; with an empty
/// filter the counts come from the per-entity per-month aggregate (entity_months) and the
/// statistic aggregates, and with a filter from the connection's ChartIndex, so that a large
/// database answers in milliseconds. The index comes from `cache`, which the connection's owner
/// keeps (the chart worker keeps one for its connection); without one the query keeps its own for
/// its lifetime. The in-memory path is ChartQueryIndex.cpp, the SQL path ChartQuerySql.cpp.
class ChartQuery {
public:
    explicit ChartQuery(Database& db, ChartPath path = ChartPath::Index, ChartIndexCache* cache = nullptr);
    ~ChartQuery();
    ChartQuery(const ChartQuery&) = delete;
    ChartQuery& operator=(const ChartQuery&) = delete;

    /// Metrics with their value and document counts, most values first.
    Result<std::vector<MetricCount>> metrics(const DocumentFilter& filter);
    /// The values reported for a metric (a key, or words of its label), by subject, with conflicts.
    /// An empty `unit` takes the unit the metric is reported in most.
    Result<StatisticSeries> statistics(const DocumentFilter& filter, const QString& metric, const QString& unit = {});
    /// Every sentence reporting a fact: each of its readings for a subject, metric and period.
    Result<std::vector<Evidence>> statisticEvidence(const DocumentFilter& filter, const QString& metricKey,
                                                    const QString& unit, const StatisticValue& value, int limit = 200);

    /// Entities of a kind ("company", "country") by documents naming them, most first; `limit` <= 0
    /// is no limit.
    Result<std::vector<EntityDocuments>> documentsPerEntity(const DocumentFilter& filter, EntityKind kind, int limit);
    /// The first mention of an entity in each filtered document naming it.
    Result<std::vector<Evidence>> entityEvidence(const DocumentFilter& filter, EntityKind kind, const QString& name,
                                                 int limit = 200);

    /// The companies charts stack and lanes follow: the filter's companies, else the `limit`
    /// companies naming the most filtered documents.
    Result<QStringList> selectedCompanies(const DocumentFilter& filter, int limit);
    /// Claims per year or month with each company among the actors.
    Result<ClaimsOverTime> claimsOverTime(const DocumentFilter& filter, const QStringList& companies, TimeBucket bucket);
    /// The claims of a company in a period ("2024", "2024-07").
    Result<std::vector<Evidence>> claimEvidence(const DocumentFilter& filter, const QString& company,
                                                const QString& period, int limit = 200);

    /// Claims for the timeline: the first `limit` in document order, dated by their events
    /// (dateTimeline).
    Result<TimelineClaims> timelineClaims(const DocumentFilter& filter, int limit = 20000);

    /// How many documents the filter lets through.
    Result<int> documentCount(const DocumentFilter& filter);
    /// The documents behind `ids`, for captions.
    Result<std::vector<DocumentRef>> documentRefs(const std::vector<std::int64_t>& ids);

private:
    using ClaimPeriods = QMap<QString, QHash<QString, int>>;  ///< period -> company -> claims

    bool indexed(const DocumentFilter& filter) const { return m_path == ChartPath::Index && !filter.isEmpty(); }
    ChartIndexCache& indexCache();
    QString metricLabelFor(const QString& key);
    /// The documents and sources of the facts that merged several readings, counted once each.
    Status countMergedFacts(const DocumentFilter& filter, StatisticSeries& series);

    // Each path fills the same shapes in the same order. statisticValues* fill series.values by
    // subject, period and value (ordered, the first bars with their first sentence and sources) and
    // return the first 100 documents they come from; claims* count into `byPeriod`.
    // The in-memory path, over the ChartIndex (ChartQueryIndex.cpp):
    Result<std::vector<MetricCount>> metricsInMemory(const DocumentFilter& filter);
    Result<std::vector<std::int64_t>> statisticValuesInMemory(const DocumentFilter& filter, StatisticSeries& series);
    Result<std::vector<EntityDocuments>> documentsPerEntityInMemory(const DocumentFilter& filter, EntityKind kind, int limit);
    Status claimsInMemory(const DocumentFilter& filter, ClaimsOverTime& out, ClaimPeriods& byPeriod);
    Result<TimelineClaims> timelineClaimsInMemory(const DocumentFilter& filter, int limit);
    Result<int> documentCountInMemory(const DocumentFilter& filter);
    // The SQL path: the stored aggregates unfiltered, the base tables filtered (ChartQuerySql.cpp);
    // `exact` says the claims aggregate answers the filter.
    Result<std::vector<MetricCount>> metricsSql(const DocumentFilter& filter);
    Result<std::vector<std::int64_t>> statisticValuesSql(const DocumentFilter& filter, StatisticSeries& series);
    Result<std::vector<EntityDocuments>> documentsPerEntitySql(const DocumentFilter& filter, EntityKind kind, int limit);
    Status claimsSql(const DocumentFilter& filter, bool exact, ClaimsOverTime& out, ClaimPeriods& byPeriod);
    Result<TimelineClaims> timelineClaimsSql(const DocumentFilter& filter, int limit);
    Result<int> documentCountSql(const DocumentFilter& filter);

    Database* m_db;
    ChartPath m_path;
    ChartIndexCache* m_cache;
    std::unique_ptr<ChartIndexCache> m_ownCache;  ///< when no cache was given, made on first use
};

/// Whether two reported figures are the same fact within rounding (6,276 and "around 6,300").
bool valuesAgree(double a, double b);

/// "83 %" style unit names for axes: percent -> "%", usd -> "USD", count -> "count".
QString unitSymbol(const QString& unit);

}  // namespace claimlens
