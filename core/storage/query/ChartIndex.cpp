#include "query/ChartIndex.h"

#include "query/DocumentQuery.h"

#include <QElapsedTimer>

#include <algorithm>
#include <numeric>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace claimlens {
namespace {

Error failed(const char* what, Database& db)
{
    return Error{QStringLiteral("chart index, %1: %2").arg(QLatin1String(what), db.lastError())};
}

Error failed(const char* what, const Status& status)
{
    return Error{QStringLiteral("chart index, %1: %2").arg(QLatin1String(what), status.error())};
}

/// Strings to small numbers.
class Interner {
public:
    explicit Interner(QStringList& names) : m_names(names) {}
    int operator()(const QString& s)
    {
        auto it = m_index.constFind(s);
        if (it != m_index.cend())
            return *it;
        const int n = static_cast<int>(m_names.size());
        m_names.append(s);
        m_index.insert(s, n);
        return n;
    }

private:
    QStringList& m_names;
    QHash<QString, int> m_index;
};

/// Each string's rank in UTF-8 byte order (SQLite's BINARY collation).
std::vector<int> byteRanks(const std::vector<QString>& names)
{
    std::vector<QByteArray> utf8;
    utf8.reserve(names.size());
    for (const QString& n : names)
        utf8.push_back(n.toUtf8());
    std::vector<int> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) { return utf8[static_cast<size_t>(a)] < utf8[static_cast<size_t>(b)]; });
    std::vector<int> rank(names.size());
    for (size_t i = 0; i < order.size(); ++i)
        rank[static_cast<size_t>(order[i])] = static_cast<int>(i);
    return rank;
}

/// Compressed sparse rows from (row, value) pairs.
template <typename V>
void buildCsr(size_t rows, const std::vector<std::pair<std::int32_t, V>>& pairs, std::vector<std::uint32_t>& start,
              std::vector<V>& values)
{
    start.assign(rows + 1, 0);
    for (const auto& [r, v] : pairs)
        ++start[static_cast<size_t>(r) + 1];
    for (size_t i = 0; i < rows; ++i)
        start[i + 1] += start[i];
    values.resize(pairs.size());
    std::vector<std::uint32_t> next(start.begin(), start.end() - 1);
    for (const auto& [r, v] : pairs)
        values[next[static_cast<size_t>(r)]++] = v;
}

DocumentSet emptySet(int documents)
{
    DocumentSet s;
    s.bits.assign((static_cast<size_t>(documents) + 63) / 64, 0);
    return s;
}

void add(DocumentSet& s, int doc)
{
    s.bits[static_cast<size_t>(doc) >> 6] |= std::uint64_t{1} << (doc & 63);
}

void intersect(DocumentSet& into, const DocumentSet& other)
{
    for (size_t i = 0; i < into.bits.size(); ++i)
        into.bits[i] &= other.bits[i];
}

int popcount(const DocumentSet& s)
{
    int n = 0;
    for (std::uint64_t w : s.bits)
        n += __builtin_popcountll(w);
    return n;
}

}  // namespace

int ChartIndex::docOf(std::int64_t id) const
{
    return id >= 0 && static_cast<size_t>(id) < m_denseOfId.size() ? m_denseOfId[static_cast<size_t>(id)] : -1;
}

int ChartIndex::slotOfEntity(std::int64_t id) const
{
    return m_slotOfEntity.value(id, -1);
}

/// Row ids the index holds in 32 bits (SQLite gives each new row the largest id plus one, so a
/// database reaches this only after four billion rows).
constexpr std::int64_t kMaxId = 0xFFFFFFFF;

