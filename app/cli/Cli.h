#pragma once

#include "store/Database.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace claimlens {

/// Removes "--name VALUE" from args; returns VALUE, or a null string when absent.
QString takeOption(QStringList& args, const QString& name, bool* missingValue = nullptr);
/// Removes every "--name" from args; true when there was one.
bool takeFlag(QStringList& args, const QString& name);

/// claimlens-cli: ingest, list, show, search, export and stats over a Claimlens database.
class Cli {
public:
    enum ExitCode { Ok = 0, SomeSkipped = 1, Usage = 2, DatabaseError = 3, NotFound = 4 };

    Cli(QTextStream& out, QTextStream& err) : m_out(out), m_err(err) {}
    /// `args` without the program name.
    int run(QStringList args);

    /// --db, else $CLAIMLENS_DB, else claimlens.sqlite in the user's data folder.
    static QString defaultDatabasePath();

private:
    int ingest(const QStringList& args);
    int list(const QStringList& args);
    int show(const QStringList& args);
    int search(const QStringList& args);
    int exportStore(const QStringList& args);
    int stats(const QStringList& args);
    int reextract(const QStringList& args);
    int extract(const QStringList& args);
    int chart(const QStringList& args);
    int check(const QStringList& args);
    int review(const QStringList& args);  ///< in ReviewCommand.cpp
    int usage(const QString& problem = {});
    /// The database, opened for reading (the commands that write run jobs that open their own), or
    /// nothing after saying why on stderr.
    std::optional<Database> openDatabase();

    QTextStream& m_out;
    QTextStream& m_err;
    QString m_db;
    QString m_command;  ///< the command named on the command line, for its usage text
};

}  // namespace claimlens
