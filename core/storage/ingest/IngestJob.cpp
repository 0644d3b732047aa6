#include "ingest/IngestJob.h"

#include "extract/Extractor.h"
#include "read/ArticleReader.h"
#include "store/ContentHash.h"
#include "store/Database.h"
#include "store/DocumentStore.h"
#include "structure/StructureParser.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace claimlens {
namespace {

/// A file read, decoded, parsed and extracted, ready to store.
struct Prepared {
    QString path;
    QString skipReason;  ///< set when the file cannot be read as an article
    QString hash;
    QString encoding;
    std::int64_t size = 0;
    QString text;
    QString warning;     ///< what reading repaired, reported when the document is stored
    /// The structure: built by reading an HTML page or PDF, parsed here for text unless the file
    /// is already stored as it is (the writer then parses it only if that changed meanwhile).
    std::optional<Article> article;
    Extraction extraction;
    bool extracted = false;
};

/// The hand-over between the preparing threads and the writing one: files are numbered as they
/// are found, prepared by whichever thread is free, and handed to the writer in their number's
/// order. Bounded, so memory stays flat however many files there are.
class PreparedQueue {
public:
    /// The next file to prepare and its number, or nothing when the walk is done or stopped.
    /// `spent` receives the files the writer is done with, for the preparer to free.
    std::optional<std::pair<std::int64_t, QString>> take(std::vector<Prepared>& spent)
    {
        std::unique_lock lock(m_mutex);
        m_pathsAdded.wait(lock, [&] { return !m_paths.empty() || m_walked || m_stopped; });
        spent.swap(m_spent);
        if (m_stopped || m_paths.empty())
            return std::nullopt;
        auto next = std::move(m_paths.front());
        m_paths.pop_front();
        return next;
    }
    /// The writer is done with a file: its memory goes back to the thread that allocated it.
    /// Freed by the writer instead, each of its many small blocks would return to the preparer's
    /// malloc arena under that arena's lock, against the preparer's own allocations (with one
    /// arena for both threads the ingest takes twice as long; this spares the cross-thread frees).
    void spend(Prepared p)
    {
        std::lock_guard lock(m_mutex);
        m_spent.push_back(std::move(p));
    }
    /// Called by the walk: waits while the preparers are far enough ahead of the writer.
    bool offer(const QString& path)
    {
        std::unique_lock lock(m_mutex);
        m_written.wait(lock, [&] { return m_found - m_nextOut < kCapacity || m_stopped; });
        if (m_stopped)
            return false;
        m_paths.emplace_back(m_found++, path);
        m_pathsAdded.notify_one();
        return true;
    }
    void walked()
    {
        std::lock_guard lock(m_mutex);
        m_walked = true;
        m_pathsAdded.notify_all();
        m_prepared.notify_one();
    }
    void put(std::int64_t number, Prepared p)
    {
        std::lock_guard lock(m_mutex);
        m_ready.emplace(number, std::move(p));
        if (number == m_nextOut)
            m_prepared.notify_one();
    }
    /// The next prepared file in order, or nothing once every file found has been handed out.
    std::optional<Prepared> pop()
    {
        std::unique_lock lock(m_mutex);
        m_prepared.wait(lock, [&] {
            return m_ready.contains(m_nextOut) || (m_walked && m_nextOut == m_found) || m_stopped;
        });
        const auto it = m_ready.find(m_nextOut);
        if (it == m_ready.end())
            return std::nullopt;
        Prepared p = std::move(it->second);
        m_ready.erase(it);
        ++m_nextOut;
        m_written.notify_one();
        return p;
    }
    /// The writer stopped early: the walk and the preparers stop.
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_pathsAdded.notify_all();
        m_written.notify_all();
        m_prepared.notify_all();
    }

private:
    /// files found but not yet written: enough to keep every preparer busy through a batch's
    /// commit, when the writer takes none for a while
    static constexpr std::int64_t kCapacity = 256;
    std::mutex m_mutex;
    /// each wakes only the side that waits for it: the preparers, the walk, the writer
    std::condition_variable m_pathsAdded, m_written, m_prepared;
    std::deque<std::pair<std::int64_t, QString>> m_paths;
    std::map<std::int64_t, Prepared> m_ready;
    std::vector<Prepared> m_spent;
    std::int64_t m_found = 0, m_nextOut = 0;
    bool m_walked = false;
    bool m_stopped = false;
};