Result<std::shared_ptr<const ChartIndex>> ChartIndex::load(Database& db)
{
    QElapsedTimer timer;
    timer.start();
    auto index = std::make_shared<ChartIndex>();
    ChartIndex& x = *index;

    // the rows of each table first, so that every array is allocated once at its size: grown by
    // doubling, the arrays of 100,000 documents held up to twice their size, and old and new
    // copies side by side while they grew
    size_t rows[5] = {};
    {
        auto stmt = db.prepare("SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM document_entities),"
                               " (SELECT count(*) FROM statistics), (SELECT count(*) FROM claims),"
                               " (SELECT count(*) FROM claim_actors)");
        if (!stmt || !stmt->step())
            return failed("counts", db);
        for (int i = 0; i < 5; ++i)
            rows[i] = static_cast<size_t>(stmt->int64(i));
    }
    const auto [documentRows, documentEntityRows, statisticRows, claimRows, actorRows] = rows;

    // documents, in id order
    {
        auto stmt = db.prepare("SELECT id, published, coalesce(source, file_name), published_precision"
                               " FROM documents ORDER BY id");
        if (!stmt)
            return failed("documents", db);
        Interner display(x.m_displaySources);
        x.m_docIds.reserve(documentRows);
        x.m_hasPublished.reserve(documentRows);
        x.m_published.reserve(documentRows);
        x.m_docDisplaySource.reserve(documentRows);
        x.m_publishedPrecision.reserve(documentRows);
        if (Status s = stmt->forEach([&](const Statement& row) {
                x.m_docIds.push_back(row.int64(0));
                x.m_hasPublished.push_back(!row.isNull(1));
                x.m_published.push_back(row.text(1).toStdString());
                x.m_docDisplaySource.push_back(display(row.text(2)));
                x.m_publishedPrecision.push_back(static_cast<std::int8_t>(row.integer(3)));
            });
            !s)
            return failed("documents", s);
        const std::int64_t maxId = x.m_docIds.empty() ? 0 : x.m_docIds.back();
        x.m_denseOfId.assign(static_cast<size_t>(maxId) + 1, -1);
        for (size_t i = 0; i < x.m_docIds.size(); ++i)
            x.m_denseOfId[static_cast<size_t>(x.m_docIds[i])] = static_cast<std::int32_t>(i);
    }
    const size_t docs = x.m_docIds.size();

    // sources: a document's own (documents.source) and the ones it cites
    {
        auto own = db.prepare("SELECT id, source FROM documents WHERE source IS NOT NULL ORDER BY id");
        auto cited = db.prepare("SELECT name, document_id FROM cited_sources ORDER BY name, document_id");
        if (!own || !cited)
            return failed("sources", db);
        if (Status s = own->forEach([&](const Statement& row) {
                if (const int d = x.docOf(row.int64(0)); d >= 0)
                    x.m_sourceDocs[row.text(1)].push_back(d);
            });
            !s)
            return failed("sources", s);
        if (Status s = cited->forEach([&](const Statement& row) {
                if (const int d = x.docOf(row.int64(1)); d >= 0)
                    x.m_sourceDocs[row.text(0)].push_back(d);
            });
            !s)
            return failed("sources", s);
    }

    // entities and the documents naming them
    {
        auto stmt = db.prepare("SELECT id, kind, name FROM entities ORDER BY id");
        if (!stmt)
            return failed("entities", db);
        Interner kinds(x.m_kindNames);
        if (Status s = stmt->forEach([&](const Statement& row) {
                const int slot = static_cast<int>(x.m_entityIds.size());
                x.m_entityIds.push_back(row.int64(0));
                x.m_slotOfEntity.insert(row.int64(0), slot);
                x.m_entityKind.push_back(kinds(row.text(1)));
                x.m_entityName.push_back(row.text(2));
                x.m_entityByKey.insert(row.text(1) + QChar(0x1f) + row.text(2), slot);
            });
            !s)
            return failed("entities", s);
        x.m_entityNameRank = byteRanks(x.m_entityName);

        auto de = db.prepare("SELECT entity_id, document_id FROM document_entities");
        if (!de)
            return failed("document entities", db);
        // one list of pairs serves both ways: (entity, document), then turned (document, entity)
        std::vector<std::pair<std::int32_t, std::int32_t>> pairs;
        pairs.reserve(documentEntityRows);
        if (Status s = de->forEach([&](const Statement& row) {
                const int slot = x.slotOfEntity(row.int64(0));
                const int d = x.docOf(row.int64(1));
                if (slot >= 0 && d >= 0)
                    pairs.emplace_back(slot, d);
            });
            !s)
            return failed("document entities", s);
        buildCsr(x.m_entityIds.size(), pairs, x.m_entityDocStart, x.m_entityDocs);
        for (size_t s = 0; s < x.m_entityIds.size(); ++s)
            std::sort(x.m_entityDocs.begin() + x.m_entityDocStart[s], x.m_entityDocs.begin() + x.m_entityDocStart[s + 1]);
        for (auto& [a, b] : pairs)
            std::swap(a, b);
        buildCsr(docs, pairs, x.m_docEntityStart, x.m_docEntities);
    }

    // statistics, by document then id
    {
        auto stmt = db.prepare("SELECT id, document_id, metric_key, unit, subject, coalesce(period, ''), value,"
                               " subject_entity_id, review IS NOT NULL FROM statistics");
        if (!stmt)
            return failed("statistics", db);
        QHash<QString, int> metrics;
        Interner subjects(x.m_subjects), periods(x.m_periods);
        x.m_statistics.reserve(statisticRows);
        bool beyondRange = false;  // the loop stopped on a row the index cannot hold, not on SQLite
        if (Status s = stmt->forEach([&](const Statement& row) -> Status {
                const int d = x.docOf(row.int64(1));
                if (d < 0)
                    return {};
                const QString key = row.text(2), unit = row.text(3);
                const QString metricKey = key + QChar(0x1f) + unit;
                int metric = metrics.value(metricKey, -1);
                if (metric < 0) {
                    metric = static_cast<int>(x.m_metricKey.size());
                    metrics.insert(metricKey, metric);
                    x.m_metricKey.append(key);
                    x.m_metricUnit.append(unit);
                }
                int kind = -1;
                if (!row.isNull(7))
                    if (const int slot = x.slotOfEntity(row.int64(7)); slot >= 0)
                        kind = x.m_entityKind[static_cast<size_t>(slot)];
                if (row.int64(0) > kMaxId || metric > 65535 || kind > 127) {
                    beyondRange = true;
                    return Error{QStringLiteral("chart index: a statistic id, metric or kind beyond the index's range")};
                }
                Statistic st;
                st.value = row.real(6);
                st.id = static_cast<std::uint32_t>(row.int64(0));
                st.doc = d;
                st.subject = subjects(row.text(4));
                st.period = periods(row.text(5));
                st.metric = static_cast<std::uint16_t>(metric);
                st.subjectKind = static_cast<std::int8_t>(kind);
                st.reviewed = row.integer(8) != 0;
                x.m_statistics.push_back(st);
                return {};
            });
            !s)
            return beyondRange ? Error{s.error()} : failed("statistics", s);
        x.m_metricIndex = metrics;
        // ids are unique, so an in-place sort gives the one order (a stable sort would take a
        // buffer as large as the array)
        std::sort(x.m_statistics.begin(), x.m_statistics.end(), [](const Statistic& a, const Statistic& b) {
            return a.doc != b.doc ? a.doc < b.doc : a.id < b.id;
        });
        x.m_docStatStart.assign(docs + 1, 0);
        for (const Statistic& s : x.m_statistics)
            ++x.m_docStatStart[static_cast<size_t>(s.doc) + 1];
        for (size_t i = 0; i < docs; ++i)
            x.m_docStatStart[i + 1] += x.m_docStatStart[i];
        x.m_metricKeyRank = byteRanks(std::vector<QString>(x.m_metricKey.begin(), x.m_metricKey.end()));
        x.m_metricUnitRank = byteRanks(std::vector<QString>(x.m_metricUnit.begin(), x.m_metricUnit.end()));
        const std::vector<int> subjectRank = byteRanks(std::vector<QString>(x.m_subjects.begin(), x.m_subjects.end()));
        x.m_metricStats.assign(x.m_metricKey.size(), {});
        for (size_t i = 0; i < x.m_statistics.size(); ++i)
            x.m_metricStats[static_cast<size_t>(x.m_statistics[i].metric)].push_back(static_cast<std::uint32_t>(i));
        for (auto& list : x.m_metricStats)
            std::sort(list.begin(), list.end(), [&](std::uint32_t a, std::uint32_t b) {
                const Statistic &sa = x.m_statistics[a], &sb = x.m_statistics[b];
                const int ra = subjectRank[static_cast<size_t>(sa.subject)], rb = subjectRank[static_cast<size_t>(sb.subject)];
                return ra != rb ? ra < rb : sa.id < sb.id;
            });
    }

    // claims with their month and company actors, by document then id
    {
        // read in id order (a scan of the table); ids ascend with the documents as they were
        // ingested, so the claims come by document already unless a document was replaced since
        auto stmt = db.prepare("SELECT id, document_id, substr(date, 1, 7) FROM claims");
        if (!stmt)
            return failed("claims", db);
        Interner months(x.m_months);
        std::vector<std::int32_t> claimDoc;
        x.m_claimId.reserve(claimRows);
        x.m_claimMonth.reserve(claimRows);
        claimDoc.reserve(claimRows);
        bool beyondRange = false;  // the loop stopped on a row the index cannot hold, not on SQLite
        if (Status s = stmt->forEach([&](const Statement& row) -> Status {
                const int d = x.docOf(row.int64(1));
                if (d < 0)
                    return {};
                // a claim without a date of its own takes its document's publication
                const QString month = row.isNull(2) ? QString::fromStdString(x.m_published[static_cast<size_t>(d)]).left(7)
                                                    : row.text(2);
                const int m = months(month);
                beyondRange = m > 65535 || row.int64(0) > kMaxId;
                if (m > 65535)
                    return Error{QStringLiteral("chart index: more than 65,535 distinct claim months")};
                if (row.int64(0) > kMaxId)
                    return Error{QStringLiteral("chart index: a claim id beyond 32 bits")};
                x.m_claimId.push_back(static_cast<std::uint32_t>(row.int64(0)));
                x.m_claimMonth.push_back(static_cast<std::uint16_t>(m));
                claimDoc.push_back(d);
                return {};
            });
            !s)
            return beyondRange ? Error{s.error()} : failed("claims", s);
        if (!std::is_sorted(claimDoc.begin(), claimDoc.end())) {
            // by document, then id: the order the per-document ranges below need
            std::vector<std::uint32_t> order(claimDoc.size());
            std::iota(order.begin(), order.end(), 0u);
            std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return claimDoc[a] < claimDoc[b]; });
            auto permute = [&](auto& v) {
                std::remove_reference_t<decltype(v)> sorted;
                sorted.reserve(v.size());
                for (std::uint32_t i : order)
                    sorted.push_back(v[i]);
                v = std::move(sorted);
            };
            permute(x.m_claimId);
            permute(x.m_claimMonth);
            permute(claimDoc);
        }
        x.m_docClaimStart.assign(docs + 1, 0);
        for (std::int32_t d : claimDoc)
            ++x.m_docClaimStart[static_cast<size_t>(d) + 1];
        for (size_t i = 0; i < docs; ++i)
            x.m_docClaimStart[i + 1] += x.m_docClaimStart[i];
        claimDoc = {};
        const size_t claimCount = x.m_claimId.size();

        // a claim's position by its id: a binary search over the ids, which ascend with the
        // documents unless a document was replaced (then over a sorted copy)
        std::vector<std::pair<std::int64_t, std::uint32_t>> byId;
        const bool idsAscend = std::is_sorted(x.m_claimId.begin(), x.m_claimId.end());
        if (!idsAscend) {
            byId.reserve(claimCount);
            for (size_t i = 0; i < claimCount; ++i)
                byId.emplace_back(x.m_claimId[i], static_cast<std::uint32_t>(i));
            std::sort(byId.begin(), byId.end());
        }
        auto claimAt = [&](std::int64_t id) -> std::int64_t {
            if (idsAscend) {
                const auto it = std::lower_bound(x.m_claimId.begin(), x.m_claimId.end(), id);
                return it != x.m_claimId.end() && *it == id ? it - x.m_claimId.begin() : -1;
            }
            const auto it = std::lower_bound(byId.begin(), byId.end(), std::make_pair(id, std::uint32_t{0}));
            return it != byId.end() && it->first == id ? static_cast<std::int64_t>(it->second) : -1;
        };

        // read in claim_actors' key order (a scan of the table, no sort; without the ORDER BY SQLite
        // scans the smaller entity index): the actors come claim by claim in id order, so when the
        // claims' positions ascend with their ids each actor is appended where it belongs, with no
        // list of pairs to sort out (13 MiB for 100,000 documents)
        auto actors = db.prepare("SELECT claim_id, entity_id FROM claim_actors ORDER BY claim_id, entity_id");
        if (!actors)
            return failed("claim actors", db);
        std::vector<std::pair<std::int32_t, std::int32_t>> pairs;  // when the positions do not ascend
        if (idsAscend) {
            x.m_claimActors.reserve(actorRows);
            x.m_claimActorStart.assign(claimCount + 1, 0);
        }
        size_t opened = 0;  // claims whose range has its start
        if (Status s = actors->forEach([&](const Statement& row) {
                const std::int64_t claim = claimAt(row.int64(0));
                const int slot = x.slotOfEntity(row.int64(1));
                if (claim < 0 || slot < 0)
                    return;
                if (!idsAscend) {
                    pairs.emplace_back(static_cast<std::int32_t>(claim), slot);
                    return;
                }
                for (; opened <= static_cast<size_t>(claim); ++opened)
                    x.m_claimActorStart[opened] = static_cast<std::uint32_t>(x.m_claimActors.size());
                x.m_claimActors.push_back(slot);
            });
            !s)
            return failed("claim actors", s);
        if (idsAscend) {
            for (; opened <= claimCount; ++opened)
                x.m_claimActorStart[opened] = static_cast<std::uint32_t>(x.m_claimActors.size());
        } else {
            buildCsr(claimCount, pairs, x.m_claimActorStart, x.m_claimActors);
        }
    }
    x.m_loadMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return std::shared_ptr<const ChartIndex>(std::move(index));
}

