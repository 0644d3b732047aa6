#pragma once

#include "query/ExtractionQuery.h"

#include <QAbstractTableModel>

#include <vector>

namespace claimlens::ui {

/// The claims of the filtered documents: text, actors, date, document, score. Read a page at a
/// time as the view scrolls, and sorted by the database, like the document list.
class ClaimListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Text, Actors, Date, Document, Score, ColumnCount };
    enum Role { DocumentIdRole = Qt::UserRole + 1, SentenceOrdinalRole };

    explicit ClaimListModel(QObject* parent = nullptr);

    void setDatabase(Database* db);
    void setFilter(const DocumentFilter& filter);
    /// Both at once, read once; nothing is read when both are what the model already shows.
    void setQuery(Database* db, const DocumentFilter& filter);
    void reload();
    const QString& lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// Rows read at a time (200 by default).
    void setPageSize(int rows) { m_pageSize = rows; }

private:
    void readPage(bool reset);

    Database* m_db = nullptr;
    DocumentFilter m_filter;
    ClaimSort m_sort = ClaimSort::Date;
    bool m_descending = false;
    std::vector<ClaimRow> m_rows;
    ListCursor m_cursor;
    bool m_atEnd = true;
    bool m_reading = false;  ///< inside readPage()
    int m_pageSize = 200;
    QString m_error;
};

}  // namespace claimlens::ui
