#include "structure/SentenceSplitter.h"

#include "structure/Article.h"

#include <QTextBoundaryFinder>

namespace claimlens {
namespace {

QStringView trimmed(QStringView s)
{
    return s.trimmed();
}

QStringView lastWord(QStringView s)
{
    s = trimmed(s);
    const qsizetype space = s.lastIndexOf(u' ');
    QStringView word = space < 0 ? s : s.sliced(space + 1);
    while (!word.isEmpty() && (word.front() == u'(' || word.front() == u'"' || word.front() == u'\u201c'))
        word = word.sliced(1);
    return word;
}

QStringView firstWord(QStringView s)
{
    s = trimmed(s);
    qsizetype end = 0;
    while (end < s.size() && (s[end].isLetterOrNumber() || s[end] == u'-' || s[end] == u'\''))
        ++end;
    return s.first(end);
}

}  // namespace

SentenceSplitter::SentenceSplitter(std::shared_ptr<const StructureRules> rules) : m_rules(std::move(rules)) {}

bool SentenceSplitter::keepTogether(QStringView before, QStringView after) const
{
    // A sentence ends in . ! ? or an ellipsis, perhaps inside closing quotes or brackets; a break
    // anywhere else (after "U.S.," say) is not a sentence end.
    QStringView end = trimmed(before);
    while (!end.isEmpty() && QStringView(u"\"'\u201d\u2019)]").contains(end.back()))
        end.chop(1);
    if (end.isEmpty() || !QStringView(u".!?\u2026").contains(end.back()))
        return true;
    // “Why now?” she asked: a quoted question or exclamation that the sentence goes on after.
    const QStringView next = trimmed(after);
    if (end.size() < trimmed(before).size() && end.back() != u'.' && !next.isEmpty() && next.front().isLower())
        return true;
    const QStringView word = lastWord(before);
    if (word.isEmpty() || !word.endsWith(u'.'))
        return false;
    const QString w = word.toString();
    if (m_rules->neverBreakAfter.contains(w))
        return true;
    // A single capital and a period is an initial ("J. Smith", "Kai-Fu Lee" written "K. Lee").
    if (w.size() == 2 && w[0].isUpper())
        return true;
    if (m_rules->breakAfterOnlyBeforeStarter.contains(w)) {
        const QString following = firstWord(after).toString();
        return !following.isEmpty() && !m_rules->sentenceStarters.contains(following);
    }
    return false;
}

std::vector<std::pair<qsizetype, qsizetype>> SentenceSplitter::split(const QString& text, qsizetype from,
                                                                     qsizetype to) const
{
    std::vector<std::pair<qsizetype, qsizetype>> out;
    if (to <= from)
        return out;
    // Hard-wrapped lines inside a paragraph are not paragraph breaks: fold them before the finder
    // sees them (same length, so offsets stay valid).
    QString segment = text.mid(from, to - from);
    segment.replace(u'\n', u' ');

    std::vector<qsizetype> breaks;
    QTextBoundaryFinder finder(QTextBoundaryFinder::Sentence, segment);
    for (qsizetype p = finder.toNextBoundary(); p > 0 && p < segment.size(); p = finder.toNextBoundary())
        breaks.push_back(p);
    breaks.push_back(segment.size());

    qsizetype start = 0;
    for (qsizetype b : breaks) {
        const bool atEnd = b == segment.size();
        if (!atEnd) {
            // Unicode breaks after "01." in "01.AI" and after any period followed by a capital;
            // a break that is not after white space, or that follows an abbreviation, is undone.
            if (!segment[b - 1].isSpace())
                continue;
            if (keepTogether(QStringView(segment).sliced(start, b - start), QStringView(segment).sliced(b)))
                continue;
        }
        qsizetype s = start, e = b;
        trimSpan(segment, s, e);
        if (e > s)
            out.emplace_back(from + s, from + e);
        start = b;
    }
    return out;
}

}  // namespace claimlens
