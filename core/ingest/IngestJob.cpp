#include "ingest/IngestJob.h"

#include "extract/Extractor.h"
#include "read/TextDecoder.h"
#include "store/Database.h"
#include "store/DocumentStore.h"
#include "structure/StructureParser.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

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
    const StructureParser parser;
    const Extractor extractor;
    Database::Transaction tx(*db);
    bool open = false;
    int inBatch = 0;  // documents written in the open transaction
    int batchImported = 0, batchUpdated = 0;  // counted into the result when their batch commits
    auto commit = [&]() -> bool {
        if (!open)
            return true;
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
    files.forEach([&](const QString& path) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            return false;
        }
        auto report = qScopeGuard([&] {
            ++done;
            if (progress)
                progress->fileDone(done, result.total, path);
        });
        auto bytes = readFile(path);
        if (!bytes) {
            result.skipped.push_back({path, bytes.error()});
            return true;
        }
        auto decoded = decodeText(*bytes);
        if (!decoded) {
            result.skipped.push_back({path, decoded.error()});
            return true;
        }
        result.bytes += bytes->size();
        const QString hash = contentHash(decoded->text);

        if (!open) {
            if (Status s = tx.begin(); !s) {
                result.error = QStringLiteral("%1: %2").arg(m_params.databasePath, s.error());
                return false;
            }
            open = true;
        }
        const auto byPath = store->findByPath(path);
        if (byPath && byPath->contentHash == hash) {
            ++result.unchanged;
            return true;
        }
        if (const auto same = store->findByHash(hash); same && !byPath) {
            if (!store->isRecordedDuplicate(path)) {
                if (Status s = store->recordDuplicate(same->id, path); !s) {
                    result.error = s.error();
                    return false;
                }
                ++result.duplicates;
            } else {
                ++result.unchanged;
            }
            return true;
        }
        // No savepoint per document: FTS5 flushes its pending index at every savepoint, which
        // costs more than the rest of the ingest. A storage failure (disk full, I/O) instead
        // rolls the whole batch back and stops the job; bad files never get this far.
        auto fail = [&](const QString& what) {
            tx.rollback();
            open = false;
            result.error = QStringLiteral("%1: %2 (the batch in progress was rolled back)").arg(path, what);
        };
        if (byPath) {
            if (Status s = store->remove(byPath->id); !s) {
                fail(QStringLiteral("cannot replace the stored version: %1").arg(s.error()));
                return false;
            }
        }
        const Article article = parser.parse(decoded->text);
        const Extraction extraction = extractor.extract(article);
        if (auto id = store->insert({path, hash, decoded->encoding, bytes->size()}, article, extraction); !id) {
            fail(id.error());
            return false;
        }
        ++(byPath ? batchUpdated : batchImported);
        if (++inBatch >= m_params.batchSize) {
            if (!commit())
                return false;
            if (progress)
                progress->batchCommitted(done + 1);  // this file is counted when the guard runs
        }
        return true;
    });
    result.skipped.insert(result.skipped.begin(), files.skipped().begin(), files.skipped().end());
    result.ignored = files.ignored();
    if (result.ok() && commit() && progress)
        progress->batchCommitted(done);
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return result;
}

}  // namespace claimlens
