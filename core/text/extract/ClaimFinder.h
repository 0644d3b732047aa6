#pragma once

#include "extract/SentenceContext.h"

#include <QRegularExpression>

#include <memory>

namespace claimlens {

/// Finds what a sentence cites and how much it claims: the publications and bodies it is
/// attributed to ("according to Reuters", "WIPO reported"), and a score for a checkable claim.
class ClaimFinder {
public:
    explicit ClaimFinder(std::shared_ptr<const Knowledge> knowledge);

    /// The sources the sentence cites, into `out.sources`; the last one found becomes `c.source`.
    void findAttributions(SentenceContext& c, Extraction& out) const;
    /// The sentence as a claim, when it has an actor and enough that can be checked (a figure, a
    /// date, a claim verb, a comparison, a source); its date is its first, else the article's.
    /// Reads what the other finders left in `c`, so it runs last.
    void scoreClaim(SentenceContext& c, Extraction& out) const;

private:
    /// A cited phrase as a source's name: a known publication or body by its canonical name,
    /// else the words as written; empty for a country or product alone.
    QString sourceName(QStringView phrase) const;

    std::shared_ptr<const Knowledge> m_knowledge;
    QRegularExpression m_comparison;  ///< the knowledge's comparison words
    WordSet m_claimVerbs;             ///< views into the knowledge's own list
};

}  // namespace claimlens
