#include "charts/ChartsTab.h"

#include "charts/ChartBuilder.h"
#include "charts/ExportDialog.h"
#include "query/ChartQuery.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QToolTip>
#include <QCursor>
#include <QVBoxLayout>

namespace claimlens::charts {
namespace {

// kind combo data: "statistic", "preset:<metric key>", "companies", "countries", "claims"
const QString kStatistic = QStringLiteral("statistic");
const QString kPreset = QStringLiteral("preset:");
const QString kCompanies = QStringLiteral("companies");
const QString kCountries = QStringLiteral("countries");
const QString kClaims = QStringLiteral("claims");

enum EvidenceRole { DocumentRole = Qt::UserRole + 1, OrdinalRole };

bool isUsageRate(const MetricCount& m)
{
    return m.unit == QStringLiteral("percent") &&
           (m.key.contains(QStringLiteral("usage")) || m.label.contains(QStringLiteral("usage"), Qt::CaseInsensitive));
}

}  // namespace

ChartsTab::ChartsTab(QWidget* parent)
    : QWidget(parent),
      m_kind(new QComboBox(this)),
      m_metric(new QComboBox(this)),
      m_bucket(new QComboBox(this)),
      m_top(new QSpinBox(this)),
      m_export(new QPushButton(tr("Export…"), this)),
      m_view(new QChartView(this)),
      m_message(new QLabel(this)),
      m_evidenceTitle(new QLabel(this)),
      m_evidence(new QListWidget(this))
{
    m_metric->setMinimumContentsLength(28);
    m_metric->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_bucket->addItem(tr("per year"), static_cast<int>(TimeBucket::Year));
    m_bucket->addItem(tr("per month"), static_cast<int>(TimeBucket::Month));
    m_top->setRange(1, 50);
    m_top->setValue(10);
    m_top->setPrefix(tr("top "));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_message->setWordWrap(true);
    m_evidence->setWordWrap(true);
    m_evidence->setAlternatingRowColors(true);
    m_evidenceTitle->setText(tr("Click a bar to list the sentences behind it; double-click to open one."));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Chart:"), this));
    bar->addWidget(m_kind);
    bar->addWidget(m_metric, 1);
    bar->addWidget(m_bucket);
    bar->addWidget(m_top);
    bar->addStretch();
    bar->addWidget(m_export);
    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_evidenceTitle);
    bottomLayout->addWidget(m_evidence);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        if (m_refilling)
            return;
        const QString kind = m_kind->currentData().toString();
        if (kind.startsWith(kPreset)) {
            const int i = m_metric->findData(kind.mid(kPreset.size()));
            if (i >= 0) {
                const QSignalBlocker block(m_metric);
                m_metric->setCurrentIndex(i);
            }
        }
        rebuild();
    });
    connect(m_metric, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_refilling)
            rebuild();
    });
    connect(m_bucket, &QComboBox::currentIndexChanged, this, [this] { rebuild(); });
    connect(m_top, &QSpinBox::valueChanged, this, [this] { rebuild(); });
    connect(m_export, &QPushButton::clicked, this, &ChartsTab::exportCurrent);
    connect(m_evidence, &QListWidget::itemDoubleClicked, this, &ChartsTab::evidenceActivated);
    connect(m_evidence, &QListWidget::itemActivated, this, &ChartsTab::evidenceActivated);
    refill();
}

ChartsTab::~ChartsTab() = default;

void ChartsTab::setDatabase(claimlens::Database* db)
{
    m_db = db;
    reload();
}

void ChartsTab::setFilter(const claimlens::DocumentFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

bool ChartsTab::canExport() const
{
    return m_model && !m_model->isEmpty();
}

QChart* ChartsTab::chart() const
{
    return m_view->chart();
}

void ChartsTab::reload()
{
    refill();
    rebuild();
}

ChartKind ChartsTab::currentKind() const
{
    const QString kind = m_kind->currentData().toString();
    if (kind == kCompanies)
        return ChartKind::CompanyMentions;
    if (kind == kCountries)
        return ChartKind::CountryMentions;
    if (kind == kClaims)
        return ChartKind::ClaimsOverTime;
    return ChartKind::Statistic;
}

void ChartsTab::showChart(ChartKind kind, const QString& metricKey)
{
    const QString wanted = kind == ChartKind::CompanyMentions   ? kCompanies
                         : kind == ChartKind::CountryMentions ? kCountries
                         : kind == ChartKind::ClaimsOverTime  ? kClaims
                                                              : kStatistic;
    {
        const QSignalBlocker blockKind(m_kind);
        const QSignalBlocker blockMetric(m_metric);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(wanted)));
        if (!metricKey.isEmpty() && m_metric->findData(metricKey) >= 0)
            m_metric->setCurrentIndex(m_metric->findData(metricKey));
    }
    rebuild();
}

