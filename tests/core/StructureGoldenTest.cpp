// Golden files: tests/data/structure/<case>/article.txt beside expected.json. Each key present in
// expected.json is compared exactly with what the parser reads.
#include "read/TextDecoder.h"
#include "structure/StructureParser.h"

#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

std::vector<std::string> goldenCases()
{
    std::vector<std::string> out;
    const QDir dir(test::testData(QStringLiteral("structure")));
    for (const QString& name : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (QFile::exists(dir.filePath(name + QStringLiteral("/expected.json"))))
            out.push_back(name.toStdString());
    return out;
}

QStringList toList(const QJsonValue& v)
{
    QStringList out;
    for (const auto& x : v.toArray())
        out.append(x.toString());
    return out;
}

QJsonValue nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

class StructureGolden : public ::testing::TestWithParam<std::string> {};

}  // namespace

TEST_P(StructureGolden, MatchesExpected)
{
    const QString dir = test::testData(QStringLiteral("structure/") + QString::fromStdString(GetParam()));
    auto decoded = decodeText(test::readAll(dir + QStringLiteral("/article.txt")));
    ASSERT_TRUE(decoded.ok()) << qPrintable(decoded.error());
    const QJsonObject expected = QJsonDocument::fromJson(test::readAll(dir + QStringLiteral("/expected.json"))).object();
    ASSERT_FALSE(expected.isEmpty()) << "expected.json is missing or not an object";
    const Article a = StructureParser().parse(decoded->text);

    auto blocksOf = [&](BlockKind kind) {
        QStringList out;
        for (const auto& b : a.blocks)
            if (b.kind == kind)
                out.append(a.blockText(b));
        return out;
    };
    auto check = [&](const char* key, const QJsonValue& got) {
        const QString k = QLatin1String(key);
        if (expected.contains(k)) {
            EXPECT_EQ(got, expected.value(k))
                << key << ": got " << QJsonDocument(QJsonArray{got}).toJson(QJsonDocument::Compact).toStdString();
        }
    };
    check("title", nullable(a.title));
    check("author", nullable(a.author));
    check("section", nullable(a.section));
    check("published", nullable(a.published.iso()));
    check("headings", QJsonArray::fromStringList(blocksOf(BlockKind::Heading)));
    check("bullets", QJsonArray::fromStringList(blocksOf(BlockKind::Bullet)));
    check("furniture", QJsonArray::fromStringList(blocksOf(BlockKind::Furniture)));
    if (expected.contains(QStringLiteral("sources"))) {
        QStringList names;
        for (const auto& n : a.sourceNames())
            names.append(n);
        EXPECT_EQ(names, toList(expected.value(QStringLiteral("sources"))));
    }
    if (expected.contains(QStringLiteral("sentences"))) {
        QStringList got;
        for (const auto& s : a.sentences)
            got.append(a.sentenceText(s));
        EXPECT_EQ(got, toList(expected.value(QStringLiteral("sentences"))));
    }
    if (expected.contains(QStringLiteral("metadata"))) {
        QJsonArray got;
        for (const auto& b : a.blocks)
            if (b.kind == BlockKind::Metadata)
                got.append(QJsonObject{
                    {QStringLiteral("key"), b.key},
                    {QStringLiteral("value"), b.value},
                    {QStringLiteral("attached_to"),
                     b.attachedTo >= 0 ? a.blockText(a.blocks[static_cast<size_t>(b.attachedTo)]) : QString()}});
        EXPECT_EQ(got, expected.value(QStringLiteral("metadata")).toArray())
            << QJsonDocument(got).toJson().toStdString();
    }
}

INSTANTIATE_TEST_SUITE_P(Cases, StructureGolden, ::testing::ValuesIn(goldenCases()),
                         [](const auto& testInfo) {
                             std::string name = testInfo.param;
                             for (char& c : name)
                                 if (!isalnum(static_cast<unsigned char>(c)))
                                     c = '_';
                             return name;
                         });
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(StructureGolden);
