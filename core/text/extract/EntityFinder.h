#pragma once

#include "extract/SentenceContext.h"

#include <QRegularExpression>

#include <memory>
#include <vector>

namespace claimlens {

/// Finds who and what a sentence names: companies, products and their owners, countries,
/// organisations and people, by the knowledge's names and by the shapes news English gives
/// names the knowledge does not hold.
class EntityFinder {
public:
    explicit EntityFinder(std::shared_ptr<const Knowledge> knowledge);

    /// Everything the sentence names, in this order: the knowledge's names, organisations by the
    /// shape of their names, people, then companies by the words around them. Each mention goes
    /// into `out.mentions` and its index into `c.mentionIndexes`; `c.aliases` keeps the
    /// knowledge's matches for the finders after this one.
    void find(SentenceContext& c, Extraction& out) const;
    /// Entities named in the headline and headings, which no sentence holds.
    void findHeadingEntities(const Article& article, Extraction& out) const;

private:
    /// Names the knowledge holds; a product names its owner too.
    void findKnown(SentenceContext& c, Extraction& out) const;
    void findOrganisationsByPattern(SentenceContext& c, Extraction& out) const;
    void findPeople(SentenceContext& c, Extraction& out) const;
    /// People with no cue word, by the shape of their names.
    void findPeopleByName(SentenceContext& c, Extraction& out) const;
    void findCompaniesByContext(SentenceContext& c, Extraction& out) const;

    std::shared_ptr<const Knowledge> m_knowledge;
    /// a person's name by the title, role or verb beside it, built from the knowledge's word lists
    std::vector<QRegularExpression> m_people;
};

}  // namespace claimlens
