// Our own articles with their own gold (tests/data/articles/gold.json, the shape of the reference
// corpus's gold), scored here the way the acceptance scorer scores, so a clone without ../shared
// still tests extraction end to end: ingest the files, export, compare.
#include "export/JsonExporter.h"
#include "ingest/IngestJob.h"

#include "TestSupport.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

QString fold(const QString& input)
{
    QString s = input.normalized(QString::NormalizationForm_KC);
    s.replace(u'\u2019', u'\'').replace(u'\u2018', u'\'').replace(u'\u201c', u'"').replace(u'\u201d', u'"');
    s.replace(u'\u2013', u'-').replace(u'\u2014', u'-');
    return s.simplified().toLower();
}

QString company(const QString& input)
{
    static const QRegularExpression suffix(QStringLiteral(
        "\\s*(,?\\s*(inc\\.?|ltd\\.?|limited|llc|corp\\.?|corporation|co\\.?|group|holdings?|technolog(y|ies)|company|plc))+$"));
    QString s = fold(input);
    if (s.startsWith(QStringLiteral("the ")))
        s = s.mid(4);
    return s.remove(suffix).trimmed();
}

QString country(const QString& s)
{
    static const QHash<QString, QString> aliases{{QStringLiteral("us"), QStringLiteral("united states")},
                                                 {QStringLiteral("u.s."), QStringLiteral("united states")},
                                                 {QStringLiteral("usa"), QStringLiteral("united states")},
                                                 {QStringLiteral("america"), QStringLiteral("united states")},
                                                 {QStringLiteral("prc"), QStringLiteral("china")},
                                                 {QStringLiteral("uk"), QStringLiteral("united kingdom")},
                                                 {QStringLiteral("britain"), QStringLiteral("united kingdom")}};
    const QString f = fold(s);
    return aliases.value(f, f);
}

struct Tally {
    int tp = 0, fp = 0, fn = 0;
    QStringList notes;
    double f1() const
    {
        const double p = tp + fp ? double(tp) / (tp + fp) : 1.0, r = tp + fn ? double(tp) / (tp + fn) : 1.0;
        return p + r ? 2 * p * r / (p + r) : 0.0;
    }
};

/// Gold items may be a name or a list of accepted alternatives.
void scoreSet(Tally& t, const QString& doc, const QJsonArray& gold, const QJsonArray& got,
              QString (*norm)(const QString&), const QJsonArray& neutral = {})
{
    QSet<QString> have, neutralSet, matched;
    for (const auto& g : got)
        if (!g.toString().trimmed().isEmpty())
            have.insert(norm(g.toString()));
    for (const auto& n : neutral)
        neutralSet.insert(norm(n.isObject() ? n.toObject().value(QStringLiteral("name")).toString() : n.toString()));
    for (const auto& item : gold) {
        QSet<QString> keys;
        if (item.isArray())
            for (const auto& alt : item.toArray())
                keys.insert(norm(alt.toString()));
        else
            keys.insert(norm(item.toString()));
        const QSet<QString> hit = keys & have;
        if (!hit.isEmpty()) {
            ++t.tp;
            matched |= hit;
        } else {
            ++t.fn;
            t.notes << doc + QStringLiteral(": missed ") + *keys.begin();
        }
    }
    for (const QString& h : have - matched - neutralSet) {
        ++t.fp;
        t.notes << doc + QStringLiteral(": extra ") + h;
    }
}

QString unitKind(const QString& u)
{
    const QString f = fold(u).section(QStringLiteral(" per "), 0, 0).trimmed();  // "CNY per 1,000 tokens" is CNY
    if (f == QStringLiteral("%") || f == QStringLiteral("percent"))
        return QStringLiteral("percent");
    if (f == QStringLiteral("usd") || f == QStringLiteral("$"))
        return QStringLiteral("usd");
    if (f == QStringLiteral("cny") || f == QStringLiteral("yuan"))
        return QStringLiteral("cny");
    if (f == QStringLiteral("times"))
        return QStringLiteral("ratio");
    return QStringLiteral("count");
}

