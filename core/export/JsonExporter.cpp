#include "export/JsonExporter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace claimlens {
namespace {

QJsonValue nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QStringList uniqueSourceNames(const std::vector<StoredSource>& sources)
{
    QStringList names;
    for (const auto& s : sources)
        if (!names.contains(s.name))
            names.append(s.name);
    return names;
}

}  // namespace

Result<QJsonObject> JsonExporter::document(const DocumentSummary& d)
{
    DocumentQuery query(*m_db);
    auto blocks = query.blocks(d.id);
    auto sentences = query.sentences(d.id);
    auto sources = query.sources(d.id);
    if (!blocks || !sentences || !sources)
        return Error{QStringLiteral("%1: cannot read the stored document").arg(d.path)};
    QJsonArray headings, sentenceArray;
    for (const auto& b : *blocks)
        if (b.kind == BlockKind::Heading)
            headings.append(b.text);
    for (const auto& s : *sentences)
        sentenceArray.append(s);
    QJsonObject o;
    o.insert(QStringLiteral("file"), d.fileName);
    o.insert(QStringLiteral("path"), d.path);
    o.insert(QStringLiteral("title"), nullable(d.title));
    o.insert(QStringLiteral("author"), nullable(d.author));
    o.insert(QStringLiteral("section"), nullable(d.section));
    o.insert(QStringLiteral("published"), nullable(d.published.iso()));
    o.insert(QStringLiteral("published_precision"), nullable(PartialDate::precisionName(d.published.precision)));
    o.insert(QStringLiteral("sources"), QJsonArray::fromStringList(uniqueSourceNames(*sources)));
    o.insert(QStringLiteral("headings"), headings);
    o.insert(QStringLiteral("sentences"), sentenceArray);
    for (const char* empty : {"claims", "companies", "products", "countries", "people", "organizations", "statistics",
                              "events"})
        o.insert(QLatin1String(empty), QJsonArray());
    return o;
}

Status JsonExporter::write(QIODevice& out)
{
    DocumentQuery query(*m_db);
    auto docs = query.documents();
    if (!docs)
        return Error{docs.error()};
    out.write("{\n  \"documents\": [\n");
    bool first = true;
    for (const auto& d : *docs) {
        auto o = document(d);
        if (!o)
            return Error{o.error()};
        if (!first)
            out.write(",\n");
        first = false;
        QByteArray json = QJsonDocument(*o).toJson(QJsonDocument::Indented).trimmed();
        json.replace("\n", "\n    ");
        out.write("    ");
        out.write(json);
    }
    out.write("\n  ]\n}\n");
    return {};
}

QString CsvExporter::quote(const QString& field)
{
    if (!field.contains(u',') && !field.contains(u'"') && !field.contains(u'\n') && !field.contains(u'\r'))
        return field;
    QString q = field;
    q.replace(u'"', QStringLiteral("\"\""));
    return u'"' + q + u'"';
}

Status CsvExporter::write(QIODevice& out)
{
    DocumentQuery query(*m_db);
    auto docs = query.documents();
    if (!docs)
        return Error{docs.error()};
    out.write("file,path,title,author,section,published,sources,headings,sentences,duplicates\n");
    for (const auto& d : *docs) {
        auto blocks = query.blocks(d.id);
        auto sources = query.sources(d.id);
        if (!blocks || !sources)
            return Error{QStringLiteral("%1: cannot read the stored document").arg(d.path)};
        int headings = 0;
        for (const auto& b : *blocks)
            headings += b.kind == BlockKind::Heading;
        const QStringList row{quote(d.fileName),
                              quote(d.path),
                              quote(d.title),
                              quote(d.author),
                              quote(d.section),
                              d.published.iso(),
                              quote(uniqueSourceNames(*sources).join(QStringLiteral("; "))),
                              QString::number(headings),
                              QString::number(d.sentenceCount),
                              QString::number(d.duplicateCount)};
        out.write(row.join(u',').toUtf8());
        out.write("\n");
    }
    return {};
}

}  // namespace claimlens
