// claimlens-cli run as a process: exit codes, messages, and the files it writes.
#include "review/Reviewer.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <gtest/gtest.h>

#include <unistd.h>

using namespace claimlens;

namespace {

struct CliRun {
    int code;
    QString out;
    QString err;
};

CliRun cli(const QStringList& args, const QString& db = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!db.isEmpty())
        env.insert(QStringLiteral("CLAIMLENS_DB"), db);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CLAIMLENS_CLI), args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

/// The CLI run as `user` (the user nobody when the tests run as root).
CliRun cliAs(const test::Unprivileged& user, const QStringList& args)
{
    QProcess p;
    p.start(user.program, user.prefix + args);
    p.waitForFinished(60000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

}  // namespace

TEST(CliProcess, IngestListShowSearchExportStats)
{
    test::Workspace ws;
    ws.write(QStringLiteral("in/kling.txt"), "Kling Goes Global\n\nBy Ana Ruiz and Wei Zhang\nJune 6, 2024\n\n"
                                             "Kuaishou opened its Kling video model to users. It drew long queues.\n");
    const QString db = ws.database();

    CliRun r = cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, db);
    EXPECT_EQ(r.code, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("1 imported"))) << qPrintable(r.out);

    r = cli({QStringLiteral("list"), QStringLiteral("documents"), QStringLiteral("--json")}, db);
    EXPECT_EQ(r.code, 0);
    const QJsonArray docs = QJsonDocument::fromJson(r.out.toUtf8()).array();
    ASSERT_EQ(docs.size(), 1);
    EXPECT_EQ(docs[0].toObject().value(QStringLiteral("author")).toString(), QStringLiteral("Ana Ruiz, Wei Zhang"));
    EXPECT_EQ(docs[0].toObject().value(QStringLiteral("published")).toString(), QStringLiteral("2024-06-06"));

    r = cli({QStringLiteral("show"), QStringLiteral("kling.txt")}, db);
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("byline"))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("dateline")));

    r = cli({QStringLiteral("search"), QStringLiteral("video")}, db);
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("[video]"))) << qPrintable(r.out);

    const QString out = ws.path(QStringLiteral("export.json"));
    r = cli({QStringLiteral("--db"), db, QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("json"),
             QStringLiteral("--out"), out});
    EXPECT_EQ(r.code, 0) << qPrintable(r.err);
    const QJsonObject exported = QJsonDocument::fromJson(test::readAll(out)).object();
    EXPECT_EQ(exported.value(QStringLiteral("documents")).toArray().size(), 1);

    r = cli({QStringLiteral("stats")}, db);
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("documents:  1"))) << qPrintable(r.out);
}

TEST(CliProcess, ListKeepsOneLinePerRecordWhateverTheFileIsCalled)
{
    test::Workspace ws;
    const QString db = ws.database();
    ws.write(QStringLiteral("in/two\nlines.txt"), "Chips Article\n\nHuawei makes chips in Shenzhen. It sells them.\n");
    ws.write(QStringLiteral("in/tab\there.txt"), "Other Article\n\nBaidu makes models in Beijing. It sells them.\n");
    ASSERT_EQ(cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, db).code, 0);
    const CliRun r = cli({QStringLiteral("list"), QStringLiteral("documents")}, db);
    const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
    ASSERT_EQ(lines.size(), 3) << qPrintable(r.out);  // two documents and the count
    for (int i = 0; i < 2; ++i)
        EXPECT_EQ(lines[i].count(u'\t'), 4) << qPrintable(lines[i]);
    EXPECT_TRUE(r.out.contains(QStringLiteral("two\\nlines.txt"))) << qPrintable(r.out);
    EXPECT_TRUE(r.out.contains(QStringLiteral("tab\\there.txt")));
}

TEST(CliProcess, CheckSaysASoundDatabaseIsSoundAndWhatIsWrongWithADamagedOne)
{
    test::Workspace ws;
    const QString db = ws.database();
    ASSERT_EQ(cli({QStringLiteral("ingest"), QStringLiteral(CLAIMLENS_SAMPLE_CORPUS)}, db).code, 0);
    CliRun r = cli({QStringLiteral("check")}, db);
    EXPECT_EQ(r.code, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("sound (10 documents"))) << qPrintable(r.out);

    // Pages zeroed in the middle of the file, as a failing disk or a bad copy leaves them.
    QFile file(db);
    ASSERT_TRUE(file.open(QIODevice::ReadWrite));
    ASSERT_GT(file.size(), 4096 * 12);
    file.seek(4096 * 5);
    file.write(QByteArray(4096 * 3, '\0'));
    file.close();
    r = cli({QStringLiteral("check")}, db);
    EXPECT_EQ(r.code, 3);
    EXPECT_TRUE(r.err.contains(QStringLiteral("SQLite integrity check")) || r.err.contains(QStringLiteral("malformed")))
        << qPrintable(r.err);
    EXPECT_TRUE(r.err.contains(QStringLiteral("problems found"))) << qPrintable(r.err);
}

