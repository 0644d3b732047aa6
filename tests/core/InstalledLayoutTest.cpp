// An installed program (PREFIX/bin/claimlens-cli) reads the knowledge its package ships in
// PREFIX/share/claimlens, not the copy built into it, and never a source tree.
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

QString runCli(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(60000);
    EXPECT_EQ(p.exitCode(), 0) << p.readAllStandardError().constData();
    return QString::fromUtf8(p.readAllStandardOutput());
}

}  // namespace

TEST(InstalledLayout, KnowledgeIsReadFromTheInstallPrefix)
{
    test::Workspace ws;
    const QString article = ws.write(QStringLiteral("zorblax.txt"),
                                     "Zorblax Robotics Opens a Lab\n\nZorblax Robotics said on Monday that it will hire "
                                     "300 engineers in Shenzhen.\n");
    const QString company = QStringLiteral("company\tZorblax Robotics");

    // From the build folder: the built-in knowledge, which has never heard of the company.
    EXPECT_FALSE(runCli(QStringLiteral(CLAIMLENS_CLI), {QStringLiteral("extract"), article}).contains(company));
    EXPECT_TRUE(runCli(QStringLiteral(CLAIMLENS_CLI), {QStringLiteral("--version")}).contains(QStringLiteral("built in")));

    // The same program installed under a prefix whose knowledge names it.
    const QString prefix = ws.path(QStringLiteral("prefix"));
    ASSERT_TRUE(QDir().mkpath(prefix + QStringLiteral("/bin")));
    ASSERT_TRUE(QDir().mkpath(prefix + QStringLiteral("/share/claimlens/knowledge")));
    const QString installed = prefix + QStringLiteral("/bin/claimlens-cli");
    ASSERT_TRUE(QFile::copy(QStringLiteral(CLAIMLENS_CLI), installed));
    QFile builtIn(QStringLiteral(CLAIMLENS_SAMPLE_CORPUS "/../knowledge/companies.json"));
    ASSERT_TRUE(builtIn.open(QIODevice::ReadOnly));
    QJsonObject knowledge = QJsonDocument::fromJson(builtIn.readAll()).object();
    QJsonArray companies = knowledge.value(QStringLiteral("companies")).toArray();
    companies.append(QJsonObject{{QStringLiteral("name"), QStringLiteral("Zorblax Robotics")},
                                 {QStringLiteral("aliases"), QJsonArray{}},
                                 {QStringLiteral("country"), QStringLiteral("China")},
                                 {QStringLiteral("parent"), QJsonValue()},
                                 {QStringLiteral("ambiguous"), false}});
    knowledge.insert(QStringLiteral("companies"), companies);
    ws.write(QStringLiteral("prefix/share/claimlens/knowledge/companies.json"), QJsonDocument(knowledge).toJson());

    EXPECT_TRUE(runCli(installed, {QStringLiteral("extract"), article}).contains(company));
    EXPECT_TRUE(runCli(installed, {QStringLiteral("--version")}).contains(QDir(prefix).canonicalPath() + QStringLiteral("/share/claimlens")));
}