/// As the shared scorer matches subjects: the same country or company, or one name's words a run
/// inside the other's ("Moonshot" in "Moonshot AI", "Kuaishou" in "Kling (Kuaishou)"), a generic
/// word matching only itself.
bool subjectMatches(const QString& want, const QString& have)
{
    if (fold(have).isEmpty())
        return false;
    if (country(want) == country(have) || company(want) == company(have))
        return true;
    static const QSet<QString> generic{QStringLiteral("company"), QStringLiteral("the company"), QStringLiteral("firm"),
                                       QStringLiteral("market"), QStringLiteral("country"), QStringLiteral("government"),
                                       QStringLiteral("it"), QStringLiteral("they"), QStringLiteral("world"),
                                       QStringLiteral("industry"), QStringLiteral("report"), QStringLiteral("survey")};
    if (generic.contains(fold(have)) || generic.contains(fold(want)) || fold(have).size() < 3)
        return false;
    static const QRegularExpression word(QStringLiteral("[\\w.\\-]+"), QRegularExpression::UseUnicodePropertiesOption);
    auto wordsOf = [](const QString& s) {
        QStringList out;
        for (auto it = word.globalMatch(company(s)); it.hasNext();)
            out << it.next().captured();
        return out;
    };
    const QStringList a = wordsOf(want), b = wordsOf(have);
    auto runIn = [](const QStringList& x, const QStringList& y) {
        for (qsizetype i = 0; !x.isEmpty() && i + x.size() <= y.size(); ++i)
            if (y.mid(i, x.size()) == x)
                return true;
        return false;
    };
    return runIn(b, a) || runIn(a, b) ||
           std::any_of(a.begin(), a.end(), [&](const QString& w) { return country(w) == country(have); });
}

bool statMatches(const QJsonObject& gold, const QJsonObject& got)
{
    if (!subjectMatches(gold.value(QStringLiteral("subject")).toString(), got.value(QStringLiteral("subject")).toString()))
        return false;
    const double want = gold.value(QStringLiteral("value")).toDouble(), have = got.value(QStringLiteral("value")).toDouble();
    if (std::abs(want - have) > std::max(0.005 * std::abs(want), 1e-9))
        return false;
    if (unitKind(gold.value(QStringLiteral("unit")).toString()) != unitKind(got.value(QStringLiteral("unit")).toString()))
        return false;
    const QString metric = fold(got.value(QStringLiteral("metric")).toString() + u' ' + got.value(QStringLiteral("sentence")).toString());
    for (const auto& k : gold.value(QStringLiteral("metric_keywords")).toArray())
        if (metric.contains(fold(k.toString())))
            return true;
    return false;
}

}  // namespace

