#pragma once

#include "store/Database.h"

#include <QStringList>

namespace claimlens {

/// What `claimlens-cli check` finds in a database.
struct IntegrityReport {
    QStringList problems;  ///< each in words; empty when the database is sound
    qint64 documents = 0;
    qint64 sentences = 0;
    bool ok() const { return problems.isEmpty(); }
};

/// Checks a database as far as SQLite can tell and as far as Claimlens's own invariants go:
/// SQLite's integrity check (pages, indexes, NOT NULL), foreign keys, the full-text index against
/// the sentences it indexes, and that no document is stored without its blocks and sentences.
/// A check that cannot run is itself a problem reported; fails only when the file holds no
/// Claimlens tables at all.
Result<IntegrityReport> checkIntegrity(Database& db);

}  // namespace claimlens
