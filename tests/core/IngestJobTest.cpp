#include "ingest/IngestJob.h"
#include "query/DocumentQuery.h"
#include "store/Database.h"

#include "TestSupport.h"

#include <QCryptographicHash>
#include <QFile>

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

using namespace claimlens;
using claimlens::test::Workspace;

namespace {

QByteArray article(int n)
{
    return QStringLiteral("Model Release Number %1\n\nBy Li Wei and Sarah Chen\n\nCompany %1 released a model. "
                          "It scored %1 points on a benchmark.\n")
        .arg(n)
        .toUtf8();
}

int count(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql);
    return stmt && stmt->step() ? stmt->integer(0) : -1;
}

IngestResult ingest(const Workspace& ws, const QStringList& paths, int batch = 250)
{
    return IngestJob({paths, ws.database(), batch}).run();
}

}  // namespace

TEST(IngestJob, ReadsAFolderAndReportsSkippedFilesByName)
{
    Workspace ws;
    ws.write(QStringLiteral("in/a.txt"), article(1));
    ws.write(QStringLiteral("in/b.md"), article(2));
    const QString empty = ws.write(QStringLiteral("in/empty.txt"), "");
    const QString blank = ws.write(QStringLiteral("in/blank.txt"), "  \n\n ");
    const QString binary = ws.write(QStringLiteral("in/binary.txt"), QByteArray("\x00\x01\x02garbage", 10));
    // A file that opens but cannot be read: /proc/self/mem answers reads at offset 0 with EIO.
    const QString unreadable = ws.path(QStringLiteral("in/unreadable.txt"));
    ASSERT_EQ(symlink("/proc/self/mem", unreadable.toLocal8Bit().constData()), 0);

    const IngestResult r = ingest(ws, {ws.path(QStringLiteral("in"))});
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_EQ(r.imported, 2);
    ASSERT_EQ(r.skipped.size(), 4u);
    QStringList reasons;
    for (const auto& s : r.skipped)
        reasons.append(QFileInfo(s.path).fileName() + QStringLiteral(": ") + s.reason);
    reasons.sort();
    EXPECT_TRUE(reasons[0].startsWith(QStringLiteral("binary.txt: binary"))) << qPrintable(reasons.join(u'\n'));
    EXPECT_TRUE(reasons[1].startsWith(QStringLiteral("blank.txt: empty"))) << qPrintable(reasons[1]);
    EXPECT_TRUE(reasons[2].startsWith(QStringLiteral("empty.txt: empty"))) << qPrintable(reasons[2]);
    EXPECT_TRUE(reasons[3].startsWith(QStringLiteral("unreadable.txt: cannot read"))) << qPrintable(reasons[3]);
    (void)empty, (void)blank, (void)binary;
}

TEST(IngestJob, SameTextTwiceIsStoredOnceAndTheSecondPathRecorded)
{
    Workspace ws;
    const QString a = ws.write(QStringLiteral("a.txt"), article(1));
    const QString copy = ws.write(QStringLiteral("copy/a-again.txt"), article(1));
    const QString crlf = ws.write(QStringLiteral("copy/a-crlf.txt"), article(1).replace("\n", "\r\n"));
    IngestResult r = ingest(ws, {a, copy, crlf});
    EXPECT_EQ(r.imported, 1);
    EXPECT_EQ(r.duplicates, 2);  // the CRLF copy normalises to the same text

    r = ingest(ws, {a, copy});
    EXPECT_EQ(r.imported, 0);
    EXPECT_EQ(r.duplicates, 0);
    EXPECT_EQ(r.unchanged, 2);

    auto db = Database::open(ws.database());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM documents"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM duplicates"), 2);
}

// A database from before hashes were BLAKE2b holds SHA-256 digests of the texts' UTF-16: once
// migrated, its files are still recognised as stored, not read again as changed.
TEST(IngestJob, FilesStoredUnderTheOldHashAreStillKnownAfterTheMigration)
{
    Workspace ws;
    const QString a = ws.write(QStringLiteral("a.txt"), article(1));
    const QString copy = ws.write(QStringLiteral("b.txt"), article(1));
    ASSERT_EQ(ingest(ws, {a}).imported, 1);
    {
        auto db = Database::open(ws.database());
        auto text = db->prepare("SELECT clean_text FROM documents");
        ASSERT_TRUE(text && text->step());
        const QString clean = text->text(0);
        text->reset();  // no statement may be running while a table is dropped
        const QByteArrayView units(reinterpret_cast<const char*>(clean.utf16()), clean.size() * 2);
        const QString sha = QString::fromLatin1(QCryptographicHash::hash(units, QCryptographicHash::Sha256).toHex());
        // (a version 5 database: its statistics have no kind yet, and there is no review)
        const Status changed = db->exec(QStringLiteral("UPDATE documents SET content_hash = '%1'; ALTER TABLE statistics DROP COLUMN kind;"
                                            " DROP TABLE corrections; ALTER TABLE statistics DROP COLUMN review;"
                                            " ALTER TABLE claims DROP COLUMN review; ALTER TABLE events DROP COLUMN review;"
                                            " ALTER TABLE mentions DROP COLUMN review;"
                                            " ALTER TABLE statistic_values DROP COLUMN reviewed; PRAGMA user_version = 5")
                                 .arg(sha)
                                 .toUtf8()
                                 .constData());
        ASSERT_TRUE(changed.ok()) << changed.error().toStdString();
    }
    const IngestResult r = ingest(ws, {a, copy});
    EXPECT_EQ(r.unchanged, 1);
    EXPECT_EQ(r.duplicates, 1);  // the same text at a new path is found by its (new) hash
    EXPECT_EQ(r.imported + r.updated, 0);
}

