#include "review/Correction.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>
#include <type_traits>
#include <utility>

namespace claimlens {
namespace {

constexpr std::array<std::pair<CorrectionItem, const char*>, 8> kItems{{
    {CorrectionItem::Statistic, "statistic"},
    {CorrectionItem::Claim, "claim"},
    {CorrectionItem::Mention, "mention"},
    {CorrectionItem::Event, "event"},
    {CorrectionItem::Title, "title"},
    {CorrectionItem::Author, "author"},
    {CorrectionItem::Outlet, "outlet"},
    {CorrectionItem::Published, "published"},
}};

constexpr std::array<std::pair<CorrectionAction, const char*>, 4> kActions{{
    {CorrectionAction::Confirm, "confirm"},
    {CorrectionAction::Reject, "reject"},
    {CorrectionAction::Edit, "edit"},
    {CorrectionAction::Add, "add"},
}};

Review reviewOf(CorrectionAction action)
{
    switch (action) {
    case CorrectionAction::Confirm:
        return Review::Confirmed;
    case CorrectionAction::Edit:
        return Review::Edited;
    case CorrectionAction::Add:
        return Review::Added;
    case CorrectionAction::Reject:
        break;
    }
    return Review::None;
}

EntityKind kindOr(const QJsonValue& v, EntityKind fallback)
{
    return entityKindFromName(v.toString()).value_or(fallback);
}

QString numberText(double v)
{
    return QString::number(v, 'g', 15);
}

/// Replaces the item matching `same` with `item`, or appends it; or, for a rejection, removes it.
template <typename T, typename Same>
void settle(std::vector<T>& items, Same same, std::optional<T> item)
{
    const auto it = std::find_if(items.begin(), items.end(), same);
    if (!item) {
        if (it != items.end())
            items.erase(it);
        return;
    }
    if (it != items.end())
        *it = std::move(*item);
    else
        items.push_back(std::move(*item));
}

/// Items in reading order, so an added one sits where its sentence is.
template <typename T>
void order(std::vector<T>& items)
{
    std::stable_sort(items.begin(), items.end(), [](const T& a, const T& b) {
        return a.sentence != b.sentence ? a.sentence < b.sentence : a.start < b.start;
    });
}

}  // namespace

QString correctionItemName(CorrectionItem item)
{
    for (const auto& [i, name] : kItems)
        if (i == item)
            return QLatin1String(name);
    return {};
}

std::optional<CorrectionItem> correctionItemFromName(const QString& name)
{
    for (const auto& [i, n] : kItems)
        if (name == QLatin1String(n))
            return i;
    return std::nullopt;
}

bool isMetadataItem(CorrectionItem item)
{
    return item == CorrectionItem::Title || item == CorrectionItem::Author || item == CorrectionItem::Outlet ||
           item == CorrectionItem::Published;
}

QString correctionActionName(CorrectionAction action)
{
    for (const auto& [a, name] : kActions)
        if (a == action)
            return QLatin1String(name);
    return {};
}

std::optional<CorrectionAction> correctionActionFromName(const QString& name)
{
    for (const auto& [a, n] : kActions)
        if (name == QLatin1String(n))
            return a;
    return std::nullopt;
}

QJsonObject statisticToJson(const Statistic& s)
{
    QJsonObject o{{QStringLiteral("subject"), s.subject},
                  {QStringLiteral("subjectKind"), entityKindName(s.subjectKind)},
                  {QStringLiteral("metricKey"), s.metricKey},
                  {QStringLiteral("metric"), s.metric},
                  {QStringLiteral("value"), s.value},
                  {QStringLiteral("unit"), s.unit}};
    if (!s.qualifier.isEmpty())
        o.insert(QStringLiteral("qualifier"), s.qualifier);
    if (!s.period.isEmpty())
        o.insert(QStringLiteral("period"), s.period);
    if (!s.kind.isEmpty())
        o.insert(QStringLiteral("kind"), s.kind);
    return o;
}

Statistic statisticFromJson(const QJsonObject& o)
{
    Statistic s;
    s.subject = o.value(QStringLiteral("subject")).toString();
    s.subjectKind = kindOr(o.value(QStringLiteral("subjectKind")), EntityKind::Country);
    s.metricKey = o.value(QStringLiteral("metricKey")).toString();
    s.metric = o.value(QStringLiteral("metric")).toString(s.metricKey);
    s.value = o.value(QStringLiteral("value")).toDouble();
    s.unit = o.value(QStringLiteral("unit")).toString();
    s.qualifier = o.value(QStringLiteral("qualifier")).toString();
    s.period = o.value(QStringLiteral("period")).toString();
    s.kind = o.value(QStringLiteral("kind")).toString();
    return s;
}

QJsonObject claimToJson(const Claim& c)
{
    QJsonObject o{{QStringLiteral("actors"), QJsonArray::fromStringList(c.actors)}};
    if (c.date.isValid())
        o.insert(QStringLiteral("date"), c.date.iso());
    if (!c.source.isEmpty())
        o.insert(QStringLiteral("source"), c.source);
    return o;
}

Claim claimFromJson(const QJsonObject& o)
{
    Claim c;
    c.score = 1;
    for (const QJsonValue& a : o.value(QStringLiteral("actors")).toArray())
        if (!a.toString().isEmpty())
            c.actors.append(a.toString());
    c.date = PartialDate::fromIso(o.value(QStringLiteral("date")).toString());
    c.source = o.value(QStringLiteral("source")).toString();
    return c;
}

QJsonObject mentionToJson(const Mention& m)
{
    QJsonObject o{{QStringLiteral("name"), m.name}, {QStringLiteral("kind"), entityKindName(m.kind)}};
    if (!m.via.isEmpty())
        o.insert(QStringLiteral("via"), m.via);
    return o;
}

Mention mentionFromJson(const QJsonObject& o)
{
    Mention m;
    m.name = o.value(QStringLiteral("name")).toString();
    m.kind = kindOr(o.value(QStringLiteral("kind")), EntityKind::Company);
    m.via = o.value(QStringLiteral("via")).toString();
    return m;
}

QJsonObject eventToJson(const Event& e)
{
    QJsonObject o;
    if (e.date.isValid())
        o.insert(QStringLiteral("date"), e.date.iso());
    if (!e.relative.isEmpty())
        o.insert(QStringLiteral("relative"), e.relative);
    return o;
}

Event eventFromJson(const QJsonObject& o)
{
    Event e;
    e.date = PartialDate::fromIso(o.value(QStringLiteral("date")).toString());
    e.relative = o.value(QStringLiteral("relative")).toString();
    return e;
}

QJsonObject correctionToJson(const Correction& c)
{
    QJsonObject o{{QStringLiteral("document"), c.contentHash},
                  {QStringLiteral("item"), correctionItemName(c.item)},
                  {QStringLiteral("action"), correctionActionName(c.action)},
                  {QStringLiteral("created"), c.created}};
    if (!isMetadataItem(c.item)) {
        o.insert(QStringLiteral("sentence"), c.sentence);
        o.insert(QStringLiteral("start"), static_cast<qint64>(c.start));
        o.insert(QStringLiteral("end"), static_cast<qint64>(c.end));
    }
    if (!c.value.isEmpty())
        o.insert(QStringLiteral("value"), c.value);
    if (!c.machine.isEmpty())
        o.insert(QStringLiteral("machine"), c.machine);
    return o;
}

std::optional<Correction> correctionFromJson(const QJsonObject& o, QString* error)
{
    auto failed = [&](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    Correction c;
    c.contentHash = o.value(QStringLiteral("document")).toString();
    if (c.contentHash.isEmpty())
        return failed(QStringLiteral("no \"document\" (the content hash)"));
    const QString item = o.value(QStringLiteral("item")).toString();
    const auto parsedItem = correctionItemFromName(item);
    if (!parsedItem)
        return failed(QStringLiteral("unknown item \"%1\"").arg(item));
    c.item = *parsedItem;
    const QString action = o.value(QStringLiteral("action")).toString();
    const auto parsedAction = correctionActionFromName(action);
    if (!parsedAction)
        return failed(QStringLiteral("unknown action \"%1\"").arg(action));
    c.action = *parsedAction;
    c.sentence = o.value(QStringLiteral("sentence")).toString();
    c.start = o.value(QStringLiteral("start")).toInteger();
    c.end = o.value(QStringLiteral("end")).toInteger();
    if (!isMetadataItem(c.item) && (c.sentence.isEmpty() || c.start < 0 || c.end < c.start))
        return failed(QStringLiteral("a %1 needs its sentence and a span").arg(item));
    c.value = o.value(QStringLiteral("value")).toObject();
    c.machine = o.value(QStringLiteral("machine")).toObject();
    if (c.action != CorrectionAction::Reject && c.value.isEmpty())
        return failed(QStringLiteral("a %1 needs a \"value\"").arg(action));
    c.created = o.value(QStringLiteral("created")).toString();
    return c;
}

namespace {
constexpr auto kFileKey = "claimlens-corrections";
}

QByteArray correctionsFile(const std::vector<Correction>& corrections)
{
    QJsonArray items;
    for (const Correction& c : corrections)
        items.append(correctionToJson(c));
    return QJsonDocument(QJsonObject{{QLatin1String(kFileKey), 1}, {QStringLiteral("corrections"), items}}).toJson();
}

Result<std::vector<Correction>> readCorrectionsFile(const QByteArray& bytes)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{QStringLiteral("not a corrections file (%1 at byte %2)").arg(parseError.errorString()).arg(parseError.offset)};
    if (!doc.isObject() || !doc.object().contains(QLatin1String(kFileKey)))
        return Error{QStringLiteral("not a corrections file (no \"%1\" key; 'review export' writes one)").arg(QLatin1String(kFileKey))};
    std::vector<Correction> out;
    const QJsonArray items = doc.object().value(QStringLiteral("corrections")).toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        QString error;
        auto c = correctionFromJson(items.at(i).toObject(), &error);
        if (!c)
            return Error{QStringLiteral("correction %1: %2").arg(i + 1).arg(error)};
        out.push_back(std::move(*c));
    }
    return out;
}

