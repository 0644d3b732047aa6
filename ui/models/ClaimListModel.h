#pragma once

#include "query/ExtractionQuery.h"

#include "models/PagedTableModel.h"

#include <vector>

namespace claimlens::ui {

/// The claims of the filtered documents: text, actors, date, document, score. Read a page at a
/// time as the view scrolls, and sorted by the database, like the document list.
class ClaimListModel : public PagedTableModel<ClaimRow, ClaimPage> {
    Q_OBJECT
public:
    enum Column { Text, Actors, Date, Reported, Document, Score, Review, ColumnCount };
    enum Role { DocumentIdRole = Qt::UserRole + 1, SentenceOrdinalRole, ReviewRole };

    explicit ClaimListModel(QObject* parent = nullptr);

    void setDatabase(Database* db);
    void setFilter(const DocumentFilter& filter);
    /// Both at once, read once; nothing is read when both are what the model already shows.
    void setQuery(Database* db, const DocumentFilter& filter);

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    bool hasSource() const override { return m_db != nullptr; }
    Result<ClaimPage> fetch(const ListCursor& after, int limit) override;

private:
    Database* m_db = nullptr;
    DocumentFilter m_filter;
    ClaimSort m_sort = ClaimSort::Date;
    bool m_descending = false;
};

}  // namespace claimlens::ui
