#include "models/FacetModel.h"

#include "Plural.h"
#include "store/Database.h"

#include <QFont>

namespace claimlens::ui {

FacetModel::FacetModel(QObject* parent) : QAbstractListModel(parent) {}

void FacetModel::setItems(std::vector<Item> items)
{
    beginResetModel();
    m_items = std::move(items);
    endResetModel();
}

QStringList FacetModel::checked() const
{
    return m_checked;
}

void FacetModel::setChecked(const QStringList& names)
{
    if (names == m_checked)
        return;
    m_checked = names;
    if (!m_items.empty())
        Q_EMIT dataChanged(index(0), index(static_cast<int>(m_items.size()) - 1), {Qt::CheckStateRole});
}

int FacetModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

QVariant FacetModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& item = m_items[static_cast<size_t>(index.row())];
    if (item.header) {
        if (role == Qt::DisplayRole || role == NameRole)
            return item.name;
        if (role == Qt::FontRole) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    }
    switch (role) {
    case Qt::DisplayRole:
        return item.viaProductOnly > 0 ? tr("%1  (%2, %3 via products)").arg(item.name).arg(item.documents).arg(item.viaProductOnly)
                                       : tr("%1  (%2)").arg(item.name).arg(item.documents);
    case Qt::ToolTipRole:
        if (item.viaProductOnly > 0)
            return tr("%1: named in %2, %3 of them only through its products")
                .arg(item.name, counted(item.documents, tr("document"), tr("documents")))
                .arg(item.viaProductOnly);
        return tr("%1: named in %2").arg(item.name, counted(item.documents, tr("document"), tr("documents")));
    case Qt::CheckStateRole:
        return m_checked.contains(item.name) ? Qt::Checked : Qt::Unchecked;
    case NameRole:
        return item.name;
    case CountRole:
        return item.documents;
    default:
        return {};
    }
}

bool FacetModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::CheckStateRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    if (m_items[static_cast<size_t>(index.row())].header)
        return false;
    const QString& name = m_items[static_cast<size_t>(index.row())].name;
    const bool check = value.value<Qt::CheckState>() == Qt::Checked;
    if (check == m_checked.contains(name))
        return true;
    if (check)
        m_checked.append(name);
    else
        m_checked.removeAll(name);
    Q_EMIT dataChanged(index, index, {Qt::CheckStateRole});
    Q_EMIT checkedChanged(m_checked);
    return true;
}

Qt::ItemFlags FacetModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (m_items[static_cast<size_t>(index.row())].header)
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable | Qt::ItemNeverHasChildren;
}

FacetCounts readFacetCounts(const QString& path, const DocumentFilter& filter, FacetIndexCache& cache, std::int64_t generation)
{
    FacetCounts f;
    auto db = Database::openForReading(path);  // counts only read
    if (!db) {
        f.error = db.error();
        return f;
    }
    auto index = cache.get(*db, generation);
    if (!index) {
        f.error = index.error();
        return f;
    }
    auto counts = (*index)->count(*db, filter);
    if (!counts) {
        f.error = counts.error();
        return f;
    }
    for (const FacetValue& v : counts->companies)
        f.companies.push_back({v.name, v.documents, v.viaProductOnly});
    for (const FacetValue& v : counts->countries)
        f.countries.push_back({v.name, v.documents, 0});
    // outlets and the sources they cite in two groups, each under its title
    bool outlets = false, cited = false;
    for (const FacetValue& v : counts->sources) {
        if (v.outlet && !outlets)
            f.sources.push_back({FacetModel::tr("Outlets"), 0, 0, true});
        if (!v.outlet && !cited)
            f.sources.push_back({FacetModel::tr("Cited sources"), 0, 0, true});
        outlets = outlets || v.outlet;
        cited = cited || !v.outlet;
        f.sources.push_back({v.name, v.documents, 0});
    }
    f.dates = counts->dates;
    f.matching = counts->matching;
    f.total = counts->total;
    return f;
}

}  // namespace claimlens::ui
