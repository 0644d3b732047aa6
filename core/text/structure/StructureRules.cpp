#include "structure/StructureRules.h"

#include "util/DataFolder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include <cstdio>

namespace claimlens {
namespace {

QStringList stringList(const QJsonValue& value)
{
    QStringList out;
    for (const auto& v : value.toArray())
        out.append(v.toString());
    return out;
}

QSet<QString> stringSet(const QJsonValue& value, bool lower = false)
{
    QSet<QString> out;
    for (const auto& v : value.toArray())
        out.insert(lower ? v.toString().toLower() : v.toString());
    return out;
}

}  // namespace

Result<StructureRules> StructureRules::fromJson(const QByteArray& json, const QString& origin)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject())
        return Error{QStringLiteral("%1: not a JSON object (%2)").arg(origin, parseError.errorString())};
    const QJsonObject root = doc.object();
    StructureRules rules;
    for (const auto& v : root.value(QStringLiteral("furniture")).toArray()) {
        const QJsonObject o = v.toObject();
        QRegularExpression re(o.value(QStringLiteral("pattern")).toString(),
                              QRegularExpression::CaseInsensitiveOption |
                                  QRegularExpression::UseUnicodePropertiesOption);
        if (!re.isValid())
            return Error{QStringLiteral("%1: furniture pattern %2 is not a valid expression: %3")
                             .arg(origin, re.pattern(), re.errorString())};
        re.optimize();
        rules.furniture.push_back({o.value(QStringLiteral("label")).toString(), std::move(re)});
    }
    rules.bylineRoles = stringList(root.value(QStringLiteral("bylineRoles")));
    rules.sectionLabels = stringSet(root.value(QStringLiteral("sectionLabels")), true);
    rules.neverBreakAfter = stringSet(root.value(QStringLiteral("neverBreakAfter")));
    rules.breakAfterOnlyBeforeStarter = stringSet(root.value(QStringLiteral("breakAfterOnlyBeforeStarter")));
    rules.sentenceStarters = stringSet(root.value(QStringLiteral("sentenceStarters")));
    rules.smallWords = stringSet(root.value(QStringLiteral("smallWords")), true);
    rules.wires = stringSet(root.value(QStringLiteral("wires")), true);
    rules.compile();
    return rules;
}

void StructureRules::merge(const StructureRules& other)
{
    furniture.insert(furniture.end(), other.furniture.begin(), other.furniture.end());
    bylineRoles += other.bylineRoles;
    sectionLabels.unite(other.sectionLabels);
    neverBreakAfter.unite(other.neverBreakAfter);
    breakAfterOnlyBeforeStarter.unite(other.breakAfterOnlyBeforeStarter);
    sentenceStarters.unite(other.sentenceStarters);
    smallWords.unite(other.smallWords);
    wires.unite(other.wires);
    compile();
}

void StructureRules::compile()
{
    QStringList parts;
    for (const auto& f : furniture)
        parts.append(QStringLiteral("(?:%1)").arg(f.pattern.pattern()));
    m_anyFurniture = QRegularExpression(parts.isEmpty() ? QStringLiteral("(?!)") : parts.join(u'|'),
                                        QRegularExpression::CaseInsensitiveOption |
                                            QRegularExpression::UseUnicodePropertiesOption);
    m_anyFurniture.optimize();
}

std::shared_ptr<const StructureRules> StructureRules::defaults()
{
    static const std::shared_ptr<const StructureRules> rules = [] {
        QFile builtIn(shippedDataFile(QStringLiteral("structure/rules.json")));
        builtIn.open(QIODevice::ReadOnly);
        auto base = fromJson(builtIn.readAll(), builtIn.fileName());
        if (!base)  // the built-in file ships with the program; a broken one is a build defect
            qFatal("claimlens: built-in structure rules are broken: %s", qPrintable(base.error()));
        auto out = std::make_shared<StructureRules>(std::move(base.value()));
        const QString userFile = QDir(userDataFolder())
                                     .filePath(QStringLiteral("structure-rules.json"));
        QFile user(userFile);
        if (user.exists() && user.open(QIODevice::ReadOnly)) {
            auto extra = fromJson(user.readAll(), userFile);
            if (extra)
                out->merge(extra.value());
            else  // a broken user file must not stop the program; say so and go on with the built-ins
                std::fprintf(stderr, "claimlens: %s\n", qPrintable(extra.error()));
        }
        return std::shared_ptr<const StructureRules>(std::move(out));
    }();
    return rules;
}

QString StructureRules::furnitureLabel(const QString& line) const
{
    // Furniture is short; a paragraph is not worth twenty expressions. One combined expression
    // answers whether any pattern matches before the labelled ones say which.
    if (line.size() > kMaxFurnitureLength || !m_anyFurniture.match(line).hasMatch())
        return {};
    for (const auto& f : furniture)
        if (f.pattern.match(line).hasMatch())
            return f.label.isEmpty() ? QStringLiteral("furniture") : f.label;
    return {};
}

}  // namespace claimlens