std::vector<int> ChartIndex::entitySlots(const QString& kind, const QStringList& names) const
{
    std::vector<int> out;
    for (const QString& n : names)
        if (const int slot = m_entityByKey.value(kind + QChar(0x1f) + n, -1); slot >= 0 && std::find(out.begin(), out.end(), slot) == out.end())
            out.push_back(slot);
    return out;
}

Result<DocumentSet> ChartIndex::searchDocuments(Database& db, const QString& fts) const
{
    {
        std::lock_guard lock(m_searchMutex);
        if (auto it = m_searches.constFind(fts); it != m_searches.cend())
            return **it;
    }
    DocumentSet set = emptySet(documentCount());
    if (Status s = DocumentQuery::forEachMatchingDocument(db, fts, [&](std::int64_t id) {
            if (const int d = docOf(id); d >= 0)
                add(set, d);
        });
        !s)
        return Error{QStringLiteral("search: %1").arg(s.error())};
    set.count = popcount(set);
    std::lock_guard lock(m_searchMutex);
    if (m_searches.size() > 16)
        m_searches.clear();
    m_searches.insert(fts, std::make_shared<const DocumentSet>(set));
    return set;
}

Result<DocumentSet> ChartIndex::documents(Database& db, const DocumentFilter& filter) const
{
    const int n = documentCount();
    DocumentSet out = emptySet(n);
    for (int d = 0; d < n; ++d)
        add(out, d);
    auto entities = [&](const char* kind, const QStringList& names) {
        DocumentSet s = emptySet(n);
        for (int slot : entitySlots(QLatin1String(kind), names))
            for (std::uint32_t i = m_entityDocStart[static_cast<size_t>(slot)]; i < m_entityDocStart[static_cast<size_t>(slot) + 1]; ++i)
                add(s, m_entityDocs[i]);
        intersect(out, s);
    };
    if (!filter.companies.isEmpty())
        entities("company", filter.companies);
    if (!filter.countries.isEmpty())
        entities("country", filter.countries);
    if (!filter.sources.isEmpty()) {
        DocumentSet s = emptySet(n);
        for (const QString& source : filter.sources)
            if (auto it = m_sourceDocs.constFind(source); it != m_sourceDocs.cend())
                for (int d : *it)
                    add(s, d);
        intersect(out, s);
    }
    if (filter.from.isValid() || filter.to.isValid()) {
        // as FilterSql: a partial date starts at its own text and ends just before its text + "~"
        const std::string from = filter.from.isValid() ? filter.from.toString(Qt::ISODate).toStdString() : std::string();
        const std::string to = filter.to.isValid() ? filter.to.toString(Qt::ISODate).toStdString() : std::string();
        DocumentSet s = emptySet(n);
        for (int d = 0; d < n; ++d) {
            if (!m_hasPublished[static_cast<size_t>(d)])
                continue;
            const std::string& p = m_published[static_cast<size_t>(d)];
            if (filter.from.isValid() && p + '~' < from)
                continue;
            if (filter.to.isValid() && p > to)
                continue;
            add(s, d);
        }
        intersect(out, s);
    }
    if (const QString fts = DocumentQuery::ftsQuery(filter.search); !fts.isEmpty()) {
        auto s = searchDocuments(db, fts);
        if (!s)
            return Error{s.error()};
        intersect(out, *s);
    }
    out.count = popcount(out);
    return out;
}

