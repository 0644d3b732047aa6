// ChartQuery's in-memory path: a filtered chart counted over the ChartIndex, which holds per
// document what the charts count, so that no query joins millions of rows. It answers as the SQL
// path (ChartQuerySql.cpp) does, row for row and in the same order; the tests compare the two.
#include "query/ChartQuery.h"

#include "query/ChartIndex.h"
#include "query/ChartQueryParts.h"

#include <QHash>
#include <QMap>

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace claimlens {
namespace {

/// The connection's index and the documents the filter lets through.
struct Indexed {
    std::shared_ptr<const ChartIndex> index;
    DocumentSet documents;
};

Result<Indexed> indexedDocuments(Database& db, ChartIndexCache& cache, const DocumentFilter& filter)
{
    auto index = cache.get(db);
    if (!index)
        return Error{index.error()};
    auto documents = (*index)->documents(db, filter);
    if (!documents)
        return Error{documents.error()};
    return Indexed{std::move(*index), std::move(*documents)};
}

}  // namespace

using namespace chartquery;

Result<std::vector<MetricCount>> ChartQuery::metricsInMemory(const DocumentFilter& filter)
{
    auto found = indexedDocuments(*m_db, indexCache(), filter);
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

Result<std::vector<std::int64_t>> ChartQuery::statisticValuesInMemory(const DocumentFilter& filter, StatisticSeries& series)
{
    auto filtered = indexedDocuments(*m_db, indexCache(), filter);
    if (!filtered)
        return Error{filtered.error()};
    const ChartIndex& x = *filtered->index;
    const DocumentSet& docs = filtered->documents;
    const int metricIndex = x.metric(series.metricKey, series.unit);
    if (metricIndex < 0)
        return std::vector<std::int64_t>{};
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
        v.reviewed += st.reviewed ? 1 : 0;
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
        auto found = first->stepOne();
        if (!found)
            return Error{QStringLiteral("reading a value's first statistic: %1").arg(found.error())};
        if (*found)
            readFirstSentence(*first, v, 6);
        first->reset();
        if (v.documents <= 1)
            v.sources = v.sources.mid(0, 1);  // the first statistic's own source
    }
    return docIds;
}

Result<std::vector<EntityDocuments>> ChartQuery::documentsPerEntityInMemory(const DocumentFilter& filter, EntityKind kind,
                                                                            int limit)
{
    auto found = indexedDocuments(*m_db, indexCache(), filter);
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

Status ChartQuery::claimsInMemory(const DocumentFilter& filter, ClaimsOverTime& out, ClaimPeriods& byPeriod)
{
    const QStringList& companies = out.companies;
    const TimeBucket bucket = out.bucket;
    auto found = indexedDocuments(*m_db, indexCache(), filter);
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
    for (size_t s = 0; s < slots.size(); ++s)
        for (size_t m = 0; m < months; ++m)
            if (const int claims = counts[s * months + m]; claims > 0)
                countClaims(out, byPeriod, bucket, x.entityName(slots[s]), x.months()[static_cast<qsizetype>(m)], claims);
    return {};
}

Result<TimelineClaims> ChartQuery::timelineClaimsInMemory(const DocumentFilter& filter, int limit)
{
    auto found = indexedDocuments(*m_db, indexCache(), filter);
    if (!found)
        return Error{found.error()};
    const ChartIndex& x = *found->index;
    const DocumentSet& docs = found->documents;
    // the claims, their documents and actors from the index; the sentence, date, source and
    // file name by id (the index keeps no text per document)
    auto stmt = m_db->prepare("SELECT s.ordinal, s.text, c.date, c.date_precision, coalesce(c.source, d.source),"
                              " d.file_name, c.review IS NOT NULL FROM claims c JOIN sentences s ON s.id = c.sentence_id"
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
            c.reviewed = stmt->integer(6) != 0;
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
    return out;
}

Result<int> ChartQuery::documentCountInMemory(const DocumentFilter& filter)
{
    auto found = indexedDocuments(*m_db, indexCache(), filter);
    if (!found)
        return Error{found.error()};
    return found->documents.count;
}

}  // namespace claimlens
