#pragma once

#include "query/ExtractionQuery.h"

#include <QAbstractTableModel>

#include <vector>

namespace claimlens::ui {

/// The claims of the filtered documents: text, actors, date, document, score. Sorting goes
/// through a QSortFilterProxyModel on RawValueRole.
class ClaimListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Text, Actors, Date, Document, Score, ColumnCount };
    enum Role { DocumentIdRole = Qt::UserRole + 1, SentenceOrdinalRole, RawValueRole };

    explicit ClaimListModel(QObject* parent = nullptr);

    void setDatabase(Database* db);
    void setFilter(const DocumentFilter& filter);
    void reload();
    const QString& lastError() const { return m_error; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Database* m_db = nullptr;
    DocumentFilter m_filter;
    std::vector<ClaimRow> m_rows;
    QString m_error;
};

}  // namespace claimlens::ui
