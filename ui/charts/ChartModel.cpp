#include "charts/ChartModel.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace claimlens::charts {
namespace {

QString documentName(const DocumentRef& d)
{
    return d.fileName;  // titles run long; the file names the document as the reader lists it
}

/// Large money figures read better in millions or billions than as twelve digits.
void chooseScale(ChartModel& m, const QString& unit, double largest)
{
    m.axisTitle = unitSymbol(unit);
    const bool money = unit != QStringLiteral("percent") && unit != QStringLiteral("count") && !unit.isEmpty();
    if (!money)
        return;
    if (largest >= 1e9) {
        m.scale = 1e9;
        m.axisTitle += QStringLiteral(" bn");
    } else if (largest >= 1e6) {
        m.scale = 1e6;
        m.axisTitle += QStringLiteral(" m");
    }
}

/// A qualifier as a chart says it: the articles' "some", "roughly", "nearly" are all "about".
QString qualifierText(const QString& qualifier)
{
    static const QStringList approximately{QStringLiteral("some"),   QStringLiteral("roughly"),  QStringLiteral("around"),
                                           QStringLiteral("nearly"), QStringLiteral("almost"),   QStringLiteral("approximately"),
                                           QStringLiteral("about"),  QStringLiteral("an estimated"), QStringLiteral("close to")};
    const QString q = qualifier.toLower().simplified();
    return approximately.contains(q) ? QStringLiteral("about") : q;
}

QString plural(int n, const char* one, const char* many)
{
    return QStringLiteral("%1 %2").arg(formatNumber(n), QLatin1String(n == 1 ? one : many));
}

}  // namespace

QString formatNumber(double value)
{
    const QLocale english(QLocale::English);
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return english.toString(static_cast<qlonglong>(value));
    // up to 15 significant digits, so 0.1 + 0.2 reads 0.3 and 2.5 stays 2.5
    QString s = english.toString(value, 'f', 6);
    while (s.endsWith(u'0'))
        s.chop(1);
    if (s.endsWith(u'.'))
        s.chop(1);
    return s;
}

QString describeFilter(const DocumentFilter& filter)
{
    QStringList parts;
    if (!filter.companies.isEmpty())
        parts.append(QStringLiteral("companies %1").arg(filter.companies.join(QStringLiteral(", "))));
    if (!filter.countries.isEmpty())
        parts.append(QStringLiteral("countries %1").arg(filter.countries.join(QStringLiteral(", "))));
    if (!filter.sources.isEmpty())
        parts.append(QStringLiteral("sources %1").arg(filter.sources.join(QStringLiteral(", "))));
    if (filter.from.isValid() && filter.to.isValid())
        parts.append(QStringLiteral("published %1 to %2").arg(filter.from.toString(Qt::ISODate), filter.to.toString(Qt::ISODate)));
    else if (filter.from.isValid())
        parts.append(QStringLiteral("published from %1").arg(filter.from.toString(Qt::ISODate)));
    else if (filter.to.isValid())
        parts.append(QStringLiteral("published until %1").arg(filter.to.toString(Qt::ISODate)));
    if (!filter.search.trimmed().isEmpty())
        parts.append(QStringLiteral("words \"%1\"").arg(filter.search.trimmed()));
    return parts.isEmpty() ? QStringLiteral("all documents") : parts.join(QStringLiteral("; "));
}

QStringList ChartModel::captionLines() const
{
    QStringList lines{title};
    QString from;
    if (documentCount > 0) {
        QStringList names = documentNames.mid(0, 4);
        if (!names.isEmpty() && documentCount > names.size())
            names.append(QStringLiteral("and %1 more").arg(formatNumber(documentCount - names.size())));
        from = QStringLiteral("; from %1").arg(plural(documentCount, "document", "documents"));
        if (!names.isEmpty())
            from += QStringLiteral(": ") + names.join(QStringLiteral(", "));
    }
    lines.append(QStringLiteral("Unit: %1%2").arg(axisTitle, from));
    lines.append(QStringLiteral("Filter: %1").arg(filterText));
    lines.append(notes);
    lines.append(QStringLiteral("Made with Claimlens"));
    return lines;
}

