#include "ReviewDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QVBoxLayout>

namespace claimlens::ui {
namespace {

const QStringList kKinds{QStringLiteral("company"), QStringLiteral("country"), QStringLiteral("person"),
                         QStringLiteral("organization"), QStringLiteral("product")};
const QStringList kUnits{QStringLiteral("count"), QStringLiteral("percent"), QStringLiteral("usd"), QStringLiteral("cny"),
                         QStringLiteral("eur"), QStringLiteral("times")};

QString title(const Correction& c)
{
    const QString item = correctionItemName(c.item);
    return c.action == CorrectionAction::Add ? QObject::tr("Add a %1").arg(item) : QObject::tr("Correct the %1").arg(item);
}

/// "2024", "2024-07" or "2024-07-04", or empty: a date a reading can hold.
bool isDate(const QString& s)
{
    return s.isEmpty() || PartialDate::fromIso(s).iso() == s;
}

}  // namespace

ReviewDialog::ReviewDialog(const Correction& correction, QWidget* parent) : QDialog(parent), m_correction(correction)
{
    setWindowTitle(title(correction));
    setObjectName(QStringLiteral("reviewDialog"));
    auto* layout = new QVBoxLayout(this);
    if (!correction.sentence.isEmpty()) {
        auto* sentence = new QLabel(QStringLiteral("\u201C%1\u201D").arg(correction.sentence.toHtmlEscaped()), this);
        sentence->setWordWrap(true);
        sentence->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(sentence);
    }
    if (!correction.machine.isEmpty()) {
        Correction machine = correction;
        machine.action = CorrectionAction::Confirm;
        machine.value = correction.machine;
        auto* read = new QLabel(tr("Read as: %1").arg(describeCorrection(machine).section(QStringLiteral(": "), 1)), this);
        read->setWordWrap(true);
        read->setEnabled(false);
        layout->addWidget(read);
    }
    m_form = new QFormLayout;
    layout->addLayout(m_form);
    const QJsonObject& v = correction.value;
    auto str = [&](const char* key) { return v.value(QLatin1String(key)).toString(); };
    switch (correction.item) {
    case CorrectionItem::Statistic: {
        const Statistic s = statisticFromJson(v);
        addLine(QStringLiteral("subject"), tr("&Subject"), s.subject);
        addChoice(QStringLiteral("subjectKind"), tr("Subject &kind"), kKinds.mid(0, 4), entityKindName(s.subjectKind));
        addLine(QStringLiteral("metric"), tr("&Metric"), s.metric);
        addLine(QStringLiteral("value"), tr("&Value"), s.value == 0 && v.isEmpty() ? QString() : QLocale::c().toString(s.value, 'g', 15));
        addChoice(QStringLiteral("unit"), tr("&Unit"), kUnits, s.unit.isEmpty() ? kUnits.first() : s.unit, true);
        addLine(QStringLiteral("qualifier"), tr("&Qualifier"), s.qualifier)->setPlaceholderText(tr("about, more than, up to\u2026"));
        addLine(QStringLiteral("period"), tr("&Period"), s.period)->setPlaceholderText(tr("2024, 2014-2023\u2026"));
        break;
    }
    case CorrectionItem::Claim: {
        const Claim c = claimFromJson(v);
        addLine(QStringLiteral("actors"), tr("&Actors"), c.actors.join(QStringLiteral(", ")))
            ->setPlaceholderText(tr("names, separated by commas"));
        addLine(QStringLiteral("date"), tr("&Date"), c.date.iso())->setPlaceholderText(tr("YYYY, YYYY-MM or YYYY-MM-DD"));
        break;
    }
    case CorrectionItem::Mention:
        addLine(QStringLiteral("name"), tr("&Name"), str("name"));
        addChoice(QStringLiteral("kind"), tr("&Kind"), kKinds, str("kind").isEmpty() ? kKinds.first() : str("kind"));
        break;
    case CorrectionItem::Event:
        addLine(QStringLiteral("date"), tr("&Date"), str("date"))->setPlaceholderText(tr("YYYY, YYYY-MM or YYYY-MM-DD"));
        break;
    default:
        addLine(QStringLiteral("value"), correctionItemName(correction.item).replace(0, 1, correctionItemName(correction.item).at(0).toUpper()),
                str("value"));
        break;
    }
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #c62828"));
    m_problem->hide();
    layout->addWidget(m_problem);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ReviewDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ReviewDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

QLineEdit* ReviewDialog::addLine(const QString& name, const QString& label, const QString& text)
{
    auto* edit = new QLineEdit(text, this);
    edit->setObjectName(name);
    m_form->addRow(label, edit);
    return edit;
}

QComboBox* ReviewDialog::addChoice(const QString& name, const QString& label, const QStringList& choices,
                                   const QString& current, bool editable)
{
    auto* box = new QComboBox(this);
    box->setObjectName(name);
    box->setEditable(editable);
    box->addItems(choices);
    if (!choices.contains(current))
        box->addItem(current);
    box->setCurrentText(current);
    m_form->addRow(label, box);
    return box;
}

QWidget* ReviewDialog::field(const QString& name) const
{
    return findChild<QWidget*>(name);
}

QString ReviewDialog::text(const QString& name) const
{
    if (auto* line = findChild<QLineEdit*>(name))
        return line->text().trimmed();
    if (auto* box = findChild<QComboBox*>(name))
        return box->currentText().trimmed();
    return {};
}

void ReviewDialog::accept()
{
    auto problem = [&](const QString& why) {
        m_problem->setText(why);
        m_problem->show();
    };
    QJsonObject value;
    switch (m_correction.item) {
    case CorrectionItem::Statistic: {
        Statistic s = statisticFromJson(m_correction.value);
        bool ok = false;
        QString number = text(QStringLiteral("value"));
        number.remove(u',');
        s.value = QLocale::c().toDouble(number, &ok);
        if (!ok)
            return problem(tr("The value must be a number (\u201C%1\u201D is not one)").arg(text(QStringLiteral("value"))));
        s.subject = text(QStringLiteral("subject"));
        if (s.subject.isEmpty())
            return problem(tr("Say whom or what the figure is about (the subject)"));
        s.subjectKind = entityKindFromName(text(QStringLiteral("subjectKind"))).value_or(EntityKind::Country);
        s.metric = text(QStringLiteral("metric"));
        if (s.metric.isEmpty())
            return problem(tr("Say what the figure measures (the metric)"));
        if (s.metricKey.isEmpty() || statisticFromJson(m_correction.value).metric != s.metric)
            s.metricKey = s.metric.toLower();
        s.unit = text(QStringLiteral("unit")).toLower();
        s.qualifier = text(QStringLiteral("qualifier"));
        s.period = text(QStringLiteral("period"));
        value = statisticToJson(s);
        break;
    }
    case CorrectionItem::Claim: {
        Claim c;
        for (const QString& a : text(QStringLiteral("actors")).split(u','))
            if (!a.trimmed().isEmpty())
                c.actors.append(a.trimmed());
        const QString date = text(QStringLiteral("date"));
        if (!isDate(date))
            return problem(tr("Dates are YYYY, YYYY-MM or YYYY-MM-DD (\u201C%1\u201D is not one)").arg(date));
        c.date = PartialDate::fromIso(date);
        c.source = claimFromJson(m_correction.value).source;
        value = claimToJson(c);
        break;
    }
    case CorrectionItem::Mention:
        if (text(QStringLiteral("name")).isEmpty())
            return problem(tr("Name the entity"));
        value = {{QStringLiteral("name"), text(QStringLiteral("name"))}, {QStringLiteral("kind"), text(QStringLiteral("kind"))}};
        break;
    case CorrectionItem::Event: {
        const QString date = text(QStringLiteral("date"));
        if (date.isEmpty() || !isDate(date))
            return problem(tr("Dates are YYYY, YYYY-MM or YYYY-MM-DD (\u201C%1\u201D is not one)").arg(date));
        value = {{QStringLiteral("date"), date}};
        break;
    }
    default: {
        const QString v = text(QStringLiteral("value"));
        if (m_correction.item == CorrectionItem::Published && (v.isEmpty() || !isDate(v)))
            return problem(tr("Dates are YYYY, YYYY-MM or YYYY-MM-DD (\u201C%1\u201D is not one)").arg(v));
        value = {{QStringLiteral("value"), v}};
        break;
    }
    }
    m_correction.value = value;
    if (m_correction.action != CorrectionAction::Add)
        m_correction.action = value == m_correction.machine ? CorrectionAction::Confirm : CorrectionAction::Edit;
    QDialog::accept();
}

}  // namespace claimlens::ui