/// Reads, decodes, parses and extracts one file (a prepared file the writer only stores).
/// `known` tells which files are stored unchanged, so a resumed ingest does not parse them again.
Prepared prepare(const QString& path, qint64 maxBytes, const ArticleReader& articles, const Extractor& extractor,
                 DocumentStore* known)
{
    Prepared p;
    p.path = path;
    auto bytes = FileCollector::readFile(path, maxBytes);
    if (!bytes) {
        p.skipReason = bytes.error();
        return p;
    }
    // text, a saved web page or a PDF, by its suffix; all come back as clean text
    auto read = articles.read(*bytes, path);
    if (!read) {
        p.skipReason = read.error();
        return p;
    }
    p.size = bytes->size();
    p.encoding = read->encoding;
    p.warning = read->warning;
    p.hash = contentHash(read->text);
    // A page's or PDF's structure comes from reading it, never from its text parsed again.
    if (read->article)
        p.article = std::move(read->article);
    const auto stored = known ? known->findByPath(path) : std::nullopt;
    if (!stored || stored->contentHash != p.hash) {
        if (!p.article)
            p.article = articles.article(*read);
        p.extraction = extractor.extract(*p.article);
        p.extracted = true;
    }
    p.text = std::move(read->text);
    return p;
}

}  // namespace

