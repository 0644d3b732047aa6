#pragma once

#include "query/DocumentFilter.h"

#include <QDockWidget>

class QLabel;
class QListView;

namespace claimlens {
class Database;
}

namespace claimlens::ui {

class SearchResultsModel;

/// The sentences a search finds (a dock beside the views): each with its document's title and
/// date and the matched words in bold, read a page at a time as the list scrolls. Choosing a row,
/// or stepping with Find Next / Find Previous (F3, Shift+F3), asks the window to open that
/// sentence in the reader. It shows itself when the filter gets a search and hides when the
/// search is cleared.
class SearchResultsPanel : public QDockWidget {
    Q_OBJECT
public:
    explicit SearchResultsPanel(QWidget* parent = nullptr);

    SearchResultsModel* model() const { return m_model; }
    QListView* list() const { return m_list; }
    QLabel* summary() const { return m_summary; }

    void setDatabase(Database* db);
    void setFilter(const DocumentFilter& filter);

    /// Moves to the next result (+1) or the previous one (-1), reading the next page when the
    /// loaded ones end, and asks for it to be opened; false when there is none that way.
    bool step(int direction);
    /// The row the list is on, -1 when none.
    int currentRow() const;

Q_SIGNALS:
    /// Open this sentence in the reader.
    void openRequested(qint64 documentId, int sentenceOrdinal);

private:
    void updateSummary();

    SearchResultsModel* m_model;
    QListView* m_list;
    QLabel* m_summary;
    bool m_searching = false;
};

}  // namespace claimlens::ui
