#include "ingest/IngestJob.h"

#include "extract/Extractor.h"
#include "read/ArticleReader.h"
#include "store/Database.h"
#include "store/DocumentStore.h"
#include "structure/StructureParser.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace claimlens {
namespace {

/// SHA-256 over the normalised text's UTF-16 code units: the same text hashes the same whatever
/// encoding or line endings its file had.
QString contentHash(const QString& text)
{
    const QByteArrayView units(reinterpret_cast<const char*>(text.utf16()), text.size() * 2);
    return QString::fromLatin1(QCryptographicHash::hash(units, QCryptographicHash::Sha256).toHex());
}

Result<QByteArray> readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("cannot read file (%1)").arg(file.errorString())};
    QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return Error{QStringLiteral("cannot read file (%1)").arg(file.errorString())};
    return bytes;
}

/// A file read, decoded, parsed and extracted, ready to store.
struct Prepared {
    QString path;
    QString skipReason;  ///< set when the file cannot be read as an article
    QString hash;
    QString encoding;
    std::int64_t size = 0;
    QString text;
    std::optional<Article> article;  ///< absent when the file is already stored as it is
    Extraction extraction;
};

/// A bounded hand-over between the reading thread and the writing one: memory stays flat however
/// many files there are, and order is kept.
class PreparedQueue {
public:
    void push(Prepared p)
    {
        std::unique_lock lock(m_mutex);
        m_notFull.wait(lock, [&] { return m_items.size() < kCapacity || m_stopped; });
        if (m_stopped)
            return;
        m_items.push_back(std::move(p));
        m_notEmpty.notify_one();
    }
    /// The next prepared file, or nothing once the reader has finished and all are taken.
    std::optional<Prepared> pop()
    {
        std::unique_lock lock(m_mutex);
        m_notEmpty.wait(lock, [&] { return !m_items.empty() || m_finished; });
        if (m_items.empty())
            return std::nullopt;
        Prepared p = std::move(m_items.front());
        m_items.pop_front();
        m_notFull.notify_one();
        return p;
    }
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_finished = true;
        m_notEmpty.notify_all();
    }
    /// The writer stopped early: the reader stops waiting and stops reading.
    void stop()
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
        m_notFull.notify_all();
    }
    bool stopped()
    {
        std::lock_guard lock(m_mutex);
        return m_stopped;
    }

private:
    static constexpr size_t kCapacity = 64;
    std::mutex m_mutex;
    std::condition_variable m_notEmpty, m_notFull;
    std::deque<Prepared> m_items;
    bool m_finished = false;
    bool m_stopped = false;
};

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
    // Checkpoint the WAL every 32 MiB rather than every 4 MiB: each checkpoint syncs, and FTS5
    // re-merges its segments at every commit, so fewer, larger rounds write the same index faster.
    (void)db->exec("PRAGMA wal_autocheckpoint=8192");
    auto store = DocumentStore::create(*db);
    if (!store) {
        result.error = store.error();
        return result;
    }
    store->setDeferIndexing(true);  // each batch's sentences enter the full-text index together

    // Reading, parsing and extraction run on a thread of their own while this one writes: the two
    // halves cost about the same, and the machine has a core for each. The reader asks its own
    // connection which files are stored unchanged, so a resumed ingest does not parse them again;
    // the writer's own check below stays the one that counts.
    PreparedQueue queue;
    std::thread reader([&] {
        auto readDb = Database::open(m_params.databasePath);
        std::optional<DocumentStore> known;
        if (readDb)
            if (auto s = DocumentStore::create(*readDb))
                known.emplace(std::move(s.value()));
        const ArticleReader articles;
        const Extractor extractor;
        files.forEach([&](const QString& path) {
            if ((cancel && cancel->load()) || queue.stopped())
                return false;
            Prepared p;
            p.path = path;
            auto bytes = readFile(path);
            if (!bytes) {
                p.skipReason = bytes.error();
                queue.push(std::move(p));
                return true;
            }
            // text, a saved web page or a PDF, by its suffix; all come back as clean text
            auto read = articles.read(*bytes, path);
            if (!read) {
                p.skipReason = read.error();
                queue.push(std::move(p));
                return true;
            }
            p.size = bytes->size();
            p.encoding = read->encoding;
            p.hash = contentHash(read->text);
            const auto stored = known ? known->findByPath(path) : std::nullopt;
            if (!stored || stored->contentHash != p.hash) {
                p.article = articles.article(*read);
                p.extraction = extractor.extract(*p.article);
            }
            p.text = std::move(read->text);
            queue.push(std::move(p));
            return true;
        });
        queue.finish();
    });
    auto joinReader = qScopeGuard([&] {
        queue.stop();
        reader.join();
    });

    const StructureParser parser;  // for a file the reader took for stored but that changed since
    const Extractor extractor;
    Database::Transaction tx(*db);
    bool open = false;
    int inBatch = 0;  // documents written in the open transaction
    int batchImported = 0, batchUpdated = 0;  // counted into the result when their batch commits
    auto commit = [&]() -> bool {
        if (!open)
            return true;
        if (Status s = store->flushIndex(); !s) {
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
            store->discardIndex();
            open = false;
            result.error = QStringLiteral("%1: %2 (the batch in progress was rolled back)").arg(p.path, what);
        };
        if (byPath) {
            if (Status s = store->remove(byPath->id); !s) {
                fail(QStringLiteral("cannot replace the stored version: %1").arg(s.error()));
                break;
            }
        }
        if (!p.article) {
            p.article = parser.parse(p.text);
            p.extraction = extractor.extract(*p.article);
        }
        if (auto id = store->insert({p.path, p.hash, p.encoding, p.size}, *p.article, p.extraction); !id) {
            fail(id.error());
            break;
        }
        ++(byPath ? batchUpdated : batchImported);
        if (++inBatch >= m_params.batchSize) {
            if (!commit())
                break;
            if (progress)
                progress->batchCommitted(done + 1);  // this file is counted when the guard runs
        }
    }
    if (cancel && cancel->load())
        result.cancelled = true;
    joinReader.dismiss();
    queue.stop();
    reader.join();
    result.skipped.insert(result.skipped.begin(), files.skipped().begin(), files.skipped().end());
    result.ignored = files.ignored();
    if (result.ok() && commit() && progress)
        progress->batchCommitted(done);
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return result;
}

}  // namespace claimlens
