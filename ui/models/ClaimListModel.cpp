#include "models/ClaimListModel.h"

#include <QPalette>

namespace claimlens::ui {

ClaimListModel::ClaimListModel(QObject* parent) : PagedTableModel(parent) {}

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

Result<ClaimPage> ClaimListModel::fetch(const ListCursor& after, int limit)
{
    return ExtractionQuery(*m_db).claimPage(m_filter, m_sort, m_descending, after, limit);
}

void ClaimListModel::sort(int column, Qt::SortOrder order)
{
    static constexpr ClaimSort byColumn[] = {ClaimSort::Text,     ClaimSort::Actors, ClaimSort::Date,  ClaimSort::Reported,
                                             ClaimSort::Document, ClaimSort::Score,  ClaimSort::Review};
    const ClaimSort sort = column >= 0 && column < ColumnCount ? byColumn[column] : ClaimSort::Date;
    const bool descending = order == Qt::DescendingOrder;
    if (sort == m_sort && descending == m_descending)
        return;
    m_sort = sort;
    m_descending = descending;
    reload();
}

int ClaimListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ClaimListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ClaimRow& c = rowAt(index.row());
    const QString document = c.title.isEmpty() ? c.fileName : c.title;
    switch (role) {
    case DocumentIdRole:
        return QVariant::fromValue<qint64>(c.documentId);
    case SentenceOrdinalRole:
        return c.sentenceOrdinal;
    case ReviewRole:
        return c.review;
    case Qt::ForegroundRole:  // an unreviewed reading says so quietly
        return index.column() == Review && c.review.isEmpty() ? QVariant(QPalette().color(QPalette::Disabled, QPalette::Text))
                                                              : QVariant();
    case Qt::ToolTipRole:
        if (index.column() == Date)
            return tr("The date the claim's sentence gives for what it reports");
        if (index.column() == Reported)
            return tr("When the claim was reported: its document's publication");
        if (index.column() == Review)
            return c.review.isEmpty() ? tr("Not reviewed: Space confirms it, Delete rejects it, F2 corrects it")
                                      : tr("Reviewed by an analyst: %1").arg(c.review);
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
            return c.date.isValid() ? c.date.iso() : QStringLiteral("\u2013");  // the sentence dates nothing
        case Reported:
            return c.reported.isValid() ? c.reported.iso() : tr("undated");
        case Document:
            return document;
        case Score:
            return QString::number(c.score, 'f', 2);
        case Review:
            return c.review.isEmpty() ? tr("unreviewed") : c.review;
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
        return tr("Event date");
    case Reported:
        return tr("Reported");
    case Document:
        return tr("Document");
    case Score:
        return tr("Score");
    case Review:
        return tr("Review");
    default:
        return {};
    }
}

}  // namespace claimlens::ui
