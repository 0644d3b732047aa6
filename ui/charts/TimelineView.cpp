#include "charts/TimelineView.h"

#include "charts/ChartModel.h"
#include "charts/SeriesPalette.h"

#include <QDate>
#include <QHash>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace claimlens::charts {
namespace {

constexpr int kMaxLanes = 8;

/// [first day, day after the last) of a partial date, in Julian days.
std::pair<double, double> daySpan(const PartialDate& d)
{
    switch (d.precision) {
    case DatePrecision::Day: {
        const double jd = static_cast<double>(QDate(d.year, d.month, d.day).toJulianDay());
        return {jd, jd + 1};
    }
    case DatePrecision::Month: {
        const QDate first(d.year, d.month, 1);
        return {static_cast<double>(first.toJulianDay()), static_cast<double>(first.addMonths(1).toJulianDay())};
    }
    case DatePrecision::Year:
        return {static_cast<double>(QDate(d.year, 1, 1).toJulianDay()),
                static_cast<double>(QDate(d.year + 1, 1, 1).toJulianDay())};
    case DatePrecision::None:
        break;
    }
    return {0, 0};
}

QString dateText(const TimelineClaim& c)
{
    if (!c.date.isValid())
        return QStringLiteral("undated");
    return c.date.iso() + (c.datedByDocument ? QStringLiteral(" (the document's date)") : QString());
}

QString otherLaneName(LaneMode mode)
{
    switch (mode) {
    case LaneMode::Company:
        return QStringLiteral("Other or none");
    case LaneMode::Country:
        return QStringLiteral("No country named");
    case LaneMode::Source:
        return QStringLiteral("No source");
    }
    return {};
}


}  // namespace

std::vector<TimelineTick> timelineTicks(double from, double to, double width)
{
    std::vector<TimelineTick> out;
    const double span = to - from;
    const double perPixel = span / std::max(1.0, width);
    const double minDays = 70 * perPixel;       // a year or a month label needs about 70 px
    const double dayLabelDays = 100 * perPixel; // "12 Mar 2024" about 100
    const QDate start = QDate::fromJulianDay(static_cast<qint64>(std::floor(from)));
    const QDate end = QDate::fromJulianDay(static_cast<qint64>(std::ceil(to)));
    if (dayLabelDays > 14) {
        int stepMonths = 1;
        for (int s : {1, 2, 3, 6, 12, 24, 60, 120, 240, 600}) {
            stepMonths = s;
            if (s * 30.4 >= minDays)
                break;
        }
        if (stepMonths >= 12) {
            const int years = stepMonths / 12;
            for (int y = start.year() / years * years; y <= end.year(); y += years)
                out.push_back({static_cast<double>(QDate(y, 1, 1).toJulianDay()), QString::number(y)});
        } else {
            for (QDate d(start.year(), 1, 1); d <= end; d = d.addMonths(stepMonths))
                out.push_back({static_cast<double>(d.toJulianDay()),
                               d.month() == 1 ? QString::number(d.year()) : QLocale(QLocale::English).toString(d, QStringLiteral("MMM"))});
        }
    } else {
        // the smallest step that keeps the labels apart: a day, two, a week, two weeks
        const int step = dayLabelDays > 7 ? 14 : dayLabelDays > 2 ? 7 : dayLabelDays > 1 ? 2 : 1;
        for (QDate d = start; d <= end; d = d.addDays(step))
            out.push_back({static_cast<double>(d.toJulianDay()), QLocale(QLocale::English).toString(d, QStringLiteral("d MMM yyyy"))});
    }
    return out;
}

