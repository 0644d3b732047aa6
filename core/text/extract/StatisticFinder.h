#pragma once

#include "extract/SentenceContext.h"

#include <QHash>
#include <QRegularExpression>

#include <memory>

namespace claimlens {

/// Finds a sentence's statistics: each quantity it states, bound to whom it is about (a country,
/// a company, else a body, a product or the world) and to what it measures, with its qualifier and
/// period. A figure is read in steps: where it stands and how far its words reach, its subject,
/// its period, the noun phrase after it, then the metric that phrase or the words before it name.
class StatisticFinder {
public:
    explicit StatisticFinder(std::shared_ptr<const Knowledge> knowledge);

    /// The sentence's quantities into `c.quantities` and its statistics into `out.statistics`.
    /// Reads the entity finder's mentions; leaves the paragraph's subject and last measure for the
    /// sentences after.
    void find(SentenceContext& c, Extraction& out) const;

private:
    std::shared_ptr<const Knowledge> m_knowledge;
    QRegularExpression m_metricPhrases;  ///< every metric phrase, inflections allowed
    QHash<QString, const Metric*> m_metricByPhrase;
};

}  // namespace claimlens
