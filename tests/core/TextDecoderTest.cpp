#include "read/TextDecoder.h"

#include "TestSupport.h"

#include <QStringEncoder>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

QString decoded(const QByteArray& bytes)
{
    auto r = decodeText(bytes);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : qPrintable(r.error()));
    return r ? r->text : QString();
}

QByteArray utf16(const QString& s, bool bigEndian)
{
    QByteArray out = bigEndian ? QByteArray("\xFE\xFF", 2) : QByteArray("\xFF\xFE", 2);
    for (QChar c : s) {
        const char hi = static_cast<char>(c.unicode() >> 8), lo = static_cast<char>(c.unicode() & 0xFF);
        out.append(bigEndian ? hi : lo).append(bigEndian ? lo : hi);
    }
    return out;
}

}  // namespace

TEST(TextDecoder, Utf8WithAndWithoutBom)
{
    const QString text = QStringLiteral("Baidu’s Ernie — 百度");
    EXPECT_EQ(decoded(text.toUtf8()), text);
    EXPECT_EQ(decoded(QByteArray("\xEF\xBB\xBF") + text.toUtf8()), text);
    EXPECT_EQ(decodeText(text.toUtf8())->encoding, QStringLiteral("UTF-8"));
}

TEST(TextDecoder, Utf16WithByteOrderMarks)
{
    const QString text = QStringLiteral("DeepSeek 深度求索\nline two");
    EXPECT_EQ(decoded(utf16(text, false)), text);
    EXPECT_EQ(decoded(utf16(text, true)), text);
    EXPECT_EQ(decodeText(utf16(text, true))->encoding, QStringLiteral("UTF-16BE"));
}

TEST(TextDecoder, NewlinesNormalised)
{
    EXPECT_EQ(decoded("one\r\ntwo\rthree\n"), QStringLiteral("one\ntwo\nthree\n"));
}

TEST(TextDecoder, Windows1252Detected)
{
    // "Zürich analysts expect €2 billion in 2025 – a «record»." in Windows-1252
    const QByteArray bytes("Z\xFCrich analysts said the Caf\xE9 chain would spend \x80" "2 billion on AI in 2025, "
                           "while M\xFCnchen and G\xF6teborg firms were \xAB cautious \xBB about the r\xE9sum\xE9.\n");
    const QString text = decoded(bytes);
    EXPECT_TRUE(text.contains(QStringLiteral("Zürich"))) << qPrintable(text);
    EXPECT_TRUE(text.contains(QStringLiteral("Café")));
    EXPECT_TRUE(text.contains(QStringLiteral("€2 billion")) || text.contains(QStringLiteral("\u00802 billion")));
}

TEST(TextDecoder, LatinOneNameNotReadAsABalticCodePage)
{
    // One accented letter in an English text gives the detector little to go on (uchardet names
    // ISO-8859-13 for the first, Windows-1250 for the second); both must come out as the Western
    // letter ("\xED" is "í" in Latin-1 and Windows-1252).
    const QByteArray baltic("The Irish director Eoghan Ruair\xED spoke to us about the new video model, which he said "
                            "could produce a short fight scene from two lines of text. Studios are watching closely as "
                            "the tools improve every month and costs keep falling.\n");
    EXPECT_TRUE(decoded(baltic).contains(QStringLiteral("Eoghan Ruair\u00ED spoke"))) << qPrintable(decoded(baltic));
    QByteArray central("Niamh N\xED Bhriain, a writer from Cork, said the software was remarkable.\n");
    for (int i = 0; i < 4; ++i)
        central += "The studios declined to comment on whether they would use the tools in future productions.\n";
    EXPECT_TRUE(decoded(central).contains(QStringLiteral("Niamh N\u00ED Bhriain")));
    EXPECT_EQ(decodeText(central)->encoding, QStringLiteral("WINDOWS-1252"));
}

TEST(TextDecoder, Gb18030Detected)
{
    // GB18030 bytes for: 百度、阿里巴巴和腾讯都在发展人工智能大模型。中国的人工智能产业发展迅速，许多公司正在降低模型价格。
    const QByteArray gb = QByteArray::fromHex("b0d9b6c8a1a2b0a2c0efb0cdb0cdbacdccdad1b6b6bcd4dab7a2d5b9c8cbb9a4d6c7c4dcb4f3c4a3d0cda1a3d6d0b9fab5c4c8cbb9a4d6c7c4dcb2fad2b5b7a2d5b9d1b8cbd9a3acd0edb6e0b9abcbbed5fdd4dabdb5b5cdc4a3d0cdbcdbb8f1a1a3");
    const auto r = decodeText(gb);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error());
    EXPECT_TRUE(r->text.contains(QStringLiteral("百度"))) << qPrintable(r->text);
    EXPECT_TRUE(r->text.contains(QStringLiteral("人工智能")));
}