QString describeCorrection(const Correction& c)
{
    auto brief = [&](const QJsonObject& v) -> QString {
        switch (c.item) {
        case CorrectionItem::Statistic: {
            const Statistic s = statisticFromJson(v);
            QString text = numberText(s.value) + u' ' + s.unit + u' ' + s.metric + QStringLiteral(" of ") + s.subject;
            if (!s.period.isEmpty())
                text += QStringLiteral(" (%1)").arg(s.period);
            return text;
        }
        case CorrectionItem::Claim:
            return claimFromJson(v).actors.join(QStringLiteral(", "));
        case CorrectionItem::Mention:
            return QStringLiteral("%1 (%2)").arg(v.value(QStringLiteral("name")).toString(),
                                                 v.value(QStringLiteral("kind")).toString());
        case CorrectionItem::Event:
            return v.value(QStringLiteral("date")).toString();
        default:
            return v.value(QStringLiteral("value")).toString();
        }
    };
    QString line = correctionItemName(c.item) + u' ' + correctionActionName(c.action);
    if (c.action == CorrectionAction::Edit && !c.machine.isEmpty())
        line += QStringLiteral(": %1 → %2").arg(brief(c.machine), brief(c.value));
    else if (c.action == CorrectionAction::Reject && !c.machine.isEmpty())
        line += QStringLiteral(": %1").arg(brief(c.machine));
    else if (!c.value.isEmpty())
        line += QStringLiteral(": %1").arg(brief(c.value));
    return line;
}

