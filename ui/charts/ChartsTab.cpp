#include "charts/ChartsTab.h"

#include "charts/ChartBuilder.h"
#include "charts/ChartLoader.h"
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
#include <QTimer>
#include <QToolTip>
#include <QEvent>
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

ChartKind kindOf(const QString& kind)
{
    if (kind == kCompanies)
        return ChartKind::CompanyMentions;
    if (kind == kCountries)
        return ChartKind::CountryMentions;
    if (kind == kClaims)
        return ChartKind::ClaimsOverTime;
    return ChartKind::Statistic;
}

}  // namespace

/// What a chart is read for: the tab's choices when it was asked.
struct ChartRequest {
    DocumentFilter filter;
    bool refillMetrics = false;  ///< read the metric list too (the filter or the data changed)
    QString kind;                ///< the kind combo's data
    QString metricKey, unit;
    bool hasMetrics = false;
    TimeBucket bucket = TimeBucket::Year;
    int top = 10;
    int capacity = 60;
};

/// What the worker read for a chart: plain ChartQuery results.
struct ChartData {
    ChartRequest request;  ///< with the kind and metric chosen after the metric list was read
    std::vector<MetricCount> metrics;
    QString metricsError;
    std::optional<StatisticSeries> series;
    std::optional<std::vector<EntityDocuments>> counts;
    std::optional<ClaimsOverTime> claims;
    int total = 0;
    QString error;
};

static ChartData readChart(ChartQuery& query, const ChartRequest& asked);
static Result<std::vector<Evidence>> readEvidence(ChartQuery& query, const ChartModel& model, const DocumentFilter& filter,
                                                  int set, int category);

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
      m_evidence(new QListWidget(this)),
      m_busy(new QLabel(m_view)),
      m_busyDelay(new QTimer(this))
{
    // Over the chart while the worker reads: at once when it builds the index, else after a moment
    // (most answers come in milliseconds, and a label flashing at each would be noise).
    m_busy->setObjectName(QStringLiteral("chartBusy"));
    m_busy->setAlignment(Qt::AlignCenter);
    m_busy->setWordWrap(true);
    m_busy->setAutoFillBackground(true);
    m_busy->setFrameShape(QFrame::StyledPanel);
    m_busy->setMargin(18);
    m_busy->hide();
    m_view->installEventFilter(this);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(150);
    connect(m_busyDelay, &QTimer::timeout, this, [this] { showBusy(); });
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
    // the chart first: the sentence list's own size hint would otherwise take most of the height
    splitter->setSizes({800, 200});
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
    refill({}, {}, {});
}

ChartsTab::~ChartsTab() = default;

void ChartsTab::setLoader(ChartLoader* loader)
{
    if (m_loader == loader)
        return;
    if (m_loader)
        disconnect(m_loader, nullptr, this, nullptr);
    m_chartTicket.cancel();
    m_evidenceTicket.cancel();
    m_loader = loader;
    connect(m_loader, &ChartLoader::preparing, this, [this] {
        if (m_loading)
            showBusy();
    });
}

ChartLoader* ChartsTab::loader()
{
    if (!m_loader)
        setLoader(new ChartLoader(this));  // a tab on its own (tests, tools) reads on a worker of its own
    return m_loader;
}

void ChartsTab::setDatabase(claimlens::Database* db)
{
    m_db = db;
    if (db)
        loader()->setDatabasePath(db->path());
    reload();
}

bool ChartsTab::isLoading() const
{
    return m_loading;
}

void ChartsTab::setBusy(bool busy)
{
    m_loading = busy;
    if (busy) {
        if (m_loader && m_loader->preparingDocuments() > 0)
            showBusy();
        else if (!m_busy->isVisible())
            m_busyDelay->start();
    } else {
        m_busyDelay->stop();
        m_busy->hide();
    }
}

void ChartsTab::showBusy()
{
    if (!m_loading)
        return;
    const int documents = m_loader ? m_loader->preparingDocuments() : 0;
    m_busy->setText(documents > 0 ? tr("Preparing chart data for %1 %2…\nThis happens once after opening or changing the "
                                       "database; the window stays usable meanwhile.")
                                        .arg(formatNumber(documents), documents == 1 ? tr("document") : tr("documents"))
                                  : tr("Reading chart data…"));
    placeBusy();
    m_busy->show();
    m_busy->raise();
}

