// Unknown or odd text never crashes reading or extraction, and every span stays inside the text.
#include "extract/Extractor.h"
#include "read/TextDecoder.h"
#include "structure/StructureParser.h"

#include "TestSupport.h"

#include <gtest/gtest.h>

#include <random>

using namespace claimlens;

namespace {

void checkInvariants(const QString& text)
{
    static const StructureParser parser;
    static const Extractor extractor;  // built once: it compiles its expressions
    const Article a = parser.parse(text);
    const Extraction e = extractor.extract(a);
    for (const Block& b : a.blocks) {
        ASSERT_LE(0, b.start);
        ASSERT_LE(b.start, b.contentStart);
        ASSERT_LE(b.contentStart, b.end);
        ASSERT_LE(b.end, a.text.size());
    }
    for (const Sentence& s : a.sentences) {
        ASSERT_GE(s.block, 0);
        const Block& b = a.blocks[static_cast<size_t>(s.block)];
        ASSERT_LE(b.contentStart, s.start);
        ASSERT_LE(s.end, b.end);
        ASSERT_LT(s.start, s.end);
    }
    const auto sentences = static_cast<int>(a.sentences.size());
    for (const Mention& m : e.mentions) {
        ASSERT_LT(m.sentence, sentences);
        ASSERT_LE(0, m.start);
        ASSERT_LE(m.end, a.text.size());
    }
    for (const Statistic& st : e.statistics) {
        ASSERT_LT(st.sentence, sentences);
        ASSERT_LE(st.end, a.text.size());
    }
    for (const Event& ev : e.events)
        ASSERT_LT(ev.sentence, sentences);
    for (const Claim& c : e.claims)
        ASSERT_LT(c.sentence, sentences);
}

}  // namespace

TEST(OddInput, HandPickedShapes)
{
    const QStringList cases{
        QString(),
        QStringLiteral("\n\n\n"),
        QStringLiteral("."),
        QStringLiteral("Source:"),
        QStringLiteral("Source: "),
        QStringLiteral("By"),
        QStringLiteral("Mentions: 12"),
        QStringLiteral("• \n- \n1. "),
        QString(20000, u'a'),
        QString(5000, u'.') + QStringLiteral("\n") + QString(3000, u'9'),
        QStringLiteral("$$$ \u00a5\u00a5 %%% 1,,,000 .5. 2.0.0 U.S.A.S.A."),
        QStringLiteral("\U0001F600 Baidu \U0001F600 raised $1bn \U0001F600 in 2024. \u202eOpenAI\u202c said so."),
        QStringLiteral("e\u0301e\u0301 Cafe\u0301 \u0645\u0631\u062d\u0628\u0627 \u4e2d\u56fd\u767e\u5ea6\u5b57\u8282\u8df3\u52a8"),
        QStringLiteral("Premier Premier Premier Li Li Li, director director of of"),
        QStringLiteral("according to according to the the told told"),
        QStringLiteral("between 2014 and between 2015 and 2016 last year last year"),
    };
    for (const QString& text : cases) {
        SCOPED_TRACE(text.left(40).toStdString());
        checkInvariants(text);
    }
}

TEST(OddInput, RandomTextFromArticleAlphabet)
{
    // words and marks that trigger every rule, shuffled: seeded, so a failure reproduces
    const QStringList pieces{
        QStringLiteral("China"),    QStringLiteral("the US"),  QStringLiteral("Baidu"),   QStringLiteral("TikTok"),
        QStringLiteral("Premier"),  QStringLiteral("Li"),      QStringLiteral("Kai-Fu Lee"), QStringLiteral("said"),
        QStringLiteral("38,000"),   QStringLiteral("83%"),     QStringLiteral("$2.5bn"),  QStringLiteral("almost half of"),
        QStringLiteral("six times more"), QStringLiteral("in 2024"), QStringLiteral("July 4, 2024"), QStringLiteral("per"),
        QStringLiteral("Source: Reuters"), QStringLiteral("according to"), QStringLiteral("the company"), QStringLiteral("it"),
        QStringLiteral("."),        QStringLiteral(","),       QStringLiteral("\n"),      QStringLiteral("\n\n"),
        QStringLiteral("\u2022 "),  QStringLiteral("Mentions: 3"), QStringLiteral("\u201c"), QStringLiteral("\u201d"),
        QStringLiteral("("),        QStringLiteral(")"),       QStringLiteral("U.S."),    QStringLiteral("01.AI"),
        QStringLiteral("\u767e\u5ea6"), QStringLiteral("By Ana Ruiz"), QStringLiteral("?"), QStringLiteral("Key Takeaways")};
    std::mt19937 rng(20241122);
    for (int round = 0; round < 300; ++round) {
        QString text;
        const int n = std::uniform_int_distribution<int>(1, 120)(rng);
        for (int i = 0; i < n; ++i)
            text += pieces[std::uniform_int_distribution<int>(0, static_cast<int>(pieces.size()) - 1)(rng)] + u' ';
        SCOPED_TRACE(round);
        checkInvariants(text);
    }
}

TEST(OddInput, RandomBytesAreReadOrRefusedNeverCrash)
{
    std::mt19937 rng(7);
    for (int round = 0; round < 200; ++round) {
        QByteArray bytes(std::uniform_int_distribution<int>(0, 4000)(rng), '\0');
        for (char& b : bytes)
            b = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
        auto decoded = decodeText(bytes);
        if (decoded)
            checkInvariants(decoded->text);
        else
            EXPECT_FALSE(decoded.error().isEmpty());
    }
}