TEST(CliProcess, IngestWarnsOfRepairedBytesAndStoresTheText)
{
    test::Workspace ws;
    const QString db = ws.database();
    ws.write(QStringLiteral("in/stray.txt"), "Chips Article\n\n\xe2\x80\xa2 Huawei makes chips \x96 in Shenzhen. It sells them.\n");
    const CliRun r = cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, db);
    EXPECT_EQ(r.code, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.err.contains(QStringLiteral("warning: ") + ws.path(QStringLiteral("in/stray.txt")) +
                               QStringLiteral(": 1 byte that is not UTF-8 replaced"))) << qPrintable(r.err);
    EXPECT_TRUE(cli({QStringLiteral("search"), QStringLiteral("Shenzhen")}, db).out.contains(QStringLiteral("1 match")));
}

TEST(CliProcess, AHostileFileIsSkippedByNameAndTheRestIsStored)
{
    test::Workspace ws;
    const QString db = ws.database();
    // 40,000 nested <div>s: once a stack overflow that took the whole batch down
    const int depth = 40000;
    QByteArray nested = "<html><body>";
    for (int i = 0; i < depth; ++i)
        nested += "<div>";
    nested += "<p>x</p>";
    for (int i = 0; i < depth; ++i)
        nested += "</div>";
    nested += "</body></html>";
    const QString hostile = ws.write(QStringLiteral("in/nested.html"), nested);
    ws.write(QStringLiteral("in/good.txt"), "Chips Article\n\nHuawei makes chips in Shenzhen. It sells them.\n");
    const CliRun r = cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, db);
    EXPECT_EQ(r.code, 1) << qPrintable(r.err);  // some files skipped
    EXPECT_TRUE(r.err.contains(QStringLiteral("skipped: ") + hostile + QStringLiteral(": HTML nested too deep"))) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("1 imported"))) << qPrintable(r.out);
}

TEST(CliProcess, AnIngestStoppedByTheDiskSaysWhatIsStoredAndARerunFinishes)
{
    test::Workspace ws;
    const QString db = ws.database();
    for (int i = 0; i < 400; ++i)  // enough text that the database outgrows the file-size limit below
        ws.write(QStringLiteral("in/a%1.txt").arg(i, 3, 10, QLatin1Char('0')),
                 QStringLiteral("Article %1\n\n%2").arg(i).arg(QStringLiteral("Huawei made %1 chips in Shenzhen this year. ").arg(i).repeated(40)).toUtf8());
    // The disk "fills" at 1 MiB: the file-size limit, with its signal ignored, makes writes fail.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CLAIMLENS_DB"), db);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("bash"), {QStringLiteral("-c"), QStringLiteral("trap '' XFSZ; ulimit -f 1024; exec \"$0\" ingest --batch 50 \"$1\""),
                                     QStringLiteral(CLAIMLENS_CLI), ws.path(QStringLiteral("in"))});
    ASSERT_TRUE(p.waitForFinished(60000));
    const QString err = QString::fromUtf8(p.readAllStandardError());
    EXPECT_EQ(p.exitCode(), 3) << qPrintable(err);
    EXPECT_TRUE(err.contains(QStringLiteral("documents stored before it are kept"))) << qPrintable(err);
    EXPECT_TRUE(err.contains(QStringLiteral("Running the same command again continues")));
    EXPECT_EQ(cli({QStringLiteral("check")}, db).code, 0);  // what was stored is whole

    const CliRun rerun = cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, db);
    EXPECT_EQ(rerun.code, 0) << qPrintable(rerun.err);
    EXPECT_TRUE(rerun.out.contains(QStringLiteral("unchanged"))) << qPrintable(rerun.out);
    EXPECT_TRUE(cli({QStringLiteral("stats")}, db).out.contains(QStringLiteral("documents:  400")));
}

