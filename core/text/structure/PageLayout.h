#pragma once

#include "structure/StructureRules.h"

#include <QString>
#include <QStringView>

#include <functional>
#include <vector>

namespace claimlens {

/// One non-blank line of a page, as the layout reads it.
struct PageLine {
    QString text;
    bool afterBlank = false;  ///< a blank line (or the start) comes before it
    bool header = false;      ///< a byline or dateline by its own shape
    bool dateline = false;    ///< a dateline by its own shape
    bool bullet = false;      ///< starts with a list marker
};

/// What the layout of a whole page says about one of its lines.
struct LineRole {
    enum class Kind {
        Free,       ///< nothing certain: the line-by-line reading decides
        Furniture,  ///< site furniture; `label` says which
        Masthead,   ///< the outlet's name over the page; `label` is the name
        Kicker,     ///< a section label or widget line beside the headline
        Title,      ///< the headline
        Byline,     ///< a byline a single line's shape cannot show; `label` is the author
    };
    Kind kind = Kind::Free;
    QString label;
};

/// Reads a page as analysts collect it (a pasted "select all", a saved page's text) by the shape
/// of its lines and where they stand, not by phrases: the masthead and menus over the headline,
/// the headline itself (the headline-like line after the site's top, before the standfirst,
/// byline or dateline), bylines that are a bare name beside the dateline, share and menu bars,
/// breadcrumbs, captions with credits, label-plus-headlines blocks ("Related", "Most read"), and
/// the page's tail after the article's last paragraph. The furniture patterns of StructureRules
/// supplement the shapes.
class PageLayout {
public:
    struct Reading {
        std::vector<LineRole> roles;  ///< one per line
        std::vector<QString> patternLabels;  ///< per line, the rules' furniture label, or a null string
        int title = -1;               ///< the headline's line, or -1
        QString outlet;               ///< the masthead's or copyright line's outlet, or empty
        int outletLine = -1;          ///< the line naming it
    };

    /// `headlineLike` says whether line i can be a headline (the structure parser's test).
    PageLayout(const StructureRules& rules, std::function<bool(int)> headlineLike);

    /// `page`: the lines come from a saved page or a PDF (a site's page, whatever its top shows);
    /// `knownTitle`: the line the source marks as the headline, or -1.
    Reading read(const std::vector<PageLine>& lines, bool page = false, int knownTitle = -1) const;

    /// Short items split by '|', '·', '•', tabs or runs of spaces: a menu, share or action bar.
    bool isBar(QStringView line) const;
    /// "Home > World > Asia", "Home / News / Headline", "You are here: Home › AI".
    static bool isBreadcrumb(QStringView line);
    /// A caption ending in its credit ("... Photo: Reuters", "... NAME / AFP/File"), an image file
    /// name, a bracketed image placeholder or leftover markup.
    static bool isCaption(QStringView line);
    /// Prose: a line long enough, or ending as a sentence does, to be the article's own words.
    static bool isProse(QStringView line);
    /// The outlet a copyright line names ("© Example Media Ltd 2024. All rights reserved." gives
    /// "Example Media"), or empty.
    static QString copyrightHolder(QStringView line);
    /// One spelling for an outlet's name: a web address's ".com", ".net", ".org" or ".co.uk" is
    /// not part of the name ("Bloomberg.com" is Bloomberg); white space folded.
    static QString canonicalOutlet(const QString& name);
    /// Words that hold a letter; counting stops at `enough`.
    static qsizetype letterWords(QStringView line, qsizetype enough = 1000);

private:
    /// The furniture label a line has by its shape or the rules' patterns, or a null string.
    QString furnitureOf(const PageLine& line, QString* patternLabel) const;

    const StructureRules& m_rules;
    std::function<bool(int)> m_headlineLike;
};

}  // namespace claimlens
