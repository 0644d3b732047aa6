#pragma once

// What StatisticFinder's three files share: the finder reads a figure in steps (StatisticFinder.cpp),
// chooses whom it is about (StatisticSubject.cpp) and what it measures (StatisticMetric.cpp).
// No part of the extractor's interface.
#include "extract/SentenceContext.h"

#include <QHash>
#include <QRegularExpression>

#include <optional>
#include <vector>

namespace claimlens::statistics {

/// Where a figure stands in its sentence and how far the words about it reach.
struct Figure {
    const Quantity& q;
    qsizetype limit = 0;        ///< where its words end: the next figure or a clause boundary
    QStringView after;          ///< its words: from the number (a range's upper bound) to `limit`
    qsizetype clauseStart = 0;  ///< where its clause starts
    QRegularExpressionMatch lead;  ///< "of", "from", "among" (the) right after it
    /// "38,000 of some 54,000 inventions": the whole a part before it is of (the world's, unless
    /// its clause names whose); the part is measured by the whole's words
    bool whole = false;
};

// --- whom a figure is about (StatisticSubject.cpp)

/// The names a sentence gives that a figure can be about.
struct NamedSubjects {
    /// countries and companies, in the order written
    std::vector<SentenceSubject> subjects;
    /// bodies, products and events, for a figure about none of those
    std::vector<SentenceSubject> others;
};

NamedSubjects namedSubjects(const SentenceContext& c, const Extraction& out, const Knowledge& knowledge);

/// A name in subject position (among the first words, not a preposition's object) carries on
/// through the paragraph: "Moonshot AI was founded ... In 2024 the company raised $1 billion".
void carrySubjectOn(const SentenceContext& c, const std::vector<SentenceSubject>& subjects, const Language& lang);

/// Whom a figure is about, and whether the figure goes on about the paragraph's last one.
struct FigureSubject {
    SentenceSubject who;
    bool continued = false;  ///< the paragraph's last figure's subject, by its unit alone
};

/// Whom: "83% of Chinese respondents"; a name in the number's own clause ("followed by Ping An
/// with 1,564", "while the figure for China was 19%"); one after it ("6,276 in the US"); the
/// nearest name before it in the sentence; else the paragraph's subject. Nothing when no one is.
std::optional<FigureSubject> chooseSubject(const SentenceContext& c, const Figure& figure, const NamedSubjects& named);

// --- what a figure measures (StatisticMetric.cpp)

/// A metric phrase of the vocabulary where the sentence writes it.
struct MetricSpan {
    qsizetype start, end;
    const Metric* metric;
};

/// The vocabulary's metric phrases where the sentence writes them.
std::vector<MetricSpan> findMetricSpans(const SentenceContext& c, const QRegularExpression& metricPhrases,
                                    const QHash<QString, const Metric*>& metricByPhrase);

/// The noun phrase after a figure that names what it measures.
struct MeasurePhrase {
    QString phrase;
    QStringList words;
    bool participle = false;  ///< "recorded in China": what happened to the amount
    bool clipLength = false;  ///< seconds, minutes, hours: a clip's length
};

/// What: the noun phrase after the number. Nothing when the figure is a duration ("three
/// months") or goes on in the paragraph's measure but names one of its own.
std::optional<MeasurePhrase> measurePhrase(const Figure& figure, bool continued, bool timeAfter, const Language& lang);

/// The vocabulary's metric named nearest the number, within its clause and the words before it.
const Metric* nearestMetric(const std::vector<MetricSpan>& metricSpans, const Figure& figure);

/// The measure's name and key into `st`: the phrase after the figure, the vocabulary's metric, a
/// verb or noun before it, or the paragraph's last measure. False when nothing names one: a
/// number with no named measure is not a statistic anyone can chart.
bool chooseMetric(const SentenceContext& c, const Figure& figure, const MeasurePhrase& measure, const Metric* metric,
                  Statistic& st);

/// Whether a figure is a change and which way: "fell 17%", "erased $593.7 billion of market
/// value", "a 9% drop" fall; "jumped 800%", "up 20%", "a 5% rise" rise; "" for a level.
QString changeKind(const SentenceContext& c, const Figure& figure, const MeasurePhrase& measure);

}  // namespace claimlens::statistics
