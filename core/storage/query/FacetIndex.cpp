#include "query/FacetIndex.h"

#include "query/DocumentQuery.h"

#include <QElapsedTimer>

#include <algorithm>
#include <bit>

namespace claimlens {
namespace {

Error failed(const char* what, Database& db)
{
    return Error{QStringLiteral("facet index, %1: %2").arg(QLatin1String(what), db.lastError())};
}

void add(std::vector<std::uint64_t>& bits, int doc)
{
    bits[static_cast<size_t>(doc) >> 6] |= std::uint64_t{1} << (doc & 63);
}

/// The documents in all of `sets` (each null when its field does not filter) but `skip`.
std::vector<std::uint64_t> allBut(const std::vector<std::uint64_t>& every,
                                  const std::vector<const std::vector<std::uint64_t>*>& sets, size_t skip)
{
    std::vector<std::uint64_t> out = every;
    for (size_t i = 0; i < sets.size(); ++i)
        if (i != skip && sets[i])
            for (size_t w = 0; w < out.size(); ++w)
                out[w] &= (*sets[i])[w];
    return out;
}

template <typename F>
void forEachDoc(const std::vector<std::uint64_t>& bits, F&& f)
{
    for (size_t w = 0; w < bits.size(); ++w)
        for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
            f(static_cast<int>(w * 64 + static_cast<size_t>(std::countr_zero(word))));
}

int popcount(const std::vector<std::uint64_t>& bits)
{
    int n = 0;
    for (std::uint64_t w : bits)
        n += std::popcount(w);
    return n;
}

/// Values with documents (and the checked ones, whatever their count), most documents first.
std::vector<FacetValue> ranked(const QStringList& names, const std::vector<int>& counts, const std::vector<int>& via,
                               const std::vector<std::uint8_t>* outlets, const std::vector<int>& slots,
                               const QStringList& checked)
{
    std::vector<FacetValue> out;
    for (int slot : slots) {
        const size_t s = static_cast<size_t>(slot);
        if (counts[s] == 0 && !checked.contains(names[slot]))
            continue;
        out.push_back({names[slot], counts[s], via.empty() ? 0 : via[s], outlets && (*outlets)[s] != 0});
    }
    for (const QString& name : checked)  // a checked value no document has any more
        if (std::none_of(out.begin(), out.end(), [&](const FacetValue& v) { return v.name == name; }))
            out.push_back({name, 0, 0, false});
    std::sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) {
        if (a.outlet != b.outlet)
            return a.outlet;
        if (a.documents != b.documents)
            return a.documents > b.documents;
        return a.name < b.name;
    });
    return out;
}

/// Rows from (row, value) pairs, each row's values in the pairs' order.
template <typename Csr>
Csr rowsOf(size_t rowCount, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs)
{
    Csr csr;
    csr.start.assign(rowCount + 1, 0);
    for (const auto& p : pairs)
        ++csr.start[p.first + 1];
    for (size_t r = 0; r < rowCount; ++r)
        csr.start[r + 1] += csr.start[r];
    csr.values.resize(pairs.size());
    std::vector<std::uint32_t> at(csr.start.begin(), csr.start.end() - 1);
    for (const auto& p : pairs)
        csr.values[at[p.first]++] = p.second;
    return csr;
}

}  // namespace