void ChartsTab::refill()
{
    // The metric list and the presets follow what the filtered documents report.
    m_refilling = true;
    const QString kind = m_kind->currentData().toString();
    const QString metric = m_metric->currentData().toString();
    m_kind->clear();
    m_metric->clear();
    m_kind->addItem(tr("Statistic comparison"), kStatistic);
    if (m_db) {
        auto metrics = ChartQuery(*m_db).metrics(m_filter);
        if (metrics) {
            bool patents = false, usage = false;
            for (const MetricCount& m : *metrics) {
                m_metric->addItem(tr("%1 (%2) — %3 %4, %5 %6")
                                      .arg(m.label, unitSymbol(m.unit), formatNumber(m.values),
                                           m.values == 1 ? tr("value") : tr("values"), formatNumber(m.documents),
                                           m.documents == 1 ? tr("document") : tr("documents")),
                                  m.key);
                m_metric->setItemData(m_metric->count() - 1, m.unit, Qt::UserRole + 1);
                if (m.key == QStringLiteral("patents") && !patents) {
                    m_kind->addItem(tr("Patent counts"), kPreset + m.key);
                    patents = true;
                }
                if (isUsageRate(m) && !usage) {
                    m_kind->addItem(tr("Usage rates"), kPreset + m.key);
                    usage = true;
                }
            }
        } else {
            m_message->setText(metrics.error());
        }
    }
    m_kind->addItem(tr("Documents per company"), kCompanies);
    m_kind->addItem(tr("Documents per country"), kCountries);
    m_kind->addItem(tr("Claims over time"), kClaims);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(metric)));
    m_refilling = false;
}

void ChartsTab::rebuild()
{
    if (m_refilling)
        return;
    const ChartKind kind = currentKind();
    m_metric->setVisible(kind == ChartKind::Statistic);
    m_bucket->setVisible(kind == ChartKind::ClaimsOverTime);
    m_top->setVisible(kind == ChartKind::CompanyMentions || kind == ChartKind::ClaimsOverTime);
    m_evidence->clear();
    m_evidenceTitle->setText(tr("Click a bar to list the sentences behind it; double-click to open one."));
    m_model.reset();
    QChart* old = m_view->chart();
    m_message->clear();
    m_message->setVisible(false);
    auto show = [&](ChartModel model) {
        m_model = std::move(model);
        m_view->setChart(ChartBuilder::build(*m_model, ChartBuilder::isDark(palette())));
        for (QAbstractSeries* s : m_view->chart()->series())
            if (auto* bars = qobject_cast<QAbstractBarSeries*>(s)) {
                connect(bars, &QAbstractBarSeries::clicked, this, [this](int i, QBarSet* set) { barClicked(i, set, false); });
                connect(bars, &QAbstractBarSeries::doubleClicked, this, [this](int i, QBarSet* set) { barClicked(i, set, true); });
                connect(bars, &QAbstractBarSeries::hovered, this, [this](bool on, int i, QBarSet* set) {
                    if (!on || !m_model) {
                        QToolTip::hideText();
                        return;
                    }
                    const QString category = m_model->categories.value(ChartBuilder::modelCategory(*m_model, i));
                    QToolTip::showText(QCursor::pos(), QStringLiteral("%1 — %2: %3 %4")
                                                           .arg(set->label(), category, formatNumber(set->at(i)), m_model->axisTitle));
                });
            }
        if (m_model->isEmpty()) {
            m_message->setText(tr("Nothing to chart for the current filter."));
            m_message->setVisible(true);
        } else if (!m_model->notes.isEmpty()) {
            m_message->setText(m_model->notes.join(u'\n'));  // conflicts and what was left out
            m_message->setVisible(true);
        }
    };
    auto fail = [&](const QString& error) {
        m_message->setText(error);
        m_message->setVisible(true);
        m_view->setChart(new QChart);
    };
    m_export->setEnabled(false);
    if (!m_db) {
        m_view->setChart(new QChart);
    } else {
        ChartQuery query(*m_db);
        const QSize size = m_view->size().expandedTo(QSize(900, 560));
        ChartModel sizing;
        sizing.kind = kind;
        const int capacity = ChartBuilder::barCapacity(sizing, size);
        switch (kind) {
        case ChartKind::Statistic: {
            if (m_metric->count() == 0) {
                fail(tr("The documents under this filter report no statistics."));
                break;
            }
            auto series = query.statistics(m_filter, m_metric->currentData().toString(),
                                           m_metric->currentData(Qt::UserRole + 1).toString());
            series ? show(statisticModel(*series, m_filter, capacity)) : fail(series.error());
            break;
        }
        case ChartKind::CompanyMentions:
        case ChartKind::CountryMentions: {
            const bool countries = kind == ChartKind::CountryMentions;
            auto counts = query.documentsPerEntity(m_filter, countries ? EntityKind::Country : EntityKind::Company,
                                                   countries ? capacity : std::min(capacity, m_top->value()));
            auto total = query.documentCount(m_filter);
            counts && total ? show(mentionsModel(*counts, countries ? EntityKind::Country : EntityKind::Company, m_filter, *total, capacity))
                            : fail(counts ? total.error() : counts.error());
            break;
        }
        case ChartKind::ClaimsOverTime: {
            auto companies = query.selectedCompanies(m_filter, m_top->value());
            if (!companies) {
                fail(companies.error());
                break;
            }
            auto claims = query.claimsOverTime(m_filter, *companies, static_cast<TimeBucket>(m_bucket->currentData().toInt()));
            auto total = query.documentCount(m_filter);
            if (claims && total) {
                ChartModel model = claimsModel(*claims, m_filter, std::max(capacity, 40));
                model.documentCount = *total;
                show(std::move(model));
            } else {
                fail(claims ? total.error() : claims.error());
            }
            break;
        }
        }
    }
    delete old;  // QChartView hands the previous chart back rather than deleting it
    m_export->setEnabled(canExport());
}

