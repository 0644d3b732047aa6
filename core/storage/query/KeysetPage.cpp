#include "query/KeysetPage.h"

namespace claimlens {

Result<KeysetResult> readKeysetPage(Database& db, const KeysetQuery& q, const FilterSql& where, const ListCursor& after,
                                    int limit, const std::function<void(const Statement&)>& read)
{
    KeysetResult result;
    result.next = after;
    const QString dir = q.descending ? QStringLiteral("DESC") : QStringLiteral("ASC");
    const QString op = q.descending ? QStringLiteral("<") : QStringLiteral(">");
    const int p = where.nextParameter();

    // First the rows with a sort value, then (key IS NULL) the ones without, each by id.
    for (int phase = result.next.inNulls ? 1 : 0; phase < 2 && result.rows < limit; ++phase) {
        const bool nulls = phase == 1;
        const bool continuing = result.next.started && result.next.inNulls == nulls;
        QString cursor;
        if (continuing)
            cursor = nulls ? QStringLiteral(" AND %1 %2 ?%3").arg(q.id, op).arg(p)
                           : QStringLiteral(" AND (%1, %2) %3 (?%4, ?%5)").arg(q.key, q.id, op).arg(p).arg(p + 1);
        const QString order = nulls ? QStringLiteral("%1 %2").arg(q.id, dir)
                                    : QStringLiteral("%1 %2, %3 %2").arg(q.key, dir, q.id);
        const QString sql = QStringLiteral("SELECT %1, %2, %3 FROM %4 WHERE %2 IS %5NULL%6%7 ORDER BY %8 LIMIT %9")
                                .arg(q.columns, q.key, q.id, q.from, nulls ? QString() : QStringLiteral("NOT "), cursor,
                                     where.conditions(), order)
                                .arg(limit - result.rows);
        auto stmt = db.prepare(sql.toUtf8().constData());
        if (!stmt)
            return Error{stmt.error()};
        where.bind(*stmt);
        if (continuing) {
            if (nulls) {
                stmt->bind(p, result.next.id);
            } else {
                if (q.keyType == KeysetQuery::KeyType::Integer)
                    stmt->bind(p, std::int64_t{result.next.key.toLongLong()});
                else if (q.keyType == KeysetQuery::KeyType::Real)
                    stmt->bind(p, result.next.key.toDouble());
                else
                    stmt->bind(p, result.next.key.toString());
                stmt->bind(p + 1, result.next.id);
            }
        }
        const int before = result.rows;
        if (Status s = stmt->forEach([&](const Statement& row) {
                read(row);
                ++result.rows;
                QVariant value;
                if (!nulls && q.keyType == KeysetQuery::KeyType::Integer)
                    value = qlonglong(row.int64(q.columnCount));
                else if (!nulls && q.keyType == KeysetQuery::KeyType::Real)
                    value = row.real(q.columnCount);
                else if (!nulls)
                    value = row.text(q.columnCount);
                result.next = {true, nulls, value, row.int64(q.columnCount + 1)};
            });
            !s)
            return Error{s.error()};
        if (result.rows - before < limit - before) {  // this phase is exhausted
            if (nulls)
                result.atEnd = true;
            else
                result.next = {false, true, {}, 0};
        }
    }
    return result;
}

}  // namespace claimlens