TEST(TextDecoder, Big5Detected)
{
    // Big5 bytes for: 台灣的人工智慧產業與半導體公司合作，開發新的晶片。研究人員表示，這些晶片將用於資料中心與大型語言模型的訓練。
    const QByteArray big5 = QByteArray::fromHex("a578c657aabaa448a475b4bcbc7ab2a3b77ebb50a562bec9c5e9a4bda571a658a740a141b67db56fb773aabab4b9a4f9a143ace3a873a448adfbaaeda5dca141b36fa8c7b4b9a4f9b14ea5cea9f3b8eaaec6a4a4a4dfbb50a46aabacbb79a8a5bcd2abacaabab056bd6da143");
    const auto r = decodeText(big5);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error());
    EXPECT_TRUE(r->text.contains(QStringLiteral("人工智慧"))) << qPrintable(r->text);
}

TEST(TextDecoder, BinaryAndEmptyRejectedWithReason)
{
    auto nul = decodeText(QByteArray("PK\x03\x04\x00\x00binary", 12));
    ASSERT_FALSE(nul.ok());
    EXPECT_TRUE(nul.error().contains(QStringLiteral("binary")));

    auto empty = decodeText({});
    ASSERT_FALSE(empty.ok());
    EXPECT_TRUE(empty.error().contains(QStringLiteral("empty")));

    auto blank = decodeText(" \n\t\r\n  ");
    ASSERT_FALSE(blank.ok());
    EXPECT_TRUE(blank.error().contains(QStringLiteral("whitespace")));

    QByteArray controls;
    for (int i = 0; i < 200; ++i)
        controls.append(static_cast<char>(1 + i % 8));
    EXPECT_FALSE(decodeText(controls).ok());
}

TEST(TextDecoder, AStrayByteInUtf8IsReplacedNotReadAsAnotherEncoding)
{
    // bullets and curly quotes in UTF-8, one stray Windows-1252 byte (0x96, a dash) among them
    QByteArray bytes = "Headline\n\n\xe2\x80\xa2 First point, \xe2\x80\x9cquoted\xe2\x80\x9d.\n"
                       "\xe2\x80\xa2 Second point \x96 with a stray byte.\n\xe2\x80\xa2 Third point.\n";
    auto d = decodeText(bytes);
    ASSERT_TRUE(d) << qPrintable(d.error());
    EXPECT_EQ(d->encoding, QStringLiteral("UTF-8"));
    EXPECT_TRUE(d->text.contains(QStringLiteral("\u2022 First point, \u201cquoted\u201d")));  // no mojibake
    EXPECT_TRUE(d->text.contains(QStringLiteral("point \uFFFD with")));
    EXPECT_EQ(d->warning, QStringLiteral("1 byte that is not UTF-8 replaced by \uFFFD"));

    // Chinese with one stray byte: read as Chinese, not refused as binary
    bytes = QStringLiteral("华为发布新款芯片。\n\n华为公司周一表示，新芯片将于明年上市。").toUtf8();
    bytes.insert(12, '\xff');
    d = decodeText(bytes);
    ASSERT_TRUE(d) << qPrintable(d.error());
    EXPECT_EQ(d->encoding, QStringLiteral("UTF-8"));
    EXPECT_TRUE(d->text.contains(QStringLiteral("华为公司周一表示")));
    EXPECT_FALSE(d->warning.isEmpty());

    // a Western text in Windows-1252 (no well-formed UTF-8 at all) is still detected as such
    d = decodeText("The CEO said it\x92s a milestone for the company and its investors in Europe.\n");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->encoding, QStringLiteral("WINDOWS-1252"));
    EXPECT_TRUE(d->text.contains(QStringLiteral("it\u2019s")));
    EXPECT_TRUE(d->warning.isEmpty());
}

TEST(TextDecoder, Utf16WithoutAByteOrderMarkIsRead)
{
    const QString text = QStringLiteral("Kling Goes Global\n\nKuaishou opened its video model to users abroad.\n");
    for (auto encoding : {QStringConverter::Utf16LE, QStringConverter::Utf16BE}) {
        QStringEncoder encoder(encoding);  // no BOM unless asked for
        const QByteArray bytes = encoder.encode(text);
        ASSERT_NE(static_cast<unsigned char>(bytes[0]), 0xFF);
        auto d = decodeText(bytes);
        ASSERT_TRUE(d) << qPrintable(d.error());
        EXPECT_EQ(d->text, text);
        EXPECT_EQ(d->encoding, encoding == QStringConverter::Utf16LE ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE"));
        EXPECT_TRUE(d->warning.contains(QStringLiteral("without a byte-order mark")));
    }
}
