#include "charts/TimelineTab.h"

#include "charts/ChartBuilder.h"
#include "charts/ExportDialog.h"
#include "query/ChartQuery.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QPainter>
#include <QSet>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace claimlens::charts {
namespace {

constexpr int kLaneCompanies = 8;

QString laneTitle(LaneMode mode)
{
    switch (mode) {
    case LaneMode::Company:
        return QStringLiteral("Claims over time by company");
    case LaneMode::Country:
        return QStringLiteral("Claims over time by country");
    case LaneMode::Source:
        return QStringLiteral("Claims over time by source");
    }
    return {};
}

}  // namespace

/// What the worker read for the timeline: plain ChartQuery results.
struct TimelineData {
    TimelineClaims claims;
    QStringList companies;
    int documents = 0;          ///< documents the claims come from
    QStringList documentNames;  ///< the first of them, for the export's caption
    QString error;
};

TimelineTab::TimelineTab(QWidget* parent)
    : QWidget(parent),
      m_lanes(new QComboBox(this)),
      m_dating(new QComboBox(this)),
      m_export(new QPushButton(tr("Export…"), this)),
      m_summary(new QLabel(this)),
      m_view(new TimelineView(this)),
      m_busyDelay(new QTimer(this))
{
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(150);
    connect(m_busyDelay, &QTimer::timeout, this, &TimelineTab::showBusy);
    m_lanes->addItem(tr("Lanes by company"), static_cast<int>(LaneMode::Company));
    m_lanes->addItem(tr("Lanes by country"), static_cast<int>(LaneMode::Country));
    m_lanes->addItem(tr("Lanes by source"), static_cast<int>(LaneMode::Source));
    m_dating->addItem(tr("When it happens"), static_cast<int>(TimelineDating::Event));
    m_dating->addItem(tr("When it was reported"), static_cast<int>(TimelineDating::Reported));
    m_dating->setToolTip(tr("Plot each claim at the date it gives for what it reports (its document's date standing in "
                            "where it gives none), or at the date its document was published"));
    auto* zoomIn = new QPushButton(tr("Zoom in"), this);
    auto* zoomOut = new QPushButton(tr("Zoom out"), this);
    auto* fit = new QPushButton(tr("Fit all"), this);
    zoomIn->setToolTip(tr("Zoom in (+, or the mouse wheel)"));
    zoomOut->setToolTip(tr("Zoom out (-)"));
    fit->setToolTip(tr("Show every dated claim (0 or Home); drag or use the arrow keys to pan"));
    auto* bar = new QHBoxLayout;
    bar->addWidget(m_lanes);
    bar->addWidget(m_dating);
    bar->addWidget(zoomIn);
    bar->addWidget(zoomOut);
    bar->addWidget(fit);
    bar->addWidget(m_summary, 1);
    bar->addWidget(m_export);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    connect(zoomIn, &QPushButton::clicked, m_view, &TimelineView::zoomIn);
    connect(zoomOut, &QPushButton::clicked, m_view, &TimelineView::zoomOut);
    connect(fit, &QPushButton::clicked, m_view, &TimelineView::fitAll);
    connect(m_lanes, &QComboBox::currentIndexChanged, this, &TimelineTab::reload);
    connect(m_dating, &QComboBox::currentIndexChanged, this, &TimelineTab::showClaims);
    connect(m_export, &QPushButton::clicked, this, &TimelineTab::exportCurrent);
    connect(m_view, &TimelineView::claimClicked, this, &TimelineTab::openDocument);
    reload();
}

void TimelineTab::setLoader(ChartLoader* loader)
{
    if (m_loader == loader)
        return;
    if (m_loader)
        disconnect(m_loader, nullptr, this, nullptr);
    m_ticket.cancel();
    m_loader = loader;
    connect(m_loader, &ChartLoader::preparing, this, [this] {
        if (m_loading)
            showBusy();
    });
}

ChartLoader* TimelineTab::loader()
{
    if (!m_loader)
        setLoader(new ChartLoader(this));
    return m_loader;
}

void TimelineTab::setDatabase(claimlens::Database* db)
{
    m_db = db;
    if (db)
        loader()->setDatabasePath(db->path());
    reload();
}