TEST(CliProcess, TwoProgramsStartingOnANewDatabaseBothSucceed)
{
    test::Workspace ws;
    ws.write(QStringLiteral("a/one.txt"), "Chips Article\n\nHuawei makes chips in Shenzhen. It sells them.\n");
    ws.write(QStringLiteral("b/two.txt"), "Models Article\n\nBaidu makes models in Beijing. It sells them.\n");
    for (int round = 0; round < 5; ++round) {
        const QString db = ws.path(QStringLiteral("race%1.sqlite").arg(round));
        QProcess first, second;
        first.start(QStringLiteral(CLAIMLENS_CLI), {QStringLiteral("--db"), db, QStringLiteral("ingest"), ws.path(QStringLiteral("a"))});
        second.start(QStringLiteral(CLAIMLENS_CLI), {QStringLiteral("--db"), db, QStringLiteral("ingest"), ws.path(QStringLiteral("b"))});
        ASSERT_TRUE(first.waitForFinished(60000) && second.waitForFinished(60000));
        EXPECT_EQ(first.exitCode(), 0) << first.readAllStandardError().constData();
        EXPECT_EQ(second.exitCode(), 0) << second.readAllStandardError().constData();
        EXPECT_TRUE(cli({QStringLiteral("--db"), db, QStringLiteral("stats")}).out.contains(QStringLiteral("documents:  2")));
    }
}

TEST(CliProcess, AWriterKeptWaitingSaysWhoHoldsTheDatabase)
{
    test::Workspace ws;
    const QString db = ws.database();
    ws.write(QStringLiteral("in/one.txt"), "Chips Article\n\nHuawei makes chips in Shenzhen. It sells them.\n");
    ASSERT_EQ(cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, db).code, 0);
    ws.write(QStringLiteral("more/two.txt"), "Models Article\n\nBaidu makes models in Beijing. It sells them.\n");
    // Another program holds the write lock for longer than the wait, and left its note.
    QProcess holder;
    holder.start(QStringLiteral("python3"), {QStringLiteral("-c"),
                                             QStringLiteral("import sqlite3, sys, time\n"
                                                            "db = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
                                                            "db.execute('BEGIN IMMEDIATE')\n"
                                                            "print('locked', flush=True)\n"
                                                            "time.sleep(12)\n"),
                                             db});
    ASSERT_TRUE(holder.waitForReadyRead(10000));
    const qint64 pid = holder.processId();
    QFile note(db + QStringLiteral(".writer"));
    ASSERT_TRUE(note.open(QIODevice::WriteOnly));
    note.write(QStringLiteral("%1\nclaimlens-cli ingest\n2026-12-03 10:02:03\n").arg(pid).toUtf8());
    note.close();
    const CliRun r = cli({QStringLiteral("ingest"), ws.path(QStringLiteral("more"))}, db);
    holder.kill();
    holder.waitForFinished();
    EXPECT_EQ(r.code, 3);
    EXPECT_TRUE(r.err.contains(QStringLiteral("another program is writing to the database (claimlens-cli ingest, process %1, "
                                              "since 2026-12-03 10:02:03); waited 5 s")
                                   .arg(pid)))
        << qPrintable(r.err);
}

