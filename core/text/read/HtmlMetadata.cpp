#include "read/HtmlMetadata.h"

#include "read/HtmlReader.h"
#include "structure/DateParser.h"
#include "structure/PageLayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace claimlens::html {

QString withoutBy(QString name)
{
    static const QRegularExpression by(QStringLiteral("^\\s*by\\s*:?\\s+"), QRegularExpression::CaseInsensitiveOption);
    return name.remove(by).simplified();
}

QStringList jsonNames(const QJsonValue& v)
{
    QStringList out;
    if (v.isString())
        out.append(withoutBy(v.toString()));
    else if (v.isObject())
        out.append(withoutBy(v.toObject().value(QStringLiteral("name")).toString()));
    else if (v.isArray())
        for (const auto& x : v.toArray())
            out.append(jsonNames(x));
    out.removeAll(QString());
    return out;
}

bool isArticleType(const QJsonValue& type)
{
    if (type.isArray()) {
        for (const auto& t : type.toArray())
            if (isArticleType(t))
                return true;
        return false;
    }
    const QString t = type.toString();
    return t.endsWith(QStringLiteral("Article")) || t == QStringLiteral("BlogPosting") || t == QStringLiteral("Report");
}

std::optional<QJsonObject> findArticleObject(const QJsonValue& v)
{
    if (v.isArray()) {
        for (const auto& x : v.toArray())
            if (auto found = findArticleObject(x))
                return found;
    } else if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (isArticleType(o.value(QStringLiteral("@type"))))
            return o;
        if (auto found = findArticleObject(o.value(QStringLiteral("@graph"))))
            return found;
    }
    return std::nullopt;
}

void readHead(const GumboNode* n, HeadData& head)
{
    for (unsigned i = 0; i < childCount(n); ++i) {
        const GumboNode* c = child(n, i);
        switch (tagOf(c)) {
        case GUMBO_TAG_TITLE:
            if (head.titleTag.isEmpty())
                head.titleTag = textContent(c).simplified();
            break;
        case GUMBO_TAG_META: {
            QString key = attr(c, "property");
            if (key.isEmpty())
                key = attr(c, "name");
            if (key.isEmpty())
                key = attr(c, "itemprop");
            const QString content = attr(c, "content").simplified();
            if (!key.isEmpty() && !content.isEmpty() && !head.meta.contains(key.toLower()))
                head.meta.insert(key.toLower(), content);
            break;
        }
        case GUMBO_TAG_SCRIPT:
            if (!head.jsonLd && attr(c, "type").toLower() == QStringLiteral("application/ld+json")) {
                QJsonParseError error;
                QByteArray json; // textContent skips scripts, this one is data
                for (unsigned k = 0; k < childCount(c); ++k)
                    if (child(c, k)->type == GUMBO_NODE_TEXT || child(c, k)->type == GUMBO_NODE_WHITESPACE)
                        json += child(c, k)->v.text.text;
                const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
                if (error.error == QJsonParseError::NoError)
                    head.jsonLd = findArticleObject(doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object()));
            }
            break;
        default:
            readHead(c, head);
            break;
        }
    }
}

std::optional<PartialDate> dateFrom(const QString& value)
{
    if (value.trimmed().isEmpty())
        return std::nullopt;
    return DateParser::parseAt(QStringView(value).trimmed());
}

/// Elements anywhere under `root` whose class or id holds one of `names`, in document order
/// (walked with a stack: a page's nesting can be deep).
std::vector<const GumboNode*> namedElements(const GumboNode* root, const QSet<QString>& names)
{
    std::vector<const GumboNode*> out, stack{root};
    while (!stack.empty()) {
        const GumboNode* n = stack.back();
        stack.pop_back();
        if (!isElement(n))
            continue;
        if (n != root && anyToken(nameTokens(n), names))
            out.push_back(n);
        for (unsigned i = childCount(n); i-- > 0;)
            stack.push_back(child(n, i));
    }
    return out;
}

/// A byline or date the page shows outside the block that holds the text ("<div class="author">"
/// beside the story's <div>), for a page whose metadata names neither.
struct PageHeaderFacts {
    QString author;
    std::optional<PartialDate> published;
};

