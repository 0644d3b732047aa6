#pragma once

#include "store/Database.h"

#include <QIODevice>

namespace claimlens {

/// Writes one CSV row per document: file, path, title, author, section, published, sources,
/// headings, sentences, duplicates (quoted as util/Csv.h does).
class CsvExporter {
public:
    explicit CsvExporter(Database& db) : m_db(&db) {}
    Status write(QIODevice& out);

private:
    Database* m_db;
};

}  // namespace claimlens