TEST(CliProcess, ReadOnlyDatabasesAreReadAndAnIngestSaysTheyCannotBeWritten)
{
    test::Workspace ws;
    // Root writes whatever the permissions say: as root (CI) the CLI runs as the user nobody, who
    // owns the folder and the database as a user owns theirs.
    QString why;
    const std::optional<test::Unprivileged> user = test::unprivileged(ws, QStringLiteral(CLAIMLENS_CLI), &why);
    const auto run = [&](const QStringList& args) { return user ? cliAs(*user, args) : cli(args); };
    const QString folder = ws.path(QStringLiteral("shelf"));
    ASSERT_TRUE(QDir().mkpath(folder));
    if (user) {
        ASSERT_TRUE(test::giveTo(*user, folder));
    }
    const QString db = folder + QStringLiteral("/archive.sqlite");
    ws.write(QStringLiteral("in/one.txt"), "Chips Article\n\nHuawei makes chips in Shenzhen. It sells them.\n");
    ASSERT_EQ(run({QStringLiteral("--db"), db, QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}).code, 0);
    ws.write(QStringLiteral("more/two.txt"), "Models Article\n\nBaidu makes models in Beijing. It sells them.\n");

    // a read-only file in a writable folder, then also a read-only folder
    ASSERT_TRUE(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    for (int round = 0; round < 2; ++round) {
        if (round == 1) {
            ASSERT_TRUE(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        }
        CliRun r = run({QStringLiteral("--db"), db, QStringLiteral("stats")});
        EXPECT_EQ(r.code, 0) << round << qPrintable(r.err);
        EXPECT_TRUE(r.out.contains(QStringLiteral("documents:  1"))) << qPrintable(r.out);
        r = run({QStringLiteral("--db"), db, QStringLiteral("search"), QStringLiteral("Shenzhen")});
        EXPECT_TRUE(r.out.contains(QStringLiteral("1 match"))) << round << qPrintable(r.err);
        if (user) {
            r = run({QStringLiteral("--db"), db, QStringLiteral("ingest"), ws.path(QStringLiteral("more"))});
            EXPECT_EQ(r.code, 3) << round << qPrintable(r.err);
            EXPECT_TRUE(r.err.contains(QStringLiteral("the database is read-only"))) << qPrintable(r.err);
            EXPECT_FALSE(r.err.contains(QStringLiteral("two.txt"))) << "the article is not to blame";
        }
    }
    QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    if (!user)
        GTEST_SKIP() << "the read-only ingest was not tried: " << qPrintable(why);
}

TEST(CliProcess, ExitCodes)
{
    test::Workspace ws;
    const QString db = ws.database();
    ws.write(QStringLiteral("in/good.txt"), "A good article about chips. It has two sentences.\n");
    ws.write(QStringLiteral("in/empty.txt"), "");

    CliRun r = cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, db);
    EXPECT_EQ(r.code, 1);  // some files skipped
    EXPECT_TRUE(r.err.contains(QStringLiteral("empty.txt: empty file"))) << qPrintable(r.err);

    EXPECT_EQ(cli({}, db).code, 2);
    EXPECT_EQ(cli({QStringLiteral("frobnicate")}, db).code, 2);
    EXPECT_EQ(cli({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml")}, db).code, 2);
    r = cli({QStringLiteral("show"), QStringLiteral("missing.txt")}, db);
    EXPECT_EQ(r.code, 4);  // not a usage mistake: there is no such document
    EXPECT_TRUE(r.err.contains(QStringLiteral("no document 'missing.txt'"))) << qPrintable(r.err);
    r = cli({QStringLiteral("show"), QStringLiteral("9999")}, db);
    EXPECT_EQ(r.code, 4);
    r = cli({QStringLiteral("list"), QStringLiteral("claims"), QStringLiteral("--company"), QStringLiteral("Nosuchco")}, db);
    EXPECT_EQ(r.code, 4);
    EXPECT_TRUE(r.err.contains(QStringLiteral("no company 'Nosuchco'"))) << qPrintable(r.err);

    // Reading commands never make a database, nor its folder; an empty --db is a mistake, not the default.
    const QString nowhere = ws.path(QStringLiteral("nonexistent/dir/x.db"));
    for (const char* command : {"stats", "list", "search", "export", "show", "chart", "reextract"}) {
        r = cli({QStringLiteral("--db"), nowhere, QLatin1String(command), QStringLiteral("documents")});
        EXPECT_EQ(r.code, 3) << command;
        EXPECT_TRUE(r.err.contains(QStringLiteral("no database at ") + nowhere)) << command << qPrintable(r.err);
    }
    EXPECT_FALSE(QFileInfo::exists(ws.path(QStringLiteral("nonexistent"))));
    r = cli({QStringLiteral("--db"), QString(), QStringLiteral("stats")});
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("--db needs a file")));

    const QString notDb = ws.write(QStringLiteral("junk.sqlite"), QByteArray(8192, 'j'));
    r = cli({QStringLiteral("--db"), notDb, QStringLiteral("stats")});
    EXPECT_EQ(r.code, 3);
    EXPECT_TRUE(r.err.contains(notDb)) << qPrintable(r.err);
}

// A team shares corrections: one analyst's export, imported into a colleague's database of the
// same articles, corrects the colleague's readings; a broken file imports nothing.
TEST(CliProcess, ReviewExportImportAndList)
{
    test::Workspace ws;
    ws.write(QStringLiteral("in/gpus.txt"), "Cluster Build-Out Accelerates Across Three Provinces This Spring\n\n"
                                            "April 2, 2025\n\nAlibaba bought 12,000 servers in 2024 for its cloud.\n");
    const QString mine = ws.path(QStringLiteral("mine.sqlite"));
    const QString theirs = ws.path(QStringLiteral("theirs.sqlite"));
    ASSERT_EQ(cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, mine).code, 0);
    ASSERT_EQ(cli({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))}, theirs).code, 0);
    {
        auto db = Database::open(mine);
        ASSERT_TRUE(db.ok());
        auto st = db->prepare("SELECT d.content_hash, s.text, st.span_start, st.span_end FROM statistics st"
                              " JOIN sentences s ON s.id = st.sentence_id JOIN documents d ON d.id = st.document_id");
        ASSERT_TRUE(st && st->step()) << "the fixture must give a statistic";
        Correction c;
        c.contentHash = st->text(0);
        c.item = CorrectionItem::Statistic;
        c.action = CorrectionAction::Edit;
        c.sentence = st->text(1);
        c.start = st->int64(2);
        c.end = st->int64(3);
        Statistic s;
        s.subject = QStringLiteral("Alibaba");
        s.subjectKind = EntityKind::Company;
        s.metricKey = QStringLiteral("servers");
        s.metric = QStringLiteral("servers");
        s.value = 12500;
        s.unit = QStringLiteral("count");
        s.period = QStringLiteral("2024");
        c.value = statisticToJson(s);
        ASSERT_TRUE(Reviewer(*db, Knowledge::defaults()).record(c).ok());
    }
    const QString shared = ws.path(QStringLiteral("review.json"));
    CliRun r = cli({QStringLiteral("review"), QStringLiteral("export"), QStringLiteral("--out"), shared}, mine);
    ASSERT_EQ(r.code, 0) << qPrintable(r.err);
    r = cli({QStringLiteral("review"), QStringLiteral("import"), shared}, theirs);
    ASSERT_EQ(r.code, 0) << qPrintable(r.err);
    EXPECT_TRUE(r.out.contains(QStringLiteral("1 corrections imported; 1 stored documents"))) << qPrintable(r.out);
    r = cli({QStringLiteral("list"), QStringLiteral("statistics")}, theirs);
    EXPECT_TRUE(r.out.contains(QStringLiteral("12,500"))) << qPrintable(r.out);
    r = cli({QStringLiteral("review"), QStringLiteral("list")}, theirs);
    EXPECT_EQ(r.code, 0);
    EXPECT_TRUE(r.out.contains(QStringLiteral("\tapplied\tgpus.txt\tstatistic edit"))) << qPrintable(r.out);

    ws.write(QStringLiteral("broken.json"), R"({"claimlens-corrections": 1, "corrections": [{"document": "x", "item": "claim", "action": "approve"}]})");
    r = cli({QStringLiteral("review"), QStringLiteral("import"), ws.path(QStringLiteral("broken.json"))}, theirs);
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(r.err.contains(QStringLiteral("broken.json: correction 1: unknown action \"approve\" (nothing was imported)")))
        << qPrintable(r.err);
}

