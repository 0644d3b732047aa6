#pragma once

#include "knowledge/Knowledge.h"
#include "util/Result.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <vector>

namespace claimlens {

/// One thing the analyst told the extractor, kept in order in their knowledge file's "edits" list
/// and applied, in that order, on top of the shipped knowledge and the file's own lists:
///   {"action": "merge", "kind": "company", "names": ["Moonshot"], "into": "Moonshot AI"}
///     every name of `names` (a known entity with all its aliases, or a name the rules found by its
///     context) is from then on the entity `into`, which is made when nothing knows it;
///   {"action": "add", "kind": "person", "name": "Jane Roe"}
///     the name is known, wherever it stands, as an entity of that kind;
///   {"action": "exclude", "kind": "company", "name": "Foo"}
///     the name is not of that kind: a known entity of that name is forgotten (an alias of that
///     name no longer names its entity), and the rules that find names by their context leave it.
struct KnowledgeEdit {
    enum class Action { Add, Merge, Exclude };
    Action action = Action::Add;
    EntityKind kind = EntityKind::Company;
    QString name;        ///< Add, Exclude: the name; Merge: the name kept (canonical)
    QStringList merged;  ///< Merge: the names that become `name`

    static KnowledgeEdit add(EntityKind kind, const QString& name);
    static KnowledgeEdit merge(EntityKind kind, const QStringList& names, const QString& into);
    static KnowledgeEdit exclude(EntityKind kind, const QString& name);

    QJsonObject toJson() const;
    /// `origin` names the file in errors.
    static Result<KnowledgeEdit> fromJson(const QJsonObject& json, const QString& origin);
    /// "Merge Moonshot into Moonshot AI", "Add Jane Roe as a person", "Foo is not a company".
    QString describe() const;
    bool operator==(const KnowledgeEdit&) const = default;
};

/// Where the analyst's knowledge file is: knowledge.json in the user's data folder
/// (util/DataFolder.h), which the window and the CLI both read.
QString userKnowledgePath();
/// Points userKnowledgePath() elsewhere (tests; an empty path restores the default).
void setUserKnowledgePath(const QString& path);

/// The analyst's knowledge file, read and written as a whole: what the file holds besides its
/// edits (lists written by hand, in the shipped files' format) is kept. A file that is not valid
/// JSON is never overwritten: editing it says why instead.
class UserKnowledgeFile {
public:
    explicit UserKnowledgeFile(QString path = userKnowledgePath()) : m_path(std::move(path)) {}
    const QString& path() const { return m_path; }

    /// The edits, oldest first; none when there is no file.
    Result<std::vector<KnowledgeEdit>> edits() const;
    /// Adds an edit after the others (creating the file and its folder when needed).
    Status append(const KnowledgeEdit& edit) const;
    /// Takes the newest edit out of the file (undo) and returns it; an error when there is none.
    Result<KnowledgeEdit> removeLast() const;

private:
    Result<QJsonObject> read() const;
    Status write(const QJsonObject& root) const;

    QString m_path;
};

}  // namespace claimlens