size_t ChartIndex::bytes() const
{
    auto strings = [](const QStringList& l) {
        size_t n = 0;
        for (const QString& s : l)
            n += static_cast<size_t>(s.size()) * 2 + 24;
        return n;
    };
    size_t n = m_docIds.size() * 8 + m_denseOfId.size() * 4 + m_published.size() * sizeof(std::string) +
               m_hasPublished.size() / 8 + m_docDisplaySource.size() * 4 + strings(m_displaySources);
    for (auto it = m_sourceDocs.cbegin(); it != m_sourceDocs.cend(); ++it)
        n += it->size() * 4 + static_cast<size_t>(it.key().size()) * 2 + 32;
    n += m_entityIds.size() * (8 + 4 + 4 + 24 + 16) + m_entityDocStart.size() * 4 + m_entityDocs.size() * 4 +
         m_docEntityStart.size() * 4 + m_docEntities.size() * 4;
    for (const QString& s : m_entityName)
        n += static_cast<size_t>(s.size()) * 4;
    n += m_statistics.size() * (sizeof(Statistic) + 4) + m_docStatStart.size() * 4 + strings(m_subjects) + strings(m_periods);
    n += m_claimId.size() * (4 + 2) + m_docClaimStart.size() * 4 + m_claimActorStart.size() * 4 + m_claimActors.size() * 4;
    return n;
}

