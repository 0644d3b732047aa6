#include "knowledge/Knowledge.h"

#include "knowledge/KnowledgeEdits.h"
#include "util/DataFolder.h"
#include "util/Text.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <cstdio>
#include <mutex>

namespace claimlens {
namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber();
}

bool isHan(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0x3400 && u <= 0x4DBF) || (u >= 0xF900 && u <= 0xFAFF);
}

bool containsHan(QStringView s)
{
    return std::any_of(s.begin(), s.end(), isHan);
}

/// The key aliases are filed under: a hash of the first run of letters and digits, lower case. It is
/// read off the text in place (every word of every sentence is looked up, and a copy of each costs
/// more than the lookup); two words that share a hash only bring a candidate that is then compared.
quint64 firstWordKey(QStringView s)
{
    qsizetype b = 0;
    while (b < s.size() && !isWordChar(s[b]))
        ++b;
    quint64 h = 14695981039346656037ULL;  // FNV-1a
    for (qsizetype e = b; e < s.size() && isWordChar(s[e]) && !isHan(s[e]); ++e)
        h = (h ^ lowerChar(s[e])) * 1099511628211ULL;
    return h;
}

/// An acronym ("US", "AMD", "PRC", "U.S."): matched in its exact case only.
bool isAcronym(const QString& s)
{
    int letters = 0;
    for (QChar c : s) {
        if (c.isLetter()) {
            if (!c.isUpper())
                return false;
            ++letters;
        }
    }
    return letters >= 1 && letters <= 5;
}

QStringList strings(const QJsonValue& v)
{
    QStringList out;
    for (const auto& x : v.toArray())
        if (!x.toString().trimmed().isEmpty())
            out.append(x.toString().trimmed());
    return out;
}

}  // namespace

QString entityKindName(EntityKind kind)
{
    switch (kind) {
    case EntityKind::Company:
        return QStringLiteral("company");
    case EntityKind::Product:
        return QStringLiteral("product");
    case EntityKind::Country:
        return QStringLiteral("country");
    case EntityKind::Organization:
        return QStringLiteral("organization");
    case EntityKind::Person:
        return QStringLiteral("person");
    }
    return {};
}

std::optional<EntityKind> entityKindFromName(const QString& name)
{
    for (EntityKind k : {EntityKind::Company, EntityKind::Product, EntityKind::Country, EntityKind::Organization,
                         EntityKind::Person})
        if (entityKindName(k) == name)
            return k;
    return std::nullopt;
}

QString Knowledge::key(EntityKind kind, const QString& name)
{
    return entityKindName(kind) + u':' + name.trimmed().toLower();
}

int Knowledge::find(EntityKind kind, const QString& name) const
{
    return m_byKey.value(key(kind, name), -1);
}

bool Knowledge::excludes(EntityKind kind, const QString& name) const
{
    return !m_excluded.isEmpty() && m_excluded.contains(key(kind, name));
}

int Knowledge::upsert(Entity entity)
{
    const QString key = Knowledge::key(entity.kind, entity.name);
    if (const auto it = m_byKey.constFind(key); it != m_byKey.cend()) {
        m_entities[static_cast<size_t>(*it)] = std::move(entity);  // a later file overrides
        return *it;
    }
    m_entities.push_back(std::move(entity));
    const int index = static_cast<int>(m_entities.size()) - 1;
    m_byKey.insert(key, index);
    return index;
}

void Knowledge::addAlias(int entity, const QString& text, Alias::Role role, bool ambiguous)
{
    if (text.size() < 2)
        return;
    Alias a;
    a.text = text;
    a.entity = entity;
    a.role = role;
    a.ambiguous = ambiguous;
    a.exactCase = ambiguous || isAcronym(text);
    m_aliases.push_back(std::move(a));
}

