#pragma once

#include "review/CorrectionStore.h"

#include <memory>

namespace claimlens {

class Knowledge;

/// Which reading a decision is about: its document's text and the item's kind and span.
struct ReadingKey {
    QString contentHash;
    CorrectionItem item = CorrectionItem::Statistic;
    qsizetype start = 0;
    qsizetype end = 0;
    static ReadingKey of(const Correction& c) { return {c.contentHash, c.item, c.start, c.end}; }
};

/// What an import did.
struct ReviewImport {
    int stored = 0;     ///< corrections written (new or replacing one about the same reading)
    int documents = 0;  ///< stored documents read again with them
};

/// Records the analyst's decisions and reads their documents again with them applied, each change
/// one transaction: the corrections table and the readings the charts, the timeline and the
/// exports use never disagree. Each change returns the decision it replaced, for undo.
class Reviewer {
public:
    /// `knowledge` is what the extractor reads the documents with (the ingest's).
    Reviewer(Database& db, std::shared_ptr<const Knowledge> knowledge);

    /// Stores `c` (replacing any decision about the same reading) and applies it.
    Result<std::optional<Correction>> record(const Correction& c);
    /// Removes the decision about `key`, if any: the machine's reading is back.
    Result<std::optional<Correction>> clear(const ReadingKey& key);
    /// Puts back what `record` or `clear` returned: `previous`, or no decision when it is empty.
    Status restore(const ReadingKey& key, const std::optional<Correction>& previous);
    /// Stores each correction (replacing decisions about the same readings) and reads the stored
    /// documents they are about again, all in one transaction.
    Result<ReviewImport> import(const std::vector<Correction>& corrections);

private:
    /// Sets the decision about `key` to `next` (none when empty); returns the one before.
    Result<std::optional<Correction>> change(const ReadingKey& key, const std::optional<Correction>& next);
    /// Reads the stored documents with these content hashes again; returns how many there were.
    Result<int> reread(const QSet<QString>& hashes);

    Database* m_db;
    std::shared_ptr<const Knowledge> m_knowledge;
};

}  // namespace claimlens
