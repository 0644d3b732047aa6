#include "MergeDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace claimlens::ui {

MergeDialog::MergeDialog(const QStringList& names, const QStringList& ticked, QWidget* parent)
    : QDialog(parent),
      m_find(new QLineEdit(this)),
      m_list(new QListWidget(this)),
      m_kept(new QComboBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("mergeDialog"));
    setWindowTitle(tr("Merge Companies"));
    auto* intro = new QLabel(tr("Tick the names that are one company. Every document naming any of them will name the "
                                "one kept, after the documents are read again."),
                             this);
    intro->setWordWrap(true);
    m_find->setPlaceholderText(tr("Find a company\u2026"));
    m_find->setClearButtonEnabled(true);
    QStringList sorted = names;
    for (const QString& t : ticked)  // a ticked name the list lacks (the filter's) is offered too
        if (!sorted.contains(t))
            sorted.append(t);
    sorted.sort(Qt::CaseInsensitive);
    for (const QString& name : sorted) {
        auto* item = new QListWidgetItem(name, m_list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(ticked.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
    m_kept->setObjectName(QStringLiteral("keptName"));
    m_kept->setEditable(true);
    m_kept->setInsertPolicy(QComboBox::NoInsert);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Merge"));

    auto* form = new QFormLayout;
    form->addRow(tr("Keep the name:"), m_kept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_find);
    layout->addWidget(m_list, 1);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(420, 480);

    connect(m_find, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(!m_list->item(i)->text().contains(text, Qt::CaseInsensitive));
    });
    connect(m_list, &QListWidget::itemChanged, this, &MergeDialog::update);
    connect(m_kept, &QComboBox::currentTextChanged, this, &MergeDialog::update);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    update();
}

void MergeDialog::update()
{
    QStringList ticked;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked)
            ticked.append(m_list->item(i)->text());
    // the choices follow the ticks; a name the analyst picked or typed stays
    QStringList offered;
    for (int i = 0; i < m_kept->count(); ++i)
        offered.append(m_kept->itemText(i));
    if (offered != ticked) {
        const QString current = m_kept->currentText();
        const QSignalBlocker block(m_kept);
        m_kept->clear();
        m_kept->addItems(ticked);
        // by default the longest name: "Moonshot AI" over "Moonshot"
        QString best = current;
        if (current.isEmpty() || current == m_default) {
            best.clear();
            for (const QString& t : ticked)
                if (t.size() > best.size())
                    best = t;
            m_default = best;
        }
        m_kept->setCurrentText(best);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!kept().isEmpty() && !merged().isEmpty());
}

QString MergeDialog::kept() const
{
    return m_kept->currentText().simplified();
}

QStringList MergeDialog::merged() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        if (m_list->item(i)->checkState() == Qt::Checked && m_list->item(i)->text().compare(kept(), Qt::CaseInsensitive) != 0)
            out.append(m_list->item(i)->text());
    return out;
}

}  // namespace claimlens::ui
