#include "FactsTab.h"

#include "ColumnFitter.h"

#include "query/ReaderQuery.h"
#include "review/Correction.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace claimlens::ui {
namespace {

constexpr int kFactRole = Qt::UserRole + 1;  ///< index into m_facts
constexpr int kSortRole = Qt::UserRole + 2;

QStandardItem* item(const QString& text, const QVariant& sortKey = {})
{
    auto* i = new QStandardItem(text);
    i->setEditable(false);
    i->setData(sortKey.isValid() ? sortKey : QVariant(text), kSortRole);
    return i;
}

QString spread(const Fact& f)
{
    const QString low = ReaderQuery::formatValue(f.low, f.unit);
    return f.low == f.high ? low : QStringLiteral("%1 \u2013 %2").arg(low, ReaderQuery::formatValue(f.high, f.unit));
}

}  // namespace

FactsTab::FactsTab(QWidget* parent)
    : QWidget(parent),
      m_factModel(new QStandardItemModel(0, ColumnCount, this)),
      m_factProxy(new QSortFilterProxyModel(this)),
      m_readingModel(new QStandardItemModel(0, ReadingColumnCount, this)),
      m_factView(new QTableView(this)),
      m_readingView(new QTableView(this)),
      m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("facts"));
    m_factModel->setHorizontalHeaderLabels({tr("Subject"), tr("Metric"), tr("Period"), tr("Values"), tr("Unit"),
                                            tr("Documents"), tr("Disagree"), tr("Reviewed")});
    m_readingModel->setHorizontalHeaderLabels({tr("Document"), tr("Published"), tr("Value"), tr("Review"), tr("Sentence")});
    m_factProxy->setSourceModel(m_factModel);
    m_factProxy->setSortRole(kSortRole);
    m_factView->setObjectName(QStringLiteral("factView"));
    m_readingView->setObjectName(QStringLiteral("factReadingView"));
    for (QTableView* v : {m_factView, m_readingView}) {
        v->setSelectionBehavior(QAbstractItemView::SelectRows);
        v->setSelectionMode(QAbstractItemView::SingleSelection);
        v->verticalHeader()->hide();
        v->setAlternatingRowColors(true);
        v->setWordWrap(false);
        v->horizontalHeader()->setHighlightSections(false);
    }
    m_factView->setModel(m_factProxy);
    m_factView->setSortingEnabled(true);
    m_factView->sortByColumn(Documents, Qt::DescendingOrder);
    // the metric's words stretch and yield first; the counts, the flag and the review stay in view
    new ColumnFitter(m_factView, Metric, 120,
                     {{Subject, 130, 90, false}, {Period, 80, 60, false}, {Values, 190, 120, false}, {Unit, 80, 50, false},
                      {Documents, 90, 90, true}, {Disagree, 80, 80, true}, {Reviewed, 80, 80, true}});
    m_readingView->setModel(m_readingModel);
    m_readingView->horizontalHeader()->setStretchLastSection(true);
    m_readingView->horizontalHeader()->setResizeContentsPrecision(200);  // widths from the first rows, not a thousand
    m_readingView->setContextMenuPolicy(Qt::CustomContextMenu);
    m_readingView->setToolTip(tr("Double-click to read the sentence; right-click (or Space, Delete, F2) to confirm, "
                                 "reject or correct the reading"));

    m_summary->setObjectName(QStringLiteral("factSummary"));
    auto* readingPane = new QWidget(this);
    auto* readingLayout = new QVBoxLayout(readingPane);
    readingLayout->setContentsMargins(0, 0, 0, 0);
    readingLayout->addWidget(m_summary);
    readingLayout->addWidget(m_readingView, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_factView);
    split->addWidget(readingPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(m_factView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &FactsTab::showReadings);
    connect(m_factView, &QTableView::activated, this, [this] { m_readingView->setFocus(); });
    connect(m_readingView, &QTableView::activated, this, [this] {
        if (const FactReading* r = currentReading())
            Q_EMIT openSentence(r->documentId, r->sentenceOrdinal);
    });
    connect(m_readingView, &QWidget::customContextMenuRequested, this, &FactsTab::readingMenu);
    // the review keys, as in the reader's menu: Space confirms, Delete rejects, F2 corrects
    for (auto [key, action, edit] : {std::tuple{Qt::Key_Space, CorrectionAction::Confirm, false},
                                     std::tuple{Qt::Key_Delete, CorrectionAction::Reject, false},
                                     std::tuple{Qt::Key_F2, CorrectionAction::Edit, true}}) {
        auto* a = new QAction(m_readingView);
        a->setShortcut(QKeySequence(key));
        a->setShortcutContext(Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, [this, action = action, edit = edit] {
            if (const FactReading* r = currentReading())
                Q_EMIT readingReviewed(r->documentId, r->start, r->end, static_cast<int>(action), edit);
        });
        m_readingView->addAction(a);
    }
}

