#include "export/CsvExporter.h"

#include "query/DocumentQuery.h"
#include "util/Csv.h"

namespace claimlens {

Status CsvExporter::write(QIODevice& out)
{
    DocumentQuery query(*m_db);
    auto docs = query.documents();
    if (!docs)
        return Error{docs.error()};
    out.write("file,path,title,author,section,published,sources,headings,sentences,duplicates\n");
    for (const auto& d : *docs) {
        auto blocks = query.blocks(d.id);
        auto sources = query.sources(d.id);
        if (!blocks || !sources)
            return Error{QStringLiteral("%1: cannot read the stored document").arg(d.path)};
        int headings = 0;
        for (const auto& b : *blocks)
            headings += b.kind == BlockKind::Heading;
        const QStringList row{d.fileName,
                              d.path,
                              d.title,
                              d.author,
                              d.section,
                              d.published.iso(),
                              uniqueSourceNames(*sources).join(QStringLiteral("; ")),
                              QString::number(headings),
                              QString::number(d.sentenceCount),
                              QString::number(d.duplicateCount)};
        out.write(csv::row(row).toUtf8());
        out.write("\n");
    }
    return {};
}

}  // namespace claimlens
