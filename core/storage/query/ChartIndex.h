#pragma once

#include "query/DocumentFilter.h"
#include "store/Database.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <bit>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace claimlens {

/// The documents a filter lets through, one bit per document of a ChartIndex.
struct DocumentSet {
    std::vector<std::uint64_t> bits;
    int count = 0;
    bool has(int doc) const { return (bits[static_cast<size_t>(doc) >> 6] >> (doc & 63)) & 1u; }
    /// Calls `f` with each document in the set, in order.
    template <typename F>
    void forEach(F&& f) const
    {
        for (size_t w = 0; w < bits.size(); ++w)
            for (std::uint64_t word = bits[w]; word != 0; word &= word - 1)
                f(static_cast<int>(w * 64 + static_cast<size_t>(std::countr_zero(word))));
    }
};

/// What the charts count, read once from SQLite into compact arrays so that a chart under any
/// filter walks the filtered documents in memory instead of joining millions of rows: per document
/// its publication date and source, its entities (document_entities), its cited sources, its
/// statistics and its claims with their company actors and month. Documents are numbered densely
/// in id order. Immutable once loaded; a ChartIndexCache keeps one for a connection and loads it
/// again when the database has changed.
class ChartIndex {
public:
    /// Reads everything from `db` (about a second for 100,000 documents).
    static Result<std::shared_ptr<const ChartIndex>> load(Database& db);

    /// The documents passing `filter` (the full-text part runs the FTS query once per query text
    /// and keeps its documents with the index).
    Result<DocumentSet> documents(Database& db, const DocumentFilter& filter) const;

    int documentCount() const { return static_cast<int>(m_docIds.size()); }
    double loadMilliseconds() const { return m_loadMs; }
    /// Bytes held by the arrays (an estimate; strings counted by their characters).
    size_t bytes() const;

    // --- entities (document_entities)
    /// The entity slots of a kind ("company") with one of the names, in the order of `names`.
    std::vector<int> entitySlots(const QString& kind, const QStringList& names) const;
    int entityKind(int slot) const { return m_entityKind[static_cast<size_t>(slot)]; }
    int kindCode(const QString& kind) const { return static_cast<int>(m_kindNames.indexOf(kind)); }
    const QString& kindName(int code) const { return m_kindNames[code]; }
    const QString& entityName(int slot) const { return m_entityName[static_cast<size_t>(slot)]; }
    /// Rank of the entity's name in byte order (SQLite's BINARY collation), for ties.
    int entityNameRank(int slot) const { return m_entityNameRank[static_cast<size_t>(slot)]; }
    int entityCount() const { return static_cast<int>(m_entityName.size()); }
    /// Entity slots of a document, as document_entities lists them.
    template <typename F>
    void forEachEntity(int doc, F&& f) const
    {
        for (std::uint32_t i = m_docEntityStart[static_cast<size_t>(doc)]; i < m_docEntityStart[static_cast<size_t>(doc) + 1]; ++i)
            f(m_docEntities[i]);
    }

    // --- statistics
    /// 32 bytes: 700,000 of them for 100,000 documents.
    struct Statistic {
        double value;
        std::uint32_t id;           ///< statistics.id (an id beyond 32 bits is an error when loaded)
        int doc;
        int subject;                ///< index into subjects()
        int period;                 ///< index into periods()
        std::uint16_t metric;       ///< index into metricKeys()/metricUnits()
        std::int8_t subjectKind;    ///< kind code of subject_entity_id, -1 when none
        bool reviewed;              ///< an analyst confirmed, edited or added it
    };
    const std::vector<Statistic>& statistics() const { return m_statistics; }
    /// Statistics of a document, in id order.
    std::pair<std::uint32_t, std::uint32_t> documentStatistics(int doc) const
    {
        return {m_docStatStart[static_cast<size_t>(doc)], m_docStatStart[static_cast<size_t>(doc) + 1]};
    }
    /// Statistics of a metric and unit ordered by subject (bytes) then id, as the statistics_metric
    /// index walks them.
    const std::vector<std::uint32_t>& metricStatistics(int metric) const { return m_metricStats[static_cast<size_t>(metric)]; }
    const QStringList& metricKeys() const { return m_metricKey; }
    const QStringList& metricUnits() const { return m_metricUnit; }
    int metric(const QString& key, const QString& unit) const { return m_metricIndex.value(key + QChar(0x1f) + unit, -1); }
    /// Rank of a metric key in byte order.
    int metricKeyRank(int metric) const { return m_metricKeyRank[static_cast<size_t>(metric)]; }
    int metricUnitRank(int metric) const { return m_metricUnitRank[static_cast<size_t>(metric)]; }
    const QStringList& subjects() const { return m_subjects; }
    const QStringList& periods() const { return m_periods; }
    /// coalesce(documents.source, documents.file_name), as an index into displaySources().
    int displaySource(int doc) const { return m_docDisplaySource[static_cast<size_t>(doc)]; }
    const QStringList& displaySources() const { return m_displaySources; }

