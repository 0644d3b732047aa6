#pragma once

#include <QMessageBox>
#include <QString>

namespace claimlens::ui {

/// Message boxes that tests can answer. With an answer queued (setNextAnswer), no dialog is shown:
/// the call returns the answer at once and its text is kept in lastText() for the test to check.
class MessageBox {
public:
    static QMessageBox::StandardButton critical(QWidget* parent, const QString& title, const QString& text,
                                                const QString& details = {});
    static QMessageBox::StandardButton information(QWidget* parent, const QString& title, const QString& text,
                                                   const QString& details = {});
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);

    static void setNextAnswer(QMessageBox::StandardButton answer);
    /// Every box from now on is answered with `answer` (QMessageBox::NoButton: shown again).
    static void setAutoAnswer(QMessageBox::StandardButton answer);
    static QString lastText();
    static QString lastDetails();

private:
    static QMessageBox::StandardButton show(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                            const QString& text, const QString& details,
                                            QMessageBox::StandardButtons buttons,
                                            QMessageBox::StandardButton defaultButton);
};

}  // namespace claimlens::ui
