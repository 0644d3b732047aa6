#include "knowledge/KnowledgeEdits.h"

#include "util/DataFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <iterator>
#include <mutex>
#include <optional>

namespace claimlens {
namespace {

const QString kEdits = QStringLiteral("edits");

struct PathOverride {
    std::mutex mutex;
    QString path;
};

PathOverride& pathOverride()
{
    static PathOverride p;
    return p;
}

QString actionName(KnowledgeEdit::Action action)
{
    switch (action) {
    case KnowledgeEdit::Action::Add:
        return QStringLiteral("add");
    case KnowledgeEdit::Action::Merge:
        return QStringLiteral("merge");
    case KnowledgeEdit::Action::Exclude:
        return QStringLiteral("exclude");
    }
    return {};
}

std::optional<EntityKind> kindFromName(const QString& name)
{
    for (EntityKind k : {EntityKind::Company, EntityKind::Product, EntityKind::Country, EntityKind::Organization,
                         EntityKind::Person})
        if (entityKindName(k) == name)
            return k;
    return std::nullopt;
}

QString article(EntityKind kind)
{
    return kind == EntityKind::Organization ? QStringLiteral("an") : QStringLiteral("a");
}

}  // namespace

KnowledgeEdit KnowledgeEdit::add(EntityKind kind, const QString& name)
{
    return {Action::Add, kind, name.simplified(), {}};
}

KnowledgeEdit KnowledgeEdit::merge(EntityKind kind, const QStringList& names, const QString& into)
{
    KnowledgeEdit e{Action::Merge, kind, into.simplified(), {}};
    for (const QString& n : names)
        if (!n.simplified().isEmpty() && n.simplified().compare(e.name, Qt::CaseInsensitive) != 0 &&
            !e.merged.contains(n.simplified(), Qt::CaseInsensitive))
            e.merged.append(n.simplified());
    return e;
}

KnowledgeEdit KnowledgeEdit::exclude(EntityKind kind, const QString& name)
{
    return {Action::Exclude, kind, name.simplified(), {}};
}

QJsonObject KnowledgeEdit::toJson() const
{
    QJsonObject o{{QStringLiteral("action"), actionName(action)}, {QStringLiteral("kind"), entityKindName(kind)}};
    if (action == Action::Merge) {
        o.insert(QStringLiteral("names"), QJsonArray::fromStringList(merged));
        o.insert(QStringLiteral("into"), name);
    } else {
        o.insert(QStringLiteral("name"), name);
    }
    return o;
}

Result<KnowledgeEdit> KnowledgeEdit::fromJson(const QJsonObject& json, const QString& origin)
{
    const QString action = json.value(QStringLiteral("action")).toString();
    const auto kind = kindFromName(json.value(QStringLiteral("kind")).toString(QStringLiteral("company")));
    if (!kind)
        return Error{QStringLiteral("%1: an edit has an unknown kind \"%2\"").arg(origin, json.value(QStringLiteral("kind")).toString())};
    KnowledgeEdit e;
    if (action == QStringLiteral("merge")) {
        QStringList names;
        for (const auto& v : json.value(QStringLiteral("names")).toArray())
            names.append(v.toString());
        e = merge(*kind, names, json.value(QStringLiteral("into")).toString());
        if (e.merged.isEmpty())
            return Error{QStringLiteral("%1: a merge into \"%2\" names nothing to merge").arg(origin, e.name)};
    } else if (action == QStringLiteral("add")) {
        e = add(*kind, json.value(QStringLiteral("name")).toString());
    } else if (action == QStringLiteral("exclude")) {
        e = exclude(*kind, json.value(QStringLiteral("name")).toString());
    } else {
        return Error{QStringLiteral("%1: an edit has an unknown action \"%2\" (add, merge or exclude)").arg(origin, action)};
    }
    if (e.name.isEmpty())
        return Error{QStringLiteral("%1: a \"%2\" edit has no name").arg(origin, action)};
    return e;
}

QString KnowledgeEdit::describe() const
{
    switch (action) {
    case Action::Add:
        return QStringLiteral("Add %1 as %2 %3").arg(name, article(kind), entityKindName(kind));
    case Action::Merge:
        return QStringLiteral("Merge %1 into %2").arg(merged.join(QStringLiteral(", ")), name);
    case Action::Exclude:
        return QStringLiteral("%1 is not %2 %3").arg(name, article(kind), entityKindName(kind));
    }
    return {};
}

void Knowledge::apply(const KnowledgeEdit& edit)
{
    const QString editKey = key(edit.kind, edit.name);
    switch (edit.action) {
    case KnowledgeEdit::Action::Add: {
        m_excluded.remove(editKey);
        if (find(edit.kind, edit.name) >= 0)
            return;  // known already (an entity excluded earlier is not: it comes back by this name alone)
        Entity e;
        e.kind = edit.kind;
        e.name = edit.name;
        const int index = upsert(e);
        addAlias(index, e.name, Alias::Role::Name, false);
        return;
    }
    case KnowledgeEdit::Action::Merge: {
        m_excluded.remove(editKey);
        int target = find(edit.kind, edit.name);
        if (target >= 0 && m_removed.contains(target))
            target = -1;
        if (target < 0) {
            Entity e;
            e.kind = edit.kind;
            e.name = edit.name;
            target = upsert(e);
            m_removed.remove(target);
            addAlias(target, e.name, Alias::Role::Name, false);
        }
        Entity& into = m_entities[static_cast<size_t>(target)];
        for (const QString& name : edit.merged) {
            m_excluded.remove(key(edit.kind, name));
            const int from = find(edit.kind, name);
            if (from == target)
                continue;
            if (from >= 0) {
                // a known entity: its aliases name the target from now on, and what it owned the target owns
                const QString fromName = m_entities[static_cast<size_t>(from)].name;
                for (Alias& a : m_aliases)
                    if (a.entity == from)
                        a.entity = target;
                for (auto it = m_byKey.begin(); it != m_byKey.end(); ++it)
                    if (*it == from)
                        *it = target;
                for (Entity& e : m_entities)
                    if (e.owner == fromName && e.kind != EntityKind::Country)
                        e.owner = into.name;
                if (into.country.isEmpty())
                    into.country = m_entities[static_cast<size_t>(from)].country;
                m_removed.insert(from);
            } else {
                m_byKey.insert(key(edit.kind, name), target);
            }
            addAlias(target, name, Alias::Role::Name, false);
        }
        return;
    }
    case KnowledgeEdit::Action::Exclude: {
        m_excluded.insert(editKey);
        if (const int known = find(edit.kind, edit.name); known >= 0 && key(edit.kind, entity(known).name) == editKey) {
            m_removed.insert(known);  // the entity itself: none of its names names it
            for (auto it = m_byKey.begin(); it != m_byKey.end();)
                it = *it == known ? m_byKey.erase(it) : std::next(it);
            return;
        }
        // another entity's alias (or a name merged into one): that name alone no longer names it
        for (Alias& a : m_aliases)
            if (a.entity >= 0 && entity(a.entity).kind == edit.kind && key(edit.kind, a.text) == editKey)
                a.entity = -1;
        m_byKey.remove(editKey);
        return;
    }
    }
}

QString userKnowledgePath()
{
    PathOverride& o = pathOverride();
    {
        const std::lock_guard lock(o.mutex);
        if (!o.path.isEmpty())
            return o.path;
    }
    return QDir(userDataFolder()).filePath(QStringLiteral("knowledge.json"));
}

void setUserKnowledgePath(const QString& path)
{
    PathOverride& o = pathOverride();
    const std::lock_guard lock(o.mutex);
    o.path = path;
}

Result<QJsonObject> UserKnowledgeFile::read() const
{
    QFile f(m_path);
    if (!f.exists())
        return QJsonObject();
    if (!f.open(QIODevice::ReadOnly))
        return Error{QStringLiteral("%1: %2").arg(m_path, f.errorString())};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (!doc.isObject())
        return Error{QStringLiteral("%1 is not a JSON object (%2); mend it or move it away to edit the knowledge from the window")
                         .arg(m_path, error.errorString())};
    return doc.object();
}

Status UserKnowledgeFile::write(const QJsonObject& root) const
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Error{QStringLiteral("cannot make the folder of %1").arg(m_path)};
    QSaveFile f(m_path);  // all or nothing: a crash leaves the file as it was
    if (!f.open(QIODevice::WriteOnly))
        return Error{QStringLiteral("%1: %2").arg(m_path, f.errorString())};
    f.write(QJsonDocument(root).toJson(QJsonDocument::Indented));
    if (!f.commit())
        return Error{QStringLiteral("%1: %2").arg(m_path, f.errorString())};
    return {};
}

