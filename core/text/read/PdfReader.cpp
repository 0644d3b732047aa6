#include "read/PdfReader.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <poppler-qt6.h>

#include <algorithm>
#include <cmath>

namespace claimlens {
namespace {

using Hint = SourceBlock::Hint;

struct Line {
    QString text;
    double top = 0, bottom = 0, left = 0, right = 0;
    double height() const { return bottom - top; }
};

void ignorePopplerMessage(const QString&, const QVariant&) {}

/// Poppler reports every oddity of a damaged file on stderr; the reader says what matters, once.
void silencePoppler()
{
    static const bool done = [] {
        Poppler::setDebugErrorFunction(&ignorePopplerMessage, QVariant());
        return true;
    }();
    (void)done;
}

/// Words in poppler's reading order, joined into lines: a word on another baseline, or one that
/// goes back to the left, starts a new line.
std::vector<Line> linesOf(const Poppler::Page& page)
{
    std::vector<Line> lines;
    bool spaceBefore = false;
    for (const auto& box : page.textList()) {
        const QRectF r = box->boundingBox();
        const QString word = box->text();
        if (word.trimmed().isEmpty())
            continue;
        bool newLine = lines.empty();
        if (!newLine) {
            const Line& l = lines.back();
            const double centre = (r.top() + r.bottom()) / 2, lineCentre = (l.top + l.bottom) / 2;
            newLine = std::abs(centre - lineCentre) > 0.5 * std::max(l.height(), r.height()) || r.left() < l.right - 2;
        }
        if (newLine) {
            lines.push_back({word, r.top(), r.bottom(), r.left(), r.right()});
        } else {
            Line& l = lines.back();
            l.text += (spaceBefore ? QStringLiteral(" ") : QString()) + word;
            l.top = std::min(l.top, r.top());
            l.bottom = std::max(l.bottom, r.bottom());
            l.right = std::max(l.right, r.right());
        }
        spaceBefore = box->hasSpaceAfter();
    }
    for (Line& l : lines)
        l.text = l.text.simplified();
    return lines;
}

/// A running line compared across pages: case and numbers aside ("Page 2 of 5" is "page # of #").
QString runningKey(const QString& text)
{
    static const QRegularExpression digits(QStringLiteral("\\d+"));
    return text.toLower().replace(digits, QStringLiteral("#")).simplified();
}

bool isPageNumber(const QString& text)
{
    static const QRegularExpression number(
        QStringLiteral("^(?:page\\s+)?\\d{1,4}(?:\\s*(?:of|/"
                       ")\\s*\\d{1,4})?$|^[-\\x{2013}\\x{2014}]\\s*\\d{1,4}\\s*[-\\x{2013}\\x{2014}]$"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return number.match(text).hasMatch();
}

/// What a browser prints around a page: the print stamp ("3/11/25, 4:07 PM", then the tab's
/// title), the page's address, and "n/N". They stand at a page's edge even on a one-page print,
/// where no repetition shows them.
bool isPrintMark(const QString& text)
{
    static const QRegularExpression mark(
        QStringLiteral("^(?:\\d{1,2}/\\d{1,2}/\\d{2,4},?\\s+\\d{1,2}:\\d{2}(?:\\s*[AaPp]\\.?[Mm]\\.?)?(?:\\s.*)?|"
                       "(?:https?://|www\\.)\\S+(?:\\s+\\d{1,4}\\s*/\\s*\\d{1,4})?)$"),
        QRegularExpression::UseUnicodePropertiesOption);
    return mark.match(text).hasMatch();
}

bool startsListItem(const QString& text)
{
    static const QRegularExpression marker(
        QStringLiteral("^(?:[\\x{2022}\\x{25AA}\\x{25E6}\\x{2023}\\x{2013}*-]|\\d{1,2}[.)])\\s"),
        QRegularExpression::UseUnicodePropertiesOption);
    return marker.match(text).hasMatch();
}

/// The value a `fraction` of `v` lies below.
double quantile(std::vector<double> v, double fraction)
{
    if (v.empty())
        return 0;
    const auto at = static_cast<size_t>(static_cast<double>(v.size() - 1) * fraction);
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(at), v.end());
    return v[at];
}

/// Joins a paragraph's lines, mending words hyphenated at a line's end.
void appendLine(QString& text, const QString& line)
{
    if (text.isEmpty()) {
        text = line;
    } else if (text.size() > 1 && text.back() == u'-' && text[text.size() - 2].isLetter() && !line.isEmpty() &&
               line.front().isLower()) {
        text.chop(1);
        text += line;
    } else {
        text += u' ' + line;
    }
}

bool endsSentence(const QString& text)
{
    return !text.isEmpty() && QStringView(u".!?:;\"\u201d\u2019)").contains(text.back());
}

QString documentTitle(const Poppler::Document& doc)
{
    // Word processors write the file's name, or nothing meaningful, as the title
    static const QRegularExpression junk(
        QStringLiteral("\\.(docx?|pdf|odt|rtf|txt|indd)$|^(microsoft word|untitled)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QString title = doc.info(QStringLiteral("Title")).simplified();
    return junk.match(title).hasMatch() ? QString() : title;
}

} // namespace

Result<PdfText> PdfReader::read(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return Error{QStringLiteral("empty file")};
    if (!bytes.left(1024).contains("%PDF-"))
        return Error{QStringLiteral("not a PDF (no %PDF- header)")};
    silencePoppler();
    const std::unique_ptr<Poppler::Document> doc = Poppler::Document::loadFromData(bytes);
    if (!doc)
        return Error{QStringLiteral("damaged PDF (poppler cannot open it)")};
    if (doc->isLocked())
        return Error{QStringLiteral("encrypted PDF (it needs a password to open)")};
    const int pageCount = doc->numPages();
    if (pageCount <= 0)
        return Error{QStringLiteral("damaged PDF (no pages)")};

    std::vector<std::vector<Line>> pages;
    std::vector<double> pageHeights;
    bool anyText = false;
    for (int i = 0; i < pageCount; ++i) {
        const std::unique_ptr<Poppler::Page> page = doc->page(i);
        if (!page)
            return Error{QStringLiteral("damaged PDF (page %1 cannot be read)").arg(i + 1)};
        pages.push_back(linesOf(*page));
        anyText = anyText || !pages.back().empty();
    }
    if (!anyText)
        return Error{QStringLiteral("image-only PDF (no text layer; it needs OCR first)")};

    // Running headers and footers: among the two lines nearest a page's top and its bottom, those
    // that come back on at least half the pages (numbers aside), and lone page numbers.
    auto edgeLines = [](const std::vector<Line>& lines) {
        std::vector<size_t> order(lines.size());
        for (size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return lines[a].top < lines[b].top; });
        QSet<size_t> edges;
        for (size_t k = 0; k < order.size() && k < 2; ++k) {
            edges.insert(order[k]);
            edges.insert(order[order.size() - 1 - k]);
        }
        return edges;
    };
    QHash<QString, QSet<int>> seenOn;
    for (int p = 0; p < pageCount; ++p)
        for (size_t i : edgeLines(pages[static_cast<size_t>(p)]))
            seenOn[runningKey(pages[static_cast<size_t>(p)][i].text)].insert(p);
    const int repeatAt = std::max(2, (pageCount + 1) / 2);
    std::vector<double> heights;
    for (int p = 0; p < pageCount; ++p) {
        auto& lines = pages[static_cast<size_t>(p)];
        const QSet<size_t> edges = edgeLines(lines);
        std::vector<Line> kept;
        for (size_t i = 0; i < lines.size(); ++i) {
            const bool running =
                edges.contains(i) && (isPageNumber(lines[i].text) || isPrintMark(lines[i].text) ||
                                      (pageCount >= 2 && seenOn[runningKey(lines[i].text)].size() >= repeatAt));
            if (!running)
                kept.push_back(lines[i]);
        }
        lines = std::move(kept);
        for (const Line& l : lines)
            heights.push_back(l.height());
    }
    const double bodyHeight = quantile(heights, 0.5);
    std::vector<double> gaps;
    for (const auto& lines : pages)
        for (size_t i = 1; i < lines.size(); ++i) {
            const double gap = lines[i].top - lines[i - 1].bottom;
            if (gap >= 0 && std::abs(lines[i].height() - bodyHeight) < 0.15 * bodyHeight)
                gaps.push_back(gap);
        }
    // lines within a paragraph are the commonest gap, but with two-line paragraphs the gaps
    // between paragraphs are about as common: the lower quartile is the line gap
    const double lineGap = quantile(gaps, 0.25);

    PdfText out;
    out.pageCount = pageCount;
    for (int p = 0; p < pageCount; ++p) {
        const auto& lines = pages[static_cast<size_t>(p)];
        SourceBlock current;
        double currentHeight = 0;
        double itemLeft = 0; // where the paragraph's first line starts
        bool firstOfPage = true;
        auto finish = [&] {
            if (current.text.isEmpty())
                return;
            if (currentHeight > 1.15 * bodyHeight)
                current.hint = (out.blocks.empty() && p == 0) ? Hint::Title : Hint::Heading;
            // a paragraph cut by the page break goes on where the next page starts in lower case
            SourceBlock* previous = out.blocks.empty() ? nullptr : &out.blocks.back();
            if (firstOfPage && previous && previous->hint == Hint::Free && current.hint == Hint::Free &&
                !endsSentence(previous->text) && current.text.front().isLower()) {
                appendLine(previous->text, current.text);
                previous->pageStarts.push_back({previous->text.size() - current.text.size(), p + 1});
            } else {
                out.blocks.push_back(std::move(current));
            }
            firstOfPage = false;
            current = SourceBlock();
            currentHeight = 0;
        };
        for (size_t i = 0; i < lines.size(); ++i) {
            const Line& l = lines[i];
            if (i > 0) {
                const Line& prev = lines[i - 1];
                const double gap = l.top - prev.bottom;
                const bool otherType = std::abs(l.height() - prev.height()) > 0.15 * bodyHeight;
                // a list item's own lines are indented past its marker; a line back at the marker ends it
                const bool afterItem = startsListItem(current.text) && l.left <= itemLeft + 1;
                if (gap > lineGap + 0.4 * bodyHeight || gap < -0.5 * bodyHeight || otherType ||
                    startsListItem(l.text) || afterItem)
                    finish();
            }
            if (current.text.isEmpty()) {
                current.page = p + 1;
                itemLeft = l.left;
            }
            appendLine(current.text, l.text);
            currentHeight = std::max(currentHeight, l.height());
        }
        finish();
    }

    ArticleMetadata& md = out.metadata;
    md.title = documentTitle(*doc);
    // A page printed from a browser carries the tab's title: the headline, then " - Site".
    if (!out.blocks.empty() && out.blocks.front().hint == SourceBlock::Hint::Title) {
        const QString& headline = out.blocks.front().text;
        for (const QString& separator : {QStringLiteral(" - "), QStringLiteral(" | "), QStringLiteral(" \u2013 "),
                                          QStringLiteral(" \u2014 ")})
            if (md.title.startsWith(headline + separator)) {
                md.publisher = md.title.mid(headline.size() + separator.size()).trimmed();
                md.title = headline;
                break;
            }
    }
    md.author = doc->info(QStringLiteral("Author")).simplified();
    const QDate created = doc->creationDate().date();
    if (created.isValid())
        md.published = {created.year(), created.month(), created.day(), DatePrecision::Day};
    md.textDateFirst = true;
    return out;
}

} // namespace claimlens
