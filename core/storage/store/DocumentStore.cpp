#include "store/DocumentStore.h"

#include "knowledge/Knowledge.h"
#include "review/CorrectionStore.h"
#include "store/SentenceId.h"

#include <QFileInfo>

#include <algorithm>
#include <map>

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

/// The kind of entity an analyst's claim actor is: as the document names it, else a company.
EntityKind actorKind(const Extraction& extraction, const QString& name)
{
    for (const Mention& m : extraction.mentions)
        if (m.name == name && m.kind != EntityKind::Product)
            return m.kind;
    return EntityKind::Company;
}

}  // namespace

Result<DocumentStore> DocumentStore::create(Database& db, std::shared_ptr<const Knowledge> knowledge)
{
    DocumentStore store(db, std::move(knowledge));
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
        {&store.m_delete, "DELETE FROM documents WHERE id = ?1"},
        {&store.m_insertDuplicate,
         "INSERT INTO duplicates(document_id, path, found_at) VALUES (?1,?2,?3)"
         " ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, found_at = excluded.found_at"},
        {&store.m_findEntity, "SELECT id FROM entities WHERE kind = ?1 AND name = ?2"},
        {&store.m_insertEntity, "INSERT INTO entities(kind, name, country) VALUES (?1, ?2, ?3)"},
        // the charts' counts: a batch's additions, summed in memory (flushCounts)
        {&store.m_addMonth,
         "INSERT INTO entity_months(entity_id, month, documents, claims) VALUES (?1,?2,?3,?4)"
         " ON CONFLICT(entity_id, month) DO UPDATE SET documents = documents + excluded.documents,"
         " claims = claims + excluded.claims"},
        {&store.m_addValue,
         "INSERT INTO statistic_values(metric_key, unit, subject, period, value, occurrences, documents, reviewed)"
         " VALUES (?1,?2,?3,?4,?5,?6,?7,?8) ON CONFLICT(metric_key, unit, subject, period, value) DO UPDATE SET"
         " occurrences = occurrences + excluded.occurrences, documents = documents + excluded.documents,"
         " reviewed = reviewed + excluded.reviewed"},
        {&store.m_hashOf, "SELECT content_hash FROM documents WHERE id = ?1"},
        {&store.m_addMetric,
         "INSERT INTO metric_counts(metric_key, unit, statistics, documents) VALUES (?1,?2,?3,?4)"
         " ON CONFLICT(metric_key, unit) DO UPDATE SET statistics = statistics + excluded.statistics,"
         " documents = documents + excluded.documents"},
        // a stored document's share taken away before it is replaced or removed, read back from its
        // rows (they may be from an earlier batch or session)
        {&store.m_uncountMonths,
         "INSERT INTO entity_months(entity_id, month, documents, claims)"
         " SELECT entity_id, month, sum(documents) * -1, sum(claims) * -1 FROM ("
         "  SELECT de.entity_id AS entity_id, substr(de.published, 1, 7) AS month, 1 AS documents, 0 AS claims"
         "   FROM document_entities de WHERE de.document_id = ?1"
         "  UNION ALL SELECT ca.entity_id, substr(coalesce(c.date, d.published, ''), 1, 7), 0, 1"
         "   FROM claims c JOIN claim_actors ca ON ca.claim_id = c.id JOIN documents d ON d.id = c.document_id"
         "   WHERE c.document_id = ?1)"
         " WHERE true GROUP BY entity_id, month"
         " ON CONFLICT(entity_id, month) DO UPDATE SET documents = documents + excluded.documents,"
         " claims = claims + excluded.claims"},
        {&store.m_uncountStatistics,
         "INSERT INTO statistic_values(metric_key, unit, subject, period, value, occurrences, documents, reviewed)"
         " SELECT metric_key, unit, subject, coalesce(period, ''), value, count(*) * -1, -1,"
         " count(review) * -1 FROM statistics WHERE document_id = ?1 GROUP BY 1, 2, 3, 4, 5"
         " ON CONFLICT(metric_key, unit, subject, period, value) DO UPDATE SET"
         " occurrences = occurrences + excluded.occurrences, documents = documents + excluded.documents,"
         " reviewed = reviewed + excluded.reviewed"},
        {&store.m_uncountMetrics,
         "INSERT INTO metric_counts(metric_key, unit, statistics, documents)"
         " SELECT metric_key, unit, count(*) * -1, -1 FROM statistics WHERE document_id = ?1 GROUP BY 1, 2"
         " ON CONFLICT(metric_key, unit) DO UPDATE SET statistics = statistics + excluded.statistics,"
         " documents = documents + excluded.documents"},
    };
    for (const auto& p : statements) {
        auto stmt = db.prepare(p.sql);
        if (!stmt)
            return Error{stmt.error()};
        *p.target = std::move(stmt.value());
    }
    if (Status s = store.loadCorrectedHashes(); !s)
        return Error{s.error()};
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

