#pragma once

#include "AsyncTask.h"
#include "query/FactsQuery.h"

#include <QWidget>

#include <optional>

class QLabel;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;

namespace claimlens::ui {

/// The Facts table: the statistics of the filtered documents grouped by subject, metric and
/// period, each with the documents reporting it, the spread of their values, whether they
/// disagree and how much of it an analyst reviewed; below, the sentences of the fact selected,
/// where each reading is confirmed, rejected or corrected. Where the analyst cleans a chart before
/// exporting it.
class FactsTab : public QWidget {
    Q_OBJECT
public:
    enum Column { Subject, Metric, Period, Values, Unit, Documents, Disagree, Reviewed, ColumnCount };
    enum ReadingColumn { ReadingDocument, ReadingPublished, ReadingValue, ReadingReview, ReadingSentence, ReadingColumnCount };

    explicit FactsTab(QWidget* parent = nullptr);

    void setDatabase(Database* db);
    void setFilter(const DocumentFilter& filter);
    /// Reads the facts again (after a review), keeping the fact selected.
    void reload();
    /// The facts, and the sentences of the fact selected, are read on worker threads (a grouping
    /// of every statistic takes seconds at 100,000 documents); true until both are listed.
    bool isLoading() const { return m_loading || m_loadingReadings; }

    QTableView* factView() const { return m_factView; }
    QTableView* readingView() const { return m_readingView; }
    const std::vector<Fact>& facts() const { return m_facts; }
    const std::vector<FactReading>& readings() const { return m_readings; }
    /// Selects the fact of a subject and metric key (for tests); false when none is listed.
    bool selectFact(const QString& subject, const QString& metricKey);

Q_SIGNALS:
    /// Open a reading's sentence in the reader.
    void openSentence(qint64 documentId, int sentenceOrdinal);
    /// The analyst decided about a reading: `action` is a CorrectionAction, or -1 to take the
    /// decision back; `edit` opens the editor first.
    void readingReviewed(qint64 documentId, qsizetype start, qsizetype end, int action, bool edit);
    /// The facts or the sentences asked for last are listed (or the error shown).
    void factsLoaded();

private:
    void load();
    void showFacts(Result<std::vector<Fact>> facts, const std::optional<Fact>& keep);
    void showReadings();
    void fillReadings(Result<std::vector<FactReading>> readings, const Fact& fact);
    /// Runs `read(FactsQuery&)` on a worker with a connection of its own, then `show(answer)` here
    /// unless a newer request of `line` came meanwhile; factsLoaded() follows.
    template <typename Read, typename Show>
    void readOnWorker(const QString& name, async::Line& line, Read read, Show show);
    void readingMenu(const QPoint& pos);
    const FactReading* currentReading() const;

    Database* m_db = nullptr;
    DocumentFilter m_filter;
    std::vector<Fact> m_facts;
    std::optional<Fact> m_selected;  ///< the fact last shown, selected again after a reload
    std::vector<FactReading> m_readings;
    QStandardItemModel* m_factModel;
    QSortFilterProxyModel* m_factProxy;
    QStandardItemModel* m_readingModel;
    QTableView* m_factView;
    QTableView* m_readingView;
    QLabel* m_summary;
    bool m_loading = false;
    bool m_loadingReadings = false;
    async::Line m_requests;
    async::Line m_readingRequests;
    async::Threads m_workers{this};  // last: waited for before the members above go
};

}  // namespace claimlens::ui
