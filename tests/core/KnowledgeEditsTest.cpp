// The analyst's knowledge file (knowledge/KnowledgeEdits.h): its edits read and written on real
// files, and what each edit does to the knowledge and to what the extractor then finds.
#include "extract/Extractor.h"
#include "knowledge/KnowledgeEdits.h"
#include "structure/StructureParser.h"

#include "TestSupport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

const char* kSmall = R"({
  "companies": [
    {"name": "Moonshot", "aliases": ["Moonshot Labs"], "country": "China"},
    {"name": "Moonshot AI", "aliases": ["月之暗面"]},
    {"name": "Acme", "aliases": ["Acme Corp"], "country": "United States"}
  ],
  "products": [{"name": "Kimi", "owner": "Moonshot"}]
})";

/// The small list above with `edits` (a JSON array) on top, finished.
std::shared_ptr<Knowledge> knowledgeWith(const char* edits)
{
    auto k = std::make_shared<Knowledge>();
    EXPECT_TRUE(k->add(kSmall, QStringLiteral("small")).ok());
    QFile language(QStringLiteral(":/claimlens/knowledge/language.json"));
    EXPECT_TRUE(language.open(QIODevice::ReadOnly));
    EXPECT_TRUE(k->add(language.readAll(), language.fileName()).ok());
    const Status s = k->add(QByteArray(R"({"edits": )") + edits + "}", QStringLiteral("user"));
    EXPECT_TRUE(s.ok()) << qPrintable(s.ok() ? QString() : s.error());
    k->finish();
    return k;
}

/// The canonical names the knowledge matches in `text`, in order.
QStringList matched(const Knowledge& k, const QString& text)
{
    QStringList out;
    for (const AliasMatch& m : k.match(text))
        out.append(entityKindName(k.entity(m.alias->entity).kind) + u':' + k.entity(m.alias->entity).name);
    return out;
}

QStringList mentioned(const std::shared_ptr<const Knowledge>& k, const QString& text, EntityKind kind)
{
    QStringList out;
    for (const Mention& m : Extractor(k).extract(StructureParser().parse(text)).mentions)
        if (m.kind == kind && m.via.isEmpty() && !out.contains(m.name))
            out.append(m.name);
    return out;
}

}  // namespace

TEST(UserKnowledgeFile, AppendsUndoesAndKeepsWhatWasWrittenByHand)
{
    test::Workspace ws;
    const QString path = ws.write(QStringLiteral("data/knowledge.json"),
                                  R"({"companies": [{"name": "Zeta Labs", "country": "China"}]})");
    const UserKnowledgeFile file(path);
    ASSERT_TRUE(file.edits().ok());
    EXPECT_TRUE(file.edits()->empty());

    const auto merge = KnowledgeEdit::merge(EntityKind::Company, {QStringLiteral("Moonshot")}, QStringLiteral("Moonshot AI"));
    const auto add = KnowledgeEdit::add(EntityKind::Person, QStringLiteral("Jane  Roe"));
    const auto exclude = KnowledgeEdit::exclude(EntityKind::Company, QStringLiteral("Acme"));
    ASSERT_TRUE(file.append(merge).ok());
    ASSERT_TRUE(file.append(add).ok());
    ASSERT_TRUE(file.append(exclude).ok());
    auto edits = file.edits();
    ASSERT_TRUE(edits.ok());
    ASSERT_EQ(edits->size(), 3u);
    EXPECT_EQ((*edits)[0], merge);
    EXPECT_EQ((*edits)[1].name, QStringLiteral("Jane Roe"));  // spaces as a name has them
    EXPECT_EQ((*edits)[2], exclude);
    EXPECT_EQ(merge.describe(), QStringLiteral("Merge Moonshot into Moonshot AI"));
    EXPECT_EQ(exclude.describe(), QStringLiteral("Acme is not a company"));

    auto undone = file.removeLast();
    ASSERT_TRUE(undone.ok());
    EXPECT_EQ(*undone, exclude);
    ASSERT_EQ(file.edits()->size(), 2u);
    const QJsonObject root = QJsonDocument::fromJson(test::readAll(path)).object();
    EXPECT_EQ(root.value(QStringLiteral("companies")).toArray().size(), 1);  // the list written by hand stays

    ASSERT_TRUE(file.removeLast().ok());
    ASSERT_TRUE(file.removeLast().ok());
    EXPECT_FALSE(file.removeLast().ok());  // nothing left to undo
    EXPECT_FALSE(QJsonDocument::fromJson(test::readAll(path)).object().contains(QStringLiteral("edits")));
}

