#include "query/ExtractionQuery.h"

namespace claimlens {
namespace {

EntityKind kindFromName(const QString& name)
{
    for (EntityKind k : {EntityKind::Company, EntityKind::Product, EntityKind::Country, EntityKind::Organization,
                         EntityKind::Person})
        if (entityKindName(k) == name)
            return k;
    return EntityKind::Company;
}

PartialDate dateOf(const Statement& s, int isoColumn, int precisionColumn)
{
    return PartialDate::fromStored(s.text(isoColumn), s.integer(precisionColumn));
}

}  // namespace

QString ExtractionQuery::resolveCompany(const QString& typed)
{
    auto stmt = m_db->prepare("SELECT name FROM entities WHERE kind = 'company' AND name = ?1 COLLATE NOCASE");
    if (stmt) {
        stmt->bind(1, typed.trimmed());
        if (stmt->step())
            return stmt->text(0);
    }
    // an alias the knowledge base knows ("Alphabet's Google", "百度")
    const auto knowledge = Knowledge::defaults();
    for (const AliasMatch& m : knowledge->match(typed.trimmed())) {
        const Entity& e = knowledge->entity(m.alias->entity);
        if (e.kind == EntityKind::Company)
            return e.name;
    }
    // (by the name it has now: merged into another, the other's; excluded, none)
    if (const int known = knowledge->find(EntityKind::Company, typed); known >= 0)
        return knowledge->entity(known).name;
    return {};
}

Result<std::vector<EntityCount>> ExtractionQuery::entities(EntityKind kind)
{
    auto stmt = m_db->prepare(
        "SELECT e.name, e.kind, count(*), sum(de.via_product), sum(de.mention_count) FROM document_entities de"
        " JOIN entities e ON e.id = de.entity_id WHERE e.kind = ?1 GROUP BY e.id ORDER BY count(*) DESC, e.name");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, entityKindName(kind));
    std::vector<EntityCount> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back({row.text(0), kindFromName(row.text(1)), row.integer(2), row.integer(3), row.integer(4)});
        });
        !s)
        return Error{s.error()};
    return out;
}

Result<std::vector<StatisticRow>> ExtractionQuery::statistics(const ExtractionFilter& filter)
{
    auto stmt = m_db->prepare(
        "SELECT st.document_id, d.file_name, st.subject, st.metric_key, st.metric, st.value, st.unit, st.qualifier,"
        " st.period, s.text, st.span_start, st.span_end, st.kind FROM statistics st JOIN documents d ON d.id = st.document_id"
        " JOIN sentences s ON s.id = st.sentence_id"
        " WHERE (?1 IS NULL OR st.subject = ?1) AND (?2 IS NULL OR st.metric_key = ?2 OR st.metric LIKE '%' || ?2 || '%')"
        " ORDER BY st.metric_key, st.value DESC");
    if (!stmt)
        return Error{stmt.error()};
    QString company;
    if (!filter.company.isEmpty()) {
        company = resolveCompany(filter.company);
        if (company.isEmpty())
            company = filter.company;  // a country is a subject too
    }
    stmt->bind(1, company).bind(2, filter.metric.isEmpty() ? QString() : filter.metric);
    std::vector<StatisticRow> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back({row.int64(0), row.text(1), row.text(2), row.text(3), row.text(4), row.real(5),
                           row.text(6), row.text(7), row.text(8), row.text(9), row.int64(10), row.int64(11),
                           row.text(12)});
        });
        !s)
        return Error{s.error()};
    return out;
}

Result<std::vector<EventRow>> ExtractionQuery::events(const ExtractionFilter& filter)
{
    auto stmt = m_db->prepare(
        "SELECT ev.document_id, d.file_name, ev.date, ev.precision, ev.relative, s.text FROM events ev"
        " JOIN documents d ON d.id = ev.document_id JOIN sentences s ON s.id = ev.sentence_id"
        " WHERE ?1 IS NULL OR ev.document_id IN (SELECT de.document_id FROM document_entities de"
        "   JOIN entities e ON e.id = de.entity_id WHERE e.kind = 'company' AND e.name = ?1)"
        " ORDER BY ev.date IS NULL, ev.date, d.file_name");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, filter.company.isEmpty() ? QString() : resolveCompany(filter.company));
    std::vector<EventRow> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back({row.int64(0), row.text(1), dateOf(row, 2, 3), row.text(4), row.text(5)});
        });
        !s)
        return Error{s.error()};
    return out;
}

