#pragma once

#include <QByteArray>
#include <QDir>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include "store/Database.h"

#include <optional>

#include <sys/types.h>

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

/// For tests of what file permissions deny, which root is never denied: a way to run a program
/// as an unprivileged user even when the tests run as root (as CI does).
struct Unprivileged {
    /// What to start instead of the program (and before its arguments): nothing when this process
    /// is not root, else setpriv dropping to the user nobody.
    QString program;
    QStringList prefix;
    uid_t uid = 0;  ///< who the program runs as
    gid_t gid = 0;
};
/// How to run programs unprivileged here; nullopt (with `why`) when this process is root and
/// cannot drop to another user (no setpriv, no right to change user, or nobody cannot reach the
/// program). `workspace` (its folder opened to everyone, as a user's own folders are to them) is
/// where the test's files lie.
std::optional<Unprivileged> unprivileged(const Workspace& workspace, const QString& program, QString* why);
/// Makes `path` belong to the user `u` runs as (nothing to do when not root).
bool giveTo(const Unprivileged& u, const QString& path);
/// Ingests `folder` of the workspace into its database and opens that database; fails the
/// calling test (through gtest assertions) when the ingest does not read every file.
std::optional<claimlens::Database> ingestAndOpen(const Workspace& ws, const QString& folder, int expectedDocuments);
QString testData(const QString& relative);
/// What PRAGMA integrity_check finds wrong, empty when the file is sound. SQLite 3.40 (Debian 12)
/// reports "NULL value in T.C" for NOT NULL columns of WITHOUT ROWID tables whose key columns come
/// in another order than the table's; such a line counts only when T really has a NULL in C.
QStringList integrityProblems(claimlens::Database& db);

}  // namespace claimlens::test