Status Knowledge::add(const QByteArray& json, const QString& origin)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return Error{QStringLiteral("%1: not a JSON object (%2)").arg(origin, error.errorString())};
    const QJsonObject root = doc.object();

    struct Section {
        const char* key;
        EntityKind kind;
    };
    for (const Section section : {Section{"companies", EntityKind::Company}, Section{"products", EntityKind::Product},
                                  Section{"countries", EntityKind::Country},
                                  Section{"organizations", EntityKind::Organization},
                                  Section{"people", EntityKind::Person}}) {
        for (const auto& value : root.value(QLatin1String(section.key)).toArray()) {
            const QJsonObject o = value.toObject();
            Entity e;
            e.kind = section.kind;
            e.name = o.value(QStringLiteral("name")).toString().trimmed();
            if (e.name.isEmpty())
                return Error{QStringLiteral("%1: an entry in \"%2\" has no name").arg(origin, QLatin1String(section.key))};
            e.owner = o.value(section.kind == EntityKind::Product ? QStringLiteral("owner") : QStringLiteral("parent"))
                          .toString();
            e.country = o.value(QStringLiteral("country")).toString();
            e.detail = o.value(QStringLiteral("kind")).toString();
            const bool ambiguous = o.value(QStringLiteral("ambiguous")).toBool();
            const int index = upsert(e);
            addAlias(index, e.name, Alias::Role::Name, ambiguous);
            for (const QString& alias : strings(o.value(QStringLiteral("aliases"))))
                addAlias(index, alias, Alias::Role::Name, ambiguous && !alias.contains(u' '));
            for (const QString& demonym : strings(o.value(QStringLiteral("demonyms"))))
                addAlias(index, demonym, Alias::Role::Demonym, false);
            for (const QString& metonym : strings(o.value(QStringLiteral("metonyms"))))
                addAlias(index, metonym, Alias::Role::Metonym, false);
        }
    }
    const QJsonObject language = root.value(QStringLiteral("language")).toObject();
    auto addSet = [&](QSet<QString>& set, const char* key, bool lower) {
        for (const QString& w : strings(language.value(QLatin1String(key))))
            set.insert(lower ? w.toLower() : w);
    };
    m_language.honorifics += strings(language.value(QStringLiteral("honorifics")));
    for (const QString& w : strings(language.value(QStringLiteral("roleNouns"))))
        m_language.roleNouns.append(w.toLower());
    for (const QString& w : strings(language.value(QStringLiteral("comparisonWords"))))
        m_language.comparisonWords.append(w.toLower());
    addSet(m_language.speechVerbs, "speechVerbs", true);
    addSet(m_language.claimVerbs, "claimVerbs", true);
    addSet(m_language.locatives, "locatives", true);
    addSet(m_language.sourceWords, "sourceWords", false);
    addSet(m_language.givenNames, "givenNames", false);
    addSet(m_language.chineseSurnames, "chineseSurnames", false);

    for (const auto& value : root.value(QStringLiteral("metrics")).toArray()) {
        const QJsonObject o = value.toObject();
        Metric m{o.value(QStringLiteral("key")).toString(), o.value(QStringLiteral("label")).toString(),
                 o.value(QStringLiteral("unit")).toString(), {}};
        for (const QString& p : strings(o.value(QStringLiteral("phrases"))))
            m.phrases.append(p.toLower());
        auto same = std::find_if(m_metrics.begin(), m_metrics.end(), [&](const Metric& x) { return x.key == m.key; });
        if (same != m_metrics.end())
            *same = m;
        else
            m_metrics.push_back(m);
    }
    // the analyst's edits, in the order made, after the lists they edit
    std::vector<KnowledgeEdit> edits;
    for (const auto& value : root.value(QStringLiteral("edits")).toArray()) {
        auto edit = KnowledgeEdit::fromJson(value.toObject(), origin);
        if (!edit)
            return Error{edit.error()};
        edits.push_back(std::move(*edit));
    }
    for (const KnowledgeEdit& edit : edits)
        apply(edit);
    return {};
}

void Knowledge::finish()
{
    m_byFirstWord.clear();
    m_hanAliases.clear();
    for (size_t i = 0; i < m_aliases.size(); ++i) {
        const Alias& a = m_aliases[i];
        if (a.entity < 0 || m_removed.contains(a.entity))
            continue;  // merged into another, or not what the list said
        if (containsHan(a.text))
            m_hanAliases.push_back(static_cast<int>(i));
        else
            m_byFirstWord[firstWordKey(a.text)].push_back(static_cast<int>(i));
    }
    auto longestFirst = [this](int x, int y) {
        return m_aliases[static_cast<size_t>(x)].text.size() > m_aliases[static_cast<size_t>(y)].text.size();
    };
    for (auto& list : m_byFirstWord)
        std::stable_sort(list.begin(), list.end(), longestFirst);
    std::stable_sort(m_hanAliases.begin(), m_hanAliases.end(), longestFirst);
}

