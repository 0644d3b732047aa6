#include "models/ClaimListModel.h"

#include <QScopedValueRollback>

namespace claimlens::ui {

ClaimListModel::ClaimListModel(QObject* parent) : QAbstractTableModel(parent) {}

void ClaimListModel::setDatabase(Database* db)
{
    m_db = db;
    reload();
}

void ClaimListModel::setFilter(const DocumentFilter& filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    reload();
}

void ClaimListModel::setQuery(Database* db, const DocumentFilter& filter)
{
    if (db == m_db && filter == m_filter)
        return;
    m_db = db;
    m_filter = filter;
    reload();
}

void ClaimListModel::reload()
{
    readPage(true);
}

void ClaimListModel::readPage(bool reset)
{
    const QScopedValueRollback reading(m_reading, true);
    if (reset) {
        beginResetModel();
        m_rows.clear();
        m_cursor = {};
        m_atEnd = m_db == nullptr;
    }
    if (m_db && !m_atEnd) {
        auto page = ExtractionQuery(*m_db).claimPage(m_filter, m_sort, m_descending, m_cursor, m_pageSize);
        if (!page) {
            m_error = page.error();
            m_atEnd = true;
        } else {
            m_error.clear();
            m_cursor = page->next;
            m_atEnd = page->atEnd;
            if (!page->rows.empty()) {
                const int first = static_cast<int>(m_rows.size());
                if (!reset)
                    beginInsertRows({}, first, first + static_cast<int>(page->rows.size()) - 1);
                std::move(page->rows.begin(), page->rows.end(), std::back_inserter(m_rows));
                if (!reset)
                    endInsertRows();
            }
        }
    }
    if (reset)
        endResetModel();
}

void ClaimListModel::sort(int column, Qt::SortOrder order)
{
    static constexpr ClaimSort byColumn[] = {ClaimSort::Text, ClaimSort::Actors, ClaimSort::Date, ClaimSort::Document,
                                             ClaimSort::Score};
    const ClaimSort sort = column >= 0 && column < ColumnCount ? byColumn[column] : ClaimSort::Date;
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_sort && descending == m_descending)
        return;
    m_sort = sort;
    m_descending = descending;
    readPage(true);
}

bool ClaimListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_reading;
}

void ClaimListModel::fetchMore(const QModelIndex& parent)
{
    // Views and testers ask again from inside our own reset and insert signals: one read at a time.
    if (!parent.isValid() && !m_reading)
        readPage(false);
}

int ClaimListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ClaimListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClaimRow& c = m_rows[static_cast<size_t>(index.row())];
    const QString document = c.title.isEmpty() ? c.fileName : c.title;
    switch (role) {
    case DocumentIdRole:
        return QVariant::fromValue<qint64>(c.documentId);
    case SentenceOrdinalRole:
        return c.sentenceOrdinal;
    case Qt::ToolTipRole:
        return index.column() == Text ? c.text : QString();
    case Qt::TextAlignmentRole:
        return index.column() == Score ? QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::DisplayRole:
        switch (index.column()) {
        case Text:
            return c.text;
        case Actors:
            return c.actors.join(QStringLiteral(", "));
        case Date:
            return c.date.isValid() ? c.date.iso() : tr("undated");
        case Document:
            return document;
        case Score:
            return QString::number(c.score, 'f', 2);
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant ClaimListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Text:
        return tr("Claim");
    case Actors:
        return tr("Actors");
    case Date:
        return tr("Date");
    case Document:
        return tr("Document");
    case Score:
        return tr("Score");
    default:
        return {};
    }
}

}  // namespace claimlens::ui
