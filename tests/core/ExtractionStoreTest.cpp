// Extraction as stored: entities per document (products counting for their owners), statistics,
// claims, and re-extraction replacing what was there.
#include "ingest/IngestJob.h"
#include "ingest/ReextractJob.h"
#include "export/JsonExporter.h"
#include "query/ExtractionQuery.h"

#include "TestSupport.h"

#include <QBuffer>
#include <QDirIterator>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

int count(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql);
    return stmt && stmt->step() ? stmt->integer(0) : -1;
}

class ExtractionStoreTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ws.write(QStringLiteral("in/patents.txt"),
                 "Patent Race\n\nJuly 4, 2024\n\nChina filed 38,000 generative AI patents compared to 6,276 in the US. "
                 "Baidu and Tencent were among the top filers, according to the World Intellectual Property Organization.\n");
        ws.write(QStringLiteral("in/tiktok.txt"),
                 "Short Video Wars\n\nTikTok added a video generator in 2024. Kuaishou answered with Kling.\n");
        db = test::ingestAndOpen(ws, QStringLiteral("in"), 2);
        ASSERT_TRUE(db.has_value());
    }
    test::Workspace ws;
    std::optional<Database> db;
};

}  // namespace

TEST_F(ExtractionStoreTest, ProductsCountForTheirOwnersAndSaySo)
{
    auto companies = ExtractionQuery(*db).entities(EntityKind::Company);
    ASSERT_TRUE(companies.ok());
    auto find = [&](const QString& name) {
        return std::find_if(companies->begin(), companies->end(), [&](const EntityCount& e) { return e.name == name; });
    };
    ASSERT_NE(find(QStringLiteral("ByteDance")), companies->end());
    EXPECT_EQ(find(QStringLiteral("ByteDance"))->viaProductOnly, 1);  // named only through TikTok
    ASSERT_NE(find(QStringLiteral("Kuaishou")), companies->end());
    EXPECT_EQ(find(QStringLiteral("Kuaishou"))->viaProductOnly, 0);
    EXPECT_EQ(find(QStringLiteral("Baidu"))->documents, 1);
}

TEST_F(ExtractionStoreTest, StatisticsAndClaimsKeepTheirSentences)
{
    ExtractionQuery q(*db);
    auto stats = q.statistics({QString(), QStringLiteral("patents")});
    ASSERT_TRUE(stats.ok());
    ASSERT_EQ(stats->size(), 2u);
    EXPECT_EQ((*stats)[0].subject, QStringLiteral("China"));
    EXPECT_EQ((*stats)[0].value, 38000);
    EXPECT_TRUE((*stats)[0].sentence.startsWith(QStringLiteral("China filed 38,000")));
    EXPECT_EQ((*stats)[1].subject, QStringLiteral("United States"));

    auto claims = q.claims({QStringLiteral("baidu"), {}});
    ASSERT_TRUE(claims.ok());
    ASSERT_EQ(claims->size(), 1u);
    EXPECT_FALSE((*claims)[0].date.isValid());  // its sentence dates nothing
    EXPECT_EQ((*claims)[0].reported.iso(), QStringLiteral("2024-07-04"));  // its document's publication
    EXPECT_TRUE((*claims)[0].actors.contains(QStringLiteral("Baidu")));

    auto doc = q.forDocument(1);
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(doc->citedSources.contains(QStringLiteral("WIPO")));
}

TEST_F(ExtractionStoreTest, ReextractReplacesRatherThanAdds)
{
    const int mentions = count(*db, "SELECT count(*) FROM mentions");
    const int statistics = count(*db, "SELECT count(*) FROM statistics");
    const int sentences = count(*db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'patents'");
    ASSERT_GT(mentions, 0);
    const ReextractResult r = ReextractJob(ws.database()).run();
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_EQ(r.documents, 2);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions"), mentions);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM statistics"), statistics);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'patents'"), sentences);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions m LEFT JOIN sentences s ON s.id = m.sentence_id WHERE s.id IS NULL"), 0);
}

TEST(ReextractPagesAndPdfs, KeepWhatTheMarkupAndTheLayoutRead)
{
    // A page's title, author and date come from its metadata and its headings from its markup; the
    // text parser cannot find them again in the clean text, so re-extraction keeps the structure
    // as read and runs only extraction again.
    test::Workspace ws;
    QStringList files;
    for (const QString& dir : {test::testData(QStringLiteral("html")), test::testData(QStringLiteral("pdf"))})
        for (QDirIterator it(dir, {QStringLiteral("*.html"), QStringLiteral("*.pdf")}, QDir::Files,
                             QDirIterator::Subdirectories);
             it.hasNext();) {
            const QString path = it.next();
            if (!path.contains(QStringLiteral("/bad")))
                files.append(path);
        }
    ASSERT_GE(files.size(), 10);
    const IngestResult in = IngestJob({files, ws.database()}).run();
    ASSERT_TRUE(in.ok()) << qPrintable(in.error);
    ASSERT_EQ(in.imported + in.duplicates, static_cast<int>(files.size()));
    auto exportAll = [&] {
        auto db = Database::open(ws.database());
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        EXPECT_TRUE(JsonExporter(*db).write(out).ok());
        return out.data();
    };
    const QByteArray before = exportAll();
    const ReextractResult r = ReextractJob(ws.database()).run();
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_EQ(r.documents, in.imported);
    const QByteArray after = exportAll();
    EXPECT_EQ(after.size(), before.size());
    EXPECT_TRUE(after == before) << "re-extraction with the same rules changes nothing";
}

TEST(ExtractionStoreHeadings, ACompanyNamedOnlyInTheHeadlineIsNamedByTheDocument)
{
    // news often names a company in the headline and calls it "the group" below: the document
    // still names it, for the company filter, the counts and the export, though no sentence does
    test::Workspace ws;
    ws.write(QStringLiteral("in/headline.txt"),
             "Alibaba Opens Its Models to All\n\nThe Hangzhou group said developers had downloaded them widely in 2024.\n");
    auto db = test::ingestAndOpen(ws, QStringLiteral("in"), 1);
    ASSERT_TRUE(db.has_value());
    ExtractionQuery q(*db);
    auto doc = q.forDocument(1);
    ASSERT_TRUE(doc.ok());
    EXPECT_TRUE(doc->companies.contains(QStringLiteral("Alibaba")));
    auto companies = q.entities(EntityKind::Company);
    ASSERT_TRUE(companies.ok());
    const auto alibaba = std::find_if(companies->begin(), companies->end(),
                                      [](const EntityCount& e) { return e.name == QStringLiteral("Alibaba"); });
    ASSERT_NE(alibaba, companies->end());
    EXPECT_EQ(alibaba->documents, 1);
    EXPECT_EQ(alibaba->viaProductOnly, 0);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM mentions"), 0);  // no sentence holds it
}
