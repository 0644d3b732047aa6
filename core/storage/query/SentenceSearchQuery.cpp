#include "query/SentenceSearchQuery.h"

#include "query/DocumentQuery.h"
#include "store/SentenceId.h"

namespace claimlens {

Result<SentenceHitPage> SentenceSearchQuery::page(const DocumentFilter& filter, const ListCursor& after, int limit)
{
    SentenceHitPage page;
    const QString fts = DocumentQuery::ftsQuery(filter.search);
    if (fts.isEmpty()) {
        page.atEnd = true;
        return page;
    }
    DocumentFilter rest = filter;  // the search itself is the MATCH below
    rest.search.clear();
    // the walk's own document ids (store/SentenceId.h): a document is tested before its sentence is read
    const FilterSql where(rest, QStringLiteral("(sentences_fts.rowid >> %1)").arg(kSentenceOrdinalBits), 4,
                          FilterSql::Plan::Walk);
    // CROSS JOIN keeps the full-text index outside: it yields its matches in rowid order from the
    // cursor on, so LIMIT stops it after one page.
    const QString sql =
        QStringLiteral("SELECT s.id, s.document_id, s.ordinal, coalesce(nullif(d.title, ''), d.file_name), d.published,"
                       " d.published_precision, highlight(sentences_fts, 0, ?2, ?3)"
                       " FROM sentences_fts CROSS JOIN sentences s ON s.id = sentences_fts.rowid"
                       " CROSS JOIN documents d ON d.id = s.document_id"
                       " WHERE sentences_fts MATCH ?1 AND sentences_fts.rowid > %1%2"
                       " ORDER BY sentences_fts.rowid LIMIT %3")
            .arg(after.started ? after.id : 0)
            .arg(where.conditions())
            .arg(limit);
    auto stmt = m_db->prepare(sql.toUtf8().constData());
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, fts).bind(2, QString(kMarkOpen)).bind(3, QString(kMarkClose));
    where.bind(*stmt);
    Status read = stmt->forEach([&](const Statement& row) {
        SentenceHit hit;
        hit.sentenceId = row.int64(0);
        hit.documentId = row.int64(1);
        hit.ordinal = row.integer(2);
        hit.title = row.text(3);
        if (!row.isNull(4))
            hit.published = PartialDate::fromStored(row.text(4), row.integer(5));
        hit.marked = row.text(6);
        page.rows.push_back(std::move(hit));
    });
    if (!read)
        return Error{QStringLiteral("search for \"%1\" failed: %2").arg(filter.search, read.error())};
    page.atEnd = static_cast<int>(page.rows.size()) < limit;
    page.next = after;
    if (!page.rows.empty())
        page.next = {true, false, {}, page.rows.back().sentenceId};
    return page;
}

}  // namespace claimlens