Result<std::shared_ptr<const FacetIndex>> FacetIndex::load(Database& db)
{
    QElapsedTimer timer;
    timer.start();
    auto index = std::make_shared<FacetIndex>();
    FacetIndex& x = *index;
    QHash<QString, int> sourceOfDocument;  // documents.source read with the documents

    std::vector<int> docSource;
    {
        auto stmt = db.prepare("SELECT id, published, source FROM documents ORDER BY id");
        if (!stmt)
            return failed("documents", db);
        Status read = stmt->forEach([&](const Statement& row) {
            x.m_docIds.push_back(row.int64(0));
            x.m_published.push_back(row.isNull(1) ? std::string() : row.text(1).toStdString());
            int slot = -1;
            if (!row.isNull(2)) {
                const QString source = row.text(2);
                if (!source.isEmpty()) {
                    slot = static_cast<int>(x.m_sourceSlot.value(source, -1));
                    if (slot < 0) {
                        slot = static_cast<int>(x.m_sourceName.size());
                        x.m_sourceSlot.insert(source, slot);
                        x.m_sourceName.append(source);
                        x.m_sourceOutlet.push_back(0);
                    }
                }
            }
            docSource.push_back(slot);
        });
        if (!read)
            return failed("documents", db);
    }
    const size_t n = x.m_docIds.size();
    // ids are dense enough (rowids) for a table from id to document
    std::vector<std::int32_t> denseOfId(x.m_docIds.empty() ? 0 : static_cast<size_t>(x.m_docIds.back()) + 1, -1);
    for (size_t d = 0; d < n; ++d)
        denseOfId[static_cast<size_t>(x.m_docIds[d])] = static_cast<std::int32_t>(d);
    auto denseOf = [&](std::int64_t id) {
        return id >= 0 && static_cast<size_t>(id) < denseOfId.size() ? denseOfId[static_cast<size_t>(id)] : -1;
    };

    // entities: companies and countries, slots by id
    QHash<std::int64_t, int> slotOfEntity;
    {
        auto stmt = db.prepare("SELECT id, kind, name FROM entities WHERE kind IN ('company', 'country') ORDER BY id");
        if (!stmt)
            return failed("entities", db);
        Status read = stmt->forEach([&](const Statement& row) {
            const int slot = static_cast<int>(x.m_entityName.size());
            const bool company = row.text(1) == QLatin1String("company");
            const QString name = row.text(2);
            slotOfEntity.insert(row.int64(0), slot);
            x.m_entityName.append(name);
            x.m_entityIsCompany.push_back(company ? 1 : 0);
            (company ? x.m_companySlot : x.m_countrySlot).insert(name, slot);
        });
        if (!read)
            return failed("entities", db);
    }
    {
        // the table in its own order (by entity): the pairs are sorted into rows below
        auto stmt = db.prepare("SELECT document_id, entity_id, via_product FROM document_entities");
        if (!stmt)
            return failed("document entities", db);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> companies, countries, byEntity;
        Status read = stmt->forEach([&](const Statement& row) {
            const int doc = denseOf(row.int64(0));
            const int slot = slotOfEntity.value(row.int64(1), -1);
            if (doc < 0 || slot < 0)
                return;
            const auto value = static_cast<std::uint32_t>(slot) << 1 | (row.integer(2) != 0 ? 1u : 0u);
            (x.m_entityIsCompany[static_cast<size_t>(slot)] ? companies : countries).push_back({static_cast<std::uint32_t>(doc), value});
            byEntity.push_back({static_cast<std::uint32_t>(slot), static_cast<std::uint32_t>(doc)});
        });
        if (!read)
            return failed("document entities", db);
        x.m_docCompanies = rowsOf<Csr>(n, companies);
        x.m_docCountries = rowsOf<Csr>(n, countries);
        x.m_entityDocs = rowsOf<Csr>(static_cast<size_t>(x.m_entityName.size()), byEntity);
        std::vector<int> countryTotal, countryVia;
        totals(x.m_docCompanies, static_cast<size_t>(x.m_entityName.size()), x.m_entityTotal, x.m_entityTotalVia);
        totals(x.m_docCountries, static_cast<size_t>(x.m_entityName.size()), countryTotal, countryVia);
        for (size_t slot = 0; slot < countryTotal.size(); ++slot)  // a slot is one kind or the other
            x.m_entityTotal[slot] += countryTotal[slot];
    }
    {
        std::vector<std::vector<std::uint32_t>> sources(n);
        for (size_t d = 0; d < n; ++d)
            if (docSource[d] >= 0)
                sources[d].push_back(static_cast<std::uint32_t>(docSource[d]));
        auto stmt = db.prepare("SELECT document_id, name, kind = 'outlet' FROM cited_sources");
        if (!stmt)
            return failed("sources", db);
        Status read = stmt->forEach([&](const Statement& row) {
            const int doc = denseOf(row.int64(0));
            if (doc < 0)
                return;
            const QString name = row.text(1);
            int slot = x.m_sourceSlot.value(name, -1);
            if (slot < 0) {
                slot = static_cast<int>(x.m_sourceName.size());
                x.m_sourceSlot.insert(name, slot);
                x.m_sourceName.append(name);
                x.m_sourceOutlet.push_back(0);
            }
            if (row.integer(2) != 0)
                x.m_sourceOutlet[static_cast<size_t>(slot)] = 1;
            auto& list = sources[static_cast<size_t>(doc)];
            if (std::find(list.begin(), list.end(), static_cast<std::uint32_t>(slot)) == list.end())
                list.push_back(static_cast<std::uint32_t>(slot));
        });
        if (!read)
            return failed("sources", db);
        std::vector<std::pair<std::uint32_t, std::uint32_t>> byDocument, bySource;
        for (size_t d = 0; d < n; ++d)
            for (std::uint32_t slot : sources[d]) {
                byDocument.push_back({static_cast<std::uint32_t>(d), slot << 1});
                bySource.push_back({slot, static_cast<std::uint32_t>(d)});
            }
        x.m_docSources = rowsOf<Csr>(n, byDocument);
        x.m_sourceDocs = rowsOf<Csr>(static_cast<size_t>(x.m_sourceName.size()), bySource);
        totals(x.m_docSources, static_cast<size_t>(x.m_sourceName.size()), x.m_sourceTotal, x.m_sourceTotalFlagged);
    }
    x.m_loadMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return std::shared_ptr<const FacetIndex>(std::move(index));
}

