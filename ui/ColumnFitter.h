#pragma once

#include <QObject>

#include <vector>

class QTableView;

namespace claimlens::ui {

/// Keeps a table's columns within its width, whatever the window's size. One column, the long
/// text (a claim, a title), stretches over what the others leave and is the first to yield, down
/// to its minimum; after it the columns not marked `key` narrow toward their minimums, while key
/// columns (dates, actors) keep their width and stay in view. A column the user drags keeps that
/// width as its own (and is saved with the header's state).
class ColumnFitter : public QObject {
    Q_OBJECT
public:
    struct Column {
        int section;    ///< logical index
        int preferred;  ///< its width when there is room
        int minimum;    ///< it yields no further
        bool key;       ///< keeps its preferred width; only the stretching column and others yield
    };
    ColumnFitter(QTableView* view, int stretching, int stretchingMinimum, std::vector<Column> columns);

    /// Takes the header's widths as the columns' own, e.g. after restoring a saved header state
    /// (which also brings back its resize modes: the stretching column stretches again).
    void adoptHeaderWidths();
    /// Sets the widths for the view's width now (done on every resize of the view).
    void fit();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTableView* m_view;
    QWidget* m_viewport;  // the view's viewport at construction (the view never replaces it)
    int m_stretching;
    int m_stretchingMinimum;
    std::vector<Column> m_columns;
    bool m_fitting = false;
};

/// The document list's columns: the title stretches; source, date and companies stay in view.
ColumnFitter* fitDocumentColumns(QTableView* view);
/// The claims table's: the claim's text stretches and yields first; actors and dates stay in view.
ColumnFitter* fitClaimColumns(QTableView* view);

}  // namespace claimlens::ui
