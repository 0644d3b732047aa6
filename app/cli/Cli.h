#pragma once

#include "store/Database.h"

#include <QStringList>
#include <QTextStream>

#include <optional>

namespace claimlens {

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
