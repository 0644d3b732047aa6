#include "ingest/ReextractJob.h"

#include "extract/Extractor.h"
#include "store/DocumentStore.h"
#include "structure/StructureParser.h"

#include <QElapsedTimer>

namespace claimlens {
namespace {

/// A page or PDF as it was read, from the store: its structure came from the markup or the page
/// layout and its title, author and date from metadata, none of which the text parser can find
/// again in the clean text. Extraction runs again over it; the structure stays as read.
Result<Article> storedArticle(Database& db, std::int64_t id)
{
    Article a;
    auto doc = db.prepare("SELECT clean_text, title, author, section, published, published_precision, format"
                          " FROM documents WHERE id = ?1");
    auto blocks = db.prepare("SELECT kind, span_start, span_end, content_start, attached_to, key, value FROM blocks"
                             " WHERE document_id = ?1 ORDER BY ordinal");
    auto sentences = db.prepare("SELECT span_start, span_end, block_ordinal FROM sentences WHERE document_id = ?1"
                                " ORDER BY ordinal");
    auto sources = db.prepare("SELECT name, kind, relative_age, span_start, span_end, sentence_ordinal FROM cited_sources"
                              " WHERE document_id = ?1 AND kind <> 'cited' ORDER BY id");
    auto pages = db.prepare("SELECT number, span_start, span_end FROM pages WHERE document_id = ?1 ORDER BY span_start");
    for (auto* stmt : {&doc, &blocks, &sentences, &sources, &pages}) {
        if (!*stmt)
            return Error{stmt->error()};
        (*stmt)->bind(1, id);
    }
    if (!doc->step())
        return Error{QStringLiteral("document %1 is gone").arg(id)};
    a.text = doc->text(0);
    a.title = doc->text(1);
    a.author = doc->text(2);
    a.section = doc->text(3);
    if (!doc->isNull(4)) {
        a.published = PartialDate::fromIso(doc->text(4));
        a.published.precision = static_cast<DatePrecision>(doc->integer(5));
    }
    a.format = doc->text(6);
    while (blocks->step())
        a.blocks.push_back({blockKindFromName(blocks->text(0)), blocks->int64(1), blocks->int64(2), blocks->int64(3),
                            blocks->isNull(4) ? -1 : blocks->integer(4), blocks->text(5), blocks->text(6)});
    while (sentences->step())
        a.sentences.push_back({sentences->int64(0), sentences->int64(1), sentences->integer(2)});
    while (sources->step()) {
        CitedSource src;
        src.name = sources->text(0);
        for (SourceKind k : {SourceKind::Inline, SourceKind::Attribution, SourceKind::Channel, SourceKind::Byline, SourceKind::Outlet})
            if (sourceKindName(k) == sources->text(1))
                src.kind = k;
        src.relativeAge = sources->text(2);
        src.start = sources->int64(3);
        src.end = sources->int64(4);
        src.sentence = sources->isNull(5) ? -1 : sources->integer(5);
        a.sources.push_back(std::move(src));
    }
    while (pages->step())
        a.pages.push_back({pages->integer(0), pages->int64(1), pages->int64(2)});
    return a;
}

}  // namespace

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
    const std::shared_ptr<const Knowledge> knowledge = Knowledge::defaults();  // the extractor's and the store's
    auto store = DocumentStore::create(*db, knowledge);
    auto ids = db->prepare("SELECT id FROM documents ORDER BY id");
    auto text = db->prepare("SELECT clean_text, format FROM documents WHERE id = ?1");
    if (!store || !ids || !text) {
        result.error = QStringLiteral("%1: %2").arg(m_databasePath, db->lastError());
        return result;
    }
    std::vector<std::int64_t> all;
    while (ids->step())
        all.push_back(ids->int64(0));
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
        const bool read = text->step();
        const QString clean = read ? text->text(0) : QString();
        const bool plainText = !read || text->isNull(1) || text->text(1) == QLatin1String("text");
        text->reset();
        Article article;
        if (plainText) {
            article = parser.parse(clean);  // new structure rules apply to text files too
        } else if (auto stored = storedArticle(*db, all[i])) {
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
