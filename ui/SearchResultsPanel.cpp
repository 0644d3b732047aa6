#include "SearchResultsPanel.h"

#include "Plural.h"
#include "models/SearchResultsModel.h"
#include "query/DocumentQuery.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace claimlens::ui {
namespace {

/// A result as two parts: its document's title and date (muted), then the sentence with the
/// matched words in bold, wrapped to the list's width.
class ResultDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const bool selected = opt.state & QStyle::State_Selected;
        QTextDocument doc;
        layout(doc, opt, index, selected);
        painter->save();
        painter->translate(opt.rect.topLeft() + QPoint(kMargin, kMargin / 2));
        QAbstractTextDocumentLayout::PaintContext context;
        context.palette = opt.palette;
        context.palette.setColor(QPalette::Text, opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        doc.documentLayout()->draw(painter, context);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        QTextDocument doc;
        layout(doc, opt, index, false);
        return {static_cast<int>(doc.idealWidth()) + 2 * kMargin, static_cast<int>(doc.size().height()) + kMargin};
    }

private:
    static constexpr int kMargin = 6;

    static void layout(QTextDocument& doc, const QStyleOptionViewItem& opt, const QModelIndex& index, bool selected)
    {
        const QWidget* view = opt.widget;
        const int width = view ? qobject_cast<const QAbstractItemView*>(view)->viewport()->width() : opt.rect.width();
        const QColor muted = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText);
        const QString date = index.data(SearchResultsModel::DateRole).toString();
        const QString head = index.data(SearchResultsModel::TitleRole).toString().toHtmlEscaped() +
                             (date.isEmpty() ? QString() : QStringLiteral(" \u00B7 ") + date);
        doc.setDefaultFont(opt.font);
        doc.setDocumentMargin(0);
        doc.setHtml(QStringLiteral("<div style=\"color:%1; font-size:small\">%2</div><div>%3</div>")
                        .arg(muted.name(), head, index.data(SearchResultsModel::MarkedHtmlRole).toString()));
        doc.setTextWidth(std::max(120, width - 2 * kMargin));
    }
};

}  // namespace

SearchResultsPanel::SearchResultsPanel(QWidget* parent)
    : QDockWidget(tr("Search Results"), parent), m_model(new SearchResultsModel(this))
{
    setObjectName(QStringLiteral("searchResultsDock"));
    setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);
    layout->setContentsMargins(4, 2, 4, 4);
    m_summary = new QLabel(body);
    m_summary->setObjectName(QStringLiteral("searchResultsSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_list = new QListView(body);
    m_list->setObjectName(QStringLiteral("searchResults"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ResultDelegate(m_list));
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAlternatingRowColors(true);
    m_list->setResizeMode(QListView::Adjust);  // rows wrap again to a new width
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    setWidget(body);
    setMinimumWidth(280);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (current.isValid())
            Q_EMIT openRequested(current.data(SearchResultsModel::DocumentIdRole).toLongLong(),
                                 current.data(SearchResultsModel::OrdinalRole).toInt());
    });
    // a click on the row already current opens it again (the reader may have moved on)
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        if (index == m_list->currentIndex())
            Q_EMIT openRequested(index.data(SearchResultsModel::DocumentIdRole).toLongLong(),
                                 index.data(SearchResultsModel::OrdinalRole).toInt());
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &SearchResultsPanel::updateSummary);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SearchResultsPanel::updateSummary);
    hide();
}

void SearchResultsPanel::setDatabase(Database* db)
{
    m_model->setDatabase(db);
}

void SearchResultsPanel::setFilter(const DocumentFilter& filter)
{
    const bool searching = !DocumentQuery::ftsQuery(filter.search).isEmpty();
    if (filter != m_model->filter())
        m_model->setFilter(filter);
    // shown for a new search (also after the user closed it), hidden without one
    if (searching != m_searching || !searching)
        setVisible(searching);
    m_searching = searching;
}

int SearchResultsPanel::currentRow() const
{
    return m_list->currentIndex().isValid() ? m_list->currentIndex().row() : -1;
}

bool SearchResultsPanel::step(int direction)
{
    int row = currentRow() + direction;
    if (currentRow() < 0)
        row = direction > 0 ? 0 : m_model->rowCount() - 1;
    if (row >= m_model->rowCount() && m_model->canFetchMore({}))
        m_model->fetchMore({});
    if (row < 0 || row >= m_model->rowCount())
        return false;
    const QModelIndex index = m_model->index(row, 0);
    m_list->setCurrentIndex(index);  // opens it
    m_list->scrollTo(index);
    return true;
}

void SearchResultsPanel::updateSummary()
{
    const int rows = m_model->rowCount();
    const QString search = m_model->filter().search.trimmed();
    if (search.isEmpty()) {
        m_summary->clear();
        return;
    }
    QString text;
    if (rows == 0)
        text = m_model->lastError().isEmpty() ? tr("No sentence matches \u201C%1\u201D.").arg(search)
                                              : tr("The search failed: %1").arg(m_model->lastError());
    else if (m_model->canFetchMore({}))
        text = tr("First %1 matching \u201C%2\u201D (more as you scroll). F3 / Shift+F3 step through them.")
                   .arg(counted(rows, tr("sentence"), tr("sentences")), search);
    else
        text = tr("%1 matching \u201C%2\u201D. F3 / Shift+F3 step through them.")
                   .arg(counted(rows, tr("sentence"), tr("sentences")), search);
    m_summary->setText(text);
}

}  // namespace claimlens::ui
