#include "export/JsonExporter.h"

#include "query/ExtractionQuery.h"
#include "structure/StructureRules.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace claimlens {
namespace {

QJsonValue nullable(const QString& s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

}  // namespace

Result<QJsonObject> JsonExporter::document(const DocumentSummary& d)
{
    DocumentQuery query(*m_db);
    auto blocks = query.blocks(d.id);
    auto sentences = query.sentences(d.id);
    auto sources = query.sources(d.id);
    auto found = ExtractionQuery(*m_db).forDocument(d.id);
    if (!blocks || !sentences || !sources || !found) {
        const QString why = !blocks ? blocks.error() : !sentences ? sentences.error() : !sources ? sources.error() : found.error();
        return Error{QStringLiteral("%1: cannot read the stored document (%2)").arg(d.path, why)};
    }
    QJsonArray headings, sentenceArray;
    for (const auto& b : *blocks)
        if (b.kind == BlockKind::Heading)
            headings.append(b.text);
    for (const auto& s : *sentences)
        sentenceArray.append(s);

    // the byline's authors are among the article's people; a news agency in the byline is not
    QStringList people = found->people;
    const auto rules = StructureRules::defaults();
    for (const QString& author : d.author.split(QStringLiteral(", "), Qt::SkipEmptyParts))
        if (!people.contains(author) && author.contains(u' ') && !rules->wires.contains(author.toLower()))
            people.append(author);
    QJsonArray products;
    for (const auto& p : found->products)
        products.append(QJsonObject{{QStringLiteral("name"), p.name}, {QStringLiteral("owner"), nullable(p.owner)}});
    QJsonArray statistics;
    for (const auto& st : found->statistics)
        statistics.append(QJsonObject{{QStringLiteral("subject"), st.subject},
                                      {QStringLiteral("metric"), st.metric},
                                      {QStringLiteral("metric_key"), st.metricKey},
                                      {QStringLiteral("value"), st.value},
                                      {QStringLiteral("unit"), st.unit},
                                      {QStringLiteral("qualifier"), nullable(st.qualifier)},
                                      {QStringLiteral("period"), nullable(st.period)},
                                      {QStringLiteral("kind"), st.kind.isEmpty() ? QStringLiteral("level") : st.kind},
                                      {QStringLiteral("sentence"), st.sentence},
                                      {QStringLiteral("span"), QJsonArray{static_cast<qint64>(st.start), static_cast<qint64>(st.end)}}});
    QJsonArray events;
    for (const auto& e : found->events)
        if (e.date.isValid())  // a relative date with nothing to resolve it against stays in the store only
            events.append(QJsonObject{{QStringLiteral("date"), e.date.iso()},
                                      {QStringLiteral("precision"), PartialDate::precisionName(e.date.precision)},
                                      {QStringLiteral("text"), e.sentence},
                                      {QStringLiteral("relative"), nullable(e.relative)}});
    QJsonArray claims;
    for (const auto& c : found->claims)
        claims.append(QJsonObject{{QStringLiteral("text"), c.text},
                                  {QStringLiteral("score"), c.score},
                                  {QStringLiteral("date"), nullable(c.date.iso())},
                                  {QStringLiteral("actors"), QJsonArray::fromStringList(c.actors)},
                                  {QStringLiteral("source"), nullable(c.source)}});
    QStringList sourceNames = uniqueSourceNames(*sources);

    QJsonObject o;
    o.insert(QStringLiteral("file"), d.fileName);
    o.insert(QStringLiteral("path"), d.path);
    o.insert(QStringLiteral("title"), nullable(d.title));
    o.insert(QStringLiteral("author"), nullable(d.author));
    o.insert(QStringLiteral("section"), nullable(d.section));
    o.insert(QStringLiteral("published"), nullable(d.published.iso()));
    o.insert(QStringLiteral("published_precision"), nullable(PartialDate::precisionName(d.published.precision)));
    o.insert(QStringLiteral("sources"), QJsonArray::fromStringList(sourceNames));
    o.insert(QStringLiteral("headings"), headings);
    o.insert(QStringLiteral("sentences"), sentenceArray);
    o.insert(QStringLiteral("companies"), QJsonArray::fromStringList(found->companies));
    o.insert(QStringLiteral("products"), products);
    o.insert(QStringLiteral("countries"), QJsonArray::fromStringList(found->countries));
    o.insert(QStringLiteral("people"), QJsonArray::fromStringList(people));
    o.insert(QStringLiteral("organizations"), QJsonArray::fromStringList(found->organizations));
    o.insert(QStringLiteral("statistics"), statistics);
    o.insert(QStringLiteral("events"), events);
    o.insert(QStringLiteral("claims"), claims);
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

}  // namespace claimlens
