#include "read/FileCollector.h"

#include "TestSupport.h"

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
