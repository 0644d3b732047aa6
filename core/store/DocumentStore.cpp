#include "store/DocumentStore.h"

#include <QFileInfo>

namespace claimlens {
namespace {

Status fail(const char* what, const Status& s)
{
    return Error{QStringLiteral("%1: %2").arg(QLatin1String(what), s.error())};
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
         " published_precision, file_size, ingested_at, clean_text) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)"},
        {&store.m_insertBlock,
         "INSERT INTO blocks(document_id, ordinal, kind, span_start, span_end, content_start, attached_to, key, value)"
         " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"},
        {&store.m_insertSentence,
         "INSERT INTO sentences(document_id, block_ordinal, ordinal, span_start, span_end, text)"
         " VALUES (?1,?2,?3,?4,?5,?6)"},
        {&store.m_indexSentence, "INSERT INTO sentences_fts(rowid, text) VALUES (?1, ?2)"},
        {&store.m_insertSource,
         "INSERT INTO cited_sources(document_id, sentence_ordinal, name, kind, relative_age, span_start, span_end)"
         " VALUES (?1,?2,?3,?4,?5,?6,?7)"},
        {&store.m_delete, "DELETE FROM documents WHERE id = ?1"},
        {&store.m_insertDuplicate,
         "INSERT INTO duplicates(document_id, path, found_at) VALUES (?1,?2,?3)"
         " ON CONFLICT(path) DO UPDATE SET document_id = excluded.document_id, found_at = excluded.found_at"},
    };
    for (const auto& p : statements) {
        auto stmt = db.prepare(p.sql);
        if (!stmt)
            return Error{stmt.error()};
        *p.target = std::move(stmt.value());
    }
    return store;
}

namespace {

std::optional<DocumentStore::Known> readKnown(Statement& stmt, const QString& key)
{
    stmt.bind(1, key);
    std::optional<DocumentStore::Known> out;
    if (stmt.step())
        out = DocumentStore::Known{stmt.int64(0), stmt.text(1), stmt.text(2)};
    stmt.reset();
    return out;
}

}  // namespace

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

Result<std::int64_t> DocumentStore::insert(const DocumentFile& file, const Article& article)
{
    const auto sources = article.sourceNames();
    m_insertDocument.bind(1, file.path)
        .bind(2, QFileInfo(file.path).fileName())
        .bind(3, file.contentHash)
        .bind(4, file.encoding)
        .bind(5, article.title)
        .bind(6, article.author.isEmpty() ? QString() : article.author)
        .bind(7, article.section.isEmpty() ? QString() : article.section)
        .bind(8, sources.empty() ? QString() : sources.front())
        .bind(9, article.published.isValid() ? article.published.iso() : QString())
        .bind(10, static_cast<int>(article.published.precision))
        .bind(11, file.size)
        .bind(12, QDateTime::currentDateTimeUtc().toString(Qt::ISODate))
        .bind(13, article.text);
    if (Status s = m_insertDocument.exec(); !s)
        return Error{fail("storing the document", s).error()};
    const std::int64_t id = m_db->lastInsertId();

    for (size_t i = 0; i < article.blocks.size(); ++i) {
        const Block& b = article.blocks[i];
        m_insertBlock.bind(1, id)
            .bind(2, static_cast<std::int64_t>(i))
            .bind(3, blockKindName(b.kind))
            .bind(4, static_cast<std::int64_t>(b.start))
            .bind(5, static_cast<std::int64_t>(b.end))
            .bind(6, static_cast<std::int64_t>(b.contentStart));
        if (b.attachedTo >= 0)
            m_insertBlock.bind(7, b.attachedTo);
        m_insertBlock.bind(8, b.key.isEmpty() ? QString() : b.key).bind(9, b.value.isEmpty() ? QString() : b.value);
        if (Status s = m_insertBlock.exec(); !s)
            return Error{fail("storing a block", s).error()};
    }
    for (size_t i = 0; i < article.sentences.size(); ++i) {
        const Sentence& sentence = article.sentences[i];
        const QString text = article.sentenceText(sentence);
        m_insertSentence.bind(1, id)
            .bind(2, sentence.block)
            .bind(3, static_cast<std::int64_t>(i))
            .bind(4, static_cast<std::int64_t>(sentence.start))
            .bind(5, static_cast<std::int64_t>(sentence.end))
            .bind(6, text);
        if (Status s = m_insertSentence.exec(); !s)
            return Error{fail("storing a sentence", s).error()};
        m_indexSentence.bind(1, m_db->lastInsertId()).bind(2, text);
        if (Status s = m_indexSentence.exec(); !s)
            return Error{fail("indexing a sentence", s).error()};
    }
    for (const CitedSource& src : article.sources) {
        m_insertSource.bind(1, id);
        if (src.sentence >= 0)
            m_insertSource.bind(2, src.sentence);
        m_insertSource.bind(3, src.name)
            .bind(4, sourceKindName(src.kind))
            .bind(5, src.relativeAge.isEmpty() ? QString() : src.relativeAge)
            .bind(6, static_cast<std::int64_t>(src.start))
            .bind(7, static_cast<std::int64_t>(src.end));
        if (Status s = m_insertSource.exec(); !s)
            return Error{fail("storing a cited source", s).error()};
    }
    return id;
}

Status DocumentStore::remove(std::int64_t documentId)
{
    m_delete.bind(1, documentId);
    return m_delete.exec();
}

Status DocumentStore::recordDuplicate(std::int64_t documentId, const QString& path)
{
    m_insertDuplicate.bind(1, documentId).bind(2, path).bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    return m_insertDuplicate.exec();
}

}  // namespace claimlens
