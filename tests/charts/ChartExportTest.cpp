// Exports decode at the asked size and carry their caption: PNG text chunks, SVG title,
// description and text, PDF, CSV.
#include "TestSupport.h"

#include "ChartsFixture.h"

#include "charts/ChartExporter.h"
#include "charts/ChartModel.h"

#include <QImage>
#include <QImageReader>
#include <QXmlStreamReader>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::charts;

namespace {

StatisticValue sv(const QString& subject, double value, const QStringList& sources = {})
{
    return test::statisticValue(subject, value, sources);
}

ChartModel model()
{
    StatisticSeries s;
    s.metricKey = QStringLiteral("patents");
    s.label = QStringLiteral("Patents");
    s.unit = QStringLiteral("count");
    s.values = {sv(QStringLiteral("China"), 38000, {QStringLiteral("WIPO")}),
                sv(QStringLiteral("United States"), 6276, {QStringLiteral("WIPO")})};
    s.documentCount = 1;
    s.documents = {{1, QStringLiteral("wipo.txt"), {}, {}}};
    DocumentFilter filter;
    filter.companies = QStringList{QStringLiteral("Baidu")};
    return statisticModel(s, filter);
}

}  // namespace

TEST(ChartExport, PngAtTheAskedSizeWithTextChunks)
{
    test::Workspace ws;
    const QString path = ws.path(QStringLiteral("chart.png"));
    ExportOptions options;
    options.size = QSize(900, 600);
    ASSERT_TRUE(ChartExporter::write(chartContent(model()), path, options).ok());
    QImageReader reader(path);
    const QImage image = reader.read();
    ASSERT_FALSE(image.isNull()) << qPrintable(reader.errorString());
    EXPECT_EQ(image.size(), QSize(1800, 1200));  // 2x by default
    EXPECT_EQ(image.text(QStringLiteral("Title")), QStringLiteral("Patents"));
    EXPECT_TRUE(image.text(QStringLiteral("Description")).contains(QStringLiteral("Filter: companies Baidu")));
    EXPECT_TRUE(image.text(QStringLiteral("Source")).contains(QStringLiteral("wipo.txt")));
    // something was drawn: not one colour
    EXPECT_NE(image.pixel(10, 10), image.pixel(900, 300)) << "bars expected in the middle";

    options.scale = 1;
    options.size = QSize(640, 400);
    ASSERT_TRUE(ChartExporter::write(chartContent(model()), path, options).ok());
    EXPECT_EQ(QImage(path).size(), QSize(640, 400));
}

TEST(ChartExport, SvgKeepsLabelsAndValuesAsText)
{
    test::Workspace ws;
    const QString path = ws.path(QStringLiteral("chart.svg"));
    ASSERT_TRUE(ChartExporter::write(chartContent(model()), path, {}).ok());
    QXmlStreamReader xml(test::readAll(path));
    QStringList texts;
    QString title, desc, current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement())
            current = xml.name().toString();
        if (xml.isCharacters() && !xml.isWhitespace()) {
            if (current == QStringLiteral("text"))
                texts.append(xml.text().toString().trimmed());
            else if (current == QStringLiteral("title"))
                title += xml.text();
            else if (current == QStringLiteral("desc"))
                desc += xml.text();
        }
    }
    ASSERT_FALSE(xml.hasError()) << qPrintable(xml.errorString());
    EXPECT_EQ(title, QStringLiteral("Patents"));
    EXPECT_TRUE(desc.contains(QStringLiteral("Unit: count")));
    EXPECT_TRUE(desc.contains(QStringLiteral("Filter: companies Baidu")));
    for (const QString& t : {QStringLiteral("China"), QStringLiteral("United States"), QStringLiteral("38,000"),
                             QStringLiteral("6,276"), QStringLiteral("Patents"), QStringLiteral("count")})
        EXPECT_TRUE(texts.contains(t)) << qPrintable(t);
}

TEST(ChartExport, PdfAndCsv)
{
    test::Workspace ws;
    const QString pdf = ws.path(QStringLiteral("chart.pdf"));
    ASSERT_TRUE(ChartExporter::write(chartContent(model()), pdf, {}).ok());
    EXPECT_TRUE(test::readAll(pdf).startsWith("%PDF"));
    const QString csv = ws.path(QStringLiteral("chart.csv"));
    ASSERT_TRUE(ChartExporter::write(chartContent(model()), csv, {}).ok());
    const QList<QByteArray> lines = test::readAll(csv).split('\n');
    ASSERT_GE(lines.size(), 3);
    EXPECT_TRUE(lines[0].startsWith("subject,period,value,unit,documents"));
    EXPECT_TRUE(lines[1].startsWith("China,,38000,count,1,WIPO"));
    EXPECT_EQ(ChartExporter::formatFor(QStringLiteral("x.SVG")), ExportFormat::Svg);
}

TEST(ChartExport, UnwritablePathNamesTheFile)
{
    const Status s = ChartExporter::write(chartContent(model()), QStringLiteral("/nonexistent-dir/chart.png"), {});
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("/nonexistent-dir/chart.png")));
}
