#pragma once

#include <QString>

#include <cstdint>
#include <random>

namespace claimlens::bench {

/// Writes synthetic articles in the shapes the reader meets (headline, byline, date, headings
/// without blank lines, bullets, furniture, digest lines), deterministic for a seed. Nothing large
/// is committed: benchmarks make their corpus when they run.
class ArticleGenerator {
public:
    explicit ArticleGenerator(std::uint32_t seed = 42) : m_rng(seed) {}
    QString article(int index);

private:
    QString sentence();
    const QString& pick(const QStringList& list);
    int number(int lo, int hi);

    std::mt19937 m_rng;
};

}  // namespace claimlens::bench
