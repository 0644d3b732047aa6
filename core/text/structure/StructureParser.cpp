#include "structure/StructureParser.h"

#include "structure/DateParser.h"
#include "structure/PageLayout.h"

#include <QRegularExpression>

#include <algorithm>

namespace claimlens {
namespace {

constexpr int kHeaderLines = 8;  // bylines and datelines stand near the top, or near the headline
constexpr size_t kLayoutHeaderLines = 24;  // where the layout looks for them: a page's top runs longer
constexpr auto kOptions = QRegularExpression::UseUnicodePropertiesOption;

/// Two to four capitalised words, with the particles names carry.
const QString& namePattern()
{
    static const QString name = QStringLiteral(
        "(?:\\p{Lu}[\\p{L}'\\x{2019}.\\-]*)(?:\\s+(?:\\p{Lu}[\\p{L}'\\x{2019}.\\-]*|van|von|de|da|del|der|bin|al)){1,3}");
    return name;
}

const QString& nameListPattern()
{
    static const QString list = QStringLiteral("(%1(?:\\s*,\\s*%1)*(?:\\s*,?\\s+(?:and|&)\\s+%1)?)").arg(namePattern());
    return list;
}

QStringList splitNames(const QString& list)
{
    static const QRegularExpression separators(QStringLiteral("\\s*(?:,|\\band\\b|&)\\s*"));
    QStringList names = list.split(separators, Qt::SkipEmptyParts);
    for (QString& n : names)
        n = n.trimmed();
    return names;
}

bool endsWithAny(QStringView s, QStringView chars)
{
    return !s.isEmpty() && chars.contains(s.back());
}

qsizetype wordCount(QStringView s)
{
    qsizetype n = 0;
    bool inWord = false;
    for (QChar c : s) {
        const bool space = c.isSpace();
        if (!space && !inWord)
            ++n;
        inWord = !space;
    }
    return n;
}

/// The first letter or digit, past opening quotes and brackets.
QChar firstSignificant(QStringView s)
{
    for (QChar c : s)
        if (c.isLetterOrNumber())
            return c;
    return {};
}

/// A line whose next line follows without a blank and starts in lower case is wrapped text.
template <typename Lines>
bool continuesOnNextLine(const Lines& lines, size_t i)
{
    return i + 1 < lines.size() && !lines[i + 1].afterBlank && lines[i + 1].text.front().isLower();
}

bool isBodyBlock(const Block& b)
{
    return b.kind == BlockKind::Paragraph || b.kind == BlockKind::Bullet;
}

int lastBodyBlock(const std::vector<Block>& blocks)
{
    for (int i = static_cast<int>(blocks.size()) - 1; i >= 0; --i)
        if (isBodyBlock(blocks[static_cast<size_t>(i)]))
            return i;
    return -1;
}

}  // namespace

struct StructureParser::Line {
    qsizetype start;
    qsizetype end;
    QString text;
    bool last;
    bool afterBlank;  ///< a blank line (or the start) comes before it
    qsizetype words = 0;
    bool header = false;  ///< a byline or dateline near the top
};

StructureParser::StructureParser(std::shared_ptr<const StructureRules> rules)
    : m_rules(std::move(rules)),
      m_splitter(m_rules),
      m_roleLine(QStringLiteral("^%1\\s*[|,\\x{2013}\\x{2014}-]\\s*((?:[\\p{L}]+\\s+){0,3}(?:%2)s?)\\b(.*)$")
                     .arg(nameListPattern(), m_rules->bylineRoles.join(u'|')),
                 kOptions | QRegularExpression::CaseInsensitiveOption)
{
    m_roleLine.optimize();
}

bool StructureParser::isTitleCased(QStringView line) const
{
    int counted = 0, capitalised = 0;
    for (QStringView word : line.split(u' ', Qt::SkipEmptyParts)) {
        const QChar first = firstSignificant(word);
        if (first.isNull())
            continue;
        // the word without surrounding quotes and punctuation, lower case
        qsizetype from = 0, to = word.size();
        while (from < to && !word[from].isLetterOrNumber())
            ++from;
        while (to > from && !word[to - 1].isLetterOrNumber() && word[to - 1] != u'.')
            --to;
        if (m_rules->smallWords.contains(word.sliced(from, to - from).toString().toLower()))
            continue;
        ++counted;
        if (first.isUpper() || first.isDigit())
            ++capitalised;
    }
    return counted > 0 && capitalised * 10 >= counted * 6;
}

bool StructureParser::isHeadlineLike(QStringView line, bool standsAlone) const
{
    if (line.size() > 200)  // before counting words: most lines asked are paragraphs
        return false;
    const qsizetype words = wordCount(line);
    const QChar first = firstSignificant(line);
    if (words < 2 || words > 20 || endsWithAny(line, u",;:") || first.isNull() || first.isLower())
        return false;
    // Some headlines are sentences ("X Did Not End the War. It Changed the Argument."): a line with a
    // full stop reads as one only when it stands alone and is title-cased or short.
    if (line.back() == u'.')
        return standsAlone && (isTitleCased(line) || words <= 12);
    return true;
}

bool StructureParser::isHeadingLike(QStringView line) const
{
    if (line.size() > 100)  // before counting words: most lines asked are paragraphs
        return false;
    const qsizetype words = wordCount(line);
    if (words < 1 || words > 14 || endsWithAny(line, u".,;:!"))
        return false;
    // a sentence that ends inside closing quotes ("... growth.”) is still a sentence
    if (line.size() >= 2 && QStringView(u"\"\u201d\u2019'").contains(line.back()) &&
        QStringView(u".!?").contains(line[line.size() - 2]))
        return false;
    const QChar first = firstSignificant(line);
    return !first.isNull() && (first.isUpper() || first.isDigit()) && isTitleCased(line);
}

bool StructureParser::isRole(const QString& words) const
{
    for (const QString& role : m_rules->bylineRoles)
        if (words.endsWith(role, Qt::CaseInsensitive) || words.endsWith(role + u's', Qt::CaseInsensitive))
            return true;
    return false;
}

std::optional<PartialDate> StructureParser::datelineDate(const QString& line) const
{
    if (auto date = DateParser::parseDateLine(line))
        return date;
    // "Issue #42 · Tuesday, April 16, 2024": a date beside a short label
    static const QRegularExpression separators(QStringLiteral("\\s+[\\x{00B7}|\\x{2022}]\\s+"), kOptions);
    if (!line.contains(u'|') && !line.contains(u'\u00B7') && !line.contains(u'\u2022'))
        return std::nullopt;
    if (wordCount(line) > 12)
        return std::nullopt;
    for (const QString& part : line.split(separators, Qt::SkipEmptyParts))
        if (auto date = DateParser::parseDateLine(part))
            return date;
    return std::nullopt;
}

bool StructureParser::classifyHeaderLine(Article& article, const Line& line) const
{
    static const QRegularExpression byline(
        QStringLiteral("^(?:[Bb][Yy]|(?:[Ww]ritten|[Pp]repared|[Rr]eported|[Ww]ords|[Tt]ext|[Cc]ompiled) by|[Tt]ext\\s*/|\\x{6587}\\s*[/\\x{FF0F}]|"
                       "[Aa]uthors?\\s*:|[Rr]eporters?\\s*:):?\\s+%1"
                       "(?:\\s+in\\s+\\p{Lu}[\\p{L}.' -]{1,30}?)?"  // "By Li Na in Beijing"
                       "(?:\\s*\\(([^()]{1,80})\\))?(?:\\s*(?:[-\\x{2013}\\x{2014}|,/])\\s*(.+?))?\\s*$")
            .arg(nameListPattern()),
        kOptions);
    // the line's first word says which shapes it can have: the expressions only where it can
    qsizetype firstEnd = 0;
    while (firstEnd < line.text.size() && line.text[firstEnd].isLetter())
        ++firstEnd;
    const QString opener = line.text.left(firstEnd).toLower();
    static const QSet<QString> bylineOpeners{QStringLiteral("by"),      QStringLiteral("written"),  QStringLiteral("prepared"),
                                             QStringLiteral("reported"), QStringLiteral("words"),   QStringLiteral("text"),
                                             QStringLiteral("compiled"), QStringLiteral("author"),  QStringLiteral("authors"),
                                             QStringLiteral("reporter"), QStringLiteral("reporters"), QStringLiteral("\u6587")};
    const auto m = bylineOpeners.contains(opener) ? byline.match(line.text) : QRegularExpressionMatch();
    if (m.hasMatch()) {
        // "By Ana Ruiz, Technology Correspondent": a capitalised role is not a second author
        QStringList names = splitNames(m.captured(1));
        names.removeIf([&](const QString& n) { return isRole(n); });
        if (names.isEmpty())
            return false;
        article.author = names.join(QStringLiteral(", "));
        // "Text / NAME (public account: CHANNEL)": a repost names the outlet it comes from
        const QString aside = m.captured(2);
        if (const qsizetype colon = aside.indexOf(u':'); colon >= 0 && !aside.mid(colon + 1).trimmed().isEmpty())
            article.sources.push_back({aside.mid(colon + 1).trimmed(), SourceKind::Outlet, {}, line.start, line.end,
                                       static_cast<int>(article.blocks.size()), -1});
        const QString tail = m.captured(3).trimmed();
        if (auto date = DateParser::parseDateLine(tail))
            article.published = *date;
        else if (m_rules->wires.contains(tail.toLower()))  // "By Ana Ruiz, Reuters": the agency is a source
            article.sources.push_back({tail, SourceKind::Byline, {}, line.start, line.end,
                                       static_cast<int>(article.blocks.size()), -1});
        else if (!tail.isEmpty() && !isRole(tail))
            article.section = tail;
        return true;
    }
    // "Ana Ruiz | March 4, 2025": a name and a date between separators
    static const QRegularExpression separators(QStringLiteral("\\s+[|\\x{00B7}\\x{2022}]\\s+"), kOptions);
    static const QRegularExpression nameOnly(QStringLiteral("^(?:[Bb]y\\s+)?%1$").arg(nameListPattern()), kOptions);
    const bool separated = line.text.contains(u'|') || line.text.contains(u'\u00B7') || line.text.contains(u'\u2022');
    if (const QStringList parts = separated ? line.text.split(separators) : QStringList(); parts.size() == 2)
        for (int k : {0, 1})
            if (const auto name = nameOnly.match(parts[1 - k]); name.hasMatch())
                if (auto date = DateParser::parseDateLine(parts[k])) {
                    article.author = splitNames(name.captured(1)).join(QStringLiteral(", "));
                    if (!article.published.isValid())
                        article.published = *date;
                    return true;
                }
    // "Posted on 2025-01-20 by Dr. Ana Ruiz": a blog's date and author on one line
    static const QRegularExpression posted(
        QStringLiteral("^(?:[Pp]osted|[Pp]ublished|[Ww]ritten|[Uu]pdated)\\s+(?:on\\s+)?(.{6,40}?),?\\s+by\\s+%1\\s*$")
            .arg(nameListPattern()),
        kOptions);
    static const QSet<QString> postedOpeners{QStringLiteral("posted"), QStringLiteral("published"),
                                             QStringLiteral("written"), QStringLiteral("updated")};
    if (const auto p = postedOpeners.contains(opener) ? posted.match(line.text) : QRegularExpressionMatch(); p.hasMatch()) {
        if (auto date = DateParser::parseDateLine(p.captured(1))) {
            article.author = splitNames(p.captured(2)).join(QStringLiteral(", "));
            if (!article.published.isValid())
                article.published = *date;
            return true;
        }
    }
    // "Ana Ruiz, special to The Harbour Post": a contributor's byline
    static const QRegularExpression specialTo(QStringLiteral("^%1,\\s+special to\\s+(?:the\\s+)?\\p{Lu}.{1,60}$").arg(nameListPattern()),
                                              kOptions | QRegularExpression::CaseInsensitiveOption);
    if (line.text.contains(QStringLiteral("pecial to")))
        if (const auto sp = specialTo.match(line.text); sp.hasMatch() && firstSignificant(line.text).isUpper()) {
            article.author = splitNames(sp.captured(1)).join(QStringLiteral(", "));
            return true;
        }
    const auto r = m_roleLine.match(line.text);
    if (r.hasMatch() && firstSignificant(line.text).isUpper()) {
        article.author = splitNames(r.captured(1)).join(QStringLiteral(", "));
        return true;
    }
    return false;
}

Article StructureParser::parse(QString text, const Hints& hints) const
{
    static const QRegularExpression metadata(QStringLiteral("^(\\p{L}[\\p{L} ]{0,24}?)\\s*:\\s*(\\d[\\d,.]*\\s*[KkMm]?)$"),
                                             kOptions);
    static const QRegularExpression channel(
        QStringLiteral("^(\\p{Lu}.{0,80}?[^\\s.,;:])\\s+(\\d{1,3}(?:minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|"
                       "months?|mo|years?|yrs?|y)|\\d{1,3}\\s+(?:minutes?|hours?|days?|weeks?|months?|years?)\\s+ago)$"),
        kOptions);
    static const QRegularExpression attribution(
        QStringLiteral("^\\(?(?:Source|Sources|Via)\\s*:\\s*(.{2,100}?)\\)?\\.?$"), kOptions);
    static const QRegularExpression bullet(
        QStringLiteral("^(?:[\\x{2022}\\x{25E6}\\x{25AA}\\x{25B8}\\x{25BA}\\x{2023}\\x{2043}*\\x{2013}\\x{2014}-]|\\d{1,2}[.)])\\s+(?=\\S)"),
        kOptions);

    Article article;
    article.text = std::move(text);
    const QString& t = article.text;

    std::vector<Line> lines;
    bool blank = true;
    for (qsizetype pos = 0; pos <= t.size();) {
        qsizetype nl = t.indexOf(u'\n', pos);
        if (nl < 0)
            nl = t.size();
        qsizetype s = pos, e = nl;
        trimSpan(t, s, e);
        if (e > s)
            lines.push_back({s, e, t.mid(s, e - s), false, blank});
        blank = e == s;
        pos = nl + 1;
    }
    if (!lines.empty())
        lines.back().last = true;
    auto isListItem = [&](size_t i) {
        return i < lines.size() && !lines[i].text.front().isLetter() && bullet.match(lines[i].text).hasMatch();
    };
    // set apart from what is around it: blank lines, a label above, or a byline below
    auto standsAlone = [&](size_t i) {
        const bool before = i == 0 || lines[i].afterBlank || lines[i - 1].words <= 3;
        const bool after = lines[i].last || lines[i + 1].afterBlank || lines[i + 1].header;
        return before && after;
    };

    // The page's layout first: masthead, menus, the headline among them, the tail after the
    // article. Bylines and datelines are looked for near the top, and near the headline the
    // layout finds.
    std::vector<PageLine> pageLines;
    pageLines.reserve(lines.size());
    for (size_t i = 0; i < lines.size(); ++i) {
        Line& line = lines[i];
        line.words = wordCount(line.text);
        PageLine p{line.text, line.afterBlank};
        if (i < kLayoutHeaderLines && line.words <= 20) {  // bylines and datelines are short
            Article probe;
            p.dateline = datelineDate(line.text).has_value();
            p.header = p.dateline || classifyHeaderLine(probe, line);
        }
        p.bullet = isListItem(i);
        pageLines.push_back(std::move(p));
    }
    const PageLayout layout(*m_rules, [&](int i) {
        const auto k = static_cast<size_t>(i);
        return !lines[k].last && isHeadlineLike(lines[k].text, standsAlone(k)) && !continuesOnNextLine(lines, k);
    });
    const PageLayout::Reading page = layout.read(pageLines, hints.page, hints.title);
    const int headerLimit = std::max(kHeaderLines, page.title + kHeaderLines);
    for (size_t i = 0; i < lines.size(); ++i)
        lines[i].header = static_cast<int>(i) < headerLimit && pageLines[i].header;

    // Where the header ends: the last byline or dateline near the top. Short lines between the
    // title and it are labels ("Policy Brief No. 7"), not headings.
    int headerEnd = -1;
    for (size_t i = 0; i < lines.size(); ++i)
        if (lines[i].header)
            headerEnd = static_cast<int>(i);
    bool paragraphSeen = false;  // section labels stand above the first paragraph

    // "Why the names matter": a short line in sentence case, set apart by blank lines and
    // followed by a paragraph, heads a section too
    auto isSentenceCaseHeading = [&](size_t i) {
        const QString& candidate = lines[i].text;
        return lines[i].words <= 8 && candidate.size() <= 70 && candidate.front().isUpper() &&
               !endsWithAny(candidate, u".!?:;,\"\u201d\u2019)") &&
               lines[i].afterBlank && !lines[i].last && lines[i + 1].afterBlank && lines[i + 1].words > 12;
    };

    bool bodySeen = false;  // a title can only come before the body; a byline only near the top
    int outletBlock = -1;
    for (size_t i = 0; i < lines.size(); ++i) {
        const Line& line = lines[i];
        Block block{BlockKind::Paragraph, line.start, line.end, line.start, -1, {}, {}};
        const QString& furniture = page.patternLabels[i];
        // metadata, channel and attribution lines are short: long lines skip their expressions
        const bool shortLine = line.text.size() <= 160;
        const qsizetype words = line.words;
        QRegularExpressionMatch m;
        const LineRole& role = page.roles[i];
        if (static_cast<int>(i) == page.outletLine)
            outletBlock = static_cast<int>(article.blocks.size());
        if (role.kind == LineRole::Kind::Furniture || role.kind == LineRole::Kind::Masthead) {
            block.kind = BlockKind::Furniture;
            block.key = role.kind == LineRole::Kind::Masthead ? QStringLiteral("masthead") : role.label;
        } else if (role.kind == LineRole::Kind::Kicker) {
            block.kind = BlockKind::Kicker;
        } else if (role.kind == LineRole::Kind::Title) {
            block.kind = BlockKind::Title;
            article.title = line.text;
            bodySeen = true;
        } else if (role.kind == LineRole::Kind::Byline) {
            block.kind = BlockKind::Byline;
            if (article.author.isEmpty())
                article.author = role.label;
        } else if (!furniture.isNull()) {
            block.kind = BlockKind::Furniture;
            block.key = furniture;
        } else if (shortLine && (m = metadata.match(line.text)).hasMatch()) {
            block.kind = BlockKind::Metadata;
            block.key = m.captured(1).trimmed().toLower();
            block.value = m.captured(2).trimmed();
            block.attachedTo = lastBodyBlock(article.blocks);
        } else if (shortLine && (m = channel.match(line.text)).hasMatch()) {
            block.kind = BlockKind::Channel;
            block.key = m.captured(1).trimmed();
            block.value = m.captured(2);
            article.sources.push_back({block.key, SourceKind::Channel, block.value, line.start, line.end,
                                       static_cast<int>(article.blocks.size()), -1});
        } else if (shortLine && (m = attribution.match(line.text)).hasMatch()) {
            block.kind = BlockKind::Attribution;
            block.key = m.captured(1).trimmed();
            block.attachedTo = lastBodyBlock(article.blocks);
            article.sources.push_back({block.key, SourceKind::Attribution, {}, line.start, line.end,
                                       static_cast<int>(article.blocks.size()), -1});
        } else if (line.header && article.author.isEmpty() && classifyHeaderLine(article, line)) {
            block.kind = BlockKind::Byline;
        } else if (line.header && datelineDate(line.text)) {
            block.kind = BlockKind::Dateline;  // "Updated ..." under "Published ...": the first date is the article's
            if (!article.published.isValid())
                article.published = *datelineDate(line.text);
            if (article.published.precision == DatePrecision::Year) {
                // "03/04/2025": the page's other numeric dates may say which number is the month
                const auto order = DateParser::numericOrderOf(t);
                if (order != DateParser::NumericOrder::Unknown)
                    if (auto settled = DateParser::parseDateLine(line.text, order))
                        article.published = *settled;
            }
        } else if (!paragraphSeen && i < kHeaderLines && m_rules->sectionLabels.contains(line.text.toLower())) {
            block.kind = BlockKind::Kicker;  // "Opinion" over the article
            if (article.section.isEmpty())
                article.section = line.text;
        } else if (!bodySeen && words <= 3 && i + 1 < lines.size() && !endsWithAny(line.text, u".!?:;,") &&
                   page.roles[i + 1].kind == LineRole::Kind::Free && m_rules->furnitureLabel(lines[i + 1].text).isNull() &&
                   isHeadlineLike(lines[i + 1].text, standsAlone(i + 1)) &&
                   (line.text == line.text.toUpper() || isTitleCased(line.text))) {
            block.kind = BlockKind::Kicker;  // "OPINION", a masthead: a label above the headline
            // "THE COMPUTE LEDGER", or "The Morning Ledger" as the page's first line: the publication
            if ((words >= 2 && line.text == line.text.toUpper()) ||
                (i == 0 && isTitleCased(line.text) && !m_rules->sectionLabels.contains(line.text.toLower())))
                article.sources.push_back({line.text, SourceKind::Outlet, {}, line.start, line.end,
                                           static_cast<int>(article.blocks.size()), -1});
            else if (article.section.isEmpty())
                article.section = line.text;
        } else if (!article.title.isNull() && static_cast<int>(i) < headerEnd && words <= 6 &&
                   !endsWithAny(line.text, u".!?:;,")) {
            block.kind = BlockKind::Kicker;  // a series label between the headline and the byline
        } else if (!line.text.front().isLetter() && (m = bullet.match(line.text)).hasMatch()) {
            // "1. Ernie Bot (Baidu)" over a paragraph is a numbered section heading, not a list item
            const bool numbered = line.text.front().isDigit();
            if (numbered && !isListItem(i + 1) && isHeadingLike(QStringView(line.text).sliced(m.capturedLength(0)))) {
                block.kind = BlockKind::Heading;
            } else {
                block.kind = BlockKind::Bullet;
                block.contentStart = line.start + m.capturedLength(0);
            }
            bodySeen = true;
        } else if (!line.afterBlank && !article.blocks.empty() && line.text.front().isLower() &&
                   isBodyBlock(article.blocks.back()) &&
                   !endsWithAny(article.blockText(article.blocks.back()), u".!?:;\"\u201d\u2019)")) {
            article.blocks.back().end = line.end;  // a hard-wrapped paragraph goes on
            continue;
        } else if (!bodySeen && !line.last && isHeadlineLike(line.text, standsAlone(i)) &&
                   !continuesOnNextLine(lines, i)) {
            block.kind = BlockKind::Title;
            article.title = line.text;
            bodySeen = true;
        } else if (isHeadingLike(line.text) || isSentenceCaseHeading(i)) {
            block.kind = BlockKind::Heading;
            bodySeen = true;
        } else if (line.text.front().isLower() && words <= 5 && !endsWithAny(line.text, u".!?:;\"\u201d\u2019)")) {
            block.kind = BlockKind::Furniture;  // a site tagline: a lowercase fragment standing alone
            block.key = QStringLiteral("tagline");
        } else {
            if (!paragraphSeen)
                readWireDateline(article, block);
            bodySeen = paragraphSeen = true;
        }
        article.blocks.push_back(block);
    }
    if (outletBlock >= 0) {
        const auto names = article.sourceNames();
        const Block& b = article.blocks[static_cast<size_t>(outletBlock)];
        if (std::find(names.begin(), names.end(), page.outlet) == names.end())
            article.sources.push_back({page.outlet, SourceKind::Outlet, {}, b.start, b.end, outletBlock, -1});
    }
    markAuthorBio(article);
    splitSentences(article);
    std::stable_sort(article.sources.begin(), article.sources.end(),
                     [](const CitedSource& a, const CitedSource& b) { return a.start < b.start; });
    return article;
}

void StructureParser::readWireDateline(Article& article, Block& block) const
{
    // "SHANGHAI, April 15 (Reuters) - ..." opens a wire story: the agency is the source, and the
    // dateline is not part of the first sentence
    static const QRegularExpression dateline(
        QStringLiteral("^\\p{Lu}[\\p{Lu} .'-]{1,40},?\\s+(?:\\p{Lu}\\p{Ll}{2,8}\\.?\\s+\\d{1,2},?\\s+)?(?:\\d{4}\\s+)?"
                       "\\((?<agency>\\p{Lu}[\\p{L} .&-]{1,40})\\)\\s*[-\\x{2013}\\x{2014}]+\\s+"),
        kOptions);
    const auto m = dateline.match(QStringView(article.text).sliced(block.start, block.end - block.start));
    if (!m.hasMatch())
        return;
    article.sources.push_back({m.captured(QStringLiteral("agency")).trimmed(), SourceKind::Byline, {},
                               block.start, block.start + m.capturedLength(), static_cast<int>(article.blocks.size()), -1});
    block.contentStart = block.start + m.capturedLength();
}

void StructureParser::markAuthorBio(Article& article) const
{
    // "Jane Doe writes about chips from Taipei." near the end: the byline's person described, not
    // the article's words.
    if (article.author.isEmpty())
        return;
    const QStringList authors = article.author.split(QStringLiteral(", "));
    const size_t tail = article.blocks.size() > 6 ? article.blocks.size() - 6 : 0;
    for (size_t b = tail; b < article.blocks.size(); ++b) {
        Block& block = article.blocks[b];
        if (block.kind != BlockKind::Paragraph)
            continue;
        const QString text = article.blockText(block);
        for (const QString& name : authors)
            if (text.startsWith(name + u' ') && wordCount(text) <= 30) {
                block.kind = BlockKind::Furniture;
                block.key = QStringLiteral("author bio");
            }
    }
}

QString StructureParser::sourceNameAt(QStringView rest, const std::vector<QString>& known, qsizetype* length) const
{
    // A name seen where it is unambiguous (at a paragraph's end) is trusted where it is not.
    QString best;
    for (const QString& k : known)
        if (rest.startsWith(k) && k.size() > best.size() &&
            (rest.size() == k.size() || !rest[k.size()].isLetterOrNumber()))
            best = k;
    if (!best.isEmpty()) {
        *length = best.size();
        return best;
    }

    struct Token {
        qsizetype start, end;  // end excludes trailing punctuation
        qsizetype fullEnd;
        QString word;
        bool punctuated;
    };
    std::vector<Token> tokens;
    qsizetype pos = 0;
    while (pos < rest.size() && tokens.size() < 8) {
        while (pos < rest.size() && rest[pos].isSpace())
            ++pos;
        if (pos >= rest.size())
            break;
        qsizetype end = pos;
        while (end < rest.size() && !rest[end].isSpace())
            ++end;
        qsizetype core = end;
        while (core > pos && QStringView(u".,;:!?)\u201d\"").contains(rest[core - 1]))
            --core;
        tokens.push_back({pos, core, end, rest.sliced(pos, core - pos).toString(), core < end});
        pos = end;
    }
    static const QStringList connectors{QStringLiteral("of"), QStringLiteral("and"), QStringLiteral("&"),
                                        QStringLiteral("for"), QStringLiteral("de")};
    size_t n = 0;
    for (; n < tokens.size() && n < 6; ++n) {
        const Token& tok = tokens[n];
        if (tok.word.isEmpty())
            break;
        const bool capital = tok.word[0].isUpper() || (n == 0 && tok.word[0].isDigit());
        const bool leadingThe = n == 0 && tok.word == QStringLiteral("the");
        const bool connector = n > 0 && connectors.contains(tok.word) && n + 1 < tokens.size() &&
                               !tokens[n + 1].word.isEmpty() && tokens[n + 1].word[0].isUpper();
        if (!capital && !leadingThe && !connector)
            break;
        if (tok.punctuated) {
            ++n;
            break;
        }
    }
    if (n == 0)
        return {};
    // The capitalised run may run into the next sentence: "TechXplore Tools like ..." or
    // "TechXplore In 2022, ...". Cut before a word that starts sentences, or drop a last word
    // that the following lowercase words show to be a sentence's first.
    for (size_t k = 1; k < n; ++k)
        if (m_rules->sentenceStarters.contains(tokens[k].word)) {
            n = k;
            break;
        }
    if (n >= 2 && !tokens[n - 1].punctuated && n < tokens.size() && !tokens[n].word.isEmpty() &&
        (tokens[n].word[0].isLower() || tokens[n].word[0].isDigit()))
        --n;
    const Token& last = tokens[n - 1];
    *length = last.punctuated && QStringView(u".)").contains(rest[last.end]) ? last.end + 1 : last.end;
    QString name = rest.sliced(tokens[0].start, last.end - tokens[0].start).toString();
    if (name.startsWith(QStringLiteral("the ")))
        name = name.mid(4);
    return name;
}

void StructureParser::findInlineSources(const Article& article, int blockIndex, const std::vector<QString>& known,
                                        std::vector<CitedSource>& out) const
{
    static const QRegularExpression marker(
        QStringLiteral("(?<![\\p{L}\\p{N}])\\(?(?:Source|Sources)\\s*:\\s*"), kOptions);
    const Block& block = article.blocks[static_cast<size_t>(blockIndex)];
    const QStringView content = QStringView(article.text).sliced(block.contentStart, block.end - block.contentStart);
    if (!content.contains(u':'))  // "Source:" needs its colon; a cheap test before the expression
        return;
    auto it = marker.globalMatch(content);
    while (it.hasNext()) {
        const auto m = it.next();
        qsizetype used = 0;
        const QString name = sourceNameAt(content.sliced(m.capturedEnd(0)), known, &used);
        if (name.isEmpty())
            continue;
        out.push_back({name, SourceKind::Inline, {}, block.contentStart + m.capturedStart(0),
                       block.contentStart + m.capturedEnd(0) + used, blockIndex, -1});
    }
}

void StructureParser::splitSentences(Article& article) const
{
    auto findAll = [&](const std::vector<QString>& known) {
        std::vector<CitedSource> found;
        for (size_t b = 0; b < article.blocks.size(); ++b)
            if (isBodyBlock(article.blocks[b]))
                findInlineSources(article, static_cast<int>(b), known, found);
        return found;
    };
    // Attributions at a paragraph's end are unambiguous: learn their names first, so that they
    // help read the ones standing between two sentences.
    std::vector<QString> known;
    for (const auto& s : article.sources)
        known.push_back(s.name);
    for (const auto& s : findAll(known))
        if (s.end == article.blocks[static_cast<size_t>(s.block)].end)
            known.push_back(s.name);
    std::vector<CitedSource> inlineSources = findAll(known);

    for (size_t b = 0; b < article.blocks.size(); ++b) {
        const Block& block = article.blocks[b];
        if (!isBodyBlock(block))
            continue;
        qsizetype from = block.contentStart;
        auto emit = [&](qsizetype to) {
            for (auto [s, e] : m_splitter.split(article.text, from, to))
                article.sentences.push_back({s, e, static_cast<int>(b)});
        };
        for (auto& src : inlineSources) {
            if (src.block != static_cast<int>(b))
                continue;
            emit(src.start);
            if (!article.sentences.empty())
                src.sentence = static_cast<int>(article.sentences.size()) - 1;
            from = src.end;
        }
        emit(block.end);
    }
    // line attributions and metadata speak of the block before them: point at its last sentence
    for (auto& src : article.sources) {
        if (src.kind != SourceKind::Attribution)
            continue;
        const int target = article.blocks[static_cast<size_t>(src.block)].attachedTo;
        for (int s = static_cast<int>(article.sentences.size()) - 1; s >= 0; --s)
            if (article.sentences[static_cast<size_t>(s)].block == target) {
                src.sentence = s;
                break;
            }
    }
    article.sources.insert(article.sources.end(), inlineSources.begin(), inlineSources.end());
}

}  // namespace claimlens
