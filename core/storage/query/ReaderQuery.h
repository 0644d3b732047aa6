#pragma once

#include "query/DocumentQuery.h"

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
};

struct ReaderSentence {
    int ordinal = 0;
    int block = 0;
    qsizetype start = 0;
    qsizetype end = 0;
};

/// A document as a reader shows it: its text, blocks, sentences and everything marked in them.
struct ReaderDocument {
    DocumentSummary summary;
    QString text;  ///< the clean text all offsets point into
    std::vector<StoredBlock> blocks;
    std::vector<ReaderSentence> sentences;
    std::vector<TextMark> marks;  ///< by start, longer marks first at the same start
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
