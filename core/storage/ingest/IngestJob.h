#pragma once

#include "read/FileCollector.h"
#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <vector>

namespace claimlens {

/// Receives an ingest's progress. Called on the job's thread; the CLI prints, the GUI forwards
/// the calls as queued signals.
class IngestProgress {
public:
    virtual ~IngestProgress() = default;
    virtual void started(int total) { (void)total; }
    /// After each file, whatever happened to it.
    virtual void fileDone(int done, int total, const QString& path) { (void)done, (void)total, (void)path; }
    /// After each committed batch.
    virtual void batchCommitted(int done) { (void)done; }
};

struct IngestParams {
    QStringList paths;      ///< files and folders
    QString databasePath;
    int batchSize = 500;    ///< documents per transaction: one per document costs about 3x
    qint64 maxFileBytes = FileCollector::kDefaultMaxBytes;  ///< larger files are skipped with their size
};

struct IngestResult {
    int total = 0;       ///< article files found
    int imported = 0;    ///< new documents stored
    int updated = 0;     ///< known paths whose text changed, replaced
    int unchanged = 0;   ///< already stored with the same text
    int duplicates = 0;  ///< same text as a stored document under another path
    int ignored = 0;     ///< files in folders that are not articles
    std::vector<SkippedFile> skipped;
    std::vector<SkippedFile> warnings;  ///< stored, with something repaired on the way (path, what)
    bool cancelled = false;
    QString error;       ///< a database failure that stopped the job; empty when it ran through
    double seconds = 0;
    std::int64_t bytes = 0;

    bool ok() const { return error.isEmpty(); }
};

/// Reads files into the database: decode, parse, store, in batches that are each one transaction,
/// so that a crash loses at most the current batch and never leaves half a document. Running the
/// same job again skips what is stored (by content hash) and so resumes. The job opens its own
/// connection, so it may run on any thread.
class IngestJob {
public:
    explicit IngestJob(IngestParams params) : m_params(std::move(params)) {}

    /// Runs to the end, or until `cancel` becomes true (the batch in hand is committed).
    IngestResult run(IngestProgress* progress = nullptr, const std::atomic_bool* cancel = nullptr) const;

private:
    IngestParams m_params;
};

}  // namespace claimlens
