#include "structure/Article.h"

#include <QStringList>

#include <array>

namespace claimlens {
namespace {

struct KindName {
    BlockKind kind;
    const char16_t* name;
};
constexpr std::array<KindName, 11> kKindNames{{
    {BlockKind::Title, u"title"},
    {BlockKind::Byline, u"byline"},
    {BlockKind::Dateline, u"dateline"},
    {BlockKind::Heading, u"heading"},
    {BlockKind::Paragraph, u"paragraph"},
    {BlockKind::Bullet, u"bullet"},
    {BlockKind::Furniture, u"furniture"},
    {BlockKind::Metadata, u"metadata"},
    {BlockKind::Channel, u"channel"},
    {BlockKind::Attribution, u"attribution"},
    {BlockKind::Kicker, u"kicker"},
}};

}  // namespace

QString blockKindName(BlockKind kind)
{
    for (const auto& k : kKindNames)
        if (k.kind == kind)
            return QString::fromUtf16(k.name);
    return {};
}

BlockKind blockKindFromName(const QString& name)
{
    for (const auto& k : kKindNames)
        if (name == QStringView(k.name))
            return k.kind;
    return BlockKind::Paragraph;
}

bool isBodyKind(BlockKind kind)
{
    return kind == BlockKind::Title || kind == BlockKind::Heading || kind == BlockKind::Paragraph ||
           kind == BlockKind::Bullet;
}

QString PartialDate::iso() const
{
    switch (precision) {
    case DatePrecision::Year:
        return QString::number(year);
    case DatePrecision::Month:
        return QStringLiteral("%1-%2").arg(year, 4, 10, QLatin1Char('0')).arg(month, 2, 10, QLatin1Char('0'));
    case DatePrecision::Day:
        return QStringLiteral("%1-%2-%3")
            .arg(year, 4, 10, QLatin1Char('0'))
            .arg(month, 2, 10, QLatin1Char('0'))
            .arg(day, 2, 10, QLatin1Char('0'));
    case DatePrecision::None:
        break;
    }
    return {};
}

PartialDate PartialDate::fromIso(const QString& iso)
{
    const QStringList parts = iso.split(u'-');
    PartialDate d;
    bool ok = false;
    if (parts.size() >= 1 && (d.year = parts[0].toInt(&ok), ok))
        d.precision = DatePrecision::Year;
    if (parts.size() >= 2 && (d.month = parts[1].toInt(&ok), ok))
        d.precision = DatePrecision::Month;
    if (parts.size() >= 3 && (d.day = parts[2].toInt(&ok), ok))
        d.precision = DatePrecision::Day;
    return d;
}

PartialDate PartialDate::fromStored(const QString& iso, int precision)
{
    if (iso.isNull())
        return {};
    PartialDate d = fromIso(iso);
    d.precision = static_cast<DatePrecision>(precision);
    return d;
}

QString PartialDate::precisionName(DatePrecision precision)
{
    switch (precision) {
    case DatePrecision::Year:
        return QStringLiteral("year");
    case DatePrecision::Month:
        return QStringLiteral("month");
    case DatePrecision::Day:
        return QStringLiteral("day");
    case DatePrecision::None:
        break;
    }
    return {};
}

QString sourceKindName(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Inline:
        return QStringLiteral("inline");
    case SourceKind::Attribution:
        return QStringLiteral("attribution");
    case SourceKind::Channel:
        return QStringLiteral("channel");
    case SourceKind::Byline:
        return QStringLiteral("byline");
    case SourceKind::Cited:
        return QStringLiteral("cited");
    case SourceKind::Outlet:
        return QStringLiteral("outlet");
    }
    return {};
}

QString Article::blockText(const Block& block) const
{
    return text.mid(block.contentStart, block.end - block.contentStart);
}

QString Article::sentenceText(const Sentence& sentence) const
{
    return text.mid(sentence.start, sentence.end - sentence.start).simplified();
}

int Article::pageAt(qsizetype offset) const
{
    // a gap between pages (the blank line between blocks) belongs to the page before it
    int page = 0;
    for (const PageSpan& p : pages) {
        if (p.start > offset)
            break;
        page = p.number;
    }
    return page;
}

std::vector<QString> Article::sourceNames() const
{
    std::vector<QString> names;
    for (const bool outlets : {true, false})
        for (const auto& s : sources)
            if ((s.kind == SourceKind::Outlet) == outlets && std::find(names.begin(), names.end(), s.name) == names.end())
                names.push_back(s.name);
    return names;
}

}  // namespace claimlens
