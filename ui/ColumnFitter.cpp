#include "ColumnFitter.h"

#include "models/ClaimListModel.h"
#include "models/DocumentListModel.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QTableView>

#include <algorithm>

namespace claimlens::ui {

ColumnFitter::ColumnFitter(QTableView* view, int stretching, int stretchingMinimum, std::vector<Column> columns)
    : QObject(view), m_view(view), m_viewport(view->viewport()), m_stretching(stretching), m_stretchingMinimum(stretchingMinimum), m_columns(std::move(columns))
{
    QHeaderView* header = view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(40);
    for (const Column& c : m_columns)
        header->resizeSection(c.section, c.preferred);
    header->setSectionResizeMode(m_stretching, QHeaderView::Stretch);
    connect(header, &QHeaderView::sectionResized, this, [this](int section, int, int size) {
        if (m_fitting)
            return;
        for (Column& c : m_columns)
            if (c.section == section)  // the user's width is the column's own from now on
                c.preferred = std::max(size, c.minimum);
    });
    m_viewport->installEventFilter(this);
}

void ColumnFitter::adoptHeaderWidths()
{
    QHeaderView* header = m_view->horizontalHeader();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(m_stretching, QHeaderView::Stretch);
    for (Column& c : m_columns)
        if (header->sectionSize(c.section) >= c.minimum)
            c.preferred = header->sectionSize(c.section);
    fit();
}

void ColumnFitter::fit()
{
    QHeaderView* header = m_view->horizontalHeader();
    if (header->count() == 0)
        return;
    m_fitting = true;
    // what the other columns may take: all but the stretching column's minimum
    const int available = m_view->viewport()->width() - m_stretchingMinimum;
    int wanted = 0;
    int slack = 0;  // how far the columns that may yield can narrow
    for (const Column& c : m_columns) {
        if (header->isSectionHidden(c.section))
            continue;
        wanted += c.preferred;
        if (!c.key)
            slack += std::max(0, c.preferred - c.minimum);
    }
    const int over = std::clamp(wanted - available, 0, slack);
    int taken = 0;
    for (const Column& c : m_columns) {
        if (header->isSectionHidden(c.section))
            continue;
        int width = c.preferred;
        if (!c.key && over > 0 && slack > 0) {
            // each yields in proportion to how far it can
            const int share = static_cast<int>(static_cast<long long>(over) * std::max(0, c.preferred - c.minimum) / slack);
            width = std::max(c.minimum, c.preferred - share);
            taken += c.preferred - width;
        }
        header->resizeSection(c.section, width);
    }
    // rounding: the last column that can still yield takes what is left over
    for (auto it = m_columns.rbegin(); it != m_columns.rend() && taken < over; ++it) {
        if (it->key || header->isSectionHidden(it->section))
            continue;
        const int width = header->sectionSize(it->section);
        const int less = std::min(over - taken, width - it->minimum);
        if (less > 0) {
            header->resizeSection(it->section, width - less);
            taken += less;
        }
    }
    m_fitting = false;
}

bool ColumnFitter::eventFilter(QObject* watched, QEvent* event)
{
    // The viewport is compared by the pointer kept at construction: the filter also sees the events a
    // dying viewport sends while the view around it is already half destroyed (UBSan: vptr).
    if (event->type() == QEvent::Resize && watched == m_viewport)
        fit();
    return QObject::eventFilter(watched, event);
}

ColumnFitter* fitDocumentColumns(QTableView* view)
{
    using M = DocumentListModel;
    return new ColumnFitter(view, M::Title, 180,
                            {{M::Source, 110, 70, true},
                             {M::Author, 110, 60, false},
                             {M::Published, 95, 95, true},
                             {M::Companies, 170, 90, true},
                             {M::Claims, 60, 45, false},
                             {M::Statistics, 70, 45, false}});
}

ColumnFitter* fitClaimColumns(QTableView* view)
{
    using M = ClaimListModel;
    return new ColumnFitter(view, M::Text, 160,
                            {{M::Actors, 200, 120, true},
                             {M::Date, 90, 90, true},
                             {M::Reported, 90, 90, true},
                             {M::Document, 260, 80, false},
                             {M::Score, 60, 45, false},
                             {M::Review, 80, 55, false}});
}

}  // namespace claimlens::ui
