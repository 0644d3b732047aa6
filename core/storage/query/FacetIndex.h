#pragma once

#include "query/DocumentFilter.h"
#include "store/Database.h"
#include "structure/Article.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace claimlens {

/// A value of the filter panel with the number of documents it would narrow the current filter to.
struct FacetValue {
    QString name;
    int documents = 0;
    int viaProductOnly = 0;  ///< companies: documents naming it only through its products
    bool outlet = false;     ///< sources: the outlet of some document, not only cited
};

/// The filter panel's counts under a filter. A field's values match any of them (DocumentFilter
/// ORs within a field), so each facet is counted with every other field applied and its own
/// selection left out: "Tencent (12)" beside a checked Baidu says what checking Tencent adds.
/// Checked values stay listed, with 0 when no document is left for them.
struct FacetResult {
    std::vector<FacetValue> companies;  ///< most documents first, then by name
    std::vector<FacetValue> countries;
    std::vector<FacetValue> sources;  ///< outlets first, then cited sources, each most documents first
    /// The first and last publication dates of the documents passing everything but the dates.
    std::pair<PartialDate, PartialDate> dates;
    int matching = 0;  ///< documents passing the whole filter
    int total = 0;     ///< documents stored
};

/// What the filter panel counts, read once from SQLite into compact arrays (per document its
/// companies and countries from document_entities, its sources, its date) so that the counts under
/// any filter walk the documents in memory: a few ms for 100,000 documents where SQL groupings
/// take a second. Immutable once loaded; safe to share between threads (the full-text part runs on
/// the caller's connection and keeps its last document sets under a mutex).
class FacetIndex {
public:
    static Result<std::shared_ptr<const FacetIndex>> load(Database& db);

    /// The counts under `filter`; `db` runs the filter's full-text search, if any.
    Result<FacetResult> count(Database& db, const DocumentFilter& filter) const;

    int documentCount() const { return static_cast<int>(m_docIds.size()); }
    double loadMilliseconds() const { return m_loadMs; }
    /// Bytes held by the arrays (an estimate).
    size_t bytes() const;

private:
    using Bits = std::vector<std::uint64_t>;
    /// Rows of values: row r holds values[start[r] .. start[r + 1]).
    struct Csr {
        std::vector<std::uint32_t> start{0};
        std::vector<std::uint32_t> values;
        size_t bytes() const { return (start.size() + values.size()) * 4; }
    };
    int docOf(std::int64_t id) const;
    Bits everyDocument() const;
    Result<Bits> searchDocuments(Database& db, const QString& fts) const;
    /// Documents whose rows in `byValue` (value -> documents) hold one of `slots`.
    Bits documentsWith(const Csr& byValue, const std::vector<int>& slots) const;
    /// Per value (value >> 1 of `byDocument`'s entries), the documents of `base` holding it, and
    /// those holding it with the low bit set. A base of more than half the documents is counted
    /// as the whole-corpus totals less the documents outside it.
    void tally(const Csr& byDocument, const Bits& base, const std::vector<int>& totals, const std::vector<int>& totalFlagged,
               std::vector<int>& counts, std::vector<int>& flagged) const;
    /// The whole-corpus counts of `byDocument`'s values, `values` of them.
    static void totals(const Csr& byDocument, size_t values, std::vector<int>& counts, std::vector<int>& flagged);

    double m_loadMs = 0;
    std::vector<std::int64_t> m_docIds;  // dense -> id, ascending
    std::vector<std::string> m_published;  // UTF-8, empty when NULL
    // entities (companies and countries share slots): document -> slot << 1 | via_product
    QStringList m_entityName;
    std::vector<std::uint8_t> m_entityIsCompany;
    QHash<QString, int> m_companySlot, m_countrySlot;
    Csr m_docCompanies, m_docCountries, m_entityDocs;  // the last: slot -> documents
    std::vector<int> m_entityTotal, m_entityTotalVia;
    // sources (documents.source and cited_sources.name): document -> slot << 1, distinct
    QStringList m_sourceName;
    std::vector<std::uint8_t> m_sourceOutlet;
    QHash<QString, int> m_sourceSlot;
    Csr m_docSources, m_sourceDocs;
    std::vector<int> m_sourceTotal, m_sourceTotalFlagged;

    mutable std::mutex m_searchMutex;
    mutable QHash<QString, std::shared_ptr<const Bits>> m_searches;
};

/// The FacetIndex of a database, shared by the threads that count (each with a connection of its
/// own): read again when another database is asked for, or when the caller's generation (the
/// window's count of imports and databases opened) or the stored documents changed.
class FacetIndexCache {
public:
    Result<std::shared_ptr<const FacetIndex>> get(Database& db, std::int64_t generation);
    void clear();

private:
    std::mutex m_mutex;
    QString m_path;
    std::int64_t m_generation = -1;
    std::int64_t m_lastDocument = -1;
    std::shared_ptr<const FacetIndex> m_index;
};

}  // namespace claimlens