void FactsTab::setDatabase(Database* db)
{
    m_db = db;
    load();
}

void FactsTab::setFilter(const DocumentFilter& filter)
{
    m_filter = filter;
    load();
}

void FactsTab::reload()
{
    load();
}

void FactsTab::load()
{
    // keep the fact in view across a reload: by what it is, not where it was
    const std::optional<Fact> keep = m_selected;  // survives the window's reload with no database between
    if (!m_db) {
        m_requests.cancel();
        m_loading = false;
        showFacts(std::vector<Fact>{}, keep);
        return;
    }
    m_loading = true;
    if (m_facts.empty())
        m_summary->setText(tr("Reading the facts\u2026"));
    const DocumentFilter filter = m_filter;
    readOnWorker(QStringLiteral("claimlens-facts"), m_requests,
                 [filter](FactsQuery& q) { return q.facts(filter); },
                 [this, keep](Result<std::vector<Fact>> facts) {
                     m_loading = false;
                     showFacts(std::move(facts), keep);
                 });
}

template <typename Read, typename Show>
void FactsTab::readOnWorker(const QString& name, async::Line& line, Read read, Show show)
{
    m_workers.start(name, [this, self = QPointer<QObject>(this), path = m_db->path(), read = std::move(read),
                           show = std::move(show), request = line.next()]() mutable {
        if (!request.isCurrent())
            return;  // a newer request came before this one started
        auto db = Database::openForReading(path);  // its own connection: the window's stays free
        using Answer = decltype(read(std::declval<FactsQuery&>()));
        Answer answer = Error{QString()};
        if (db) {
            FactsQuery q(*db);
            answer = read(q);
        } else {
            answer = Error{db.error()};
        }
        async::deliver(this, self, request, [this, answer = std::move(answer), show = std::move(show)]() mutable {
            show(std::move(answer));
            Q_EMIT factsLoaded();
        });
    });
}

void FactsTab::showFacts(Result<std::vector<Fact>> facts, const std::optional<Fact>& keep)
{
    m_factModel->removeRows(0, m_factModel->rowCount());
    m_facts.clear();
    if (!facts) {
        m_readingModel->removeRows(0, m_readingModel->rowCount());
        m_readings.clear();
        m_summary->setText(tr("Cannot read the facts: %1").arg(facts.error()));
        return;
    }
    m_facts = std::move(*facts);
    m_factView->setSortingEnabled(false);
    for (size_t i = 0; i < m_facts.size(); ++i) {
        const Fact& f = m_facts[i];
        QList<QStandardItem*> row{item(f.subject), item(f.metric), item(f.period), item(spread(f), f.high),
                                  item(f.unit), item(QString::number(f.documents), f.documents),
                                  item(f.disagree ? tr("\u26A0 yes") : QString(), f.disagree ? 1 : 0),
                                  item(f.reviewed == 0 ? QString() : tr("%1 of %2").arg(f.reviewed).arg(f.readings),
                                       f.readings ? double(f.reviewed) / f.readings : 0.0)};
        row[0]->setData(static_cast<int>(i), kFactRole);
        if (f.disagree)
            row[Disagree]->setForeground(QColor(0xd6, 0x33, 0x2f));
        row[Disagree]->setToolTip(f.disagree ? tr("Documents give values that differ beyond rounding") : QString());
        m_factModel->appendRow(row);
    }
    m_factView->setSortingEnabled(true);
    // the fact shown before, else the first: its sentences are what the analyst checks
    if (keep && selectFact(keep->subject, keep->metricKey))
        return;  // its sentences are being read
    if (m_factProxy->rowCount() > 0) {
        const QSignalBlocker quiet(m_factView->selectionModel());
        m_factView->setCurrentIndex(m_factProxy->index(0, 0));
    }
    showReadings();
}

bool FactsTab::selectFact(const QString& subject, const QString& metricKey)
{
    for (int r = 0; r < m_factProxy->rowCount(); ++r) {
        const int i = m_factProxy->index(r, 0).data(kFactRole).toInt();
        if (m_facts[static_cast<size_t>(i)].subject == subject && m_facts[static_cast<size_t>(i)].metricKey == metricKey) {
            const QSignalBlocker quiet(m_factView->selectionModel());  // one read of its sentences, below
            m_factView->setCurrentIndex(m_factProxy->index(r, 0));
            m_factView->scrollTo(m_factProxy->index(r, 0));
            showReadings();
            return true;
        }
    }
    return false;
}

