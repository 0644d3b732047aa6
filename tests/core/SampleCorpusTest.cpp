// The bundled sample corpus is what a new user sees first: every file must read, with structure.
#include "ingest/IngestJob.h"
#include "query/DocumentQuery.h"

#include "TestSupport.h"

#include <QDir>

#include <gtest/gtest.h>

using namespace claimlens;

TEST(SampleCorpus, EveryArticleReadsWithItsStructure)
{
    test::Workspace ws;
    const QString corpus = QStringLiteral(CLAIMLENS_SAMPLE_CORPUS);
    const int files = static_cast<int>(QDir(corpus).entryList({QStringLiteral("*.txt")}, QDir::Files).size());
    ASSERT_GE(files, 8);
    const IngestResult r = IngestJob({{corpus}, ws.database()}).run();
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_TRUE(r.skipped.empty()) << qPrintable(r.skipped.empty() ? QString() : r.skipped[0].path + r.skipped[0].reason);
    EXPECT_EQ(r.imported, files);

    auto db = Database::open(ws.database());
    DocumentQuery q(*db);
    auto docs = q.documents();
    int titled = 0, authored = 0, dated = 0, legacy = 0;
    for (const auto& d : *docs) {
        EXPECT_GE(d.sentenceCount, 5) << qPrintable(d.fileName);
        titled += !d.title.isEmpty();
        authored += !d.author.isEmpty();
        dated += d.published.isValid();
        legacy += d.encoding != QStringLiteral("UTF-8");
        auto sentences = q.sentences(d.id);
        for (const QString& s : *sentences) {
            EXPECT_FALSE(s.contains(u'\r')) << qPrintable(d.fileName);
            EXPECT_FALSE(s.contains(u'\uFFFD')) << qPrintable(d.fileName);  // nothing mis-decoded
        }
    }
    EXPECT_GE(titled, files / 2);
    EXPECT_GE(authored, 3);
    EXPECT_GE(dated, 2);
    EXPECT_GE(legacy, 1);  // the Latin-1 article
}
