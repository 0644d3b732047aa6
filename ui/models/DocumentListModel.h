#pragma once

#include "query/DocumentListQuery.h"

#include "models/PagedTableModel.h"

#include <vector>

namespace claimlens::ui {

/// The document list over core/storage/query: rows are read a page at a time as the view scrolls
/// (canFetchMore/fetchMore), each page continuing after the last row, so a filter over 100,000
/// documents paints its first rows as fast as a short one.
class DocumentListModel : public PagedTableModel<DocumentListRow, DocumentPage> {
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

    /// The row of a document among those loaded, or -1.
    int rowOf(qint64 documentId) const;
    qint64 documentId(int row) const;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static constexpr int kPageSize = 200;

Q_SIGNALS:
    void errorOccurred(const QString& message);

protected:
    bool hasSource() const override { return m_db != nullptr; }
    Result<DocumentPage> fetch(const ListCursor& after, int limit) override;
    void readFailed(const QString& error) override { Q_EMIT errorOccurred(error); }

private:
    Database* m_db = nullptr;
    DocumentFilter m_filter;
    DocumentSort m_sort = DocumentSort::Published;
    bool m_descending = true;
};

}  // namespace claimlens::ui
