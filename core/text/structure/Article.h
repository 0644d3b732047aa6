#pragma once

#include <QString>

#include <vector>

namespace claimlens {

/// What a block of an article is. Furniture and metadata are kept, marked, never deleted.
enum class BlockKind {
    Title,
    Byline,
    Dateline,
    Heading,
    Paragraph,
    Bullet,
    Furniture,    ///< page furniture: comment prompts, share lines, related links, taglines
    Metadata,     ///< "Mentions: 12": a key and value attached to the block before it
    Channel,      ///< "Some Channel 15month": a source with a relative age
    Attribution,  ///< a line "Source: X" attributing the block before it
    Kicker,       ///< a label above or under the headline: "OPINION", "Policy Brief No. 7"
};

/// Narrows [start, end) of `text` to exclude surrounding white space.
inline void trimSpan(QStringView text, qsizetype& start, qsizetype& end)
{
    while (start < end && text[start].isSpace())
        ++start;
    while (end > start && text[end - 1].isSpace())
        --end;
}

QString blockKindName(BlockKind kind);
BlockKind blockKindFromName(const QString& name);
/// Title, headings, paragraphs and bullets are the article's own words; the rest is set aside.
bool isBodyKind(BlockKind kind);

/// A run of the clean text, offsets in UTF-16 code units, [start, end).
struct Block {
    BlockKind kind = BlockKind::Paragraph;
    qsizetype start = 0;
    qsizetype end = 0;
    qsizetype contentStart = 0;  ///< past a bullet's marker; equals start for other kinds
    int attachedTo = -1;         ///< the block a metadata or attribution line belongs to
    QString key;                 ///< metadata key ("mentions"), furniture label, or channel name
    QString value;               ///< metadata value ("12"), or a channel's relative age ("15month")
};

struct Sentence {
    qsizetype start = 0;
    qsizetype end = 0;
    int block = -1;
};

enum class DatePrecision { None = 0, Year = 1, Month = 2, Day = 3 };

/// A date known to a year, a month or a day.
struct PartialDate {
    int year = 0;
    int month = 0;
    int day = 0;
    DatePrecision precision = DatePrecision::None;

    bool isValid() const { return precision != DatePrecision::None; }
    /// "2024", "2024-07" or "2024-07-04"; empty when unknown.
    QString iso() const;
    static PartialDate fromIso(const QString& iso);
    /// A date as the store keeps it: an ISO column (NULL, read as a null string, for none) beside
    /// a precision column. The one decode of every date column.
    static PartialDate fromStored(const QString& iso, int precision);
    static QString precisionName(DatePrecision precision);
    bool operator==(const PartialDate&) const = default;
};

enum class SourceKind {
    Inline,       ///< "Source: X" inside a paragraph
    Attribution,  ///< a line of its own "Source: X"
    Channel,      ///< a channel line of a digest
    Byline,       ///< an outlet named in the byline or dateline
    Cited,        ///< named in a sentence: "according to X", "told X", "as reported by X"
    Outlet,       ///< the publisher the article comes from: masthead, copyright line, site name
};
QString sourceKindName(SourceKind kind);

/// A publication or channel the article cites or comes from.
struct CitedSource {
    QString name;
    SourceKind kind = SourceKind::Inline;
    QString relativeAge;  ///< "15month" for a channel line
    qsizetype start = 0;  ///< the whole attribution ("Source: X") in the clean text
    qsizetype end = 0;
    int block = -1;
    int sentence = -1;  ///< the statement it attributes, when there is one
};

/// The run of the clean text that came from one page of a paged source (a PDF), [start, end).
struct PageSpan {
    int number = 0;  ///< 1-based, as a reader would cite it
    qsizetype start = 0;
    qsizetype end = 0;
};

/// An article read into its structure. All offsets point into `text`, the document's clean text:
/// the decoded file with newlines normalised, furniture included.
struct Article {
    QString text;
    std::vector<Block> blocks;
    std::vector<Sentence> sentences;
    std::vector<CitedSource> sources;
    QString title;   ///< null when the article opens with a paragraph
    QString author;  ///< byline names joined with ", "
    QString section;
    PartialDate published;
    QString format = QStringLiteral("text");  ///< what the file was read as: "text", "html" or "pdf"
    std::vector<PageSpan> pages;             ///< in order; empty for sources without pages

    /// The page `offset` of the clean text came from, or 0 when the source has no pages.
    int pageAt(qsizetype offset) const;
    QString blockText(const Block& block) const;
    /// One line of text: inner line breaks and runs of spaces folded.
    QString sentenceText(const Sentence& sentence) const;
    /// The names of the outlets the article comes from, then of the sources it cites, each once, in
    /// order of first appearance.
    std::vector<QString> sourceNames() const;
};

}  // namespace claimlens
