#pragma once

#include "charts/ChartExporter.h"
#include "charts/ChartLoader.h"
#include "charts/TimelineView.h"
#include "query/ChartQuery.h"
#include "query/DocumentFilter.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace claimlens {
class Database;
}

namespace claimlens::charts {

struct TimelineData;

/// The claim timeline tab: one lane per selected company (or country, or source), each claim a
/// mark at its date, undated claims in their own strip. Follows the window's filter; a click on a
/// claim opens it in the reader.
class TimelineTab : public QWidget {
    Q_OBJECT
public:
    explicit TimelineTab(QWidget* parent = nullptr);

    /// Where the claims are read: a worker thread with its own connection (the window shares one
    /// between its tabs). Without one, the tab makes its own on first use.
    void setLoader(ChartLoader* loader);
    /// The database to show, owned by the window; nullptr shows nothing. The claims are read on
    /// the loader's connection to the same file.
    void setDatabase(claimlens::Database* db);
    /// Claims have been asked for and have not come back yet.
    bool isLoading() const { return m_loading; }
    void setFilter(const claimlens::DocumentFilter& filter);
    bool canExport() const;

    void setLaneMode(LaneMode mode);
    /// Plot claims when what they report happens, or when they were reported.
    void setDating(claimlens::TimelineDating dating);
    TimelineView* view() const { return m_view; }
    /// What an export of the visible range holds (picture, caption, CSV).
    ExportContent exportContent() const;
    Status exportTo(const QString& path, const ExportOptions& options) const;

    /// At most this many claims are drawn; the tab says when the filter matches more.
    static constexpr int kClaimLimit = 4000;

public Q_SLOTS:
    void reload();
    void exportCurrent();

Q_SIGNALS:
    void openDocument(qint64 documentId, int sentenceOrdinal);
    /// The claims asked for last are drawn (or the error shown).
    void timelineReady();

private:
    ChartLoader* loader();
    void showData(TimelineData&& data);
    void showBusy();
    /// Draws the claims read last, dated as the dating box says.
    void showClaims();

    claimlens::Database* m_db = nullptr;
    DocumentFilter m_filter;
    QComboBox* m_lanes;
    QComboBox* m_dating;
    std::vector<TimelineClaim> m_claims;  ///< as read, for drawing them again by the other date
    QStringList m_companies;
    QPushButton* m_export;
    QLabel* m_summary;
    TimelineView* m_view;
    bool m_truncated = false;
    int m_documents = 0;
    QStringList m_documentNames;
    QTimer* m_busyDelay;
    ChartLoader* m_loader = nullptr;
    ChartTicket m_ticket;
    bool m_loading = false;
};

}  // namespace claimlens::charts
