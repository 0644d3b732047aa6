#include "query/ReaderQuery.h"

#include "review/CorrectionStore.h"

#include <QLocale>

#include <algorithm>

namespace claimlens {
namespace {

TextMark::Kind markKind(const QString& entityKind)
{
    if (entityKind == QLatin1String("country"))
        return TextMark::Kind::Country;
    if (entityKind == QLatin1String("organization"))
        return TextMark::Kind::Organization;
    if (entityKind == QLatin1String("person"))
        return TextMark::Kind::Person;
    if (entityKind == QLatin1String("product"))
        return TextMark::Kind::Product;
    return TextMark::Kind::Company;
}

QString kindLabel(TextMark::Kind kind)
{
    switch (kind) {
    case TextMark::Kind::Company:
        return QStringLiteral("Company");
    case TextMark::Kind::Product:
        return QStringLiteral("Product");
    case TextMark::Kind::Country:
        return QStringLiteral("Country");
    case TextMark::Kind::Organization:
        return QStringLiteral("Organisation");
    case TextMark::Kind::Person:
        return QStringLiteral("Person");
    case TextMark::Kind::Statistic:
        return QStringLiteral("Statistic");
    case TextMark::Kind::Event:
        return QStringLiteral("Event");
    case TextMark::Kind::Claim:
        return QStringLiteral("Claim");
    }
    return {};
}

TextMark makeMark(TextMark::Kind kind, qsizetype start, qsizetype end, const QString& name, const QString& detail,
                  int sentenceOrdinal)
{
    TextMark m;
    m.kind = kind;
    m.start = start;
    m.end = end;
    m.name = name;
    m.detail = detail;
    m.sentenceOrdinal = sentenceOrdinal;
    return m;
}

}  // namespace

CorrectionItem TextMark::item() const
{
    switch (kind) {
    case Kind::Statistic:
        return CorrectionItem::Statistic;
    case Kind::Event:
        return CorrectionItem::Event;
    case Kind::Claim:
        return CorrectionItem::Claim;
    default:
        return CorrectionItem::Mention;
    }
}

const ReaderSentence* ReaderDocument::sentenceAt(qsizetype start, qsizetype end) const
{
    for (const ReaderSentence& s : sentences)
        if (s.start <= start && end <= s.end)
            return &s;
    return nullptr;
}

Correction ReaderDocument::correctionFor(const TextMark& mark, CorrectionAction action) const
{
    Correction c;
    c.contentHash = contentHash;
    c.item = mark.item();
    c.action = action;
    c.start = mark.start;
    c.end = mark.end;
    if (const ReaderSentence* s = sentenceAt(mark.start, mark.end))
        c.sentence = s->text;
    if (action != CorrectionAction::Add)
        c.machine = mark.reading;
    if (action == CorrectionAction::Confirm)
        c.value = mark.reading;
    return c;
}

QString ReaderQuery::formatValue(double value, const QString& unit)
{
    QLocale locale(QLocale::English);
    locale.setNumberOptions(QLocale::DefaultNumberOptions);
    QString number = locale.toString(value, 'f', value == static_cast<double>(static_cast<long long>(value)) ? 0 : 2);
    if (number.contains(u'.')) {
        while (number.endsWith(u'0'))
            number.chop(1);
        if (number.endsWith(u'.'))
            number.chop(1);
    }
    if (unit == QLatin1String("percent"))
        return number + u'%';
    if (unit == QLatin1String("times"))
        return number + u'\u00D7';
    if (unit.isEmpty() || unit == QLatin1String("count"))
        return number;
    return unit + u' ' + number;
}

Result<ReaderDocument> ReaderQuery::load(std::int64_t documentId)
{
    DocumentQuery documents(*m_db);
    ReaderDocument doc;
    auto found = documents.byId(documentId);
    if (!found)
        return Error{QStringLiteral("document %1 is not in the database").arg(documentId)};
    doc.summary = *found;
    auto blocks = documents.blocks(documentId);
    if (!blocks)
        return Error{blocks.error()};
    doc.blocks = std::move(*blocks);

    auto text = m_db->prepare("SELECT clean_text, content_hash FROM documents WHERE id = ?1");
    auto sentences = m_db->prepare(
        "SELECT ordinal, block_ordinal, span_start, span_end, text FROM sentences WHERE document_id = ?1 ORDER BY ordinal");
    // A product mention is stored under its owner with the product as `via`; the reader marks it
    // as the product and says whose it is.
    auto mentions = m_db->prepare(
        "SELECT coalesce(p.kind, e.kind), e.name, p.name, m.span_start, m.span_end, s.ordinal, m.review, e.kind"
        " FROM mentions m"
        " JOIN entities e ON e.id = m.entity_id LEFT JOIN entities p ON p.id = m.via_entity_id"
        " JOIN sentences s ON s.id = m.sentence_id WHERE m.document_id = ?1");
    auto statistics = m_db->prepare(
        "SELECT st.subject, st.metric, st.value, st.unit, st.qualifier, st.period, st.span_start, st.span_end, s.ordinal,"
        " st.review, st.metric_key, st.kind, coalesce(e.kind, 'country')"
        " FROM statistics st JOIN sentences s ON s.id = st.sentence_id LEFT JOIN entities e ON e.id = st.subject_entity_id"
        " WHERE st.document_id = ?1");
    auto events = m_db->prepare(
        "SELECT ev.date, ev.relative, ev.span_start, ev.span_end, s.ordinal, ev.review FROM events ev"
        " JOIN sentences s ON s.id = ev.sentence_id WHERE ev.document_id = ?1");
    auto claims = m_db->prepare(
        "SELECT c.score, c.date, c.source, s.span_start, s.span_end, s.ordinal,"
        " (SELECT group_concat(e.name, ', ') FROM claim_actors ca JOIN entities e ON e.id = ca.entity_id"
        "  WHERE ca.claim_id = c.id), c.review FROM claims c JOIN sentences s ON s.id = c.sentence_id WHERE c.document_id = ?1");
    for (auto* stmt : {&text, &sentences, &mentions, &statistics, &events, &claims}) {
        if (!*stmt)
            return Error{stmt->error()};
        (*stmt)->bind(1, documentId);
    }
    auto hasText = text->stepOne();
    if (!hasText)
        return Error{QStringLiteral("cannot read the document's text: %1").arg(hasText.error())};
    if (*hasText) {
        doc.text = text->text(0);
        doc.contentHash = text->text(1);
    }
    auto checked = [](Status s, const char* what) -> Status {
        return s ? s : Status(Error{QStringLiteral("cannot read the document's %1: %2").arg(QLatin1String(what), s.error())});
    };
    Status read = checked(sentences->forEach([&](const Statement& st) {
        doc.sentences.push_back({st.integer(0), st.integer(1), st.int64(2), st.int64(3), st.text(4)});
    }), "sentences");
    if (read)
        read = checked(mentions->forEach([&](const Statement& m) {
            TextMark mark = makeMark(markKind(m.text(0)), m.int64(3), m.int64(4), m.text(1), {}, m.integer(5));
            mark.detail = m.isNull(2) ? QStringLiteral("%1: %2").arg(kindLabel(mark.kind), mark.name)
                                      : QStringLiteral("Product %1 of %2").arg(m.text(2), mark.name);
            mark.review = reviewFromName(m.text(6));
            mark.reading = {{QStringLiteral("name"), mark.name}, {QStringLiteral("kind"), m.text(7)}};
            if (!m.isNull(2))
                mark.reading.insert(QStringLiteral("via"), m.text(2));
            doc.marks.push_back(std::move(mark));
        }), "names");
    if (read)
        read = checked(statistics->forEach([&](const Statement& st) {
            QString what = QStringLiteral("%1 \u00B7 %2 \u00B7 %3%4")
                               .arg(st.text(0), st.text(1), st.isNull(4) ? QString() : st.text(4) + u' ',
                                    formatValue(st.real(2), st.text(3)));
            if (!st.isNull(5))
                what += QStringLiteral(" (%1)").arg(st.text(5));
            TextMark mark = makeMark(TextMark::Kind::Statistic, st.int64(6), st.int64(7), st.text(0),
                                     QStringLiteral("Statistic: ") + what, st.integer(8));
            mark.review = reviewFromName(st.text(9));
            Statistic reading;
            reading.subject = st.text(0);
            reading.subjectKind = entityKindFromName(st.text(12)).value_or(EntityKind::Country);
            reading.metricKey = st.text(10);
            reading.metric = st.text(1);
            reading.value = st.real(2);
            reading.unit = st.text(3);
            reading.qualifier = st.text(4);
            reading.period = st.text(5);
            reading.kind = st.text(11);
            mark.reading = statisticToJson(reading);
            doc.marks.push_back(std::move(mark));
        }), "statistics");
    if (read)
        read = checked(events->forEach([&](const Statement& ev) {
            QString when = ev.isNull(0) ? ev.text(1) : ev.text(0);
            if (!ev.isNull(0) && !ev.isNull(1))
                when += QStringLiteral(" (\u201C%1\u201D)").arg(ev.text(1));
            TextMark mark = makeMark(TextMark::Kind::Event, ev.int64(2), ev.int64(3), {},
                                     QStringLiteral("Event dated ") + when, ev.integer(4));
            mark.review = reviewFromName(ev.text(5));
            Event reading;
            reading.date = PartialDate::fromIso(ev.text(0));
            reading.relative = ev.text(1);
            mark.reading = eventToJson(reading);
            doc.marks.push_back(std::move(mark));
        }), "events");
    if (read)
        read = checked(claims->forEach([&](const Statement& c) {
            QStringList parts{QStringLiteral("Claim, score %1").arg(c.real(0), 0, 'f', 2)};
            if (!c.isNull(6))
                parts.append(QStringLiteral("actors: ") + c.text(6));
            parts.append(c.isNull(1) ? QStringLiteral("undated") : QStringLiteral("dated ") + c.text(1));
            if (!c.isNull(2))
                parts.append(QStringLiteral("source: ") + c.text(2));
            TextMark mark = makeMark(TextMark::Kind::Claim, c.int64(3), c.int64(4), {},
                                     parts.join(QStringLiteral(" \u00B7 ")), c.integer(5));
            mark.review = reviewFromName(c.text(7));
            Claim reading;
            reading.actors = c.isNull(6) ? QStringList() : c.text(6).split(QStringLiteral(", "));
            reading.date = PartialDate::fromIso(c.text(1));
            reading.source = c.text(2);
            mark.reading = claimToJson(reading);
            doc.marks.push_back(std::move(mark));
        }), "claims");
    if (!read)
        return Error{read.error()};
    // what the analyst rejected stays visible (struck through), so it can be seen and taken back
    auto corrections = CorrectionStore(*m_db).forDocument(doc.contentHash);
    if (!corrections)
        return Error{corrections.error()};
    for (Correction& c : *corrections) {
        if (isMetadataItem(c.item)) {
            doc.metadataCorrections.push_back(std::move(c));
            continue;
        }
        if (c.action != CorrectionAction::Reject || !doc.sentenceAt(c.start, c.end))
            continue;
        const ReaderSentence* sentence = doc.sentenceAt(c.start, c.end);
        if (sentence->text != c.sentence)
            continue;  // orphaned: the sentence changed
        TextMark mark;
        mark.kind = c.item == CorrectionItem::Statistic ? TextMark::Kind::Statistic
                    : c.item == CorrectionItem::Event   ? TextMark::Kind::Event
                    : c.item == CorrectionItem::Claim   ? TextMark::Kind::Claim
                                                        : markKind(c.machine.value(QStringLiteral("kind")).toString());
        mark.start = c.start;
        mark.end = c.end;
        mark.name = c.machine.value(QStringLiteral("name")).toString();
        mark.sentenceOrdinal = sentence->ordinal;
        mark.rejected = true;
        mark.reading = c.machine;
        mark.detail = QStringLiteral("Rejected by the analyst: ") + describeCorrection(c).section(QStringLiteral(": "), 1);
        doc.marks.push_back(std::move(mark));
    }
    std::stable_sort(doc.marks.begin(), doc.marks.end(), [](const TextMark& a, const TextMark& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    return doc;
}

}  // namespace claimlens
