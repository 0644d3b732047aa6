#include "ingest/IngestJob.h"
#include "query/DocumentListQuery.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <set>

using namespace claimlens;

namespace {

/// Nine dated and three undated articles, naming Baidu, Tencent or both, some through products.
class DocumentListQueryTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (int i = 1; i <= 12; ++i) {
            const QByteArray date = i <= 9 ? QByteArray("2024-0") + QByteArray::number(i) + "-15\n\n" : QByteArray();
            const QByteArray company = i % 3 == 0 ? "Tencent and Baidu" : i % 3 == 1 ? "Baidu" : "Ernie Bot";
            ws.write(QStringLiteral("in/a%1.txt").arg(i, 2, 10, QLatin1Char('0')),
                     "Report number " + QByteArray::number(i) + " on chips\n\n" + date + company +
                         " said on Monday that it expanded its AI research team in Beijing by " +
                         QByteArray::number(i * 10) + " engineers.\n");
        }
        db = test::ingestAndOpen(ws, QStringLiteral("in"), 12);
        ASSERT_TRUE(db.has_value());
    }
    std::vector<DocumentListRow> pages(const DocumentFilter& filter, DocumentSort sort, bool descending, int limit)
    {
        DocumentListQuery q(*db);
        std::vector<DocumentListRow> out;
        ListCursor cursor;
        for (int guard = 0; guard < 100; ++guard) {
            auto page = q.page(filter, sort, descending, cursor, limit);
            EXPECT_TRUE(page.ok()) << qPrintable(page.ok() ? QString() : page.error());
            if (!page)
                break;
            EXPECT_LE(static_cast<int>(page->rows.size()), limit);
            out.insert(out.end(), page->rows.begin(), page->rows.end());
            if (page->atEnd)
                break;
            cursor = page->next;
        }
        return out;
    }
    test::Workspace ws;
    std::optional<Database> db;
};

}  // namespace

TEST_F(DocumentListQueryTest, PagesContinueAfterTheLastRowAndUndatedComeLast)
{
    const auto rows = pages({}, DocumentSort::Published, true, 4);
    ASSERT_EQ(rows.size(), 12u);
    std::set<std::int64_t> ids;
    for (const auto& r : rows)
        ids.insert(r.id);
    EXPECT_EQ(ids.size(), 12u) << "no row twice";
    EXPECT_EQ(rows.front().published.iso(), QStringLiteral("2024-09-15"));
    EXPECT_EQ(rows[8].published.iso(), QStringLiteral("2024-01-15"));
    for (size_t i = 9; i < 12; ++i)
        EXPECT_FALSE(rows[i].published.isValid());
    // The same order whatever the page size.
    const auto single = pages({}, DocumentSort::Published, true, 1);
    ASSERT_EQ(single.size(), rows.size());
    for (size_t i = 0; i < rows.size(); ++i)
        EXPECT_EQ(single[i].id, rows[i].id);
}

TEST_F(DocumentListQueryTest, SortsByTitleAndCountsAscending)
{
    const auto byTitle = pages({}, DocumentSort::Title, false, 5);
    ASSERT_EQ(byTitle.size(), 12u);
    for (size_t i = 1; i < byTitle.size(); ++i)
        EXPECT_LE(byTitle[i - 1].title.compare(byTitle[i].title, Qt::CaseInsensitive), 0);
    const auto byCompanies = pages({}, DocumentSort::Companies, true, 5);
    ASSERT_EQ(byCompanies.size(), 12u);
    EXPECT_EQ(byCompanies.front().companies.size(), 2) << "the documents naming two companies first";
    EXPECT_EQ(byCompanies.back().companies.size(), 1);
}

TEST_F(DocumentListQueryTest, FiltersByCompanyThroughProductsAndByDates)
{
    DocumentListQuery q(*db);
    DocumentFilter baidu;
    baidu.companies = {QStringLiteral("Baidu")};
    EXPECT_EQ(*q.count(baidu), 12) << "Ernie Bot is Baidu's";
    DocumentFilter tencent;
    tencent.companies = {QStringLiteral("Tencent")};
    EXPECT_EQ(*q.count(tencent), 4);
    EXPECT_EQ(pages(tencent, DocumentSort::Published, true, 3).size(), 4u);

    DocumentFilter dates;
    dates.from = QDate(2024, 3, 1);
    dates.to = QDate(2024, 5, 31);
    EXPECT_EQ(*q.count(dates), 3);
    dates.companies = {QStringLiteral("Tencent")};
    const auto rows = pages(dates, DocumentSort::Published, false, 10);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows.front().published.iso(), QStringLiteral("2024-03-15"));

    DocumentFilter words;
    words.search = QStringLiteral("\"number 7\"");
    EXPECT_EQ(*q.count(words), 0) << "titles are not sentences";
    words.search = QStringLiteral("engineers 70");
    EXPECT_EQ(*q.count(words), 1);
}

TEST(DocumentFilterDates, PartialDatesCoverTheirWholePeriod)
{
    EXPECT_EQ(DocumentFilter::firstDay(QStringLiteral("2024")), QDate(2024, 1, 1));
    EXPECT_EQ(DocumentFilter::lastDay(QStringLiteral("2024-02")), QDate(2024, 2, 29));
    EXPECT_EQ(DocumentFilter::lastDay(QStringLiteral("2024-07-04")), QDate(2024, 7, 4));
    EXPECT_FALSE(DocumentFilter::firstDay(QStringLiteral("July")).isValid());
    EXPECT_FALSE(DocumentFilter::firstDay(QStringLiteral("2024-13")).isValid());
}
