#pragma once

#include "read/ArticleAssembler.h"
#include "structure/StructureParser.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>

namespace claimlens {

/// A file read into text, before or after its structure is known.
struct ReadDocument {
    QString text;     ///< the clean text: what is hashed, stored and searched
    QString encoding; ///< the text encoding read; empty for PDFs, which have none of their own
    QString format;   ///< "text", "html" or "pdf"
    QString warning;  ///< what reading repaired (invalid bytes replaced, a guessed encoding); empty when nothing
    /// The structure, when reading the format built it (HTML, PDF); a text file is parsed only
    /// when asked (see ArticleReader::article), so a stored, unchanged one costs no parse.
    std::optional<Article> article;
};

/// Reads any supported file into a ReadDocument, by its suffix: .html/.htm/.xhtml through
/// HtmlReader, .pdf through PdfReader, anything else as text. All formats end in the same
/// Article shape, so storage, search and extraction treat them alike.
class ArticleReader {
public:
    explicit ArticleReader(std::shared_ptr<const StructureRules> rules = StructureRules::defaults());

    /// "html", "pdf" or "text", from the path's suffix as FileFormats lists it (an unlisted one is text).
    static QString formatOf(const QString& path);

    /// Fails with a reason for "FILE: reason" (binary, truncated, encrypted, damaged, no text).
    Result<ReadDocument> read(const QByteArray& bytes, const QString& path) const;
    /// The document's article: the one reading built, else its text parsed now.
    Article article(const ReadDocument& document) const;

private:
    StructureParser m_parser;
    ArticleAssembler m_assembler;
};

} // namespace claimlens