std::vector<AliasMatch> Knowledge::match(QStringView text) const
{
    std::vector<AliasMatch> out;
    // words that start sentences and phrases in capitals without being part of a name
    static const QSet<QString> functionWords{
        QStringLiteral("The"), QStringLiteral("Its"), QStringLiteral("Their"), QStringLiteral("His"), QStringLiteral("Her"),
        QStringLiteral("Our"), QStringLiteral("A"),   QStringLiteral("An"),    QStringLiteral("This"), QStringLiteral("That"),
        QStringLiteral("In"),  QStringLiteral("On"),  QStringLiteral("At"),    QStringLiteral("With"), QStringLiteral("By"),
        QStringLiteral("For"), QStringLiteral("From"), QStringLiteral("And"),  QStringLiteral("But"),  QStringLiteral("While"),
        QStringLiteral("When"), QStringLiteral("As"), QStringLiteral("Unlike"), QStringLiteral("Like"), QStringLiteral("Both")};
    auto capitalisedWordAt = [&](qsizetype from, int direction) {
        // the word just before (direction -1) or after (+1) a span, if it starts with a capital
        qsizetype p = from;
        if (direction < 0) {
            while (p > 0 && text[p - 1] == u' ')
                --p;
            if (p == 0 || !isWordChar(text[p - 1]))
                return false;
            const qsizetype wordEnd = p;
            while (p > 0 && isWordChar(text[p - 1]))
                --p;
            return text[p].isUpper() && !functionWords.contains(text.sliced(p, wordEnd - p).toString());
        }
        if (p >= text.size() || text[p] != u' ')
            return false;
        while (p < text.size() && text[p] == u' ')
            ++p;
        return p < text.size() && text[p].isUpper();
    };

    for (qsizetype p = 0; p < text.size();) {
        if (!isWordChar(text[p]) || isHan(text[p]) || (p > 0 && isWordChar(text[p - 1]) && !isHan(text[p - 1]))) {
            ++p;
            continue;
        }
        const auto it = m_byFirstWord.constFind(firstWordKey(text.sliced(p)));
        qsizetype advance = 1;
        if (it != m_byFirstWord.cend()) {
            for (int index : *it) {
                const Alias& a = m_aliases[static_cast<size_t>(index)];
                const qsizetype end = p + a.text.size();
                if (end > text.size())
                    continue;
                const QStringView candidate = text.sliced(p, a.text.size());
                const bool same = a.exactCase ? candidate == a.text
                                              : candidate.front() == a.text.front() && equalsCaseless(candidate, a.text);
                if (!same)
                    continue;
                if (end < text.size() && isWordChar(text[end]) && isWordChar(text[end - 1]) && !isHan(text[end]))
                    continue;  // inside a longer word
                if (a.ambiguous && (capitalisedWordAt(p, -1) || capitalisedWordAt(end, +1)))
                    continue;  // "Shen Yi": part of a person's name, not the product Yi
                out.push_back({p, end, &a});
                advance = a.text.size();
                break;
            }
        }
        p += advance;
    }
    if (containsHan(text)) {
        std::vector<bool> taken(static_cast<size_t>(text.size()), false);
        for (const auto& m : out)
            std::fill(taken.begin() + m.start, taken.begin() + m.end, true);
        for (int index : m_hanAliases) {
            const Alias& a = m_aliases[static_cast<size_t>(index)];
            for (qsizetype at = text.indexOf(a.text); at >= 0; at = text.indexOf(a.text, at + a.text.size())) {
                if (std::any_of(taken.begin() + at, taken.begin() + at + a.text.size(), [](bool b) { return b; }))
                    continue;
                std::fill(taken.begin() + at, taken.begin() + at + a.text.size(), true);
                out.push_back({at, at + a.text.size(), &a});
            }
        }
        std::sort(out.begin(), out.end(), [](const AliasMatch& x, const AliasMatch& y) { return x.start < y.start; });
    }
    return out;
}

namespace {

/// The shipped files, read once (lists only; finish() is for the copies made of it).
const Knowledge& shipped()
{
    static const Knowledge knowledge = [] {
        Knowledge k;
        for (const char* name : {"companies", "products", "countries", "organizations", "metrics", "language"}) {
            QFile f(shippedDataFile(QStringLiteral("knowledge/%1.json").arg(QLatin1String(name))));
            if (!f.open(QIODevice::ReadOnly))
                qFatal("claimlens: built-in knowledge %s is missing", name);
            if (Status s = k.add(f.readAll(), f.fileName()); !s)
                qFatal("claimlens: built-in knowledge is broken: %s", qPrintable(s.error()));
        }
        return k;
    }();
    return knowledge;
}

std::shared_ptr<const Knowledge> build()
{
    auto k = std::make_shared<Knowledge>(shipped());
    const QString userFile = userKnowledgePath();
    QFile user(userFile);
    if (user.exists() && user.open(QIODevice::ReadOnly)) {
        Knowledge extended = *k;  // a broken file must not leave half its entries behind
        if (Status s = extended.add(user.readAll(), userFile); s)
            *k = std::move(extended);
        else
            std::fprintf(stderr, "claimlens: %s (the built-in knowledge is used)\n", qPrintable(s.error()));
    }
    k->finish();
    return k;
}

struct Current {
    std::mutex mutex;
    std::shared_ptr<const Knowledge> knowledge;
};

Current& current()
{
    static Current c;
    return c;
}

}  // namespace

std::shared_ptr<const Knowledge> Knowledge::defaults()
{
    Current& c = current();
    const std::lock_guard lock(c.mutex);
    if (!c.knowledge)
        c.knowledge = build();
    return c.knowledge;
}

std::shared_ptr<const Knowledge> Knowledge::reload()
{
    auto fresh = build();  // read outside the lock: extractors keep asking for the one in use
    Current& c = current();
    const std::lock_guard lock(c.mutex);
    c.knowledge = fresh;
    return fresh;
}

}  // namespace claimlens
