#pragma once

#include "query/DocumentFilter.h"
#include "store/Database.h"

#include <cstdint>
#include <vector>

namespace claimlens {

/// One fact the filtered documents report: a subject's metric for a period, with how many
/// documents report it, the spread of their values and how much of it an analyst reviewed.
struct Fact {
    QString subject;
    QString metricKey;
    QString metric;  ///< the words the articles use most
    QString unit;
    QString period;  ///< empty when none is given
    int documents = 0;
    int readings = 0;
    int reviewed = 0;  ///< readings an analyst confirmed, edited or added
    double low = 0;
    double high = 0;
    /// Documents give values that differ beyond rounding.
    bool disagree = false;
};

/// A reading behind a fact: the sentence and the value it gives.
struct FactReading {
    std::int64_t documentId = 0;
    QString fileName;
    QString title;
    QString published;
    int sentenceOrdinal = 0;
    QString sentence;
    double value = 0;
    QString qualifier;
    QString review;  ///< "" unreviewed, else "confirmed", "edited", "added"
    qsizetype start = 0;  ///< the figure's span in the document's clean text
    qsizetype end = 0;
};

/// The Facts table's data: statistics grouped by subject, metric and period under a filter.
class FactsQuery {
public:
    explicit FactsQuery(Database& db) : m_db(&db) {}
    /// Facts most reported first (then by subject), at most `limit`.
    Result<std::vector<Fact>> facts(const DocumentFilter& filter, int limit = 20000);
    /// The readings behind a fact, in document order.
    Result<std::vector<FactReading>> readings(const DocumentFilter& filter, const Fact& fact);

private:
    Database* m_db;
};

}  // namespace claimlens