ChartModel statisticModel(const StatisticSeries& series, const DocumentFilter& filter, int maxBars)
{
    ChartModel m;
    m.kind = ChartKind::Statistic;
    m.metricKey = series.metricKey;
    m.unit = series.unit;
    m.title = series.label.isEmpty() ? series.metricKey : series.label;
    m.filterText = describeFilter(filter);
    m.documentCount = series.documentCount;
    for (const DocumentRef& d : series.documents)
        m.documentNames.append(documentName(d));
    double largest = 0;
    for (const StatisticValue& v : series.values)
        largest = std::max(largest, std::max(std::abs(v.value), std::abs(v.high)));
    chooseScale(m, series.unit, largest);

    // whole subjects only: a subject's conflicting values stay side by side
    QStringList subjects;
    for (const StatisticValue& v : series.values)
        if (!subjects.contains(v.subject))
            subjects.append(v.subject);
    int shown = 0;
    QStringList kept;
    for (const QString& s : subjects) {
        const auto n = std::count_if(series.values.begin(), series.values.end(),
                                     [&](const StatisticValue& v) { return v.subject == s; });
        if (shown + n > maxBars && !kept.isEmpty())
            break;
        kept.append(s);
        shown += static_cast<int>(n);
    }
    if (kept.size() < subjects.size())
        m.notes.append(QStringLiteral("%1 with smaller values not shown (the plot has room for %2 bars)")
                           .arg(plural(static_cast<int>(subjects.size() - kept.size()), "subject", "subjects"))
                           .arg(maxBars));

    const bool anyConflict = !series.conflicts.empty();
    const QString symbol = series.unit == QStringLiteral("percent") ? QStringLiteral("%") : QString();
    ChartSet agreed{QStringLiteral("Reported value"), {}};
    // values whose every reading an analyst confirmed, edited or added stand apart from unchecked ones
    ChartSet reviewed{QStringLiteral("Reviewed by an analyst"), {}, ChartSet::Role::Reviewed};
    int valuesShown = 0, valuesReviewed = 0;
    // a range floats from its lower to its upper bound: an invisible start, then its span
    ChartSet rangeStart{QStringLiteral("Range start"), {}, ChartSet::Role::RangeStart};
    ChartSet range{QStringLiteral("Reported range"), {}, ChartSet::Role::Range};
    bool anyRange = false;
    for (const StatisticValue& v : series.values) {
        if (!kept.contains(v.subject))
            continue;
        QStringList about;
        if (!v.period.isEmpty())
            about.append(v.period);
        if (!v.qualifier.isEmpty())
            about.append(qualifierText(v.qualifier));  // "more than", "about": the figure is no exact count
        QString label = v.subject;
        if (!about.isEmpty())
            label += QStringLiteral(" (%1)").arg(about.join(QStringLiteral(", ")));
        if (v.isRange())  // its span is unlabelled: the label names both bounds
            label += QStringLiteral(": %1\u2013%2%3").arg(formatNumber(v.value / m.scale), formatNumber(v.high / m.scale), symbol);
        if (v.conflict >= 0)
            label += QStringLiteral(" \u2014 %1").arg(v.sources.isEmpty() ? QStringLiteral("?") : v.sources.join(QStringLiteral(", ")));
        // A bar axis keeps one category per label: two values from the same source need two labels.
        for (int n = 2; m.categories.contains(label); ++n)
            label = label.section(QStringLiteral(" #"), 0, 0) + QStringLiteral(" #%1").arg(n);
        m.categories.append(label);
        m.conflict.push_back(v.conflict >= 0);
        anyRange = anyRange || v.isRange();
        ++valuesShown;
        valuesReviewed += v.isReviewed() ? 1 : 0;
        agreed.values.push_back(v.isRange() || v.isReviewed() ? 0 : v.value / m.scale);
        reviewed.values.push_back(v.isRange() || !v.isReviewed() ? 0 : v.value / m.scale);
        rangeStart.values.push_back(v.isRange() ? v.value / m.scale : 0);
        range.values.push_back(v.isRange() ? (v.high - v.value) / m.scale : 0);
        m.statisticValues.push_back(v);
        m.csvRows.push_back({v.subject, v.period, QString::number(v.value, 'g', 15), series.unit,
                             QString::number(v.documents), v.sources.join(u'|'), v.conflict >= 0 ? QStringLiteral("yes") : QStringLiteral("no"),
                             QString::number(v.documentId), QString::number(v.sentenceOrdinal), v.sentence,
                             v.isRange() ? QString::number(v.high, 'g', 15) : QString(), v.qualifier,
                             v.isReviewed() ? QStringLiteral("yes") : v.reviewed > 0 ? QStringLiteral("partly") : QStringLiteral("no")});
    }
    // one set: the builder colours the bars of conflict categories apart; ranges stack on their
    // invisible start
    if (valuesReviewed > 0) {
        agreed.name = QStringLiteral("Unreviewed reading");
        m.sets.push_back(std::move(reviewed));  // a category has its bar in one of the two: they stack
        m.stacked = true;
    }
    m.sets.push_back(std::move(agreed));
    m.notes.append(valuesReviewed > 0 ? QStringLiteral("Reviewed by an analyst: %1 of %2 values (solid bars); the others "
                                                       "are readings no one has checked (pale, dashed bars)")
                                            .arg(valuesReviewed)
                                            .arg(valuesShown)
                                      : QStringLiteral("Reviewed by an analyst: none of the %1 values").arg(valuesShown));
    if (anyRange) {
        m.sets.push_back(std::move(rangeStart));
        m.sets.push_back(std::move(range));
        m.stacked = true;
        m.notes.append(QStringLiteral("Ranges are drawn from their lower to their upper bound"));
    }
    if (anyConflict)
        m.notes.append(QStringLiteral("Red bars: documents disagree on the value (each labelled with its sources)"));
    for (const ConflictGroup& g : series.conflicts) {
        QStringList values;
        for (double v : g.values)
            values.append(formatNumber(v) + symbol);
        m.notes.append(QStringLiteral("Documents disagree on %1%2: %3")
                           .arg(g.subject, g.period.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(g.period),
                                values.join(QStringLiteral(" vs "))));
    }
    m.csvHeader = QStringList{QStringLiteral("subject"), QStringLiteral("period"), QStringLiteral("value"), QStringLiteral("unit"),
                              QStringLiteral("documents"), QStringLiteral("sources"), QStringLiteral("conflict"),
                              QStringLiteral("document_id"), QStringLiteral("sentence_ordinal"), QStringLiteral("sentence"),
                              QStringLiteral("range_high"), QStringLiteral("qualifier"), QStringLiteral("reviewed")};
    return m;
}

