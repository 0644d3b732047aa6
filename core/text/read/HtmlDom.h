#pragma once

// The DOM of a page gumbo parsed, as the HTML reader's files walk it: element access, the text
// under a node, what is page furniture, and where the article's text is. Internal to read/.
#include "read/ArticleAssembler.h"

#include <QSet>
#include <QString>
#include <QStringList>

#include <gumbo.h>

#include <vector>

namespace claimlens::html {

using Hint = SourceBlock::Hint;

struct GumboDeleter {
    void operator()(GumboOutput* out) const { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

/// Text and link text under a node, dropped parts left out, in UTF-16 units of folded text.
struct TextStats {
    qsizetype text = 0;
    qsizetype links = 0;
    int commas = 0;
    double linkDensity() const { return text > 0 ? static_cast<double>(links) / static_cast<double>(text) : 0; }
};

const GumboNode* child(const GumboNode* n, unsigned i);

unsigned childCount(const GumboNode* n);

bool isElement(const GumboNode* n);

GumboTag tagOf(const GumboNode* n);

QString attr(const GumboNode* n, const char* name);

/// class and id split into lower-case words: "article-share__bar" gives article, share, bar.
QStringList nameTokens(const GumboNode* n);

/// All the text under a node, scripts and styles aside.
QString textContent(const GumboNode* n);

bool contains(const GumboNode* n, GumboTag tag);

bool anyToken(const QStringList& tokens, const QSet<QString>& set);

/// Page furniture that is never the article: navigation, widgets, hidden parts. `inArticle`
/// tells an article's own <header> (headline, byline) from the site's.
bool isDropped(const GumboNode* n, bool inArticle);

bool opensArticle(const GumboNode* n);

void measure(const GumboNode* n, bool inArticle, bool inLink, TextStats& st);

TextStats statsOf(const GumboNode* n, bool inArticle);

void collect(const GumboNode* n, GumboTag tag, std::vector<const GumboNode*>& out);

bool isInside(const GumboNode* n, const GumboNode* ancestor);

bool isInsideDropped(const GumboNode* n);

/// The readability idea: each paragraph's text scores its parent and, at half, its grandparent;
/// the best-scoring element, less its link density, holds the article.
const GumboNode* bestByScore(const GumboNode* body);

/// Words of a text, separated by spaces.
qsizetype wordCount(const QString& s);

}  // namespace claimlens::html