TEST(UserKnowledgeFile, MakesItsFolderAndNeverOverwritesABrokenFile)
{
    test::Workspace ws;
    const UserKnowledgeFile fresh(ws.path(QStringLiteral("new/folder/knowledge.json")));
    ASSERT_TRUE(fresh.append(KnowledgeEdit::add(EntityKind::Company, QStringLiteral("Zeta"))).ok());
    EXPECT_EQ(fresh.edits()->size(), 1u);

    const QByteArray broken = R"({"companies": [ {"name": "Half)";
    const QString path = ws.write(QStringLiteral("broken.json"), broken);
    const UserKnowledgeFile file(path);
    const Status s = file.append(KnowledgeEdit::add(EntityKind::Company, QStringLiteral("Zeta")));
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(path));
    EXPECT_EQ(test::readAll(path), broken);
    EXPECT_FALSE(file.removeLast().ok());
    EXPECT_EQ(test::readAll(path), broken);
}

TEST(KnowledgeEdits, MergeMakesEveryNameOfOneCompanyTheCanonicalOne)
{
    const auto k = knowledgeWith(R"([{"action": "merge", "kind": "company", "names": ["Moonshot"], "into": "Moonshot AI"}])");
    EXPECT_EQ(matched(*k, QStringLiteral("Moonshot and Moonshot Labs and Moonshot AI and 月之暗面")),
              QStringList(4, QStringLiteral("company:Moonshot AI")));
    ASSERT_GE(k->find(EntityKind::Company, QStringLiteral("Moonshot")), 0);
    EXPECT_EQ(k->entity(k->find(EntityKind::Company, QStringLiteral("Moonshot"))).name, QStringLiteral("Moonshot AI"));
    const Entity& merged = k->entity(k->find(EntityKind::Company, QStringLiteral("Moonshot AI")));
    EXPECT_EQ(merged.country, QStringLiteral("China"));  // the merged one's country, where the kept one had none
    // what the merged company owned, the kept one owns
    EXPECT_EQ(k->entity(k->find(EntityKind::Product, QStringLiteral("Kimi"))).owner, QStringLiteral("Moonshot AI"));
}

TEST(KnowledgeEdits, MergeIntoANameNobodyKnewAndOfNamesOnlyTheRulesFound)
{
    const auto k = knowledgeWith(
        R"([{"action": "merge", "kind": "company", "names": ["Zeta", "Zeta Tech"], "into": "Zeta Labs"}])");
    EXPECT_EQ(matched(*k, QStringLiteral("Zeta Tech, Zeta and Zeta Labs")), QStringList(3, QStringLiteral("company:Zeta Labs")));
    // a start-up the rules read by its context is the canonical company wherever it stands
    EXPECT_EQ(mentioned(k, QStringLiteral("The start-up Zeta Tech raised money. Zeta said so."), EntityKind::Company),
              QStringList{QStringLiteral("Zeta Labs")});
}

