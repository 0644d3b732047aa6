#pragma once

#include "query/DocumentQuery.h"
#include "review/Correction.h"

#include <vector>

namespace claimlens {

/// Something extraction found at a place in a document's text, for a reader to mark.
struct TextMark {
    enum class Kind { Company, Product, Country, Organization, Person, Statistic, Event, Claim };
    Kind kind = Kind::Company;
    qsizetype start = 0;  ///< into the document's clean text, [start, end)
    qsizetype end = 0;
    QString name;    ///< the entity's canonical name; for a product, its owner's
    QString detail;  ///< one line saying what was read there ("Product of ByteDance", "China · patents · 38,000")
    int sentenceOrdinal = -1;
    Review review = Review::None;  ///< what an analyst decided about it
    bool rejected = false;         ///< a reading an analyst rejected (kept to show, and to undo)
    /// The item as stored, as a correction holds it (review/Correction's *ToJson): what an edit
    /// starts from and what a confirmation confirms.
    QJsonObject reading;
    /// Which correction item it is: a mention, statistic, event or claim.
    CorrectionItem item() const;
};

struct ReaderSentence {
    int ordinal = 0;
    int block = 0;
    qsizetype start = 0;
    qsizetype end = 0;
    QString text;  ///< as stored: what a correction is keyed to
};

/// A document as a reader shows it: its text, blocks, sentences and everything marked in them.
struct ReaderDocument {
    DocumentSummary summary;
    QString text;  ///< the clean text all offsets point into
    std::vector<StoredBlock> blocks;
    std::vector<ReaderSentence> sentences;
    std::vector<TextMark> marks;  ///< by start, longer marks first at the same start
    QString contentHash;          ///< what corrections are keyed to
    /// The analyst's decisions about the document's metadata (title, author, outlet, published).
    std::vector<Correction> metadataCorrections;

    /// The sentence holding [start, end), or nullptr.
    const ReaderSentence* sentenceAt(qsizetype start, qsizetype end) const;
    /// A correction of `mark` with `action` (its value the mark's reading, for Confirm), keyed to
    /// this document and the mark's sentence.
    Correction correctionFor(const TextMark& mark, CorrectionAction action) const;
};

class ReaderQuery {
public:
    explicit ReaderQuery(Database& db) : m_db(&db) {}

    Result<ReaderDocument> load(std::int64_t documentId);

    /// A number as the views print it: thousands separated, no trailing zeros, unit attached
    /// ("38,000", "83%", "USD 2,500,000,000").
    static QString formatValue(double value, const QString& unit);

private:
    Database* m_db;
};

}  // namespace claimlens
