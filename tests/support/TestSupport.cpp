#include "TestSupport.h"

#include "ingest/IngestJob.h"

#include <QFile>
#include <QRegularExpression>

#include <gtest/gtest.h>
#include <QFileInfo>

namespace claimlens::test {

Workspace::Workspace() = default;

QString Workspace::path(const QString& name) const
{
    return name.isEmpty() ? m_dir.path() : QDir(m_dir.path()).filePath(name);
}

QString Workspace::write(const QString& name, const QByteArray& bytes) const
{
    const QString file = path(name);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
    return QFileInfo(file).absoluteFilePath();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::optional<claimlens::Database> ingestAndOpen(const Workspace& ws, const QString& folder, int expectedDocuments)
{
    const claimlens::IngestResult r = claimlens::IngestJob({{ws.path(folder)}, ws.database()}).run();
    EXPECT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_EQ(r.imported, expectedDocuments);
    auto db = claimlens::Database::open(ws.database());
    EXPECT_TRUE(db.ok());
    if (!r.ok() || r.imported != expectedDocuments || !db)
        return std::nullopt;
    return std::move(db.value());
}

QStringList integrityProblems(claimlens::Database& db)
{
    QStringList problems;
    auto check = db.prepare("PRAGMA integrity_check");
    if (!check)
        return {check.error()};
    static const QRegularExpression nullValue(QStringLiteral("^NULL value in (\\w+)\\.(\\w+)$"));
    while (check->step()) {
        const QString line = check->text(0);
        if (line == QLatin1String("ok"))
            continue;
        if (const auto m = nullValue.match(line); m.hasMatch()) {
            auto nulls = db.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 IS NULL")
                                        .arg(m.captured(1), m.captured(2))
                                        .toUtf8()
                                        .constData());
            if (nulls && nulls->step() && nulls->int64(0) == 0)
                continue;
        }
        problems.append(line);
    }
    problems.removeDuplicates();
    return problems;
}

QString testData(const QString& relative)
{
    return QDir(QStringLiteral(CLAIMLENS_TEST_DATA)).filePath(relative);
}

}  // namespace claimlens::test
