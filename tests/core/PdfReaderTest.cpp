// PDFs and saved pages through the whole ingest: page provenance stored and queried, and bad
// input (truncated or binary pages, encrypted, damaged or image-only PDFs) skipped with
// "FILE: reason" while the rest of the ingest goes on. Fixtures come from tests/data/pdf/make-pdfs.py.
#include "ingest/IngestJob.h"
#include "query/DocumentQuery.h"
#include "read/PdfReader.h"
#include "read/ArticleAssembler.h"

#include "TestSupport.h"

#include <QFileInfo>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

QByteArray pdfData(const QString& name)
{
    return test::readAll(test::testData(QStringLiteral("pdf/") + name));
}

} // namespace

TEST(PdfReader, RunningHeadersFootersAndPageNumbersGo)
{
    auto pdf = PdfReader::read(pdfData(QStringLiteral("survey-adoption.pdf")));
    ASSERT_TRUE(pdf.ok()) << qPrintable(pdf.error());
    EXPECT_EQ(pdf->pageCount, 3);
    for (const SourceBlock& b : pdf->blocks) {
        EXPECT_FALSE(b.text.contains(QStringLiteral("Survey Note  -")) || b.text.contains(QStringLiteral("Page ")))
            << qPrintable(b.text);
        EXPECT_FALSE(b.text.contains(QStringLiteral("northgate.example"))) << qPrintable(b.text);
    }
    ASSERT_FALSE(pdf->blocks.empty());
    EXPECT_EQ(pdf->blocks.back().page, 3);
    EXPECT_EQ(pdf->metadata.author, QStringLiteral("Daniel Okafor"));
}

TEST(PdfReader, BrowserPrintStampAddressAndPageCountGo)
{
    // one page printed from a browser: nothing repeats, so only the marks' own shape shows them
    auto pdf = PdfReader::read(pdfData(QStringLiteral("browser-print.pdf")));
    ASSERT_TRUE(pdf.ok()) << qPrintable(pdf.error());
    ASSERT_FALSE(pdf->blocks.empty());
    for (const SourceBlock& b : pdf->blocks) {
            EXPECT_FALSE(b.text.contains(QStringLiteral("4:07 PM"))) << qPrintable(b.text);
        EXPECT_FALSE(b.text.contains(QStringLiteral("coastline.example"))) << qPrintable(b.text);
        EXPECT_NE(b.text, QStringLiteral("1/1"));
    }
    EXPECT_EQ(pdf->blocks.front().text, QStringLiteral("Tidal turbines go online off Orkney"));
    const Article a = ArticleAssembler().assemble(pdf->blocks, pdf->metadata, QStringLiteral("pdf"));
    EXPECT_EQ(a.title, QStringLiteral("Tidal turbines go online off Orkney"));  // the tab's title less the site
    EXPECT_EQ(a.sourceNames().front(), QStringLiteral("Coastline Weekly"));
    EXPECT_EQ(a.author, QStringLiteral("Maren Lowe"));
    EXPECT_FALSE(a.published.isValid());  // the print stamp is when it was printed
    ASSERT_EQ(a.sentences.size(), 2u);  // both paragraphs, the page's last one too
    EXPECT_TRUE(a.sentenceText(a.sentences.back()).startsWith(QStringLiteral("The array can supply")));
}

TEST(PdfReader, BadPdfsSayWhy)
{
    auto encrypted = PdfReader::read(pdfData(QStringLiteral("bad/encrypted.pdf")));
    ASSERT_FALSE(encrypted.ok());
    EXPECT_TRUE(encrypted.error().contains(QStringLiteral("encrypted"))) << qPrintable(encrypted.error());
    auto image = PdfReader::read(pdfData(QStringLiteral("bad/image-only.pdf")));
    ASSERT_FALSE(image.ok());
    EXPECT_TRUE(image.error().contains(QStringLiteral("image-only"))) << qPrintable(image.error());
    auto damaged = PdfReader::read(pdfData(QStringLiteral("bad/damaged.pdf")));
    ASSERT_FALSE(damaged.ok());
    EXPECT_TRUE(damaged.error().contains(QStringLiteral("damaged"))) << qPrintable(damaged.error());
    auto notPdf = PdfReader::read("just some words, not a PDF at all");
    ASSERT_FALSE(notPdf.ok());
    EXPECT_TRUE(notPdf.error().contains(QStringLiteral("not a PDF"))) << qPrintable(notPdf.error());
}