void FactsTab::showReadings()
{
    m_readingModel->removeRows(0, m_readingModel->rowCount());
    m_readings.clear();
    const QModelIndex current = m_factView->currentIndex();
    if (!m_db || !current.isValid()) {
        m_readingRequests.cancel();
        m_loadingReadings = false;
        m_summary->setText(m_facts.empty() ? tr("No statistics in the documents the filter lets through")
                                           : tr("%1 facts. Select one to see the sentences that report it.").arg(m_facts.size()));
        return;
    }
    const Fact f = m_facts[static_cast<size_t>(m_factProxy->index(current.row(), 0).data(kFactRole).toInt())];
    m_selected = f;
    // its sentences on a worker too: a fact a thousand documents report joins a thousand rows
    m_loadingReadings = true;
    m_summary->setText(tr("Reading the sentences of %1 \u00B7 %2\u2026").arg(f.subject, f.metric));
    readOnWorker(QStringLiteral("claimlens-readings"), m_readingRequests,
                 [filter = m_filter, f](FactsQuery& q) { return q.readings(filter, f); },
                 [this, f](Result<std::vector<FactReading>> readings) {
                     m_loadingReadings = false;
                     fillReadings(std::move(readings), f);
                 });
}

void FactsTab::fillReadings(Result<std::vector<FactReading>> readings, const Fact& f)
{
    if (!readings) {
        m_summary->setText(readings.error());
        return;
    }
    m_readings = std::move(*readings);
    for (const FactReading& r : m_readings) {
        QList<QStandardItem*> row{item(r.title.isEmpty() ? r.fileName : r.title), item(r.published),
                                  item((r.qualifier.isEmpty() ? QString() : r.qualifier + u' ') +
                                       ReaderQuery::formatValue(r.value, f.unit)),
                                  item(r.review.isEmpty() ? tr("unreviewed") : r.review), item(r.sentence)};
        row[ReadingDocument]->setToolTip(r.fileName);
        row[ReadingSentence]->setToolTip(r.sentence);
        if (r.review.isEmpty())
            row[ReadingReview]->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
        m_readingModel->appendRow(row);
    }
    m_readingView->resizeColumnsToContents();  // measured on the first rows (the header's precision)
    // the sentence takes what is left and is elided there (its tooltip holds it whole)
    m_readingView->horizontalHeader()->setSectionResizeMode(ReadingSentence, QHeaderView::Stretch);
    m_readingView->setColumnWidth(ReadingDocument, std::min(m_readingView->columnWidth(ReadingDocument), 320));
    m_summary->setText(tr("%1 \u00B7 %2%3: %4 from %5, %6 of %7 readings reviewed%8")
                           .arg(f.subject, f.metric, f.period.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(f.period),
                                spread(f))
                           .arg(f.documents == 1 ? tr("1 document") : tr("%1 documents").arg(f.documents))
                           .arg(f.reviewed)
                           .arg(f.readings)
                           .arg(f.disagree ? tr(" \u2014 the documents disagree") : QString()));
}

const FactReading* FactsTab::currentReading() const
{
    const int row = m_readingView->currentIndex().row();
    return row >= 0 && row < static_cast<int>(m_readings.size()) ? &m_readings[static_cast<size_t>(row)] : nullptr;
}

void FactsTab::readingMenu(const QPoint& pos)
{
    const FactReading* r = currentReading();
    if (!r)
        return;
    const FactReading reading = *r;
    QMenu menu(this);
    menu.addAction(tr("&Read the Sentence"), this,
                   [this, reading] { Q_EMIT openSentence(reading.documentId, reading.sentenceOrdinal); });
    menu.addSeparator();
    auto decide = [&](const QString& text, CorrectionAction action, bool edit, QKeySequence key) {
        QAction* a = menu.addAction(text, this, [this, reading, action, edit] {
            Q_EMIT readingReviewed(reading.documentId, reading.start, reading.end, static_cast<int>(action), edit);
        });
        a->setShortcut(key);
    };
    decide(tr("&Confirm"), CorrectionAction::Confirm, false, QKeySequence(Qt::Key_Space));
    decide(tr("&Reject"), CorrectionAction::Reject, false, QKeySequence(Qt::Key_Delete));
    decide(tr("C&orrect\u2026"), CorrectionAction::Edit, true, QKeySequence(Qt::Key_F2));
    if (!reading.review.isEmpty())
        menu.addAction(tr("&Take Back the Decision"), this, [this, reading] {
            Q_EMIT readingReviewed(reading.documentId, reading.start, reading.end, -1, false);
        });
    menu.exec(m_readingView->viewport()->mapToGlobal(pos));
}

}  // namespace claimlens::ui
