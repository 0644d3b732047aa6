// libFuzzer target: whatever is typed in the search box becomes an FTS5 expression SQLite accepts,
// both matched directly and through the filter's row-by-row test (store/FilterFunctions.h), probed
// and read whole. An expression SQLite refuses is a defect (the user would see an error for a plain
// search), and so is a probe that disagrees with the set read whole.
#include "query/DocumentQuery.h"
#include "store/CjkTokenizer.h"
#include "store/FilterFunctions.h"

#include <sqlite3.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>

namespace {

sqlite3* database()
{
    static sqlite3* db = [] {
        sqlite3* d = nullptr;
        sqlite3_open(":memory:", &d);
        claimlens::registerCjkTokenizer(d);  // the index's own tokenizer, as the store has it
        claimlens::registerFilterFunctions(d);
        // rowids as the store gives them: document 1's sentences 0 and 1, then documents 2 and 3
        sqlite3_exec(d,
                     "CREATE VIRTUAL TABLE sentences_fts USING fts5(text, tokenize='claimlens remove_diacritics 2');"
                     "INSERT INTO sentences_fts(rowid, text) VALUES (1048576, 'Huawei filed 1,000 patents'),"
                     " (1048577, 'Kling drew long queues'), (2097152, '华为公司发布新芯片'),"
                     " (3145728, 'Huawei drew queues in 2024');",
                     nullptr, nullptr, nullptr);
        return d;
    }();
    return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size > 4096)  // the search box's input, not a file
        return 0;
    const QString typed = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const QString expression = claimlens::DocumentQuery::ftsQuery(typed);
    if (expression.isEmpty())
        return 0;
    const QByteArray utf8 = expression.toUtf8();
    // the documents matching: straight from the index, then probed (all, one, none) in the filter's test
    int found[4] = {0, 0, 0, 0};
    const char* queries[] = {
        ("SELECT sum(1 << d) FROM (SELECT DISTINCT rowid >> 20 AS d FROM sentences_fts"
         " WHERE sentences_fts MATCH ?1)"),
        "WITH v(d) AS (VALUES (1), (2), (3), (4)) SELECT sum(claimlens_search_document(?1, d, 1000) << d) FROM v",
        "WITH v(d) AS (VALUES (1), (2), (3), (4)) SELECT sum(claimlens_search_document(?1, d, 1) << d) FROM v",
        "WITH v(d) AS (VALUES (1), (2), (3), (4)) SELECT sum(claimlens_search_document(?1, d, 0) << d) FROM v",
    };
    for (int q = 0; q < 4; ++q) {
        sqlite3_stmt* statement = nullptr;
        if (sqlite3_prepare_v2(database(), queries[q], -1, &statement, nullptr) != SQLITE_OK) {
            std::fprintf(stderr, "cannot prepare: %s\n", sqlite3_errmsg(database()));
            __builtin_trap();
        }
        sqlite3_bind_text(statement, 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
        int rc;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW)
            found[q] = sqlite3_column_int(statement, 0);
        if (rc != SQLITE_DONE) {
            std::fprintf(stderr, "FTS5 refused %s: %s\n", utf8.constData(), sqlite3_errmsg(database()));
            __builtin_trap();
        }
        sqlite3_finalize(statement);
    }
    if (found[1] != found[0] || found[2] != found[0] || found[3] != found[0]) {
        std::fprintf(stderr, "%s: the index says %d, probed %d, probed once %d, read whole %d\n", utf8.constData(),
                     found[0], found[1], found[2], found[3]);
        __builtin_trap();
    }
    return 0;
}