TEST(KnowledgeEdits, ExcludeForgetsAKnownCompanyAndStopsTheRulesFindingAName)
{
    const std::shared_ptr<const Knowledge> none = knowledgeWith("[]");
    const QString text = QStringLiteral("Acme Corp and the start-up Foobar signed a deal.");
    EXPECT_EQ(mentioned(none, text, EntityKind::Company), (QStringList{QStringLiteral("Acme"), QStringLiteral("Foobar")}));

    const std::shared_ptr<const Knowledge> k = knowledgeWith(R"([{"action": "exclude", "kind": "company", "name": "Acme"},
                                                                  {"action": "exclude", "kind": "company", "name": "foobar"}])");
    EXPECT_TRUE(k->excludes(EntityKind::Company, QStringLiteral("Foobar")));
    EXPECT_FALSE(k->excludes(EntityKind::Person, QStringLiteral("Foobar")));
    EXPECT_LT(k->find(EntityKind::Company, QStringLiteral("Acme")), 0);
    EXPECT_TRUE(matched(*k, QStringLiteral("Acme Corp")).isEmpty());
    EXPECT_EQ(mentioned(k, text, EntityKind::Company), QStringList());
}

TEST(KnowledgeEdits, ExcludingAnAliasLeavesItsCompanyAndAddingMakesANameKnown)
{
    const auto k = knowledgeWith(R"([{"action": "exclude", "kind": "company", "name": "Moonshot Labs"},
                                     {"action": "add", "kind": "person", "name": "Jane Roe"},
                                     {"action": "add", "kind": "company", "name": "Quill"}])");
    EXPECT_EQ(matched(*k, QStringLiteral("Moonshot Labs")), QStringList{QStringLiteral("company:Moonshot")});
    EXPECT_EQ(k->match(QStringLiteral("Moonshot Labs")).front().end, 8);  // "Moonshot" alone names it
    EXPECT_EQ(matched(*k, QStringLiteral("Jane Roe met Quill")),
              (QStringList{QStringLiteral("person:Jane Roe"), QStringLiteral("company:Quill")}));
    EXPECT_EQ(mentioned(k, QStringLiteral("Jane Roe met the team at Quill."), EntityKind::Person),
              QStringList{QStringLiteral("Jane Roe")});
}

TEST(KnowledgeEdits, LaterEditsWinAndBadOnesSayWhere)
{
    // excluded, then added again: known
    const auto k = knowledgeWith(R"([{"action": "exclude", "kind": "company", "name": "Quill"},
                                     {"action": "add", "kind": "company", "name": "Quill"}])");
    EXPECT_FALSE(k->excludes(EntityKind::Company, QStringLiteral("Quill")));
    EXPECT_EQ(matched(*k, QStringLiteral("Quill")), QStringList{QStringLiteral("company:Quill")});

    Knowledge bad;
    const Status s = bad.add(R"({"edits": [{"action": "rename", "name": "X"}]})", QStringLiteral("mine.json"));
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("mine.json")));
    EXPECT_FALSE(bad.add(R"({"edits": [{"action": "merge", "names": [], "into": "X"}]})", QStringLiteral("m")).ok());
}

TEST(KnowledgeEdits, DefaultsReadTheUserFileAgainOnReload)
{
    test::Workspace ws;
    const QString path = ws.path(QStringLiteral("knowledge.json"));
    setUserKnowledgePath(path);
    const auto before = Knowledge::reload();
    EXPECT_LT(before->find(EntityKind::Company, QStringLiteral("Quillfeather Robotics")), 0);
    ASSERT_TRUE(UserKnowledgeFile(path).append(KnowledgeEdit::add(EntityKind::Company, QStringLiteral("Quillfeather Robotics"))).ok());
    EXPECT_EQ(Knowledge::defaults(), before);  // read once until told to read again
    const auto after = Knowledge::reload();
    EXPECT_EQ(Knowledge::defaults(), after);
    EXPECT_GE(after->find(EntityKind::Company, QStringLiteral("Quillfeather Robotics")), 0);
    // an empty file is the shipped knowledge
    ws.write(QStringLiteral("knowledge.json"), "{}");
    const auto empty = Knowledge::reload();
    EXPECT_EQ(empty->entities().size(), before->entities().size());
    setUserKnowledgePath({});
    Knowledge::reload();
}
