#pragma once

#include "store/Database.h"
#include "structure/Article.h"

#include <QMap>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace claimlens {

struct DocumentSummary {
    std::int64_t id = 0;
    QString path;
    QString fileName;
    QString title;
    QString author;
    QString section;
    QString source;
    PartialDate published;
    QString encoding;
    QString ingestedAt;
    int sentenceCount = 0;
    int duplicateCount = 0;
    QString format;  ///< what the file was read as: "text", "html" or "pdf"
};

struct StoredBlock {
    int ordinal = 0;
    BlockKind kind = BlockKind::Paragraph;
    qsizetype start = 0;
    qsizetype end = 0;
    int attachedTo = -1;
    QString key;
    QString value;
    QString text;  ///< the block's text, a bullet without its marker
    int page = 0;  ///< the source page it starts on (1-based), 0 when the source has no pages
};

struct StoredSource {
    QString name;
    QString kind;
    QString relativeAge;
    int sentenceOrdinal = -1;
};

/// The outlets the article comes from first, then the sources it cites, each name once: the
/// "sources" of an export.
QStringList uniqueSourceNames(const std::vector<StoredSource>& sources);

struct SearchHit {
    std::int64_t documentId = 0;
    QString fileName;
    QString title;
    int sentenceOrdinal = 0;
    QString snippet;  ///< the sentence with matches between [ and ]
};

/// A word or "a phrase" of what a user typed into a search box.
struct SearchTerm {
    QString text;         ///< without its quotes or trailing *
    bool prefix = false;  ///< typed as `word*`
};

struct StoreStats {
    int documents = 0;
    int duplicates = 0;
    int sentences = 0;
    int sources = 0;
    std::int64_t textCharacters = 0;
    QMap<QString, int> blocksByKind;
    int schemaVersion = 0;
};

/// The read side of the store, for the CLI, export and views. No caller writes SQL.
class DocumentQuery {
public:
    explicit DocumentQuery(Database& db) : m_db(&db) {}

    Result<std::vector<DocumentSummary>> documents();
    /// A document by id, file name or path.
    std::optional<DocumentSummary> find(const QString& idNameOrPath);
    std::optional<DocumentSummary> byId(std::int64_t id);
    Result<std::vector<StoredBlock>> blocks(std::int64_t documentId);
    Result<std::vector<QString>> sentences(std::int64_t documentId);
    /// The source page a stored sentence (by its id, as extraction rows keep it) starts on, 1-based;
    /// 0 when its document has no pages.
    Result<int> sentencePage(std::int64_t sentenceId);
    Result<std::vector<StoredSource>> sources(std::int64_t documentId);
    Result<std::vector<QString>> duplicatePaths(std::int64_t documentId);
    /// Full-text search over sentences. Words are matched as written (all of them, any order);
    /// a trailing * matches a prefix; "quoted words" match as a phrase.
    Result<std::vector<SearchHit>> search(const QString& text, int limit = 50);
    Result<StoreStats> stats();

    /// The words and phrases of what a user typed, as search reads them: each once, at most
    /// kMaxSearchTerms of them and kMaxPrefixTerms prefixes, a prefix at least two characters
    /// ("a*" is the word "a"), so any query answers in bounded time (see searchNotice).
    static std::vector<SearchTerm> searchTerms(const QString& text);
    static constexpr int kMaxSearchTerms = 16;
    static constexpr int kMaxPrefixTerms = 4;
    /// What searchTerms left out of `text`, in words for the user; empty when nothing.
    static QString searchNotice(const QString& text);
    /// Turns what a user typed into an FTS5 query that cannot be a syntax error.
    static QString ftsQuery(const QString& text);
    /// Calls `document(id)` for each document with a sentence matching `fts` (an ftsQuery), once
    /// each, in ascending order: the in-memory indexes' search (ChartIndex, FacetIndex).
    static Status forEachMatchingDocument(Database& db, const QString& fts, const std::function<void(std::int64_t)>& document);

private:
    Database* m_db;
};

}  // namespace claimlens