Result<std::vector<KnowledgeEdit>> UserKnowledgeFile::edits() const
{
    auto root = read();
    if (!root)
        return Error{root.error()};
    std::vector<KnowledgeEdit> out;
    for (const auto& value : root->value(kEdits).toArray()) {
        auto edit = KnowledgeEdit::fromJson(value.toObject(), m_path);
        if (!edit)
            return Error{edit.error()};
        out.push_back(std::move(*edit));
    }
    return out;
}

Status UserKnowledgeFile::append(const KnowledgeEdit& edit) const
{
    auto root = read();
    if (!root)
        return Error{root.error()};
    if (auto valid = KnowledgeEdit::fromJson(edit.toJson(), m_path); !valid)
        return Error{valid.error()};
    QJsonArray edits = root->value(kEdits).toArray();
    edits.append(edit.toJson());
    root->insert(kEdits, edits);
    return write(*root);
}

Result<KnowledgeEdit> UserKnowledgeFile::removeLast() const
{
    auto root = read();
    if (!root)
        return Error{root.error()};
    QJsonArray edits = root->value(kEdits).toArray();
    if (edits.isEmpty())
        return Error{QStringLiteral("%1 holds no edit to undo").arg(m_path)};
    auto last = KnowledgeEdit::fromJson(edits.last().toObject(), m_path);
    if (!last)
        return Error{last.error()};
    edits.removeLast();
    if (edits.isEmpty())
        root->remove(kEdits);
    else
        root->insert(kEdits, edits);
    if (Status s = write(*root); !s)
        return Error{s.error()};
    return last;
}

}  // namespace claimlens
