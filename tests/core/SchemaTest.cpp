#include "store/ContentHash.h"
#include "store/Database.h"
#include "store/Schema.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

int count(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql);
    return stmt && stmt->step() ? stmt->integer(0) : -1;
}

QString integrity(Database& db)
{
    auto stmt = db.prepare("PRAGMA integrity_check");
    return stmt && stmt->step() ? stmt->text(0) : QString();
}

}  // namespace

// Every earlier version, with data in it, must migrate to the current one and keep that data.
TEST(Schema, MigratesFromEveryEarlierVersion)
{
    for (int from = 0; from < Schema::currentVersion(); ++from) {
        SCOPED_TRACE(from);
        test::Workspace ws;
        {
            auto db = Database::openRaw(ws.database());
            ASSERT_TRUE(db.ok());
            ASSERT_TRUE(Schema::migrateTo(*db, from).ok());
            EXPECT_EQ(db->userVersion(), from);
            if (from >= 1) {
                ASSERT_TRUE(db->exec("INSERT INTO documents(path, file_name, content_hash, ingested_at, clean_text)"
                                     " VALUES ('/a.txt', 'a.txt', 'h1', '2024-01-01', 'Baidu cut prices.');"
                                     "INSERT INTO blocks(document_id, ordinal, kind, span_start, span_end, content_start)"
                                     " VALUES (1, 0, 'paragraph', 0, 17, 0);"
                                     "INSERT INTO sentences(document_id, block_ordinal, ordinal, span_start, span_end, text)"
                                     " VALUES (1, 0, 0, 0, 17, 'Baidu cut prices.');"
                                     "INSERT INTO sentences_fts(rowid, text) VALUES (1, 'Baidu cut prices.');")
                                .ok());
            }
        }
        auto db = Database::open(ws.database());
        ASSERT_TRUE(db.ok()) << qPrintable(db.error());
        EXPECT_EQ(db->userVersion(), Schema::currentVersion());
        EXPECT_EQ(integrity(*db), QStringLiteral("ok"));
        EXPECT_EQ(count(*db, "SELECT count(*) FROM documents"), from >= 1 ? 1 : 0);
        EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'prices'"), from >= 1 ? 1 : 0);
        EXPECT_EQ(count(*db, "SELECT count(*) FROM claims"), 0);  // the newest tables exist
        EXPECT_EQ(count(*db, "SELECT count(*) FROM pages"), 0);
        // hashes made before version 6 are made again, of the stored text, as the ingest now makes them
        if (from >= 1 && from < 6) {
            auto hash = db->prepare("SELECT content_hash FROM documents");
            ASSERT_TRUE(hash && hash->step());
            EXPECT_EQ(hash->text(0), contentHash(u"Baidu cut prices."));
        }
        // documents stored before formats were recorded were all read as text
        EXPECT_EQ(count(*db, "SELECT count(*) FROM documents WHERE format = 'text'"), from >= 1 ? 1 : 0);
        // statistics stored before kinds were read are levels until re-extracted
        EXPECT_EQ(count(*db, "SELECT count(*) FROM statistics WHERE kind IS NOT NULL"), 0);
    }
}

TEST(Schema, RefusesADatabaseFromANewerProgram)
{
    test::Workspace ws;
    {
        auto db = Database::openRaw(ws.database());
        ASSERT_TRUE(db->setUserVersion(Schema::currentVersion() + 1).ok());
    }
    auto db = Database::open(ws.database());
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().contains(QStringLiteral("newer"))) << qPrintable(db.error());
    EXPECT_TRUE(db.error().contains(ws.database()));
}

TEST(Schema, OpensWithWalAndForeignKeys)
{
    test::Workspace ws;
    auto db = Database::open(ws.database());
    ASSERT_TRUE(db.ok());
    auto mode = db->prepare("PRAGMA journal_mode");
    ASSERT_TRUE(mode->step());
    EXPECT_EQ(mode->text(0), QStringLiteral("wal"));
    EXPECT_EQ(count(*db, "PRAGMA foreign_keys"), 1);
}

TEST(Schema, NotADatabaseIsAClearError)
{
    test::Workspace ws;
    const QString path = ws.write(QStringLiteral("notes.sqlite"), QByteArray(4096, 'x'));
    auto db = Database::open(path);
    ASSERT_FALSE(db.ok());
    EXPECT_TRUE(db.error().startsWith(path)) << qPrintable(db.error());
}

