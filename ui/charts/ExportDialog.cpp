#include "charts/ExportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>

namespace claimlens::charts {
namespace {

struct Format {
    const char* label;
    const char* suffix;  ///< empty for the clipboard
};
const Format kFormats[] = {{"PNG image", "png"}, {"SVG vector image", "svg"}, {"PDF document", "pdf"},
                           {"Clipboard (image and data)", ""}, {"Data behind it (CSV)", "csv"}};

}  // namespace

ExportDialog::ExportDialog(const QString& suggestedName, QSize size, bool dark, QWidget* parent)
    : QDialog(parent),
      m_format(new QComboBox(this)),
      m_path(new QLineEdit(this)),
      m_width(new QSpinBox(this)),
      m_height(new QSpinBox(this)),
      m_scale(new QDoubleSpinBox(this)),
      m_dark(new QCheckBox(tr("Dark background"), this))
{
    setWindowTitle(tr("Export"));
    for (const Format& f : kFormats)
        m_format->addItem(tr(f.label));
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    m_path->setText(QDir(folder.isEmpty() ? QDir::homePath() : folder).filePath(suggestedName + QStringLiteral(".png")));
    auto* browse = new QPushButton(tr("Choose…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    m_width->setRange(200, 10000);
    m_height->setRange(150, 10000);
    m_width->setValue(std::max(200, size.width()));
    m_height->setValue(std::max(150, size.height()));
    m_width->setSuffix(tr(" px"));
    m_height->setSuffix(tr(" px"));
    m_scale->setRange(0.5, 8);
    m_scale->setSingleStep(0.5);
    m_scale->setValue(2);
    m_scale->setSuffix(QStringLiteral("×"));
    m_dark->setChecked(dark);

    auto* form = new QFormLayout;
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("File"), pathRow);
    form->addRow(tr("Width"), m_width);
    form->addRow(tr("Height"), m_height);
    form->addRow(tr("Scale (PNG, clipboard)"), m_scale);
    form->addRow(QString(), m_dark);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::formatChanged);
}

bool ExportDialog::toClipboard() const
{
    return *kFormats[m_format->currentIndex()].suffix == '\0';
}

QString ExportDialog::path() const
{
    const QString suffix = QLatin1String(kFormats[m_format->currentIndex()].suffix);
    QFileInfo info(m_path->text().trimmed());
    if (suffix.isEmpty() || info.suffix().toLower() == suffix)
        return info.filePath();
    return QDir(info.path()).filePath(info.completeBaseName() + u'.' + suffix);
}

ExportOptions ExportDialog::options() const
{
    return {QSize(m_width->value(), m_height->value()), m_scale->value(), m_dark->isChecked()};
}

Status ExportDialog::exportContent(const ExportContent& content) const
{
    if (toClipboard()) {
        ChartExporter::copyToClipboard(content, options());
        return {};
    }
    return ChartExporter::write(content, path(), options());
}

void ExportDialog::formatChanged()
{
    const bool file = !toClipboard();
    m_path->setEnabled(file);
    const QString suffix = QLatin1String(kFormats[m_format->currentIndex()].suffix);
    m_scale->setEnabled(suffix == QStringLiteral("png") || suffix.isEmpty());
    if (file)
        m_path->setText(path());
}

void ExportDialog::browse()
{
    const QString suffix = QLatin1String(kFormats[m_format->currentIndex()].suffix);
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Export to"), path(),
                                                        QStringLiteral("*.%1").arg(suffix.isEmpty() ? QStringLiteral("png") : suffix));
    if (!chosen.isEmpty())
        m_path->setText(chosen);
}

}  // namespace claimlens::charts
