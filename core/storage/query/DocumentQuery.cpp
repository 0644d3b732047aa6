#include "query/DocumentQuery.h"

#include "store/SentenceId.h"

#include <QRegularExpression>
#include <QSet>

namespace claimlens {
namespace {

constexpr const char* kSummaryColumns =
    "d.id, d.path, d.file_name, d.title, d.author, d.section, d.source, d.published, d.published_precision,"
    " d.encoding, d.ingested_at,"
    " (SELECT count(*) FROM sentences s WHERE s.document_id = d.id),"
    " (SELECT count(*) FROM duplicates u WHERE u.document_id = d.id), d.format";

/// The page holding a span start of the same document; no row when the document has no pages.
constexpr const char* kPageAt =
    "(SELECT p.number FROM pages p WHERE p.document_id = ?1 AND p.span_start <= ?2 ORDER BY p.span_start DESC LIMIT 1)";

DocumentSummary readSummary(const Statement& s)
{
    DocumentSummary d;
    d.id = s.int64(0);
    d.path = s.text(1);
    d.fileName = s.text(2);
    d.title = s.text(3);
    d.author = s.text(4);
    d.section = s.text(5);
    d.source = s.text(6);
    if (!s.isNull(7)) {
        d.published = PartialDate::fromStored(s.text(7), s.integer(8));
    }
    d.encoding = s.text(9);
    d.ingestedAt = s.text(10);
    d.sentenceCount = s.integer(11);
    d.duplicateCount = s.integer(12);
    d.format = s.text(13);
    return d;
}

}  // namespace

QStringList uniqueSourceNames(const std::vector<StoredSource>& sources)
{
    QStringList names;
    for (const bool outlets : {true, false})
        for (const auto& s : sources)
            if ((s.kind == QStringLiteral("outlet")) == outlets && !names.contains(s.name))
                names.append(s.name);
    return names;
}

Result<std::vector<DocumentSummary>> DocumentQuery::documents()
{
    auto stmt = m_db->prepare(QStringLiteral("SELECT %1 FROM documents d ORDER BY d.file_name, d.id")
                                  .arg(QLatin1String(kSummaryColumns))
                                  .toUtf8()
                                  .constData());
    if (!stmt)
        return Error{stmt.error()};
    std::vector<DocumentSummary> out;
    if (Status s = stmt->forEach([&](const Statement& row) { out.push_back(readSummary(row)); }); !s)
        return Error{s.error()};
    return out;
}

std::optional<DocumentSummary> DocumentQuery::find(const QString& idNameOrPath)
{
    // An id is looked up by itself: an OR with the unindexed file name would read every document.
    bool isNumber = false;
    const std::int64_t id = idNameOrPath.toLongLong(&isNumber);
    if (isNumber)
        if (auto byId = this->byId(id))
            return byId;
    auto stmt = m_db->prepare(
        QStringLiteral("SELECT %1 FROM documents d WHERE d.path = ?1 UNION ALL SELECT %1 FROM documents d"
                       " WHERE d.file_name = ?1 LIMIT 1")
            .arg(QLatin1String(kSummaryColumns))
            .toUtf8()
            .constData());
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, idNameOrPath);
    if (stmt->step())
        return readSummary(*stmt);
    return std::nullopt;
}

std::optional<DocumentSummary> DocumentQuery::byId(std::int64_t id)
{
    auto stmt = m_db->prepare(
        QStringLiteral("SELECT %1 FROM documents d WHERE d.id = ?1").arg(QLatin1String(kSummaryColumns)).toUtf8().constData());
    if (!stmt)
        return std::nullopt;
    stmt->bind(1, id);
    if (stmt->step())
        return readSummary(*stmt);
    return std::nullopt;
}

