#pragma once

#include "extract/Extraction.h"
#include "knowledge/Knowledge.h"

#include <memory>

namespace claimlens {

class ClaimFinder;
class EntityFinder;
class EventFinder;
class StatisticFinder;

/// Reads an article's sentences for entities, people, statistics, dated events, attributions and
/// claims. Every result keeps the sentence and character span it came from. The rules are general
/// ones about news English; names, demonyms, metric words and verbs come from Knowledge.
///
/// The extractor walks the sentences, keeping what each paragraph has said so far, and hands each
/// sentence to the finders in turn: entities, statistics, events, then attributions and the claim.
class Extractor {
public:
    explicit Extractor(std::shared_ptr<const Knowledge> knowledge = Knowledge::defaults());

    Extraction extract(const Article& article) const;

private:
    std::shared_ptr<const EntityFinder> m_entities;
    std::shared_ptr<const StatisticFinder> m_statistics;
    std::shared_ptr<const EventFinder> m_events;
    std::shared_ptr<const ClaimFinder> m_claims;
};

}  // namespace claimlens
