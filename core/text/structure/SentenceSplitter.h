#pragma once

#include "structure/StructureRules.h"

#include <QString>

#include <utility>
#include <vector>

namespace claimlens {

/// Splits text into sentences with Unicode's rules (QTextBoundaryFinder), corrected where news
/// writing trips them: abbreviations (Dr., Jan., U.S. before a name), names such as 01.AI, initials.
class SentenceSplitter {
public:
    explicit SentenceSplitter(std::shared_ptr<const StructureRules> rules);

    /// Sentence spans [start, end) within text[from, to), trimmed of surrounding white space.
    std::vector<std::pair<qsizetype, qsizetype>> split(const QString& text, qsizetype from, qsizetype to) const;

private:
    bool keepTogether(QStringView before, QStringView after) const;

    std::shared_ptr<const StructureRules> m_rules;
};

}  // namespace claimlens
