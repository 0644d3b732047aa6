#include "read/FileCollector.h"

#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

using namespace claimlens;
using claimlens::test::Workspace;

TEST(FileCollector, RecursiveSortedAndFiltered)
{
    Workspace ws;
    ws.write(QStringLiteral("b/second.txt"), "b");
    ws.write(QStringLiteral("a/first.md"), "a");
    ws.write(QStringLiteral("a/deeper/third.text"), "c");
    ws.write(QStringLiteral("a/picture.png"), "\x89PNG");
    ws.write(QStringLiteral(".hidden/secret.txt"), "x");
    ws.write(QStringLiteral("a/.notes.txt"), "x");

    FileCollector collector({ws.path(), ws.path(QStringLiteral("a"))});  // a folder inside another is walked once
    QStringList files;
    collector.forEach([&](const QString& f) {
        files.append(f);
        return true;
    });
    ASSERT_EQ(files.size(), 3);
    EXPECT_TRUE(files[0].endsWith(QStringLiteral("a/deeper/third.text")));
    EXPECT_TRUE(files[1].endsWith(QStringLiteral("a/first.md")));
    EXPECT_TRUE(files[2].endsWith(QStringLiteral("b/second.txt")));
    EXPECT_EQ(collector.ignored(), 1);
    EXPECT_TRUE(collector.skipped().empty());
    EXPECT_EQ(collector.count(), 3);
}

TEST(FileCollector, NamedFilesReportedWhenMissingOrUnsupported)
{
    Workspace ws;
    const QString txt = ws.write(QStringLiteral("one.txt"), "x");
    const QString pdf = ws.write(QStringLiteral("report.docx"), "x");
    FileCollector collector({txt, pdf, ws.path(QStringLiteral("missing.txt")), txt});
    EXPECT_EQ(collector.count(), 1);  // the same file named twice is read once
    const auto& skipped = collector.skipped();
    ASSERT_EQ(skipped.size(), 2u);
    EXPECT_EQ(skipped[0].path, pdf);
    EXPECT_TRUE(skipped[0].reason.contains(QStringLiteral("unsupported")));
    EXPECT_TRUE(skipped[1].reason.contains(QStringLiteral("no such file")));
}

namespace {

QStringList walk(FileCollector& collector)
{
    QStringList files;
    collector.forEach([&](const QString& f) {
        files.append(f);
        return true;
    });
    return files;
}

QString reasonFor(const FileCollector& collector, const QString& pathEnd)
{
    for (const SkippedFile& s : collector.skipped())
        if (s.path.endsWith(pathEnd))
            return s.reason;
    return {};
}

}  // namespace

TEST(FileCollector, LinksThatLoopAreWalkedOnceAndSpecialFilesAreNamed)
{
    Workspace ws;
    ws.write(QStringLiteral("L/sub/article.txt"), "x");
    ws.write(QStringLiteral("L/top.txt"), "x");
    ASSERT_TRUE(QFile::link(ws.path(QStringLiteral("L")), ws.path(QStringLiteral("L/self"))));
    ASSERT_TRUE(QFile::link(ws.path(QStringLiteral("L")), ws.path(QStringLiteral("L/sub/up"))));
    ASSERT_TRUE(QFile::link(QStringLiteral("/dev/zero"), ws.path(QStringLiteral("L/zero.txt"))));
    ASSERT_TRUE(QFile::link(ws.path(QStringLiteral("nowhere.txt")), ws.path(QStringLiteral("L/dangling.txt"))));
    ASSERT_EQ(::mkfifo(QFile::encodeName(ws.path(QStringLiteral("L/pipe.txt"))).constData(), 0600), 0);
    // a name that is not UTF-8 (Latin-1 "é")
    const QByteArray latin1 = QFile::encodeName(ws.path(QStringLiteral("L"))) + "/caf\xe9.txt";
    {
        const int fd = ::open(latin1.constData(), O_CREAT | O_WRONLY, 0600);
        ASSERT_GE(fd, 0);
        ::close(fd);
    }

    FileCollector collector({ws.path(QStringLiteral("L"))});
    const QStringList files = walk(collector);
    ASSERT_EQ(files.size(), 2) << qPrintable(files.join(u'\n'));  // the loops add no fake copies
    EXPECT_TRUE(files[0].endsWith(QStringLiteral("L/sub/article.txt")));
    EXPECT_TRUE(files[1].endsWith(QStringLiteral("L/top.txt")));
    EXPECT_TRUE(reasonFor(collector, QStringLiteral("zero.txt")).contains(QStringLiteral("a device"))) << qPrintable(reasonFor(collector, QStringLiteral("zero.txt")));
    EXPECT_TRUE(reasonFor(collector, QStringLiteral("pipe.txt")).contains(QStringLiteral("FIFO")));
    EXPECT_TRUE(reasonFor(collector, QStringLiteral("dangling.txt")).contains(QStringLiteral("link to nothing")));
    EXPECT_TRUE(reasonFor(collector, QStringLiteral(".txt")).size() > 0);
    bool namedBadName = false;
    for (const SkippedFile& s : collector.skipped())
        namedBadName |= s.reason.contains(QStringLiteral("not valid UTF-8"));
    EXPECT_TRUE(namedBadName);
}

