#include "read/ArticleAssembler.h"

#include "structure/PageLayout.h"

#include <algorithm>

namespace claimlens {
namespace {

bool isSentenceKind(BlockKind kind)
{
    return kind == BlockKind::Paragraph || kind == BlockKind::Bullet;
}

} // namespace

ArticleAssembler::ArticleAssembler(std::shared_ptr<const StructureRules> rules)
    : m_parser(rules), m_splitter(std::move(rules))
{
}

Article ArticleAssembler::assemble(const std::vector<SourceBlock>& source, const ArticleMetadata& metadata,
                                   const QString& format) const
{
    using Hint = SourceBlock::Hint;
    // One line per block with a blank line between: the parser then sees exactly one block per
    // line (it joins lines only without a blank between), so its blocks and ours share indexes.
    struct Placed {
        const SourceBlock* block;
        qsizetype start;
    };
    std::vector<Placed> placed;
    QString text;
    for (const SourceBlock& b : source) {
        const QString line = b.text.simplified();
        if (line.isEmpty())
            continue;
        if (!text.isEmpty())
            text += QStringLiteral("\n\n");
        if (b.hint == Hint::Bullet)
            text += QStringLiteral("\u2022 "); // the marker a text file's list would have
        placed.push_back({&b, text.size()});
        text += line;
    }

    int titleLine = -1;
    for (size_t i = 0; i < placed.size() && titleLine < 0; ++i)
        if (placed[i].block->hint == Hint::Title)
            titleLine = static_cast<int>(i);
    Article parsed = m_parser.parse(text, {true, titleLine});
    Article out;
    out.text = parsed.text;
    out.format = format;
    const bool aligned = parsed.blocks.size() == placed.size();
    const bool hasTitle =
        std::any_of(placed.begin(), placed.end(), [](const Placed& p) { return p.block->hint == Hint::Title; });

    std::vector<BlockKind> parserKinds;
    for (size_t i = 0; i < placed.size(); ++i) {
        const SourceBlock& b = *placed[i].block;
        Block block;
        if (aligned) {
            block = parsed.blocks[i];
        } else { // cannot happen with one line per block; read every block as a paragraph then
            block.start = block.contentStart = placed[i].start;
            block.end = placed[i].start + b.text.simplified().size();
        }
        parserKinds.push_back(aligned ? block.kind : BlockKind::Paragraph);
        const BlockKind judged = parserKinds.back();
        switch (b.hint) {
        case Hint::Title:
            block.kind = BlockKind::Title;
            break;
        case Hint::Heading:
            block.kind = BlockKind::Heading;
            break;
        case Hint::Bullet:
            if (judged != BlockKind::Furniture) // "Share this article" in a list is still furniture
                block.kind = BlockKind::Bullet;
            break;
        case Hint::Byline:
            block.kind = BlockKind::Byline;
            break;
        case Hint::Dateline:
            block.kind = BlockKind::Dateline;
            break;
        case Hint::Furniture:
            block.kind = BlockKind::Furniture;
            block.key = b.label;
            break;
        case Hint::Free:
            if (judged == BlockKind::Title && hasTitle)
                block.kind = BlockKind::Paragraph; // the source named its headline; this is not it
            break;
        }
        if (block.kind != BlockKind::Bullet && block.kind != judged)
            block.contentStart = block.start;
        if (block.kind != BlockKind::Metadata && block.kind != BlockKind::Attribution)
            block.attachedTo = -1;
        if (block.kind != BlockKind::Furniture && block.kind != judged) {
            block.key.clear();
            block.value.clear();
        }
        out.blocks.push_back(block);
    }

    // Sentences: where the parser read a block as body as well, its sentences stand (they respect
    // inline "Source:" attributions and wire datelines); other body blocks are split afresh.
    std::vector<int> sentenceIndex(parsed.sentences.size(), -1);
    for (size_t b = 0; b < out.blocks.size(); ++b) {
        const Block& block = out.blocks[b];
        if (!isSentenceKind(block.kind))
            continue;
        if (aligned && isSentenceKind(parserKinds[b])) {
            for (size_t s = 0; s < parsed.sentences.size(); ++s)
                if (parsed.sentences[s].block == static_cast<int>(b)) {
                    sentenceIndex[s] = static_cast<int>(out.sentences.size());
                    out.sentences.push_back(parsed.sentences[s]);
                }
        } else {
            for (auto [s, e] : m_splitter.split(out.text, block.contentStart, block.end))
                out.sentences.push_back({s, e, static_cast<int>(b)});
        }
    }
    if (aligned)
        for (CitedSource src : parsed.sources) {
            const auto b = static_cast<size_t>(src.block);
            if (src.block < 0 || out.blocks[b].kind != parserKinds[b])
                continue; // the block is something else now; what the parser read off it goes
            src.sentence = src.sentence >= 0 ? sentenceIndex[static_cast<size_t>(src.sentence)] : -1;
            out.sources.push_back(src);
        }
    if (const QString publisher = PageLayout::canonicalOutlet(metadata.publisher); !publisher.isEmpty()) {
        const auto names = out.sourceNames();
        if (std::find(names.begin(), names.end(), publisher) == names.end())
            out.sources.insert(out.sources.begin(), {publisher, SourceKind::Outlet, {}, 0, 0, -1, -1});
    }

    QString titleBlock;
    for (const Block& block : out.blocks)
        if (block.kind == BlockKind::Title) {
            titleBlock = out.blockText(block);
            break;
        }
    out.title = !metadata.title.isEmpty() ? metadata.title : titleBlock;
    out.author = !metadata.author.isEmpty() ? metadata.author : parsed.author;
    out.section = !metadata.section.isEmpty() ? metadata.section : parsed.section;
    const bool textDate = parsed.published.isValid() && (metadata.textDateFirst || !metadata.published.isValid());
    out.published = textDate ? parsed.published : metadata.published;

    for (const Placed& p : placed) {
        if (p.block->page <= 0)
            continue;
        auto startPage = [&](int number, qsizetype at) {
            if (!out.pages.empty() && out.pages.back().number == number)
                return;
            if (!out.pages.empty())
                out.pages.back().end = at;
            out.pages.push_back({number, at, at});
        };
        startPage(p.block->page, p.start);
        for (const auto& [offset, number] : p.block->pageStarts)
            startPage(number, p.start + offset);
    }
    if (!out.pages.empty())
        out.pages.back().end = out.text.size();
    return out;
}

} // namespace claimlens
