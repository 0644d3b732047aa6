// libFuzzer target: whatever is typed in the search box becomes an FTS5 expression SQLite accepts.
// An expression SQLite refuses is a defect (the user would see an error for a plain search).
#include "query/DocumentQuery.h"
#include "store/CjkTokenizer.h"

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
        sqlite3_exec(d,
                     "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='claimlens remove_diacritics 2');"
                     "INSERT INTO t(text) VALUES ('Huawei filed 1,000 patents'), ('Kling drew long queues'),"
                     " ('华为公司发布新芯片');",
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
    sqlite3_stmt* statement = nullptr;
    const QByteArray utf8 = expression.toUtf8();
    if (sqlite3_prepare_v2(database(), "SELECT rowid FROM t WHERE t MATCH ?", -1, &statement, nullptr) != SQLITE_OK)
        __builtin_trap();
    sqlite3_bind_text(statement, 1, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) {
        std::fprintf(stderr, "FTS5 refused %s: %s\n", utf8.constData(), sqlite3_errmsg(database()));
        __builtin_trap();
    }
    sqlite3_finalize(statement);
    return 0;
}
