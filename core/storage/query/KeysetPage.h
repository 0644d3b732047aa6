#pragma once

#include "query/DocumentFilter.h"
#include "store/Database.h"

#include <QVariant>

#include <cstdint>
#include <functional>

namespace claimlens {

/// Where a page ended, so that the next one continues after its last row ("keyset" paging: no
/// OFFSET, so page 500 costs what page 1 does). Rows whose sort value is NULL come after all the
/// others, whichever the direction.
struct ListCursor {
    bool started = false;
    bool inNulls = false;  ///< the rows with a sort value are done
    QVariant key;
    std::int64_t id = 0;
};

/// One sorted, filtered listing read page by page: "SELECT columns, key FROM from WHERE filter
/// ORDER BY key, id".
struct KeysetQuery {
    QString columns;  ///< what the row reader reads, columns 0 .. columnCount - 1
    int columnCount = 0;
    QString from;     ///< "documents d", "claims c JOIN documents d ON ..."
    QString id;       ///< a unique column breaking ties, e.g. "d.id"
    QString key;      ///< the sort value
    enum class KeyType { Text, Integer, Real } keyType = KeyType::Text;
    bool descending = false;
};

struct KeysetResult {
    ListCursor next;
    bool atEnd = false;
    int rows = 0;
};

/// Reads up to `limit` rows after `after`, calling `read` for each. `where` must have been built
/// with its first parameter at 1.
Result<KeysetResult> readKeysetPage(Database& db, const KeysetQuery& query, const FilterSql& where,
                                    const ListCursor& after, int limit, const std::function<void(const Statement&)>& read);

}  // namespace claimlens
