#pragma once

#include "query/DocumentQuery.h"

#include <QIODevice>
#include <QJsonObject>

namespace claimlens {

/// Writes the store as {"documents": [...]}, one document at a time so memory stays flat, in the
/// shape the extraction scorer reads (file, path, title, author, section, published, sources,
/// headings, sentences and the extraction lists).
class JsonExporter {
public:
    explicit JsonExporter(Database& db) : m_db(&db) {}

    Status write(QIODevice& out);
    /// One document as the export shows it.
    Result<QJsonObject> document(const DocumentSummary& summary);

private:
    Database* m_db;
};

}  // namespace claimlens
