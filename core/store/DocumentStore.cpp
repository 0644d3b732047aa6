#include "store/DocumentStore.h"

#include "knowledge/Knowledge.h"

#include <QFileInfo>
#include <QMap>

namespace claimlens {
namespace {

Error fail(const char* what, const Status& s)
{
    return Error{QStringLiteral("%1: %2").arg(QLatin1String(what), s.error())};
}

QString nullIfEmpty(const QString& s)
{
    return s.isEmpty() ? QString() : s;
}

std::optional<DocumentStore::Known> readKnown(Statement& stmt, const QString& key)
{
    stmt.bind(1, key);
    std::optional<DocumentStore::Known> out;
    if (stmt.step())
        out = DocumentStore::Known{stmt.int64(0), stmt.text(1), stmt.text(2)};
    stmt.reset();
    return out;
}

/// Pages belong to the file, not to what was read off its text, so re-extraction keeps them. Few
/// documents have pages, so the statement is prepared only for those and costs text files nothing.
Status insertPages(Database& db, std::int64_t documentId, const Article& article)
{
    if (article.pages.empty())
        return {};
    auto stmt = db.prepare("INSERT INTO pages(document_id, number, span_start, span_end) VALUES (?1,?2,?3,?4)");
    if (!stmt)
        return Error{stmt.error()};
    for (const PageSpan& page : article.pages) {
        stmt->bind(1, documentId)
            .bind(2, page.number)
            .bind(3, static_cast<std::int64_t>(page.start))
            .bind(4, static_cast<std::int64_t>(page.end));
        if (Status s = stmt->exec(); !s)
            return s;
    }
    return {};
}

}  // namespace

Result<DocumentStore> DocumentStore::create(Database& db)
{
    DocumentStore store(db);
    struct Prepared {
        Statement* target;
        const char* sql;
    };
    const Prepared statements[] = {
        {&store.m_byHash, "SELECT id, path, content_hash FROM documents WHERE content_hash = ?1"},
        {&store.m_byPath, "SELECT id, path, content_hash FROM documents WHERE path = ?1"},
        {&store.m_isDuplicate, "SELECT 1 FROM duplicates WHERE path = ?1"},
        {&store.m_insertDocument,
         "INSERT INTO documents(path, file_name, content_hash, encoding, title, author, section, source, published,"
         " published_precision, file_size, ingested_at, clean_text, format)"
         " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)"},
        {&store.m_updateDocument,
         "UPDATE documents SET title = ?2, author = ?3, section = ?4, source = ?5, published = ?6,"
         " published_precision = ?7 WHERE id = ?1"},
        {&store.m_indexSentence, "INSERT INTO sentences_fts(rowid, text) VALUES (?1, ?2)"},
        {&store.m_insertSource,
         "INSERT INTO cited_sources(document_id, sentence_ordinal, name, kind, relative_age, span_start, span_end)"
         " VALUES (?1,?2,?3,?4,?5,?6,?7)"},
        {&store.m_delete, "DELETE FROM documents WHERE id = ?1"},
        {&store.m_insertDuplicate,
         "INSERT INTO duplicates(document_id, path, found_at) VALUES (?1,?2,?3)"
         " ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, found_at = excluded.found_at"},
        {&store.m_findEntity, "SELECT id FROM entities WHERE kind = ?1 AND name = ?2"},
        {&store.m_insertEntity, "INSERT INTO entities(kind, name, country) VALUES (?1, ?2, ?3)"},
        {&store.m_insertMention,
         "INSERT INTO mentions(document_id, sentence_id, entity_id, via_entity_id, span_start, span_end, surface)"
         " VALUES (?1,?2,?3,?4,?5,?6,?7)"},
        {&store.m_insertDocumentEntity,
         "INSERT INTO document_entities(entity_id, document_id, mention_count, via_product, published)"
         " VALUES (?1,?2,?3,?4,?5)"},
        {&store.m_insertStatistic,
         "INSERT INTO statistics(document_id, sentence_id, subject_entity_id, subject, metric_key, metric, value, unit,"
         " qualifier, period, span_start, span_end) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)"},
        {&store.m_insertEvent,
         "INSERT INTO events(document_id, sentence_id, date, precision, relative, span_start, span_end)"
         " VALUES (?1,?2,?3,?4,?5,?6,?7)"},
        {&store.m_insertClaim,
         "INSERT INTO claims(document_id, sentence_id, score, date, date_precision, source) VALUES (?1,?2,?3,?4,?5,?6)"},
        {&store.m_insertClaimActor, "INSERT OR IGNORE INTO claim_actors(claim_id, entity_id) VALUES (?1, ?2)"},
        // the charts' counts: ?1 a document, ?2 = 1 adds its share, -1 takes it away
        {&store.m_countMonths,
         "INSERT INTO entity_months(entity_id, month, documents, claims)"
         " SELECT entity_id, month, sum(documents) * ?2, sum(claims) * ?2 FROM ("
         "  SELECT de.entity_id AS entity_id, substr(de.published, 1, 7) AS month, 1 AS documents, 0 AS claims"
         "   FROM document_entities de WHERE de.document_id = ?1"
         "  UNION ALL SELECT ca.entity_id, substr(coalesce(c.date, d.published, ''), 1, 7), 0, 1"
         "   FROM claims c JOIN claim_actors ca ON ca.claim_id = c.id JOIN documents d ON d.id = c.document_id"
         "   WHERE c.document_id = ?1)"
         " WHERE true GROUP BY entity_id, month"
         " ON CONFLICT(entity_id, month) DO UPDATE SET documents = documents + excluded.documents,"
         " claims = claims + excluded.claims"},
        {&store.m_countStatistics,
         "INSERT INTO statistic_values(metric_key, unit, subject, period, value, occurrences, documents)"
         " SELECT metric_key, unit, subject, coalesce(period, ''), value, count(*) * ?2, ?2 FROM statistics"
         " WHERE document_id = ?1 GROUP BY 1, 2, 3, 4, 5"
         " ON CONFLICT(metric_key, unit, subject, period, value) DO UPDATE SET"
         " occurrences = occurrences + excluded.occurrences, documents = documents + excluded.documents"},
        {&store.m_countMetrics,
         "INSERT INTO metric_counts(metric_key, unit, statistics, documents)"
         " SELECT metric_key, unit, count(*) * ?2, ?2 FROM statistics WHERE document_id = ?1 GROUP BY 1, 2"
         " ON CONFLICT(metric_key, unit) DO UPDATE SET statistics = statistics + excluded.statistics,"
         " documents = documents + excluded.documents"},
    };
    for (const auto& p : statements) {
        auto stmt = db.prepare(p.sql);
        if (!stmt)
            return Error{stmt.error()};
        *p.target = std::move(stmt.value());
    }
    return store;
}

std::optional<DocumentStore::Known> DocumentStore::findByHash(const QString& hash)
{
    return readKnown(m_byHash, hash);
}

std::optional<DocumentStore::Known> DocumentStore::findByPath(const QString& path)
{
    return readKnown(m_byPath, path);
}

bool DocumentStore::isRecordedDuplicate(const QString& path)
{
    m_isDuplicate.bind(1, path);
    const bool found = m_isDuplicate.step();
    m_isDuplicate.reset();
    return found;
}

Result<std::int64_t> DocumentStore::insert(const DocumentFile& file, const Article& article, const Extraction& extraction)
{
    const auto sources = article.sourceNames();
    m_insertDocument.bind(1, file.path)
        .bind(2, QFileInfo(file.path).fileName())
        .bind(3, file.contentHash)
        .bind(4, file.encoding)
        .bind(5, article.title)
        .bind(6, nullIfEmpty(article.author))
        .bind(7, nullIfEmpty(article.section))
        .bind(8, sources.empty() ? QString() : sources.front())
        .bind(9, nullIfEmpty(article.published.iso()))
        .bind(10, static_cast<int>(article.published.precision))
        .bind(11, file.size)
        .bind(12, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        .bind(13, article.text)
        .bind(14, article.format);
    if (Status s = m_insertDocument.exec(); !s)
        return fail("storing the document", s);
    const std::int64_t id = m_db->lastInsertId();
    if (Status s = insertPages(*m_db, id, article); !s)
        return fail("storing the pages", s);
    if (Status s = insertDerived(id, article, extraction); !s)
        return Error{s.error()};
    return id;
}

Status DocumentStore::replaceDerived(std::int64_t documentId, const Article& article, const Extraction& extraction)
{
    if (Status s = flushIndex(); !s)
        return s;
    if (Status s = countForCharts(documentId, -1); !s)
        return s;
    const auto sources = article.sourceNames();
    m_updateDocument.bind(1, documentId)
        .bind(2, article.title)
        .bind(3, nullIfEmpty(article.author))
        .bind(4, nullIfEmpty(article.section))
        .bind(5, sources.empty() ? QString() : sources.front())
        .bind(6, nullIfEmpty(article.published.iso()))
        .bind(7, static_cast<int>(article.published.precision));
    if (Status s = m_updateDocument.exec(); !s)
        return fail("updating the document", s);
    // what points at sentences goes first, then the structure (blocks take their sentences along)
    for (const char* sql : {"DELETE FROM claims WHERE document_id = ?1", "DELETE FROM statistics WHERE document_id = ?1",
                            "DELETE FROM events WHERE document_id = ?1", "DELETE FROM mentions WHERE document_id = ?1",
                            "DELETE FROM document_entities WHERE document_id = ?1",
                            "DELETE FROM cited_sources WHERE document_id = ?1", "DELETE FROM blocks WHERE document_id = ?1"}) {
        auto stmt = m_db->prepare(sql);
        if (!stmt)
            return Error{stmt.error()};
        stmt->bind(1, documentId);
        if (Status s = stmt->exec(); !s)
            return fail("clearing what was extracted before", s);
    }
    return insertDerived(documentId, article, extraction);
}

Status DocumentStore::insertDerived(std::int64_t id, const Article& article, const Extraction& extraction)
{
    // Rows go in several to a statement: a document has dozens of blocks and sentences, and every
    // statement run has a fixed cost (step, halt, reset) beside its rows.
    const size_t blockCount = article.blocks.size();
    for (size_t first = 0; first < blockCount; first += kRowsPerStatement) {
        const size_t n = std::min(kRowsPerStatement, blockCount - first);
        Statement* insert = rowsStatement(m_insertBlocks, "INSERT INTO blocks(document_id, ordinal, kind, span_start,"
                                                          " span_end, content_start, attached_to, key, value) VALUES ",
                                          9, n);
        if (!insert)
            return Error{QStringLiteral("storing a block: %1").arg(m_db->lastError())};
        for (size_t r = 0; r < n; ++r) {
            const size_t i = first + r;
            const Block& b = article.blocks[i];
            const int at = static_cast<int>(r) * 9;
            insert->bind(at + 1, id)
                .bind(at + 2, static_cast<std::int64_t>(i))
                .bind(at + 3, blockKindName(b.kind))
                .bind(at + 4, static_cast<std::int64_t>(b.start))
                .bind(at + 5, static_cast<std::int64_t>(b.end))
                .bind(at + 6, static_cast<std::int64_t>(b.contentStart));
            if (b.attachedTo >= 0)
                insert->bind(at + 7, b.attachedTo);
            insert->bind(at + 8, nullIfEmpty(b.key)).bind(at + 9, nullIfEmpty(b.value));
        }
        if (Status s = insert->exec(); !s)
            return fail("storing a block", s);
    }
    std::vector<std::int64_t> sentenceIds;
    sentenceIds.reserve(article.sentences.size());
    const size_t sentenceCount = article.sentences.size();
    std::vector<QByteArray> texts;  // each sentence converted once, for its row and its index entry
    for (size_t first = 0; first < sentenceCount; first += kRowsPerStatement) {
        const size_t n = std::min(kRowsPerStatement, sentenceCount - first);
        Statement* insert = rowsStatement(
            m_insertSentences,
            "INSERT INTO sentences(document_id, block_ordinal, ordinal, span_start, span_end, text) VALUES ", 6, n);
        if (!insert)
            return Error{QStringLiteral("storing a sentence: %1").arg(m_db->lastError())};
        texts.clear();
        for (size_t r = 0; r < n; ++r) {
            const size_t i = first + r;
            const Sentence& sentence = article.sentences[i];
            texts.push_back(article.sentenceText(sentence).toUtf8());
            const int at = static_cast<int>(r) * 6;
            insert->bind(at + 1, id)
                .bind(at + 2, sentence.block)
                .bind(at + 3, static_cast<std::int64_t>(i))
                .bind(at + 4, static_cast<std::int64_t>(sentence.start))
                .bind(at + 5, static_cast<std::int64_t>(sentence.end))
                .bindText(at + 6, texts.back());
        }
        if (Status s = insert->exec(); !s)
            return fail("storing a sentence", s);
        // rows given no id take one more than the largest so far, so one statement's are consecutive
        const std::int64_t last = m_db->lastInsertId();
        for (size_t r = 0; r < n; ++r) {
            sentenceIds.push_back(last - static_cast<std::int64_t>(n - 1 - r));
            if (m_deferIndexing) {
                m_pendingIndex.push_back({sentenceIds.back(), std::move(texts[r])});
                continue;
            }
            m_indexSentence.bind(1, sentenceIds.back()).bindText(2, texts[r]);
            if (Status s = m_indexSentence.exec(); !s)
                return fail("indexing a sentence", s);
        }
    }
    auto storeSource = [&](const CitedSource& src) {
        m_insertSource.bind(1, id);
        if (src.sentence >= 0)
            m_insertSource.bind(2, src.sentence);
        m_insertSource.bind(3, src.name)
            .bind(4, sourceKindName(src.kind))
            .bind(5, nullIfEmpty(src.relativeAge))
            .bind(6, static_cast<std::int64_t>(src.start))
            .bind(7, static_cast<std::int64_t>(src.end));
        return m_insertSource.exec();
    };
    for (const CitedSource& src : article.sources)
        if (Status s = storeSource(src); !s)
            return fail("storing a cited source", s);
    for (const CitedSource& src : extraction.sources)
        if (Status s = storeSource(src); !s)
            return fail("storing a cited source", s);
    return insertExtraction(id, article, extraction, sentenceIds);
}

Status DocumentStore::flushIndex()
{
    for (const auto& [rowid, text] : m_pendingIndex) {
        m_indexSentence.bind(1, rowid).bindText(2, text);
        if (Status s = m_indexSentence.exec(); !s)
            return fail("indexing a sentence", s);
    }
    m_pendingIndex.clear();
    return {};
}

Statement* DocumentStore::rowsStatement(std::vector<Statement>& cache, const char* head, int columns, size_t rows)
{
    if (cache.size() <= rows)
        cache.resize(rows + 1);
    Statement& stmt = cache[rows];
    if (!stmt.valid()) {
        QByteArray row = "(" + QByteArray("?,").repeated(columns);
        row.back() = ')';
        QByteArray sql = head;
        for (size_t r = 0; r < rows; ++r)
            sql += (r ? "," : "") + row;
        auto prepared = m_db->prepare(sql.constData());
        if (!prepared)
            return nullptr;
        stmt = std::move(prepared.value());
    }
    return &stmt;
}

Result<std::int64_t> DocumentStore::entityId(EntityKind kind, const QString& name)
{
    const QString key = entityKindName(kind) + u':' + name;
    if (const auto it = m_entityIds.constFind(key); it != m_entityIds.cend())
        return *it;
    m_findEntity.bind(1, entityKindName(kind)).bind(2, name);
    std::int64_t id = -1;
    if (m_findEntity.step())
        id = m_findEntity.int64(0);
    m_findEntity.reset();
    if (id < 0) {
        const auto& knowledge = Knowledge::defaults();
        const int known = knowledge->find(kind, name);
        m_insertEntity.bind(1, entityKindName(kind))
            .bind(2, name)
            .bind(3, known >= 0 ? nullIfEmpty(knowledge->entity(known).country) : QString());
        if (Status s = m_insertEntity.exec(); !s)
            return fail("storing an entity", s);
        id = m_db->lastInsertId();
    }
    m_entityIds.insert(key, id);
    return id;
}

Status DocumentStore::insertExtraction(std::int64_t id, const Article& article, const Extraction& extraction,
                                       const std::vector<std::int64_t>& sentenceIds)
{
    auto sentenceId = [&](int index) { return sentenceIds[static_cast<size_t>(index)]; };
    struct PerEntity {
        int mentions = 0;
        bool direct = false;
    };
    QMap<std::int64_t, PerEntity> perEntity;
    QHash<int, std::vector<std::int64_t>> actorsBySentence;  // what a claim's actors are drawn from
    for (const Mention& m : extraction.mentions) {
        auto entity = entityId(m.kind, m.name);
        if (!entity)
            return Error{entity.error()};
        if (m.kind != EntityKind::Product)
            actorsBySentence[m.sentence].push_back(*entity);
        std::optional<std::int64_t> via;
        if (!m.via.isEmpty()) {
            auto product = entityId(EntityKind::Product, m.via);
            if (!product)
                return Error{product.error()};
            via = *product;
        }
        m_insertMention.bind(1, id)
            .bind(2, sentenceId(m.sentence))
            .bind(3, *entity)
            .bind(4, via)
            .bind(5, static_cast<std::int64_t>(m.start))
            .bind(6, static_cast<std::int64_t>(m.end))
            .bind(7, m.surface);
        if (Status s = m_insertMention.exec(); !s)
            return fail("storing a mention", s);
        PerEntity& e = perEntity[*entity];
        ++e.mentions;
        e.direct |= m.via.isEmpty();
    }
    for (auto it = perEntity.cbegin(); it != perEntity.cend(); ++it) {
        m_insertDocumentEntity.bind(1, it.key())
            .bind(2, id)
            .bind(3, it->mentions)
            .bind(4, it->direct ? 0 : 1)
            .bind(5, article.published.isValid() ? article.published.iso() : QStringLiteral(""));  // the key cannot hold NULL
        if (Status s = m_insertDocumentEntity.exec(); !s)
            return fail("storing a document's entities", s);
    }
    for (const Statistic& st : extraction.statistics) {
        auto subject = entityId(st.subjectKind, st.subject);
        if (!subject)
            return Error{subject.error()};
        m_insertStatistic.bind(1, id)
            .bind(2, sentenceId(st.sentence))
            .bind(3, *subject)
            .bind(4, st.subject)
            .bind(5, st.metricKey)
            .bind(6, st.metric)
            .bind(7, st.value)
            .bind(8, st.unit)
            .bind(9, nullIfEmpty(st.qualifier))
            .bind(10, nullIfEmpty(st.period))
            .bind(11, static_cast<std::int64_t>(st.start))
            .bind(12, static_cast<std::int64_t>(st.end));
        if (Status s = m_insertStatistic.exec(); !s)
            return fail("storing a statistic", s);
    }
    for (const Event& e : extraction.events) {
        m_insertEvent.bind(1, id)
            .bind(2, sentenceId(e.sentence))
            .bind(3, nullIfEmpty(e.date.iso()))
            .bind(4, static_cast<int>(e.date.precision))
            .bind(5, nullIfEmpty(e.relative))
            .bind(6, static_cast<std::int64_t>(e.start))
            .bind(7, static_cast<std::int64_t>(e.end));
        if (Status s = m_insertEvent.exec(); !s)
            return fail("storing an event", s);
    }
    for (const Claim& c : extraction.claims) {
        m_insertClaim.bind(1, id)
            .bind(2, sentenceId(c.sentence))
            .bind(3, c.score)
            .bind(4, nullIfEmpty(c.date.iso()))
            .bind(5, static_cast<int>(c.date.precision))
            .bind(6, nullIfEmpty(c.source));
        if (Status s = m_insertClaim.exec(); !s)
            return fail("storing a claim", s);
        const std::int64_t claimId = m_db->lastInsertId();
        for (std::int64_t entity : actorsBySentence.value(c.sentence)) {
            m_insertClaimActor.bind(1, claimId).bind(2, entity);
            if (Status s = m_insertClaimActor.exec(); !s)
                return fail("storing a claim's actors", s);
        }
    }
    if (Status s = countForCharts(id, 1); !s)
        return s;
    return {};
}

Status DocumentStore::countForCharts(std::int64_t id, int sign)
{
    for (Statement* stmt : {&m_countMonths, &m_countStatistics, &m_countMetrics}) {
        stmt->bind(1, id).bind(2, sign);
        if (Status s = stmt->exec(); !s)
            return fail("updating the chart counts", s);
    }
    return {};
}

Status DocumentStore::remove(std::int64_t documentId)
{
    // the index must hold what the delete trigger takes out of it
    if (Status s = flushIndex(); !s)
        return s;
    if (Status s = countForCharts(documentId, -1); !s)
        return s;
    m_delete.bind(1, documentId);
    return m_delete.exec();
}

Status DocumentStore::recordDuplicate(std::int64_t documentId, const QString& path)
{
    m_insertDuplicate.bind(1, documentId).bind(2, path).bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return m_insertDuplicate.exec();
}

}  // namespace claimlens