int FacetIndex::docOf(std::int64_t id) const
{
    auto it = std::lower_bound(m_docIds.begin(), m_docIds.end(), id);
    return it != m_docIds.end() && *it == id ? static_cast<int>(it - m_docIds.begin()) : -1;
}

FacetIndex::Bits FacetIndex::everyDocument() const
{
    const size_t n = m_docIds.size();
    Bits bits((n + 63) / 64, ~std::uint64_t{0});
    if (n % 64 != 0)
        bits.back() = (std::uint64_t{1} << (n % 64)) - 1;
    return bits;
}

Result<FacetIndex::Bits> FacetIndex::searchDocuments(Database& db, const QString& fts) const
{
    {
        std::lock_guard lock(m_searchMutex);
        if (auto it = m_searches.constFind(fts); it != m_searches.cend())
            return **it;
    }
    Bits bits((m_docIds.size() + 63) / 64, 0);
    if (Status s = DocumentQuery::forEachMatchingDocument(db, fts, [&](std::int64_t id) {
            if (const int d = docOf(id); d >= 0)
                add(bits, d);
        });
        !s)
        return Error{QStringLiteral("search: %1").arg(s.error())};
    std::lock_guard lock(m_searchMutex);
    if (m_searches.size() >= 8)
        m_searches.clear();
    m_searches.insert(fts, std::make_shared<const Bits>(bits));
    return bits;
}

