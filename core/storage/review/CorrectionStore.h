#pragma once

#include "review/Correction.h"
#include "store/Database.h"

#include <QSet>

#include <optional>
#include <vector>

namespace claimlens {

/// A correction as listed: where it stands against the documents stored now.
struct ListedCorrection {
    Correction correction;
    std::int64_t documentId = 0;  ///< 0 when no stored document has its content hash
    QString fileName;             ///< the document's, when stored
    /// Not applied: its document is no longer stored (the file changed or was removed), or its
    /// sentence is no longer in the document.
    bool orphaned = false;
    QString why;  ///< for an orphan, why
};

/// The corrections table: the analyst's decisions, one per reading (content hash, item, span).
/// Writing one does not change the readings; Reviewer does both in one transaction.
class CorrectionStore {
public:
    explicit CorrectionStore(Database& db) : m_db(&db) {}

    /// The content hashes that have corrections: what DocumentStore must apply them to.
    Result<QSet<QString>> correctedHashes();
    Result<std::vector<Correction>> forDocument(const QString& contentHash);
    /// The correction about the reading at (hash, item, span), if any.
    Result<std::optional<Correction>> find(const QString& contentHash, CorrectionItem item, qsizetype start,
                                           qsizetype end);
    /// Stores `c`, replacing any decision about the same reading; returns its id.
    Result<std::int64_t> put(const Correction& c);
    Status remove(std::int64_t id);
    /// Every correction, oldest first, with its document and whether it is orphaned.
    Result<std::vector<ListedCorrection>> list();

private:
    Database* m_db;
};

}  // namespace claimlens
