#include "read/HtmlDom.h"

namespace claimlens::html {

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

qsizetype wordCount(const QString& s)
{
    return s.split(u' ', Qt::SkipEmptyParts).size();
}

}  // namespace claimlens::html
