#include "TestSupport.h"

#include "ingest/IngestJob.h"

#include <QFile>

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

QString testData(const QString& relative)
{
    return QDir(QStringLiteral(CLAIMLENS_TEST_DATA)).filePath(relative);
}

}  // namespace claimlens::test
