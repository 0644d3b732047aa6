#pragma once

// What a page says about itself, as the HTML reader reads it: the <head> (JSON-LD, OpenGraph and
// article:* tags, <title>), then what the page shows around the text (bylines, dates, the footer's
// holder). Internal to read/; HtmlReader.cpp reads the body.
#include "read/HtmlDom.h"

#include <QHash>
#include <QJsonObject>

#include <optional>
#include <vector>

namespace claimlens::html {

/// A block of the text as the walker found it, with its link text and the list it belongs to.
struct Piece {
    SourceBlock block;
    qsizetype links = 0;
    int list = -1;
};

/// What the <head> holds: its <title>, its <meta> tags and the JSON-LD article object.
struct HeadData {
    QString titleTag;
    QHash<QString, QString> meta; ///< property, name or itemprop (lower case) -> content, first wins
    std::optional<QJsonObject> jsonLd;
};

/// Reads the <head> elements under `n` into `head`.
void readHead(const GumboNode* n, HeadData& head);

/// The page's metadata, most explicit first: JSON-LD, OpenGraph, article:* and <meta> tags, the
/// headline above the text, <title>, then a byline, date or site name the page shows outside the
/// text. A page whose <title> is only its site's name has its headline among the headings of
/// `pieces`: that piece becomes the title (and `titleSeen` true). `firstTime` is the first <time
/// datetime> of the text.
void readMetadata(const HeadData& head, const GumboNode* body, std::vector<Piece>& pieces, bool& titleSeen,
                  const QString& firstTime, ArticleMetadata& md);

/// A pull quote repeats words the text has already said; it is set aside like a caption.
void markRepeats(std::vector<SourceBlock>& blocks);

}  // namespace claimlens::html
