#pragma once

#include "extract/SentenceContext.h"

namespace claimlens {

/// Finds the dates a sentence states as events: full dates, a month and day placed by the page's
/// date, years, relative dates ("last year", "three days ago"), a month named alone and days
/// counted from an earlier statement ("the next day"). The date arithmetic is DateParser's.
class EventFinder {
public:
    /// The sentence's dated events, into `out.events`; their valid dates also into `c.dates`.
    /// Questions and photo captions date nothing.
    void find(SentenceContext& c, const PartialDate& published, Extraction& out) const;
    /// A bare year beside a full date of the same year in one sentence says nothing more.
    static void dropCoveredYears(SentenceContext& c, Extraction& out);
    /// A year the sentence's statistics take as their period is no event.
    static void dropStatisticPeriods(const SentenceContext& c, Extraction& out);
};

}  // namespace claimlens
