#pragma once

#include "store/Database.h"

#include <QByteArray>
#include <QFile>
#include <QString>

#include <utility>

namespace claimlens::bench {

/// Peak resident memory since the last reset, in MiB (Linux VmHWM).
inline double peakMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

/// Starts the peak over from the memory in use now.
inline void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

/// Gives every hundredth document the company `rare` and all but every twentieth `common`.
inline bool addShareCompanies(Database& db, const QString& rare, const QString& common)
{
    auto has = db.prepare("SELECT count(*) FROM entities WHERE kind = 'company' AND name = ?1");
    if (!has)
        return false;
    has->bind(1, common);
    if (has->step() && has->int64(0) > 0)
        return true;
    Database::Transaction tx(db);
    if (!tx.begin())
        return false;
    for (const auto& [name, condition] : {std::pair{rare, "d.id % 100 = 0"}, std::pair{common, "d.id % 20 <> 0"}}) {
        auto add = db.prepare("INSERT INTO entities(kind, name) VALUES ('company', ?1)");
        add->bind(1, name);
        if (!add->exec())
            return false;
        const QString sql = QStringLiteral("INSERT INTO document_entities(entity_id, document_id, mention_count, via_product, published)"
                                           " SELECT %1, d.id, 1, 0, coalesce(d.published, '') FROM documents d WHERE %2")
                                .arg(db.lastInsertId())
                                .arg(QLatin1String(condition));
        if (!db.exec(sql.toUtf8().constData()))
            return false;
    }
    return tx.commit().ok();
}

}  // namespace claimlens::bench
