#pragma once

#include "review/CorrectionStore.h"

#include <QDialog>

class QLabel;
class QTableWidget;

namespace claimlens::ui {

class MainWindow;
class ReviewController;

/// Edit → Corrections: every decision the analyst recorded, applied or orphaned (its sentence or
/// its document is gone: listed with why, never applied elsewhere), with Take Back, and Export and
/// Import of the corrections file a team shares (the format of `claimlens-cli review export`).
class CorrectionsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { State, Document, What, Recorded, Why, ColumnCount };
    CorrectionsDialog(MainWindow* window, ReviewController* controller);

    QTableWidget* table() const { return m_table; }
    const std::vector<ListedCorrection>& listed() const { return m_listed; }
    void reload();
    /// Writes every correction to `path`; false after saying why.
    bool exportTo(const QString& path);
    /// Reads a corrections file and applies it; false after saying why (nothing is imported then).
    bool importFrom(const QString& path);

private:
    void takeBack();

    MainWindow* m_window;
    ReviewController* m_controller;
    QTableWidget* m_table;
    QLabel* m_summary;
    std::vector<ListedCorrection> m_listed;
};

}  // namespace claimlens::ui
