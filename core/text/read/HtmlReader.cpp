#include "read/HtmlReader.h"

#include "read/HtmlDom.h"
#include "read/HtmlMetadata.h"
#include "read/TextDecoder.h"
#include "structure/DateParser.h"

#include <QRegularExpression>

#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

namespace claimlens {

using namespace html;

namespace {

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

// --- blocks ----------------------------------------------------------------------------------

constexpr int kMaxTreeDepth = 500;

/// How deep elements nest under `root`, counted without recursion, and only up to just past the
/// limit (a deeper tree is refused whatever its depth).
int treeDepth(const GumboNode* root)
{
    std::vector<std::pair<const GumboNode*, int>> stack{{root, 1}};
    int deepest = 0;
    while (!stack.empty()) {
        const auto [node, depth] = stack.back();
        stack.pop_back();
        deepest = std::max(deepest, depth);
        if (deepest > kMaxTreeDepth)
            break;
        for (unsigned i = 0; i < childCount(node); ++i)
            stack.emplace_back(child(node, i), depth + 1);
    }
    return deepest;
}

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

/// Walks the content root into blocks, one per paragraph, heading, list item or caption.
class BlockWalker {
public:
    using Piece = html::Piece;
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
    page.warning = decoded->warning;
    QString text = std::move(decoded->text);
    if (!hasBom(bytes)) {
        const QByteArray declared = iconvName(declaredCharset(bytes));
        if (!declared.isEmpty() && !declared.startsWith("UTF")) {
            if (auto converted = decodeWithIconv(declared, bytes)) {
                text = normalizeNewlines(std::move(*converted));
                page.encoding = QString::fromLatin1(declared);
                page.warning.clear();
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
    // The readers below walk the tree by recursion, as deep as the page nests. Pages nest a few
    // dozen levels; thousands are a malformed or hostile file, refused before any walk.
    if (treeDepth(root) > kMaxTreeDepth)
        return Error{QStringLiteral("HTML nested too deep (more than %1 levels of elements inside each other; pages "
                                    "have a few dozen)")
                         .arg(kMaxTreeDepth)};

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
    ArticleMetadata& md = page.metadata;
    readMetadata(head, body, walker.pieces, walker.titleSeen, walker.firstTime, md);
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