// --- one index per connection

namespace {

/// Hands the allocator's free pages back to the system (glibc keeps what is freed in the middle
/// of its heaps resident until asked).
void releaseFreedMemory()
{
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}

}  // namespace

bool ChartIndexCache::isCurrent(Database& db)
{
    if (!m_index || m_db != &db || m_path != db.path())
        return false;
    auto version = db.dataVersion();
    return version && *version == m_version;
}

void ChartIndexCache::clear()
{
    m_index.reset();
    m_db = nullptr;
    m_path.clear();
    m_version = {};
}

Result<std::shared_ptr<const ChartIndex>> ChartIndexCache::get(Database& db)
{
    auto version = db.dataVersion();
    if (!version)
        return failed("data version", db);
    if (m_index && m_db == &db && m_path == db.path() && *version == m_version)
        return m_index;
    m_index.reset();  // the old index goes before the new one is read, not beside it
    // The index is the largest thing the program holds (tens of MiB for 100,000 documents):
    // memory freed before it (the window's earlier queries) and by its build goes back to the
    // system around it, rather than staying resident beside it in the allocator's free lists.
    releaseFreedMemory();
    auto loaded = ChartIndex::load(db);
    releaseFreedMemory();
    if (!loaded)
        return loaded;
    m_index = *loaded;
    m_db = &db;
    m_path = db.path();
    m_version = *version;
    if (m_loadHook)
        m_loadHook(*m_index);
    return m_index;
}

}  // namespace claimlens
