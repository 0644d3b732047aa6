#include "FilterChips.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace claimlens::ui {

FilterChips::FilterChips(QWidget* parent)
    : QWidget(parent), m_layout(new QHBoxLayout(this)), m_clear(new QPushButton(tr("Clear filters"), this))
{
    setObjectName(QStringLiteral("filterChips"));
    m_layout->setContentsMargins(4, 2, 4, 2);
    m_layout->setSpacing(4);
    auto* label = new QLabel(tr("Filtered by:"), this);
    m_layout->addWidget(label);
    m_layout->addStretch(1);
    m_layout->addWidget(m_clear);
    m_clear->setObjectName(QStringLiteral("clearFilters"));
    m_clear->setToolTip(tr("Show every document (Ctrl+Shift+L)"));
    connect(m_clear, &QPushButton::clicked, this, &FilterChips::clearRequested);
    setVisible(false);
}

QString FilterChips::describe(const DocumentFilter& f)
{
    QStringList parts;
    parts += f.companies;
    parts += f.countries;
    parts += f.sources;
    if (f.from.isValid())
        parts.append(tr("from %1").arg(f.from.toString(Qt::ISODate)));
    if (f.to.isValid())
        parts.append(tr("to %1").arg(f.to.toString(Qt::ISODate)));
    if (!f.search.trimmed().isEmpty())
        parts.append(tr("\u201C%1\u201D").arg(f.search.trimmed()));
    return parts.join(QStringLiteral(", "));
}

QStringList FilterChips::labels() const
{
    QStringList out;
    for (QWidget* chip : m_chips)
        out.append(static_cast<QToolButton*>(chip)->text());
    return out;
}

void FilterChips::showFilter(const DocumentFilter& filter)
{
    m_filter = filter;
    qDeleteAll(m_chips);
    m_chips.clear();
    int at = 1;  // after the label
    auto chip = [&](const QString& text, auto remove) {
        auto* b = new QToolButton(this);
        b->setText(text + QStringLiteral("  \u2715"));
        b->setToolTip(tr("Remove this filter"));
        b->setAutoRaise(false);
        b->setObjectName(QStringLiteral("chip"));
        connect(b, &QToolButton::clicked, this, [this, remove] {
            DocumentFilter f = m_filter;
            remove(f);
            Q_EMIT filterEdited(f);
        });
        m_layout->insertWidget(at++, b);
        m_chips.append(b);
    };
    for (const QString& c : filter.companies)
        chip(tr("Company: %1").arg(c), [c](DocumentFilter& f) { f.companies.removeAll(c); });
    for (const QString& c : filter.countries)
        chip(tr("Country: %1").arg(c), [c](DocumentFilter& f) { f.countries.removeAll(c); });
    for (const QString& s : filter.sources)
        chip(tr("Source: %1").arg(s), [s](DocumentFilter& f) { f.sources.removeAll(s); });
    if (filter.from.isValid())
        chip(tr("From %1").arg(filter.from.toString(Qt::ISODate)), [](DocumentFilter& f) { f.from = {}; });
    if (filter.to.isValid())
        chip(tr("To %1").arg(filter.to.toString(Qt::ISODate)), [](DocumentFilter& f) { f.to = {}; });
    if (!filter.search.trimmed().isEmpty())
        chip(tr("Words: %1").arg(filter.search.trimmed()), [](DocumentFilter& f) { f.search.clear(); });
    setVisible(!m_chips.isEmpty());
}

}  // namespace claimlens::ui
