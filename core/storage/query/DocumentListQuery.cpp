#include "query/DocumentListQuery.h"

#include "query/DocumentQuery.h"

#include <QHash>

namespace claimlens {
namespace {

constexpr const char* kRowColumns =
    "d.id, d.path, d.file_name, d.title, d.source, d.author, d.published, d.published_precision,"
    " (SELECT count(*) FROM claims c WHERE c.document_id = d.id),"
    " (SELECT count(*) FROM statistics st WHERE st.document_id = d.id),"
    // a page without a headline is named by its first sentence (derived, and shown as such)
    " CASE WHEN d.title IS NULL OR d.title = '' THEN"
    " (SELECT ft.text FROM sentences ft WHERE ft.document_id = d.id ORDER BY ft.block_ordinal, ft.ordinal LIMIT 1) END";
constexpr int kRowColumnCount = 11;

/// At most `words` words of a sentence, an ellipsis marking the cut.
QString shortened(const QString& sentence, int words)
{
    const QStringList parts = sentence.simplified().split(u' ', Qt::SkipEmptyParts);
    if (parts.size() <= words)
        return parts.join(u' ');
    return parts.mid(0, words).join(u' ') + QStringLiteral("\u2026");
}

/// The SQL value a list is ordered by. Text sorts without regard to case.
QString sortKey(DocumentSort sort)
{
    switch (sort) {
    case DocumentSort::Published:
        return QStringLiteral("d.published");
    case DocumentSort::Title:
        return QStringLiteral("d.title COLLATE NOCASE");
    case DocumentSort::Source:
        return QStringLiteral("d.source COLLATE NOCASE");
    case DocumentSort::Author:
        return QStringLiteral("d.author COLLATE NOCASE");
    case DocumentSort::FileName:
        return QStringLiteral("d.file_name COLLATE NOCASE");
    case DocumentSort::Companies:
        return QStringLiteral("(SELECT count(*) FROM document_entities ke JOIN entities kx ON kx.id = ke.entity_id"
                              " WHERE ke.document_id = d.id AND kx.kind = 'company')");
    case DocumentSort::Claims:
        return QStringLiteral("(SELECT count(*) FROM claims kc WHERE kc.document_id = d.id)");
    case DocumentSort::Statistics:
        return QStringLiteral("(SELECT count(*) FROM statistics ks WHERE ks.document_id = d.id)");
    }
    return QStringLiteral("d.published");
}

DocumentListRow readRow(const Statement& s)
{
    DocumentListRow r;
    r.id = s.int64(0);
    r.path = s.text(1);
    r.fileName = s.text(2);
    r.title = s.text(3);
    r.source = s.text(4);
    r.author = s.text(5);
    if (!s.isNull(6)) {
        r.published = PartialDate::fromStored(s.text(6), s.integer(7));
    }
    r.claims = s.integer(8);
    r.statistics = s.integer(9);
    if (!s.isNull(10))
        r.derivedTitle = shortened(s.text(10), 12);
    return r;
}

}  // namespace

Result<DocumentPage> DocumentListQuery::page(const DocumentFilter& filter, DocumentSort sort, bool descending,
                                             const ListCursor& after, int limit)
{
    DocumentPage page;
    const bool counted = sort == DocumentSort::Companies || sort == DocumentSort::Claims || sort == DocumentSort::Statistics;
    KeysetQuery query{QLatin1String(kRowColumns), kRowColumnCount, QStringLiteral("documents d"), QStringLiteral("d.id"),
                      sortKey(sort), counted ? KeysetQuery::KeyType::Integer : KeysetQuery::KeyType::Text, descending};
    DocumentFilter rest = filter;
    // One company, newest first (the list as it opens): walk that company's documents in the
    // (company, date) key of document_entities, so the first page costs the same whether the
    // company is in 1% of the documents or in 95%. Undated ones have '' there and come last.
    if (sort == DocumentSort::Published && descending && filter.companies.size() == 1) {
        if (const std::int64_t entity = companyId(filter.companies.first()); entity > 0) {
            query.from = QStringLiteral("document_entities de JOIN documents d ON d.id = de.document_id AND de.entity_id = %1")
                             .arg(entity);
            query.key = QStringLiteral("de.published");
            query.id = QStringLiteral("de.document_id");
            rest.companies.clear();
        }
    }
    // the walked key's document id: a condition on it is tested before the document's row is read
    const FilterSql where(rest, query.id, 1, FilterSql::Plan::Walk);
    auto read = readKeysetPage(*m_db, query, where, after, limit,
                               [&](const Statement& row) { page.rows.push_back(readRow(row)); });
    if (!read)
        return Error{read.error()};
    page.next = read->next;
    page.atEnd = read->atEnd;

    // The companies column: the three a document names most, read for the page's rows at once.
    if (!page.rows.empty()) {
        QStringList ids;
        QHash<std::int64_t, DocumentListRow*> byId;
        for (DocumentListRow& r : page.rows) {
            ids.append(QString::number(r.id));
            byId.insert(r.id, &r);
        }
        auto names = m_db->prepare(
            // CROSS JOIN keeps document_entities outside, read through its document index: the
            // other way round reads every row of every company.
            QStringLiteral("SELECT de.document_id, e.name FROM document_entities de CROSS JOIN entities e ON e.id = de.entity_id"
                           " WHERE e.kind = 'company' AND de.document_id IN (%1)"
                           " ORDER BY de.document_id, de.mention_count DESC, e.name")
                .arg(ids.join(u','))
                .toUtf8()
                .constData());
        if (!names)
            return Error{names.error()};
        if (Status s = names->forEach([&](const Statement& row) {
                if (DocumentListRow* r = byId.value(row.int64(0)); r && r->companies.size() < 3)
                    r->companies.append(row.text(1));
            });
            !s)
            return Error{s.error()};
    }
    return page;
}

Result<std::vector<DocumentListRow>> DocumentListQuery::all(const DocumentFilter& filter, DocumentSort sort,
                                                            bool descending)
{
    std::vector<DocumentListRow> out;
    ListCursor cursor;
    for (;;) {
        auto page = this->page(filter, sort, descending, cursor, 500);
        if (!page)
            return Error{page.error()};
        std::move(page->rows.begin(), page->rows.end(), std::back_inserter(out));
        if (page->atEnd)
            return out;
        cursor = page->next;
    }
}

Result<int> DocumentListQuery::count(const DocumentFilter& filter)
{
    DocumentFilter rest = filter;
    rest.companies.clear();
    if (filter.companies.size() == 1 && rest.isEmpty()) {  // an index range of one company's documents
        auto stmt = m_db->prepare("SELECT count(*) FROM document_entities WHERE entity_id = ?1");
        if (!stmt)
            return Error{stmt.error()};
        stmt->bind(1, companyId(filter.companies.first()));
        if (!stmt->step())
            return Error{stmt->status().ok() ? QStringLiteral("no count") : stmt->status().error()};
        return stmt->integer(0);
    }
    rest = filter;
    rest.search.clear();
    const QString fts = DocumentQuery::ftsQuery(filter.search);
    if (!fts.isEmpty() && rest.isEmpty()) {
        // a search alone: its documents counted off the full-text index, no document visited
        int n = 0;
        if (Status s = DocumentQuery::forEachMatchingDocument(*m_db, fts, [&](std::int64_t) { ++n; }); !s)
            return Error{s.error()};
        return n;
    }
    // With a search, every document is tested in the smallest index (the unary + keeps SQLite from
    // looking up by id each document of a company instead: 65,000 rows read, 180 ms at 100,000).
    const FilterSql where(filter, fts.isEmpty() ? QStringLiteral("d.id") : QStringLiteral("+d.id"), 1);
    auto stmt = m_db->prepare(
        QStringLiteral("SELECT count(*) FROM documents d WHERE 1%1").arg(where.conditions()).toUtf8().constData());
    if (!stmt)
        return Error{stmt.error()};
    where.bind(*stmt);
    if (!stmt->step())
        return Error{stmt->status().ok() ? QStringLiteral("no count") : stmt->status().error()};
    return stmt->integer(0);
}

Result<bool> DocumentListQuery::contains(const DocumentFilter& filter, std::int64_t documentId)
{
    // one row walked: a search is probed among this document's sentences only (store/FilterFunctions.h)
    const FilterSql where(filter, QStringLiteral("d.id"), 2, FilterSql::Plan::Walk);
    auto stmt = m_db->prepare(
        QStringLiteral("SELECT 1 FROM documents d WHERE d.id = ?1%1").arg(where.conditions()).toUtf8().constData());
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, documentId);
    where.bind(*stmt);
    const bool found = stmt->step();
    if (!stmt->status())
        return Error{stmt->status().error()};
    return found;
}