Result<FacetResult> FacetIndex::count(Database& db, const DocumentFilter& filter) const
{
    const size_t words = (m_docIds.size() + 63) / 64;
    const Bits every = everyDocument();
    // one set per field, in this order; null where the field does not filter
    enum Field { Companies, Countries, Sources, Dates, Search, FieldCount };
    std::vector<Bits> sets(FieldCount);
    std::vector<const Bits*> active(FieldCount, nullptr);
    auto slotsOf = [](const QHash<QString, int>& slots, const QStringList& names) {
        std::vector<int> out;
        for (const QString& name : names)
            if (const int slot = slots.value(name, -1); slot >= 0)
                out.push_back(slot);
        return out;
    };
    auto filterBy = [&](Field field, const Csr& byValue, const std::vector<int>& slots) {
        sets[field] = documentsWith(byValue, slots);
        active[field] = &sets[field];
    };
    if (!filter.companies.isEmpty())
        filterBy(Companies, m_entityDocs, slotsOf(m_companySlot, filter.companies));
    if (!filter.countries.isEmpty())
        filterBy(Countries, m_entityDocs, slotsOf(m_countrySlot, filter.countries));
    if (!filter.sources.isEmpty())
        filterBy(Sources, m_sourceDocs, slotsOf(m_sourceSlot, filter.sources));
    if (filter.from.isValid() || filter.to.isValid()) {
        // as FilterSql: a partial date starts at its own text and ends just before its text + "~"
        const std::string from = filter.from.isValid() ? filter.from.toString(Qt::ISODate).toStdString() : std::string();
        const std::string to = filter.to.isValid() ? filter.to.toString(Qt::ISODate).toStdString() : std::string();
        Bits& bits = sets[Dates];
        bits.assign(words, 0);
        for (size_t d = 0; d < m_docIds.size(); ++d) {
            const std::string& p = m_published[d];
            if (p.empty() || (filter.from.isValid() && p + '~' < from) || (filter.to.isValid() && p > to))
                continue;
            add(bits, static_cast<int>(d));
        }
        active[Dates] = &bits;
    }
    if (const QString fts = DocumentQuery::ftsQuery(filter.search); !fts.isEmpty()) {
        auto found = searchDocuments(db, fts);
        if (!found)
            return Error{found.error()};
        sets[Search] = std::move(*found);
        active[Search] = &sets[Search];
    }

    FacetResult out;
    out.total = documentCount();
    out.matching = popcount(allBut(every, active, FieldCount));

    const size_t entities = static_cast<size_t>(m_entityName.size());
    std::vector<int> counts(entities, 0), via(entities, 0), countryCounts, unused;
    tally(m_docCompanies, allBut(every, active, Companies), m_entityTotal, m_entityTotalVia, counts, via);
    tally(m_docCountries, allBut(every, active, Countries), m_entityTotal, m_entityTotalVia, countryCounts, unused);
    std::vector<int> companySlots, countrySlots;
    for (size_t s = 0; s < entities; ++s)
        (m_entityIsCompany[s] ? companySlots : countrySlots).push_back(static_cast<int>(s));
    out.companies = ranked(m_entityName, counts, via, nullptr, companySlots, filter.companies);
    out.countries = ranked(m_entityName, countryCounts, {}, nullptr, countrySlots, filter.countries);

    {
        std::vector<int> sourceCounts, flagged;
        tally(m_docSources, allBut(every, active, Sources), m_sourceTotal, m_sourceTotalFlagged, sourceCounts, flagged);
        std::vector<int> slots(static_cast<size_t>(m_sourceName.size()));
        for (size_t s = 0; s < slots.size(); ++s)
            slots[s] = static_cast<int>(s);
        out.sources = ranked(m_sourceName, sourceCounts, {}, &m_sourceOutlet, slots, filter.sources);
    }

    {
        const std::string* first = nullptr;
        const std::string* last = nullptr;
        forEachDoc(allBut(every, active, Dates), [&](int d) {
            const std::string& p = m_published[static_cast<size_t>(d)];
            if (p.empty())
                return;
            if (!first || p < *first)
                first = &p;
            if (!last || p > *last)
                last = &p;
        });
        if (first)
            out.dates = {PartialDate::fromIso(QString::fromStdString(*first)), PartialDate::fromIso(QString::fromStdString(*last))};
    }
    return out;
}

