#include "query/DocumentFilter.h"

#include "query/DocumentQuery.h"
#include "store/FilterFunctions.h"

#include <QRegularExpression>

namespace claimlens {

bool DocumentFilter::isEmpty() const
{
    return companies.isEmpty() && countries.isEmpty() && sources.isEmpty() && !from.isValid() && !to.isValid() &&
           DocumentQuery::ftsQuery(search).isEmpty();
}

namespace {

QDate boundDay(const QString& partialIso, bool last)
{
    static const QRegularExpression shape(QStringLiteral("^\\d{4}(-\\d{2}(-\\d{2})?)?$"));
    const QString iso = partialIso.trimmed();
    if (!shape.match(iso).hasMatch())
        return {};
    const PartialDate d = PartialDate::fromIso(iso);
    if (d.precision == DatePrecision::Day)
        return QDate(d.year, d.month, d.day);
    if (d.precision == DatePrecision::Month) {
        const QDate first(d.year, d.month, 1);
        return last ? first.addMonths(1).addDays(-1) : first;
    }
    if (d.precision == DatePrecision::Year)
        return last ? QDate(d.year, 12, 31) : QDate(d.year, 1, 1);
    return {};
}

}  // namespace

QDate DocumentFilter::firstDay(const QString& partialIso)
{
    return boundDay(partialIso, false);
}

QDate DocumentFilter::lastDay(const QString& partialIso)
{
    return boundDay(partialIso, true);
}

FilterSql::FilterSql(const DocumentFilter& filter, const QString& documentId, int firstParameter, Plan plan)
    : m_first(firstParameter), m_next(firstParameter)
{
    auto parameter = [&](const QString& value) {
        m_values.push_back(value);
        return QStringLiteral("?%1").arg(m_next++);
    };
    auto list = [&](const QStringList& values) {
        QStringList marks;
        for (const QString& v : values)
            marks.append(parameter(v));
        return marks.join(u',');
    };
    // document_entities holds a row per document and entity, products counted for their owner, so
    // neither filter reads mentions.
    auto entityCondition = [&](const char* kind, const QStringList& names) {
        if (plan == Plan::Walk) {
            m_sql += QStringLiteral(" AND claimlens_entity_document('%1', %2, %3)")
                         .arg(QLatin1String(kind), parameter(names.join(kEntityNameSeparator)), documentId);
            return;
        }
        // The entity ids first, then their documents through the (entity, date, document) key: a
        // join would have SQLite read document_entities row by row against entities instead.
        m_sql += QStringLiteral(" AND %1 IN (SELECT de.document_id FROM document_entities de WHERE de.entity_id IN"
                                " (SELECT e.id FROM entities e WHERE e.kind = '%2' AND e.name IN (%3)))")
                     .arg(documentId, QLatin1String(kind), list(names));
    };
    if (!filter.companies.isEmpty())
        entityCondition("company", filter.companies);
    if (!filter.countries.isEmpty())
        entityCondition("country", filter.countries);
    if (!filter.sources.isEmpty()) {
        const QString marks = list(filter.sources);
        m_sql += QStringLiteral(" AND (%1 IN (SELECT cs.document_id FROM cited_sources cs WHERE cs.name IN (%2))"
                                " OR %1 IN (SELECT sd.id FROM documents sd WHERE sd.source IN (%2)))")
                     .arg(documentId, marks);
    }
    // Dates are stored as "2024", "2024-07" or "2024-07-04": a partial date starts at its own text
    // and ends just before its text followed by "~", which sorts after every digit and dash.
    if (filter.from.isValid() || filter.to.isValid()) {
        m_sql += QStringLiteral(" AND %1 IN (SELECT pd.id FROM documents pd WHERE pd.published IS NOT NULL").arg(documentId);
        if (filter.from.isValid())
            m_sql += QStringLiteral(" AND pd.published || '~' >= %1").arg(parameter(filter.from.toString(Qt::ISODate)));
        if (filter.to.isValid())
            m_sql += QStringLiteral(" AND pd.published <= %1").arg(parameter(filter.to.toString(Qt::ISODate)));
        m_sql += u')';
    }
    if (const QString fts = DocumentQuery::ftsQuery(filter.search); !fts.isEmpty())
        // tested row by row, probed or against the documents read off the index (store/FilterFunctions.h)
        m_sql += QStringLiteral(" AND claimlens_search_document(%2, %1, %3)")
                     .arg(documentId, parameter(fts))
                     .arg(plan == Plan::Walk ? kFilterProbes : 0);
}

void FilterSql::bind(Statement& stmt) const
{
    int index = m_first;
    for (const QString& v : m_values)
        stmt.bind(index++, v);
}

}  // namespace claimlens
