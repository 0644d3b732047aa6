#include "structure/PageLayout.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace claimlens {
namespace {

constexpr auto kOptions = QRegularExpression::UseUnicodePropertiesOption;
constexpr auto kCaseless = QRegularExpression::UseUnicodePropertiesOption | QRegularExpression::CaseInsensitiveOption;

/// Lines that open an article (masthead, menus, labels, headline, standfirst, byline) come within
/// this many lines of the top.
constexpr int kTopLines = 14;

bool hasLetter(QStringView s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isLetter(); });
}

bool hasDigit(QStringView s)
{
    return std::any_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

/// The line ends as a sentence does, past closing quotes and brackets.
bool endsSentence(QStringView s)
{
    qsizetype end = s.size();
    while (end > 0 && QStringView(u")\"\u201d\u2019'*").contains(s[end - 1]))
        --end;
    return end > 0 && QStringView(u".!?\u2026\u3002").contains(s[end - 1]);
}

/// A line too short to be prose and not ending as a sentence: a label, a menu item, a heading.
bool isShort(QStringView s)
{
    return s.size() <= 40 && !endsSentence(s) && PageLayout::letterWords(s, 5) <= 4;
}

bool isCjk(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3040 && u <= 0x30FF) || (u >= 0x3400 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7AF);
}

/// "Jane Doe", "Li Qiang", "Mary-Ann O'Neill": two to four capitalised words and nothing else.
bool isNameShaped(QStringView s)
{
    static const QRegularExpression name(
        QStringLiteral("^\\p{Lu}[\\p{Ll}'\\x{2019}.\\-]+(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{Ll}'\\x{2019}.\\-]+|van|von|de|da|del|der|bin|al)){1,3}$"),
        kOptions);
    return name.match(s).hasMatch();
}

/// "Read more: Some other story", "Previous | Why chips matter": a short label, then a headline.
/// Most words of four letters or more capitalised: "Maintaining Leadership in AI Research".
bool titleCased(QStringView s)
{
    int counted = 0, capitalised = 0;
    for (QStringView word : s.split(u' ', Qt::SkipEmptyParts)) {
        if (word.size() < 4 || !word.front().isLetter())
            continue;
        ++counted;
        capitalised += word.front().isUpper();
    }
    return counted > 0 && capitalised * 10 >= counted * 7;
}

/// "Read more: Some other story", "Previous | Why chips matter": a short label, then a headline
/// in sentence case (a title-cased rest is a section heading: "The Strategy: Cheap Tools"), unless
/// the label is furniture by itself. "Source: X" attributes and "Q: ..." asks: neither is a link.
bool isLabelledHeadline(QStringView s, const StructureRules& rules)
{
    static const QRegularExpression labelled(
        QStringLiteral("^(\\p{L}[\\p{L}'\\x{2019}]*(?:\\s+\\p{L}[\\p{L}'\\x{2019}]*){0,2})\\s*[:|]\\s+([\\p{Lu}\\p{N}\"\\x{201C}'].{8,})$"),
        kOptions);
    static const QRegularExpression notLinks(QStringLiteral("^(?:sources?|via|note|q|a)$"), kCaseless);
    const qsizetype colon = s.left(32).indexOf(u':'), bar = s.left(32).indexOf(u'|');
    if (colon < 0 && bar < 0)  // the label is short: its colon or bar stands near the start
        return false;
    const auto m = labelled.match(s);
    if (!m.hasMatch() || notLinks.match(m.capturedView(1)).hasMatch())
        return false;
    const QStringView rest = m.capturedView(2);
    if (PageLayout::letterWords(rest, 3) < 3 || endsSentence(rest) || rest.endsWith(u':'))
        return false;
    return !titleCased(rest) || !rules.furnitureLabel(m.captured(1)).isNull();
}

/// "Get the stories that matter in your inbox. Sign up now.": two of a sign-up's words in one line
/// (the rules' patterns catch a line that opens with one).
bool isSignUpPrompt(QStringView s)
{
    if (s.size() > 240)
        return false;
    int cues = 0;  // fragments that hold for "Sign up" and "sign up" alike, compared as they are
    for (const char16_t* cue : {u"ign up", u"ubscribe", u"ewsletter", u"inbox", u"by email"})
        cues += s.contains(QStringView(cue)) ? 1 : 0;
    return cues >= 2;
}

