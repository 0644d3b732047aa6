#pragma once

#include "store/Database.h"
#include "structure/Article.h"

#include <QDateTime>

#include <cstdint>
#include <optional>

namespace claimlens {

/// What is stored about a file beside its parsed article.
struct DocumentFile {
    QString path;  ///< absolute path; unique among documents
    QString contentHash;
    QString encoding;
    std::int64_t size = 0;
};

/// The write side of the store: documents with their blocks, sentences and cited sources. Callers
/// group calls into transactions (see IngestJob); each call leaves the database consistent.
class DocumentStore {
public:
    struct Known {
        std::int64_t id;
        QString path;
        QString contentHash;
    };

    /// Prepares its statements on `db`, which must outlive the store.
    static Result<DocumentStore> create(Database& db);

    std::optional<Known> findByHash(const QString& hash);
    std::optional<Known> findByPath(const QString& path);
    /// True when `path` is already recorded as a duplicate of some document.
    bool isRecordedDuplicate(const QString& path);

    Result<std::int64_t> insert(const DocumentFile& file, const Article& article);
    Status remove(std::int64_t documentId);
    Status recordDuplicate(std::int64_t documentId, const QString& path);

private:
    explicit DocumentStore(Database& db) : m_db(&db) {}

    Database* m_db;
    Statement m_byHash, m_byPath, m_isDuplicate, m_insertDocument, m_insertBlock, m_insertSentence, m_indexSentence,
        m_insertSource,
        m_delete, m_insertDuplicate;
};

}  // namespace claimlens
