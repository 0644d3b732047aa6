#include "review/CorrectionStore.h"

#include <QDateTime>
#include <QJsonDocument>

namespace claimlens {
namespace {

constexpr const char* kColumns = "id, content_hash, item, action, sentence, span_start, span_end, value, machine, created";

QJsonObject objectOf(const QString& json)
{
    return json.isEmpty() ? QJsonObject() : QJsonDocument::fromJson(json.toUtf8()).object();
}

QString jsonOf(const QJsonObject& o)
{
    return o.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Correction readCorrection(const Statement& row)
{
    Correction c;
    c.id = row.int64(0);
    c.contentHash = row.text(1);
    c.item = correctionItemFromName(row.text(2)).value_or(CorrectionItem::Statistic);
    c.action = correctionActionFromName(row.text(3)).value_or(CorrectionAction::Confirm);
    c.sentence = row.text(4);
    c.start = row.int64(5);
    c.end = row.int64(6);
    c.value = objectOf(row.text(7));
    c.machine = objectOf(row.text(8));
    c.created = row.text(9);
    return c;
}

Result<Statement> prepare(Database& db, const QString& sql)
{
    return db.prepare(sql.toUtf8().constData());
}

}  // namespace

Result<QSet<QString>> CorrectionStore::correctedHashes()
{
    auto stmt = m_db->prepare("SELECT DISTINCT content_hash FROM corrections");
    if (!stmt)
        return Error{stmt.error()};
    QSet<QString> out;
    if (Status s = stmt->forEach([&](const Statement& row) { out.insert(row.text(0)); }); !s)
        return Error{s.error()};
    return out;
}

Result<std::vector<Correction>> CorrectionStore::forDocument(const QString& contentHash)
{
    auto stmt = prepare(*m_db, QStringLiteral("SELECT %1 FROM corrections WHERE content_hash = ?1 ORDER BY id")
                                   .arg(QLatin1String(kColumns)));
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, contentHash);
    std::vector<Correction> out;
    if (Status s = stmt->forEach([&](const Statement& row) { out.push_back(readCorrection(row)); }); !s)
        return Error{s.error()};
    return out;
}

Result<std::optional<Correction>> CorrectionStore::find(const QString& contentHash, CorrectionItem item,
                                                        qsizetype start, qsizetype end)
{
    auto stmt = prepare(*m_db, QStringLiteral("SELECT %1 FROM corrections WHERE content_hash = ?1 AND item = ?2"
                                              " AND span_start = ?3 AND span_end = ?4")
                                   .arg(QLatin1String(kColumns)));
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, contentHash)
        .bind(2, correctionItemName(item))
        .bind(3, static_cast<std::int64_t>(start))
        .bind(4, static_cast<std::int64_t>(end));
    std::optional<Correction> out;
    if (Status s = stmt->forEach([&](const Statement& row) { out = readCorrection(row); }); !s)
        return Error{s.error()};
    return out;
}

Result<std::int64_t> CorrectionStore::put(const Correction& c)
{
    auto stmt = m_db->prepare(
        "INSERT INTO corrections(content_hash, item, action, sentence, span_start, span_end, value, machine, created)"
        " VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9) ON CONFLICT(content_hash, item, span_start, span_end) DO UPDATE SET"
        " action = excluded.action, sentence = excluded.sentence, value = excluded.value,"
        " machine = coalesce(excluded.machine, machine), created = excluded.created RETURNING id");
    if (!stmt)
        return Error{stmt.error()};
    const QString created =
        c.created.isEmpty() ? QDateTime::currentDateTimeUtc().toString(Qt::ISODate) : c.created;
    stmt->bind(1, c.contentHash)
        .bind(2, correctionItemName(c.item))
        .bind(3, correctionActionName(c.action))
        .bind(4, isMetadataItem(c.item) ? QStringLiteral("") : c.sentence)
        .bind(5, static_cast<std::int64_t>(c.start))
        .bind(6, static_cast<std::int64_t>(c.end))
        .bind(7, jsonOf(c.value))
        .bind(8, jsonOf(c.machine))
        .bind(9, created);
    std::int64_t id = 0;
    if (Status s = stmt->forEach([&](const Statement& row) { id = row.int64(0); }); !s)
        return Error{QStringLiteral("storing a correction: %1").arg(s.error())};
    return id;
}

Status CorrectionStore::remove(std::int64_t id)
{
    auto stmt = m_db->prepare("DELETE FROM corrections WHERE id = ?1");
    if (!stmt)
        return Error{stmt.error()};
    stmt->bind(1, id);
    return stmt->exec();
}

Result<std::vector<ListedCorrection>> CorrectionStore::list()
{
    auto stmt = m_db->prepare("SELECT c.id, c.content_hash, c.item, c.action, c.sentence, c.span_start, c.span_end,"
                              " c.value, c.machine, c.created, d.id, d.file_name FROM corrections c"
                              " LEFT JOIN documents d ON d.content_hash = c.content_hash ORDER BY c.id");
    auto sentence = m_db->prepare("SELECT 1 FROM sentences WHERE document_id = ?1 AND span_start <= ?2"
                                  " AND span_end >= ?3 AND text = ?4");
    if (!stmt || !sentence)
        return Error{stmt ? sentence.error() : stmt.error()};
    std::vector<ListedCorrection> out;
    Status s = stmt->forEach([&](const Statement& row) {
        ListedCorrection l;
        l.correction = readCorrection(row);
        l.documentId = row.isNull(10) ? 0 : row.int64(10);
        l.fileName = row.text(11);
        out.push_back(std::move(l));
    });
    if (!s)
        return Error{s.error()};
    for (ListedCorrection& l : out) {
        if (l.documentId == 0) {
            l.orphaned = true;
            l.why = QStringLiteral("no stored document has this text (the file changed or was removed)");
            continue;
        }
        if (isMetadataItem(l.correction.item))
            continue;
        sentence->bind(1, l.documentId)
            .bind(2, static_cast<std::int64_t>(l.correction.start))
            .bind(3, static_cast<std::int64_t>(l.correction.end))
            .bind(4, l.correction.sentence);
        bool found = false;
        if (Status f = sentence->forEach([&](const Statement&) { found = true; }); !f)
            return Error{f.error()};
        sentence->reset();
        if (!found) {
            l.orphaned = true;
            l.why = QStringLiteral("the sentence is no longer in the document");
        }
    }
    return out;
}

}  // namespace claimlens