    // --- claims
    /// Claims of a document in id order: [first, end) into claim arrays.
    std::pair<std::uint32_t, std::uint32_t> documentClaims(int doc) const
    {
        return {m_docClaimStart[static_cast<size_t>(doc)], m_docClaimStart[static_cast<size_t>(doc) + 1]};
    }
    std::int64_t claimId(std::uint32_t claim) const { return m_claimId[claim]; }
    /// substr(coalesce(claims.date, documents.published, ''), 1, 7), an index into months().
    int claimMonth(std::uint32_t claim) const { return m_claimMonth[claim]; }
    const QStringList& months() const { return m_months; }
    /// The entity slots among a claim's actors, in entity id order (claim_actors' key).
    template <typename F>
    void forEachActor(std::uint32_t claim, F&& f) const
    {
        for (std::uint32_t i = m_claimActorStart[claim]; i < m_claimActorStart[claim + 1]; ++i)
            f(m_claimActors[i]);
    }

    std::int64_t documentId(int doc) const { return m_docIds[static_cast<size_t>(doc)]; }
    /// documents.published (null when NULL) and its precision.
    QString published(int doc) const
    {
        return m_hasPublished[static_cast<size_t>(doc)] ? QString::fromStdString(m_published[static_cast<size_t>(doc)]) : QString();
    }
    int publishedPrecision(int doc) const { return m_publishedPrecision[static_cast<size_t>(doc)]; }

private:
    int slotOfEntity(std::int64_t id) const;
    int docOf(std::int64_t id) const;
    Result<DocumentSet> searchDocuments(Database& db, const QString& fts) const;

    double m_loadMs = 0;

    // documents
    std::vector<std::int64_t> m_docIds;     // dense -> id, ascending
    std::vector<std::int32_t> m_denseOfId;  // id -> dense, -1 when none
    std::vector<std::string> m_published;   // '' when NULL (see m_hasPublished)
    std::vector<bool> m_hasPublished;
    std::vector<std::int8_t> m_publishedPrecision;
    std::vector<int> m_docDisplaySource;
    QStringList m_displaySources;
    QHash<QString, std::vector<int>> m_sourceDocs;  // documents.source and cited_sources.name -> docs

    // entities
    QStringList m_kindNames;
    std::vector<std::int64_t> m_entityIds;  // slot -> id
    QHash<std::int64_t, int> m_slotOfEntity;
    std::vector<int> m_entityKind;
    std::vector<QString> m_entityName;
    std::vector<int> m_entityNameRank;
    QHash<QString, int> m_entityByKey;  // kind \x1f name -> slot
    std::vector<std::uint32_t> m_entityDocStart;  // CSR slot -> docs (ascending)
    std::vector<std::int32_t> m_entityDocs;
    std::vector<std::uint32_t> m_docEntityStart;  // CSR doc -> slots
    std::vector<std::int32_t> m_docEntities;

    // statistics
    std::vector<Statistic> m_statistics;  // by document, then id
    std::vector<std::uint32_t> m_docStatStart;
    std::vector<std::vector<std::uint32_t>> m_metricStats;
    QStringList m_metricKey, m_metricUnit;
    std::vector<int> m_metricKeyRank, m_metricUnitRank;
    QHash<QString, int> m_metricIndex;
    QStringList m_subjects, m_periods;

    // claims
    std::vector<std::uint32_t> m_claimId;  // by document, then id (ids beyond 32 bits: an error when loaded)
    std::vector<std::uint16_t> m_claimMonth;
    std::vector<std::uint32_t> m_docClaimStart;
    std::vector<std::uint32_t> m_claimActorStart;
    std::vector<std::int32_t> m_claimActors;
    QStringList m_months;

    // full-text searches already run, by FTS query
    mutable std::mutex m_searchMutex;
    mutable QHash<QString, std::shared_ptr<const DocumentSet>> m_searches;
};

/// One connection's ChartIndex, kept by whoever owns the connection (the chart worker for its
/// own; a ChartQuery given none keeps one of its own): the index is kept while the database is as
/// it was read (Database::dataVersion: commits by other connections and this one's own changes)
/// and read again when it changed. Used on the connection's thread only.
class ChartIndexCache {
public:
    /// The index of `db`, read again when the database changed since, or when `db` is another
    /// connection than the one it was read from.
    Result<std::shared_ptr<const ChartIndex>> get(Database& db);
    /// Whether `get` would answer without reading.
    bool isCurrent(Database& db);
    /// Lets the index go (a chart still holding it keeps it until done).
    void clear();
    /// Called after each read, on the reading thread (tests and benches: where and how often the
    /// index is built); nullptr removes it.
    void setLoadHook(std::function<void(const ChartIndex&)> hook) { m_loadHook = std::move(hook); }

private:
    const Database* m_db = nullptr;
    QString m_path;
    Database::DataVersion m_version;
    std::shared_ptr<const ChartIndex> m_index;
    std::function<void(const ChartIndex&)> m_loadHook;
};

}  // namespace claimlens
