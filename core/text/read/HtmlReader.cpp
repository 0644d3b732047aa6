#include "read/HtmlReader.h"

#include "read/TextDecoder.h"
#include "structure/DateParser.h"
#include "structure/PageLayout.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <gumbo.h>


#include <algorithm>
#include <memory>

namespace claimlens {
namespace {

using Hint = SourceBlock::Hint;

// --- charset ---------------------------------------------------------------------------------

bool hasBom(const QByteArray& b)
{
    return b.startsWith("\xEF\xBB\xBF") || b.startsWith("\xFF\xFE") || b.startsWith("\xFE\xFF");
}

/// The charset a <meta charset> or <meta http-equiv="Content-Type"> declares, upper case.
QByteArray declaredCharset(const QByteArray& bytes)
{
    static const QRegularExpression meta(QStringLiteral("<meta\\b[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)"),
                                         QRegularExpression::CaseInsensitiveOption);
    // the declaration must stand in the first 1024 bytes (HTML's rule); a little more is allowed
    const auto m = meta.match(QString::fromLatin1(bytes.left(4096)));
    return m.hasMatch() ? m.captured(1).toUpper().toLatin1() : QByteArray();
}

/// Browsers read these labels as their supersets, and so do we (WHATWG Encoding).
QByteArray iconvName(const QByteArray& label)
{
    if (label == "ISO-8859-1" || label == "LATIN1" || label == "US-ASCII" || label == "ASCII" || label == "ISO8859-1")
        return "WINDOWS-1252";
    if (label == "GB2312" || label == "GBK" || label == "X-GBK" || label == "GB_2312-80")
        return "GB18030";
    return label;
}

// --- DOM helpers -----------------------------------------------------------------------------

struct GumboDeleter {
    void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

const GumboNode* child(const GumboNode* n, unsigned i)
{
    return static_cast<const GumboNode*>(n->v.element.children.data[i]);
}

unsigned childCount(const GumboNode* n)
{
    return (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) ? n->v.element.children.length : 0;
}

bool isElement(const GumboNode* n)
{
    return n->type == GUMBO_NODE_ELEMENT;
}

GumboTag tagOf(const GumboNode* n)
{
    return isElement(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

QString attr(const GumboNode* n, const char* name)
{
    if (!isElement(n))
        return {};
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? QString::fromUtf8(a->value) : QString();
}

/// class and id split into lower-case words: "article-share__bar" gives article, share, bar.
QStringList nameTokens(const GumboNode* n)
{
    static const QRegularExpression separators(QStringLiteral("[^a-z0-9]+"));
    return (attr(n, "class") + u' ' + attr(n, "id")).toLower().split(separators, Qt::SkipEmptyParts);
}

/// All the text under a node, scripts and styles aside.
QString textContent(const GumboNode* n)
{
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA)
        return QString::fromUtf8(n->v.text.text);
    const GumboTag tag = tagOf(n);
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE)
        return {};
    QString out;
    for (unsigned i = 0; i < childCount(n); ++i)
        out += textContent(child(n, i));
    return out;
}

bool contains(const GumboNode* n, GumboTag tag)
{
    for (unsigned i = 0; i < childCount(n); ++i) {
        const GumboNode* c = child(n, i);
        if (tagOf(c) == tag || contains(c, tag))
            return true;
    }
    return false;
}

bool anyToken(const QStringList& tokens, const QSet<QString>& set)
{
    for (const QString& t : tokens)
        if (set.contains(t))
            return true;
    return false;
}

/// Page furniture that is never the article: navigation, widgets, hidden parts. `inArticle`
/// tells an article's own <header> (headline, byline) from the site's.
bool isDropped(const GumboNode* n, bool inArticle)
{
    switch (tagOf(n)) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_SVG:
    case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_VIDEO:
    case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_MAP:
    case GUMBO_TAG_FOOTER:
        return true;
    case GUMBO_TAG_HEADER:
        if (!inArticle)
            return true;
        break;
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ARTICLE:
        return false; // whatever their classes say, these hold the article
    default:
        break;
    }
    if (!isElement(n))
        return false;
    if (gumbo_get_attribute(&n->v.element.attributes, "hidden") || attr(n, "aria-hidden") == QStringLiteral("true"))
        return true;
    const QString style = attr(n, "style").toLower().remove(u' ');
    if (style.contains(QStringLiteral("display:none")) || style.contains(QStringLiteral("visibility:hidden")))
        return true;
    static const QSet<QString> roles{
        QStringLiteral("navigation"), QStringLiteral("contentinfo"), QStringLiteral("complementary"),
        QStringLiteral("search"),     QStringLiteral("dialog"),      QStringLiteral("alertdialog"),
        QStringLiteral("menu"),       QStringLiteral("menubar"),     QStringLiteral("banner")};
    if (roles.contains(attr(n, "role").toLower()))
        return true;
    static const QSet<QString> furniture{
        QStringLiteral("share"),       QStringLiteral("sharing"),     QStringLiteral("social"),
        QStringLiteral("comment"),     QStringLiteral("comments"),    QStringLiteral("disqus"),
        QStringLiteral("related"),     QStringLiteral("recommended"), QStringLiteral("recommendations"),
        QStringLiteral("newsletter"),  QStringLiteral("subscribe"),   QStringLiteral("subscription"),
        QStringLiteral("signup"),      QStringLiteral("cookie"),      QStringLiteral("cookies"),
        QStringLiteral("consent"),     QStringLiteral("gdpr"),        QStringLiteral("promo"),
        QStringLiteral("promotion"),   QStringLiteral("advert"),      QStringLiteral("advertisement"),
        QStringLiteral("ad"),          QStringLiteral("ads"),         QStringLiteral("sponsor"),
        QStringLiteral("sponsored"),   QStringLiteral("sidebar"),     QStringLiteral("breadcrumb"),
        QStringLiteral("breadcrumbs"), QStringLiteral("menu"),        QStringLiteral("navbar"),
        QStringLiteral("nav"),         QStringLiteral("navigation"),  QStringLiteral("popup"),
        QStringLiteral("modal"),       QStringLiteral("paywall"),     QStringLiteral("outbrain"),
        QStringLiteral("taboola"),     QStringLiteral("toolbar"),     QStringLiteral("trending"),
        QStringLiteral("popular"),     QStringLiteral("tags"),        QStringLiteral("skip"),
        QStringLiteral("masthead"),    QStringLiteral("tip"),         QStringLiteral("tips"),
        QStringLiteral("gift"),        QStringLiteral("cta")};
    static const QSet<QString> siteParts{QStringLiteral("header"), QStringLiteral("footer"), QStringLiteral("banner")};
    const QStringList tokens = nameTokens(n);
    const QString classes = attr(n, "class");
    if (classes.contains(QStringLiteral("sr-only")) || classes.contains(QStringLiteral("visually-hidden")) ||
        classes.contains(QStringLiteral("screen-reader-text")))
        return true;
    // a widget's name never removes what holds the headline or the article
    const bool named = anyToken(tokens, furniture) || (!inArticle && anyToken(tokens, siteParts));
    return named && !contains(n, GUMBO_TAG_H1) && !contains(n, GUMBO_TAG_ARTICLE) && !contains(n, GUMBO_TAG_MAIN);
}

bool opensArticle(const GumboNode* n)
{
    return tagOf(n) == GUMBO_TAG_ARTICLE || tagOf(n) == GUMBO_TAG_MAIN || attr(n, "role") == QStringLiteral("main");
}

/// Text and link text under a node, dropped parts left out, in UTF-16 units of folded text.
struct TextStats {
    qsizetype text = 0;
    qsizetype links = 0;
    int commas = 0;
    double linkDensity() const { return text > 0 ? static_cast<double>(links) / static_cast<double>(text) : 0; }
};

void measure(const GumboNode* n, bool inArticle, bool inLink, TextStats& st)
{
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA) {
        const QString t = QString::fromUtf8(n->v.text.text).simplified();
        st.text += t.size();
        st.links += inLink ? t.size() : 0;
        st.commas += static_cast<int>(t.count(u','));
        return;
    }
    if (!isElement(n) || isDropped(n, inArticle))
        return;
    inArticle = inArticle || opensArticle(n);
    inLink = inLink || tagOf(n) == GUMBO_TAG_A;
    for (unsigned i = 0; i < childCount(n); ++i)
        measure(child(n, i), inArticle, inLink, st);
}

TextStats statsOf(const GumboNode* n, bool inArticle)
{
    TextStats st;
    measure(n, inArticle, false, st);
    return st;
}

void collect(const GumboNode* n, GumboTag tag, std::vector<const GumboNode*>& out)
{
    for (unsigned i = 0; i < childCount(n); ++i) {
        const GumboNode* c = child(n, i);
        if (tagOf(c) == tag || (tag == GUMBO_TAG_MAIN && attr(c, "role") == QStringLiteral("main")))
            out.push_back(c);
        collect(c, tag, out);
    }
}

bool isInside(const GumboNode* n, const GumboNode* ancestor)
{
    for (const GumboNode* p = n; p; p = p->parent)
        if (p == ancestor)
            return true;
    return false;
}

bool isInsideDropped(const GumboNode* n)
{
    std::vector<const GumboNode*> chain;  // the root first
    for (const GumboNode* p = n; p; p = p->parent)
        chain.push_back(p);
    bool held = false;  // whether an article or main holds the node, which keeps its own <header>
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        if (isElement(*it) && isDropped(*it, held))
            return true;
        held = held || opensArticle(*it);
    }
    return false;
}

