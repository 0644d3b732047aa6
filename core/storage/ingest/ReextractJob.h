#pragma once

#include "ingest/IngestJob.h"

namespace claimlens {

class DocumentStore;
class Extractor;
class StructureParser;

/// Reads a stored document's clean text again with `parser` and `extractor` (the stored structure
/// for pages and PDFs) and replaces its structure and extraction in `store`.
Status rereadDocument(DocumentStore& store, const StructureParser& parser, const Extractor& extractor, std::int64_t id);

struct ReextractResult {
    int documents = 0;
    bool cancelled = false;
    QString error;
    double seconds = 0;
    bool ok() const { return error.isEmpty(); }
};

/// Re-reads every stored document's clean text with the current rules and knowledge (no file is
/// opened) and replaces its structure and extraction, batch by batch, each batch one transaction.
class ReextractJob {
public:
    explicit ReextractJob(QString databasePath, int batchSize = 500)
        : m_databasePath(std::move(databasePath)), m_batchSize(batchSize)
    {
    }
    ReextractResult run(IngestProgress* progress = nullptr, const std::atomic_bool* cancel = nullptr) const;

private:
    QString m_databasePath;
    int m_batchSize;
};

}  // namespace claimlens
