#pragma once

#include "query/ChartQuery.h"
#include "query/DocumentFilter.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace claimlens::charts {

enum class ChartKind { Statistic, CompanyMentions, CountryMentions, ClaimsOverTime };

/// One colour of bars across the categories (a QBarSet).
struct ChartSet {
    QString name;
    std::vector<double> values;  ///< per category, in display units; 0 where the set has no bar
    /// How the builder draws it: a set of its own colour, the invisible start a range floats on, or
    /// a range's span (unlabelled: its segment's length is no reported figure).
    /// Reviewed: the values of categories whose every reading an analyst reviewed (drawn solid,
    /// the Values set then drawn as unchecked readings).
    enum class Role { Values, RangeStart, Range, Reviewed } role = Role::Values;
};

/// What a chart shows, apart from how Qt Charts draws it: the builder, the CSV, the caption, the
/// click handlers and the tests all read this one description.
struct ChartModel {
    ChartKind kind = ChartKind::Statistic;
    QString title;
    QString axisTitle;  ///< the unit on the value axis: "%", "count", "USD bn", "documents", "claims"
    double scale = 1;   ///< stored values are divided by this for display (1e9 for "USD bn")
    QStringList categories;
    std::vector<ChartSet> sets;
    bool stacked = false;
    std::vector<bool> conflict;  ///< per category: documents disagree on this value

    // What each mark stands for, so that a click can list its sentences.
    std::vector<StatisticValue> statisticValues;  ///< Statistic: per category
    QString metricKey;
    QString unit;  ///< the stored unit ("percent", "usd")

    QStringList notes;           ///< caption lines beyond title, unit, documents and filter
    QStringList documentNames;   ///< the first documents the values come from
    int documentCount = 0;
    QString filterText;

    QStringList csvHeader;
    std::vector<QStringList> csvRows;

    bool isEmpty() const { return categories.isEmpty() || sets.empty(); }
    /// The caption drawn under exported images and stored in their metadata.
    QStringList captionLines() const;
};

/// "companies Baidu, Tencent; published from 2024-01-01" or "all documents".
QString describeFilter(const DocumentFilter& filter);
/// 38,000 / 6,276 / 83 / 0.25: thousands separators, no trailing zeros.
QString formatNumber(double value);

/// Builders from query results to models. `maxBars` thins categories to what the plot's width can
/// show (about 14 px a bar); what is left out is named in the notes.
ChartModel statisticModel(const StatisticSeries& series, const DocumentFilter& filter, int maxBars = 60);
ChartModel mentionsModel(const std::vector<EntityDocuments>& counts, EntityKind kind, const DocumentFilter& filter,
                         int totalDocuments, int maxBars = 60);
ChartModel claimsModel(const ClaimsOverTime& claims, const DocumentFilter& filter, int maxBars = 120);

}  // namespace claimlens::charts