/// The readability idea: each paragraph's text scores its parent and, at half, its grandparent;
/// the best-scoring element, less its link density, holds the article.
const GumboNode* bestByScore(const GumboNode* body)
{
    std::vector<const GumboNode*> paragraphs;
    collect(body, GUMBO_TAG_P, paragraphs);
    QHash<const GumboNode*, double> scores;
    for (const GumboNode* p : paragraphs) {
        if (isInsideDropped(p))
            continue;
        const TextStats st = statsOf(p, false);
        if (st.text < 25)
            continue;
        const double score = 1 + st.commas + std::min(static_cast<double>(st.text) / 100.0, 3.0);
        if (p->parent)
            scores[p->parent] += score;
        if (p->parent && p->parent->parent)
            scores[p->parent->parent] += score / 2;
    }
    const GumboNode* best = nullptr;
    double bestScore = 0;
    for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
        const double score = it.value() * (1 - statsOf(it.key(), false).linkDensity());
        if (score > bestScore) {
            best = it.key();
            bestScore = score;
        }
    }
    return best ? best : body;
}

// --- blocks ----------------------------------------------------------------------------------

bool isBlockTag(GumboTag tag)
{
    switch (tag) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_CAPTION:
        return true;
    default:
        return false;
    }
}

qsizetype wordCount(const QString& s)
{
    return s.split(u' ', Qt::SkipEmptyParts).size();
}

