#pragma once

#include "charts/ChartExporter.h"
#include "charts/ChartLoader.h"
#include "charts/ChartModel.h"
#include "query/DocumentFilter.h"

#include <QWidget>

#include <optional>

QT_BEGIN_NAMESPACE
class QBarSet;
class QChart;
class QChartView;
QT_END_NAMESPACE
class QComboBox;
class QLabel;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QSpinBox;
class QTimer;

namespace claimlens {
class Database;
}

namespace claimlens::charts {

struct ChartData;

/// The charts tab: statistic comparison (with presets for patents and usage rates), documents per
/// company and per country, claims over time. Follows the window's filter; a click on a bar lists
/// its sentences, a double click opens the first of them.
class ChartsTab : public QWidget {
    Q_OBJECT
public:
    explicit ChartsTab(QWidget* parent = nullptr);
    ~ChartsTab() override;

    /// Where the chart data is read: a worker thread with its own connection (the window shares
    /// one between its tabs). Without one, the tab makes its own on first use.
    void setLoader(ChartLoader* loader);
    /// The database to chart, owned by the window; nullptr shows nothing. The charts and the
    /// sentences behind a bar are read on the loader's connection to the same file.
    void setDatabase(claimlens::Database* db);
    /// A chart has been asked for and its data has not come back yet.
    bool isLoading() const;
    void setFilter(const claimlens::DocumentFilter& filter);
    bool canExport() const;

    /// Shows a chart kind; for Statistic, `metricKey` chooses the metric (else the current one).
    void showChart(ChartKind kind, const QString& metricKey = {});
    const ChartModel* currentModel() const { return m_model ? &*m_model : nullptr; }
    QChart* chart() const;
    /// Exports the current chart without asking (what the dialog does once answered).
    Status exportTo(const QString& path, const ExportOptions& options) const;

public Q_SLOTS:
    /// Data changed (an import): queries again.
    void reload();
    /// Opens the export dialog for the current chart.
    void exportCurrent();

Q_SIGNALS:
    void openDocument(qint64 documentId, int sentenceOrdinal);
    /// The chart asked for last is drawn (or its error shown).
    void chartReady();
    /// The sentences behind a clicked bar are listed.
    void evidenceReady();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    /// m_model as a chart in the view, in the palette's colours, its bars answering clicks and hovers.
    void drawChart();
    ChartLoader* loader();
    void refill(const std::vector<MetricCount>& metrics, const QString& kind, const QString& metric);
    void rebuild();
    void request(bool refillMetrics);
    void showData(ChartData&& data);
    void updateControls(ChartKind kind);
    void setBusy(bool busy);
    void showBusy();
    void placeBusy();
    void barClicked(int index, QBarSet* set, bool open);
    void evidenceActivated(QListWidgetItem* item);
    ChartKind currentKind() const;

    claimlens::Database* m_db = nullptr;
    DocumentFilter m_filter;
    QComboBox* m_kind;
    QComboBox* m_metric;
    QComboBox* m_bucket;
    QSpinBox* m_top;
    QPushButton* m_export;
    QChartView* m_view;
    QLabel* m_message;
    QLabel* m_evidenceTitle;
    QListWidget* m_evidence;
    QLabel* m_busy;
    QTimer* m_busyDelay;
    std::optional<ChartModel> m_model;
    bool m_refilling = false;
    bool m_loading = false;
    bool m_needsRefill = false;  ///< the metric list is to be read with the next chart
    ChartLoader* m_loader = nullptr;
    ChartTicket m_chartTicket;     ///< the chart in view
    ChartTicket m_evidenceTicket;  ///< the sentences of the bar clicked last
};

}  // namespace claimlens::charts