Result<std::int64_t> DocumentStore::insert(const DocumentFile& file, const Article& given, const Extraction& read)
{
    Corrected fixed;
    if (Status s = corrected(file.contentHash, given, read, fixed); !s)
        return Error{s.error()};
    const Article& article = fixed.article ? *fixed.article : given;
    const Extraction& extraction = fixed.article ? *fixed.extraction : read;
    const std::optional<QString>& outlet = fixed.outlet;
    const auto sources = article.sourceNames();
    m_insertDocument.bind(1, file.path)
        .bind(2, QFileInfo(file.path).fileName())
        .bind(3, file.contentHash)
        .bind(4, file.encoding)
        .bind(5, article.title)
        .bind(6, nullIfEmpty(article.author))
        .bind(7, nullIfEmpty(article.section))
        .bind(8, outlet ? nullIfEmpty(*outlet) : sources.empty() ? QString() : sources.front())
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

Status DocumentStore::loadCorrectedHashes()
{
    auto hashes = CorrectionStore(*m_db).correctedHashes();
    if (!hashes)
        return fail("reading the corrections", Error{hashes.error()});
    m_correctedHashes = std::move(*hashes);
    return {};
}

Status DocumentStore::corrected(const QString& contentHash, const Article& article, const Extraction& extraction,
                                Corrected& out)
{
    if (!m_correctedHashes.contains(contentHash))
        return {};  // the common case: no copies
    auto corrections = CorrectionStore(*m_db).forDocument(contentHash);
    if (!corrections)
        return Error{QStringLiteral("reading the corrections: %1").arg(corrections.error())};
    out.article = article;
    out.extraction = extraction;
    MetadataOverrides overrides;
    applyCorrections(*corrections, *out.article, *out.extraction, &overrides);
    out.outlet = overrides.outlet;
    return {};
}

Result<Article> DocumentStore::loadArticle(std::int64_t id)
{
    Article a;
    auto doc = m_db->prepare("SELECT clean_text, title, author, section, published, published_precision, format"
                             " FROM documents WHERE id = ?1");
    auto blocks = m_db->prepare("SELECT kind, span_start, span_end, content_start, attached_to, key, value FROM blocks"
                                " WHERE document_id = ?1 ORDER BY ordinal");
    auto sentences = m_db->prepare("SELECT span_start, span_end, block_ordinal FROM sentences WHERE document_id = ?1"
                                   " ORDER BY ordinal");
    auto sources = m_db->prepare("SELECT name, kind, relative_age, span_start, span_end, sentence_ordinal FROM cited_sources"
                                 " WHERE document_id = ?1 AND kind <> 'cited' ORDER BY id");
    auto pages = m_db->prepare("SELECT number, span_start, span_end FROM pages WHERE document_id = ?1 ORDER BY span_start");
    for (auto* stmt : {&doc, &blocks, &sentences, &sources, &pages}) {
        if (!*stmt)
            return Error{stmt->error()};
        (*stmt)->bind(1, id);
    }
    auto found = doc->stepOne();
    if (!found)
        return Error{found.error()};
    if (!*found)
        return Error{QStringLiteral("document %1 is gone").arg(id)};
    a.text = doc->text(0);
    a.title = doc->text(1);
    a.author = doc->text(2);
    a.section = doc->text(3);
    a.published = PartialDate::fromStored(doc->text(4), doc->integer(5));
    a.format = doc->text(6);
    if (Status s = blocks->forEach([&](const Statement& row) {
            a.blocks.push_back({blockKindFromName(row.text(0)), row.int64(1), row.int64(2), row.int64(3),
                                row.isNull(4) ? -1 : row.integer(4), row.text(5), row.text(6)});
        });
        !s)
        return Error{s.error()};
    if (Status s = sentences->forEach([&](const Statement& row) {
            a.sentences.push_back({row.int64(0), row.int64(1), row.integer(2)});
        });
        !s)
        return Error{s.error()};
    if (Status s = sources->forEach([&](const Statement& row) {
            CitedSource src;
            src.name = row.text(0);
            for (SourceKind k : {SourceKind::Inline, SourceKind::Attribution, SourceKind::Channel, SourceKind::Byline, SourceKind::Outlet})
                if (sourceKindName(k) == row.text(1))
                    src.kind = k;
            src.relativeAge = row.text(2);
            src.start = row.int64(3);
            src.end = row.int64(4);
            src.sentence = row.isNull(5) ? -1 : row.integer(5);
            a.sources.push_back(std::move(src));
        });
        !s)
        return Error{s.error()};
    if (Status s = pages->forEach([&](const Statement& row) {
            a.pages.push_back({row.integer(0), row.int64(1), row.int64(2)});
        });
        !s)
        return Error{s.error()};
    return a;
}

Status DocumentStore::replaceDerived(std::int64_t documentId, const Article& given, const Extraction& read)
{
    if (Status s = flushPending(); !s)
        return s;
    if (Status s = uncountForCharts(documentId); !s)
        return s;
    Corrected fixed;
    if (!m_correctedHashes.isEmpty()) {
        m_hashOf.bind(1, documentId);
        QString hash;
        Status found = m_hashOf.forEach([&](const Statement& row) { hash = row.text(0); });
        m_hashOf.reset();
        if (!found)
            return fail("reading the document's hash", found);
        if (Status s = corrected(hash, given, read, fixed); !s)
            return s;
    }
    const Article& article = fixed.article ? *fixed.article : given;
    const Extraction& extraction = fixed.article ? *fixed.extraction : read;
    const auto sources = article.sourceNames();
    m_updateDocument.bind(1, documentId)
        .bind(2, article.title)
        .bind(3, nullIfEmpty(article.author))
        .bind(4, nullIfEmpty(article.section))
        .bind(5, fixed.outlet ? nullIfEmpty(*fixed.outlet) : sources.empty() ? QString() : sources.front())
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

template <typename BindRow>
Status DocumentStore::insertRows(std::vector<Statement>& cache, const char* head, int columns, size_t count,
                                 BindRow bindRow, std::vector<std::int64_t>* ids)
{
    for (size_t first = 0; first < count; first += kRowsPerStatement) {
        const size_t n = std::min(kRowsPerStatement, count - first);
        Statement* insert = rowsStatement(cache, head, columns, n);
        if (!insert)
            return Error{m_db->lastError()};
        for (size_t r = 0; r < n; ++r)
            bindRow(*insert, static_cast<int>(r) * columns + 1, first + r);
        if (Status s = insert->exec(); !s)
            return s;
        if (ids) {
            // rows given no id take one more than the largest so far, so one statement's are consecutive
            const std::int64_t last = m_db->lastInsertId();
            for (size_t r = 0; r < n; ++r)
                ids->push_back(last - static_cast<std::int64_t>(n - 1 - r));
        }
    }
    return {};
}

Status DocumentStore::insertDerived(std::int64_t id, const Article& article, const Extraction& extraction)
{
    // Rows go in several to a statement: a document has dozens of blocks, sentences and mentions,
    // and every statement run has a fixed cost (step, halt, reset) beside its rows.
    Status s = insertRows(m_insertBlocks,
                          "INSERT INTO blocks(document_id, ordinal, kind, span_start, span_end, content_start,"
                          " attached_to, key, value) VALUES ",
                          9, article.blocks.size(), [&](Statement& st, int at, size_t i) {
                              const Block& b = article.blocks[i];
                              st.bind(at, id)
                                  .bind(at + 1, static_cast<std::int64_t>(i))
                                  .bind(at + 2, blockKindName(b.kind))
                                  .bind(at + 3, static_cast<std::int64_t>(b.start))
                                  .bind(at + 4, static_cast<std::int64_t>(b.end))
                                  .bind(at + 5, static_cast<std::int64_t>(b.contentStart))
                                  .bind(at + 6, b.attachedTo >= 0 ? std::optional<int>(b.attachedTo) : std::nullopt)
                                  .bind(at + 7, nullIfEmpty(b.key))
                                  .bind(at + 8, nullIfEmpty(b.value));
                          });
    if (!s)
        return fail("storing a block", s);

    // each sentence converted once, for its row and its index entry; held until the rows are in
    std::vector<QByteArray> texts;
    texts.reserve(article.sentences.size());
    for (const Sentence& sentence : article.sentences)
        texts.push_back(article.sentenceText(sentence).toUtf8());
    if (static_cast<std::int64_t>(article.sentences.size()) > kMaxSentencesPerDocument)
        return Error{QStringLiteral("the document has %L1 sentences, more than the %L2 one document can hold")
                         .arg(article.sentences.size())
                         .arg(kMaxSentencesPerDocument)};
    std::vector<std::int64_t> sentenceIds;
    sentenceIds.reserve(article.sentences.size());
    for (size_t i = 0; i < article.sentences.size(); ++i)
        sentenceIds.push_back(sentenceId(id, static_cast<std::int64_t>(i)));
    s = insertRows(m_insertSentences,
                   "INSERT INTO sentences(id, document_id, block_ordinal, ordinal, span_start, span_end, text) VALUES ", 7,
                   article.sentences.size(), [&](Statement& st, int at, size_t i) {
                       const Sentence& sentence = article.sentences[i];
                       st.bind(at, sentenceIds[i])
                           .bind(at + 1, id)
                           .bind(at + 2, sentence.block)
                           .bind(at + 3, static_cast<std::int64_t>(i))
                           .bind(at + 4, static_cast<std::int64_t>(sentence.start))
                           .bind(at + 5, static_cast<std::int64_t>(sentence.end))
                           .bindText(at + 6, texts[i]);
                   });
    if (!s)
        return fail("storing a sentence", s);
    for (size_t i = 0; i < texts.size(); ++i) {
        if (m_deferIndexing) {
            m_pendingIndex.push_back({sentenceIds[i], std::move(texts[i])});
            continue;
        }
        m_indexSentence.bind(1, sentenceIds[i]).bindText(2, texts[i]);
        if (Status x = m_indexSentence.exec(); !x)
            return fail("indexing a sentence", x);
    }

    std::vector<const CitedSource*> sources;
    for (const CitedSource& src : article.sources)
        sources.push_back(&src);
    for (const CitedSource& src : extraction.sources)
        sources.push_back(&src);
    s = insertRows(m_insertSources,
                   "INSERT INTO cited_sources(document_id, sentence_ordinal, name, kind, relative_age, span_start,"
                   " span_end) VALUES ",
                   7, sources.size(), [&](Statement& st, int at, size_t i) {
                       const CitedSource& src = *sources[i];
                       st.bind(at, id)
                           .bind(at + 1, src.sentence >= 0 ? std::optional<int>(src.sentence) : std::nullopt)
                           .bind(at + 2, src.name)
                           .bind(at + 3, sourceKindName(src.kind))
                           .bind(at + 4, nullIfEmpty(src.relativeAge))
                           .bind(at + 5, static_cast<std::int64_t>(src.start))
                           .bind(at + 6, static_cast<std::int64_t>(src.end));
                   });
    if (!s)
        return fail("storing a cited source", s);
    return insertExtraction(id, article, extraction, sentenceIds);
}

Status DocumentStore::flushPending()
{
    for (const auto& [rowid, text] : m_pendingIndex) {
        m_indexSentence.bind(1, rowid).bindText(2, text);
        if (Status s = m_indexSentence.exec(); !s)
            return fail("indexing a sentence", s);
    }
    m_pendingIndex.clear();
    return flushCounts();
}

void DocumentStore::discardPending()
{
    m_pendingIndex.clear();
    m_counts = {};
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
    const auto key = std::make_pair(static_cast<int>(kind), name);
    if (const auto it = m_entityIds.find(key); it != m_entityIds.end())
        return it->second;
    m_findEntity.bind(1, entityKindName(kind)).bind(2, name);
    std::int64_t id = -1;
    if (m_findEntity.step())
        id = m_findEntity.int64(0);
    m_findEntity.reset();
    if (id < 0) {
        const int known = m_knowledge->find(kind, name);
        m_insertEntity.bind(1, entityKindName(kind))
            .bind(2, name)
            .bind(3, known >= 0 ? nullIfEmpty(m_knowledge->entity(known).country) : QString());
        if (Status s = m_insertEntity.exec(); !s)
            return fail("storing an entity", s);
        id = m_db->lastInsertId();
    }
    m_entityIds.emplace(key, id);
    return id;
}

Status DocumentStore::insertExtraction(std::int64_t id, const Article& article, const Extraction& extraction,
                                       const std::vector<std::int64_t>& sentenceIds)
{
    auto idOfSentence = [&](int index) { return sentenceIds[static_cast<size_t>(index)]; };
    // entities first (a new one is a row of its own), then every table's rows in multi-row statements
    struct MentionIds {
        std::int64_t entity;
        std::optional<std::int64_t> via;
    };
    std::vector<MentionIds> mentionIds;
    mentionIds.reserve(extraction.mentions.size());
    struct PerEntity {
        int mentions = 0;
        bool direct = false;
    };
    std::map<std::int64_t, PerEntity> perEntity;
    std::map<int, std::vector<std::int64_t>> actorsBySentence;  // what a claim's actors are drawn from
    for (const Mention& m : extraction.mentions) {
        auto entity = entityId(m.kind, m.name);
        if (!entity)
            return Error{entity.error()};
        if (m.kind != EntityKind::Product) {
            auto& actors = actorsBySentence[m.sentence];
            if (std::find(actors.begin(), actors.end(), *entity) == actors.end())
                actors.push_back(*entity);
        }
        std::optional<std::int64_t> via;
        if (!m.via.isEmpty()) {
            auto product = entityId(EntityKind::Product, m.via);
            if (!product)
                return Error{product.error()};
            via = *product;
        }
        mentionIds.push_back({*entity, via});
        PerEntity& e = perEntity[*entity];
        ++e.mentions;
        e.direct |= m.via.isEmpty();
    }
    // named in the headline or a heading only: the document names the entity, no sentence does
    for (const Mention& m : extraction.headingMentions) {
        auto entity = entityId(m.kind, m.name);
        if (!entity)
            return Error{entity.error()};
        if (!m.via.isEmpty())
            if (auto product = entityId(EntityKind::Product, m.via); !product)
                return Error{product.error()};
        perEntity[*entity].direct |= m.via.isEmpty();
    }
    std::vector<std::int64_t> statisticSubjects;
    statisticSubjects.reserve(extraction.statistics.size());
    for (const Statistic& st : extraction.statistics) {
        auto subject = entityId(st.subjectKind, st.subject);
        if (!subject)
            return Error{subject.error()};
        statisticSubjects.push_back(*subject);
    }

    Status s = insertRows(m_insertMentions,
                          "INSERT INTO mentions(document_id, sentence_id, entity_id, via_entity_id, span_start,"
                          " span_end, surface, review) VALUES ",
                          8, extraction.mentions.size(), [&](Statement& st, int at, size_t i) {
                              const Mention& m = extraction.mentions[i];
                              st.bind(at, id)
                                  .bind(at + 1, idOfSentence(m.sentence))
                                  .bind(at + 2, mentionIds[i].entity)
                                  .bind(at + 3, mentionIds[i].via)
                                  .bind(at + 4, static_cast<std::int64_t>(m.start))
                                  .bind(at + 5, static_cast<std::int64_t>(m.end))
                                  .bind(at + 6, m.surface)
                                  .bind(at + 7, reviewName(m.review));
                          });
    if (!s)
        return fail("storing a mention", s);

    const QString published = article.published.iso();
    const std::vector<std::pair<std::int64_t, PerEntity>> entities(perEntity.begin(), perEntity.end());
    s = insertRows(m_insertDocumentEntities,
                   "INSERT INTO document_entities(entity_id, document_id, mention_count, via_product, published)"
                   " VALUES ",
                   5, entities.size(), [&](Statement& st, int at, size_t i) {
                       st.bind(at, entities[i].first)
                           .bind(at + 1, id)
                           .bind(at + 2, entities[i].second.mentions)
                           .bind(at + 3, entities[i].second.direct ? 0 : 1)
                           .bind(at + 4, published.isEmpty() ? QStringLiteral("") : published);  // the key cannot hold NULL
                   });
    if (!s)
        return fail("storing a document's entities", s);

    s = insertRows(m_insertStatistics,
                   "INSERT INTO statistics(document_id, sentence_id, subject_entity_id, subject, metric_key, metric,"
                   " value, unit, qualifier, period, span_start, span_end, kind, review) VALUES ",
                   14, extraction.statistics.size(), [&](Statement& st, int at, size_t i) {
                       const Statistic& x = extraction.statistics[i];
                       st.bind(at, id)
                           .bind(at + 1, idOfSentence(x.sentence))
                           .bind(at + 2, statisticSubjects[i])
                           .bind(at + 3, x.subject)
                           .bind(at + 4, x.metricKey)
                           .bind(at + 5, x.metric)
                           .bind(at + 6, x.value)
                           .bind(at + 7, x.unit)
                           .bind(at + 8, nullIfEmpty(x.qualifier))
                           .bind(at + 9, nullIfEmpty(x.period))
                           .bind(at + 10, static_cast<std::int64_t>(x.start))
                           .bind(at + 11, static_cast<std::int64_t>(x.end))
                           .bind(at + 12, nullIfEmpty(x.kind))
                           .bind(at + 13, reviewName(x.review));
                   });
    if (!s)
        return fail("storing a statistic", s);

    s = insertRows(m_insertEvents,
                   "INSERT INTO events(document_id, sentence_id, date, precision, relative, span_start, span_end,"
                   " review) VALUES ",
                   8, extraction.events.size(), [&](Statement& st, int at, size_t i) {
                       const Event& e = extraction.events[i];
                       st.bind(at, id)
                           .bind(at + 1, idOfSentence(e.sentence))
                           .bind(at + 2, nullIfEmpty(e.date.iso()))
                           .bind(at + 3, static_cast<int>(e.date.precision))
                           .bind(at + 4, nullIfEmpty(e.relative))
                           .bind(at + 5, static_cast<std::int64_t>(e.start))
                           .bind(at + 6, static_cast<std::int64_t>(e.end))
                           .bind(at + 7, reviewName(e.review));
                   });
    if (!s)
        return fail("storing an event", s);

    std::vector<std::int64_t> claimIds;
    claimIds.reserve(extraction.claims.size());
    s = insertRows(
        m_insertClaims,
        "INSERT INTO claims(document_id, sentence_id, score, date, date_precision, source, review) VALUES ", 7,
        extraction.claims.size(),
        [&](Statement& st, int at, size_t i) {
            const Claim& c = extraction.claims[i];
            st.bind(at, id)
                .bind(at + 1, idOfSentence(c.sentence))
                .bind(at + 2, c.score)
                .bind(at + 3, nullIfEmpty(c.date.iso()))
                .bind(at + 4, static_cast<int>(c.date.precision))
                .bind(at + 5, nullIfEmpty(c.source))
                .bind(at + 6, reviewName(c.review));
        },
        &claimIds);
    if (!s)
        return fail("storing a claim", s);
    // a claim's actors are the entities its sentence names, or the ones the analyst set
    for (const Claim& c : extraction.claims) {
        if (c.review != Review::Edited && c.review != Review::Added)
            continue;
        std::vector<std::int64_t>& actors = actorsBySentence[c.sentence];
        actors.clear();
        for (const QString& name : c.actors) {
            auto entity = entityId(actorKind(extraction, name), name);
            if (!entity)
                return Error{entity.error()};
            if (std::find(actors.begin(), actors.end(), *entity) == actors.end())
                actors.push_back(*entity);
        }
    }
    std::vector<std::pair<std::int64_t, std::int64_t>> claimActors;  // claim id, entity id
    for (size_t i = 0; i < extraction.claims.size(); ++i)
        if (const auto it = actorsBySentence.find(extraction.claims[i].sentence); it != actorsBySentence.end())
            for (std::int64_t entity : it->second)
                claimActors.emplace_back(claimIds[i], entity);
    s = insertRows(m_insertClaimActors, "INSERT INTO claim_actors(claim_id, entity_id) VALUES ", 2, claimActors.size(),
                   [&](Statement& st, int at, size_t i) {
                       st.bind(at, claimActors[i].first).bind(at + 1, claimActors[i].second);
                   });
    if (!s)
        return fail("storing a claim's actors", s);

    // the charts' counts, computed here from what was just stored rather than read back
    // 'YYYY-MM', 'YYYY', or '' when undated (never NULL: it is part of the key)
    auto month = [](const QString& iso) { return iso.isEmpty() ? QStringLiteral("") : iso.left(7); };
    for (const auto& [entity, e] : entities) {
        (void)e;
        ++m_counts.months[{entity, month(published)}].first;
    }
    for (size_t i = 0; i < extraction.claims.size(); ++i) {
        const Claim& c = extraction.claims[i];
        const QString iso = c.date.iso();
        const QString date = iso.isEmpty() ? published : iso;
        if (const auto it = actorsBySentence.find(c.sentence); it != actorsBySentence.end())
            for (std::int64_t entity : it->second)
                ++m_counts.months[{entity, month(date)}].second;
    }
    std::map<ChartCounts::ValueKey, int> values;
    std::map<std::pair<QString, QString>, int> metrics;
    std::map<ChartCounts::ValueKey, int> reviewed;
    for (const Statistic& st : extraction.statistics) {
        ++values[{st.metricKey, st.unit, st.subject, st.period, st.value}];
        if (st.review != Review::None)
            ++reviewed[{st.metricKey, st.unit, st.subject, st.period, st.value}];
        ++metrics[{st.metricKey, st.unit}];
    }
    for (const auto& [key, n] : values) {
        auto& v = m_counts.values[key];
        v.occurrences += n;
        ++v.documents;
    }
    for (const auto& [key, n] : reviewed)
        m_counts.values[key].reviewed += n;
    for (const auto& [key, n] : metrics) {
        auto& v = m_counts.metrics[key];
        v.first += n;
        ++v.second;
    }
    return m_deferIndexing ? Status{} : flushCounts();
}

Status DocumentStore::flushCounts()
{
    for (const auto& [key, n] : m_counts.months) {
        m_addMonth.bind(1, key.first).bind(2, key.second).bind(3, n.first).bind(4, n.second);
        if (Status s = m_addMonth.exec(); !s)
            return fail("updating the chart counts", s);
    }
    for (const auto& [key, n] : m_counts.values) {
        const auto& [metricKey, unit, subject, period, value] = key;
        m_addValue.bind(1, metricKey)
            .bind(2, unit)
            .bind(3, subject)
            .bind(4, period.isNull() ? QStringLiteral("") : period)
            .bind(5, value)
            .bind(6, n.occurrences)
            .bind(7, n.documents)
            .bind(8, n.reviewed);
        if (Status s = m_addValue.exec(); !s)
            return fail("updating the chart counts", s);
    }
    for (const auto& [key, n] : m_counts.metrics) {
        m_addMetric.bind(1, key.first).bind(2, key.second).bind(3, n.first).bind(4, n.second);
        if (Status s = m_addMetric.exec(); !s)
            return fail("updating the chart counts", s);
    }
    m_counts = {};
    return {};
}

Status DocumentStore::uncountForCharts(std::int64_t id)
{
    for (Statement* stmt : {&m_uncountMonths, &m_uncountStatistics, &m_uncountMetrics}) {
        stmt->bind(1, id);
        if (Status s = stmt->exec(); !s)
            return fail("updating the chart counts", s);
    }
    return {};
}

Status DocumentStore::remove(std::int64_t documentId)
{
    // the index must hold what the delete trigger takes out of it
    if (Status s = flushPending(); !s)
        return s;
    if (Status s = uncountForCharts(documentId); !s)
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