void TimelinePicture::setClaims(std::vector<TimelineClaim> claims, const QStringList& companies, LaneMode mode)
{
    m_claims = std::move(claims);
    m_mode = mode;
    m_lanes.clear();
    if (mode == LaneMode::Company) {
        m_lanes = companies.mid(0, kMaxLanes);
    } else {
        QHash<QString, int> counts;
        for (const TimelineClaim& c : m_claims) {
            if (!c.date.isValid())
                continue;  // a lane holds dated claims; the undated have their strip
            if (mode == LaneMode::Country)
                for (const QString& country : c.countries)
                    ++counts[country];
            else if (!c.source.isEmpty())
                ++counts[c.source];
        }
        QStringList names = counts.keys();
        std::sort(names.begin(), names.end(), [&](const QString& a, const QString& b) {
            return counts.value(a) != counts.value(b) ? counts.value(a) > counts.value(b) : a < b;
        });
        m_lanes = names.mid(0, kMaxLanes);
    }
    m_inLane.assign(m_claims.size(), {});
    m_undated = 0;
    bool other = false;
    for (size_t i = 0; i < m_claims.size(); ++i) {
        const TimelineClaim& c = m_claims[i];
        if (!c.date.isValid()) {
            ++m_undated;
            continue;
        }
        const QStringList& keys = mode == LaneMode::Company   ? c.actors
                                  : mode == LaneMode::Country ? c.countries
                                                              : QStringList{c.source};
        for (qsizetype l = 0; l < m_lanes.size(); ++l)
            if (keys.contains(m_lanes.at(l)))
                m_inLane[i].push_back(static_cast<int>(l));
        if (m_inLane[i].empty()) {
            m_inLane[i].push_back(static_cast<int>(m_lanes.size()));  // never dropped: the last lane
            other = true;
        }
    }
    if (other)
        m_lanes.append(otherLaneName(mode));
}

std::pair<double, double> TimelinePicture::fullRange() const
{
    double lo = 0, hi = 0;
    bool any = false;
    for (const TimelineClaim& c : m_claims) {
        if (!c.date.isValid())
            continue;
        const auto [a, b] = daySpan(c.date);
        lo = any ? std::min(lo, a) : a;
        hi = any ? std::max(hi, b) : b;
        any = true;
    }
    if (!any) {
        const double today = static_cast<double>(QDate::currentDate().toJulianDay());
        return {today - 365, today + 30};
    }
    const double margin = std::max(15.0, (hi - lo) * 0.03);
    return {lo - margin, hi + margin};
}

QColor TimelinePicture::laneColour(qsizetype lane, bool dark) const
{
    // the palette's series in order, as the charts stack the same companies; "other" in grey
    if (!m_lanes.isEmpty() && lane == m_lanes.size() - 1 && m_lanes.last() == otherLaneName(m_mode))
        return palette::neutral(dark);
    return palette::seriesColour(lane, dark);
}