TEST(PdfIngest, PagesAreStoredAndQueried)
{
    test::Workspace ws;
    ws.write(QStringLiteral("in/memo.pdf"), pdfData(QStringLiteral("memo-export-controls.pdf")));
    auto db = test::ingestAndOpen(ws, QStringLiteral("in"), 1);
    ASSERT_TRUE(db);
    DocumentQuery q(*db);
    const auto doc = q.find(QStringLiteral("memo.pdf"));
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->format, QStringLiteral("pdf"));
    EXPECT_EQ(doc->title, QStringLiteral("Export Controls on AI Chips: A Timeline"));
    auto blocks = q.blocks(doc->id);
    ASSERT_TRUE(blocks.ok());
    int lastPage = 0;
    for (const StoredBlock& b : *blocks) {
        EXPECT_GE(b.page, lastPage) << qPrintable(b.text); // pages only go forward
        lastPage = b.page;
        if (b.text.startsWith(QStringLiteral("In December 2024"))) {
            EXPECT_EQ(b.page, 2);
        }
        if (b.text.startsWith(QStringLiteral("On October 7, 2022"))) {
            EXPECT_EQ(b.page, 1);
        }
    }
    EXPECT_EQ(lastPage, 2);
    // a sentence, as extraction rows point at it, knows its page
    auto id = db->prepare("SELECT id FROM sentences WHERE text LIKE 'In December 2024%'");
    ASSERT_TRUE(id && id->step());
    auto page = q.sentencePage(id->int64(0));
    ASSERT_TRUE(page.ok()) << qPrintable(page.error());
    EXPECT_EQ(*page, 2);
}

TEST(PdfIngest, TextDocumentsHaveNoPages)
{
    test::Workspace ws;
    ws.write(QStringLiteral("in/a.txt"),
             "Baidu Cuts Prices\n\nBaidu made two Ernie models free in May 2024, the company said.\n");
    auto db = test::ingestAndOpen(ws, QStringLiteral("in"), 1);
    ASSERT_TRUE(db);
    DocumentQuery q(*db);
    const auto doc = q.find(QStringLiteral("a.txt"));
    ASSERT_TRUE(doc);
    EXPECT_EQ(doc->format, QStringLiteral("text"));
    auto blocks = q.blocks(doc->id);
    ASSERT_TRUE(blocks.ok());
    for (const StoredBlock& b : *blocks)
        EXPECT_EQ(b.page, 0);
}

TEST(BadInput, SkippedWithTheirReasonAndTheRestIngested)
{
    test::Workspace ws;
    const QByteArray page = test::readAll(test::testData(QStringLiteral("html/wire-patents/page.html")));
    ws.write(QStringLiteral("in/good.html"), page);
    ws.write(QStringLiteral("in/good.pdf"), pdfData(QStringLiteral("brief-genai-patents.pdf")));
    ws.write(QStringLiteral("in/good.txt"),
             "Tencent Files Patents\n\nTencent filed 2,074 generative AI patent families, WIPO said.\n");
    ws.write(QStringLiteral("in/truncated.html"), page.left(page.size() / 2));
    QByteArray junk;
    for (int i = 0; i < 4096; ++i)
        junk.append(static_cast<char>((i * 7919 + 13) % 256));
    ws.write(QStringLiteral("in/junk.html"), junk);
    ws.write(QStringLiteral("in/encrypted.pdf"), pdfData(QStringLiteral("bad/encrypted.pdf")));
    ws.write(QStringLiteral("in/damaged.pdf"), pdfData(QStringLiteral("bad/damaged.pdf")));
    ws.write(QStringLiteral("in/scan.pdf"), pdfData(QStringLiteral("bad/image-only.pdf")));

    const IngestResult r = IngestJob({{ws.path(QStringLiteral("in"))}, ws.database()}).run();
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_EQ(r.imported, 3);
    QHash<QString, QString> reasons;
    for (const SkippedFile& s : r.skipped)
        reasons.insert(QFileInfo(s.path).fileName(), s.reason);
    EXPECT_EQ(reasons.size(), 5);
    EXPECT_TRUE(reasons.value(QStringLiteral("truncated.html")).contains(QStringLiteral("truncated")))
        << qPrintable(reasons.value(QStringLiteral("truncated.html")));
    EXPECT_TRUE(reasons.value(QStringLiteral("junk.html")).contains(QStringLiteral("binary")))
        << qPrintable(reasons.value(QStringLiteral("junk.html")));
    EXPECT_TRUE(reasons.value(QStringLiteral("encrypted.pdf")).contains(QStringLiteral("encrypted")));
    EXPECT_TRUE(reasons.value(QStringLiteral("damaged.pdf")).contains(QStringLiteral("damaged")));
    EXPECT_TRUE(reasons.value(QStringLiteral("scan.pdf")).contains(QStringLiteral("image-only")));
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it)
        std::printf("[ bad input ] %s: %s\n", qPrintable(it.key()), qPrintable(it.value()));
}

// The content hash is over the clean text, so an ingest run again finds pages and PDFs unchanged.
TEST(PdfIngest, SecondRunFindsPagesAndPdfsUnchanged)
{
    test::Workspace ws;
    ws.write(QStringLiteral("in/page.html"), test::readAll(test::testData(QStringLiteral("html/gbk-baidu/page.html"))));
    ws.write(QStringLiteral("in/brief.pdf"), pdfData(QStringLiteral("brief-genai-patents.pdf")));
    const IngestParams params{{ws.path(QStringLiteral("in"))}, ws.database()};
    const IngestResult first = IngestJob(params).run();
    ASSERT_TRUE(first.ok()) << qPrintable(first.error);
    EXPECT_EQ(first.imported, 2);
    const IngestResult second = IngestJob(params).run();
    ASSERT_TRUE(second.ok()) << qPrintable(second.error);
    EXPECT_EQ(second.imported, 0);
    EXPECT_EQ(second.unchanged, 2);
}
