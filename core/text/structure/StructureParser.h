#pragma once

#include "structure/Article.h"
#include "structure/SentenceSplitter.h"
#include "structure/StructureRules.h"

#include <QRegularExpression>

#include <memory>
#include <optional>

namespace claimlens {

/// Reads plain article text into its structure: title, byline, date, headings, paragraphs, bullets,
/// page furniture set aside, metadata and channel lines, cited sources and sentences. The rules are
/// general ones about how news pages are written, plus the patterns in StructureRules.
class StructureParser {
public:
    /// What a structured source knows of the text it hands over.
    struct Hints {
        bool page = false;  ///< the text comes from a saved page or a PDF, one block a line
        int title = -1;     ///< the line the source marks as the headline, or -1
    };

    explicit StructureParser(std::shared_ptr<const StructureRules> rules = StructureRules::defaults());

    /// `text` is the decoded text with normalised newlines; it becomes Article::text unchanged.
    Article parse(QString text, const Hints& hints) const;
    Article parse(QString text) const { return parse(std::move(text), Hints{}); }

private:
    struct Line;
    bool classifyHeaderLine(Article& article, const Line& line) const;
    bool isHeadlineLike(QStringView line, bool standsAlone) const;
    bool isRole(const QString& words) const;
    std::optional<PartialDate> datelineDate(const QString& line) const;
    void markAuthorBio(Article& article) const;
    void readWireDateline(Article& article, Block& block) const;
    bool isHeadingLike(QStringView line) const;
    bool isTitleCased(QStringView line) const;
    void splitSentences(Article& article) const;
    void findInlineSources(const Article& article, int blockIndex, const std::vector<QString>& known,
                           std::vector<CitedSource>& out) const;
    QString sourceNameAt(QStringView rest, const std::vector<QString>& known, qsizetype* length) const;

    std::shared_ptr<const StructureRules> m_rules;
    SentenceSplitter m_splitter;
    QRegularExpression m_roleLine;  ///< "NAME | Reporter", built from the rules' byline roles
};

}  // namespace claimlens
