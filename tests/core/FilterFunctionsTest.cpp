#include "query/DocumentListQuery.h"
#include "query/DocumentQuery.h"
#include "query/SentenceSearchQuery.h"
#include "store/FilterFunctions.h"
#include "store/SentenceId.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <set>

using namespace claimlens;

namespace {

/// Forty short reports, each naming one or two of four companies; the words searched for are
/// spread so that some reports have several matching sentences, some one and most none.
class FilterFunctionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        const char* companies[] = {"Zhipu", "Moonshot AI", "MiniMax", "StepFun"};
        for (int i = 0; i < 40; ++i) {
            QByteArray text = "Bulletin " + QByteArray::number(i) + " from the lab circuit\n\n";
            text += QByteArray(companies[i % 4]) + " hired " + QByteArray::number(i + 3) + " researchers this quarter.";
            if (i % 5 == 0)
                text += " Its accelerator supply came under new licensing rules.";
            if (i % 10 == 0)
                text += " A second accelerator order was delayed by the licensing rules.";
            if (i % 7 == 3)
                text += QByteArray(" It partners with ") + companies[(i + 1) % 4] + ".";
            text += "\n";
            ws.write(QStringLiteral("in/b%1.txt").arg(i, 2, 10, QLatin1Char('0')), text);
        }
        db = test::ingestAndOpen(ws, QStringLiteral("in"), 40);
        ASSERT_TRUE(db.has_value());
    }

    std::set<std::int64_t> ids(const QString& sql, const QStringList& values)
    {
        std::set<std::int64_t> out;
        auto stmt = db->prepare(sql.toUtf8().constData());
        EXPECT_TRUE(stmt.ok()) << qPrintable(stmt.ok() ? QString() : stmt.error());
        if (!stmt)
            return out;
        for (int i = 0; i < values.size(); ++i)
            stmt->bind(i + 1, values[i]);
        EXPECT_TRUE(stmt->forEach([&](const Statement& row) { out.insert(row.int64(0)); }).ok());
        return out;
    }

    test::Workspace ws;
    std::optional<Database> db;
};

}  // namespace

TEST_F(FilterFunctionsTest, SentenceIdsHoldTheirDocument)
{
    auto stmt = db->prepare("SELECT id, document_id, ordinal FROM sentences");
    ASSERT_TRUE(stmt.ok());
    int rows = 0;
    ASSERT_TRUE(stmt->forEach([&](const Statement& row) {
                        ++rows;
                        EXPECT_EQ(row.int64(0), sentenceId(row.int64(1), row.int64(2)));
                        EXPECT_EQ(documentOfSentence(row.int64(0)), row.int64(1));
                    })
                    .ok());
    EXPECT_GE(rows, 40);
}

// Probed one by one, read whole at once, or probed and then read whole partway through a
// statement: the same documents as the plain join through the sentences.
TEST_F(FilterFunctionsTest, ProbedAndReadWholeSearchesAgreeWithTheSentences)
{
    for (const QString& typed : {QStringLiteral("accelerator"), QStringLiteral("\"licensing rules\""),
                                 QStringLiteral("second OR partners"), QStringLiteral("researchers"),
                                 QStringLiteral("nowhere")}) {
        SCOPED_TRACE(qPrintable(typed));
        const QString fts = DocumentQuery::ftsQuery(typed);
        const auto expected = ids(QStringLiteral("SELECT DISTINCT document_id FROM sentences WHERE id IN"
                                                 " (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ?1)"),
                                  {fts});
        for (int probes : {0, 3, 20, 1000}) {
            SCOPED_TRACE(probes);
            EXPECT_EQ(ids(QStringLiteral("SELECT id FROM documents WHERE claimlens_search_document(?1, id, %1)").arg(probes),
                          {fts}),
                          expected);
        }
        int counted = -1;
        DocumentFilter filter;
        filter.search = typed;
        if (auto n = DocumentListQuery(*db).count(filter))
            counted = *n;
        EXPECT_EQ(counted, static_cast<int>(expected.size()));
    }
}

TEST_F(FilterFunctionsTest, ProbedAndReadWholeEntitiesAgreeWithTheIndex)
{
    const QString names = QStringLiteral("Moonshot") + QChar(kEntityNameSeparator) + QStringLiteral("StepFun") +
                          QChar(kEntityNameSeparator) + QStringLiteral("Not A Company");
    const auto expected = ids(QStringLiteral("SELECT DISTINCT de.document_id FROM document_entities de JOIN entities e"
                                             " ON e.id = de.entity_id WHERE e.kind = 'company'"
                                             " AND e.name IN ('Moonshot', 'StepFun')"),
                              {});
    ASSERT_GT(expected.size(), 15u);
    ASSERT_LT(expected.size(), 40u);
    for (int probes : {0, 3, 20, 1000}) {
        SCOPED_TRACE(probes);
        EXPECT_EQ(ids(QStringLiteral("SELECT id FROM documents WHERE claimlens_entity_document('company', ?1, id, %1)")
                          .arg(probes),
                      {names}),
                  expected);
    }
    EXPECT_TRUE(ids(QStringLiteral("SELECT id FROM documents WHERE claimlens_entity_document('country', ?1, id)"), {names})
                    .empty());
}

// The list and the search results walk with the functions; the count tests sets: all agree.
TEST_F(FilterFunctionsTest, WalkedPagesAndCountsAgree)
{
    DocumentFilter filter;
    filter.search = QStringLiteral("licensing");
    filter.companies = {QStringLiteral("Zhipu"), QStringLiteral("MiniMax")};
    std::set<std::int64_t> listed;
    ListCursor cursor;
    for (int guard = 0; guard < 50; ++guard) {
        auto page = DocumentListQuery(*db).page(filter, DocumentSort::Title, false, cursor, 3);
        ASSERT_TRUE(page.ok()) << qPrintable(page.ok() ? QString() : page.error());
        for (const DocumentListRow& row : page->rows)
            listed.insert(row.id);
        if (page->atEnd)
            break;
        cursor = page->next;
    }
    const auto expected = ids(
        QStringLiteral("SELECT DISTINCT s.document_id FROM sentences s JOIN document_entities de ON de.document_id ="
                       " s.document_id JOIN entities e ON e.id = de.entity_id WHERE e.name IN ('Zhipu', 'MiniMax')"
                       " AND s.id IN (SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'licensing')"),
        {});
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(listed, expected);
    auto count = DocumentListQuery(*db).count(filter);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(*count, static_cast<int>(expected.size()));

    std::set<std::int64_t> found;
    auto hits = SentenceSearchQuery(*db).page(filter, {}, 100);
    ASSERT_TRUE(hits.ok());
    for (const SentenceHit& hit : hits->rows)
        found.insert(hit.documentId);
    EXPECT_EQ(found, expected);
    for (std::int64_t id : expected)
        EXPECT_TRUE(*DocumentListQuery(*db).contains(filter, id));
    EXPECT_FALSE(*DocumentListQuery(*db).contains(filter, *ids(QStringLiteral("SELECT max(id) FROM documents"), {}).begin() + 1));
}