PageHeaderFacts headerFactsOutside(const GumboNode* body)
{
    static const QSet<QString> bylines{QStringLiteral("byline"), QStringLiteral("author"), QStringLiteral("authors"),
                                       QStringLiteral("writer"), QStringLiteral("reporter")};
    static const QSet<QString> datelines{QStringLiteral("dateline"), QStringLiteral("date"), QStringLiteral("timestamp"),
                                         QStringLiteral("published"), QStringLiteral("pubdate"), QStringLiteral("updated"),
                                         QStringLiteral("posted")};
    static const QRegularExpression name(
        QStringLiteral("^(?:[Bb]y\\s+)?(\\p{Lu}[\\p{L}'.-]+(?:\\s+\\p{Lu}[\\p{L}'.-]+){1,3}(?:\\s*(?:,|and)\\s+"
                       "\\p{Lu}[\\p{L}'.-]+(?:\\s+\\p{Lu}[\\p{L}'.-]+){1,3})*)\\s*(?:$|[,|\\x{2013}\\x{2014}])"),
        QRegularExpression::UseUnicodePropertiesOption);
    PageHeaderFacts facts;
    for (const GumboNode* n : namedElements(body, bylines)) {
        const QString text = textContent(n).simplified();
        if (text.isEmpty() || wordCount(text) > 10 || isInsideDropped(n))
            continue;
        if (const auto m = name.match(text); m.hasMatch()) {
            facts.author = m.captured(1).replace(QStringLiteral(" and "), QStringLiteral(", "));
            break;
        }
    }
    for (const GumboNode* n : namedElements(body, datelines)) {
        const QString text = textContent(n).simplified();
        if (text.isEmpty() || wordCount(text) > 12 || isInsideDropped(n))
            continue;
        if (auto date = DateParser::parseDateLine(text)) {
            facts.published = date;
            break;
        }
    }
    return facts;
}

/// Inside the site's menus, sidebars, related lists or footer (a post's own header, which the
/// reader drops as a site part, is not): where a heading is no headline.
bool insideSiteChrome(const GumboNode* n)
{
    static const QSet<QString> chrome{QStringLiteral("sidebar"), QStringLiteral("related"), QStringLiteral("footer"),
                                      QStringLiteral("nav"),     QStringLiteral("menu"),    QStringLiteral("widget"),
                                      QStringLiteral("recommended"), QStringLiteral("trending")};
    for (const GumboNode* p = n; p; p = p->parent) {
        const GumboTag tag = tagOf(p);
        if (tag == GUMBO_TAG_NAV || tag == GUMBO_TAG_FOOTER || tag == GUMBO_TAG_ASIDE ||
            (isElement(p) && anyToken(nameTokens(p), chrome)))
            return true;
    }
    return false;
}

/// The holder a page's <footer> names in its copyright line, or empty.
QString footerHolder(const GumboNode* body)
{
    std::vector<const GumboNode*> footers;
    collect(body, GUMBO_TAG_FOOTER, footers);
    for (auto it = footers.rbegin(); it != footers.rend(); ++it) {
        const QString holder = PageLayout::copyrightHolder(textContent(*it).simplified().right(300));
        if (!holder.isEmpty())
            return holder;
    }
    return {};
}

/// The site a page's <title> names after its headline ("Headline | Site"), or empty.
QString siteFromTitle(const QString& titleTag, const QString& headline)
{
    if (headline.isEmpty())
        return {};
    const QString t = titleTag.simplified();
    if (!t.startsWith(headline) || t.size() == headline.size())
        return {};
    static const QRegularExpression separator(
        QStringLiteral("^\\s+(?:\\||-|\\x{2013}|\\x{2014}|\\x{00B7}|::)\\s+(.{2,60})$"),
        QRegularExpression::UseUnicodePropertiesOption);
    const auto m = separator.match(QStringView(t).sliced(headline.size()));
    return m.hasMatch() && wordCount(m.captured(1)) <= 5 ? m.captured(1).trimmed() : QString();
}

/// "Jane Doe" standing alone in a byline box, which the text rules cannot take for a byline.
QString bareByline(const std::vector<Piece>& pieces)
{
    static const QRegularExpression name(QStringLiteral("^(\\p{Lu}[\\p{L}'.-]+(?:\\s+\\p{Lu}[\\p{L}'.-]+){1,3}(?:\\s+"
                                                        "and\\s+\\p{Lu}[\\p{L}'.-]+(?:\\s+\\p{Lu}[\\p{L}'.-]+){1,3})?)"
                                                        "\\s*(?:$|[,|\\x{2013}\\x{2014}])"),
                                         QRegularExpression::UseUnicodePropertiesOption);
    for (const auto& p : pieces)
        if (p.block.hint == Hint::Byline && !p.block.text.startsWith(QStringLiteral("By "), Qt::CaseInsensitive)) {
            const auto m = name.match(p.block.text);
            if (m.hasMatch())
                return m.captured(1).replace(QStringLiteral(" and "), QStringLiteral(", "));
        }
    return {};
}

void markRepeats(std::vector<SourceBlock>& blocks)
{
    auto folded = [](const QString& t) {
        QString out;
        for (QChar c : t)
            if (c.isLetterOrNumber())
                out += c.toLower();
        return out;
    };
    std::vector<QString> seen;
    for (SourceBlock& b : blocks) {
        if (b.hint != Hint::Free)
            continue;
        const QString f = folded(b.text);
        const bool repeat = f.size() >= 20 && wordCount(b.text) <= 40 &&
                            std::any_of(seen.begin(), seen.end(), [&](const QString& s) { return s.contains(f); });
        if (repeat) {
            b.hint = Hint::Furniture;
            b.label = QStringLiteral("pull quote");
        } else {
            seen.push_back(f);
        }
    }
}