/// "©", "(c)" or "copyright" in any case, looked for in one pass (asked of every line).
bool mayHoldCopyright(QStringView s)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        const char16_t c = s[i].unicode();
        if (c == u'\u00A9')
            return true;
        if (c == u'(' && i + 2 < s.size() && (s[i + 1] == u'c' || s[i + 1] == u'C') && s[i + 2] == u')')
            return true;
        if ((c == u'p' || c == u'P') && i > 0 && (s[i - 1] == u'o' || s[i - 1] == u'O') &&
            s.sliced(i - 2 > 0 ? i - 2 : 0).startsWith(QStringLiteral("copyright"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

int nextLine(const std::vector<PageLine>& lines, int i)
{
    return i + 1 < static_cast<int>(lines.size()) ? i + 1 : -1;
}

}  // namespace

PageLayout::PageLayout(const StructureRules& rules, std::function<bool(int)> headlineLike)
    : m_rules(rules), m_headlineLike(std::move(headlineLike))
{
}

qsizetype PageLayout::letterWords(QStringView line, qsizetype enough)
{
    // counted in place, and only as far as the question needs ("twelve or more?")
    qsizetype n = 0;
    bool inWord = false, letter = false;
    for (QChar c : line) {
        if (c.isSpace()) {
            if (inWord && letter && ++n >= enough)
                return n;
            inWord = letter = false;
        } else {
            inWord = true;
            const char16_t u = c.unicode();
            letter = letter || (u < 0x80 ? ((u | 0x20) >= u'a' && (u | 0x20) <= u'z') : c.isLetter());
        }
    }
    return n + (inWord && letter ? 1 : 0);
}

bool PageLayout::isProse(QStringView line)
{
    // "Shares rose 1.5% in Taipei on Friday.": a figure is a word of a sentence too
    return (endsSentence(line) && line.count(u' ') >= 6) || letterWords(line, 12) >= 12;
}

bool PageLayout::isBar(QStringView line) const
{
    static const QRegularExpression separators(QStringLiteral("\\s*[|\\x{00B7}\\x{2022}\\x{2016}]\\s*|\\s{2,}|\\t"), kOptions);
    if (line.size() > 200)
        return false;
    bool separated = false;
    for (qsizetype i = 0; i < line.size() && !separated; ++i) {
        const char16_t c = line[i].unicode();
        separated = c == u'|' || c == u'\u00B7' || c == u'\u2022' || c == u'\u2016' || c == u'\t' ||
                    (c == u' ' && i + 1 < line.size() && line[i + 1] == u' ');
    }
    if (!separated)
        return false;
    const QStringList items = line.toString().split(separators, Qt::SkipEmptyParts);
    if (items.size() < 2)
        return false;
    int withDigits = 0, furniture = 0;
    bool allShort = true;
    for (qsizetype k = 0; k < items.size(); ++k) {
        const QString& item = items[k];
        // "It rose.  Then it fell." is two sentences, not two menu items ("Loading..." is an item)
        if (endsSentence(item) && !item.endsWith(QStringLiteral("...")) && !item.endsWith(u'\u2026'))
            return false;
        if (hasDigit(item))
            ++withDigits;
        if (!m_rules.furnitureLabel(item).isNull())
            ++furniture;
        const qsizetype words = letterWords(item, 6);
        if (words > (items.size() >= 3 ? 5 : 3) || item.size() > 40)
            allShort = false;
    }
    if (withDigits * 2 > items.size())  // a row of figures is a table, not a menu
        return false;
    return allShort || furniture > 0;
}

bool PageLayout::isBreadcrumb(QStringView line)
{
    static const QRegularExpression angled(
        QStringLiteral("^([^>\\x{203A}\\x{00BB}|]{1,40}?)\\s+[>\\x{203A}\\x{00BB}]\\s+(?:[^>\\x{203A}\\x{00BB}]{1,60}\\s+[>\\x{203A}\\x{00BB}]\\s+)*[^>\\x{203A}\\x{00BB}]{1,160}$"),
        kOptions);
    static const QRegularExpression slashed(
        QStringLiteral("^([^/]{1,25}?)\\s/\\s[^/]{1,40}\\s/\\s[^/]{1,160}$"), kOptions);
    if (endsSentence(line) || !(line.contains(u'>') || line.contains(u'\u203A') || line.contains(u'\u00BB') ||
                                line.contains(QStringLiteral(" / "))))
        return false;
    for (const QRegularExpression* re : {&angled, &slashed}) {
        const auto m = re->match(line);
        if (m.hasMatch() && letterWords(m.capturedView(1)) <= 4 && hasLetter(m.capturedView(1)))
            return true;
    }
    return false;
}

bool PageLayout::isCaption(QStringView line)
{
    static const QRegularExpression credit(
        QStringLiteral("(?:\\S[\\s.]+(?:photo|image|picture|photograph|illustration|credit|photographer|video|graphic)s?"
                       "(?:\\s+credit)?\\s*:\\s*[^.!?:]{1,60}|\\s/\\s*\\p{Lu}{2,}(?:/\\p{L}+)?|\\bGetty Images|"
                       "\\(\\p{Lu}[\\p{L}. ]{1,24}/[^()]{2,40}\\)|\\s\\p{Lu}{2,}/\\p{Lu}\\p{L}+(?:\\s\\p{Lu}\\p{L}+){0,2})\\W*$"),
        kCaseless);
    static const QRegularExpression file(QStringLiteral("^\\S+\\.(?:jpe?g|png|gif|webp|svg|avif|bmp)$"), kCaseless);
    static const QRegularExpression placeholder(
        QStringLiteral("^\\[(?:image|photo|picture|video|graphic|chart|figure|illustration)\\b[^\\]]*\\]$"), kCaseless);
    static const QRegularExpression markup(QStringLiteral("\\b(?:alt|src|href)=|^<[^>]*>$"), kCaseless);
    // each form needs a character most lines lack: the expressions only where it stands
    const QStringView tail = line.right(72);  // a credit ends the caption
    const bool credits = !endsSentence(line) &&  // a credit, not a full stop, ends a caption
                         (tail.contains(u':') || tail.contains(u'/') || tail.contains(QStringLiteral("Getty")));
    return (credits && credit.match(line.right(100)).hasMatch()) || (!line.contains(u' ') && file.match(line).hasMatch()) ||
           (line.startsWith(u'[') && placeholder.match(line).hasMatch()) ||
           ((line.contains(u'=') || line.startsWith(u'<')) && markup.match(line).hasMatch());
}

QString PageLayout::copyrightHolder(QStringView line)
{
    static const QRegularExpression marker(QStringLiteral("\\x{00A9}|\\(c\\)|\\bcopyright\\b"), kCaseless);
    static const QRegularExpression years(QStringLiteral("(?:^|\\s)(?:19|20)\\d{2}(?:\\s*[-\\x{2013}]\\s*(?:19|20)\\d{2})?,?(?=\\s|$|\\.)"),
                                          kOptions);
    static const QRegularExpression suffixes(
        QStringLiteral("(?:[\\s,]+(?:ltd|limited|inc|llc|corp|corporation|plc|gmbh|co|pte|s\\.a|ag)\\.?)+$"), kCaseless);
    if (!mayHoldCopyright(line))
        return {};
    const auto m = marker.match(line);
    if (!m.hasMatch())
        return {};
    QString rest = line.sliced(m.capturedEnd()).toString();
    rest.remove(marker);
    rest.remove(years);
    rest = rest.simplified();
    // "Quay Ledger \u00A9 2025 | About": the holder stands before the sign
    if (rest.isEmpty() || rest == u'.' || QStringView(u"|\u00B7\u2022\u2013\u2014-").contains(rest.front())) {
        rest = line.first(m.capturedStart()).toString();
        rest.remove(years);
        rest = rest.simplified();
    }
    if (rest.startsWith(QStringLiteral("by "), Qt::CaseInsensitive))
        rest = rest.mid(3);
    for (const QString& cut : {QStringLiteral(". "), QStringLiteral(" | "), QStringLiteral(" - "), QStringLiteral(" \u00B7 "),
                               QStringLiteral(" \u2022 "), QStringLiteral(" \u2013 "), QStringLiteral(" \u2014 "),
                               QStringLiteral(", all rights"), QStringLiteral(" all rights")}) {
        const qsizetype at = rest.indexOf(cut, 0, Qt::CaseInsensitive);
        if (at >= 0)
            rest.truncate(at);
    }
    while (!rest.isEmpty() && QStringView(u".,;: ").contains(rest.back()))
        rest.chop(1);
    rest.remove(suffixes);
    rest = rest.trimmed();
    if (rest.isEmpty() || !rest.front().isUpper() || letterWords(rest) > 6)
        return {};
    return rest;
}

QString PageLayout::canonicalOutlet(const QString& name)
{
    static const QRegularExpression web(QStringLiteral("(?<=\\w{3})\\.(?:com|net|org|co\\.uk)$"), kCaseless);
    QString out = name.simplified();
    out.remove(web);
    return out;
}

QString PageLayout::furnitureOf(const PageLine& line, QString* patternLabel) const
{
    static const QRegularExpression widget(
        QStringLiteral("^(?:\\d{1,2}:\\d{2}(?::\\d{2})?|[\\x{00AB}\\x{00BB}\\x{2039}\\x{203A}\\x{2190}\\x{2192}].{0,40}|"
                       ".{0,40}[\\x{00AB}\\x{00BB}\\x{2039}\\x{203A}\\x{2190}\\x{2192}]|by\\s+\\[[^\\]]*\\])$"),
        kCaseless);
    const QString label = m_rules.furnitureLabel(line.text);
    *patternLabel = label;
    if (!label.isNull())
        return label;
    // a paragraph is no furniture: the shapes below are not worth its length
    if (line.header || line.text.size() > StructureRules::kMaxFurnitureLength)
        return {};
    if (isCaption(line.text))
        return QStringLiteral("caption");
    if (isBreadcrumb(line.text))
        return QStringLiteral("breadcrumb");
    if (!line.bullet && isBar(line.text))
        return QStringLiteral("menu");
    if (isSignUpPrompt(line.text))
        return QStringLiteral("subscribe line");
    if ((line.text.size() <= 48 || line.text.startsWith(QStringLiteral("by ["), Qt::CaseInsensitive)) &&
        widget.match(line.text).hasMatch())
        return QStringLiteral("widget");
    if (line.text.size() <= 200 && !copyrightHolder(line.text).isEmpty())
        return QStringLiteral("copyright");
    return {};
}

PageLayout::Reading PageLayout::read(const std::vector<PageLine>& lines, bool page, int knownTitle) const
{
    using Kind = LineRole::Kind;
    const int n = static_cast<int>(lines.size());
    Reading r;
    r.roles.resize(lines.size());
    r.patternLabels.resize(lines.size());
    if (n == 0)
        return r;
    auto& roles = r.roles;
    auto furniture = [&](int i, const QString& label) {
        roles[static_cast<size_t>(i)] = {Kind::Furniture, label};
    };
    auto isFree = [&](int i) { return roles[static_cast<size_t>(i)].kind == Kind::Free; };
    auto text = [&](int i) -> const QString& { return lines[static_cast<size_t>(i)].text; };

    std::vector<char> prose(lines.size());  // asked of each line several times below
    for (int i = 0; i < n; ++i)
        prose[static_cast<size_t>(i)] = isProse(lines[static_cast<size_t>(i)].text);
    auto proseAt = [&](int i) { return prose[static_cast<size_t>(i)] != 0; };

    // 1. Lines that are furniture by their own shape.
    for (int i = 0; i < n; ++i) {
        const QString label = furnitureOf(lines[static_cast<size_t>(i)], &r.patternLabels[static_cast<size_t>(i)]);
        if (!label.isNull())
            furniture(i, label);
    }
    // Menus one item a line: three or more short lines in a row, none a list item or a dateline.
    for (int i = 0; i < n;) {
        int j = i;
        auto runLine = [&](int k) {
            const PageLine& l = lines[static_cast<size_t>(k)];
            const bool bylineName = k > 0 && lines[static_cast<size_t>(k - 1)].dateline && isNameShaped(l.text);
            return !l.header && !l.bullet && !bylineName && isShort(l.text) &&
                   (isFree(k) || roles[static_cast<size_t>(k)].label == QStringLiteral("navigation"));
        };
        while (j < n && runLine(j) && (j == i || !lines[static_cast<size_t>(j)].afterBlank))
            ++j;
        if (j - i >= 3)
            for (int k = i; k < j; ++k)
                furniture(k, QStringLiteral("menu"));
        i = std::max(j, i + 1);
    }

    // 2. The masthead: the page's first line, short, with the site's menus right under it.
    // A skip link ("Skip to main content") over the masthead is the page's own first line.
    const int top = std::min(n, kTopLines);
    int m0 = 0;
    while (m0 + 1 < n && m0 < 2 && roles[static_cast<size_t>(m0)].kind == Kind::Furniture &&
           roles[static_cast<size_t>(m0)].label == QStringLiteral("navigation"))
        ++m0;
    int firstNav = -1;
    for (int i = m0 + 1; i < std::min(top, m0 + 4); ++i)
        if (!isFree(i)) {
            firstNav = i;
            break;
        }
    const QString& first = text(m0);
    const PageLine& firstLine = lines[static_cast<size_t>(m0)];
    bool masthead = firstNav > 0 && !firstLine.header && letterWords(first, 7) <= 6 && !endsSentence(first) &&
                    (isFree(m0) || roles[static_cast<size_t>(m0)].label == QStringLiteral("menu")) &&
                    !m_rules.sectionLabels.contains(first.toLower());

    // 3. The first line of prose: the standfirst or the article's first paragraph. Near the top, a
    // long line that reads as a headline (the parser's test) is not prose.
    // A page whose only prose is such a line has no headline: the line is its text.
    int firstProse = n;
    for (const bool headlinesAside : {true, false}) {
        for (int i = 0; i < n; ++i) {
            const QString& t = text(i);
            const bool headline = headlinesAside && i < top && letterWords(t, 20) < 20 && m_headlineLike(i);
            if (isFree(i) && !lines[static_cast<size_t>(i)].header && proseAt(i) && !headline) {
                firstProse = i;
                break;
            }
        }
        if (firstProse < n)
            break;
    }

    // 4. The headline: the first headline-like line above the prose that is not the site's own
    // (masthead, menus, labels); a short one gives way to a longer one after it ("Tech", then the
    // headline).
    auto candidate = [&](int i) {
        const PageLine& l = lines[static_cast<size_t>(i)];
        if (!isFree(i) || l.header || l.bullet || !m_headlineLike(i))
            return false;
        const bool cjk = std::count_if(l.text.begin(), l.text.end(), isCjk) >= 6;
        return letterWords(l.text, 3) >= 3 || cjk;
    };
    // The masthead holds its place only when a headline follows it or a menu hangs right under it:
    // else the first line, however short, is the headline over furniture ("Ports Reopen" over a
    // share bar).
    if (masthead) {
        bool headlineBelow = false;
        for (int i = m0 + 1; i < std::min(firstProse, top) && !headlineBelow; ++i)
            headlineBelow = candidate(i) || i == knownTitle;
        // a menu right under the name, with no blank line between, says so without a headline
        const QString& under = roles[static_cast<size_t>(m0 + 1)].label;
        const bool menuUnder = !lines[static_cast<size_t>(m0 + 1)].afterBlank &&
                               (under == QStringLiteral("menu") || under == QStringLiteral("breadcrumb"));
        masthead = headlineBelow || menuUnder;
    }
    if (masthead) {
        roles[static_cast<size_t>(m0)] = {Kind::Masthead, first};
        r.outlet = canonicalOutlet(first);
        r.outletLine = m0;
        for (int i = m0 + 1; i < firstNav; ++i)  // a tagline or edition line between the name and the menu
            if (isFree(i) && !lines[static_cast<size_t>(i)].header)
                furniture(i, QStringLiteral("masthead"));
    }
    const bool menuFirst = roles[0].kind == Kind::Furniture &&
                           (roles[0].label == QStringLiteral("menu") || roles[0].label == QStringLiteral("breadcrumb"));
    const bool siteTop = masthead || menuFirst || m0 > 0 || page;
    int title = knownTitle;
    for (int i = 0; i < std::min(firstProse, top) && knownTitle < 0; ++i) {
        if (!candidate(i))
            continue;
        if (title < 0) {
            title = i;
            if (!siteTop)
                break;  // a clean article: the parser's own reading of its top stands
        } else if (letterWords(text(title)) <= 4 && letterWords(text(i)) > letterWords(text(title))) {
            title = i;
        } else {
            break;
        }
    }
    if (siteTop && title >= 0) {
        r.title = title;
        roles[static_cast<size_t>(title)] = {Kind::Title, {}};
        for (int i = 0; i < title; ++i)
            if (isFree(i) && !lines[static_cast<size_t>(i)].header && !proseAt(i))
                roles[static_cast<size_t>(i)] = {Kind::Kicker, {}};
        for (int i = title + 1; i < n; ++i)  // the headline repeated under a picture
            if (text(i) == text(title))
                furniture(i, QStringLiteral("duplicate"));
    }

    // 5. Between the headline and the article: the byline a bare name makes beside the dateline,
    // a wire's name alone, and labels and widgets.
    if (title >= 0) {
        int headerEnd = firstProse - 1;
        for (int i = firstProse; i < std::min(n, firstProse + 5); ++i)
            if (lines[static_cast<size_t>(i)].header)
                headerEnd = i;
        bool bylineSeen = false;
        for (int i = title + 1; i <= headerEnd; ++i)
            bylineSeen = bylineSeen || (lines[static_cast<size_t>(i)].header && !lines[static_cast<size_t>(i)].dateline);
        // "Jane Doe" over "Senior Reporter": a name with its role on the line under it
        auto roleBelow = [&](int i) {
            if (i + 1 >= n || lines[static_cast<size_t>(i + 1)].afterBlank || letterWords(text(i + 1), 5) > 4)
                return false;
            const QString& below = text(i + 1);
            return std::any_of(m_rules.bylineRoles.begin(), m_rules.bylineRoles.end(), [&](const QString& role) {
                return below.endsWith(role, Qt::CaseInsensitive) || below.endsWith(role + u's', Qt::CaseInsensitive);
            });
        };
        auto besideDateline = [&](int i) {
            return (i > 0 && lines[static_cast<size_t>(i - 1)].dateline) ||
                   (i + 1 < n && lines[static_cast<size_t>(i + 1)].dateline);
        };
        // the line under the last dateline may be the byline's bare name
        for (int i = title + 1; i <= std::min(headerEnd + 1, n - 1); ++i) {
            const PageLine& l = lines[static_cast<size_t>(i)];
            if (i == headerEnd + 1 && !besideDateline(i))
                break;
            if (!isFree(i) || l.header || l.bullet || i == firstProse || proseAt(i))
                continue;
            const bool wire = m_rules.wires.contains(l.text.toLower());
            if (!bylineSeen && (wire || (isNameShaped(l.text) && (besideDateline(i) || roleBelow(i))))) {
                roles[static_cast<size_t>(i)] = {Kind::Byline, l.text};
                bylineSeen = true;
                if (roleBelow(i))
                    roles[static_cast<size_t>(i + 1)] = {Kind::Kicker, {}};
            } else if (siteTop && letterWords(l.text, 8) <= 7 && (i > firstProse || nextLine(lines, i) != firstProse)) {
                roles[static_cast<size_t>(i)] = {Kind::Kicker, {}};
            }
        }
    }

    // 6. The page's tail: after the article's last paragraph, only the page goes on. A list right
    // under that paragraph is still the article's.
    int lastProse = -1;
    for (int i = n - 1; i >= std::max(firstProse, 0); --i)
        if (isFree(i) && !lines[static_cast<size_t>(i)].header && proseAt(i)) {
            lastProse = i;
            break;
        }
    // A sign-up or promotion line under the related links and share bars is not the article's
    // last paragraph: prose (at most two lines) after a block of three or more non-prose lines, two
    // of them furniture and one of the tail's own (related, share, sign-up, comments, tags), belongs
    // to the tail. A gallery's "1 of 12" and captions mid-article start no tail.
    {
        static const QSet<QString> tailLabels{QStringLiteral("related links"), QStringLiteral("share line"),
                                              QStringLiteral("subscribe line"), QStringLiteral("comment prompt"),
                                              QStringLiteral("comment counter"), QStringLiteral("tags"),
                                              QStringLiteral("newsletter")};
        int seen = 0, run = 0, runFurniture = 0;
        bool tailLabel = false;
        for (int i = lastProse; i > firstProse && seen <= 2; --i) {
            const bool isBody = isFree(i) && !lines[static_cast<size_t>(i)].header && proseAt(i);
            if (isBody) {
                if (run >= 3 && runFurniture >= 2 && tailLabel) {
                    lastProse = i;
                    break;
                }
                ++seen;
                run = runFurniture = 0;
                tailLabel = false;
            } else {
                ++run;
                runFurniture += roles[static_cast<size_t>(i)].kind == Kind::Furniture;
                tailLabel = tailLabel || tailLabels.contains(roles[static_cast<size_t>(i)].label);
            }
        }
    }
    // Readers' comments under the article ("23 Comments", "Leave a reply", then names, times and
    // their text) are the page's, prose or not: the first comment label after the article's own
    // paragraphs (three at least) ends the article.
    {
        int body = 0;
        for (int i = std::max(firstProse, 0); i < n; ++i) {
            const QString& label = roles[static_cast<size_t>(i)].label;
            if (isFree(i) && proseAt(i))
                ++body;
            else if (body >= 3 && (label == QStringLiteral("comment counter") || label == QStringLiteral("comment prompt"))) {
                for (int j = i + 1; j < n; ++j)
                    if (isFree(j))
                        furniture(j, QStringLiteral("comments"));
                lastProse = std::min(lastProse, i - 1);
                break;
            }
        }
    }
    if (lastProse >= 0 && siteTop) {
        bool list = true;
        for (int i = lastProse + 1; i < n; ++i) {
            list = list && lines[static_cast<size_t>(i)].bullet;
            if (isFree(i) && !list)
                furniture(i, QStringLiteral("page tail"));
        }
    }

    // 7. In the body: labelled headlines ("Read more: ..."), short labels ending in a colon, and
    // short lines that head furniture rather than text ("Business Bulletin" over a sign-up line).
    for (int i = std::max(firstProse, 0); i < n; ++i) {
        if (!isFree(i) || lines[static_cast<size_t>(i)].header)
            continue;
        const QString& t = text(i);
        if (isLabelledHeadline(t, m_rules))
            furniture(i, QStringLiteral("related links"));
        else if (t.endsWith(u':') && letterWords(t, 5) <= 4 &&
                 (i + 1 >= n || !lines[static_cast<size_t>(i + 1)].bullet))
            furniture(i, QStringLiteral("label"));
    }
    for (int i = n - 2; i >= std::max(firstProse, 0); --i)
        if (isFree(i) && !lines[static_cast<size_t>(i)].header && !lines[static_cast<size_t>(i)].bullet &&
            isShort(text(i)) && roles[static_cast<size_t>(i + 1)].kind == Kind::Furniture &&
            !lines[static_cast<size_t>(i + 1)].afterBlank)
            furniture(i, QStringLiteral("label"));
    // A label's block ("Related stories" and the headlines under it) runs to the next blank line.
    for (int i = std::max(firstProse, 0); i + 1 < n; ++i) {
        const auto& role = roles[static_cast<size_t>(i)];
        if (role.kind != Kind::Furniture || !isShort(text(i)))
            continue;
        for (int j = i + 1; j < n && !lines[static_cast<size_t>(j)].afterBlank && isFree(j) &&
                            !proseAt(j) && !lines[static_cast<size_t>(j)].header;
             ++j)
            furniture(j, role.label);
    }

    // 8. The outlet from the copyright line when no masthead names it.
    if (r.outlet.isEmpty())
        for (int i = n - 1; i >= 0; --i) {
            if (roles[static_cast<size_t>(i)].kind != Kind::Furniture)  // a copyright line, or a bar holding one
                continue;
            const QString holder = copyrightHolder(text(i));
            if (!holder.isEmpty()) {
                r.outlet = canonicalOutlet(holder);
                r.outletLine = i;
                break;
            }
        }
    return r;
}

}  // namespace claimlens
