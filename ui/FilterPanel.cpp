#include "FilterPanel.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QVBoxLayout>

namespace claimlens::ui {

FilterPanel::FilterPanel(QWidget* parent)
    : QWidget(parent),
      m_companies(new FacetModel(this)),
      m_countries(new FacetModel(this)),
      m_sources(new FacetModel(this)),
      m_companySearch(new QLineEdit(this)),
      m_fromSet(new QCheckBox(tr("From"), this)),
      m_toSet(new QCheckBox(tr("To"), this)),
      m_from(new QDateEdit(this)),
      m_to(new QDateEdit(this))
{
    setObjectName(QStringLiteral("filterPanel"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("filterSplitter"));
    splitter->setChildrenCollapsible(false);

    auto group = [&](const QString& title, QWidget* top, QListView* list) {
        auto* box = new QGroupBox(title, splitter);
        auto* layout = new QVBoxLayout(box);
        layout->setContentsMargins(6, 6, 6, 6);
        if (top)
            layout->addWidget(top);
        layout->addWidget(list);
        splitter->addWidget(box);
        return box;
    };
    m_companySearch->setPlaceholderText(tr("Find a company\u2026"));
    m_companySearch->setClearButtonEnabled(true);
    m_companySearch->setObjectName(QStringLiteral("companySearch"));
    m_companyList = facetList(m_companies, &m_companyProxy);
    m_companyList->setObjectName(QStringLiteral("companyList"));
    group(tr("Companies"), m_companySearch, m_companyList)
        ->setToolTip(tr("Documents naming each company; a company's products count for it."));
    QSortFilterProxyModel* unused = nullptr;
    auto* countryList = facetList(m_countries, &unused);
    countryList->setObjectName(QStringLiteral("countryList"));
    group(tr("Countries"), nullptr, countryList);
    auto* sourceList = facetList(m_sources, &unused);
    sourceList->setObjectName(QStringLiteral("sourceList"));
    group(tr("Sources"), nullptr, sourceList);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 1);

    auto* dates = new QGroupBox(tr("Published"), this);
    auto* grid = new QGridLayout(dates);
    grid->setContentsMargins(6, 6, 6, 6);
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setEnabled(false);
    }
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_to->setObjectName(QStringLiteral("toDate"));
    grid->addWidget(m_fromSet, 0, 0);
    grid->addWidget(m_from, 0, 1);
    grid->addWidget(m_toSet, 1, 0);
    grid->addWidget(m_to, 1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter, 1);
    layout->addWidget(dates);

    connect(m_companySearch, &QLineEdit::textChanged, m_companyProxy, &QSortFilterProxyModel::setFilterFixedString);
    for (FacetModel* m : {m_companies, m_countries, m_sources})
        connect(m, &FacetModel::checkedChanged, this, [this] {
            if (!m_showing)
                Q_EMIT changed();
        });
    for (QCheckBox* box : {m_fromSet, m_toSet})
        connect(box, &QCheckBox::toggled, this, [this] {
            m_from->setEnabled(m_fromSet->isChecked());
            m_to->setEnabled(m_toSet->isChecked());
            if (!m_showing)
                Q_EMIT changed();
        });
    for (QDateEdit* edit : {m_from, m_to})
        connect(edit, &QDateEdit::dateChanged, this, [this] {
            if (!m_showing)
                Q_EMIT changed();
        });
}

QListView* FilterPanel::facetList(FacetModel* model, QSortFilterProxyModel** proxy)
{
    auto* p = new QSortFilterProxyModel(this);
    p->setSourceModel(model);
    p->setFilterRole(FacetModel::NameRole);
    p->setFilterCaseSensitivity(Qt::CaseInsensitive);
    *proxy = p;
    auto* view = new QListView(this);
    view->setModel(p);
    view->setUniformItemSizes(true);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // Space or a click on the row toggles it, as in a list of checkboxes.
    connect(view, &QListView::activated, this, [p](const QModelIndex& index) {
        const bool on = index.data(Qt::CheckStateRole).value<Qt::CheckState>() == Qt::Checked;
        p->setData(index, on ? Qt::Unchecked : Qt::Checked, Qt::CheckStateRole);
    });
    return view;
}

void FilterPanel::setDateBounds(const PartialDate& first, const PartialDate& last)
{
    const QDate a = DocumentFilter::firstDay(first.iso());
    const QDate z = DocumentFilter::lastDay(last.iso());
    m_showing = true;
    for (QDateEdit* edit : {m_from, m_to})
        if (a.isValid() && z.isValid())
            edit->setDateRange(a.addYears(-1), z.addYears(1));
    if (!m_fromSet->isChecked() && a.isValid())
        m_from->setDate(a);
    if (!m_toSet->isChecked() && z.isValid())
        m_to->setDate(z);
    m_showing = false;
}

void FilterPanel::showFilter(const DocumentFilter& filter)
{
    m_showing = true;
    m_companies->setChecked(filter.companies);
    m_countries->setChecked(filter.countries);
    m_sources->setChecked(filter.sources);
    m_fromSet->setChecked(filter.from.isValid());
    m_toSet->setChecked(filter.to.isValid());
    if (filter.from.isValid())
        m_from->setDate(filter.from);
    if (filter.to.isValid())
        m_to->setDate(filter.to);
    m_showing = false;
}

DocumentFilter FilterPanel::edited(DocumentFilter filter) const
{
    filter.companies = m_companies->checked();
    filter.countries = m_countries->checked();
    filter.sources = m_sources->checked();
    filter.from = m_fromSet->isChecked() ? m_from->date() : QDate();
    filter.to = m_toSet->isChecked() ? m_to->date() : QDate();
    return filter;
}

}  // namespace claimlens::ui
