#include "store/IntegrityCheck.h"

namespace claimlens {
namespace {

/// Runs `sql` and collects its first column, or fails with SQLite's message.
Result<QStringList> column(Database& db, const char* sql)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return Error{statement.error()};
    QStringList out;
    if (Status s = statement->forEach([&](const Statement& row) { out << row.text(0); }); !s)
        return Error{s.error()};
    return out;
}

/// SQLite 3.40 reports "NULL value in T.C" for a NOT NULL column of a WITHOUT ROWID table whose
/// key columns are not declared first (document_entities), though no row holds a NULL. Such a
/// message counts only when a query finds the NULL.
bool isFalseNullReport(Database& db, const QString& message)
{
    static const QString prefix = QStringLiteral("NULL value in ");
    if (!message.startsWith(prefix))
        return false;
    const QStringList parts = message.mid(prefix.size()).split(u'.');
    if (parts.size() != 2)
        return false;
    const QByteArray sql = QStringLiteral("SELECT count(*) FROM \"%1\" WHERE \"%2\" IS NULL").arg(parts[0], parts[1]).toUtf8();
    auto statement = db.prepare(sql.constData());
    return statement && statement->step() && statement->int64(0) == 0;
}

}  // namespace

Result<IntegrityReport> checkIntegrity(Database& db)
{
    IntegrityReport report;
    auto tables = column(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'documents'");
    if (!tables) {  // damage where SQLite keeps its list of tables: nothing further can be read
        report.problems << QStringLiteral("SQLite cannot read the list of tables: %1").arg(tables.error());
        return report;
    }
    if (tables->isEmpty())
        return Error{QStringLiteral("it holds no Claimlens tables (not a Claimlens database, or one never written to)")};
    auto integrity = column(db, "PRAGMA integrity_check(100)");
    if (!integrity)
        report.problems << QStringLiteral("SQLite's integrity check could not run: %1").arg(integrity.error());
    else
        for (const QString& message : *integrity)
            if (message != QStringLiteral("ok") && !isFalseNullReport(db, message))
                report.problems << QStringLiteral("SQLite integrity check: %1").arg(message);

    auto foreignKeys = column(db, "SELECT \"table\" || ' row ' || rowid || ' refers to a missing ' || parent "
                                  "FROM pragma_foreign_key_check");
    if (foreignKeys)
        for (const QString& message : *foreignKeys)
            report.problems << QStringLiteral("foreign key: %1").arg(message);
    else
        report.problems << QStringLiteral("foreign key check: %1").arg(foreignKeys.error());

    // rank 1: the index is compared with the sentences table it indexes, not only with itself
    if (Status s = db.exec("INSERT INTO sentences_fts(sentences_fts, rank) VALUES ('integrity-check', 1)"); !s)
        report.problems << QStringLiteral("full-text index: %1 (a 'reextract' rebuilds it)").arg(s.error());

    auto half = column(db, "SELECT path FROM documents d "
                           "WHERE NOT EXISTS (SELECT 1 FROM blocks b WHERE b.document_id = d.id) "
                           "   OR NOT EXISTS (SELECT 1 FROM sentences s WHERE s.document_id = d.id)");
    if (half)
        for (const QString& path : *half)
            report.problems << QStringLiteral("document without its blocks or sentences: %1").arg(path);
    else
        report.problems << QStringLiteral("documents: %1").arg(half.error());

    auto counts = column(db, "SELECT (SELECT count(*) FROM documents) || ' ' || (SELECT count(*) FROM sentences)");
    if (counts && !counts->isEmpty()) {
        const QStringList n = counts->first().split(u' ');
        report.documents = n.value(0).toLongLong();
        report.sentences = n.value(1).toLongLong();
    }
    return report;
}

}  // namespace claimlens
