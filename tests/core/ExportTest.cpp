#include "export/CsvExporter.h"
#include "export/JsonExporter.h"
#include "ingest/IngestJob.h"
#include "util/Csv.h"

#include "TestSupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace claimlens;

TEST(Export, JsonHasTheScorersShape)
{
    test::Workspace ws;
    ws.write(QStringLiteral("in/a.txt"), "Huawei Ships a New Chip\n\nby Tom Hale - Hardware\n0 comments\n\n"
                                         "Key Points\n\n• Huawei shipped the Ascend 910B. Source: Nikkei Asia\n");
    ASSERT_EQ(IngestJob({{ws.path(QStringLiteral("in"))}, ws.database()}).run().imported, 1);
    auto db = Database::open(ws.database());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(JsonExporter(*db).write(buffer).ok());
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &error);
    ASSERT_FALSE(doc.isNull()) << qPrintable(error.errorString());
    const QJsonObject d = doc.object().value(QStringLiteral("documents")).toArray().at(0).toObject();
    EXPECT_EQ(d.value(QStringLiteral("file")).toString(), QStringLiteral("a.txt"));
    EXPECT_EQ(d.value(QStringLiteral("title")).toString(), QStringLiteral("Huawei Ships a New Chip"));
    EXPECT_EQ(d.value(QStringLiteral("author")).toString(), QStringLiteral("Tom Hale"));
    EXPECT_EQ(d.value(QStringLiteral("section")).toString(), QStringLiteral("Hardware"));
    EXPECT_TRUE(d.value(QStringLiteral("published")).isNull());
    EXPECT_EQ(d.value(QStringLiteral("sources")).toArray(), QJsonArray{QStringLiteral("Nikkei Asia")});
    EXPECT_EQ(d.value(QStringLiteral("headings")).toArray(), QJsonArray{QStringLiteral("Key Points")});
    EXPECT_EQ(d.value(QStringLiteral("sentences")).toArray(), QJsonArray{QStringLiteral("Huawei shipped the Ascend 910B.")});
    for (const char* key : {"claims", "companies", "countries", "people", "statistics", "events"})
        EXPECT_TRUE(d.value(QLatin1String(key)).isArray()) << key;

    QBuffer csv;
    csv.open(QIODevice::WriteOnly);
    ASSERT_TRUE(CsvExporter(*db).write(csv).ok());
    const QList<QByteArray> lines = csv.data().split('\n');
    EXPECT_EQ(lines[0], QByteArray("file,path,title,author,section,published,sources,headings,sentences,duplicates"));
    EXPECT_TRUE(lines[1].startsWith("a.txt,")) << lines[1].constData();
    EXPECT_TRUE(lines[1].endsWith(",Nikkei Asia,1,1,0")) << lines[1].constData();
}

TEST(Export, CsvQuotesFieldsThatNeedIt)
{
    EXPECT_EQ(csv::field(QStringLiteral("plain")), QStringLiteral("plain"));
    EXPECT_EQ(csv::field(QStringLiteral("a, b")), QStringLiteral("\"a, b\""));
    EXPECT_EQ(csv::field(QStringLiteral("say \"hi\"")), QStringLiteral("\"say \"\"hi\"\"\""));
    EXPECT_EQ(csv::field(QStringLiteral("two\nlines")), QStringLiteral("\"two\nlines\""));
    EXPECT_EQ(csv::field(QStringLiteral("a\rb")), QStringLiteral("\"a\rb\""));  // both exports quote a lone \r
    EXPECT_EQ(csv::row({QStringLiteral("x"), QStringLiteral("y,z")}), QStringLiteral("x,\"y,z\""));
}
