#include "models/ClaimListModel.h"

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

void ClaimListModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_error.clear();
    if (m_db) {
        if (auto rows = ExtractionQuery(*m_db).claims(m_filter))
            m_rows = std::move(*rows);
        else
            m_error = rows.error();
    }
    endResetModel();
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
    case RawValueRole:
        switch (index.column()) {
        case Date:
            return c.date.isValid() ? c.date.iso() : QStringLiteral("~");  // undated sorts last
        case Score:
            return c.score;
        case Actors:
            return c.actors.join(QStringLiteral(", ")).toLower();
        case Document:
            return document.toLower();
        default:
            return c.text.toLower();
        }
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
