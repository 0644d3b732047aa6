#include "ingest/IngestJob.h"
#include "query/DocumentQuery.h"
#include "store/Schema.h"

#include "TestSupport.h"

#include <QFile>

#include <gtest/gtest.h>

#include <algorithm>

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

TEST_F(DocumentQueryTest, ControlCharactersInASearchAreSpaces)
{
    // found by tests/fuzz (FuzzSearch): a NUL ended the FTS5 expression inside a quoted term
    DocumentQuery q(*db);
    const QString typed = QStringLiteral("\"a OR NOT -x:") + QChar(0) + QStringLiteral("y\tz\n");
    auto hits = q.search(typed);
    ASSERT_TRUE(hits) << qPrintable(hits.error());
    EXPECT_FALSE(DocumentQuery::ftsQuery(typed).contains(QChar(0)));
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

TEST(SearchTerms, RepeatsLongQueriesAndWidePrefixesAreBounded)
{
    // 300 times the same word is one word
    QString text;
    for (int i = 0; i < 300; ++i)
        text += QStringLiteral("The ");
    auto terms = DocumentQuery::searchTerms(text);
    ASSERT_EQ(terms.size(), 1u);
    EXPECT_TRUE(DocumentQuery::searchNotice(text).isEmpty());  // nothing the user meant is lost

    // a one-letter prefix reads most of the index: it is the word itself
    terms = DocumentQuery::searchTerms(QStringLiteral("a* a* a*"));
    ASSERT_EQ(terms.size(), 1u);
    EXPECT_FALSE(terms[0].prefix);
    EXPECT_TRUE(DocumentQuery::searchNotice(QStringLiteral("a*")).contains(QStringLiteral("two letters")));

    // at most 16 different words, at most 4 prefixes; the rest is said
    text.clear();
    for (int i = 0; i < 40; ++i)
        text += QStringLiteral("word%1 ").arg(i);
    terms = DocumentQuery::searchTerms(text);
    EXPECT_EQ(terms.size(), static_cast<size_t>(DocumentQuery::kMaxSearchTerms));
    EXPECT_EQ(terms.back().text, QStringLiteral("word15"));
    EXPECT_TRUE(DocumentQuery::searchNotice(text).contains(QStringLiteral("24 left out"))) << qPrintable(DocumentQuery::searchNotice(text));
    terms = DocumentQuery::searchTerms(QStringLiteral("ch* hu* ba* al* te* \"a phrase\""));
    ASSERT_EQ(terms.size(), 6u);
    EXPECT_TRUE(terms[3].prefix);
    EXPECT_FALSE(terms[4].prefix);  // the fifth prefix is a word
    EXPECT_EQ(terms[5].text, QStringLiteral("a phrase"));
}

TEST(ChineseSearch, WordsInTextWithoutSpacesAreFoundInEveryEncoding)
{
    // tests/data/chinese: UTF-8, GB18030 and Big5 articles, and the words each must be found by
    test::Workspace ws;
    IngestParams params{{test::testData(QStringLiteral("chinese"))}, ws.database()};
    const IngestResult ingested = IngestJob(params).run();
    ASSERT_TRUE(ingested.ok()) << qPrintable(ingested.error);
    ASSERT_EQ(ingested.imported, 3);
    auto db = Database::open(ws.database());
    ASSERT_TRUE(db);
    DocumentQuery query(*db);
    QFile words(test::testData(QStringLiteral("chinese/search-words.tsv")));
    ASSERT_TRUE(words.open(QIODevice::ReadOnly));
    int checked = 0;
    for (const QString& line : QString::fromUtf8(words.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
        const QString file = line.section(u'\t', 0, 0);
        for (const QString& word : line.section(u'\t', 1).split(u' ', Qt::SkipEmptyParts)) {
            auto hits = query.search(word);
            ASSERT_TRUE(hits) << qPrintable(hits.error());
            const bool found = std::any_of(hits->begin(), hits->end(), [&](const SearchHit& h) { return h.fileName == file; });
            EXPECT_TRUE(found) << qPrintable(word) << " in " << qPrintable(file);
            ++checked;
        }
    }
    EXPECT_EQ(checked, 18);
    // characters are matched as a phrase: both present but apart is no match for the pair
    auto apart = query.search(QStringLiteral("华为芯片"));
    ASSERT_TRUE(apart);
    EXPECT_TRUE(apart->empty());
}
