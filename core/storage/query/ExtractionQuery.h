#pragma once

#include "knowledge/Knowledge.h"
#include "query/DocumentFilter.h"
#include "query/KeysetPage.h"
#include "store/Database.h"
#include "structure/Article.h"

#include <QStringList>

#include <cstdint>
#include <vector>

namespace claimlens {

/// Narrows the extraction listings. Empty fields do not filter.
struct ExtractionFilter {
    QString company;  ///< canonical name or alias, any case; statistics by subject, claims by actor
    QString metric;   ///< a metric key or words of the metric
};

struct EntityCount {
    QString name;
    EntityKind kind = EntityKind::Company;
    int documents = 0;          ///< documents that name it, directly or through a product
    int viaProductOnly = 0;     ///< of those, the ones that name only its products
    int mentions = 0;
};

struct StatisticRow {
    std::int64_t documentId = 0;
    QString fileName;
    QString subject;
    QString metricKey;
    QString metric;
    double value = 0;
    QString unit;
    QString qualifier;
    QString period;
    QString sentence;
    qsizetype start = 0;
    qsizetype end = 0;
    QString kind;  ///< "" a level; "rise" or "fall" a change
};

struct EventRow {
    std::int64_t documentId = 0;
    QString fileName;
    PartialDate date;
    QString relative;
    QString sentence;
};

struct ClaimRow {
    std::int64_t documentId = 0;
    QString fileName;
    QString title;  ///< the document's headline, when it has one
    int sentenceOrdinal = 0;
    QString text;
    double score = 0;
    PartialDate date;  ///< what it reports happens then, when its sentence says
    QStringList actors;
    QString source;
    PartialDate reported;  ///< when it was reported: its document's publication
    QString review;        ///< "" unreviewed, else "confirmed", "edited" or "added" (an analyst's)
};

/// The columns the claims can be sorted by.
enum class ClaimSort { Date, Score, Document, Text, Actors, Reported, Review };

struct ClaimPage {
    std::vector<ClaimRow> rows;
    ListCursor next;
    bool atEnd = false;
};

struct ProductRow {
    QString name;
    QString owner;
};

/// What extraction found in one document, as the export shows it.
struct DocumentExtraction {
    QStringList companies;  ///< named directly
    std::vector<ProductRow> products;
    QStringList countries;
    QStringList people;
    QStringList organizations;
    QStringList citedSources;  ///< "according to X" and the like
    std::vector<StatisticRow> statistics;
    std::vector<EventRow> events;
    std::vector<ClaimRow> claims;
};

/// The read side of extraction, for the CLI, export and views.
class ExtractionQuery {
public:
    explicit ExtractionQuery(Database& db) : m_db(&db) {}

    /// Entities of a kind with their document counts, most documents first.
    Result<std::vector<EntityCount>> entities(EntityKind kind);
    Result<std::vector<StatisticRow>> statistics(const ExtractionFilter& filter = {});
    Result<std::vector<EventRow>> events(const ExtractionFilter& filter = {});
    Result<std::vector<ClaimRow>> claims(const ExtractionFilter& filter = {});
    /// Up to `limit` of the claims of the documents a filter keeps after `after`, in the asked order (undated or untitled last).
    Result<ClaimPage> claimPage(const DocumentFilter& filter, ClaimSort sort, bool descending, const ListCursor& after,
                                int limit);
    Result<DocumentExtraction> forDocument(std::int64_t documentId);

    /// The canonical company name for what a user typed ("openai", "TikTok" -> ByteDance's product
    /// stays TikTok); empty when nothing matches.
    QString resolveCompany(const QString& typed);

private:
    Database* m_db;
};

}  // namespace claimlens