Result<std::vector<ClaimRow>> ExtractionQuery::claims(const ExtractionFilter& filter)
{
    auto stmt = m_db->prepare(
        "SELECT c.id, c.document_id, d.file_name, s.ordinal, s.text, c.score, c.date, c.date_precision, c.source,"
        " (SELECT group_concat(e.name, '|') FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
        "  WHERE ca.claim_id = c.id), d.published, d.published_precision, c.review"
        " FROM claims c JOIN documents d ON d.id = c.document_id JOIN sentences s ON s.id = c.sentence_id"
        " WHERE ?1 IS NULL OR c.id IN (SELECT ca.claim_id FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
        "   WHERE e.name = ?1)"
        " ORDER BY c.date IS NULL, c.date, d.file_name, s.ordinal");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, filter.company.isEmpty() ? QString() : resolveCompany(filter.company));
    std::vector<ClaimRow> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back({row.int64(1), row.text(2), {}, row.integer(3), row.text(4), row.real(5), dateOf(row, 6, 7),
                           row.text(9).split(u'|', Qt::SkipEmptyParts), row.text(8), dateOf(row, 10, 11), row.text(12)});
        });
        !s)
        return Error{s.error()};
    return out;
}

Result<ClaimPage> ExtractionQuery::claimPage(const DocumentFilter& filter, ClaimSort sort, bool descending,
                                            const ListCursor& after, int limit)
{
    QString key = QStringLiteral("c.date");
    auto type = KeysetQuery::KeyType::Text;
    switch (sort) {
    case ClaimSort::Date:
        break;
    case ClaimSort::Score:
        key = QStringLiteral("c.score");
        type = KeysetQuery::KeyType::Real;
        break;
    case ClaimSort::Document:
        key = QStringLiteral("coalesce(d.title, d.file_name) COLLATE NOCASE");
        break;
    case ClaimSort::Text:
        key = QStringLiteral("s.text COLLATE NOCASE");
        break;
    case ClaimSort::Reported:
        key = QStringLiteral("d.published");
        break;
    case ClaimSort::Actors:
        key = QStringLiteral("(SELECT min(ke.name) FROM claim_actors ka JOIN entities ke ON ke.id = ka.entity_id"
                             " WHERE ka.claim_id = c.id)");
        break;
    case ClaimSort::Review:
        key = QStringLiteral("coalesce(c.review, '')");
        break;
    }
    const KeysetQuery query{
        QStringLiteral("c.document_id, d.file_name, d.title, s.ordinal, s.text, c.score, c.date, c.date_precision, c.source,"
                       " (SELECT group_concat(e.name, '|') FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
                       "  WHERE ca.claim_id = c.id), d.published, d.published_precision, c.review"),
        13,
        QStringLiteral("claims c JOIN documents d ON d.id = c.document_id JOIN sentences s ON s.id = c.sentence_id"),
        QStringLiteral("c.id"),
        key,
        type,
        descending};
    const FilterSql where(filter, QStringLiteral("c.document_id"), 1);
    ClaimPage page;
    auto read = readKeysetPage(*m_db, query, where, after, limit, [&](const Statement& st) {
        page.rows.push_back({st.int64(0), st.text(1), st.text(2), st.integer(3), st.text(4), st.real(5), dateOf(st, 6, 7),
                             st.text(9).split(u'|', Qt::SkipEmptyParts), st.text(8), dateOf(st, 10, 11), st.text(12)});
    });
    if (!read)
        return Error{read.error()};
    page.next = read->next;
    page.atEnd = read->atEnd;
    return page;
}