FacetIndex::Bits FacetIndex::documentsWith(const Csr& byValue, const std::vector<int>& slots) const
{
    Bits bits((m_docIds.size() + 63) / 64, 0);
    for (int slot : slots)
        for (std::uint32_t i = byValue.start[static_cast<size_t>(slot)]; i < byValue.start[static_cast<size_t>(slot) + 1]; ++i)
            add(bits, static_cast<int>(byValue.values[i]));
    return bits;
}

void FacetIndex::totals(const Csr& byDocument, size_t values, std::vector<int>& counts, std::vector<int>& flagged)
{
    counts.assign(values, 0);
    flagged.assign(values, 0);
    for (std::uint32_t v : byDocument.values) {
        ++counts[v >> 1];
        flagged[v >> 1] += static_cast<int>(v & 1u);
    }
}

void FacetIndex::tally(const Csr& byDocument, const Bits& base, const std::vector<int>& totals,
                       const std::vector<int>& totalFlagged, std::vector<int>& counts, std::vector<int>& flagged) const
{
    const int n = documentCount();
    const int inBase = popcount(base);
    auto walk = [&](auto&& word, int sign) {
        for (size_t w = 0; w < base.size(); ++w)
            for (std::uint64_t bits = word(w); bits != 0; bits &= bits - 1) {
                const size_t d = w * 64 + static_cast<size_t>(std::countr_zero(bits));
                for (std::uint32_t i = byDocument.start[d]; i < byDocument.start[d + 1]; ++i) {
                    const std::uint32_t v = byDocument.values[i];
                    counts[v >> 1] += sign;
                    flagged[v >> 1] += sign * static_cast<int>(v & 1u);
                }
            }
    };
    if (inBase * 2 > n) {  // the totals less the documents outside the base
        counts = totals;
        flagged = totalFlagged;
        const Bits every = everyDocument();
        walk([&](size_t w) { return every[w] & ~base[w]; }, -1);
    } else {
        counts.assign(totals.size(), 0);
        flagged.assign(totals.size(), 0);
        walk([&](size_t w) { return base[w]; }, +1);
    }
}

size_t FacetIndex::bytes() const
{
    size_t n = m_docIds.size() * 8 + m_docCompanies.bytes() + m_docCountries.bytes() + m_entityDocs.bytes() +
               m_docSources.bytes() + m_sourceDocs.bytes() + m_entityIsCompany.size() + m_sourceOutlet.size() +
               (m_entityTotal.size() + m_entityTotalVia.size() + m_sourceTotal.size() + m_sourceTotalFlagged.size()) * 4;
    for (const std::string& p : m_published)
        n += sizeof(std::string) + (p.size() > 15 ? p.size() : 0);
    for (const QStringList* names : {&m_entityName, &m_sourceName})
        for (const QString& s : *names)
            n += static_cast<size_t>(s.size()) * 2 + 24 + 32;  // the string and its hash entry
    return n;
}

Result<std::shared_ptr<const FacetIndex>> FacetIndexCache::get(Database& db, std::int64_t generation)
{
    // documents added or removed by another program show as another last id
    auto stmt = db.prepare("SELECT coalesce(max(id), 0) FROM documents");
    if (!stmt || !stmt->step())
        return failed("documents", db);
    const std::int64_t lastDocument = stmt->int64(0);
    std::lock_guard lock(m_mutex);  // a second thread asking meanwhile waits for this one's index
    if (m_index && m_path == db.path() && m_generation == generation && m_lastDocument == lastDocument)
        return m_index;
    m_index.reset();
    auto loaded = FacetIndex::load(db);
    if (!loaded)
        return loaded;
    m_index = *loaded;
    m_path = db.path();
    m_generation = generation;
    m_lastDocument = lastDocument;
    return m_index;
}

void FacetIndexCache::clear()
{
    std::lock_guard lock(m_mutex);
    m_index.reset();
}

}  // namespace claimlens
