#include "MessageBox.h"

namespace claimlens::ui {
namespace {

struct Answers {
    QMessageBox::StandardButton next = QMessageBox::NoButton;
    QMessageBox::StandardButton always = QMessageBox::NoButton;
    QString lastText;
    QString lastDetails;
};

Answers& answers()
{
    static Answers a;
    return a;
}

}  // namespace

QMessageBox::StandardButton MessageBox::show(QWidget* parent, QMessageBox::Icon icon, const QString& title,
                                             const QString& text, const QString& details,
                                             QMessageBox::StandardButtons buttons,
                                             QMessageBox::StandardButton defaultButton)
{
    Answers& a = answers();
    a.lastText = text;
    a.lastDetails = details;
    if (a.next != QMessageBox::NoButton)
        return std::exchange(a.next, QMessageBox::NoButton);
    if (a.always != QMessageBox::NoButton)
        return a.always;
    QMessageBox box(icon, title, text, buttons, parent);
    box.setDefaultButton(defaultButton);
    if (!details.isEmpty())
        box.setDetailedText(details);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

QMessageBox::StandardButton MessageBox::critical(QWidget* parent, const QString& title, const QString& text,
                                                 const QString& details)
{
    return show(parent, QMessageBox::Critical, title, text, details, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::information(QWidget* parent, const QString& title, const QString& text,
                                                    const QString& details)
{
    return show(parent, QMessageBox::Information, title, text, details, QMessageBox::Ok, QMessageBox::Ok);
}

QMessageBox::StandardButton MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                                 QMessageBox::StandardButtons buttons,
                                                 QMessageBox::StandardButton defaultButton)
{
    return show(parent, QMessageBox::Question, title, text, {}, buttons, defaultButton);
}

void MessageBox::setNextAnswer(QMessageBox::StandardButton answer)
{
    answers().next = answer;
}

void MessageBox::setAutoAnswer(QMessageBox::StandardButton answer)
{
    answers().always = answer;
}

QString MessageBox::lastText()
{
    return answers().lastText;
}

QString MessageBox::lastDetails()
{
    return answers().lastDetails;
}

}  // namespace claimlens::ui