void ChartsTab::placeBusy()
{
    const QSize hint = m_busy->sizeHint().boundedTo(m_view->size());
    const int width = std::min(m_view->width() - 20, std::max(hint.width(), 420));
    const int height = m_busy->heightForWidth(width) > 0 ? m_busy->heightForWidth(width) : hint.height();
    m_busy->setGeometry((m_view->width() - width) / 2, (m_view->height() - height) / 2, width, height);
}

bool ChartsTab::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view && event->type() == QEvent::Resize && m_busy->isVisible())
        placeBusy();
    return QWidget::eventFilter(watched, event);
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
    request(true);
}

ChartKind ChartsTab::currentKind() const
{
    return kindOf(m_kind->currentData().toString());
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

void ChartsTab::refill(const std::vector<MetricCount>& metrics, const QString& kind, const QString& metric)
{
    // The metric list and the presets follow what the filtered documents report.
    m_refilling = true;
    m_kind->clear();
    m_metric->clear();
    m_kind->addItem(tr("Statistic comparison"), kStatistic);
    bool patents = false, usage = false;
    for (const MetricCount& m : metrics) {
        m_metric->addItem(tr("%1 (%2) — %3 %4, %5 %6")
                              .arg(m.label, unitSymbol(m.unit), formatNumber(m.values), m.values == 1 ? tr("value") : tr("values"),
                                   formatNumber(m.documents), m.documents == 1 ? tr("document") : tr("documents")),
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
    m_kind->addItem(tr("Documents per company"), kCompanies);
    m_kind->addItem(tr("Documents per country"), kCountries);
    m_kind->addItem(tr("Claims over time"), kClaims);
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(kind)));
    m_metric->setCurrentIndex(std::max(0, m_metric->findData(metric)));
    m_refilling = false;
}

void ChartsTab::rebuild()
{
    if (!m_refilling)
        request(false);
}

void ChartsTab::updateControls(ChartKind kind)
{
    m_metric->setVisible(kind == ChartKind::Statistic);
    m_bucket->setVisible(kind == ChartKind::ClaimsOverTime);
    m_top->setVisible(kind == ChartKind::CompanyMentions || kind == ChartKind::ClaimsOverTime);
}

void ChartsTab::request(bool refillMetrics)
{
    // a refill asked for and not yet drawn goes with the request that replaces it
    m_needsRefill = m_needsRefill || refillMetrics;
    refillMetrics = m_needsRefill;
    updateControls(currentKind());
    m_evidenceTicket.cancel();
    m_evidence->clear();
    m_evidenceTitle->setText(tr("Click a bar to list the sentences behind it; double-click to open one."));
    m_model.reset();  // the chart in view stays until the new one comes, but no longer answers clicks
    m_export->setEnabled(false);
    if (!m_db) {
        m_chartTicket.cancel();
        setBusy(false);
        QChart* old = m_view->chart();
        m_view->setChart(new QChart);
        delete old;
        m_message->clear();
        m_message->setVisible(false);
        if (refillMetrics)
            refill({}, m_kind->currentData().toString(), m_metric->currentData().toString());
        m_needsRefill = false;
        return;
    }
    ChartRequest r;
    r.filter = m_filter;
    r.refillMetrics = refillMetrics;
    r.kind = m_kind->currentData().toString();
    r.metricKey = m_metric->currentData().toString();
    r.unit = m_metric->currentData(Qt::UserRole + 1).toString();
    r.hasMetrics = m_metric->count() > 0;
    r.bucket = static_cast<TimeBucket>(m_bucket->currentData().toInt());
    r.top = m_top->value();
    ChartModel sizing;
    sizing.kind = kindOf(r.kind);
    r.capacity = ChartBuilder::barCapacity(sizing, m_view->size().expandedTo(QSize(900, 560)));
    setBusy(true);
    loader()->request<ChartData>(
        m_chartTicket, this, !m_filter.isEmpty(), [r](ChartQuery& query) { return readChart(query, r); },
        [this](ChartData&& read) { showData(std::move(read)); },
        [this, r](const QString& error) {
            ChartData failed;
            failed.request = r;
            failed.request.refillMetrics = false;
            failed.error = error;
            showData(std::move(failed));
        });
}

static ChartData readChart(ChartQuery& query, const ChartRequest& asked)
{
    // On the worker thread: everything here reads the worker's connection.
    ChartData d;
    d.request = asked;
    ChartRequest& r = d.request;
    if (r.refillMetrics) {
        auto metrics = query.metrics(r.filter);
        if (metrics)
            d.metrics = std::move(*metrics);
        else
            d.metricsError = metrics.error();
        // what refill() will choose: the same kind and metric when they are still there
        QString preset;
        if (r.kind.startsWith(kPreset)) {
            const QString key = r.kind.mid(kPreset.size());
            const bool there = std::any_of(d.metrics.begin(), d.metrics.end(), [&](const MetricCount& m) {
                return m.key == key && (key == QStringLiteral("patents") || isUsageRate(m));
            });
            if (there)
                preset = key;
            else
                r.kind = kStatistic;
        }
        const QString wanted = preset.isEmpty() ? r.metricKey : preset;
        auto it = std::find_if(d.metrics.begin(), d.metrics.end(), [&](const MetricCount& m) { return m.key == wanted; });
        if (it == d.metrics.end())
            it = d.metrics.begin();
        r.hasMetrics = !d.metrics.empty();
        r.metricKey = it != d.metrics.end() ? it->key : QString();
        r.unit = it != d.metrics.end() ? it->unit : QString();
    }
    switch (kindOf(r.kind)) {
    case ChartKind::Statistic: {
        if (!r.hasMetrics) {
            d.error = QObject::tr("The documents under this filter report no statistics.");
            break;
        }
        auto series = query.statistics(r.filter, r.metricKey, r.unit);
        series ? void(d.series = std::move(*series)) : void(d.error = series.error());
        break;
    }
    case ChartKind::CompanyMentions:
    case ChartKind::CountryMentions: {
        const bool countries = kindOf(r.kind) == ChartKind::CountryMentions;
        auto counts = query.documentsPerEntity(r.filter, countries ? EntityKind::Country : EntityKind::Company,
                                               countries ? r.capacity : std::min(r.capacity, r.top));
        auto total = query.documentCount(r.filter);
        if (counts && total) {
            d.counts = std::move(*counts);
            d.total = *total;
        } else {
            d.error = counts ? total.error() : counts.error();
        }
        break;
    }
    case ChartKind::ClaimsOverTime: {
        auto companies = query.selectedCompanies(r.filter, r.top);
        if (!companies) {
            d.error = companies.error();
            break;
        }
        auto claims = query.claimsOverTime(r.filter, *companies, r.bucket);
        auto total = query.documentCount(r.filter);
        if (claims && total) {
            d.claims = std::move(*claims);
            d.total = *total;
        } else {
            d.error = claims ? total.error() : claims.error();
        }
        break;
    }
    }
    return d;
}

void ChartsTab::drawChart()
{
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
}

void ChartsTab::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_model) {  // a light or dark theme: draw again in its colours
        QChart* old = m_view->chart();
        drawChart();
        delete old;
    }
}

