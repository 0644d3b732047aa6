#include "ingest/ReextractJob.h"

#include "extract/Extractor.h"
#include "store/DocumentStore.h"
#include "structure/StructureParser.h"

#include <QElapsedTimer>

namespace claimlens {
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
    auto text = db->prepare("SELECT clean_text, format FROM documents WHERE id = ?1");
    if (!store || !ids || !text) {
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
        text->bind(1, all[i]);
        auto stepped = text->stepOne();  // a failed read is no empty document to re-extract
        if (!stepped) {
            result.error = QStringLiteral("document %1: %2 (the batch in progress was rolled back)").arg(all[i]).arg(stepped.error());
            return result;
        }
        const bool read = *stepped;
        const QString clean = read ? text->text(0) : QString();
        const bool plainText = !read || text->isNull(1) || text->text(1) == QLatin1String("text");
        text->reset();
        Article article;
        if (plainText) {
            article = parser.parse(clean);  // new structure rules apply to text files too
        } else if (auto stored = store->loadArticle(all[i])) {
            article = std::move(*stored);
        } else {
            result.error = QStringLiteral("document %1: %2 (the batch in progress was rolled back)").arg(all[i]).arg(stored.error());
            return result;
        }
        if (Status s = store->replaceDerived(all[i], article, extractor.extract(article)); !s) {
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