TEST(ExtractionGolden, OwnArticlesMeetTheBars)
{
    const QString dir = test::testData(QStringLiteral("articles"));
    const QJsonArray goldDocs =
        QJsonDocument::fromJson(test::readAll(dir + QStringLiteral("/gold.json"))).object().value(QStringLiteral("documents")).toArray();
    ASSERT_GE(goldDocs.size(), 15);
    test::Workspace ws;
    const IngestResult r = IngestJob({{dir}, ws.database()}).run();
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    auto db = Database::open(ws.database());
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ASSERT_TRUE(JsonExporter(*db).write(buffer).ok());
    QHash<QString, QJsonObject> exported;
    for (const auto& d : QJsonDocument::fromJson(buffer.data()).object().value(QStringLiteral("documents")).toArray())
        exported.insert(d.toObject().value(QStringLiteral("file")).toString(), d.toObject());

    Tally companies, countries, people, statistics, events, claims;
    int leaks = 0;
    QStringList leaked;
    for (const auto& value : goldDocs) {
        const QJsonObject g = value.toObject();
        const QString file = g.value(QStringLiteral("file")).toString();
        ASSERT_TRUE(exported.contains(file)) << qPrintable(file);
        const QJsonObject d = exported.value(file);
        scoreSet(companies, file, g.value(QStringLiteral("companies")).toArray(), d.value(QStringLiteral("companies")).toArray(),
                 company, g.value(QStringLiteral("products")).toArray());
        scoreSet(countries, file, g.value(QStringLiteral("countries")).toArray(), d.value(QStringLiteral("countries")).toArray(), country);
        scoreSet(people, file, g.value(QStringLiteral("people")).toArray(), d.value(QStringLiteral("people")).toArray(), fold);

        const QJsonArray gotStats = d.value(QStringLiteral("statistics")).toArray();
        QSet<int> used;
        for (const auto& gs : g.value(QStringLiteral("statistics")).toArray()) {
            int hit = -1;
            for (int k = 0; k < gotStats.size() && hit < 0; ++k)
                if (!used.contains(k) && statMatches(gs.toObject(), gotStats[k].toObject()))
                    hit = k;
            if (hit < 0) {
                ++statistics.fn;
                statistics.notes << file + QStringLiteral(": missed statistic ") + gs.toObject().value(QStringLiteral("subject")).toString() +
                                        u' ' + QString::number(gs.toObject().value(QStringLiteral("value")).toDouble());
            } else {
                used.insert(hit);
                ++statistics.tp;
            }
        }
        QJsonArray allGoldStats = g.value(QStringLiteral("statistics")).toArray();
        for (const auto& optional : g.value(QStringLiteral("optional_statistics")).toArray())
            allGoldStats.append(optional);  // (QJsonArray's + would nest the whole array as one value)
        for (int k = 0; k < gotStats.size(); ++k) {
            if (used.contains(k))
                continue;
            const bool known = std::any_of(allGoldStats.begin(), allGoldStats.end(),
                                           [&](const QJsonValue& gs) { return statMatches(gs.toObject(), gotStats[k].toObject()); });
            if (!known) {
                ++statistics.fp;
                statistics.notes << file + QStringLiteral(": extra statistic ") + QString::fromUtf8(QJsonDocument(gotStats[k].toObject()).toJson(QJsonDocument::Compact)).left(160);
            }
        }

        const QJsonArray gotEvents = d.value(QStringLiteral("events")).toArray();
        auto eventHit = [](const QJsonObject& ge, const QJsonObject& e) {
            if (!e.value(QStringLiteral("date")).toString().startsWith(ge.value(QStringLiteral("date")).toString()))
                return false;
            for (const auto& k : ge.value(QStringLiteral("keywords")).toArray())
                if (fold(e.value(QStringLiteral("text")).toString()).contains(fold(k.toString())))
                    return true;
            return false;
        };
        const QJsonArray goldEvents = g.value(QStringLiteral("events")).toArray();
        for (const auto& ge : goldEvents) {
            const bool found = std::any_of(gotEvents.begin(), gotEvents.end(), [&](const QJsonValue& e) { return eventHit(ge.toObject(), e.toObject()); });
            found ? ++events.tp : ++events.fn;
            if (!found)
                events.notes << file + QStringLiteral(": missed event ") + ge.toObject().value(QStringLiteral("date")).toString();
        }
        for (const auto& e : gotEvents)
            if (std::none_of(goldEvents.begin(), goldEvents.end(), [&](const QJsonValue& ge) { return eventHit(ge.toObject(), e.toObject()); })) {
                ++events.fp;
                events.notes << file + QStringLiteral(": extra event ") + e.toObject().value(QStringLiteral("date")).toString() + u' ' +
                                    e.toObject().value(QStringLiteral("text")).toString().left(80);
            }

        QStringList claimTexts;
        for (const auto& c : d.value(QStringLiteral("claims")).toArray())
            claimTexts << fold(c.toObject().value(QStringLiteral("text")).toString());
        for (const auto& c : g.value(QStringLiteral("claims_must_include")).toArray()) {
            const QString want = fold(c.toString());
            const bool found = std::any_of(claimTexts.begin(), claimTexts.end(), [&](const QString& t) { return t.contains(want); });
            found ? ++claims.tp : ++claims.fn;
            if (!found)
                claims.notes << file + QStringLiteral(": missed claim ") + want.left(80);
        }

        QStringList body;
        for (const char* key : {"sentences", "headings"})
            for (const auto& s : d.value(QLatin1String(key)).toArray())
                body << fold(s.toString());
        for (const auto& line : g.value(QStringLiteral("non_body_lines")).toArray()) {
            const QString l = fold(line.toString());
            const bool isLong = l.split(u' ').size() > 3;
            const bool leak = std::any_of(body.begin(), body.end(), [&](const QString& t) {
                return isLong ? t.contains(l) : (t == l || t.startsWith(l + u' ') || t.endsWith(u' ' + l));
            });
            if (leak) {
                ++leaks;
                leaked << file + QStringLiteral(": ") + l;
            }
        }
    }
    // the same bars as the acceptance scorer sets for the reference articles
    EXPECT_GE(companies.f1(), 0.95) << qPrintable(companies.notes.join(u'\n'));
    EXPECT_GE(countries.f1(), 0.95) << qPrintable(countries.notes.join(u'\n'));
    EXPECT_GE(people.f1(), 0.95) << qPrintable(people.notes.join(u'\n'));
    EXPECT_GE(statistics.f1(), 0.9) << qPrintable(statistics.notes.join(u'\n'));
    EXPECT_GE(events.f1(), 0.9) << qPrintable(events.notes.join(u'\n'));
    EXPECT_GE(claims.f1(), 1.0) << qPrintable(claims.notes.join(u'\n'));
    EXPECT_EQ(leaks, 0) << qPrintable(leaked.join(u'\n'));
}