TEST(CliProcess, ReadsTheAnalystsKnowledgeEditsOnTopOfTheShippedKnowledge)
{
    // the file the window's Merge, Add and Not a Company write (knowledge/KnowledgeEdits.h), in the
    // data folder the CLI reads too
    test::Workspace ws;
    ws.write(QStringLiteral("in/deal.txt"), "Deal Day\n\nJune 6, 2024\n\n"
                                            "The start-up Quillfeather signed a deal with the start-up Zorblat. "
                                            "Moonshot said it would follow.\n");
    ws.write(QStringLiteral("share/claimlens/knowledge.json"), R"({"edits": [
        {"action": "merge", "kind": "company", "names": ["Moonshot"], "into": "Moonshot Labs"},
        {"action": "exclude", "kind": "company", "name": "Zorblat"}]})");
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("XDG_DATA_HOME"), ws.path(QStringLiteral("share")));
    env.insert(QStringLiteral("CLAIMLENS_DB"), ws.database());
    p.setProcessEnvironment(env);
    auto run = [&](const QStringList& args) {
        p.start(QStringLiteral(CLAIMLENS_CLI), args);
        p.waitForFinished(60000);
        EXPECT_EQ(p.exitCode(), 0) << qPrintable(QString::fromUtf8(p.readAllStandardError()));
        return QString::fromUtf8(p.readAllStandardOutput());
    };
    run({QStringLiteral("ingest"), ws.path(QStringLiteral("in"))});
    QStringList companies;
    for (const auto& v : QJsonDocument::fromJson(run({QStringLiteral("list"), QStringLiteral("companies"), QStringLiteral("--json")}).toUtf8()).array())
        companies.append(v.toObject().value(QStringLiteral("name")).toString());
    companies.sort();
    EXPECT_EQ(companies, (QStringList{QStringLiteral("Moonshot Labs"), QStringLiteral("Quillfeather")}));
}
