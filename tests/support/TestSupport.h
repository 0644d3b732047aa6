#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "store/Database.h"

#include <optional>

#include <ostream>

// Readable gtest failure messages for Qt strings.
inline void PrintTo(const QString& s, std::ostream* os)
{
    *os << '"' << s.toStdString() << '"';
}
inline void PrintTo(const QStringList& list, std::ostream* os)
{
    *os << "{";
    for (const QString& s : list)
        *os << "\n  \"" << s.toStdString() << '"';
    *os << " }";
}

namespace claimlens::test {

/// A temporary folder for one test, with helpers to write files into it.
class Workspace {
public:
    Workspace();
    QString path(const QString& name = {}) const;
    /// Writes bytes to `name` (folders created), returns the absolute path.
    QString write(const QString& name, const QByteArray& bytes) const;
    QString database() const { return path(QStringLiteral("test.sqlite")); }

private:
    QTemporaryDir m_dir;
};

QByteArray readAll(const QString& path);
/// Ingests `folder` of the workspace into its database and opens that database; fails the
/// calling test (through gtest assertions) when the ingest does not read every file.
std::optional<claimlens::Database> ingestAndOpen(const Workspace& ws, const QString& folder, int expectedDocuments);
QString testData(const QString& relative);
/// What PRAGMA integrity_check finds wrong, empty when the file is sound. SQLite 3.40 (Debian 12)
/// reports "NULL value in T.C" for NOT NULL columns of WITHOUT ROWID tables whose key columns come
/// in another order than the table's; such a line counts only when T really has a NULL in C.
QStringList integrityProblems(claimlens::Database& db);

}  // namespace claimlens::test
