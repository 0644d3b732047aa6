#include "models/SearchResultsModel.h"

namespace claimlens::ui {
namespace {

/// The parts of a marked sentence: the text between the marks and the rest, in order.
template <typename F>
void forEachPart(const QString& marked, F&& part)
{
    qsizetype at = 0;
    while (at < marked.size()) {
        const qsizetype open = marked.indexOf(SentenceSearchQuery::kMarkOpen, at);
        if (open < 0) {
            part(marked.mid(at), false);
            return;
        }
        if (open > at)
            part(marked.mid(at, open - at), false);
        qsizetype close = marked.indexOf(SentenceSearchQuery::kMarkClose, open + 1);
        if (close < 0)
            close = marked.size();
        part(marked.mid(open + 1, close - open - 1), true);
        at = close + 1;
    }
}

}  // namespace

SearchResultsModel::SearchResultsModel(QObject* parent) : PagedTableModel(parent)
{
    setPageSize(kPageSize);
}

void SearchResultsModel::setDatabase(Database* db)
{
    m_db = db;
    reload();
}

void SearchResultsModel::setFilter(const DocumentFilter& filter)
{
    m_filter = filter;
    reload();
}

int SearchResultsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : 1;
}

Result<SentenceHitPage> SearchResultsModel::fetch(const ListCursor& after, int limit)
{
    return SentenceSearchQuery(*m_db).page(m_filter, after, limit);
}

QVariant SearchResultsModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SentenceHit& hit = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case SentenceRole: {
        QString plain;
        forEachPart(hit.marked, [&](const QString& text, bool) { plain += text; });
        return plain;
    }
    case Qt::ToolTipRole:
        return tr("%1, %2").arg(hit.title, hit.published.isValid() ? hit.published.iso() : tr("undated"));
    case MarkedHtmlRole: {
        QString html;
        forEachPart(hit.marked, [&](const QString& text, bool matched) {
            html += matched ? QStringLiteral("<b>%1</b>").arg(text.toHtmlEscaped()) : text.toHtmlEscaped();
        });
        return html;
    }
    case MatchedWordsRole: {
        QStringList words;
        forEachPart(hit.marked, [&](const QString& text, bool matched) {
            if (matched)
                words.append(text);
        });
        return words;
    }
    case DocumentIdRole:
        return qint64(hit.documentId);
    case OrdinalRole:
        return hit.ordinal;
    case TitleRole:
        return hit.title;
    case DateRole:
        return hit.published.isValid() ? hit.published.iso() : QString();
    default:
        return {};
    }
}

}  // namespace claimlens::ui
