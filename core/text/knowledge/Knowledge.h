#pragma once

#include "util/Result.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace claimlens {

struct KnowledgeEdit;

enum class EntityKind { Company, Product, Country, Organization, Person };
QString entityKindName(EntityKind kind);
/// The kind `entityKindName` names; nullopt for any other word.
std::optional<EntityKind> entityKindFromName(const QString& name);

/// Something the knowledge base knows by name.
struct Entity {
    EntityKind kind = EntityKind::Company;
    QString name;     ///< canonical name
    QString owner;    ///< a product's owner, a company's parent
    QString country;  ///< a company's or organisation's home country
    QString detail;   ///< an organisation's kind ("media", "university", ...)
};

/// A way a text names an entity.
struct Alias {
    enum class Role { Name, Demonym, Metonym };
    QString text;
    int entity = -1;
    Role role = Role::Name;
    bool exactCase = false;  ///< acronyms and names that are also ordinary words
    bool ambiguous = false;  ///< also a common word or a surname: needs a context that is not a name
};

/// A metric the articles report, with the phrases that name it.
struct Metric {
    QString key;
    QString label;
    QString unit;
    QStringList phrases;  ///< lower case
};

/// Words of news English that people, claims and attributions are read by.
struct Language {
    QStringList honorifics;       ///< "Premier", "Commerce Secretary": before a name, capitalised
    QStringList roleNouns;        ///< "founder", "chief executive": lower case
    QSet<QString> speechVerbs;    ///< "said", "told"
    QSet<QString> claimVerbs;     ///< "released", "imposed", "blocked"
    QStringList comparisonWords;  ///< "more than", "compared to"
    QSet<QString> locatives;      ///< "in", "at": before a capital, the city is a place, not its government
    QSet<QString> sourceWords;    ///< "Times", "Agency": words that make a capitalised name a publication
    QSet<QString> givenNames;     ///< "Jane", "Tom": a given name that, before a capitalised word, makes a person
    QSet<QString> chineseSurnames;  ///< "Wang", "Liang": before a given name in pinyin, makes a person
};

/// Where an alias stands in a text.
struct AliasMatch {
    qsizetype start = 0;
    qsizetype end = 0;
    const Alias* alias = nullptr;
};

/// Companies, products, countries, organisations and metrics, loaded from resources/knowledge/*.json
/// plus the analyst's knowledge.json in the data folder (entries there add to or replace the
/// built-in ones by canonical name; its "edits" then apply in order, see KnowledgeEdits.h).
/// Read-only once built, so threads share one instance.
class Knowledge {
public:
    /// The shipped knowledge with the analyst's file on top, as read first or by the last reload().
    static std::shared_ptr<const Knowledge> defaults();
    /// Reads the shipped knowledge and the analyst's file again; defaults() answers with it from
    /// then on (whoever holds the earlier one keeps it).
    static std::shared_ptr<const Knowledge> reload();
    /// Builds from JSON documents: each may hold "companies", "products", "countries",
    /// "organizations", "people" and "metrics" lists, and "edits" (KnowledgeEdits.h), applied
    /// after the lists. `origin` names the file in errors.
    Status add(const QByteArray& json, const QString& origin);
    /// Applies one of the analyst's edits (KnowledgeEdits.h) to what is loaded; finish() after.
    void apply(const KnowledgeEdit& edit);
    /// Call once everything is added: builds the lookup tables.
    void finish();

    const std::vector<Entity>& entities() const { return m_entities; }
    const Entity& entity(int index) const { return m_entities[static_cast<size_t>(index)]; }
    /// The index of the entity of that kind and canonical name, or -1.
    int find(EntityKind kind, const QString& name) const;
    /// Whether the analyst said `name` is not of this kind ("not a company"): the rules that find
    /// names the knowledge does not hold, by their context, leave it alone.
    bool excludes(EntityKind kind, const QString& name) const;
    const std::vector<Metric>& metrics() const { return m_metrics; }
    const Language& language() const { return m_language; }

    /// Every alias in `text`, longest first where they overlap, left to right. Matches respect word
    /// boundaries; the first letter's case must agree (so "us" is never the US); acronyms and
    /// ambiguous names match only in their exact case, and ambiguous ones not inside a longer name.
    std::vector<AliasMatch> match(QStringView text) const;

private:
    int upsert(Entity entity);
    void addAlias(int entity, const QString& text, Alias::Role role, bool ambiguous);
    /// "company:moonshot ai": how m_byKey and m_excluded file a name.
    static QString key(EntityKind kind, const QString& name);

    std::vector<Entity> m_entities;
    std::vector<Alias> m_aliases;
    std::vector<Metric> m_metrics;
    Language m_language;
    QHash<QString, int> m_byKey;                       ///< "kind:name" -> entity (a merged name: the one it became)
    QSet<int> m_removed;                               ///< entities merged into others or excluded: no alias names them
    QSet<QString> m_excluded;                          ///< "kind:name" the analyst said the name is not
    QHash<quint64, std::vector<int>> m_byFirstWord;    ///< first word's key -> aliases, longest first
    std::vector<int> m_hanAliases;                     ///< aliases in Chinese script, found by search
};

}  // namespace claimlens
