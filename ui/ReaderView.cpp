#include "ReaderView.h"

#include "Plural.h"

#include <QContextMenuEvent>
#include <QDir>
#include <QMenu>
#include <QEvent>
#include <QScrollBar>
#include <QHelpEvent>
#include <QLocale>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QToolTip>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>

namespace claimlens::ui {
namespace {

constexpr auto kFurnitureLink = "claimlens:furniture";

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QTextCharFormat baseFormat(BlockKind kind, const QPalette& palette)
{
    QTextCharFormat f;
    f.setForeground(palette.color(QPalette::Text));
    switch (kind) {
    case BlockKind::Title:
        f.setFontPointSize(18);
        f.setFontWeight(QFont::Bold);
        break;
    case BlockKind::Heading:
        f.setFontPointSize(13);
        f.setFontWeight(QFont::DemiBold);
        break;
    case BlockKind::Kicker:
        f.setFontCapitalization(QFont::AllUppercase);
        f.setFontLetterSpacing(108);
        f.setForeground(palette.color(QPalette::PlaceholderText));
        break;
    case BlockKind::Byline:
    case BlockKind::Dateline:
    case BlockKind::Metadata:
    case BlockKind::Channel:
    case BlockKind::Attribution:
        f.setForeground(palette.color(QPalette::PlaceholderText));
        break;
    case BlockKind::Furniture:
        f.setForeground(palette.color(QPalette::PlaceholderText));
        f.setFontItalic(true);
        break;
    default:
        break;
    }
    return f;
}

QString kindPrefix(BlockKind kind)
{
    switch (kind) {
    case BlockKind::Metadata:
        return ReaderView::tr("metadata: ");
    case BlockKind::Channel:
        return ReaderView::tr("channel: ");
    case BlockKind::Furniture:
        return ReaderView::tr("page furniture: ");
    default:
        return {};
    }
}

}  // namespace

ReaderView::ReaderView(QWidget* parent) : QTextBrowser(parent)
{
    setOpenLinks(false);
    setOpenExternalLinks(false);
    setPlaceholderText(tr("Select a document to read it here."));
    document()->setDocumentMargin(16);
    connect(this, &QTextBrowser::anchorClicked, this, &ReaderView::onAnchor);
}

/// The line under a reading an analyst checked: a green that reads on either palette.
QColor reviewedColour(bool dark)
{
    return dark ? QColor(0x6e, 0xe7, 0x8a) : QColor(0x16, 0x7a, 0x32);
}

QColor ReaderView::markColour(TextMark::Kind kind, bool dark)
{
    switch (kind) {
    case TextMark::Kind::Company:
        return dark ? QColor(0x1e, 0x3a, 0x5f) : QColor(0xd4, 0xe6, 0xff);
    case TextMark::Kind::Product:
        return dark ? QColor(0x3b, 0x2f, 0x63) : QColor(0xe9, 0xe1, 0xff);
    case TextMark::Kind::Country:
        return dark ? QColor(0x1f, 0x4d, 0x2e) : QColor(0xd6, 0xf5, 0xdd);
    case TextMark::Kind::Organization:
        return dark ? QColor(0x5a, 0x3a, 0x1a) : QColor(0xff, 0xe8, 0xcc);
    case TextMark::Kind::Person:
        return dark ? QColor(0x5a, 0x23, 0x41) : QColor(0xfc, 0xe1, 0xef);
    case TextMark::Kind::Claim:
        return dark ? QColor(0x3d, 0x3a, 0x1c) : QColor(0xff, 0xfb, 0xe0);
    case TextMark::Kind::Statistic:
        return dark ? QColor(0xff, 0xb0, 0x5c) : QColor(0xb4, 0x4b, 0x00);
    case TextMark::Kind::Event:
        return dark ? QColor(0x7d, 0xd3, 0xfc) : QColor(0x03, 0x69, 0xa1);
    }
    return {};
}

void ReaderView::setDocument(std::optional<ReaderDocument> document)
{
    m_doc = std::move(document);
    m_currentSentence = -1;
    render();
    verticalScrollBar()->setValue(0);
}

void ReaderView::clear()
{
    setDocument(std::nullopt);
}

void ReaderView::setSearchTerms(const QStringList& terms)
{
    m_searchTerms = terms;
    updateHighlights();
}

void ReaderView::setFurnitureShown(bool shown)
{
    if (shown == m_showFurniture)
        return;
    m_showFurniture = shown;
    const int scroll = verticalScrollBar()->value();
    render();
    verticalScrollBar()->setValue(scroll);
    Q_EMIT furnitureToggled(shown);
}

void ReaderView::render()
{
    QTextDocument* out = document();
    out->clear();
    m_shown.clear();
    m_furnitureCount = 0;
    if (!m_doc)
        return;
    const ReaderDocument& doc = *m_doc;
    const QPalette pal = palette();
    const bool dark = isDark(pal);
    QTextCursor cursor(out);
    bool first = true;

    auto newBlock = [&](BlockKind kind) {
        QTextBlockFormat bf;
        bf.setBottomMargin(kind == BlockKind::Paragraph || kind == BlockKind::Bullet ? 8 : 4);
        if (kind == BlockKind::Heading)
            bf.setTopMargin(10);
        if (kind == BlockKind::Bullet)
            bf.setIndent(1);
        if (first) {
            cursor.setBlockFormat(bf);
            first = false;
        } else {
            cursor.insertBlock(bf);
        }
    };

    // The title comes first even when the file has none: then the file name stands for it.
    const bool hasTitleBlock = std::any_of(doc.blocks.begin(), doc.blocks.end(),
                                           [](const StoredBlock& b) { return b.kind == BlockKind::Title; });
    if (!hasTitleBlock) {
        newBlock(BlockKind::Title);
        cursor.insertText(doc.summary.fileName, baseFormat(BlockKind::Title, pal));
    }
    // What the header does not say in the text itself: the date and source the store read.
    QStringList meta;
    if (doc.summary.published.isValid())
        meta.append(doc.summary.published.iso());
    if (!doc.summary.source.isEmpty())
        meta.append(doc.summary.source);
    const QString home = QDir::homePath();  // ~/Downloads/x.html: the same file, shorter, and no one's name
    meta.append(doc.summary.path.startsWith(home + u'/') ? u'~' + doc.summary.path.mid(home.size()) : doc.summary.path);

    for (const StoredBlock& b : doc.blocks) {
        if (b.kind == BlockKind::Furniture) {
            ++m_furnitureCount;
            if (!m_showFurniture)
                continue;
        }
        newBlock(b.kind);
        const QTextCharFormat base = baseFormat(b.kind, pal);
        if (b.kind == BlockKind::Bullet)
            cursor.insertText(QStringLiteral("\u2022 "), base);
        if (const QString prefix = kindPrefix(b.kind); !prefix.isEmpty()) {
            QTextCharFormat label = base;
            label.setFontItalic(false);
            label.setFontPointSize(8);
            cursor.insertText(prefix, label);
        }
        const qsizetype from = b.end - b.text.size();
        m_shown.push_back({from, b.end, cursor.position()});

        // Split the block at every mark boundary; each piece takes the formats of the marks over it.
        std::vector<const TextMark*> marks;
        for (const TextMark& m : doc.marks)
            if (m.start < b.end && m.end > from)
                marks.push_back(&m);
        std::set<qsizetype> cuts{from, b.end};
        for (const TextMark* m : marks) {
            cuts.insert(std::clamp(m->start, from, b.end));
            cuts.insert(std::clamp(m->end, from, b.end));
        }
        for (auto it = cuts.begin(); std::next(it) != cuts.end(); ++it) {
            const qsizetype a = *it, z = *std::next(it);
            QString piece = b.text.mid(a - from, z - a);
            piece.replace(u'\n', u' ');  // hard-wrapped lines read as one paragraph; offsets stay 1:1
            QTextCharFormat f = base;
            QStringList tips;
            bool entityShown = false;
            for (const TextMark* m : marks) {
                if (m->start > a || m->end < z)
                    continue;
                if (m->rejected) {  // struck through and greyed: read, then rejected by the analyst
                    tips.append(m->detail + tr(" \u2014 right-click to take it back"));
                    f.setFontStrikeOut(true);
                    f.setForeground(pal.color(QPalette::Disabled, QPalette::Text));
                    continue;
                }
                tips.append(m->review == Review::None
                                ? m->detail
                                : tr("%1 \u2014 %2 by the analyst").arg(m->detail, reviewName(m->review)));
                if (m->review != Review::None && m->kind != TextMark::Kind::Claim) {
                    // checked readings carry a solid line in the theme's "good" colour
                    f.setFontUnderline(true);
                    f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
                    f.setUnderlineColor(reviewedColour(dark));
                }
                switch (m->kind) {
                case TextMark::Kind::Claim:
                    if (!entityShown)
                        f.setBackground(markColour(m->kind, dark));
                    break;
                case TextMark::Kind::Statistic:
                    f.setFontWeight(QFont::DemiBold);
                    f.setFontUnderline(true);
                    if (m->review == Review::None) {
                        f.setUnderlineColor(markColour(m->kind, dark));
                    } else {  // a checked figure: on a green tint as well as its green line
                        QColor tint = reviewedColour(dark);
                        tint.setAlpha(dark ? 90 : 60);
                        f.setBackground(tint);
                    }
                    f.setForeground(markColour(m->kind, dark));
                    break;
                case TextMark::Kind::Event:
                    if (m->review == Review::None) {
                        f.setUnderlineStyle(QTextCharFormat::DotLine);
                        f.setUnderlineColor(markColour(m->kind, dark));
                    }
                    break;
                default:
                    entityShown = true;
                    f.setBackground(markColour(m->kind, dark));
                    if (m->kind == TextMark::Kind::Company || m->kind == TextMark::Kind::Product ||
                        m->kind == TextMark::Kind::Country) {
                        const QString what = m->kind == TextMark::Kind::Country ? QStringLiteral("country")
                                                                                : QStringLiteral("company");
                        f.setAnchor(true);
                        f.setAnchorHref(QStringLiteral("claimlens:%1/%2").arg(what, QString::fromUtf8(QUrl::toPercentEncoding(m->name))));
                        tips.last() += tr(" \u2014 click to filter by it");
                    }
                    break;
                }
            }
            if (!tips.isEmpty())
                f.setToolTip(tips.join(u'\n') + tr("\nRight-click to confirm, reject or correct what was read"));
            cursor.insertText(piece, f);
        }
    }
    newBlock(BlockKind::Metadata);
    cursor.insertText(meta.join(QStringLiteral("  \u00B7  ")), baseFormat(BlockKind::Metadata, pal));
    if (m_furnitureCount > 0) {
        newBlock(BlockKind::Metadata);
        QTextCharFormat link = baseFormat(BlockKind::Metadata, pal);
        link.setAnchor(true);
        link.setAnchorHref(QLatin1String(kFurnitureLink));
        link.setForeground(pal.color(QPalette::Link));
        link.setFontUnderline(true);
        cursor.insertText(m_showFurniture ? tr("Hide the %1 of page furniture").arg(counted(m_furnitureCount, tr("line"), tr("lines")))
                                          : tr("%1 of page furniture hidden \u2014 show").arg(counted(m_furnitureCount, tr("line"), tr("lines"))),
                          link);
    }
    updateHighlights();
}

int ReaderView::positionOf(qsizetype textOffset) const
{
    for (const ShownBlock& b : m_shown)
        if (textOffset >= b.start && textOffset < b.end)
            return b.position + static_cast<int>(textOffset - b.start);
    return -1;
}

bool ReaderView::inArticle(int documentPosition) const
{
    return std::any_of(m_shown.begin(), m_shown.end(), [&](const ShownBlock& b) {
        return documentPosition >= b.position && documentPosition < b.position + (b.end - b.start);
    });
}

QString ReaderView::detailsAt(int documentPosition) const
{
    QTextCursor c(document());
    c.setPosition(documentPosition);
    c.movePosition(QTextCursor::Right);
    return c.charFormat().toolTip();
}

bool ReaderView::showSentence(int ordinal)
{
    if (!m_doc)
        return false;
    const auto it = std::find_if(m_doc->sentences.begin(), m_doc->sentences.end(),
                                 [&](const ReaderSentence& s) { return s.ordinal == ordinal; });
    if (it == m_doc->sentences.end())
        return false;
    int start = positionOf(it->start);
    if (start < 0 && !m_showFurniture) {  // a sentence in hidden furniture: open it first
        setFurnitureShown(true);
        start = positionOf(it->start);
    }
    if (start < 0)
        return false;
    m_currentSentence = ordinal;
    QTextCursor c(document());
    c.setPosition(start);
    setTextCursor(c);
    ensureCursorVisible();
    updateHighlights();
    return true;
}

void ReaderView::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (m_doc && m_currentSentence >= 0) {
        for (const ReaderSentence& s : m_doc->sentences) {
            if (s.ordinal != m_currentSentence)
                continue;
            const int a = positionOf(s.start), z = positionOf(s.end - 1);
            if (a >= 0 && z >= 0) {
                QTextEdit::ExtraSelection sel;
                sel.cursor = QTextCursor(document());
                sel.cursor.setPosition(a);
                sel.cursor.setPosition(z + 1, QTextCursor::KeepAnchor);
                sel.format.setBackground(palette().color(QPalette::Highlight));
                sel.format.setForeground(palette().color(QPalette::HighlightedText));
                selections.append(sel);
            }
        }
    }
    for (const QString& term : m_searchTerms) {
        if (term.isEmpty())
            continue;
        QTextCursor c(document());
        while (!(c = document()->find(term, c)).isNull()) {
            // As full-text search matches: whole words from their start, in the article's own text.
            const int at = c.selectionStart();
            if (!inArticle(at) || (at > 0 && document()->characterAt(at - 1).isLetterOrNumber()))
                continue;
            QTextEdit::ExtraSelection sel;
            sel.cursor = c;
            sel.format.setBackground(QColor(0xff, 0xd6, 0x3a));
            sel.format.setForeground(QColor(Qt::black));
            selections.append(sel);
        }
    }
    setExtraSelections(selections);
}

