#pragma once

#include "extract/Extraction.h"
#include "extract/QuantityFinder.h"
#include "extract/TextScan.h"
#include "knowledge/Knowledge.h"

#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <algorithm>
#include <vector>

namespace claimlens {

// What the finders share: one sentence with its words and what the finders before have found in
// it, the paragraph's state it leans on, and a few helpers of their own. The extractor builds a
// context a sentence and hands it to the finders in turn: entities, statistics, events, then
// attributions and the claim.

/// Unicode classes (\p{Lu}, \b over letters) for every expression the finders build.
inline constexpr auto kUnicode = QRegularExpression::UseUnicodePropertiesOption;

/// Whether the spans [a0, a1) and [b0, b1) share a character.
inline bool overlaps(qsizetype a0, qsizetype a1, qsizetype b0, qsizetype b1)
{
    return a0 < b1 && b0 < a1;
}

/// The words as the alternatives of a regular expression, longest first, a space matching any run
/// of white space.
QString regexAlternatives(const QStringList& words);

/// The words of `s` (letters, digits, hyphens and apostrophes), each copied.
QStringList wordsOf(QStringView s);

/// A country or company named in a sentence, offsets relative to the sentence.
struct SentenceSubject {
    qsizetype start = -1;
    qsizetype end = -1;
    QString name;
    EntityKind kind = EntityKind::Country;
    bool object = false;  ///< after "from", "by", "than": what the number is rarely about
    bool viaProduct = false;
    /// Named through its product: the product as written, with the model's glued parts
    /// ("Qwen-72B-Instruct"). A figure about it is the product's, not its owner's.
    QString product;
};

/// What a paragraph has said so far: later sentences lean on it ("The company said ...").
struct ParagraphState {
    int block = -1;
    SentenceSubject subject;
    bool subjectFromEarlierSentence = false;
    QString lastMetric, lastMetricKey, lastUnit;
    /// the unit of the figure a multiple multiplies ("38,000 ..., six times the US's 6,300"), for
    /// a figure after the multiple in that unit
    QString unitBeforeMultiple;
    /// whom the paragraph's last figure was about (no name before any): a later figure that names
    /// no one and has the same unit goes on about the same subject ("Baidu had 100 million users.
    /// By April the figure was 200 million.")
    SentenceSubject lastStatisticSubject;
    /// the last company and country the paragraph's earlier sentences named (not through a product),
    /// for "the company" or "the country" when the paragraph's subject is of the other kind
    SentenceSubject lastCompany, lastCountry;
    /// the last product the paragraph named, for "the model", "the chatbot", "the app"
    SentenceSubject lastProduct;
    /// the paragraph's latest date, for a month it names alone ("founded in 2023 ... that November")
    PartialDate lastDate;
    /// a photo's caption and credit ("... August 29, 2019. Photo: Reuters"): what it dates is the
    /// picture, not an event of the story
    bool caption = false;
    /// the article's main company and country so far: named most often before here
    const SentenceSubject* articleCompany = nullptr;
    const SentenceSubject* articleCountry = nullptr;
};

/// One sentence as the finders share it.
struct SentenceContext {
    int index = -1;
    const Sentence* sentence = nullptr;
    const Article* article = nullptr;
    qsizetype base = 0;  ///< the sentence's start in the article text
    QString text;        ///< the sentence as written (offsets relative to base)
    std::vector<AliasMatch> aliases;
    std::vector<size_t> mentionIndexes;  ///< this sentence's mentions in Extraction::mentions
    std::vector<Quantity> quantities;
    std::vector<PartialDate> dates;
    QString source;
    bool keyPoint = false;  ///< a bullet or a one-line statement of a digest
    ParagraphState* paragraph = nullptr;
    std::vector<QStringView> words;  ///< the sentence's words as written (views into text)
    QString lower;                   ///< the text in lower case, character for character
    std::vector<QStringView> lowerWords;  ///< its words, for cheap "does it say X" tests (views into lower)

    /// Whether the sentence has the word, given in lower case (a sentence has a few dozen words:
    /// walking them costs less than building a set of them).
    bool says(QStringView word) const
    {
        return std::any_of(lowerWords.begin(), lowerWords.end(), [&](QStringView w) {
            return w.size() == word.size() && std::equal(w.begin(), w.end(), word.begin());
        });
    }
    /// Whether it has any of the words.
    bool saysAny(const WordSet& set) const
    {
        return std::any_of(lowerWords.begin(), lowerWords.end(), [&](QStringView w) { return set.contains(w); });
    }
    /// Fills `lower`, `words` and `lowerWords` from `text`.
    void readWords();
};

}  // namespace claimlens