/// Walks the content root into blocks, one per paragraph, heading, list item or caption.
class BlockWalker {
public:
    struct Piece {
        SourceBlock block;
        qsizetype links = 0;
        int list = -1;
    };
    std::vector<Piece> pieces;
    bool titleSeen = false;
    QString firstTime; ///< the first <time datetime> met in the content

    void walk(const GumboNode* n, Hint hint, QString label, bool inArticle, bool inLink, int list)
    {
        if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA || n->type == GUMBO_NODE_WHITESPACE) {
            const QString t = QString::fromUtf8(n->v.text.text);
            m_text += t;
            if (inLink)
                m_links += t.simplified().size();
            return;
        }
        if (!isElement(n) || isDropped(n, inArticle))
            return;
        const GumboTag tag = tagOf(n);
        inArticle = inArticle || opensArticle(n);
        if (tag == GUMBO_TAG_TIME && firstTime.isEmpty())
            firstTime = attr(n, "datetime");
        if (tag == GUMBO_TAG_BR) {
            m_text += u' ';
            return;
        }
        if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
            m_text += u' ';
        static const QSet<QString> captions{QStringLiteral("caption"), QStringLiteral("credit"),
                                            QStringLiteral("figcaption")};
        static const QSet<QString> bylines{QStringLiteral("byline"), QStringLiteral("author"),
                                           QStringLiteral("authors")};
        static const QSet<QString> datelines{QStringLiteral("dateline"), QStringLiteral("date"),
                                             QStringLiteral("timestamp"), QStringLiteral("published"),
                                             QStringLiteral("pubdate")};
        const QStringList tokens = nameTokens(n);
        // a <span class="byline"> stands apart from the text around it, as a block would
        const bool namedLine = hint == Hint::Free && (anyToken(tokens, bylines) || anyToken(tokens, datelines));
        if (!isBlockTag(tag) && !namedLine) {
            for (unsigned i = 0; i < childCount(n); ++i)
                walk(child(n, i), hint, label, inArticle, inLink || tag == GUMBO_TAG_A, list);
            return;
        }
        flush(hint, label, list);
        switch (tag) {
        case GUMBO_TAG_H1:
            hint = titleSeen ? Hint::Heading : Hint::Title;
            titleSeen = true;
            break;
        case GUMBO_TAG_H2:
        case GUMBO_TAG_H3:
            hint = Hint::Heading;
            break;
        case GUMBO_TAG_H4:
        case GUMBO_TAG_H5:
        case GUMBO_TAG_H6:
            hint = Hint::Free;
            break;
        case GUMBO_TAG_LI:
            if (hint != Hint::Furniture)
                hint = Hint::Bullet;
            break;
        case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FIGCAPTION:
            hint = Hint::Furniture;
            label = QStringLiteral("caption");
            break;
        case GUMBO_TAG_UL:
        case GUMBO_TAG_OL:
            list = m_lists++;
            break;
        default:
            if (anyToken(tokens, captions)) {
                hint = Hint::Furniture;
                label = QStringLiteral("caption");
            } else if (hint == Hint::Free && anyToken(tokens, bylines)) {
                hint = Hint::Byline;
            } else if (hint == Hint::Free && anyToken(tokens, datelines)) {
                hint = Hint::Dateline;
            }
            break;
        }
        const size_t firstPiece = pieces.size();
        for (unsigned i = 0; i < childCount(n); ++i)
            walk(child(n, i), hint, label, inArticle, inLink, list);
        flush(hint, label, list);
        if (tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL)
            markLinkList(firstPiece, list);
    }