void ReaderView::onAnchor(const QUrl& url)
{
    const QString s = url.toString();
    if (s == QLatin1String(kFurnitureLink)) {
        setFurnitureShown(!m_showFurniture);
        return;
    }
    const QString path = url.path();
    const int slash = path.indexOf(u'/');
    if (url.scheme() != QLatin1String("claimlens") || slash < 0)
        return;
    const QString kind = path.left(slash);
    const QString name = QUrl::fromPercentEncoding(path.mid(slash + 1).toUtf8());
    if (kind == QLatin1String("company"))
        Q_EMIT companyClicked(name);
    else if (kind == QLatin1String("country"))
        Q_EMIT countryClicked(name);
}

bool ReaderView::viewportEvent(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const QTextCursor c = cursorForPosition(help->pos());
        QTextCursor after = c;
        after.movePosition(QTextCursor::Right);
        const QString tip = after.charFormat().toolTip();
        if (tip.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), tip, viewport());
        return true;
    }
    return QTextBrowser::viewportEvent(event);
}

void ReaderView::changeEvent(QEvent* event)
{
    QTextBrowser::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        render();  // mark colours follow a light or dark palette
}

qsizetype ReaderView::offsetAt(int documentPosition) const
{
    for (const ShownBlock& b : m_shown)
        if (documentPosition >= b.position && documentPosition < b.position + (b.end - b.start))
            return b.start + (documentPosition - b.position);
    return -1;
}

