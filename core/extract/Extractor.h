#pragma once

#include "extract/Extraction.h"
#include "knowledge/Knowledge.h"

#include <memory>

namespace claimlens {

/// Reads an article's sentences for entities, people, statistics, dated events, attributions and
/// claims. Every result keeps the sentence and character span it came from. The rules are general
/// ones about news English; names, demonyms, metric words and verbs come from Knowledge.
class Extractor {
public:
    explicit Extractor(std::shared_ptr<const Knowledge> knowledge = Knowledge::defaults());

    Extraction extract(const Article& article) const;

private:
    struct SentenceContext;
    void findEntities(SentenceContext& c, Extraction& out) const;
    void findOrganisationsByPattern(SentenceContext& c, Extraction& out) const;
    void findPeople(SentenceContext& c, Extraction& out) const;
    /// People with no cue word, by the shape of their names.
    void findPeopleByName(SentenceContext& c, Extraction& out) const;
    void findCompaniesByContext(SentenceContext& c, Extraction& out) const;
    void findStatistics(SentenceContext& c, Extraction& out) const;
    void findEvents(SentenceContext& c, const PartialDate& published, Extraction& out) const;
    /// A bare year beside a full date of the same year in one sentence says nothing more.
    static void dropCoveredYears(SentenceContext& c, Extraction& out);
    void findAttributions(SentenceContext& c, Extraction& out) const;
    /// Entities named in the headline and headings, which no sentence holds.
    void findHeadingEntities(const Article& article, Extraction& out) const;
    void scoreClaim(SentenceContext& c, const Article& article, Extraction& out) const;
    QString sourceName(QStringView phrase) const;

    /// Expressions built once from the knowledge's word lists.
    struct Compiled;
    std::shared_ptr<const Knowledge> m_knowledge;
    std::shared_ptr<const Compiled> m_compiled;
};

}  // namespace claimlens