private:
    void flush(Hint hint, QString label, int list)
    {
        QString text = m_text.simplified();
        const qsizetype links = m_links;
        m_text.clear();
        m_links = 0;
        if (text.isEmpty())
            return;
        const qsizetype words = wordCount(text);
        // a class name is a weak sign: a long "author" box is a bio, an undated "date" box text
        if (hint == Hint::Byline && words > 12)
            hint = Hint::Free;
        if (hint == Hint::Byline && (bodySeen || (text.endsWith(u'.') && words > 4))) {
            hint = Hint::Furniture; // "Jane Doe covers chips from Taipei." under the text
            label = QStringLiteral("author bio");
        }
        if (hint == Hint::Dateline && !DateParser::parseDateLine(text))
            hint = Hint::Free;
        // "Yangtze Business Times 2024-04-16" above the text: the outlet and the date, not a heading
        if (hint == Hint::Free && words <= 12 && !bodySeen && containsDate(text))
            hint = Hint::Dateline;
        bodySeen = bodySeen || (hint == Hint::Free && words > 12);
        Piece p;
        p.block.hint = hint;
        p.block.text = std::move(text);
        p.block.label = label;
        p.links = links;
        p.list = list;
        if (hint == Hint::Free && words <= 15 && links * 10 >= p.block.text.size() * 8) {
            p.block.hint = Hint::Furniture; // a line that is all links: "More: X, Y"
            p.block.label = QStringLiteral("links");
        }
        pieces.push_back(std::move(p));
    }

    /// A list that is mostly links is a list of other articles, not the article's own points.
    void markLinkList(size_t from, int list)
    {
        qsizetype text = 0, links = 0;
        for (size_t i = from; i < pieces.size(); ++i)
            if (pieces[i].list == list) {
                text += pieces[i].block.text.size();
                links += pieces[i].links;
            }
        if (text == 0 || links * 10 < text * 6)
            return;
        for (size_t i = from; i < pieces.size(); ++i)
            if (pieces[i].list == list) {
                pieces[i].block.hint = Hint::Furniture;
                pieces[i].block.label = QStringLiteral("related links");
            }
    }

    static bool containsDate(const QString& text)
    {
        for (qsizetype i = 0; i < text.size(); ++i)
            if ((i == 0 || text[i - 1] == u' ') && text[i].isLetterOrNumber() &&
                DateParser::parseAt(QStringView(text).sliced(i)))
                return true;
        return false;
    }

    QString m_text;
    qsizetype m_links = 0;
    bool bodySeen = false; ///< a paragraph of the text has been met
    int m_lists = 0;
};

// --- metadata --------------------------------------------------------------------------------

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

struct HeadData {
    QString titleTag;
    QHash<QString, QString> meta; ///< property, name or itemprop (lower case) -> content, first wins
    std::optional<QJsonObject> jsonLd;
};

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
QString bareByline(const std::vector<BlockWalker::Piece>& pieces)
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

