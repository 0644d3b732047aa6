#pragma once

#include "util/Result.h"

#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace claimlens {

/// The data the structure parser and sentence splitter follow: furniture patterns, byline roles,
/// abbreviations. Loaded from resources/structure/rules.json (built in) plus the analyst's own
/// structure-rules.json in the data folder, whose lists are appended.
class StructureRules {
public:
    struct FurniturePattern {
        QString label;
        QRegularExpression pattern;
    };

    /// The built-in rules plus the analyst's file, loaded once and shared (read-only, thread-safe).
    static std::shared_ptr<const StructureRules> defaults();
    /// Rules from JSON text; `origin` names the file in error messages.
    static Result<StructureRules> fromJson(const QByteArray& json, const QString& origin);
    /// Appends another set's lists to this one.
    void merge(const StructureRules& other);

    /// The label of the furniture pattern a trimmed line matches, or a null string.
    QString furnitureLabel(const QString& line) const;

    std::vector<FurniturePattern> furniture;
    QStringList bylineRoles;
    QSet<QString> sectionLabels;  ///< lower case: "opinion", "analysis": labels at an article's top
    QSet<QString> neverBreakAfter;
    QSet<QString> breakAfterOnlyBeforeStarter;
    QSet<QString> sentenceStarters;
    QSet<QString> smallWords;  ///< lower case; ignored when judging whether a line is title-cased
    QSet<QString> wires;       ///< lower case: news agencies whose name alone can stand as a byline

    /// Lines longer than this are never furniture.
    static constexpr qsizetype kMaxFurnitureLength = 300;

private:
    void compile();
    QRegularExpression m_anyFurniture;
};

}  // namespace claimlens
