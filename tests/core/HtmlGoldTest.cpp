// The saved-page and PDF gold: tests/data/html/<case>/page.html and tests/data/pdf/<name>.pdf,
// each beside its expected title, author, date and body text. Metadata must match exactly; the
// body text is scored by token F1 over all documents together (the measure trafilatura's
// benchmark uses), printed, and must reach 0.93.
#include "extract/Extractor.h"
#include "read/ArticleReader.h"
#include "read/HtmlReader.h"

#include "TestSupport.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <tuple>

using namespace claimlens;

namespace {

/// Lower-case word tokens, each counted.
QHash<QString, int> tokens(const QString& text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+(?:[.,'\\x{2019}][\\p{L}\\p{N}]+)*"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    QHash<QString, int> out;
    auto it = word.globalMatch(text);
    while (it.hasNext())
        ++out[it.next().captured(0).toLower()];
    return out;
}

/// The article's own words as a reader would copy them: headings, paragraphs and bullets, each
/// whole (a wire dateline included, a bullet's marker not).
QString bodyText(const Article& a)
{
    QStringList parts;
    for (const Block& b : a.blocks)
        if (b.kind == BlockKind::Heading || b.kind == BlockKind::Paragraph || b.kind == BlockKind::Bullet)
            parts.append(b.kind == BlockKind::Bullet ? a.blockText(b) : a.text.mid(b.start, b.end - b.start));
    return parts.join(u'\n');
}

struct Case {
    QString name;
    QString file;
    QJsonObject expected;
};

std::vector<Case> cases()
{
    std::vector<Case> out;
    const QDir html(test::testData(QStringLiteral("html")));
    for (const QString& name : html.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        out.push_back(
            {name, html.filePath(name + QStringLiteral("/page.html")),
             QJsonDocument::fromJson(test::readAll(html.filePath(name + QStringLiteral("/expected.json")))).object()});
    const QDir pdf(test::testData(QStringLiteral("pdf")));
    for (const QString& file : pdf.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name)) {
        const QString name = QFileInfo(file).completeBaseName();
        out.push_back({name, pdf.filePath(file),
                       QJsonDocument::fromJson(test::readAll(pdf.filePath(name + QStringLiteral(".json")))).object()});
    }
    return out;
}

Article readArticle(const QString& path)
{
    const ArticleReader reader;
    auto doc = reader.read(test::readAll(path), path);
    EXPECT_TRUE(doc.ok()) << qPrintable(path) << ": " << qPrintable(doc.error());
    return doc ? reader.article(*doc) : Article();
}

/// A saved page given as bytes, read as the ingest reads it (an empty article when it cannot be).
Article readPage(const QByteArray& page, const QString& fileName)
{
    const ArticleReader reader;
    auto doc = reader.read(page, fileName);
    EXPECT_TRUE(doc.ok()) << qPrintable(fileName) << ": " << qPrintable(doc.error());
    return doc ? reader.article(*doc) : Article();
}

} // namespace

TEST(HtmlGold, MetadataExactAndBodyTokenF1)
{
    const auto all = cases();
    ASSERT_GE(
        std::count_if(all.begin(), all.end(), [](const Case& c) { return c.file.endsWith(QStringLiteral(".html")); }),
        10);
    ASSERT_GE(
        std::count_if(all.begin(), all.end(), [](const Case& c) { return c.file.endsWith(QStringLiteral(".pdf")); }),
        3);
    qint64 matched = 0, got = 0, wanted = 0;
    int metadataExact = 0;
    for (const Case& c : all) {
        SCOPED_TRACE(c.name.toStdString());
        ASSERT_FALSE(c.expected.isEmpty()) << "no expected JSON for " << qPrintable(c.file);
        const Article a = readArticle(c.file);
        const bool exact = a.title == c.expected.value(QStringLiteral("title")).toString() &&
                           a.author == c.expected.value(QStringLiteral("author")).toString() &&
                           a.published.iso() == c.expected.value(QStringLiteral("published")).toString();
        EXPECT_EQ(a.title, c.expected.value(QStringLiteral("title")).toString());
        EXPECT_EQ(a.author, c.expected.value(QStringLiteral("author")).toString());
        EXPECT_EQ(a.published.iso(), c.expected.value(QStringLiteral("published")).toString());
        metadataExact += exact ? 1 : 0;

        QStringList gold;
        for (const auto& v : c.expected.value(QStringLiteral("body")).toArray())
            gold.append(v.toString());
        const auto g = tokens(gold.join(u'\n'));
        const auto r = tokens(bodyText(a));
        qint64 m = 0, nr = 0, ng = 0;
        for (auto it = r.cbegin(); it != r.cend(); ++it) {
            m += std::min(it.value(), g.value(it.key()));
            nr += it.value();
        }
        for (int n : g)
            ng += n;
        matched += m, got += nr, wanted += ng;
        const double p = nr ? double(m) / double(nr) : 0, rc = ng ? double(m) / double(ng) : 0;
        std::printf("[ body F1 ] %-24s P=%.3f R=%.3f F1=%.3f metadata %s\n", qPrintable(c.name), p, rc,
                    p + rc > 0 ? 2 * p * rc / (p + rc) : 0.0, exact ? "exact" : "DIFFERS");
    }
    const double precision = got ? double(matched) / double(got) : 0;
    const double recall = wanted ? double(matched) / double(wanted) : 0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    std::printf(
        "[ body F1 ] all %zu documents: precision %.3f, recall %.3f, token F1 %.3f; metadata exact on %d of %zu\n",
        all.size(), precision, recall, f1, metadataExact, all.size());
    EXPECT_GE(f1, 0.93);
    EXPECT_EQ(metadataExact, static_cast<int>(all.size()));
}

// The same article saved as text and as a web page gives the same extraction.
TEST(HtmlGold, PageAndTextExtractTheSame)
{
    const QString dir = test::testData(QStringLiteral("html/equality-pricewar"));
    const Article page = readArticle(dir + QStringLiteral("/page.html"));
    const Article text = readArticle(dir + QStringLiteral("/article.txt"));
    ASSERT_EQ(page.format, QStringLiteral("html"));
    ASSERT_EQ(text.format, QStringLiteral("text"));
    const Extractor extractor;
    const Extraction a = extractor.extract(page), b = extractor.extract(text);
    auto companies = [](const Extraction& e) {
        std::set<QString> out;
        for (const Mention& m : e.mentions)
            if (m.kind == EntityKind::Company)
                out.insert(m.name);
        return out;
    };
    auto statistics = [](const Extraction& e) {
        std::set<std::tuple<QString, QString, double, QString>> out;
        for (const Statistic& s : e.statistics)
            out.insert({s.subject, s.metricKey, s.value, s.unit});
        return out;
    };
    auto events = [&](const Extraction& e, const Article& art) {
        std::set<std::pair<QString, QString>> out;
        for (const Event& ev : e.events)
            out.insert({ev.date.iso(), art.sentenceText(art.sentences[static_cast<size_t>(ev.sentence)])});
        return out;
    };
    EXPECT_FALSE(companies(a).empty());
    EXPECT_FALSE(statistics(a).empty());
    EXPECT_FALSE(events(a, page).empty());
    EXPECT_EQ(companies(a), companies(b));
    EXPECT_EQ(statistics(a), statistics(b));
    EXPECT_EQ(events(a, page), events(b, text));
    EXPECT_EQ(page.published, text.published);
    EXPECT_EQ(page.author, text.author);
    std::printf("[ equality ] %zu companies, %zu statistics, %zu events: page and text agree\n", companies(a).size(),
                statistics(a).size(), events(a, page).size());
}

TEST(HtmlReader, TitleLosesTheSiteName)
{
    const QString site = QStringLiteral("Harbour Ledger");
    EXPECT_EQ(HtmlReader::cleanTitle(QStringLiteral("Baidu cuts prices | Harbour Ledger"), site),
              QStringLiteral("Baidu cuts prices"));
    EXPECT_EQ(HtmlReader::cleanTitle(QStringLiteral("Harbour Ledger - Baidu cuts prices"), site),
              QStringLiteral("Baidu cuts prices"));
    EXPECT_EQ(HtmlReader::cleanTitle(QStringLiteral("Baidu cuts prices again | Tech | Reuters"), QString()),
              QStringLiteral("Baidu cuts prices again"));
    // a dash inside the headline stays
    EXPECT_EQ(HtmlReader::cleanTitle(QStringLiteral("Baidu - and Alibaba - cut prices"), site),
              QStringLiteral("Baidu - and Alibaba - cut prices"));
}

TEST(HtmlReader, CharsetFromMetaAndDetection)
{
    const QByteArray body = "<p>Baidu said on Tuesday that its Ernie Bot had passed 200 million users this spring.</p>";
    // declared: bytes that are Windows-1252 curly quotes
    auto declared = HtmlReader::read("<html><head><meta charset=\"windows-1252\"><title>T</title></head><body>"
                                     "<p>DeepSeek\x92s model</p>" +
                                     body + "</body></html>");
    ASSERT_TRUE(declared.ok()) << qPrintable(declared.error());
    EXPECT_EQ(declared->encoding, QStringLiteral("WINDOWS-1252"));
    bool found = false;
    for (const auto& b : declared->blocks)
        found = found || b.text == QStringLiteral("DeepSeek\u2019s model");
    EXPECT_TRUE(found);
    // a BOM wins over what the page declares
    auto bom =
        HtmlReader::read("\xEF\xBB\xBF<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xC3\xA9 AI</p>" +
                         body + "</body></html>");
    ASSERT_TRUE(bom.ok());
    EXPECT_EQ(bom->encoding, QStringLiteral("UTF-8"));
}

TEST(HtmlReader, BadPagesSayWhy)
{
    QByteArray highBytes;
    for (int i = 0; i < 4000; ++i)
        highBytes.append(static_cast<char>(128 + (i * 7919) % 128));
    const struct {
        QByteArray bytes;
        const char* reason;
    } bad[] = {
        {highBytes, "undecodable"},
        {"Just a note without any markup at all.", "not an HTML page"},
        {"<html><head><title>x</title></head><body><nav><a href=/>Home</a></nav></body></html>", "no article text"},
        {"<html><body><article><h1>Baidu cuts prices</h1><p>Baidu made two models free in May 2024 and", "truncated"},
        {"<html><body><p>Tencent released Hunyuan-Large on Tuesday.</p><p class=\"x", "truncated"},
        {"", "empty"},
    };
    for (const auto& b : bad) {
        auto page = HtmlReader::read(b.bytes);
        ASSERT_FALSE(page.ok()) << b.reason;
        EXPECT_TRUE(page.error().contains(QLatin1String(b.reason))) << qPrintable(page.error());
    }
}

TEST(HtmlReader, BylineDateAndSiteBesideTheStoryBlock)
{
    // no metadata at all: the byline and date stand in their own boxes beside the story's block,
    // the site only in the <title> after the headline
    const QByteArray page =
        "<html><head><title>Grid operators order batteries for the winter peak | Northline Energy</title></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/grid'>Grid</a></nav></header>"
        "<div class='story-meta'><div class='author'>By Lena Voss</div>"
        "<div class='updated'>Updated March 3, 2025 9:14 a.m. ET</div></div>"
        "<div class='story-body'><h1>Grid operators order batteries for the winter peak</h1>"
        "<p>Three regional grid operators placed orders for large battery systems on Monday, aiming to have them "
        "running before demand peaks in January.</p>"
        "<p>The orders cover about 900 megawatts of storage, the operators said in a joint statement.</p></div>"
        "<footer>&copy; 2025 Northline Energy</footer></body></html>";
    const Article a = readPage(page, QStringLiteral("grid.html"));
    ASSERT_FALSE(a.blocks.empty());
    EXPECT_EQ(a.title, QStringLiteral("Grid operators order batteries for the winter peak"));
    EXPECT_EQ(a.author, QStringLiteral("Lena Voss"));
    EXPECT_EQ(a.published.iso(), QStringLiteral("2025-03-03"));
    ASSERT_FALSE(a.sourceNames().empty());
    EXPECT_EQ(a.sourceNames().front(), QStringLiteral("Northline Energy"));
}

TEST(HtmlReader, HeadlineInAHeadingWhenTheTitleIsTheSiteAndTheOutletInTheFooter)
{
    // a blog: no <h1>, <title> only the site's name, the post's title an <h2>, the holder in the footer
    const QByteArray page =
        "<html><head><title>Lakeshore Notes</title></head><body>"
        "<div class='post'><h2 class='post-title'>Three provinces open their data to model builders</h2>"
        "<p>Three provinces agreed on Friday to open anonymised transport and weather records to companies "
        "training language models, officials said.</p>"
        "<p>The records cover five years and will be updated every month.</p></div>"
        "<footer><a href='/about'>About</a> &copy; 2025 Quayside Media Ltd. All rights reserved.</footer>"
        "</body></html>";
    const Article a = readPage(page, QStringLiteral("notes.html"));
    ASSERT_FALSE(a.blocks.empty());
    EXPECT_EQ(a.title, QStringLiteral("Three provinces open their data to model builders"));
    ASSERT_FALSE(a.sourceNames().empty());
    EXPECT_EQ(a.sourceNames().front(), QStringLiteral("Lakeshore Notes"));
}

TEST(HtmlReader, HeadlineAboveTheTextBlockWhenTheTitleIsTheSite)
{
    const QByteArray page =
        "<html><head><title>Lakeshore Notes</title></head><body>"
        "<div class='post-header'><h2 class='entry-title'>Port cranes go electric at two northern terminals</h2></div>"
        "<div class='sidebar'><p>Archives</p></div>"
        "<div class='entry-content'><p>Two container terminals finished replacing their diesel cranes with electric "
        "ones this month, the port authority said on Thursday.</p>"
        "<p>The authority expects fuel savings of about a fifth over the cranes' working lives.</p></div>"
        "</body></html>";
    const Article a = readPage(page, QStringLiteral("cranes.html"));
    ASSERT_FALSE(a.blocks.empty());
    EXPECT_EQ(a.title, QStringLiteral("Port cranes go electric at two northern terminals"));
    ASSERT_FALSE(a.sourceNames().empty());
    EXPECT_EQ(a.sourceNames().front(), QStringLiteral("Lakeshore Notes"));
}

TEST(HtmlReader, OutletFromTheFootersCopyrightLine)
{
    const QByteArray page =
        "<html><head><title>Ferry operators add electric boats on the northern route</title></head><body>"
        "<article><h1>Ferry operators add electric boats on the northern route</h1>"
        "<p>Two ferry operators said on Wednesday they would put four battery-powered boats on the northern "
        "route next spring, replacing diesel vessels built in the 1990s.</p></article>"
        "<footer><a href='/privacy'>Privacy</a> Copyright &copy; 2024 Tidewater Press Inc.</footer></body></html>";
    const Article a = readPage(page, QStringLiteral("ferry.html"));
    ASSERT_FALSE(a.blocks.empty());
    ASSERT_FALSE(a.sourceNames().empty());
    EXPECT_EQ(a.sourceNames().front(), QStringLiteral("Tidewater Press"));
}