std::vector<Evidence> ChartsTab::evidenceFor(int set, int category) const
{
    if (!m_db || !m_model || category < 0 || category >= m_model->categories.size())
        return {};
    ChartQuery query(*m_db);
    const auto c = static_cast<size_t>(category);
    Result<std::vector<Evidence>> found = std::vector<Evidence>{};
    switch (m_model->kind) {
    case ChartKind::Statistic:
        found = query.statisticEvidence(m_filter, m_model->metricKey, m_model->unit, m_model->statisticValues[c]);
        break;
    case ChartKind::CompanyMentions:
    case ChartKind::CountryMentions:
        found = query.entityEvidence(m_filter, m_model->kind == ChartKind::CountryMentions ? EntityKind::Country : EntityKind::Company,
                                     m_model->categories.at(category));
        break;
    case ChartKind::ClaimsOverTime:
        if (set >= 0 && static_cast<size_t>(set) < m_model->sets.size())
            found = query.claimEvidence(m_filter, m_model->sets[static_cast<size_t>(set)].name, m_model->categories.at(category));
        break;
    }
    return found ? std::move(*found) : std::vector<Evidence>{};
}

void ChartsTab::barClicked(int index, QBarSet* set, bool open)
{
    if (!m_model)
        return;
    const int category = ChartBuilder::modelCategory(*m_model, index);
    int setIndex = -1;
    if (auto* series = qobject_cast<QAbstractBarSeries*>(sender()))
        setIndex = static_cast<int>(series->barSets().indexOf(set));
    const std::vector<Evidence> found = evidenceFor(setIndex, category);
    m_evidence->clear();
    QString what = m_model->categories.value(category);
    if (m_model->kind == ChartKind::ClaimsOverTime && setIndex >= 0)
        what = QStringLiteral("%1, %2").arg(m_model->sets[static_cast<size_t>(setIndex)].name, what);
    m_evidenceTitle->setText(tr("%1: %2 %3").arg(what).arg(found.size()).arg(found.size() == 1 ? tr("sentence") : tr("sentences")));
    for (const Evidence& e : found) {
        auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(e.fileName, e.sentence), m_evidence);
        item->setData(DocumentRole, static_cast<qint64>(e.documentId));
        item->setData(OrdinalRole, e.sentenceOrdinal);
        item->setToolTip(e.title);
    }
    if (open && !found.empty())
        Q_EMIT openDocument(found.front().documentId, found.front().sentenceOrdinal);
}

void ChartsTab::evidenceActivated(QListWidgetItem* item)
{
    if (item)
        Q_EMIT openDocument(item->data(DocumentRole).toLongLong(), item->data(OrdinalRole).toInt());
}

Status ChartsTab::exportTo(const QString& path, const ExportOptions& options) const
{
    if (!canExport())
        return Error{tr("There is no chart to export.")};
    return ChartExporter::write(chartContent(*m_model), path, options);
}

void ChartsTab::exportCurrent()
{
    if (!canExport())
        return;
    QString name = m_model->title.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
    ExportDialog dialog(name, m_view->size(), ChartBuilder::isDark(palette()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (Status s = dialog.exportContent(chartContent(*m_model)); !s) {
        m_message->setText(s.error());
        m_message->setVisible(true);
    }
}

}  // namespace claimlens::charts
