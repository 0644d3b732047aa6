#include "models/DocumentListModel.h"

#include <QFont>

namespace claimlens::ui {
namespace {

DocumentSort sortOf(int column)
{
    switch (column) {
    case DocumentListModel::Title:
        return DocumentSort::Title;
    case DocumentListModel::Source:
        return DocumentSort::Source;
    case DocumentListModel::Author:
        return DocumentSort::Author;
    case DocumentListModel::Companies:
        return DocumentSort::Companies;
    case DocumentListModel::Claims:
        return DocumentSort::Claims;
    case DocumentListModel::Statistics:
        return DocumentSort::Statistics;
    default:
        return DocumentSort::Published;
    }
}

QString dateText(const PartialDate& d)
{
    if (!d.isValid())
        return {};
    switch (d.precision) {
    case DatePrecision::Year:
        return QString::number(d.year);
    case DatePrecision::Month:
        return QDate(d.year, d.month, 1).toString(QStringLiteral("MMM yyyy"));
    default:
        return QDate(d.year, d.month, d.day).toString(QStringLiteral("d MMM yyyy"));
    }
}

}  // namespace

DocumentListModel::DocumentListModel(QObject* parent) : PagedTableModel(parent)
{
    setPageSize(kPageSize);
}

void DocumentListModel::setDatabase(Database* db)
{
    m_db = db;
    reload();
}

void DocumentListModel::setFilter(const DocumentFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

Result<DocumentPage> DocumentListModel::fetch(const ListCursor& after, int limit)
{
    return DocumentListQuery(*m_db).page(m_filter, m_sort, m_descending, after, limit);
}

int DocumentListModel::rowOf(qint64 documentId) const
{
    for (size_t i = 0; i < rows().size(); ++i)
        if (rows()[i].id == documentId)
            return static_cast<int>(i);
    return -1;
}

qint64 DocumentListModel::documentId(int row) const
{
    return row >= 0 && row < rowCount() ? rowAt(row).id : -1;
}

int DocumentListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DocumentListRow& r = rowAt(index.row());
    switch (role) {
    case DocumentIdRole:
        return QVariant::fromValue<qint64>(r.id);
    case PathRole:
        return r.path;
    case Qt::ToolTipRole:
        if (index.column() == Companies && !r.companies.isEmpty())
            return tr("Names most often: %1").arg(r.companies.join(QStringLiteral(", ")));
        if (index.column() == Title && r.title.isEmpty() && !r.derivedTitle.isEmpty())
            return tr("The page shows no headline; this title is its first sentence.\n%1").arg(r.path);
        return r.path;
    case Qt::FontRole:
        if (index.column() == Title && r.title.isEmpty()) {  // a derived title, or the file's name
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Claims || index.column() == Statistics)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
    case RawValueRole:
        break;
    default:
        return {};
    }
    const bool raw = role == RawValueRole;
    switch (index.column()) {
    case Title:
        if (raw || !r.title.isEmpty())
            return r.title;
        return r.derivedTitle.isEmpty() ? r.fileName : r.derivedTitle;
    case Source:
        return r.source;
    case Author:
        return r.author;
    case Published:
        return raw ? r.published.iso() : dateText(r.published);
    case Companies:
        return raw ? QVariant(static_cast<int>(r.companies.size())) : QVariant(r.companies.join(QStringLiteral(", ")));
    case Claims:
        return r.claims;
    case Statistics:
        return r.statistics;
    default:
        return {};
    }
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Source:
        return tr("Source");
    case Author:
        return tr("Author");
    case Published:
        return tr("Date");
    case Companies:
        return tr("Companies");
    case Claims:
        return tr("Claims");
    case Statistics:
        return tr("Statistics");
    default:
        return {};
    }
}

void DocumentListModel::sort(int column, Qt::SortOrder order)
{
    const DocumentSort sort = sortOf(column);
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_sort && descending == m_descending)
        return;
    m_sort = sort;
    m_descending = descending;
    reload();
}

}  // namespace claimlens::ui