std::vector<TimelinePicture::Mark> TimelinePicture::paint(QPainter& painter, const QRectF& area, double from, double to,
                                                          bool dark) const
{
    std::vector<Mark> marks;
    const QColor text = palette::text(dark);
    const QColor grid = dark ? QColor(0x55, 0x58, 0x66) : QColor(0xdd, 0xdd, 0xdd);
    const QColor shade = palette::shade(dark);
    painter.save();
    painter.setClipRect(area);
    painter.fillRect(area, palette::background(dark));
    const double plotLeft = area.left() + kLabelWidth;
    const double plotWidth = std::max(1.0, area.width() - kLabelWidth - 10);
    const double plotRight = plotLeft + plotWidth;
    const double span = std::max(1e-6, to - from);
    auto xOf = [&](double day) { return plotLeft + (day - from) / span * plotWidth; };
    const double lanesTop = area.top() + kRulerHeight;
    const double lanesHeight = std::max(kLaneHeight, area.height() - kRulerHeight - kUndatedHeight - 8);
    const double laneHeight = m_lanes.isEmpty() ? kLaneHeight : std::min(kLaneHeight * 2, lanesHeight / m_lanes.size());
    const double undatedTop = lanesTop + laneHeight * std::max<qsizetype>(1, m_lanes.size()) + 8;

    QFont font = painter.font();
    font.setPointSizeF(9);
    font.setBold(false);
    painter.setFont(font);
    const QFontMetricsF fm(font, painter.device());

    // lanes and their labels
    for (qsizetype l = 0; l < m_lanes.size(); ++l) {
        const QRectF lane(area.left(), lanesTop + l * laneHeight, area.width(), laneHeight);
        if (l % 2 == 0)
            painter.fillRect(lane, shade);
        painter.setPen(laneColour(l, dark));
        painter.drawText(QRectF(lane.left() + 8, lane.top(), kLabelWidth - 14, lane.height()), Qt::AlignVCenter | Qt::AlignLeft,
                         fm.elidedText(m_lanes.at(l), Qt::ElideRight, kLabelWidth - 14));
    }
    // ruler
    painter.setPen(grid);
    painter.drawLine(QPointF(plotLeft, lanesTop), QPointF(plotRight, lanesTop));
    for (const TimelineTick& t : timelineTicks(from, to, plotWidth)) {
        const double x = xOf(t.day);
        if (x < plotLeft || x > plotRight)
            continue;
        painter.setPen(grid);
        painter.drawLine(QPointF(x, lanesTop - 6), QPointF(x, undatedTop - 8));
        painter.setPen(text);
        painter.drawText(QPointF(x + 3, lanesTop - 10), t.label);
    }

    // dated claims, one mark per lane and pixel span: identical spans merge and count
    QHash<QString, size_t> merged;
    for (size_t i = 0; i < m_claims.size(); ++i) {
        const TimelineClaim& c = m_claims[i];
        if (!c.date.isValid())
            continue;
        const auto [a, b] = daySpan(c.date);
        if (b < from || a > to)
            continue;
        double x0 = xOf(a), x1 = xOf(b);
        const bool point = c.date.precision == DatePrecision::Day || x1 - x0 < 6;
        if (point) {
            const double mid = (x0 + x1) / 2;
            x0 = mid - 4;
            x1 = mid + 4;
        }
        for (int l : m_inLane[i]) {
            const double top = lanesTop + l * laneHeight;
            const QRectF rect = point ? QRectF(x0, top + laneHeight / 2 - 4, 8, 8)
                                      : QRectF(x0, top + laneHeight * 0.25, x1 - x0, laneHeight * 0.5);
            // reviewed claims are marks of their own: a mark is ringed only when all its claims were reviewed
            const QString key = QStringLiteral("%1:%2:%3:%4:%5")
                                    .arg(l)
                                    .arg(qRound(rect.left()))
                                    .arg(qRound(rect.right()))
                                    .arg(c.datedByDocument)
                                    .arg(c.reviewed);
            const auto it = merged.constFind(key);
            if (it != merged.cend()) {
                marks[*it].claims.push_back(static_cast<int>(i));
                continue;
            }
            merged.insert(key, marks.size());
            marks.push_back({rect, {static_cast<int>(i)}});
            const QColor colour = laneColour(l, dark);
            QColor fill = colour;
            fill.setAlphaF(point ? 0.9 : 0.35);
            painter.setPen(QPen(colour, 1.2));
            // a claim dated only by its document is drawn hollow: its own text gives no date
            painter.setBrush(c.datedByDocument ? Qt::NoBrush : QBrush(fill));
            if (point)
                painter.drawEllipse(rect);
            else
                painter.drawRoundedRect(rect, 3, 3);
            if (c.reviewed) {  // an analyst checked it: a second ring around the mark
                painter.setBrush(Qt::NoBrush);
                const QRectF ring = rect.adjusted(-2.5, -2.5, 2.5, 2.5);
                if (point)
                    painter.drawEllipse(ring);
                else
                    painter.drawRoundedRect(ring, 4, 4);
            }
        }
    }
    painter.setPen(text);
    for (const Mark& m : marks)
        if (m.claims.size() > 1 && m.rect.width() > fm.horizontalAdvance(QString::number(m.claims.size())) + 6)
            painter.drawText(m.rect, Qt::AlignCenter, formatNumber(static_cast<double>(m.claims.size())));

    // undated claims: their own strip, in document order, thinned to one mark per 6 px
    const QRectF strip(area.left(), undatedTop, area.width(), kUndatedHeight);
    painter.fillRect(strip, shade);
    painter.setPen(text);
    painter.drawText(QRectF(strip.left() + 8, strip.top(), kLabelWidth - 14, strip.height()), Qt::AlignVCenter | Qt::AlignLeft,
                     QStringLiteral("Undated (%1)").arg(formatNumber(m_undated)));
    if (m_undated > 0) {
        const double slot = std::max(6.0, plotWidth / m_undated);
        const QColor colour = palette::neutral(dark);
        painter.setPen(QPen(colour, 1));
        painter.setBrush(colour);
        const int columns = std::max(1, static_cast<int>(plotWidth / slot));
        int n = 0;
        int lastColumn = -1;
        for (size_t i = 0; i < m_claims.size(); ++i) {
            if (m_claims[i].date.isValid())
                continue;
            const int column = static_cast<int>(static_cast<long long>(n) * columns / m_undated);
            ++n;
            if (column == lastColumn) {
                marks.back().claims.push_back(static_cast<int>(i));
                continue;
            }
            lastColumn = column;
            const QRectF rect(plotLeft + column * slot, strip.center().y() - 4, std::min(8.0, slot - 1), 8);
            marks.push_back({rect, {static_cast<int>(i)}});
            painter.drawRect(rect);
        }
    }
    painter.restore();
    return marks;
}

