// claimlens-cli chart, run as a process: the patents metric of the reference articles, and the
// formats it writes.
#include "TestSupport.h"

#include <QDir>
#include <QImage>
#include <QProcess>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

int cli(const QStringList& args, QString* err = nullptr)
{
    QProcess p;
    p.start(QStringLiteral(CLAIMLENS_CLI), args);
    p.waitForFinished(120000);
    if (err)
        *err = QString::fromUtf8(p.readAllStandardError());
    return p.exitCode();
}

}  // namespace

TEST(CliChart, PatentsOfTheReferenceArticles)
{
    const QString corpus = QStringLiteral(CLAIMLENS_SHARED_CORPUS "/articles");
    if (!QDir(corpus).exists())
        GTEST_SKIP() << "the reference corpus (../shared/corpus) is not beside this checkout";
    test::Workspace ws;
    const QString db = ws.database();
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("ingest"), corpus}), 0);
    QString err;
    const QString svg = ws.path(QStringLiteral("patents.svg"));
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("chart"), QStringLiteral("patents"), QStringLiteral("--out"), svg}, &err), 0)
        << qPrintable(err);
    const QByteArray text = test::readAll(svg);
    for (const char* label : {">China<", ">United States<", ">38,000<", ">6,276<"})
        EXPECT_TRUE(text.contains(label)) << label;
    const QString csv = ws.path(QStringLiteral("patents.csv"));
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("chart"), QStringLiteral("patents"), QStringLiteral("--out"), csv}), 0);
    const QByteArray rows = test::readAll(csv);
    EXPECT_TRUE(rows.contains("\r\nChina,,38000,count,")) << rows.constData();
    EXPECT_TRUE(rows.contains("\r\nUnited States,,6276,count,")) << rows.constData();
}

TEST(CliChart, FormatsSizesAndMistakes)
{
    test::Workspace ws;
    const QString db = ws.database();
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("ingest"), test::testData(QStringLiteral("articles"))}), 0);
    const QString png = ws.path(QStringLiteral("usage.png"));
    QString err;
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("chart"), QStringLiteral("usage"), QStringLiteral("--out"), png,
                   QStringLiteral("--width"), QStringLiteral("800"), QStringLiteral("--height"), QStringLiteral("500")}, &err),
              0)
        << qPrintable(err);
    const QImage image(png);
    EXPECT_EQ(image.size(), QSize(1600, 1000));
    EXPECT_EQ(image.text(QStringLiteral("Title")), QStringLiteral("Generative AI usage rate"));
    const QString pdf = ws.path(QStringLiteral("claims.pdf"));
    ASSERT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("chart"), QStringLiteral("claims-per-year"), QStringLiteral("--out"), pdf,
                   QStringLiteral("--company"), QStringLiteral("Baidu")}),
              0);
    EXPECT_TRUE(test::readAll(pdf).startsWith("%PDF"));
    EXPECT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("chart"), QStringLiteral("mentions"), QStringLiteral("--out"),
                   ws.path(QStringLiteral("m.png"))}),
              0);
    EXPECT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("chart"), QStringLiteral("no-such-metric"), QStringLiteral("--out"),
                   ws.path(QStringLiteral("x.png"))}, &err),
              4);  // no such metric
    EXPECT_TRUE(err.contains(QStringLiteral("patents"))) << qPrintable(err);  // the metrics found are listed
    EXPECT_EQ(cli({QStringLiteral("--db"), db, QStringLiteral("chart"), QStringLiteral("patents")}), 2);  // no --out
}
