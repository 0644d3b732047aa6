#pragma once

#include <QString>
#include <QStringView>

#include <vector>

namespace claimlens {

/// A number as news writing states it, with its unit and qualifier.
struct Quantity {
    qsizetype start = 0;  ///< offsets into the searched text, qualifier excluded
    qsizetype end = 0;
    double value = 0;     ///< full number
    QString unit;         ///< percent, count, USD, CNY, EUR, GBP, times
    QString qualifier;    ///< "more than", "almost", ... or empty
};

/// Finds quantities: 38,000; 6,276; 83%; 1.2 billion; $2.5bn; ¥10 billion; six times; almost half;
/// a quarter. Never years, version numbers (Seedance 2.0, GPT-4, Qwen2.5), model codes (H20, 910B),
/// ordinals, times of day, days of dates, or phone-like digit groups.
class QuantityFinder {
public:
    static std::vector<Quantity> find(QStringView text);
};

}  // namespace claimlens
