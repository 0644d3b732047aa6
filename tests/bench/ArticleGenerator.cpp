#include "ArticleGenerator.h"

#include <QStringList>

namespace claimlens::bench {
namespace {

const QStringList kCompanies{QStringLiteral("Baidu"),   QStringLiteral("Alibaba"),   QStringLiteral("Tencent"),
                             QStringLiteral("ByteDance"), QStringLiteral("Huawei"),  QStringLiteral("DeepSeek"),
                             QStringLiteral("Moonshot AI"), QStringLiteral("Zhipu AI"), QStringLiteral("OpenAI"),
                             QStringLiteral("Nvidia"),  QStringLiteral("Microsoft"), QStringLiteral("Kuaishou"),
                             QStringLiteral("SenseTime"), QStringLiteral("iFlytek"), QStringLiteral("01.AI")};
const QStringList kVerbs{QStringLiteral("released"), QStringLiteral("unveiled"), QStringLiteral("cut the price of"),
                         QStringLiteral("filed patents for"), QStringLiteral("expanded"), QStringLiteral("opened")};
const QStringList kObjects{QStringLiteral("a new language model"), QStringLiteral("its video generator"),
                           QStringLiteral("an open-source chatbot"), QStringLiteral("a cloud service"),
                           QStringLiteral("an AI chip"), QStringLiteral("its coding assistant")};
const QStringList kTails{QStringLiteral("according to analysts in Beijing"),
                         QStringLiteral("as competition with U.S. firms grew"),
                         QStringLiteral("despite export controls on advanced chips"),
                         QStringLiteral("after a survey of 1,600 decision-makers"),
                         QStringLiteral("in a market worth $2.5 billion"), QStringLiteral("while prices fell by 83%")};
// Most sentences of a real article carry no figure: context, quotes, analysis. About one in five
// names a company with a number or a date, as in the reference articles.
const QStringList kPlain{
    QStringLiteral("Analysts say the shift reflects a broader change in how developers choose their tools."),
    QStringLiteral("The move surprised few people who had followed the industry over the past decade."),
    QStringLiteral("Critics argue that the pace of change leaves regulators struggling to keep up."),
    QStringLiteral("Many engineers now expect open models to narrow the gap within a few release cycles."),
    QStringLiteral("The debate over safety and openness has become part of every product launch."),
    QStringLiteral("Investors remain cautious about companies that have yet to show a path to profit."),
    QStringLiteral("Universities are adding courses as demand for machine learning skills grows."),
    QStringLiteral("Supporters say cheaper tools will let small firms build products they could not afford before."),
    QStringLiteral("The question is whether lower prices will lead to lasting loyalty or only brief trials."),
    QStringLiteral("Some observers see the contest as a test of two very different approaches to technology policy.")};
const QStringList kHeadings{QStringLiteral("The Price War"), QStringLiteral("What the Numbers Show"),
                            QStringLiteral("Chips and Controls"), QStringLiteral("Open Models Spread"),
                            QStringLiteral("The Talent Race"), QStringLiteral("What Comes Next")};
const QStringList kNames{QStringLiteral("Li Wei"), QStringLiteral("Sarah Chen"), QStringLiteral("Tom Hale"),
                         QStringLiteral("Mei Lin"), QStringLiteral("Ana Ruiz")};

}  // namespace

const QString& ArticleGenerator::pick(const QStringList& list)
{
    return list[number(0, static_cast<int>(list.size()) - 1)];
}

int ArticleGenerator::number(int lo, int hi)
{
    return std::uniform_int_distribution<int>(lo, hi)(m_rng);
}

QString ArticleGenerator::sentence()
{
    return QStringLiteral("In %1, %2 %3 %4, %5. ")
        .arg(number(2015, 2025))
        .arg(pick(kCompanies), pick(kVerbs), pick(kObjects), pick(kTails));
}

QString ArticleGenerator::article(int index)
{
    QString out;
    const int shape = index % 4;
    if (shape != 3)
        out += QStringLiteral("%1 and %2 Race Ahead in AI, Part %3\n\n").arg(pick(kCompanies), pick(kCompanies)).arg(index);
    if (shape == 0)
        out += QStringLiteral("by %1 - Technology\n%2 comments\n\n").arg(pick(kNames)).arg(number(0, 40));
    if (shape == 1)
        out += QStringLiteral("By %1 and %2\nJuly %3, 2024\n\n").arg(pick(kNames), pick(kNames)).arg(number(1, 28));
    const int sections = number(3, 5);
    for (int s = 0; s < sections; ++s) {
        out += pick(kHeadings) + (shape == 2 ? QStringLiteral("\n") : QStringLiteral("\n\n"));
        for (int p = 0; p < 3; ++p) {
            const int n = number(3, 6);
            for (int k = 0; k < n; ++k)
                out += number(0, 4) == 0 ? sentence() : pick(kPlain) + u' ';
            out += shape == 0 ? QStringLiteral("Source: Caixin\n") : QStringLiteral("\n");
            if (shape != 2)
                out += u'\n';
        }
    }
    if (shape == 3) {
        for (int k = 0; k < 4; ++k)
            out += sentence().trimmed() + QStringLiteral("\nMentions: %1\n").arg(number(1, 20));
        out += QStringLiteral("Tech Brief Daily %1month\n").arg(number(1, 18));
    } else {
        out += QStringLiteral("Key Takeaways\n\n");
        for (int k = 0; k < 3; ++k)
            out += QStringLiteral("  \u2022 ") + sentence().trimmed() + u'\n';
        out += QStringLiteral("\nRelated Posts\n\nLeave a Comment\n");
    }
    return out;
}

}  // namespace claimlens::bench
