#pragma once

#include "knowledge/Knowledge.h"
#include "structure/Article.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace claimlens {

/// What an analyst decided about a reading (see review/Correction in the store): nothing yet, the
/// machine's reading confirmed, the reading corrected, or an item the reading missed added.
enum class Review { None, Confirmed, Edited, Added };
QString reviewName(Review review);  ///< "" for None, else "confirmed", "edited", "added"
Review reviewFromName(const QString& name);

/// An entity named in a sentence. Offsets are into Article::text.
struct Mention {
    int sentence = -1;
    qsizetype start = 0;
    qsizetype end = 0;
    EntityKind kind = EntityKind::Company;
    QString name;     ///< canonical name (a person's name as the article gives it)
    QString surface;  ///< the words in the text
    QString via;      ///< for a company named through its product: the product ("via product")
    Review review = Review::None;
};

/// A number bound to what it measures and whom it is about.
struct Statistic {
    int sentence = -1;
    qsizetype start = 0;  ///< the quantity's words
    qsizetype end = 0;
    QString subject;      ///< canonical country or company
    EntityKind subjectKind = EntityKind::Country;
    QString metricKey;    ///< vocabulary key, or the metric's head noun
    QString metric;       ///< the words that name it
    double value = 0;     ///< full number: "$2.5bn" is 2500000000
    QString unit;         ///< percent, count, USD, CNY, EUR, times
    QString qualifier;    ///< over, almost, about, more than, up to ...
    QString period;       ///< "2014-2023", "2023"
    QString kind;         ///< "" a level; "rise" or "fall" a change ("jumped 800%", "erased $593.7bn")
    Review review = Review::None;
};

struct Event {
    int sentence = -1;
    qsizetype start = 0;  ///< the date's words
    qsizetype end = 0;
    PartialDate date;     ///< invalid when only relative
    QString relative;     ///< "last year" as written, when the date was relative
    Review review = Review::None;
};

struct Claim {
    int sentence = -1;
    double score = 0;
    PartialDate date;  ///< what it reports happens then; invalid when its sentence gives no date
    QStringList actors;
    QString source;
    Review review = Review::None;
};

/// Everything extraction finds in one article.
struct Extraction {
    std::vector<Mention> mentions;
    std::vector<Statistic> statistics;
    std::vector<Event> events;
    std::vector<Claim> claims;
    std::vector<CitedSource> sources;  ///< attributions in sentences ("according to X", "told X")
    /// Companies, products, countries and organisations named in the headline and the section
    /// headings (sentence -1): the document names them too ("Baidu Unveils Ernie 4.0" over a body
    /// that says "the search giant"), though no sentence holds them.
    std::vector<Mention> headingMentions;
};

}  // namespace claimlens
