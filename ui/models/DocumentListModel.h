#pragma once

#include "query/DocumentListQuery.h"

#include <QAbstractTableModel>

#include <vector>

namespace claimlens::ui {

/// The document list over core/query: rows are read a page at a time as the view scrolls
/// (canFetchMore/fetchMore), each page continuing after the last row, so a filter over 100,000
/// documents paints its first rows as fast as a short one.
class DocumentListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Title, Source, Author, Published, Companies, Claims, Statistics, ColumnCount };
    enum Role {
        DocumentIdRole = Qt::UserRole + 1,  ///< qint64
        PathRole,                           ///< the file it was read from
        RawValueRole,                       ///< the column's value unformatted (dates as ISO, counts as int)
    };

    explicit DocumentListModel(QObject* parent = nullptr);

    /// The database to list; nullptr empties the list.
    void setDatabase(Database* db);
    void setFilter(const DocumentFilter& filter);
    const DocumentFilter& filter() const { return m_filter; }
    /// Reads the list again from its first page (after an import).
    void reload();

    /// The row of a document among those loaded, or -1.
    int rowOf(qint64 documentId) const;
    qint64 documentId(int row) const;
    /// The last error reading from the database, empty when the last read worked.
    const QString& lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    static constexpr int kPageSize = 200;

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    void readPage(bool reset);

    Database* m_db = nullptr;
    DocumentFilter m_filter;
    DocumentSort m_sort = DocumentSort::Published;
    bool m_descending = true;
    std::vector<DocumentListRow> m_rows;
    ListCursor m_cursor;
    bool m_atEnd = true;
    bool m_reading = false;  ///< inside readPage()
    QString m_error;
};

}  // namespace claimlens::ui
