#pragma once

#include "query/ReaderQuery.h"

#include <QHash>
#include <QTextBrowser>

#include <optional>

namespace claimlens::ui {

/// Shows one article as an analyst reads it: title, byline, date, headings, paragraphs and
/// bullets, with what extraction found marked in place (entities coloured by kind, statistics
/// underlined, events dotted, claims shaded; hovering says what was read). Page furniture is
/// collapsed into one line that can open it; nothing stored is left out.
class ReaderView : public QTextBrowser {
    Q_OBJECT
public:
    explicit ReaderView(QWidget* parent = nullptr);

    void setDocument(std::optional<ReaderDocument> document);
    const std::optional<ReaderDocument>& readerDocument() const { return m_doc; }
    void clear();

    /// Words of the list's full-text search, highlighted wherever they occur.
    void setSearchTerms(const QStringList& terms);
    void setFurnitureShown(bool shown);
    bool furnitureShown() const { return m_showFurniture; }
    /// How many furniture blocks the document has (shown or not).
    int furnitureCount() const { return m_furnitureCount; }

    /// Scrolls to a sentence and marks it; false when the document has no such sentence.
    bool showSentence(int ordinal);
    /// The marks that cover a place in the shown text (for tests and tooltips).
    QString detailsAt(int documentPosition) const;
    /// Where a mark's first character is in the shown text, or -1 (for tests).
    int positionOf(qsizetype textOffset) const;

    /// The colour the reader gives a kind of mark under the current palette.
    static QColor markColour(TextMark::Kind kind, bool dark);

    /// The clean-text offset shown at a place, or -1 outside the article.
    qsizetype offsetAt(int documentPosition) const;
    /// The marks covering a clean-text offset, the reader's order.
    std::vector<const TextMark*> marksAt(qsizetype offset) const;
    /// The review actions for a place and the selection (built by the context menu; for tests).
    QList<QAction*> reviewActions(int documentPosition, QObject* parent);

Q_SIGNALS:
    /// The analyst chose to decide about a reading: record `correction` (edit: after the editor).
    void reviewRequested(const claimlens::Correction& correction, bool edit);
    /// The analyst took back the decision about a reading.
    void reviewCleared(const claimlens::Correction& reading);
    void companyClicked(const QString& name);
    void countryClicked(const QString& name);
    void furnitureToggled(bool shown);
    /// The context menu is about to open at `position`: whoever wants may add actions to it.
    void contextMenuOpening(QMenu* menu, const QPoint& position);

protected:
    bool viewportEvent(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void render();
    void updateHighlights();
    void onAnchor(const QUrl& url);
    /// Whether a place in the shown text is the article's (not the header or the furniture note).
    bool inArticle(int documentPosition) const;

    std::optional<ReaderDocument> m_doc;
    QStringList m_searchTerms;
    bool m_showFurniture = false;
    int m_furnitureCount = 0;
    int m_currentSentence = -1;
    /// A rendered block: its run of the clean text and where that run starts in the shown text.
    struct ShownBlock {
        qsizetype start;
        qsizetype end;
        int position;
    };
    std::vector<ShownBlock> m_shown;
};

}  // namespace claimlens::ui
