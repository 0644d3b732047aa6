#include "read/ArticleReader.h"

#include "read/FileFormats.h"
#include "read/HtmlReader.h"
#include "read/PdfReader.h"
#include "read/TextDecoder.h"

namespace claimlens {

ArticleReader::ArticleReader(std::shared_ptr<const StructureRules> rules) : m_parser(rules), m_assembler(rules) {}

QString ArticleReader::formatOf(const QString& path)
{
    const QString format = FileFormats::formatOf(path);
    return format.isEmpty() ? QStringLiteral("text") : format;  // anything else is read as text
}

Result<ReadDocument> ArticleReader::read(const QByteArray& bytes, const QString& path) const
{
    ReadDocument doc;
    doc.format = formatOf(path);
    if (doc.format == QStringLiteral("html")) {
        auto page = HtmlReader::read(bytes);
        if (!page)
            return Error{page.error()};
        doc.encoding = page->encoding;
        doc.warning = page->warning;
        doc.article = m_assembler.assemble(page->blocks, page->metadata, doc.format);
    } else if (doc.format == QStringLiteral("pdf")) {
        auto pdf = PdfReader::read(bytes);
        if (!pdf)
            return Error{pdf.error()};
        doc.article = m_assembler.assemble(pdf->blocks, pdf->metadata, doc.format);
    } else {
        auto decoded = decodeText(bytes);
        if (!decoded)
            return Error{decoded.error()};
        doc.text = std::move(decoded->text);
        doc.encoding = decoded->encoding;
        doc.warning = decoded->warning;
        return doc;
    }
    doc.text = doc.article->text;
    return doc;
}

Article ArticleReader::article(const ReadDocument& document) const
{
    return document.article ? *document.article : m_parser.parse(document.text);
}

} // namespace claimlens
