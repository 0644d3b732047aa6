#pragma once

#include "query/DocumentFilter.h"
#include "query/KeysetPage.h"
#include "store/Database.h"
#include "structure/Article.h"

#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <vector>

namespace claimlens {

/// One row of the document list: what the list shows, never the article body.
struct DocumentListRow {
    std::int64_t id = 0;
    QString path;
    QString fileName;
    QString title;  ///< the headline, else empty
    QString derivedTitle;  ///< without a headline, the first sentence's first words ("…" where cut)
    QString source;
    QString author;
    PartialDate published;
    QStringList companies;  ///< the companies it names most, at most three
    int claims = 0;
    int statistics = 0;
};

/// The columns the list can be sorted by.
enum class DocumentSort { Published, Title, Source, Author, FileName, Companies, Claims, Statistics };

struct DocumentPage {
    std::vector<DocumentListRow> rows;
    ListCursor next;
    bool atEnd = false;
};

/// A facet of the filter panel: a value with the number of documents it narrows to.
struct FacetCount {
    QString name;
    int documents = 0;
    bool outlet = false;  ///< a source: the outlet of one of its documents, not only cited
};

/// The document list and the filter panel's facets, following a DocumentFilter.
class DocumentListQuery {
public:
    explicit DocumentListQuery(Database& db) : m_db(&db) {}

    /// Up to `limit` rows after `after`, in the asked order.
    Result<DocumentPage> page(const DocumentFilter& filter, DocumentSort sort, bool descending, const ListCursor& after,
                              int limit);
    /// Every matching document, in the asked order (the CLI's listing).
    Result<std::vector<DocumentListRow>> all(const DocumentFilter& filter, DocumentSort sort = DocumentSort::Published,
                                             bool descending = true);
    /// How many documents match.
    Result<int> count(const DocumentFilter& filter);
    /// Whether a document passes the filter.
    Result<bool> contains(const DocumentFilter& filter, std::int64_t documentId);

    /// Sources with their document counts: the outlets documents come from first, then the sources
    /// they only cite (bylined, channels, attributions), each group most documents first.
    /// Companies and countries come from ExtractionQuery::entities.
    Result<std::vector<FacetCount>> sources();
    /// The earliest and latest publication dates stored.
    Result<std::pair<PartialDate, PartialDate>> dateRange();

private:
    /// The entity id of a company; 0 when no document names it.
    std::int64_t companyId(const QString& name);

    Database* m_db;
};

}  // namespace claimlens