IngestResult IngestJob::run(IngestProgress* progress, const std::atomic_bool* cancel) const
{
    QElapsedTimer timer;
    timer.start();
    IngestResult result;
    FileCollector files(m_params.paths);
    result.total = files.count();  // a walk of its own: the files are handed out one at a time below
    if (progress)
        progress->started(result.total);

    auto db = Database::open(m_params.databasePath);
    if (!db) {
        result.error = db.error();
        return result;
    }
    if (db->isReadOnly()) {  // said once, before any file, rather than as the first article's failure
        result.error = QStringLiteral("%1: %2").arg(m_params.databasePath, Database::readOnlyMessage());
        return result;
    }
    const Database::WriterNote writing(m_params.databasePath, QStringLiteral("ingest"));
    // Checkpoint the WAL every 32 MiB rather than every 4 MiB: each checkpoint syncs, and FTS5
    // re-merges its segments at every commit, so fewer, larger rounds write the same index faster.
    // A 16 MiB page cache holds a batch's pages: with the default 2 MiB the cache spills to the WAL
    // in the middle of each transaction and the same pages are written again at its end.
    (void)db->exec("PRAGMA wal_autocheckpoint=8192; PRAGMA cache_size=-16384");
    // one knowledge for what the extractors find and for what the store records of it
    const std::shared_ptr<const Knowledge> knowledge = Knowledge::defaults();
    auto store = DocumentStore::create(*db, knowledge);
    if (!store) {
        result.error = store.error();
        return result;
    }
    store->setDeferIndexing(true);  // each batch's sentences enter the full-text index together

    // Reading, parsing and extraction run on threads of their own while this one writes: preparing
    // costs about as much as writing, and preparers that are ahead keep working while the writer
    // commits a batch. Each preparer asks its own connection which files are stored
    // unchanged, so a resumed ingest does not parse them again; the writer's own check below stays
    // the one that counts.
    PreparedQueue queue;
    std::thread walker([&] {
        files.forEach([&](const QString& path) { return !(cancel && cancel->load()) && queue.offer(path); });
        queue.walked();
    });
    std::vector<std::thread> preparers;
    // the writer keeps a core of its own: on two cores a second preparer only takes turns with it
    const int preparerCount = std::clamp(static_cast<int>(std::thread::hardware_concurrency()) - 1, 1, 4);
    for (int t = 0; t < preparerCount; ++t)
        preparers.emplace_back([&] {
            auto readDb = Database::open(m_params.databasePath);
            std::optional<DocumentStore> known;
            if (readDb)
                if (auto s = DocumentStore::create(*readDb, knowledge))
                    known.emplace(std::move(s.value()));
            const ArticleReader articles;
            const Extractor extractor(knowledge);
            std::vector<Prepared> spent;
            while (auto next = queue.take(spent)) {
                spent.clear();  // freed here, where it was allocated
                queue.put(next->first, prepare(next->second, m_params.maxFileBytes, articles, extractor, known ? &*known : nullptr));
            }
        });
    auto joinThreads = qScopeGuard([&] {
        queue.stop();
        walker.join();
        for (std::thread& t : preparers)
            t.join();
    });

    // for a file the reader took for stored but that changed since: built when one turns up (an
    // extractor compiles its expressions, as much work as extracting a few dozen articles)
    std::optional<StructureParser> parser;
    std::optional<Extractor> extractor;
    Database::Transaction tx(*db);
    bool open = false;
    int inBatch = 0;  // documents written in the open transaction
    int batchImported = 0, batchUpdated = 0;  // counted into the result when their batch commits
    auto commit = [&]() -> bool {
        if (!open)
            return true;
        if (Status s = store->flushPending(); !s) {
            tx.rollback();
            open = false;
            result.error = QStringLiteral("%1: indexing failed: %2").arg(m_params.databasePath, s.error());
            return false;
        }
        if (Status s = tx.commit(); !s) {
            result.error = QStringLiteral("%1: commit failed: %2").arg(m_params.databasePath, s.error());
            return false;
        }
        open = false;
        inBatch = 0;
        result.imported += std::exchange(batchImported, 0);
        result.updated += std::exchange(batchUpdated, 0);
        return true;
    };

    int done = 0;
    while (auto next = queue.pop()) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        Prepared& p = *next;
        auto report = qScopeGuard([&] {
            ++done;
            if (progress)
                progress->fileDone(done, result.total, p.path);
            queue.spend(std::move(p));
        });
        if (!p.skipReason.isEmpty()) {
            result.skipped.push_back({p.path, p.skipReason});
            continue;
        }
        result.bytes += p.size;
        if (!open) {
            if (Status s = tx.begin(); !s) {
                result.error = QStringLiteral("%1: %2").arg(m_params.databasePath, s.error());
                break;
            }
            open = true;
        }
        const auto byPath = store->findByPath(p.path);
        if (byPath && byPath->contentHash == p.hash) {
            ++result.unchanged;
            continue;
        }
        if (const auto same = store->findByHash(p.hash); same && !byPath) {
            if (!store->isRecordedDuplicate(p.path)) {
                if (Status s = store->recordDuplicate(same->id, p.path); !s) {
                    result.error = s.error();
                    break;
                }
                ++result.duplicates;
            } else {
                ++result.unchanged;
            }
            continue;
        }
        // No savepoint per document: FTS5 flushes its pending index at every savepoint, which
        // costs more than the rest of the ingest. A storage failure (disk full, I/O) instead
        // rolls the whole batch back and stops the job; bad files never get this far.
        auto fail = [&](const QString& what) {
            tx.rollback();
            store->discardPending();
            open = false;
            result.error = QStringLiteral("%1: %2 (the batch in progress was rolled back)").arg(p.path, what);
        };
        if (byPath) {
            if (Status s = store->remove(byPath->id); !s) {
                fail(QStringLiteral("cannot replace the stored version: %1").arg(s.error()));
                break;
            }
        }
        if (!p.extracted) {  // the file changed after its preparer found it stored as it is
            if (!extractor) {
                parser.emplace();
                extractor.emplace(knowledge);
            }
            if (!p.article)  // a text file: its structure is its text parsed
                p.article = parser->parse(p.text);
            p.extraction = extractor->extract(*p.article);
        }
        if (auto id = store->insert({p.path, p.hash, p.encoding, p.size}, *p.article, p.extraction); !id) {
            fail(id.error());
            break;
        }
        ++(byPath ? batchUpdated : batchImported);
        if (!p.warning.isEmpty())
            result.warnings.push_back({p.path, p.warning});
        if (++inBatch >= m_params.batchSize) {
            if (!commit())
                break;
            if (progress)
                progress->batchCommitted(done + 1);  // this file is counted when the guard runs
        }
    }
    if (cancel && cancel->load())
        result.cancelled = true;
    joinThreads.dismiss();
    queue.stop();
    walker.join();
    for (std::thread& t : preparers)
        t.join();
    result.skipped.insert(result.skipped.begin(), files.skipped().begin(), files.skipped().end());
    result.ignored = files.ignored();
    if (result.ok() && commit() && progress)
        progress->batchCommitted(done);
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return result;
}

}  // namespace claimlens
