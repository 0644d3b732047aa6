#pragma once

#include <sqlite3.h>

namespace claimlens {

/// Registers on a connection the SQL functions that test one document against one field of a
/// filter, for queries that walk documents in an order of their own and stop after a page
/// (query/FilterSql's Walk plan), each 1 or 0:
///
///   claimlens_search_document(FTS, DOCUMENT_ID[, PROBES])
///       a sentence of the document matches the full-text query FTS
///   claimlens_entity_document(KIND, NAMES, DOCUMENT_ID[, PROBES])
///       the document names one of the entities of KIND called NAMES (joined by U+001F)
///
/// An `IN (SELECT ...)` condition builds the whole set before the first row (35 ms for a search
/// matching 234,000 sentences, 10 ms for a company in 65,000 documents) or has SQLite look each
/// member up (200 ms for 90,000 documents); a page whose first rows mostly match needs neither.
/// So the first PROBES (default kFilterProbes) distinct documents a statement asks about are
/// probed one by one (the search restricted to the document's range of sentence ids,
/// store/SentenceId.h; the document's entities through their index), and only then is the set
/// read, into a sorted array every later row is a binary search in. Both are kept beside the
/// statement (SQLite's auxiliary data: the arguments before DOCUMENT_ID must be constants or bound
/// parameters). A page of a common search or company thus costs a few probes, a rare one a single
/// read of its set; a query that reads every document anyway passes PROBES 0.
/// Returns SQLite's result code.
int registerFilterFunctions(sqlite3* db);

/// The documents probed one by one before a set is read whole.
inline constexpr int kFilterProbes = 256;

/// The separator of the names in claimlens_entity_document's NAMES.
inline constexpr char16_t kEntityNameSeparator = u'\x1F';

}  // namespace claimlens