TEST(Statement, ForEachReportsAnErrorMidwayInsteadOfEndingQuietly)
{
    test::Workspace ws;
    auto db = Database::open(ws.database());
    ASSERT_TRUE(db);
    ASSERT_TRUE(db->exec("CREATE TABLE numbers(x INTEGER); INSERT INTO numbers VALUES (1), (2), (3), (4)"));
    // the third row overflows: abs() of the smallest integer is an error SQLite raises while stepping
    auto stmt = db->prepare("SELECT CASE WHEN x = 3 THEN abs(-9223372036854775805 - x) ELSE x END FROM numbers");
    ASSERT_TRUE(stmt);
    std::vector<std::int64_t> seen;
    const Status s = stmt->forEach([&](const Statement& row) { seen.push_back(row.int64(0)); });
    EXPECT_FALSE(s);
    EXPECT_TRUE(s.ok() || s.error().contains(QStringLiteral("integer overflow"))) << qPrintable(s.error());
    EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2}));

    auto all = db->prepare("SELECT x FROM numbers");
    ASSERT_TRUE(all);
    int rows = 0;
    EXPECT_TRUE(all->forEach([&](const Statement&) { ++rows; }));
    EXPECT_EQ(rows, 4);
}

// Version 10 gives each sentence the id its document and ordinal make (store/SentenceId.h): the
// readings still point at their own sentence, the full-text index finds the new ids, and deleting
// a document's sentences still takes them out of the index.
TEST(Schema, SentenceIdsAreRenumberedWithTheirReadings)
{
    test::Workspace ws;
    {
        auto db = Database::openRaw(ws.database());
        ASSERT_TRUE(db.ok());
        ASSERT_TRUE(Schema::migrateTo(*db, 9).ok());
        // ids as they were given before: one sequence across documents, the second document first
        ASSERT_TRUE(db->exec("INSERT INTO documents(id, path, file_name, content_hash, ingested_at, clean_text) VALUES"
                             " (1, '/a.txt', 'a.txt', 'h1', '2024-01-01', 'Baidu cut prices. Tencent hired staff.'),"
                             " (2, '/b.txt', 'b.txt', 'h2', '2024-01-02', 'Zhipu raised funds. Zhipu cut prices.');"
                             "INSERT INTO blocks(document_id, ordinal, kind, span_start, span_end, content_start) VALUES"
                             " (1, 0, 'paragraph', 0, 38, 0), (2, 0, 'paragraph', 0, 37, 0);"
                             "INSERT INTO sentences(id, document_id, block_ordinal, ordinal, span_start, span_end, text) VALUES"
                             " (1, 2, 0, 0, 0, 19, 'Zhipu raised funds.'), (2, 2, 0, 1, 20, 37, 'Zhipu cut prices.'),"
                             " (3, 1, 0, 0, 0, 17, 'Baidu cut prices.'), (4, 1, 0, 1, 18, 38, 'Tencent hired staff.');"
                             "INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences;"
                             "INSERT INTO statistics(document_id, sentence_id, subject, metric_key, metric, value, unit,"
                             " span_start, span_end) VALUES (1, 3, 'Baidu', 'price', 'price', 1, '%', 0, 17),"
                             " (2, 2, 'Zhipu', 'price', 'price', 2, '%', 20, 37);"
                             "INSERT INTO events(document_id, sentence_id, precision, span_start, span_end) VALUES (1, 4, 0, 18, 38);"
                             "INSERT INTO claims(document_id, sentence_id, score) VALUES (2, 1, 0.5);"
                             "INSERT INTO entities(id, kind, name) VALUES (1, 'company', 'Tencent');"
                             "INSERT INTO mentions(document_id, sentence_id, entity_id, span_start, span_end, surface)"
                             " VALUES (1, 4, 1, 18, 25, 'Tencent');")
                        .ok());
    }
    auto db = Database::open(ws.database());
    ASSERT_TRUE(db.ok()) << qPrintable(db.error());
    EXPECT_EQ(integrity(*db), QStringLiteral("ok"));
    auto texts = [&](const char* sql) {
        QStringList out;
        auto stmt = db->prepare(sql);
        EXPECT_TRUE(stmt.ok());
        if (stmt) {
            EXPECT_TRUE(stmt->forEach([&](const Statement& row) { out.append(row.text(0)); }).ok());
        }
        return out;
    };
    EXPECT_EQ(texts("SELECT s.text FROM statistics st JOIN sentences s ON s.id = st.sentence_id ORDER BY st.id"),
              (QStringList{QStringLiteral("Baidu cut prices."), QStringLiteral("Zhipu cut prices.")}));
    EXPECT_EQ(texts("SELECT s.text FROM events ev JOIN sentences s ON s.id = ev.sentence_id"),
              QStringList{QStringLiteral("Tencent hired staff.")});
    EXPECT_EQ(texts("SELECT s.text FROM claims c JOIN sentences s ON s.id = c.sentence_id"),
              QStringList{QStringLiteral("Zhipu raised funds.")});
    EXPECT_EQ(texts("SELECT s.text FROM mentions m JOIN sentences s ON s.id = m.sentence_id"),
              QStringList{QStringLiteral("Tencent hired staff.")});
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences WHERE id = (document_id << 20) | ordinal"), 4);
    EXPECT_EQ(texts("SELECT group_concat(rowid >> 20) FROM sentences_fts WHERE sentences_fts MATCH 'prices'"),
              QStringList{QStringLiteral("1,2")});
    ASSERT_TRUE(db->exec("DELETE FROM sentences WHERE document_id = 2").ok());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Zhipu'"), 0);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'prices'"), 1);
}