Result<std::vector<StoredBlock>> DocumentQuery::blocks(std::int64_t documentId)
{
    auto stmt = m_db->prepare(
        "SELECT ordinal, kind, span_start, span_end, attached_to, key, value, content_start FROM blocks"
        " WHERE document_id = ?1 ORDER BY ordinal");
    auto text = m_db->prepare("SELECT clean_text FROM documents WHERE id = ?1");
    if (!stmt || !text)
        return Error{stmt ? text.error() : stmt.error()};
    // pages are few: read them once rather than a subquery per block
    Article paged;
    auto pageRows =
        m_db->prepare("SELECT number, span_start, span_end FROM pages WHERE document_id = ?1 ORDER BY span_start");
    if (!pageRows)
        return Error{pageRows.error()};
    pageRows->bind(1, documentId);
    if (Status s = pageRows->forEach([&](const Statement& row) {
            paged.pages.push_back({row.integer(0), row.int64(1), row.int64(2)});
        });
        !s)
        return Error{s.error()};
    text->bind(1, documentId);
    auto found = text->stepOne();
    if (!found)
        return Error{found.error()};
    const QString clean = *found ? text->text(0) : QString();
    stmt->bind(1, documentId);
    std::vector<StoredBlock> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            StoredBlock b;
            b.ordinal = row.integer(0);
            b.kind = blockKindFromName(row.text(1));
            b.start = row.int64(2);
            b.end = row.int64(3);
            b.attachedTo = row.isNull(4) ? -1 : row.integer(4);
            b.key = row.text(5);
            b.value = row.text(6);
            const qsizetype contentStart = row.int64(7);
            b.text = clean.mid(contentStart, b.end - contentStart);
            b.page = paged.pageAt(b.start);
            out.push_back(std::move(b));
        });
        !s)
        return Error{s.error()};
    return out;
}

Result<std::vector<QString>> DocumentQuery::sentences(std::int64_t documentId)
{
    auto stmt = m_db->prepare("SELECT text FROM sentences WHERE document_id = ?1 ORDER BY block_ordinal, ordinal");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, documentId);
    std::vector<QString> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back(row.text(0));
        });
        !s)
        return Error{s.error()};
    return out;
}

Result<int> DocumentQuery::sentencePage(std::int64_t sentenceId)
{
    auto where = m_db->prepare("SELECT document_id, span_start FROM sentences WHERE id = ?1");
    if (!where)
        return Error{where.error()};
    where->bind(1, sentenceId);
    auto found = where->stepOne();
    if (!found)
        return Error{found.error()};
    if (!*found)
        return Error{QStringLiteral("no sentence %1").arg(sentenceId)};
    auto page = m_db->prepare(QStringLiteral("SELECT coalesce(%1, 0)").arg(QLatin1String(kPageAt)).toUtf8().constData());
    if (!page)
        return Error{page.error()};
    page->bind(1, where->int64(0)).bind(2, where->int64(1));
    auto paged = page->stepOne();
    if (!paged)
        return Error{paged.error()};
    return *paged ? page->integer(0) : 0;
}

Result<std::vector<StoredSource>> DocumentQuery::sources(std::int64_t documentId)
{
    auto stmt = m_db->prepare(
        "SELECT name, kind, relative_age, sentence_ordinal FROM cited_sources WHERE document_id = ?1 ORDER BY span_start");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, documentId);
    std::vector<StoredSource> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back({row.text(0), row.text(1), row.text(2), row.isNull(3) ? -1 : row.integer(3)});
        });
        !s)
        return Error{s.error()};
    return out;
}

Result<std::vector<QString>> DocumentQuery::duplicatePaths(std::int64_t documentId)
{
    auto stmt = m_db->prepare("SELECT path FROM duplicates WHERE document_id = ?1 ORDER BY path");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, documentId);
    std::vector<QString> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back(row.text(0));
        });
        !s)
        return Error{s.error()};
    return out;
}

namespace {

struct ReadTerms {
    std::vector<SearchTerm> terms;
    int repeated = 0;      ///< terms typed more than once
    int dropped = 0;       ///< terms beyond the cap
    int prefixesAsWords = 0;  ///< one-character or surplus prefixes searched as words
};

ReadTerms readTerms(const QString& text)
{
    static const QRegularExpression parts(QStringLiteral("\"([^\"]*)\"|(\\S+)"));
    ReadTerms out;
    QSet<QString> seen;
    int prefixes = 0;
    // Control characters (a NUL ends an FTS5 string early) are only space to a search.
    QString typed = text;
    for (QChar& c : typed)
        if (c.unicode() < 0x20)
            c = u' ';
    auto it = parts.globalMatch(typed);
    while (it.hasNext()) {
        const auto m = it.next();
        const bool quoted = !m.captured(1).isNull();
        SearchTerm term{quoted ? m.captured(1) : m.captured(2), false};
        term.prefix = !quoted && term.text.endsWith(u'*') && term.text.size() > 1;
        if (term.prefix)
            term.text.chop(1);
        if (term.text.trimmed().isEmpty())
            continue;
        // A prefix expands to every word it starts: one letter, or many prefixes, would make
        // the index read most of itself. Such a prefix is searched as the word it is.
        if (term.prefix && (term.text.trimmed().size() < 2 || prefixes == DocumentQuery::kMaxPrefixTerms)) {
            term.prefix = false;
            ++out.prefixesAsWords;
        }
        const QString key = term.text.toCaseFolded() + (term.prefix ? QStringLiteral("*") : QString());
        if (seen.contains(key)) {
            ++out.repeated;
            continue;
        }
        if (static_cast<int>(out.terms.size()) == DocumentQuery::kMaxSearchTerms) {
            ++out.dropped;
            continue;
        }
        seen.insert(key);
        prefixes += term.prefix ? 1 : 0;
        out.terms.push_back(std::move(term));
    }
    return out;
}

}  // namespace

