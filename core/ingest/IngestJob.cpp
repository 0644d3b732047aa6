#include "ingest/IngestJob.h"

#include "read/TextDecoder.h"
#include "store/Database.h"
#include "store/DocumentStore.h"
#include "structure/StructureParser.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

namespace claimlens {
namespace {

QString contentHash(const QString& text)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
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
    CollectedFiles files = FileCollector::collect(m_params.paths);
    result.skipped = std::move(files.skipped);
    result.ignored = files.ignored;
    result.total = static_cast<int>(files.files.size());
    if (progress)
        progress->started(result.total);

    auto db = Database::open(m_params.databasePath);
    if (!db) {
        result.error = db.error();
        return result;
    }
    auto store = DocumentStore::create(*db);
    if (!store) {
        result.error = store.error();
        return result;
    }
    const StructureParser parser;
    Database::Transaction tx(*db);
    bool open = false;
    int inBatch = 0;
    auto commit = [&]() -> bool {
        if (!open)
            return true;
        if (Status s = tx.commit(); !s) {
            result.error = QStringLiteral("%1: commit failed: %2").arg(m_params.databasePath, s.error());
            return false;
        }
        open = false;
        inBatch = 0;
        return true;
    };

    int done = 0;
    for (const QString& path : files.files) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        auto report = qScopeGuard([&] {
            ++done;
            if (progress)
                progress->fileDone(done, result.total, path);
        });
        auto bytes = readFile(path);
        if (!bytes) {
            result.skipped.push_back({path, bytes.error()});
            continue;
        }
        auto decoded = decodeText(*bytes);
        if (!decoded) {
            result.skipped.push_back({path, decoded.error()});
            continue;
        }
        result.bytes += bytes->size();
        const QString hash = contentHash(decoded->text);

        if (!open) {
            if (Status s = tx.begin(); !s) {
                result.error = QStringLiteral("%1: %2").arg(m_params.databasePath, s.error());
                break;
            }
            open = true;
        }
        const auto byPath = store->findByPath(path);
        if (byPath && byPath->contentHash == hash) {
            ++result.unchanged;
            continue;
        }
        if (const auto same = store->findByHash(hash); same && !byPath) {
            if (!store->isRecordedDuplicate(path)) {
                if (Status s = store->recordDuplicate(same->id, path); !s) {
                    result.error = s.error();
                    break;
                }
                ++result.duplicates;
            } else {
                ++result.unchanged;
            }
            continue;
        }
        // A savepoint per document: a document that fails to store is skipped whole and the
        // rest of the batch is kept.
        (void)db->exec("SAVEPOINT document");
        if (byPath) {
            if (Status s = store->remove(byPath->id); !s) {
                (void)db->exec("ROLLBACK TO document; RELEASE document");
                result.skipped.push_back({path, QStringLiteral("cannot replace the stored version: %1").arg(s.error())});
                continue;
            }
        }
        const Article article = parser.parse(decoded->text);
        auto id = store->insert({path, hash, decoded->encoding, bytes->size()}, article);
        if (!id) {
            (void)db->exec("ROLLBACK TO document; RELEASE document");
            result.skipped.push_back({path, id.error()});
            continue;
        }
        (void)db->exec("RELEASE document");
        ++(byPath ? result.updated : result.imported);
        if (++inBatch >= m_params.batchSize) {
            if (!commit())
                break;
            if (progress)
                progress->batchCommitted(done + 1);  // this file is counted when the guard runs
        }
    }
    if (result.ok() && commit() && progress)
        progress->batchCommitted(done);
    result.seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    return result;
}

}  // namespace claimlens