TimelineView::TimelineView(QWidget* parent) : QWidget(parent)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumHeight(200);
}

void TimelineView::setClaims(std::vector<TimelineClaim> claims, const QStringList& companies, LaneMode mode)
{
    m_picture.setClaims(std::move(claims), companies, mode);
    fitAll();
}

void TimelineView::setVisibleRange(double from, double to)
{
    if (to - from < 2)  // two days at the closest
        to = from + 2;
    m_from = from;
    m_to = to;
    update();
    Q_EMIT rangeChanged();
}

void TimelineView::fitAll()
{
    const auto [from, to] = m_picture.fullRange();
    setVisibleRange(from, to);
}

double TimelineView::plotWidth() const
{
    return std::max(1.0, width() - TimelinePicture::kLabelWidth - 10);
}

void TimelineView::zoomBy(double factor, double anchor)
{
    const double span = m_to - m_from;
    const double at = m_from + anchor * span;
    setVisibleRange(at - anchor * span * factor, at + (1 - anchor) * span * factor);
}

void TimelineView::panBy(double fraction)
{
    const double shift = (m_to - m_from) * fraction;
    setVisibleRange(m_from + shift, m_to + shift);
}

void TimelineView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    m_marks = m_picture.paint(painter, rect(), m_from, m_to, palette().color(QPalette::Window).lightness() < 128);
}

void TimelineView::wheelEvent(QWheelEvent* event)
{
    const double anchor = std::clamp((event->position().x() - TimelinePicture::kLabelWidth) / plotWidth(), 0.0, 1.0);
    const double steps = event->angleDelta().y() / 120.0;
    zoomBy(std::pow(0.8, steps), anchor);
    event->accept();
}

void TimelineView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    m_pressPos = event->position();
    m_pressFrom = m_from;
    m_dragging = false;
}

void TimelineView::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton) {
        const double dx = event->position().x() - m_pressPos.x();
        if (std::abs(dx) > 3)
            m_dragging = true;
        if (m_dragging) {
            const double span = m_to - m_from;
            setVisibleRange(m_pressFrom - dx / plotWidth() * span, m_pressFrom - dx / plotWidth() * span + span);
        }
        return;
    }
    const TimelinePicture::Mark* mark = markAt(event->position());
    if (!mark) {
        QToolTip::hideText();
        return;
    }
    const TimelineClaim& c = m_picture.claims()[static_cast<size_t>(mark->claims.front())];
    QString tip = QStringLiteral("<b>%1</b>").arg(dateText(c).toHtmlEscaped());
    if (!c.actors.isEmpty() || !c.countries.isEmpty())
        tip += QStringLiteral(" · %1").arg((c.actors + c.countries).join(QStringLiteral(", ")).toHtmlEscaped());
    if (!c.source.isEmpty())
        tip += QStringLiteral(" · according to %1").arg(c.source.toHtmlEscaped());
    tip += QStringLiteral("<br>%1<br><i>%2</i>").arg(c.text.toHtmlEscaped(), c.fileName.toHtmlEscaped());
    if (c.reviewed)
        tip += QStringLiteral("<br>Reviewed by an analyst");
    if (mark->claims.size() > 1)
        tip += QStringLiteral("<br>and %1 more claims here; zoom in to part them").arg(mark->claims.size() - 1);
    QToolTip::showText(event->globalPosition().toPoint(), tip, this);
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return;
    if (!m_dragging)
        if (const TimelinePicture::Mark* mark = markAt(event->position())) {
            const TimelineClaim& c = m_picture.claims()[static_cast<size_t>(mark->claims.front())];
            Q_EMIT claimClicked(c.documentId, c.sentenceOrdinal);
        }
    m_dragging = false;
}

void TimelineView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        panBy(-0.2);
        break;
    case Qt::Key_Right:
        panBy(0.2);
        break;
    case Qt::Key_0:
    case Qt::Key_Home:
        fitAll();
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

const TimelinePicture::Mark* TimelineView::markAt(const QPointF& pos) const
{
    for (auto it = m_marks.rbegin(); it != m_marks.rend(); ++it)
        if (it->rect.adjusted(-2, -2, 2, 2).contains(pos))
            return &*it;
    return nullptr;
}

}  // namespace claimlens::charts
