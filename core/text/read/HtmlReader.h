#pragma once

#include "read/ArticleAssembler.h"
#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace claimlens {

/// A saved web page reduced to its article: the main content's blocks and the page's metadata.
struct HtmlPage {
    std::vector<SourceBlock> blocks;
    ArticleMetadata metadata;
    QString encoding; ///< the charset the page was read in
    QString warning;  ///< what decoding repaired, as DecodedText::warning
};

/// Reads saved web pages with an HTML5 parser (gumbo). The charset comes from a BOM, a
/// <meta charset> or http-equiv declaration, else detection. The main content is <article> or
/// <main> when present, else the block with the most text and the least link density; navigation,
/// site headers and footers, asides, scripts, styles, forms, share and comment widgets are dropped,
/// captions kept as furniture. Metadata comes from JSON-LD, OpenGraph and article:* tags,
/// <meta name="author">, <title> (site suffix removed) and <time datetime>.
class HtmlReader {
public:
    /// Fails for pages that are binary, truncated or hold no article text, with a reason for
    /// "FILE: reason".
    static Result<HtmlPage> read(const QByteArray& bytes);

    /// A <title> without the site's name: "Headline | Outlet" becomes "Headline".
    static QString cleanTitle(const QString& title, const QString& siteName);
};

} // namespace claimlens