void TimelineTab::setFilter(const claimlens::DocumentFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void TimelineTab::showBusy()
{
    if (!m_loading)
        return;
    const int documents = m_loader ? m_loader->preparingDocuments() : 0;
    m_summary->setText(documents > 0 ? tr("Preparing chart data for %1 %2\u2026 (once after opening or changing the database)")
                                           .arg(formatNumber(documents), documents == 1 ? tr("document") : tr("documents"))
                                     : tr("Reading the claims\u2026"));
}

void TimelineTab::setLaneMode(LaneMode mode)
{
    m_lanes->setCurrentIndex(std::max(0, m_lanes->findData(static_cast<int>(mode))));
}

void TimelineTab::setDating(TimelineDating dating)
{
    m_dating->setCurrentIndex(std::max(0, m_dating->findData(static_cast<int>(dating))));
}

void TimelineTab::showClaims()
{
    const auto mode = static_cast<LaneMode>(m_lanes->currentData().toInt());
    std::vector<TimelineClaim> claims = m_claims;
    dateTimeline(claims, static_cast<TimelineDating>(m_dating->currentData().toInt()));
    m_view->setClaims(std::move(claims), m_companies, mode);
    const int shown = static_cast<int>(m_view->picture().claims().size());
    QString summary = tr("%1 claims, %2 undated").arg(formatNumber(shown), formatNumber(m_view->picture().undatedCount()));
    if (m_truncated)
        summary = tr("the first %1 claims shown, %2 undated; the filter matches more: narrow it to see them")
                      .arg(formatNumber(shown), formatNumber(m_view->picture().undatedCount()));
    m_summary->setText(summary);
    m_export->setEnabled(canExport());
}

bool TimelineTab::canExport() const
{
    return !m_view->picture().claims().empty();
}

void TimelineTab::reload()
{
    const auto mode = static_cast<LaneMode>(m_lanes->currentData().toInt());
    if (!m_db) {
        m_ticket.cancel();
        m_loading = false;
        m_busyDelay->stop();
        m_truncated = false;
        m_documents = 0;
        m_documentNames.clear();
        m_claims.clear();
        m_view->setClaims({}, {}, mode);
        m_summary->setText(tr("No database open."));
        m_export->setEnabled(false);
        return;
    }
    m_export->setEnabled(false);
    m_loading = true;
    if (m_loader && m_loader->preparingDocuments() > 0)
        showBusy();
    else
        m_busyDelay->start();
    const DocumentFilter filter = m_filter;
    loader()->request<TimelineData>(
        m_ticket, this, !filter.isEmpty(),
        [filter](ChartQuery& query) {
            // On the worker thread.
            TimelineData d;
            auto claims = query.timelineClaims(filter, kClaimLimit);
            auto companies = query.selectedCompanies(filter, kLaneCompanies);
            if (!claims || !companies) {
                d.error = claims ? companies.error() : claims.error();
                return d;
            }
            d.claims = std::move(*claims);
            d.companies = std::move(*companies);
            std::vector<std::int64_t> ids;
            QSet<std::int64_t> seen;
            for (const TimelineClaim& c : d.claims.claims)
                if (!seen.contains(c.documentId)) {
                    seen.insert(c.documentId);
                    if (ids.size() < 4)
                        ids.push_back(c.documentId);
                }
            d.documents = static_cast<int>(seen.size());
            if (auto refs = query.documentRefs(ids))
                for (const DocumentRef& r : *refs)
                    d.documentNames.append(r.fileName);
            return d;
        },
        [this](TimelineData&& d) { showData(std::move(d)); },
        [this](const QString& error) {
            TimelineData d;
            d.error = error;
            showData(std::move(d));
        });
}

void TimelineTab::showData(TimelineData&& d)
{
    const auto mode = static_cast<LaneMode>(m_lanes->currentData().toInt());
    m_loading = false;
    m_busyDelay->stop();
    m_truncated = false;
    m_documents = 0;
    m_documentNames.clear();
    m_claims.clear();
    if (!d.error.isEmpty()) {
        m_view->setClaims({}, {}, mode);
        m_summary->setText(d.error);
        m_export->setEnabled(false);
        Q_EMIT timelineReady();
        return;
    }
    m_truncated = d.claims.truncated;
    m_documents = d.documents;
    m_documentNames = d.documentNames;
    m_claims = std::move(d.claims.claims);
    m_companies = d.companies;
    showClaims();
    Q_EMIT timelineReady();
}

ExportContent TimelineTab::exportContent() const
{
    ExportContent c;
    const TimelinePicture& picture = m_view->picture();
    c.title = laneTitle(picture.mode());
    QString from = tr("; from %1 %2").arg(formatNumber(m_documents), m_documents == 1 ? tr("document") : tr("documents"));
    if (!m_documentNames.isEmpty())
        from += QStringLiteral(": ") + m_documentNames.join(QStringLiteral(", ")) +
                (m_documents > m_documentNames.size() ? tr(" and %1 more").arg(formatNumber(m_documents - m_documentNames.size())) : QString());
    const auto [first, last] = m_view->visibleRange();
    const auto reviewed = static_cast<double>(std::count_if(picture.claims().begin(), picture.claims().end(),
                                                            [](const TimelineClaim& t) { return t.reviewed; }));
    c.caption = QStringList{
        c.title,
        m_dating->currentData().toInt() == static_cast<int>(TimelineDating::Reported)
            ? tr("Unit: time, when each claim was reported (its document's publication); a dot is dated to the day, "
                 "a bar to the month or year%1")
                  .arg(from)
            : tr("Unit: time, when what each claim reports happens; a dot is a claim dated to the day, a bar one dated "
                 "to the month or year, hollow marks are dated by their document%1")
                  .arg(from),
        tr("Reviewed by an analyst (ringed): %1 of %2 claims").arg(formatNumber(reviewed), formatNumber(static_cast<double>(picture.claims().size()))),
        tr("Filter: %1").arg(describeFilter(m_filter)),
        tr("Shown: %1 to %2; %3 claims, %4 undated%5")
            .arg(QDate::fromJulianDay(static_cast<qint64>(first)).toString(Qt::ISODate),
                 QDate::fromJulianDay(static_cast<qint64>(last)).toString(Qt::ISODate), formatNumber(picture.claims().size()),
                 formatNumber(picture.undatedCount()),
                 m_truncated ? tr(" (the first stored; the filter matches more)") : QString()),
        tr("Made with Claimlens")};
    c.csvHeader = QStringList{QStringLiteral("claim_id"),  QStringLiteral("document_id"), QStringLiteral("file"),
                              QStringLiteral("sentence_ordinal"), QStringLiteral("date"), QStringLiteral("dated_by_document"),
                              QStringLiteral("companies"), QStringLiteral("countries"), QStringLiteral("source"),
                              QStringLiteral("text"), QStringLiteral("event_date"), QStringLiteral("reported"),
                              QStringLiteral("reviewed")};
    for (const TimelineClaim& t : picture.claims())
        c.csvRows.push_back({QString::number(t.id), QString::number(t.documentId), t.fileName, QString::number(t.sentenceOrdinal),
                             t.date.iso(), t.datedByDocument ? QStringLiteral("yes") : QStringLiteral("no"),
                             t.actors.join(u'|'), t.countries.join(u'|'), t.source, t.text, t.event.iso(), t.reported.iso(),
                             t.reviewed ? QStringLiteral("yes") : QStringLiteral("no")});
    c.draw = [picture, first = first, last = last, title = c.title](QPainter& painter, const QRectF& area, bool dark) {
        QFont font = painter.font();
        font.setPointSizeF(13);
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(dark ? QColor(0xee, 0xee, 0xee) : QColor(0x22, 0x22, 0x22));
        const QRectF titleRect(area.left(), area.top() + 6, area.width(), 30);
        painter.drawText(titleRect, Qt::AlignCenter, title);
        picture.paint(painter, area.adjusted(8, 42, -8, -4), first, last, dark);
    };
    return c;
}

Status TimelineTab::exportTo(const QString& path, const ExportOptions& options) const
{
    if (!canExport())
        return Error{tr("There is no timeline to export.")};
    return ChartExporter::write(exportContent(), path, options);
}

void TimelineTab::exportCurrent()
{
    if (!canExport())
        return;
    ExportDialog dialog(QStringLiteral("claim-timeline"), m_view->size(), ChartBuilder::isDark(palette()), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (Status s = dialog.exportContent(exportContent()); !s)
        m_summary->setText(s.error());
}

}  // namespace claimlens::charts