TEST(FileCollector, ReadFileRefusesSpecialFilesAndFilesOverTheLimit)
{
    Workspace ws;
    const QString fifo = ws.path(QStringLiteral("pipe.txt"));
    ASSERT_EQ(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    auto r = FileCollector::readFile(fifo);  // returns at once: nobody writes to the pipe
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().contains(QStringLiteral("FIFO"))) << qPrintable(r.error());
    r = FileCollector::readFile(QStringLiteral("/dev/zero"));
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().contains(QStringLiteral("device")));

    const QString big = ws.write(QStringLiteral("big.txt"), QByteArray(3 * 1024 * 1024, 'a'));
    r = FileCollector::readFile(big, 2 * 1024 * 1024);
    ASSERT_FALSE(r);
    EXPECT_TRUE(r.error().contains(QStringLiteral("too large (3.0 MiB; files over 2 MiB are not read)"))) << qPrintable(r.error());
    r = FileCollector::readFile(big);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->size(), 3 * 1024 * 1024);
}

TEST(FileCollector, AnUnreadableFolderIsNamed)
{
    Workspace ws;
    if (::geteuid() == 0) {
        // Root reads every folder: the collector is tried through the CLI run as the user nobody.
        QString why;
        const auto user = claimlens::test::unprivileged(ws, QStringLiteral(CLAIMLENS_CLI), &why);
        if (!user)
            GTEST_SKIP() << qPrintable(why);
        ws.write(QStringLiteral("in/locked/a.txt"), "A locked article about chips. Nobody may read it.\n");
        ws.write(QStringLiteral("in/open/b.txt"), "An open article about chips. Huawei makes them.\n");
        const QString shelf = ws.path(QStringLiteral("shelf"));
        ASSERT_TRUE(QDir().mkpath(shelf));
        ASSERT_TRUE(claimlens::test::giveTo(*user, shelf));
        ASSERT_TRUE(QFile::setPermissions(ws.path(QStringLiteral("in/locked")), QFileDevice::Permissions()));
        QProcess cli;
        cli.start(user->program, user->prefix + QStringList{QStringLiteral("--db"), shelf + QStringLiteral("/x.sqlite"),
                                                            QStringLiteral("ingest"), ws.path(QStringLiteral("in"))});
        ASSERT_TRUE(cli.waitForFinished(60000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QFile::setPermissions(ws.path(QStringLiteral("in/locked")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        EXPECT_EQ(cli.exitCode(), 1) << qPrintable(err);  // something skipped
        EXPECT_TRUE(out.contains(QStringLiteral("1 files: 1 imported"))) << qPrintable(out);
        EXPECT_TRUE(err.contains(ws.path(QStringLiteral("in/locked")) + QStringLiteral(": cannot read folder"))) << qPrintable(err);
        return;
    }
    ws.write(QStringLiteral("locked/a.txt"), "x");
    ws.write(QStringLiteral("open/b.txt"), "x");
    QFile::setPermissions(ws.path(QStringLiteral("locked")), QFileDevice::Permissions());
    FileCollector collector({ws.path()});
    const QStringList files = walk(collector);
    QFile::setPermissions(ws.path(QStringLiteral("locked")), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    EXPECT_EQ(files.size(), 1);
    EXPECT_TRUE(reasonFor(collector, QStringLiteral("locked")).contains(QStringLiteral("cannot read folder")));
}
