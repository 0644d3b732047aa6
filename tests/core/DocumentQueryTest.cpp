#include "ingest/IngestJob.h"
#include "query/DocumentQuery.h"
#include "store/Schema.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

class DocumentQueryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ws.write(QStringLiteral("in/price-war.txt"),
                 "The Price War Begins\n\nby Mei Lin - Markets\nMay 21, 2024\n\nAlibaba cut Qwen prices by 97%. "
                 "Baidu made two Ernie models free. Source: Caixin\n\nLeave a Comment\n");
        ws.write(QStringLiteral("in/chips.txt"),
                 "Export Rules Tighten\n\nThe U.S. expanded chip export controls in October 2023. Nvidia designed the "
                 "H20 for the Chinese market. Café owners in Zürich did not notice.\n");
        db = test::ingestAndOpen(ws, QStringLiteral("in"), 2);
        ASSERT_TRUE(db.has_value());
    }
    test::Workspace ws;
    std::optional<Database> db;
};

}  // namespace

TEST_F(DocumentQueryTest, DocumentsCarryTheirMetadata)
{
    DocumentQuery q(*db);
    auto docs = q.documents();
    ASSERT_TRUE(docs.ok());
    ASSERT_EQ(docs->size(), 2u);
    const DocumentSummary& war = (*docs)[1];
    EXPECT_EQ(war.fileName, QStringLiteral("price-war.txt"));
    EXPECT_EQ(war.title, QStringLiteral("The Price War Begins"));
    EXPECT_EQ(war.author, QStringLiteral("Mei Lin"));
    EXPECT_EQ(war.section, QStringLiteral("Markets"));
    EXPECT_EQ(war.published.iso(), QStringLiteral("2024-05-21"));
    EXPECT_EQ(war.source, QStringLiteral("Caixin"));
    EXPECT_EQ(war.sentenceCount, 2);
    EXPECT_EQ(q.find(QStringLiteral("price-war.txt"))->id, war.id);
    EXPECT_EQ(q.find(QString::number(war.id))->fileName, war.fileName);
    EXPECT_FALSE(q.find(QStringLiteral("nope.txt")).has_value());
}

TEST_F(DocumentQueryTest, BlocksKeepFurnitureWithItsKind)
{
    DocumentQuery q(*db);
    auto blocks = q.blocks(q.find(QStringLiteral("price-war.txt"))->id);
    ASSERT_TRUE(blocks.ok());
    QStringList kinds;
    for (const auto& b : *blocks)
        kinds.append(blockKindName(b.kind));
    EXPECT_EQ(kinds.join(u','), QStringLiteral("title,byline,dateline,paragraph,furniture"));
    EXPECT_EQ(blocks->back().text, QStringLiteral("Leave a Comment"));
}

TEST_F(DocumentQueryTest, FullTextSearchFindsWordsWithSnippetsAndFoldsDiacritics)
{
    DocumentQuery q(*db);
    auto hits = q.search(QStringLiteral("export controls"));
    ASSERT_TRUE(hits.ok());
    ASSERT_EQ(hits->size(), 1u);
    EXPECT_EQ((*hits)[0].fileName, QStringLiteral("chips.txt"));
    EXPECT_TRUE((*hits)[0].snippet.contains(QStringLiteral("[export] [controls]"))) << qPrintable((*hits)[0].snippet);

    EXPECT_EQ(q.search(QStringLiteral("zurich cafe"))->size(), 1u);
    EXPECT_EQ(q.search(QStringLiteral("Qwe*"))->size(), 1u);
    EXPECT_EQ(q.search(QStringLiteral("\"cut Qwen prices\""))->size(), 1u);
    EXPECT_EQ(q.search(QStringLiteral("Leave"))->size(), 0u);  // furniture is not searched as body
    // operators and stray quotes typed by a user are text, never a syntax error
    auto odd = q.search(QStringLiteral("AND ( NEAR \"unbalanced"));
    EXPECT_TRUE(odd.ok()) << qPrintable(odd.error());
}

TEST_F(DocumentQueryTest, StatsCountWhatIsStored)
{
    auto st = DocumentQuery(*db).stats();
    ASSERT_TRUE(st.ok());
    EXPECT_EQ(st->documents, 2);
    EXPECT_EQ(st->sentences, 5);
    EXPECT_EQ(st->blocksByKind.value(QStringLiteral("furniture")), 1);
    EXPECT_EQ(st->schemaVersion, Schema::currentVersion());
}