void readMetadata(const HeadData& head, const GumboNode* body, std::vector<Piece>& pieces, bool& titleSeen,
                  const QString& firstTime, ArticleMetadata& md)
{
    const QJsonObject ld = head.jsonLd.value_or(QJsonObject());
    auto meta = [&](const char* key) { return head.meta.value(QLatin1String(key)); };
    const QJsonValue publisher = ld.value(QStringLiteral("publisher"));
    md.publisher = publisher.isObject() ? publisher.toObject().value(QStringLiteral("name")).toString().simplified()
                                        : publisher.toString().simplified();
    if (md.publisher.isEmpty())
        md.publisher = meta("og:site_name");
    QString h1Text;
    for (const auto& p : pieces)
        if (p.block.hint == Hint::Title) {
            h1Text = p.block.text;
            break;
        }
    for (const QString& candidate :
         {ld.value(QStringLiteral("headline")).toString().simplified(), HtmlReader::cleanTitle(meta("og:title"), md.publisher),
          HtmlReader::cleanTitle(meta("twitter:title"), md.publisher), h1Text, HtmlReader::cleanTitle(head.titleTag, md.publisher)})
        if (!candidate.isEmpty()) {
            md.title = candidate;
            break;
        }
    // Only a short <title> named the page: it is the site's name, and the headline is a heading,
    // the one the story opens on before any paragraph (a blog's <h2 class="post-title">) or one
    // named as a title above the block that holds the text
    if (!titleSeen && !md.title.isEmpty() && md.title == HtmlReader::cleanTitle(head.titleTag, md.publisher) &&
        wordCount(md.title) <= 5) {
        QString headline;
        for (auto& p : pieces) {
            if (p.block.hint == Hint::Heading && wordCount(p.block.text) >= 4) {
                headline = p.block.text;
                p.block.hint = Hint::Title;
                titleSeen = true;
                break;
            }
            if (p.block.hint == Hint::Free)
                break;
        }
        static const QSet<QString> titled{QStringLiteral("title"), QStringLiteral("headline")};
        for (const GumboNode* h : headline.isEmpty() ? namedElements(body, titled) : std::vector<const GumboNode*>{}) {
            const QString named = textContent(h).simplified();
            if ((tagOf(h) == GUMBO_TAG_H2 || tagOf(h) == GUMBO_TAG_H3) && wordCount(named) >= 4 && !insideSiteChrome(h)) {
                headline = named;
                break;
            }
        }
        if (!headline.isEmpty()) {
            if (md.publisher.isEmpty())
                md.publisher = md.title;
            md.title = headline;
        }
    }
    QStringList authors = jsonNames(ld.value(QStringLiteral("author")));
    for (const char* key : {"author", "article:author", "parsely-author", "sailthru.author", "dc.creator"}) {
        if (!authors.isEmpty())
            break;
        const QString value = meta(key);
        if (!value.startsWith(QStringLiteral("http"))) // article:author is often a profile URL
            authors = jsonNames(value);
    }
    md.author = authors.join(QStringLiteral(", "));
    if (md.author.isEmpty())
        md.author = bareByline(pieces);
    // what the text of the block holding the article cannot show: a byline or date beside it
    const bool textByline = std::any_of(pieces.begin(), pieces.end(),
                                        [](const Piece& p) { return p.block.hint == Hint::Byline; });
    PageHeaderFacts outside;
    if ((md.author.isEmpty() && !textByline) || firstTime.isEmpty())
        outside = headerFactsOutside(body);
    if (md.author.isEmpty() && !textByline)
        md.author = outside.author;
    if (md.publisher.isEmpty())
        md.publisher = siteFromTitle(head.titleTag, !h1Text.isEmpty() ? h1Text : md.title);
    if (md.publisher.isEmpty())  // the site's own footer says whose page it is: "© 2025 Site"
        md.publisher = footerHolder(body);
    const QJsonValue section = ld.value(QStringLiteral("articleSection"));
    md.section = section.isArray() ? section.toArray().first().toString() : section.toString();
    if (md.section.isEmpty())
        md.section = meta("article:section");
    for (const QString& value : {ld.value(QStringLiteral("datePublished")).toString(), meta("article:published_time"),
                                 meta("datepublished"), meta("date"), meta("pubdate"), meta("publishdate"),
                                 meta("dc.date"), meta("dc.date.issued"), firstTime})
        if (auto date = dateFrom(value)) {
            md.published = *date;
            break;
        }
    if (!md.published.isValid() && outside.published)
        md.published = *outside.published;
}

}  // namespace claimlens::html
