#pragma once

#include "structure/Article.h"
#include "structure/SentenceSplitter.h"
#include "structure/StructureParser.h"
#include "structure/StructureRules.h"

#include <memory>
#include <utility>
#include <vector>

namespace claimlens {

/// A block a structured reader (HTML, PDF) found, with what its source says it is.
struct SourceBlock {
    /// What the markup or the layout knows about the block. Free blocks are judged by the same
    /// rules as lines of a text file (furniture, bylines, datelines, attributions, headings).
    enum class Hint { Free, Title, Heading, Bullet, Byline, Dateline, Furniture };
    Hint hint = Hint::Free;
    QString text;  ///< one line, white space folded
    QString label; ///< why it is furniture ("caption", "related links")
    int page = 0;  ///< the page it starts on, 0 without pages
    /// Later pages the block runs onto: (offset into `text`, page number).
    std::vector<std::pair<qsizetype, int>> pageStarts;
};

/// What a file says about its article outside the text: JSON-LD, meta tags, PDF document info.
struct ArticleMetadata {
    QString title;
    QString author;
    QString section;
    QString publisher; ///< the outlet the article comes from
    PartialDate published;
    /// A date stated in the text wins over `published` (a PDF's CreationDate is when the file was
    /// made, not when the report was published).
    bool textDateFirst = false;
};

/// Turns the blocks of a structured source into an Article with the same structure, sentences and
/// sources a text file gets: the blocks become lines of the clean text (one per block, a blank line
/// between), the structure parser reads them as it reads text, and where the source knows better
/// (an <h2> is a heading, an <li> a bullet, a caption furniture) the source's kind is kept.
class ArticleAssembler {
public:
    explicit ArticleAssembler(std::shared_ptr<const StructureRules> rules = StructureRules::defaults());

    /// `format` becomes Article::format ("html", "pdf").
    Article assemble(const std::vector<SourceBlock>& blocks, const ArticleMetadata& metadata,
                     const QString& format) const;

private:
    StructureParser m_parser;
    SentenceSplitter m_splitter;
};

} // namespace claimlens
