#pragma once

#include "models/FacetModel.h"
#include "query/DocumentFilter.h"
#include "structure/Article.h"

#include <QWidget>

class QCheckBox;
class QDateEdit;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace claimlens::ui {

/// The filter panel: companies (with a search box), countries and sources, each checkable and
/// counted, and a publication date range. It edits a DocumentFilter; the window owns the filter
/// and tells the panel what it is.
class FilterPanel : public QWidget {
    Q_OBJECT
public:
    explicit FilterPanel(QWidget* parent = nullptr);

    FacetModel* companies() const { return m_companies; }
    FacetModel* countries() const { return m_countries; }
    FacetModel* sources() const { return m_sources; }
    QLineEdit* companySearch() const { return m_companySearch; }
    QListView* companyList() const { return m_companyList; }

    /// The bounds the date editors offer (the stored documents' first and last dates).
    void setDateBounds(const PartialDate& first, const PartialDate& last);
    /// Shows the filter's values as checked and its dates as set.
    void showFilter(const DocumentFilter& filter);
    /// Changes the fields the panel edits (companies, countries, sources, dates) in `filter`.
    DocumentFilter edited(DocumentFilter filter) const;

Q_SIGNALS:
    /// The user changed something in the panel.
    void changed();

private:
    QListView* facetList(FacetModel* model, QSortFilterProxyModel** proxy);

    FacetModel* m_companies;
    FacetModel* m_countries;
    FacetModel* m_sources;
    QLineEdit* m_companySearch;
    QListView* m_companyList = nullptr;
    QSortFilterProxyModel* m_companyProxy = nullptr;
    QCheckBox* m_fromSet;
    QCheckBox* m_toSet;
    QDateEdit* m_from;
    QDateEdit* m_to;
    bool m_showing = false;  ///< showFilter() is updating the widgets: no changed()
};

}  // namespace claimlens::ui