int findCorrectedSentence(const Article& article, const QString& text, qsizetype start, qsizetype end)
{
    for (size_t i = 0; i < article.sentences.size(); ++i) {
        const Sentence& s = article.sentences[i];
        if (s.start <= start && end <= s.end && article.sentenceText(s) == text)
            return static_cast<int>(i);
    }
    return -1;
}

std::vector<CorrectionState> applyCorrections(const std::vector<Correction>& corrections, Article& article,
                                              Extraction& extraction, MetadataOverrides* overrides)
{
    std::vector<CorrectionState> states;
    states.reserve(corrections.size());
    bool touched[4] = {};
    for (const Correction& c : corrections) {
        const QString text = c.value.value(QStringLiteral("value")).toString();
        const bool keep = c.action != CorrectionAction::Reject;
        if (isMetadataItem(c.item)) {
            // a metadata correction says what the field is; a rejected one, that it is wrong (empty)
            const QString value = keep ? text : QString();
            if (c.item == CorrectionItem::Title)
                article.title = value;
            else if (c.item == CorrectionItem::Author)
                article.author = value;
            else if (c.item == CorrectionItem::Published)
                article.published = PartialDate::fromIso(value);
            else if (overrides)
                overrides->outlet = value;
            states.push_back(CorrectionState::Applied);
            continue;
        }
        const int sentence = findCorrectedSentence(article, c.sentence, c.start, c.end);
        if (sentence < 0) {
            states.push_back(CorrectionState::Orphaned);
            continue;
        }
        const Review review = reviewOf(c.action);
        auto atSpan = [&](const auto& x) { return x.start == c.start && x.end == c.end; };
        // the analyst's item where the correction says, or none for a rejection
        auto placed = [&](auto item) -> std::optional<decltype(item)> {
            if (!keep)
                return std::nullopt;
            item.sentence = sentence;
            if constexpr (!std::is_same_v<decltype(item), Claim>) {
                item.start = c.start;
                item.end = c.end;
            }
            item.review = review;
            return item;
        };
        switch (c.item) {
        case CorrectionItem::Statistic:
            settle(extraction.statistics, atSpan, placed(statisticFromJson(c.value)));
            touched[0] = true;
            break;
        case CorrectionItem::Mention: {
            Mention m = mentionFromJson(c.value);
            m.surface = article.text.mid(c.start, c.end - c.start);
            settle(extraction.mentions, atSpan, placed(std::move(m)));
            touched[1] = true;
            break;
        }
        case CorrectionItem::Event:
            settle(extraction.events, atSpan, placed(eventFromJson(c.value)));
            touched[2] = true;
            break;
        case CorrectionItem::Claim:
            settle(extraction.claims, [&](const Claim& x) { return x.sentence == sentence; }, placed(claimFromJson(c.value)));
            touched[3] = true;
            break;
        default:
            break;
        }
        states.push_back(CorrectionState::Applied);
    }
    if (touched[0])
        order(extraction.statistics);
    if (touched[1])
        order(extraction.mentions);
    if (touched[2])
        order(extraction.events);
    if (touched[3])
        std::stable_sort(extraction.claims.begin(), extraction.claims.end(),
                         [](const Claim& a, const Claim& b) { return a.sentence < b.sentence; });
    return states;
}

}  // namespace claimlens