void ChartsTab::showData(ChartData&& d)
{
    setBusy(false);
    const ChartRequest& r = d.request;
    if (r.refillMetrics) {
        refill(d.metrics, r.kind, r.metricKey);
        m_needsRefill = false;
    }
    const ChartKind kind = currentKind();
    updateControls(kind);
    m_model.reset();
    QChart* old = m_view->chart();
    m_message->clear();
    m_message->setVisible(false);
    auto show = [&](ChartModel model) {
        m_model = std::move(model);
        drawChart();
        if (m_model->isEmpty()) {
            m_message->setText(tr("Nothing to chart for the current filter."));
            m_message->setVisible(true);
        } else if (!m_model->notes.isEmpty()) {
            m_message->setText(m_model->notes.join(u'\n'));  // conflicts and what was left out
            m_message->setVisible(true);
        }
    };
    if (!d.error.isEmpty()) {
        m_message->setText(d.error);
        m_message->setVisible(true);
        m_view->setChart(new QChart);
    } else if (kind == ChartKind::Statistic && d.series) {
        show(statisticModel(*d.series, r.filter, r.capacity));
    } else if ((kind == ChartKind::CompanyMentions || kind == ChartKind::CountryMentions) && d.counts) {
        show(mentionsModel(*d.counts, kind == ChartKind::CountryMentions ? EntityKind::Country : EntityKind::Company, r.filter,
                           d.total, r.capacity));
    } else if (kind == ChartKind::ClaimsOverTime && d.claims) {
        ChartModel model = claimsModel(*d.claims, r.filter, std::max(r.capacity, 40));
        model.documentCount = d.total;
        show(std::move(model));
    } else {
        m_view->setChart(new QChart);
    }
    if (!d.metricsError.isEmpty() && !m_message->isVisible()) {
        m_message->setText(d.metricsError);
        m_message->setVisible(true);
    }
    delete old;  // QChartView hands the previous chart back rather than deleting it
    m_export->setEnabled(canExport());
    Q_EMIT chartReady();
}

