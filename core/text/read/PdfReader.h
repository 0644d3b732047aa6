#pragma once

#include "read/ArticleAssembler.h"
#include "util/Result.h"

#include <QByteArray>

#include <vector>

namespace claimlens {

/// A PDF reduced to its text: paragraphs in reading order, each with the page it starts on, and
/// the document information (Title, Author, CreationDate).
struct PdfText {
    std::vector<SourceBlock> blocks;
    ArticleMetadata metadata;
    int pageCount = 0;
};

/// Reads PDFs with poppler: words in poppler's reading order, joined into lines and paragraphs
/// by their positions; running headers, footers and page numbers (lines at a page's top or
/// bottom that repeat across pages, or are only a number) are removed; a larger type on a line of
/// its own marks a heading, or on the first page's top the title.
class PdfReader {
public:
    /// Fails for encrypted, damaged and image-only PDFs, with a reason for "FILE: reason".
    static Result<PdfText> read(const QByteArray& bytes);
};

} // namespace claimlens
