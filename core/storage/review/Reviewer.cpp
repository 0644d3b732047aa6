#include "review/Reviewer.h"

#include "extract/Extractor.h"
#include "ingest/ReextractJob.h"
#include "store/DocumentStore.h"
#include "structure/StructureParser.h"

namespace claimlens {
namespace {

/// The documents column a metadata correction sets (published sets its precision beside it).
const char* metadataColumn(CorrectionItem item)
{
    switch (item) {
    case CorrectionItem::Title:
        return "title";
    case CorrectionItem::Author:
        return "author";
    case CorrectionItem::Outlet:
        return "source";
    case CorrectionItem::Published:
        return "published";
    default:
        return nullptr;
    }
}

/// A page's or a PDF's metadata came from the file, and re-reading starts from what is stored: so
/// when a metadata correction goes, the machine's value it kept goes back first.
Status restoreMachineMetadata(Database& db, const Correction& c)
{
    const char* column = metadataColumn(c.item);
    if (!column || c.machine.isEmpty())
        return {};
    const QString value = c.machine.value(QStringLiteral("value")).toString();
    QByteArray sql = QByteArray("UPDATE documents SET ") + column + " = ?2";
    if (c.item == CorrectionItem::Published)
        sql += ", published_precision = ?3";
    sql += " WHERE content_hash = ?1";
    auto stmt = db.prepare(sql.constData());
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, c.contentHash).bind(2, value.isEmpty() ? QString() : value);
    if (c.item == CorrectionItem::Published)
        stmt->bind(3, static_cast<int>(PartialDate::fromIso(value).precision));
    return stmt->exec();
}

}  // namespace

Reviewer::Reviewer(Database& db, std::shared_ptr<const Knowledge> knowledge) : m_db(&db), m_knowledge(std::move(knowledge))
{
}

Result<std::optional<Correction>> Reviewer::record(const Correction& c)
{
    return change(ReadingKey::of(c), c);
}

Result<std::optional<Correction>> Reviewer::clear(const ReadingKey& key)
{
    return change(key, std::nullopt);
}

Status Reviewer::restore(const ReadingKey& key, const std::optional<Correction>& previous)
{
    auto r = change(key, previous);
    return r ? Status{} : Status{Error{r.error()}};
}

Result<std::optional<Correction>> Reviewer::change(const ReadingKey& key, const std::optional<Correction>& next)
{
    Database::Transaction tx(*m_db);
    if (Status s = tx.begin(); !s)
        return Error{s.error()};
    CorrectionStore corrections(*m_db);
    auto before = corrections.find(key.contentHash, key.item, key.start, key.end);
    if (!before)
        return Error{before.error()};
    if (*before) {
        if (Status s = restoreMachineMetadata(*m_db, **before); !s)
            return Error{s.error()};
        if (Status s = corrections.remove((*before)->id); !s)
            return Error{s.error()};
    }
    if (next) {
        Correction stored = *next;
        if (stored.machine.isEmpty() && *before)
            stored.machine = (*before)->machine;  // the machine's reading, as first decided on
        if (auto id = corrections.put(stored); !id)
            return Error{id.error()};
    }
    if (auto n = reread({key.contentHash}); !n)
        return Error{n.error()};
    if (Status s = tx.commit(); !s)
        return Error{s.error()};
    return std::move(*before);
}

Result<ReviewImport> Reviewer::import(const std::vector<Correction>& incoming)
{
    Database::Transaction tx(*m_db);
    if (Status s = tx.begin(); !s)
        return Error{s.error()};
    CorrectionStore corrections(*m_db);
    ReviewImport report;
    QSet<QString> hashes;
    for (const Correction& c : incoming) {
        auto before = corrections.find(c.contentHash, c.item, c.start, c.end);
        if (!before)
            return Error{before.error()};
        if (*before)
            if (Status s = restoreMachineMetadata(*m_db, **before); !s)
                return Error{s.error()};
        if (auto id = corrections.put(c); !id)
            return Error{id.error()};
        hashes.insert(c.contentHash);
        ++report.stored;
    }
    auto n = reread(hashes);
    if (!n)
        return Error{n.error()};
    report.documents = *n;
    if (Status s = tx.commit(); !s)
        return Error{s.error()};
    return report;
}

Result<int> Reviewer::reread(const QSet<QString>& hashes)
{
    auto store = DocumentStore::create(*m_db, m_knowledge);  // reads which documents have corrections now
    auto find = m_db->prepare("SELECT id FROM documents WHERE content_hash = ?1");
    if (!store || !find)
        return Error{store ? find.error() : store.error()};
    const StructureParser parser;
    const Extractor extractor(m_knowledge);
    int documents = 0;
    for (const QString& hash : hashes) {
        find->bind(1, hash);
        std::vector<std::int64_t> ids;
        if (Status s = find->forEach([&](const Statement& row) { ids.push_back(row.int64(0)); }); !s)
            return Error{s.error()};
        find->reset();
        for (std::int64_t id : ids) {
            if (Status s = rereadDocument(*store, parser, extractor, id); !s)
                return Error{QStringLiteral("document %1: %2").arg(id).arg(s.error())};
            ++documents;
        }
    }
    if (Status s = store->flushPending(); !s)
        return Error{s.error()};
    return documents;
}

}  // namespace claimlens
