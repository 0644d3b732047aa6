#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <memory>
#include <optional>
#include <type_traits>

// SQLite's handles, declared only: <sqlite3.h> is the store's own (its library links SQLite
// privately), so nothing above the store can call SQLite directly.
struct sqlite3;
struct sqlite3_stmt;

namespace claimlens {

/// A prepared statement. Binds are 1-based like SQLite's; columns 0-based.
class Statement {
public:
    Statement() = default;
    explicit Statement(sqlite3_stmt* stmt) : m_stmt(stmt) {}

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, const QString& value);  ///< a null QString binds NULL
    Statement& bind(int index, const QByteArray& value);
    /// UTF-8 text, not copied: `utf8` must stay as it is until the statement is reset.
    Statement& bindText(int index, const QByteArray& utf8);
    Statement& bindNull(int index);
    template <typename T>
    Statement& bind(int index, const std::optional<T>& value)
    {
        return value ? bind(index, *value) : bindNull(index);
    }

    /// Runs one step: true when a row is ready, false when done. Errors come back through `status`.
    bool step();
    /// Calls `row(*this)` for each row, then says whether the statement ran to its end or stopped
    /// on an error: a loop written this way cannot take a failure for the last row. A `row` that
    /// returns a Status stops the loop at its first failure, which is then what forEach returns.
    template <typename F>
    [[nodiscard]] Status forEach(F&& row)
    {
        while (step()) {
            if constexpr (std::is_same_v<std::invoke_result_t<F&, const Statement&>, Status>) {
                if (Status s = row(static_cast<const Statement&>(*this)); !s)
                    return s;
            } else {
                row(static_cast<const Statement&>(*this));
            }
        }
        return m_status;
    }
    /// Steps to the one row a statement returns: the row, or "none" when the statement ran to its
    /// end without one, or the error it stopped on (which a plain `if (step())` would take for "none").
    [[nodiscard]] Result<bool> stepOne()
    {
        if (step())
            return true;
        if (!m_status)
            return Error{m_status.error()};
        return false;
    }
    /// Runs to completion, for statements that return no rows.
    Status exec();
    void reset();

    std::int64_t int64(int column) const;
    int integer(int column) const { return static_cast<int>(int64(column)); }
    double real(int column) const;
    QString text(int column) const;  ///< NULL reads as a null QString
    bool isNull(int column) const;

    /// The error of the last step, if it failed.
    const Status& status() const { return m_status; }
    bool valid() const { return m_stmt != nullptr; }

private:
    struct Finalizer {
        void operator()(sqlite3_stmt* s) const;
    };
    std::unique_ptr<sqlite3_stmt, Finalizer> m_stmt;
    Status m_status;
};

/// An open SQLite connection, closed when the object goes. One per thread: SQLite connections
/// are not shared between the GUI and worker jobs.
class Database {
public:
    /// Opens (creating when needed) with WAL, foreign keys and a busy timeout, and migrates the
    /// schema to the current version.
    static Result<Database> open(const QString& path);
    /// Opens an existing database for reading only, as commands that only read do: never creates
    /// or migrates it, and works where nothing may be written (a read-only file or folder, where
    /// SQLite cannot make the files WAL reading needs, is then read as it lies).
    static Result<Database> openForReading(const QString& path);
    /// Opens without touching the schema (for tests of migrations and for read-only tools).
    static Result<Database> openRaw(const QString& path);

    Status exec(const char* sql);
    Result<Statement> prepare(const char* sql);
    std::int64_t lastInsertId() const;
    int changes() const;
    QString lastError() const;
    const QString& path() const { return m_path; }
    /// Opened on a file this process may not write (Database::open still opens it, for browsing).
    bool isReadOnly() const;
    /// What a writer says when isReadOnly().
    static QString readOnlyMessage();
    /// The SQLite connection, for the store's own code (which includes <sqlite3.h>).
    sqlite3* handle() const { return m_db.get(); }

    /// Stops the statement running on this connection, if any, with SQLITE_INTERRUPT. The one call
    /// that may come from another thread than the connection's (while the connection is open).
    void interrupt();

    /// Changes whenever the database may have: commits by other connections (PRAGMA data_version)
    /// and this connection's own changes (its total change count). Equal versions, equal content.
    struct DataVersion {
        std::int64_t others = -1;
        std::int64_t own = -1;
        bool operator==(const DataVersion&) const = default;
    };
    Result<DataVersion> dataVersion();

    int userVersion();
    Status setUserVersion(int version);

    /// While it lives, says who is writing to the database at `path` (a note beside it,
    /// PATH.writer: "claimlens-cli ingest, process 1234, since 10:02:03"), so that another program
    /// kept waiting can say who holds the lock. Writers (ingest, re-extraction) make one.
    class WriterNote {
    public:
        WriterNote(const QString& path, const QString& what);
        ~WriterNote();
        WriterNote(const WriterNote&) = delete;
        WriterNote& operator=(const WriterNote&) = delete;

    private:
        QString m_file;
    };
    /// Who the note beside `path` says is writing, if a live process wrote it; else empty.
    static QString currentWriter(const QString& path);
    static constexpr int kBusyTimeoutMs = 5000;

    /// A transaction that rolls back unless committed.
    class Transaction {
    public:
        explicit Transaction(Database& db);
        ~Transaction();
        Transaction(const Transaction&) = delete;
        Transaction& operator=(const Transaction&) = delete;
        Status begin();
        Status commit();
        void rollback();

    private:
        Database& m_db;
        bool m_open = false;
    };

private:
    static Result<Database> openWith(const QString& path, const QByteArray& name, int flags);
    struct Closer {
        void operator()(sqlite3* db) const;
    };
    std::unique_ptr<sqlite3, Closer> m_db;
    QString m_path;
};

}  // namespace claimlens
