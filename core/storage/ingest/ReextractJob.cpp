#include "ingest/ReextractJob.h"

#include "extract/Extractor.h"
#include "store/DocumentStore.h"
#include "structure/StructureParser.h"

#include <QElapsedTimer>

namespace claimlens {

Status rereadDocument(DocumentStore& store, const StructureParser& parser, const Extractor& extractor, std::int64_t id)
{
    auto stored = store.loadArticle(id);
    if (!stored)
        return Error{stored.error()};
    // a text file's structure comes from its text, so new structure rules apply to it too; a page's
    // or a PDF's came from the markup or the layout, which only the stored article still holds
    const Article article = stored->format == QLatin1String("text") ? parser.parse(stored->text) : std::move(*stored);
    return store.replaceDerived(id, article, extractor.extract(article));
}

ReextractResult ReextractJob::run(IngestProgress* progress, const std::atomic_bool* cancel) const
{
    QElapsedTimer timer;
    timer.start();
    ReextractResult result;
    auto db = Database::open(m_databasePath);
    if (!db) {
        result.error = db.error();
        return result;
    }
    if (db->isReadOnly()) {  // said once, before any file, rather than as the first article's failure
        result.error = QStringLiteral("%1: %2").arg(m_databasePath, Database::readOnlyMessage());
        return result;
    }
    const Database::WriterNote writing(m_databasePath, QStringLiteral("re-extraction"));
    const std::shared_ptr<const Knowledge> knowledge = Knowledge::defaults();  // the extractor's and the store's
    auto store = DocumentStore::create(*db, knowledge);
    auto ids = db->prepare("SELECT id FROM documents ORDER BY id");
    if (!store || !ids) {
        result.error = QStringLiteral("%1: %2").arg(m_databasePath, db->lastError());
        return result;
    }
    std::vector<std::int64_t> all;
    if (Status s = ids->forEach([&](const Statement& row) { all.push_back(row.int64(0)); }); !s) {
        result.error = QStringLiteral("%1: %2").arg(m_databasePath, s.error());
        return result;
    }
    const int total = static_cast<int>(all.size());
    if (progress)
        progress->started(total);

    const StructureParser parser;
    const Extractor extractor(knowledge);
    Database::Transaction tx(*db);
    int inBatch = 0;
    for (size_t i = 0; i < all.size(); ++i) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        if (inBatch == 0) {
            if (Status s = tx.begin(); !s) {
                result.error = s.error();
                return result;
            }
        }
        if (Status s = rereadDocument(*store, parser, extractor, all[i]); !s) {
            result.error = QStringLiteral("document %1: %2 (the batch in progress was rolled back)").arg(all[i]).arg(s.error());
            return result;  // the transaction's destructor rolls the batch back
        }
        ++inBatch;
        if (progress)
            progress->fileDone(static_cast<int>(i) + 1, total, QString::number(all[i]));
        if (inBatch >= m_batchSize || i + 1 == all.size()) {
            if (Status s = tx.commit(); !s) {
                result.error = s.error();
                return result;
            }
            result.documents += inBatch;
            inBatch = 0;
        }
    }
    if (inBatch > 0) {
        if (Status s = tx.commit(); !s)
            result.error = s.error();
        else
            result.documents += inBatch;
    }
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return result;
}

}  // namespace claimlens
