#pragma once

// What ChartQuery's three files (ChartQuery.cpp, ChartQueryIndex.cpp, ChartQuerySql.cpp) share;
// no part of the query layer's interface.
#include "query/ChartQuery.h"

#include <QHash>
#include <QMap>

namespace claimlens::chartquery {

/// A value's first statistic as both paths read it: document, sentence id, ordinal, span, text in
/// columns 0 to 5, and where the sentence starts and the statistic's qualifier in the two columns
/// from `sentenceStartColumn`.
void readFirstSentence(const Statement& row, StatisticValue& v, int sentenceStartColumn);

// A claim's time: its own date, else the day its document was published. The document is read
// only for claims without a date: its rows are large and a million lookups would dominate.
inline constexpr const char* kClaimWhen =
    "coalesce(c.date, (SELECT dp.published FROM documents dp WHERE dp.id = c.document_id), '')";

Result<Statement> prepare(Database& db, const QString& sql);
Error failed(const char* what, const Status& status);
Error failed(const char* what, const Statement& stmt);  ///< the statement's last error

/// Subjects by their largest value, largest first; within a subject, by period, then the largest
/// value first.
void orderValues(StatisticSeries& series);

/// Claims of a company in a month ('YYYY-MM', 'YYYY' or '') into their period.
void countClaims(ClaimsOverTime& out, QMap<QString, QHash<QString, int>>& byPeriod, TimeBucket bucket,
                 const QString& company, const QString& month, int claims);

}  // namespace claimlens::chartquery