/// A pull quote repeats words the text has already said; it is set aside like a caption.
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

} // namespace

QString HtmlReader::cleanTitle(const QString& title, const QString& siteName)
{
    static const QRegularExpression separator(
        QStringLiteral("\\s+(?:\\||-|\\x{2013}|\\x{2014}|\\x{00B7}|\\x{00BB}|::)\\s+"),
        QRegularExpression::UseUnicodePropertiesOption);
    auto isSite = [&](const QString& part) {
        return !siteName.isEmpty() && (part.compare(siteName, Qt::CaseInsensitive) == 0 ||
                                       (wordCount(part) <= 4 && siteName.contains(part, Qt::CaseInsensitive)) ||
                                       part.contains(siteName, Qt::CaseInsensitive));
    };
    QString t = title.simplified();
    for (;;) {
        QRegularExpressionMatch first, last;
        auto it = separator.globalMatch(t);
        while (it.hasNext()) {
            last = it.next();
            if (!first.hasMatch())
                first = last;
        }
        if (!last.hasMatch())
            break;
        const QString tail = t.mid(last.capturedEnd());
        const QString head = t.left(first.capturedStart());
        const QString rest = t.left(last.capturedStart());
        if (isSite(tail)) {
            t = rest;
        } else if (isSite(head)) {
            t = t.mid(first.capturedEnd());
        } else if (wordCount(tail) <= 3 && !tail.isEmpty() && (tail.front().isUpper() || tail.front().isDigit()) &&
                   wordCount(rest) >= 4) {
            t = rest; // "Headline | Tech": a short label standing last is the site or its section
        } else {
            break;
        }
    }
    return t;
}