std::vector<SearchTerm> DocumentQuery::searchTerms(const QString& text)
{
    return readTerms(text).terms;
}

QString DocumentQuery::searchNotice(const QString& text)
{
    const ReadTerms read = readTerms(text);
    QStringList notes;
    if (read.dropped)
        notes << QStringLiteral("only the first %1 different words are searched (%2 left out)").arg(kMaxSearchTerms).arg(read.dropped);
    if (read.prefixesAsWords)
        notes << QStringLiteral("a prefix needs two letters and at most %1 are searched; %2 searched as words")
                     .arg(kMaxPrefixTerms)
                     .arg(read.prefixesAsWords);
    return notes.join(QStringLiteral("; "));
}

QString DocumentQuery::ftsQuery(const QString& text)
{
    // Quoted runs stay phrases; other words become quoted terms, so that punctuation or FTS5
    // operators typed by the user (AND, NEAR, -, :) are searched as text.
    QStringList terms;
    for (SearchTerm term : searchTerms(text)) {
        term.text.replace(u'"', QStringLiteral("\"\""));
        terms.append(QStringLiteral("\"%1\"%2").arg(term.text, term.prefix ? QStringLiteral("*") : QString()));
    }
    return terms.join(u' ');
}

Result<std::vector<SearchHit>> DocumentQuery::search(const QString& text, int limit)
{
    const QString query = ftsQuery(text);
    if (query.isEmpty())
        return std::vector<SearchHit>{};
    auto stmt = m_db->prepare(
        "SELECT s.document_id, d.file_name, d.title, s.ordinal,"
        " snippet(sentences_fts, 0, '[', ']', '\xE2\x80\xA6', 16)"
        " FROM sentences_fts JOIN sentences s ON s.id = sentences_fts.rowid JOIN documents d ON d.id = s.document_id"
        " WHERE sentences_fts MATCH ?1 ORDER BY rank LIMIT ?2");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, query).bind(2, limit);
    std::vector<SearchHit> out;
    if (Status s = stmt->forEach([&](const Statement& row) {
            out.push_back({row.int64(0), row.text(1), row.text(2), row.integer(3), row.text(4)});
        });
        !s)
        return Error{QStringLiteral("search for \"%1\" failed: %2").arg(text, s.error())};
    return out;
}

Result<StoreStats> DocumentQuery::stats()
{
    StoreStats st;
    auto counts = m_db->prepare(
        "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM duplicates), (SELECT count(*) FROM sentences),"
        " (SELECT count(DISTINCT name) FROM cited_sources), (SELECT coalesce(sum(length(clean_text)), 0) FROM documents)");
    auto kinds = m_db->prepare("SELECT kind, count(*) FROM blocks GROUP BY kind ORDER BY kind");
    if (!counts || !kinds)
        return Error{counts ? kinds.error() : counts.error()};
    auto counted = counts->stepOne();
    if (!counted)
        return Error{counted.error()};
    if (*counted) {
        st.documents = counts->integer(0);
        st.duplicates = counts->integer(1);
        st.sentences = counts->integer(2);
        st.sources = counts->integer(3);
        st.textCharacters = counts->int64(4);
    }
    if (Status s = kinds->forEach([&](const Statement& row) { st.blocksByKind.insert(row.text(0), row.integer(1)); }); !s)
        return Error{s.error()};
    st.schemaVersion = m_db->userVersion();
    if (st.schemaVersion < 0)
        return Error{QStringLiteral("cannot read the schema version: %1").arg(m_db->lastError())};
    return st;
}

Status DocumentQuery::forEachMatchingDocument(Database& db, const QString& fts,
                                              const std::function<void(std::int64_t)>& document)
{
    // the index alone: its rowids come in ascending order, and a sentence's id holds its document's
    auto stmt = db.prepare("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, fts);
    std::int64_t last = -1;
    return stmt->forEach([&](const Statement& row) {
        if (const std::int64_t id = documentOfSentence(row.int64(0)); id != last) {
            document(id);
            last = id;
        }
    });
}

}  // namespace claimlens
