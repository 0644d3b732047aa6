#pragma once

#include "charts/ChartModel.h"
#include "util/Result.h"

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

class QPainter;

namespace claimlens::charts {

enum class ExportFormat { Png, Svg, Pdf, Csv };

struct ExportOptions {
    QSize size{1200, 800};  ///< the layout size in pixels at scale 1 (caption included)
    double scale = 2;       ///< PNG and clipboard pixels per layout pixel
    bool dark = false;
};

/// What an export holds: a way to draw the picture into a rectangle, its caption, and the data
/// behind it. Charts and the timeline each make one.
struct ExportContent {
    QString title;
    QStringList caption;  ///< title, unit and documents, filter, notes: drawn under the picture
    QStringList csvHeader;
    std::vector<QStringList> csvRows;
    std::function<void(QPainter& painter, const QRectF& area, bool dark)> draw;
};

/// A chart's export: the model drawn by a fresh QChart at the export's size.
ExportContent chartContent(const ChartModel& model);

/// Writes pictures with their provenance: PNG with text chunks (Title, Description, Source,
/// Comment), SVG with title and description and its text kept as text, PDF, the clipboard, and
/// the data as CSV.
class ChartExporter {
public:
    /// By the file's extension (.png .svg .pdf .csv); Png when it names none of them.
    static ExportFormat formatFor(const QString& path);
    static Status write(const ExportContent& content, const QString& path, const ExportOptions& options);
    /// The picture with its caption, size * scale pixels, with the PNG text chunks set.
    static QImage image(const ExportContent& content, const ExportOptions& options);
    static QByteArray csv(const ExportContent& content);
    /// The image and the CSV (as text) on the clipboard.
    static void copyToClipboard(const ExportContent& content, const ExportOptions& options);
    /// Draws picture and caption into a painter whose coordinates are layout pixels.
    static void paint(const ExportContent& content, QPainter& painter, QSize size, bool dark);
};

}  // namespace claimlens::charts