Result<HtmlPage> HtmlReader::read(const QByteArray& bytes)
{
    auto decoded = decodeText(bytes); // BOMs, binary data, emptiness and detection, as for text
    if (!decoded)
        return Error{decoded.error()};
    HtmlPage page;
    page.encoding = decoded->encoding;
    QString text = std::move(decoded->text);
    if (!hasBom(bytes)) {
        const QByteArray declared = iconvName(declaredCharset(bytes));
        if (!declared.isEmpty() && !declared.startsWith("UTF")) {
            if (auto converted = decodeWithIconv(declared, bytes)) {
                text = normalizeNewlines(std::move(*converted));
                page.encoding = QString::fromLatin1(declared);
            }
        }
    }
    const qsizetype lastOpen = text.lastIndexOf(u'<');
    if (lastOpen < 0)
        return Error{QStringLiteral("not an HTML page (no markup)")};
    if (lastOpen > text.lastIndexOf(u'>'))
        return Error{QStringLiteral("truncated HTML page (it ends inside a tag)")};
    static const QRegularExpression opened(QStringLiteral("<(html|body)\\b"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression closed(QStringLiteral("</(html|body)\\s*>"),
                                           QRegularExpression::CaseInsensitiveOption);
    if (text.contains(opened) && !text.contains(closed))
        return Error{QStringLiteral("truncated HTML page (it ends before </body> and </html>)")};

    const QByteArray utf8 = text.toUtf8();
    std::unique_ptr<GumboOutput, GumboDeleter> out(
        gumbo_parse_with_options(&kGumboDefaultOptions, utf8.constData(), static_cast<size_t>(utf8.size())));
    if (!out || !out->root)
        return Error{QStringLiteral("malformed HTML page (it cannot be parsed)")};
    const GumboNode* root = out->root;

    HeadData head;
    readHead(root, head);
    const GumboNode* body = nullptr;
    for (unsigned i = 0; i < childCount(root); ++i)
        if (tagOf(child(root, i)) == GUMBO_TAG_BODY)
            body = child(root, i);
    if (!body)
        return Error{QStringLiteral("malformed HTML page (no body)")};

    // The content root: the <article> with the most text (related-story cards are <article>s too),
    // else <main>, else the best-scoring block.
    constexpr qsizetype kEnoughText = 140;
    const GumboNode* content = nullptr;
    for (GumboTag tag : {GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN}) {
        std::vector<const GumboNode*> candidates;
        collect(body, tag, candidates);
        qsizetype most = 0;
        for (const GumboNode* c : candidates) {
            if (isInsideDropped(c))
                continue;
            const qsizetype chars = statsOf(c, true).text;
            if (chars > most) {
                most = chars;
                content = c;
            }
        }
        if (content && most >= kEnoughText)
            break;
        content = nullptr;
    }
    if (!content)
        content = bestByScore(body);

    BlockWalker walker;
    bool inArticle = false;
    for (const GumboNode* p = content; p; p = p->parent)
        inArticle = inArticle || opensArticle(p);
    // the headline often stands above the block that holds the text
    std::vector<const GumboNode*> h1s;
    collect(body, GUMBO_TAG_H1, h1s);
    for (const GumboNode* h : h1s) {
        if (isInsideDropped(h))
            continue;
        if (!isInside(h, content)) {
            walker.titleSeen = true;
            SourceBlock title;
            title.hint = Hint::Title;
            title.text = textContent(h).simplified();
            if (!title.text.isEmpty())
                walker.pieces.push_back({title, 0, -1});
        }
        break;
    }
    walker.walk(content, Hint::Free, QString(), inArticle, false, -1);
    if (walker.firstTime.isEmpty()) { // the date often stands in a header above the text
        std::vector<const GumboNode*> times;
        collect(body, GUMBO_TAG_TIME, times);
        for (const GumboNode* t : times)
            if (!attr(t, "datetime").isEmpty() && !isInsideDropped(t)) {
                walker.firstTime = attr(t, "datetime");
                break;
            }
    }

    // metadata, most explicit first
    const QJsonObject ld = head.jsonLd.value_or(QJsonObject());
    auto meta = [&](const char* key) { return head.meta.value(QLatin1String(key)); };
    ArticleMetadata& md = page.metadata;
    const QJsonValue publisher = ld.value(QStringLiteral("publisher"));
    md.publisher = publisher.isObject() ? publisher.toObject().value(QStringLiteral("name")).toString().simplified()
                                        : publisher.toString().simplified();
    if (md.publisher.isEmpty())
        md.publisher = meta("og:site_name");
    QString h1Text;
    for (const auto& p : walker.pieces)
        if (p.block.hint == Hint::Title) {
            h1Text = p.block.text;
            break;
        }
    for (const QString& candidate :
         {ld.value(QStringLiteral("headline")).toString().simplified(), cleanTitle(meta("og:title"), md.publisher),
          cleanTitle(meta("twitter:title"), md.publisher), h1Text, cleanTitle(head.titleTag, md.publisher)})
        if (!candidate.isEmpty()) {
            md.title = candidate;
            break;
        }
    // Only a short <title> named the page: it is the site's name, and the headline is a heading,
    // the one the story opens on before any paragraph (a blog's <h2 class="post-title">) or one
    // named as a title above the block that holds the text
    if (!walker.titleSeen && !md.title.isEmpty() && md.title == cleanTitle(head.titleTag, md.publisher) &&
        wordCount(md.title) <= 5) {
        QString headline;
        for (auto& p : walker.pieces) {
            if (p.block.hint == Hint::Heading && wordCount(p.block.text) >= 4) {
                headline = p.block.text;
                p.block.hint = Hint::Title;
                walker.titleSeen = true;
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
        md.author = bareByline(walker.pieces);
    // what the text of the block holding the article cannot show: a byline or date beside it
    const bool textByline = std::any_of(walker.pieces.begin(), walker.pieces.end(),
                                        [](const BlockWalker::Piece& p) { return p.block.hint == Hint::Byline; });
    PageHeaderFacts outside;
    if ((md.author.isEmpty() && !textByline) || walker.firstTime.isEmpty())
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
                                 meta("dc.date"), meta("dc.date.issued"), walker.firstTime})
        if (auto date = dateFrom(value)) {
            md.published = *date;
            break;
        }
    if (!md.published.isValid() && outside.published)
        md.published = *outside.published;
    if (walker.pieces.empty() && md.title.isEmpty())
        return Error{QStringLiteral("no article text in the page")};
    if (!walker.titleSeen && !md.title.isEmpty()) {
        SourceBlock title;
        title.hint = Hint::Title;
        title.text = md.title;
        page.blocks.push_back(title);
    }
    bool hasBody = false;
    for (auto& p : walker.pieces) {
        hasBody =
            hasBody || p.block.hint == Hint::Free || p.block.hint == Hint::Bullet || p.block.hint == Hint::Heading;
        page.blocks.push_back(std::move(p.block));
    }
    markRepeats(page.blocks);
    if (!hasBody)
        return Error{QStringLiteral("no article text in the page (only a headline or page furniture)")};
    return page;
}

} // namespace claimlens
