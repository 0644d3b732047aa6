#pragma once

#include "review/Correction.h"

#include <QDialog>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace claimlens::ui {

/// The editor of one reading: the fields of a statistic (subject, metric, value, unit, qualifier,
/// period), a claim (actors, date), a name (which entity, of which kind), an event (date) or a
/// metadata field, shown beside the sentence and what the machine read. OK gives the correction
/// with the analyst's value; a value that does not parse keeps the dialog open and says why.
class ReviewDialog : public QDialog {
    Q_OBJECT
public:
    explicit ReviewDialog(const Correction& correction, QWidget* parent = nullptr);
    /// The correction with the edited value (valid after accept()).
    const Correction& correction() const { return m_correction; }
    /// A field by its name ("subject", "value", "date", ...), for tests.
    QWidget* field(const QString& name) const;

    void accept() override;

private:
    QLineEdit* addLine(const QString& name, const QString& label, const QString& text);
    QComboBox* addChoice(const QString& name, const QString& label, const QStringList& choices, const QString& current,
                         bool editable = false);
    QString text(const QString& name) const;

    Correction m_correction;
    QFormLayout* m_form;
    QLabel* m_problem;
};

}  // namespace claimlens::ui