static Result<std::vector<Evidence>> readEvidence(ChartQuery& query, const ChartModel& model, const DocumentFilter& filter,
                                                  int set, int category)
{
    const auto c = static_cast<size_t>(category);
    switch (model.kind) {
    case ChartKind::Statistic:
        return query.statisticEvidence(filter, model.metricKey, model.unit, model.statisticValues[c]);
    case ChartKind::CompanyMentions:
    case ChartKind::CountryMentions:
        return query.entityEvidence(filter, model.kind == ChartKind::CountryMentions ? EntityKind::Country : EntityKind::Company,
                                    model.categories.at(category));
    case ChartKind::ClaimsOverTime:
        if (set >= 0 && static_cast<size_t>(set) < model.sets.size())
            return query.claimEvidence(filter, model.sets[static_cast<size_t>(set)].name, model.categories.at(category));
        break;
    }
    return std::vector<Evidence>{};
}

void ChartsTab::barClicked(int index, QBarSet* set, bool open)
{
    if (!m_model || !m_db)
        return;
    const int category = ChartBuilder::modelCategory(*m_model, index);
    if (category < 0 || category >= m_model->categories.size())
        return;
    int setIndex = -1;
    if (auto* series = qobject_cast<QAbstractBarSeries*>(sender()))
        setIndex = static_cast<int>(series->barSets().indexOf(set));
    QString what = m_model->categories.value(category);
    if (m_model->kind == ChartKind::ClaimsOverTime && setIndex >= 0)
        what = QStringLiteral("%1, %2").arg(m_model->sets[static_cast<size_t>(setIndex)].name, what);
    m_evidence->clear();
    m_evidenceTitle->setText(tr("%1: reading the sentences\u2026").arg(what));
    // Read on the worker: under a broad filter the sentences of a common company take long to find.
    auto show = [this, what, open](Result<std::vector<Evidence>>& found) {
        m_evidence->clear();
        if (!found) {
            m_evidenceTitle->setText(tr("%1: %2").arg(what, found.error()));
            return;
        }
        m_evidenceTitle->setText(tr("%1: %2 %3").arg(what).arg(found->size()).arg(found->size() == 1 ? tr("sentence") : tr("sentences")));
        for (const Evidence& e : *found) {
            auto* item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(e.fileName, e.sentence), m_evidence);
            item->setData(DocumentRole, static_cast<qint64>(e.documentId));
            item->setData(OrdinalRole, e.sentenceOrdinal);
            item->setToolTip(e.title);
        }
        Q_EMIT evidenceReady();
        if (open && !found->empty())
            Q_EMIT openDocument(found->front().documentId, found->front().sentenceOrdinal);
    };
    using Found = Result<std::vector<Evidence>>;
    loader()->request<Found>(
        m_evidenceTicket, this, false,
        [model = *m_model, filter = m_filter, setIndex, category](ChartQuery& query) {
            return readEvidence(query, model, filter, setIndex, category);
        },
        [show](Found&& found) { show(found); },
        [show](const QString& error) {
            Found failed(Error{error});
            show(failed);
        });
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
