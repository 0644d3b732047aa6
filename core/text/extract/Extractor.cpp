#include "extract/Extractor.h"

#include "extract/ClaimFinder.h"
#include "extract/EntityFinder.h"
#include "extract/EventFinder.h"
#include "extract/SentenceContext.h"
#include "extract/StatisticFinder.h"

#include <QHash>

namespace claimlens {

Extractor::Extractor(std::shared_ptr<const Knowledge> knowledge)
    : m_entities(std::make_shared<const EntityFinder>(knowledge)),
      m_statistics(std::make_shared<const StatisticFinder>(knowledge)),
      m_events(std::make_shared<const EventFinder>()),
      m_claims(std::make_shared<const ClaimFinder>(std::move(knowledge)))
{
}

Extraction Extractor::extract(const Article& article) const
{
    Extraction out;
    // statements standing one to a line (bullets, digest lines) are what the writer chose to stress
    std::vector<int> sentencesPerBlock(article.blocks.size(), 0);
    for (const Sentence& s : article.sentences)
        ++sentencesPerBlock[static_cast<size_t>(s.block)];
    std::vector<QString> sentenceSources(article.sentences.size());
    for (const CitedSource& src : article.sources)
        if (src.sentence >= 0)
            sentenceSources[static_cast<size_t>(src.sentence)] = src.name;

    ParagraphState paragraph;
    QHash<QString, int> subjectCounts;
    SentenceSubject articleCompany, articleCountry;
    for (size_t i = 0; i < article.sentences.size(); ++i) {
        const Sentence& s = article.sentences[i];
        if (paragraph.block != s.block) {
            // the items of a list go on in the measure its first item names ("1. Acme (2,000
            // patents)", "2. Bolt (1,500)")
            const bool listGoesOn = paragraph.block >= 0 &&
                                    article.blocks[static_cast<size_t>(paragraph.block)].kind == BlockKind::Bullet &&
                                    article.blocks[static_cast<size_t>(s.block)].kind == BlockKind::Bullet;
            ParagraphState previous = std::move(paragraph);
            paragraph = ParagraphState{};
            paragraph.block = s.block;
            {
                using namespace Qt::Literals::StringLiterals;
                const Block& b = article.blocks[static_cast<size_t>(s.block)];
                const QStringView text = QStringView(article.text).sliced(b.contentStart, b.end - b.contentStart);
                paragraph.caption = mayContain(text, {"Photo:"_L1, "Photograph:"_L1, "Photo credit"_L1, "alt="_L1,
                                                      "Image:"_L1, "Caption:"_L1, "Pictured:"_L1});
            }
            if (listGoesOn) {
                paragraph.lastMetric = previous.lastMetric;
                paragraph.lastMetricKey = previous.lastMetricKey;
                paragraph.lastUnit = previous.lastUnit;
            }
        } else {
            paragraph.subjectFromEarlierSentence = paragraph.subject.start >= 0;
        }
        paragraph.articleCompany = articleCompany.start >= 0 ? &articleCompany : nullptr;
        paragraph.articleCountry = articleCountry.start >= 0 ? &articleCountry : nullptr;
        SentenceContext c;
        c.paragraph = &paragraph;
        c.index = static_cast<int>(i);
        c.sentence = &s;
        c.article = &article;
        c.base = s.start;
        c.text = article.text.mid(s.start, s.end - s.start);
        c.text.replace(u'\n', u' ');
        const Block& block = article.blocks[static_cast<size_t>(s.block)];
        c.readWords();
        c.keyPoint = block.kind == BlockKind::Bullet ||
                     (sentencesPerBlock[static_cast<size_t>(s.block)] == 1 && c.words.size() <= 25);
        c.source = sentenceSources[i];
        m_entities->find(c, out);
        m_statistics->find(c, out);
        m_events->find(c, article.published, out);
        EventFinder::dropCoveredYears(c, out);
        EventFinder::dropStatisticPeriods(c, out);
        for (const PartialDate& d : c.dates)
            if (d.isValid())
                paragraph.lastDate = d;
        m_claims->findAttributions(c, out);
        m_claims->scoreClaim(c, out);
        for (size_t m : c.mentionIndexes) {
            const Mention& mention = out.mentions[m];
            if (mention.kind == EntityKind::Company && !mention.via.isEmpty())
                paragraph.lastProduct = {0, 0, mention.name, mention.kind, false, true, mention.via};
            if ((mention.kind != EntityKind::Country && mention.kind != EntityKind::Company) || !mention.via.isEmpty())
                continue;
            (mention.kind == EntityKind::Company ? paragraph.lastCompany : paragraph.lastCountry) =
                {0, 0, mention.name, mention.kind, false, false, {}};
            SentenceSubject& top = mention.kind == EntityKind::Company ? articleCompany : articleCountry;
            const int named = ++subjectCounts[mention.name];
            if (top.start < 0 || named > subjectCounts.value(top.name))
                top = {0, 0, mention.name, mention.kind, false, false, {}};
        }
    }
    m_entities->findHeadingEntities(article, out);
    return out;
}

QString reviewName(Review review)
{
    switch (review) {
    case Review::None:
        return {};
    case Review::Confirmed:
        return QStringLiteral("confirmed");
    case Review::Edited:
        return QStringLiteral("edited");
    case Review::Added:
        return QStringLiteral("added");
    }
    return {};
}

Review reviewFromName(const QString& name)
{
    for (Review r : {Review::Confirmed, Review::Edited, Review::Added})
        if (reviewName(r) == name)
            return r;
    return Review::None;
}

}  // namespace claimlens
