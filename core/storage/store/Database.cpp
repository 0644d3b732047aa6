#include "store/Database.h"

#include "store/CjkTokenizer.h"
#include "store/FilterFunctions.h"
#include "store/Schema.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <sqlite3.h>

#include <cerrno>
#include <signal.h>
#include <unistd.h>

namespace claimlens {
namespace {

/// SQLite's message for a failure, with what the user can do about the common ones.
QString describeFailure(sqlite3* db, int rc, QString message)
{
    const QString path = QString::fromUtf8(sqlite3_db_filename(db, "main"));
    switch (rc & 0xFF) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: {
        const QString writer = Database::currentWriter(path);
        return QStringLiteral("%1: another program is writing to the database%2; waited %3 s for it. Run this again "
                              "when it has finished")
            .arg(message, writer.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(writer))
            .arg(Database::kBusyTimeoutMs / 1000);
    }
    case SQLITE_FULL:
        return QStringLiteral("%1: the disk is full").arg(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return QStringLiteral("%1 (the database file is damaged; 'claimlens-cli check' says where)").arg(message);
    case SQLITE_READONLY:
        return QStringLiteral("%1 (the database, or the folder it is in, is read-only)").arg(message);
    default:
        return message;
    }
}

}  // namespace

void Statement::Finalizer::operator()(sqlite3_stmt* s) const
{
    sqlite3_finalize(s);
}

void Database::Closer::operator()(sqlite3* db) const
{
    sqlite3_close_v2(db);
}

Statement& Statement::bind(int index, std::int64_t value)
{
    sqlite3_bind_int64(m_stmt.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt.get(), index, value);
    return *this;
}

Statement& Statement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    // The database is UTF-8: converting here (Qt's SIMD path) beats SQLite's own UTF-16 translation.
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt.get(), index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bind(int index, const QByteArray& value)
{
    sqlite3_bind_blob(m_stmt.get(), index, value.constData(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
}

Statement& Statement::bindText(int index, const QByteArray& utf8)
{
    sqlite3_bind_text(m_stmt.get(), index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_STATIC);
    return *this;
}

Statement& Statement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt.get(), index);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt.get());
    if (rc == SQLITE_ROW) {
        m_status = Status::success();
        return true;
    }
    if (rc == SQLITE_DONE)
        m_status = Status::success();
    else
        m_status = Error{describeFailure(sqlite3_db_handle(m_stmt.get()), rc,
                                         QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_stmt.get()))))};
    return false;
}

Status Statement::exec()
{
    Status result = forEach([](const Statement&) {});
    reset();
    return result;
}

void Statement::reset()
{
    sqlite3_reset(m_stmt.get());
    sqlite3_clear_bindings(m_stmt.get());
}

std::int64_t Statement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt.get(), column);
}

double Statement::real(int column) const
{
    return sqlite3_column_double(m_stmt.get(), column);
}

QString Statement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt.get(), column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt.get(), column));
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt.get(), column) == SQLITE_NULL;
}

Result<Database> Database::openRaw(const QString& path)
{
    return openWith(path, path.toUtf8(), SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
}

Result<Database> Database::openWith(const QString& path, const QByteArray& name, int flags)
{
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(name.constData(), &raw, flags, nullptr);
    Database db;
    db.m_db.reset(raw);
    db.m_path = path;
    if (rc != SQLITE_OK)
        return Error{QStringLiteral("%1: cannot open database: %2").arg(path, QString::fromUtf8(sqlite3_errstr(rc)))};
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    sqlite3_extended_result_codes(raw, 1);
    if (const int tokenizer = registerCjkTokenizer(raw); tokenizer != SQLITE_OK)
        return Error{QStringLiteral("%1: cannot prepare full-text search: %2").arg(path, QString::fromUtf8(sqlite3_errstr(tokenizer)))};
    if (const int function = registerFilterFunctions(raw); function != SQLITE_OK)
        return Error{QStringLiteral("%1: cannot prepare full-text search: %2").arg(path, QString::fromUtf8(sqlite3_errstr(function)))};
    return db;
}

bool Database::isReadOnly() const
{
    return sqlite3_db_readonly(m_db.get(), "main") == 1;
}

QString Database::readOnlyMessage()
{
    return QStringLiteral("the database is read-only (the file, or the folder it is in, does not allow writing)");
}

Result<Database> Database::openForReading(const QString& path)
{
    auto checked = [&](Result<Database> db) -> Result<Database> {
        if (!db)
            return db;
        const int version = db->userVersion();
        if (version < 0)
            return Error{QStringLiteral("%1: %2").arg(path, db->lastError())};
        if (version != Schema::currentVersion())
            return Error{QStringLiteral("%1 has schema version %2 and this program reads %3: open it once with a "
                                        "command that writes (ingest, reextract), where it may be written, to bring it "
                                        "up to date")
                             .arg(path)
                             .arg(version)
                             .arg(Schema::currentVersion())};
        return db;
    };
    auto db = checked(openWith(path, path.toUtf8(), SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX));
    if (db)
        return db;
    // A WAL database needs its -shm file, which a read-only folder does not let SQLite make: read
    // the file as it lies (immutable), as nothing can be writing where nothing may be written.
    const QByteArray uri = "file:" + QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).path(QUrl::FullyEncoded).toUtf8() +
                           "?immutable=1";
    if (auto immutable = checked(openWith(path, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI)))
        return immutable;
    return db;
}

