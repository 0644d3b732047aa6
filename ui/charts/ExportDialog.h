#pragma once

#include "charts/ChartExporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace claimlens::charts {

/// Asks where and how to export: PNG, SVG, PDF, the clipboard or the data as CSV; the size in
/// layout pixels and, for pictures in pixels, the scale (2x unless changed).
class ExportDialog : public QDialog {
    Q_OBJECT
public:
    explicit ExportDialog(const QString& suggestedName, QSize size, bool dark, QWidget* parent = nullptr);

    bool toClipboard() const;
    QString path() const;  ///< with the format's extension
    ExportOptions options() const;

    /// Writes `content` where the dialog says; the error names the file when it fails.
    Status exportContent(const ExportContent& content) const;

private:
    void formatChanged();
    void browse();

    QComboBox* m_format;
    QLineEdit* m_path;
    QSpinBox* m_width;
    QSpinBox* m_height;
    QDoubleSpinBox* m_scale;
    QCheckBox* m_dark;
};

}  // namespace claimlens::charts
