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

    const CollectedFiles found = FileCollector::collect({ws.path()});
    ASSERT_EQ(found.files.size(), 3);
    EXPECT_TRUE(found.files[0].endsWith(QStringLiteral("a/deeper/third.text")));
    EXPECT_TRUE(found.files[1].endsWith(QStringLiteral("a/first.md")));
    EXPECT_TRUE(found.files[2].endsWith(QStringLiteral("b/second.txt")));
    EXPECT_EQ(found.ignored, 1);
    EXPECT_TRUE(found.skipped.empty());
}

TEST(FileCollector, NamedFilesReportedWhenMissingOrUnsupported)
{
    Workspace ws;
    const QString txt = ws.write(QStringLiteral("one.txt"), "x");
    const QString pdf = ws.write(QStringLiteral("report.docx"), "x");
    const CollectedFiles found = FileCollector::collect({txt, pdf, ws.path(QStringLiteral("missing.txt")), txt});
    ASSERT_EQ(found.files.size(), 1);  // the same file named twice is read once
    ASSERT_EQ(found.skipped.size(), 2u);
    EXPECT_EQ(found.skipped[0].path, pdf);
    EXPECT_TRUE(found.skipped[0].reason.contains(QStringLiteral("unsupported")));
    EXPECT_TRUE(found.skipped[1].reason.contains(QStringLiteral("no such file")));
}