std::int64_t DocumentListQuery::companyId(const QString& name)
{
    auto stmt = m_db->prepare("SELECT id FROM entities WHERE kind = 'company' AND name = ?1");
    if (!stmt)
        return -1;
    stmt->bind(1, name);
    return stmt->step() ? stmt->int64(0) : 0;
}

Result<std::vector<FacetCount>> DocumentListQuery::sources()
{
    auto stmt = m_db->prepare(
        "SELECT name, count(DISTINCT document_id) AS n, max(outlet) AS o FROM"
        " (SELECT name, document_id, kind = 'outlet' AS outlet FROM cited_sources"
        " UNION ALL SELECT source, id, 0 FROM documents WHERE source IS NOT NULL AND source <> '')"
        " GROUP BY name ORDER BY o DESC, n DESC, name");
    if (!stmt)
        return Error{stmt.error()};
    std::vector<FacetCount> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back({row.text(0), row.integer(1), row.integer(2) != 0});
        });
        !s)
        return Error{s.error()};
    return out;
}

Result<std::pair<PartialDate, PartialDate>> DocumentListQuery::dateRange()
{
    auto stmt = m_db->prepare("SELECT min(published), max(published) FROM documents WHERE published IS NOT NULL");
    if (!stmt)
        return Error{stmt.error()};
    if (!stmt->step() || stmt->isNull(0))
        return std::pair<PartialDate, PartialDate>{};
    return std::pair{PartialDate::fromIso(stmt->text(0)), PartialDate::fromIso(stmt->text(1))};
}

}  // namespace claimlens