TEST(IngestJob, AChangedFileReplacesItsDocument)
{
    Workspace ws;
    const QString a = ws.write(QStringLiteral("a.txt"), article(1));
    ASSERT_EQ(ingest(ws, {a}).imported, 1);
    ws.write(QStringLiteral("a.txt"), article(2));
    const IngestResult r = ingest(ws, {a});
    EXPECT_EQ(r.updated, 1);
    auto db = Database::open(ws.database());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM documents"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences WHERE text LIKE 'Company 1 %'"), 0);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences WHERE text LIKE 'Company 2 %'"), 1);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '\"Company 1\"'"), 0);
    EXPECT_EQ(count(*db, "SELECT count(*) FROM blocks"), 3);
}

TEST(IngestJob, CancelStopsAndKeepsWhatWasCommitted)
{
    Workspace ws;
    for (int i = 0; i < 20; ++i)
        ws.write(QStringLiteral("in/%1.txt").arg(i, 2, 10, QLatin1Char('0')), article(i));
    struct CancelAfter : IngestProgress {
        std::atomic_bool* flag;
        void fileDone(int done, int, const QString&) override
        {
            if (done == 5)
                flag->store(true);
        }
    } progress;
    std::atomic_bool cancel{false};
    progress.flag = &cancel;
    const IngestResult r = IngestJob({{ws.path(QStringLiteral("in"))}, ws.database(), 3}).run(&progress, &cancel);
    EXPECT_TRUE(r.cancelled);
    EXPECT_EQ(r.imported, 5);
    auto db = Database::open(ws.database());
    EXPECT_EQ(count(*db, "SELECT count(*) FROM documents"), 5);
}

// A process killed in the middle of a batch loses that batch whole, never half a document; the
// same ingest run again picks up where the committed batches end.
TEST(IngestJob, KilledMidIngestLeavesNoHalfDocumentAndResumes)
{
    Workspace ws;
    for (int i = 0; i < 12; ++i)
        ws.write(QStringLiteral("in/%1.txt").arg(i, 2, 10, QLatin1Char('0')), article(i));

    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        struct DieAfter : IngestProgress {
            void fileDone(int done, int, const QString&) override
            {
                if (done == 7)
                    _exit(9);  // no destructors, no rollback: as if killed
            }
        } die;
        (void)IngestJob({{ws.path(QStringLiteral("in"))}, ws.database(), 3}).run(&die);
        _exit(0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    ASSERT_EQ(WEXITSTATUS(status), 9);

    {
        auto db = Database::open(ws.database());
        ASSERT_TRUE(db.ok()) << qPrintable(db.error());
        auto check = db->prepare("PRAGMA integrity_check");
        ASSERT_TRUE(check->step());
        EXPECT_EQ(check->text(0), QStringLiteral("ok"));
        EXPECT_EQ(count(*db, "SELECT count(*) FROM documents"), 6);  // two batches of three
        EXPECT_EQ(count(*db, "SELECT count(*) FROM documents d WHERE NOT EXISTS"
                             " (SELECT 1 FROM sentences s WHERE s.document_id = d.id)"),
                  0);
    }
    const IngestResult again = ingest(ws, {ws.path(QStringLiteral("in"))}, 3);
    EXPECT_EQ(again.unchanged, 6);
    EXPECT_EQ(again.imported, 6);
}

TEST(IngestJob, ADatabaseThatCannotOpenIsAnErrorNamingIt)
{
    Workspace ws;
    ws.write(QStringLiteral("a.txt"), article(1));
    const QString bad = ws.write(QStringLiteral("bad.sqlite"), QByteArray(8192, 'z'));
    const IngestResult r = IngestJob({{ws.path(QStringLiteral("a.txt"))}, bad}).run();
    EXPECT_FALSE(r.ok());
    EXPECT_TRUE(r.error.contains(bad)) << qPrintable(r.error);
}