std::vector<const TextMark*> ReaderView::marksAt(qsizetype offset) const
{
    std::vector<const TextMark*> out;
    if (!m_doc || offset < 0)
        return out;
    for (const TextMark& m : m_doc->marks)
        if (m.start <= offset && offset < m.end)
            out.push_back(&m);
    return out;
}

QList<QAction*> ReaderView::reviewActions(int documentPosition, QObject* parent)
{
    QList<QAction*> actions;
    if (!m_doc)
        return actions;
    const ReaderDocument& doc = *m_doc;
    auto add = [&](const QString& text, auto&& f) {
        auto* a = new QAction(text, parent);
        connect(a, &QAction::triggered, this, f);
        actions.append(a);
        return a;
    };
    for (const TextMark* m : marksAt(offsetAt(documentPosition))) {
        const TextMark mark = *m;  // the document may be replaced before an action runs
        const QString what = mark.detail.section(u':', 0, 0);
        if (mark.rejected) {
            add(tr("Take back the rejection of this %1").arg(what.toLower()),
                [this, c = doc.correctionFor(mark, CorrectionAction::Reject)] { Q_EMIT reviewCleared(c); });
            continue;
        }
        auto* menu = new QMenu(mark.detail.left(70), this);
        QObject::connect(parent, &QObject::destroyed, menu, &QObject::deleteLater);
        for (auto [label, action, edit] : {std::tuple{tr("&Confirm"), CorrectionAction::Confirm, false},
                                           std::tuple{tr("&Reject"), CorrectionAction::Reject, false},
                                           std::tuple{tr("C&orrect\u2026"), CorrectionAction::Edit, true}}) {
            Correction c = doc.correctionFor(mark, action);
            if (edit)
                c.value = mark.reading;
            menu->addAction(label, this, [this, c, edit = edit] { Q_EMIT reviewRequested(c, edit); });
        }
        if (mark.review != Review::None)
            menu->addAction(tr("&Take back the decision"), this,
                            [this, c = doc.correctionFor(mark, CorrectionAction::Confirm)] { Q_EMIT reviewCleared(c); });
        actions.append(menu->menuAction());
    }
    // a selection inside one sentence can become what the reading missed
    const QTextCursor selection = textCursor();
    const qsizetype from = selection.hasSelection() ? offsetAt(selection.selectionStart()) : -1;
    const qsizetype to = selection.hasSelection() ? offsetAt(selection.selectionEnd() - 1) + 1 : -1;
    const ReaderSentence* sentence = from >= 0 && to > from ? doc.sentenceAt(from, to) : nullptr;
    if (sentence) {
        const QString words = doc.text.mid(from, to - from).simplified();
        Correction base;
        base.contentHash = doc.contentHash;
        base.action = CorrectionAction::Add;
        base.sentence = sentence->text;
        base.start = from;
        base.end = to;
        Correction statistic = base;
        statistic.item = CorrectionItem::Statistic;
        Statistic seed;
        QString digits = words;
        digits.remove(QRegularExpression(QStringLiteral("[^0-9.]")));
        seed.value = QLocale::c().toDouble(digits);
        seed.unit = words.contains(u'%') ? QStringLiteral("percent") : QStringLiteral("count");
        statistic.value = statisticToJson(seed);
        add(tr("Add \u201C%1\u201D as a statistic\u2026").arg(words.left(40)),
            [this, statistic] { Q_EMIT reviewRequested(statistic, true); });
        Correction name = base;
        name.item = CorrectionItem::Mention;
        name.value = {{QStringLiteral("name"), words}, {QStringLiteral("kind"), QStringLiteral("company")}};
        add(tr("Add \u201C%1\u201D as a name (company, person, country)\u2026").arg(words.left(40)),
            [this, name] { Q_EMIT reviewRequested(name, true); });
        Correction claim = base;
        claim.item = CorrectionItem::Claim;
        claim.start = sentence->start;
        claim.end = sentence->end;
        claim.value = claimToJson(Claim{});
        const bool isClaim = std::any_of(doc.marks.begin(), doc.marks.end(), [&](const TextMark& m) {
            return m.kind == TextMark::Kind::Claim && !m.rejected && m.start == sentence->start;
        });
        if (!isClaim)
            add(tr("Mark this sentence as a claim\u2026"), [this, claim] { Q_EMIT reviewRequested(claim, true); });
    }
    return actions;
}

void ReaderView::contextMenuEvent(QContextMenuEvent* event)
{
    std::unique_ptr<QMenu> menu(createStandardContextMenu(event->pos()));
    const QList<QAction*> review = reviewActions(cursorForPosition(event->pos()).position(), menu.get());
    if (!review.isEmpty()) {
        menu->addSeparator();
        menu->addActions(review);
    }
    Q_EMIT contextMenuOpening(menu.get(), event->pos());  // others' actions (the knowledge edits)
    menu->exec(event->globalPos());
}

}  // namespace claimlens::ui
