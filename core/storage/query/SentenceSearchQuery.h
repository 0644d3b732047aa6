#pragma once

#include "query/DocumentFilter.h"
#include "query/KeysetPage.h"
#include "store/Database.h"
#include "structure/Article.h"

#include <QChar>
#include <QString>

#include <cstdint>
#include <vector>

namespace claimlens {

/// A sentence matching a search, with what a results list shows of its document.
struct SentenceHit {
    std::int64_t sentenceId = 0;
    std::int64_t documentId = 0;
    int ordinal = 0;  ///< the sentence's ordinal in its document, as ReaderView::showSentence takes it
    QString title;    ///< the headline, else the file name
    PartialDate published;
    /// The whole sentence, each matched word between kMarkOpen and kMarkClose.
    QString marked;
};

struct SentenceHitPage {
    std::vector<SentenceHit> rows;
    ListCursor next;
    bool atEnd = false;
};

/// The sentences matching a filter's search, in the documents passing the rest of the filter, read
/// a page at a time in the order they were stored (each document's sentences together, in reading
/// order): the full-text index answers in that order, so a page costs the same at 100,000
/// documents as at 100, and a common word never reads all its matches. The search is read as
/// DocumentQuery::ftsQuery reads it (deduplicated, bounded terms and prefixes).
class SentenceSearchQuery {
public:
    explicit SentenceSearchQuery(Database& db) : m_db(&db) {}

    static constexpr QChar kMarkOpen = QChar(0xE000);   ///< private-use: never in stored text
    static constexpr QChar kMarkClose = QChar(0xE001);

    /// Up to `limit` matching sentences after `after`; none when the filter has no search.
    Result<SentenceHitPage> page(const DocumentFilter& filter, const ListCursor& after, int limit);

private:
    Database* m_db;
};

}  // namespace claimlens
