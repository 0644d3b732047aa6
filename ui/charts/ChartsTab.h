#pragma once

#include "charts/ChartExporter.h"
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

namespace claimlens {
class Database;
}

namespace claimlens::charts {

/// The charts tab: statistic comparison (with presets for patents and usage rates), documents per
/// company and per country, claims over time. Follows the window's filter; a click on a bar lists
/// its sentences, a double click opens the first of them.
class ChartsTab : public QWidget {
    Q_OBJECT
public:
    explicit ChartsTab(QWidget* parent = nullptr);
    ~ChartsTab() override;

    /// The GUI thread's read connection, owned by the window; nullptr shows nothing.
    void setDatabase(claimlens::Database* db);
    void setFilter(const claimlens::DocumentFilter& filter);
    bool canExport() const;

    /// Shows a chart kind; for Statistic, `metricKey` chooses the metric (else the current one).
    void showChart(ChartKind kind, const QString& metricKey = {});
    const ChartModel* currentModel() const { return m_model ? &*m_model : nullptr; }
    QChart* chart() const;
    /// Exports the current chart without asking (what the dialog does once answered).
    Status exportTo(const QString& path, const ExportOptions& options) const;
    /// The sentences behind category `category` of set `set` of the current model.
    std::vector<Evidence> evidenceFor(int set, int category) const;

public Q_SLOTS:
    /// Data changed (an import): queries again.
    void reload();
    /// Opens the export dialog for the current chart.
    void exportCurrent();

Q_SIGNALS:
    void openDocument(qint64 documentId, int sentenceOrdinal);

private:
    void refill();
    void rebuild();
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
    std::optional<ChartModel> m_model;
    bool m_refilling = false;
};

}  // namespace claimlens::charts
