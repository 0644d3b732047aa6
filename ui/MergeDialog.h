#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLineEdit;
class QListWidget;

namespace claimlens::ui {

/// Knowledge → Merge Companies: the analyst ticks the names that are one company ("Moonshot",
/// "Moonshot AI") and picks, or types, the name to keep.
class MergeDialog : public QDialog {
    Q_OBJECT
public:
    /// `names`: the companies the filter panel lists; `ticked`: those ticked at first.
    MergeDialog(const QStringList& names, const QStringList& ticked, QWidget* parent = nullptr);

    /// The ticked names other than the one kept.
    QStringList merged() const;
    /// The name kept (canonical).
    QString kept() const;

    QListWidget* list() const { return m_list; }
    QComboBox* keptBox() const { return m_kept; }

private:
    void update();

    QLineEdit* m_find;
    QListWidget* m_list;
    QComboBox* m_kept;
    QDialogButtonBox* m_buttons;
    QString m_default;  ///< the name kept unless the analyst chooses another
};

}  // namespace claimlens::ui
