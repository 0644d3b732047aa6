#pragma once

#include "query/DocumentFilter.h"
#include "query/FacetIndex.h"
#include "structure/Article.h"

#include <QAbstractListModel>
#include <QSet>
#include <QStringList>

#include <utility>
#include <vector>

namespace claimlens::ui {

/// One facet of the filter panel (companies, countries or sources): values with their document
/// counts, most documents first, each checkable. Checking values narrows the filter to documents
/// with any of them.
class FacetModel : public QAbstractListModel {
    Q_OBJECT
public:
    struct Item {
        QString name;
        int documents = 0;
        int viaProductOnly = 0;  ///< documents naming the company only through its products
        bool header = false;     ///< a group's title ("Outlets"), not a value
    };
    enum Role { NameRole = Qt::UserRole + 1, CountRole };

    explicit FacetModel(QObject* parent = nullptr);

    /// Replaces the values, keeping the checked ones that are still there (and those that are not,
    /// so that a filter never loses a value silently).
    void setItems(std::vector<Item> items);
    QStringList checked() const;
    void setChecked(const QStringList& names);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

Q_SIGNALS:
    /// The user checked or unchecked a value.
    void checkedChanged(const QStringList& names);

private:
    std::vector<Item> m_items;
    QStringList m_checked;  ///< in the order they were checked
};

/// What the filter panel counts under a filter: companies and countries by documents, the outlets
/// and the sources they cite (each group under its title) and the range of publication dates, each
/// facet counted with the other fields of the filter applied and its own selection left out (see
/// FacetResult). Opens a connection of its own, since it is read on a thread of its own; the
/// arrays it counts in are read once into `cache` (about a second for 100,000 documents), after
/// which a count takes milliseconds.
struct FacetCounts {
    std::vector<FacetModel::Item> companies, countries, sources;
    std::pair<PartialDate, PartialDate> dates;
    int matching = -1;  ///< documents passing the filter; -1 when not counted
    int total = -1;
    QString error;
};
FacetCounts readFacetCounts(const QString& databasePath, const DocumentFilter& filter, FacetIndexCache& cache,
                            std::int64_t generation);

}  // namespace claimlens::ui
