#pragma once

#include "query/ChartQuery.h"

#include <QColor>
#include <QRectF>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

namespace claimlens::charts {

enum class LaneMode { Company, Country, Source };

struct TimelineTick {
    double day;  ///< Julian day
    QString label;
};

/// The time axis's ticks between Julian days `from` and `to` over `width` pixels: on whole years,
/// months or days, at least ~70 px apart so their labels never overlap.
std::vector<TimelineTick> timelineTicks(double from, double to, double width);

/// Claims laid out in lanes on a time axis, drawable into any painter: the widget paints it on
/// screen, the exporter into PNG, SVG and PDF.
class TimelinePicture {
public:
    /// A drawn mark and the claims under it, for hover and click.
    struct Mark {
        QRectF rect;
        std::vector<int> claims;  ///< indices into claims()
    };

    void setClaims(std::vector<TimelineClaim> claims, const QStringList& companies, LaneMode mode);
    const std::vector<TimelineClaim>& claims() const { return m_claims; }
    const QStringList& lanes() const { return m_lanes; }
    /// A lane's colour (its label's and its marks'): charts/SeriesPalette.h, grey for "other".
    QColor laneColour(qsizetype lane, bool dark) const;
    LaneMode mode() const { return m_mode; }
    int undatedCount() const { return m_undated; }

    /// The range of days (Julian day numbers) every dated claim fits in, with a margin.
    std::pair<double, double> fullRange() const;
    /// Paints the visible range [from, to) into `area`; returns the marks drawn. Marks are thinned
    /// to one per lane and pixel column, so a million claims draw as fast as the plot is wide.
    std::vector<Mark> paint(QPainter& painter, const QRectF& area, double from, double to, bool dark) const;

    static constexpr double kLabelWidth = 150;
    static constexpr double kRulerHeight = 30;
    static constexpr double kLaneHeight = 34;
    static constexpr double kUndatedHeight = 44;

private:
    std::vector<TimelineClaim> m_claims;
    QStringList m_lanes;                    ///< the last lane collects claims in no other lane
    std::vector<std::vector<int>> m_inLane;  ///< per claim, its lanes
    LaneMode m_mode = LaneMode::Company;
    int m_undated = 0;
};

/// The zoomable, pannable timeline: wheel or +/- zoom at the cursor, drag or arrows pan, 0 or Home
/// fits all; hover shows the claim, a click opens it.
class TimelineView : public QWidget {
    Q_OBJECT
public:
    explicit TimelineView(QWidget* parent = nullptr);

    void setClaims(std::vector<TimelineClaim> claims, const QStringList& companies, LaneMode mode);
    const TimelinePicture& picture() const { return m_picture; }
    std::pair<double, double> visibleRange() const { return {m_from, m_to}; }
    void setVisibleRange(double from, double to);

    QSize sizeHint() const override { return {900, 420}; }

public Q_SLOTS:
    void fitAll();
    void zoomIn() { zoomBy(0.5, 0.5); }
    void zoomOut() { zoomBy(2.0, 0.5); }

Q_SIGNALS:
    void claimClicked(qint64 documentId, int sentenceOrdinal);
    void rangeChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    /// factor < 1 zooms in; anchor is the fraction of the plot's width that stays put.
    void zoomBy(double factor, double anchor);
    void panBy(double fraction);
    const TimelinePicture::Mark* markAt(const QPointF& pos) const;
    double plotWidth() const;

    TimelinePicture m_picture;
    std::vector<TimelinePicture::Mark> m_marks;
    double m_from = 0;
    double m_to = 1;
    QPointF m_pressPos;
    double m_pressFrom = 0;
    bool m_dragging = false;
};

}  // namespace claimlens::charts
