#pragma once

#include "extract/Extraction.h"
#include "knowledge/Knowledge.h"
#include "review/Correction.h"
#include "store/Database.h"
#include "structure/Article.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <QSet>
#include <tuple>

namespace claimlens {

/// What is stored about a file beside its parsed article.
struct DocumentFile {
    QString path;  ///< absolute path; unique among documents
    QString contentHash;
    QString encoding;
    std::int64_t size = 0;
};

/// The write side of the store: documents with their structure (blocks, sentences, cited sources)
/// and what extraction found in them. Callers group calls into transactions (see IngestJob); every
/// call that fails leaves the transaction to be rolled back by the caller.
class DocumentStore {
public:
    struct Known {
        std::int64_t id;
        QString path;
        QString contentHash;
    };

    /// Prepares its statements on `db`, which must outlive the store. `knowledge` is what the
    /// extractor was given: it says which country a new entity belongs to.
    static Result<DocumentStore> create(Database& db, std::shared_ptr<const Knowledge> knowledge);

    std::optional<Known> findByHash(const QString& hash);
    std::optional<Known> findByPath(const QString& path);
    /// True when `path` is already recorded as a duplicate of some document.
    bool isRecordedDuplicate(const QString& path);

    Result<std::int64_t> insert(const DocumentFile& file, const Article& article, const Extraction& extraction);
    /// Replaces everything derived from a stored document's text (its structure and extraction),
    /// keeping the document and its id: what re-extraction does after the rules change.
    Status replaceDerived(std::int64_t documentId, const Article& article, const Extraction& extraction);
    Status remove(std::int64_t documentId);
    /// A stored document's article as it was read: its text, title, author, section and date,
    /// blocks, sentences, pages and the sources its structure named (the mapping back of what
    /// insert writes). A page or PDF took its structure from the markup or the page layout and its
    /// metadata from the file, none of which the text parser can find again in the clean text.
    Result<Article> loadArticle(std::int64_t documentId);

    /// Holds sentences' full-text entries and the charts' counts back until flushPending(), for
    /// bulk ingest: FTS5 writes out its pending index at every statement savepoint (which
    /// multi-row statements open), so entries indexed one document at a time are written one tiny
    /// segment per document, and a batch's counts summed in memory are a few hundred upserts
    /// instead of three aggregate queries per document. The caller must call flushPending()
    /// before committing and discardPending() when it rolls back.
    void setDeferIndexing(bool defer) { m_deferIndexing = defer; }
    Status flushPending();
    void discardPending();
    Status recordDuplicate(std::int64_t documentId, const QString& path);
    /// Reads again which documents have corrections (see review/Correction): a document whose
    /// content hash has some is stored with them applied, by insert and replaceDerived alike.
    Status loadCorrectedHashes();

private:
    DocumentStore(Database& db, std::shared_ptr<const Knowledge> knowledge) : m_db(&db), m_knowledge(std::move(knowledge)) {}
    Status insertDerived(std::int64_t id, const Article& article, const Extraction& extraction);
    /// A document's article and extraction with the analyst's corrections applied.
    struct Corrected {
        std::optional<Article> article;  ///< unset when the document has no corrections
        std::optional<Extraction> extraction;
        std::optional<QString> outlet;  ///< the documents.source a correction sets
    };
    /// Applies the corrections for `contentHash`, if it has any (see review/Correction), into `out`.
    Status corrected(const QString& contentHash, const Article& article, const Extraction& extraction, Corrected& out);
    Status insertExtraction(std::int64_t id, const Article& article, const Extraction& extraction,
                            const std::vector<std::int64_t>& sentenceIds);
    Result<std::int64_t> entityId(EntityKind kind, const QString& name);
    /// Writes the charts' counts summed so far (m_counts) and clears them.
    Status flushCounts();
    /// Takes a stored document's share of the charts' counts away, reading it from its rows.
    Status uncountForCharts(std::int64_t id);
    /// Inserts `count` rows, kRowsPerStatement to a statement: `bindRow(statement, firstParameter,
    /// row)` binds one. `ids`, when given, receives each row's id.
    template <typename BindRow>
    Status insertRows(std::vector<Statement>& cache, const char* head, int columns, size_t count, BindRow bindRow,
                      std::vector<std::int64_t>* ids = nullptr);

    Database* m_db;
    std::shared_ptr<const Knowledge> m_knowledge;
    QSet<QString> m_correctedHashes;
    Statement m_byHash, m_byPath, m_isDuplicate, m_insertDocument, m_updateDocument,
        m_indexSentence, m_delete, m_insertDuplicate, m_findEntity, m_insertEntity, m_addMonth, m_addValue,
        m_addMetric, m_hashOf, m_uncountMonths, m_uncountStatistics, m_uncountMetrics;
    /// The statement inserting `rows` rows of `columns` values after `head`, prepared on first use.
    Statement* rowsStatement(std::vector<Statement>& cache, const char* head, int columns, size_t rows);
    static constexpr size_t kRowsPerStatement = 16;
    std::vector<Statement> m_insertBlocks, m_insertSentences, m_insertSources, m_insertMentions,
        m_insertDocumentEntities, m_insertStatistics, m_insertEvents, m_insertClaims,
        m_insertClaimActors;  ///< by row count
    bool m_deferIndexing = false;
    std::vector<std::pair<std::int64_t, QByteArray>> m_pendingIndex;  ///< sentence id, UTF-8 text
    std::map<std::pair<int, QString>, std::int64_t> m_entityIds;  ///< (kind, name) -> id, filled as met
    /// The charts' counts of the documents inserted since the last flush: (entity, month) ->
    /// (documents, claims); (metric key, unit, subject, period, value) -> (occurrences, documents);
    /// (metric key, unit) -> (statistics, documents).
    struct ChartCounts {
        using ValueKey = std::tuple<QString, QString, QString, QString, double>;
        struct ValueCounts {
            std::int64_t occurrences = 0, documents = 0, reviewed = 0;
        };
        std::map<std::pair<std::int64_t, QString>, std::pair<std::int64_t, std::int64_t>> months;
        std::map<ValueKey, ValueCounts> values;
        std::map<std::pair<QString, QString>, std::pair<std::int64_t, std::int64_t>> metrics;
    };
    ChartCounts m_counts;
};

}  // namespace claimlens