ChartModel mentionsModel(const std::vector<EntityDocuments>& counts, EntityKind kind, const DocumentFilter& filter,
                         int totalDocuments, int maxBars)
{
    ChartModel m;
    m.kind = kind == EntityKind::Country ? ChartKind::CountryMentions : ChartKind::CompanyMentions;
    m.title = kind == EntityKind::Country ? QStringLiteral("Documents per country") : QStringLiteral("Documents per company");
    m.axisTitle = QStringLiteral("documents");
    m.filterText = describeFilter(filter);
    m.documentCount = totalDocuments;
    ChartSet set{QStringLiteral("Documents naming it"), {}};
    const size_t shown = std::min(counts.size(), static_cast<size_t>(std::max(1, maxBars)));
    for (size_t i = 0; i < shown; ++i) {
        m.categories.append(counts[i].name);
        m.conflict.push_back(false);
        set.values.push_back(counts[i].documents);
        m.csvRows.push_back({counts[i].name, QString::number(counts[i].documents)});
    }
    if (shown < counts.size())
        m.notes.append(QStringLiteral("%1 named in fewer documents not shown")
                           .arg(plural(static_cast<int>(counts.size() - shown), kind == EntityKind::Country ? "country" : "company",
                                       kind == EntityKind::Country ? "countries" : "companies")));
    m.sets.push_back(std::move(set));
    m.csvHeader = QStringList{kind == EntityKind::Country ? QStringLiteral("country") : QStringLiteral("company"),
                              QStringLiteral("documents")};
    return m;
}

ChartModel claimsModel(const ClaimsOverTime& claims, const DocumentFilter& filter, int maxBars)
{
    ChartModel m;
    m.kind = ChartKind::ClaimsOverTime;
    const bool byYear = claims.bucket == TimeBucket::Year;
    m.title = byYear ? QStringLiteral("Claims per year") : QStringLiteral("Claims per month");
    m.axisTitle = QStringLiteral("claims");
    m.filterText = describeFilter(filter);
    m.stacked = true;
    // the latest periods when there are more than the plot can hold
    const qsizetype skip = std::max<qsizetype>(0, claims.periods.size() - maxBars);
    m.categories = claims.periods.mid(skip);
    m.conflict.assign(static_cast<size_t>(m.categories.size()), false);
    QStringList without;
    for (qsizetype c = 0; c < claims.companies.size(); ++c) {
        const auto& counts = claims.counts[static_cast<size_t>(c)];
        if (std::all_of(counts.begin() + skip, counts.end(), [](int n) { return n == 0; })) {
            without.append(claims.companies.at(c));  // a stack of nothing only crowds the legend
            continue;
        }
        ChartSet set{claims.companies.at(c), {}};
        for (qsizetype p = skip; p < claims.periods.size(); ++p) {
            const int n = counts[static_cast<size_t>(p)];
            set.values.push_back(n);
            if (n > 0)
                m.csvRows.push_back({claims.periods.at(p), claims.companies.at(c), QString::number(n)});
        }
        m.sets.push_back(std::move(set));
    }
    if (!without.isEmpty())
        m.notes.append(QStringLiteral("No dated claims for %1").arg(without.join(QStringLiteral(", "))));
    if (skip > 0)
        m.notes.append(QStringLiteral("%1 before %2 not shown").arg(plural(static_cast<int>(skip), "earlier period", "earlier periods"), m.categories.value(0)));
    if (claims.yearOnly > 0)
        m.notes.append(QStringLiteral("%1 dated only to a year not shown by month").arg(plural(claims.yearOnly, "claim", "claims")));
    if (claims.undated > 0)
        m.notes.append(QStringLiteral("%1 without a date (theirs or their document's) not shown").arg(plural(claims.undated, "claim", "claims")));
    m.notes.append(QStringLiteral("A claim without a date of its own is counted at its document's publication date"));
    m.csvHeader = QStringList{byYear ? QStringLiteral("year") : QStringLiteral("month"), QStringLiteral("company"),
                              QStringLiteral("claims")};
    return m;
}

}  // namespace claimlens::charts