Result<DocumentExtraction> ExtractionQuery::forDocument(std::int64_t documentId)
{
    DocumentExtraction out;
    // entities in the order the body names them, then those only its headline or headings name
    auto names = m_db->prepare(
        "SELECT kind, name FROM ("
        " SELECT e.kind AS kind, e.name AS name, min(m.span_start) AS first FROM mentions m"
        "  JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ?1 AND m.via_entity_id IS NULL GROUP BY e.id"
        " UNION ALL SELECT e.kind, e.name, NULL FROM document_entities de JOIN entities e ON e.id = de.entity_id"
        "  WHERE de.document_id = ?1 AND de.via_product = 0 AND NOT EXISTS (SELECT 1 FROM mentions m"
        "   WHERE m.document_id = ?1 AND m.entity_id = de.entity_id AND m.via_entity_id IS NULL))"
        " ORDER BY first IS NULL, first, name");
    auto products = m_db->prepare(
        "SELECT p.name, e.name, min(m.span_start) AS first FROM mentions m JOIN entities p ON p.id = m.via_entity_id"
        " JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ?1 GROUP BY p.id ORDER BY first");
    auto cited = m_db->prepare("SELECT DISTINCT name FROM cited_sources WHERE document_id = ?1 AND kind = 'cited'");
    if (!names || !products || !cited)
        return Error{m_db->lastError()};
    names->bind(1, documentId);
    if (Status s = names->forEach([&](const Statement& row) {
            const QString name = row.text(1);
            switch (kindFromName(row.text(0))) {
            case EntityKind::Company:
                out.companies.append(name);
                break;
            case EntityKind::Product:
                if (std::none_of(out.products.begin(), out.products.end(), [&](const ProductRow& p) { return p.name == name; }))
                    out.products.push_back({name, {}});
                break;
            case EntityKind::Country:
                out.countries.append(name);
                break;
            case EntityKind::Organization:
                out.organizations.append(name);
                break;
            case EntityKind::Person:
                out.people.append(name);
                break;
            }
        });
        !s)
        return Error{s.error()};
    products->bind(1, documentId);
    if (Status s = products->forEach([&](const Statement& row) {
            const QString name = row.text(0);
            auto it = std::find_if(out.products.begin(), out.products.end(), [&](const ProductRow& p) { return p.name == name; });
            if (it == out.products.end())
                out.products.push_back({name, row.text(1)});
            else
                it->owner = row.text(1);
        });
        !s)
        return Error{s.error()};
    cited->bind(1, documentId);
    if (Status s = cited->forEach([&](const Statement& row) { out.citedSources.append(row.text(0)); }); !s)
        return Error{s.error()};

    auto stats = m_db->prepare(
        "SELECT st.subject, st.metric_key, st.metric, st.value, st.unit, st.qualifier, st.period, s.text, st.span_start,"
        " st.span_end, st.kind FROM statistics st JOIN sentences s ON s.id = st.sentence_id WHERE st.document_id = ?1"
        " ORDER BY st.span_start");
    auto events = m_db->prepare(
        "SELECT ev.date, ev.precision, ev.relative, s.text FROM events ev JOIN sentences s ON s.id = ev.sentence_id"
        " WHERE ev.document_id = ?1 ORDER BY ev.span_start");
    auto claims = m_db->prepare(
        "SELECT s.ordinal, s.text, c.score, c.date, c.date_precision, c.source,"
        " (SELECT group_concat(e.name, '|') FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
        "  WHERE ca.claim_id = c.id), d.published, d.published_precision, c.review FROM claims c"
        " JOIN sentences s ON s.id = c.sentence_id JOIN documents d ON d.id = c.document_id WHERE c.document_id = ?1"
        " ORDER BY s.ordinal");
    if (!stats || !events || !claims)
        return Error{m_db->lastError()};
    stats->bind(1, documentId);
    if (Status s = stats->forEach([&](const Statement& row) {
            out.statistics.push_back({documentId, {}, row.text(0), row.text(1), row.text(2), row.real(3), row.text(4),
                                      row.text(5), row.text(6), row.text(7), row.int64(8), row.int64(9), row.text(10)});
        });
        !s)
        return Error{s.error()};
    events->bind(1, documentId);
    if (Status s = events->forEach([&](const Statement& row) {
            out.events.push_back({documentId, {}, dateOf(row, 0, 1), row.text(2), row.text(3)});
        });
        !s)
        return Error{s.error()};
    claims->bind(1, documentId);
    if (Status s = claims->forEach([&](const Statement& row) {
            out.claims.push_back({documentId, {}, {}, row.integer(0), row.text(1), row.real(2), dateOf(row, 3, 4),
                                  row.text(6).split(u'|', Qt::SkipEmptyParts), row.text(5), dateOf(row, 7, 8),
                                  row.text(9)});
        });
        !s)
        return Error{s.error()};
    return out;
}

}  // namespace claimlens