Result<Database> Database::open(const QString& path)
{
    auto db = openRaw(path);
    if (!db)
        return db;
    if (db->isReadOnly()) {  // a read-only file can be browsed when it needs no migration
        const int version = db->userVersion();
        if (version < 0)  // in a read-only folder SQLite cannot even read it this way
            return Error{QStringLiteral("%1: %2").arg(path, readOnlyMessage())};
        if (version != Schema::currentVersion())
            return Error{QStringLiteral("%1: %2; it also needs bringing up to date, which only a program that may "
                                        "write to it can do")
                             .arg(path, readOnlyMessage())};
        return db;
    }
    // journal_mode answers with a row; exec() steps through it.
    for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL", "PRAGMA foreign_keys=ON",
                               "PRAGMA temp_store=MEMORY"}) {
        if (Status s = db->exec(pragma); !s)
            return Error{QStringLiteral("%1: %2").arg(path, s.error())};
    }
    if (Status s = Schema::migrate(*db); !s)
        return Error{QStringLiteral("%1: %2").arg(path, s.error())};
    return db;
}

Status Database::exec(const char* sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db.get(), sql, nullptr, nullptr, &message);
    if (rc == SQLITE_OK)
        return {};
    QString text = message ? QString::fromUtf8(message) : QString::fromUtf8(sqlite3_errstr(rc));
    sqlite3_free(message);
    return Error{describeFailure(m_db.get(), rc, std::move(text))};
}

Result<Statement> Database::prepare(const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (const int rc = sqlite3_prepare_v3(m_db.get(), sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, nullptr); rc != SQLITE_OK)
        return Error{QStringLiteral("cannot prepare statement: %1").arg(describeFailure(m_db.get(), rc, lastError()))};
    return Statement(stmt);
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db.get());
}

int Database::changes() const
{
    return sqlite3_changes(m_db.get());
}

QString Database::lastError() const
{
    return QString::fromUtf8(sqlite3_errmsg(m_db.get()));
}

void Database::interrupt()
{
    if (m_db)
        sqlite3_interrupt(m_db.get());
}

Result<Database::DataVersion> Database::dataVersion()
{
    auto version = prepare("PRAGMA data_version");
    if (!version || !version->step())
        return Error{QStringLiteral("cannot read the data version: %1").arg(lastError())};
    return DataVersion{version->int64(0), static_cast<std::int64_t>(sqlite3_total_changes64(m_db.get()))};
}

int Database::userVersion()
{
    auto stmt = prepare("PRAGMA user_version");
    if (!stmt || !stmt->step())
        return -1;
    return stmt->integer(0);
}

Status Database::setUserVersion(int version)
{
    return exec(QStringLiteral("PRAGMA user_version=%1").arg(version).toUtf8().constData());
}

Database::Transaction::Transaction(Database& db) : m_db(db) {}

Database::Transaction::~Transaction()
{
    rollback();
}

Status Database::Transaction::begin()
{
    Status s = m_db.exec("BEGIN IMMEDIATE");
    m_open = s.ok();
    return s;
}

Status Database::Transaction::commit()
{
    Status s = m_db.exec("COMMIT");
    if (s)
        m_open = false;
    return s;
}

void Database::Transaction::rollback()
{
    if (m_open)
        (void)m_db.exec("ROLLBACK");
    m_open = false;
}

Database::WriterNote::WriterNote(const QString& path, const QString& what) : m_file(path + QStringLiteral(".writer"))
{
    if (!currentWriter(path).isEmpty()) {  // another live writer's note stays: it is the one others wait for
        m_file.clear();
        return;
    }
    const QString program = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath().section(u'/', -1);
    QFile note(m_file);
    if (note.open(QIODevice::WriteOnly | QIODevice::Truncate))  // only a courtesy to others: failing is no error
        note.write(QStringLiteral("%1\n%2 %3\n%4\n")
                       .arg(::getpid())
                       .arg(program, what, QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")))
                       .toUtf8());
}

Database::WriterNote::~WriterNote()
{
    if (!m_file.isEmpty())
        QFile::remove(m_file);
}

QString Database::currentWriter(const QString& path)
{
    QFile note(path + QStringLiteral(".writer"));
    if (!note.open(QIODevice::ReadOnly))
        return {};
    const QStringList lines = QString::fromUtf8(note.readAll()).split(u'\n');
    bool ok = false;
    const pid_t pid = lines.value(0).toInt(&ok);
    if (!ok || lines.size() < 3 || pid == ::getpid() || (::kill(pid, 0) != 0 && errno != EPERM))
        return {};  // our own note, or one left by a process gone
    return QStringLiteral("%1, process %2, since %3").arg(lines[1]).arg(pid).arg(lines[2]);
}

}  // namespace claimlens
