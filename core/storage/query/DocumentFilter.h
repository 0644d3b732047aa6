#pragma once

#include "store/Database.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace claimlens {

/// What the analyst has narrowed the documents to. Every view, chart and CLI listing follows the
/// same filter: within a field any value matches (Baidu or Tencent), across fields all must match
/// (Baidu and China). Empty fields do not filter.
struct DocumentFilter {
    QStringList companies;  ///< canonical names; a document matches when it names one or one of its products
    QStringList countries;  ///< canonical country names
    QStringList sources;    ///< sources a document cites or comes from (its byline outlet, channels)
    QDate from;             ///< publication date range, inclusive; a partial date matches when it overlaps
    QDate to;
    QString search;         ///< full-text words (as DocumentQuery::ftsQuery reads them); a sentence must match

    bool isEmpty() const;
    /// "2024", "2024-07" or "2024-07-04" as the first or the last day it covers; invalid otherwise.
    static QDate firstDay(const QString& partialIso);
    static QDate lastDay(const QString& partialIso);
    bool operator==(const DocumentFilter&) const = default;
};

/// A DocumentFilter as an SQL condition on a document id, with the values it binds, so that every
/// query applies the filter the same way. Values are bound, never spliced into the SQL.
class FilterSql {
public:
    /// How the caller's query meets the documents the conditions test.
    enum class Plan {
        /// It may read them all (counts, charts): a company's documents are a set SQLite builds
        /// once, or walks through its index when that is the smaller side.
        Sets,
        /// It walks rows in an order of its own and stops after a page (the document list, the
        /// search results): a company is tested row by row (store/FilterFunctions.h), so a page
        /// most documents pass is not kept waiting for the whole set.
        Walk,
    };

    /// `documentId` is the SQL expression naming the document id in the caller's query ("d.id").
    /// `firstParameter` is the number of the first ?N the condition uses; the caller's own
    /// parameters come before it. A search is always tested row by row (store/FilterFunctions.h).
    FilterSql(const DocumentFilter& filter, const QString& documentId, int firstParameter, Plan plan = Plan::Sets);

    /// " AND (...)" for each filtering field, or empty when the filter is empty.
    const QString& conditions() const { return m_sql; }
    /// Binds the filter's values from `firstParameter` on.
    void bind(Statement& stmt) const;
    /// The number of the first parameter after the filter's, for whatever the caller binds next.
    int nextParameter() const { return m_next; }

private:
    QString m_sql;
    std::vector<QString> m_values;
    int m_first;
    int m_next;
};

}  // namespace claimlens
