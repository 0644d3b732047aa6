#include "charts/ChartExporter.h"

#include "charts/ChartBuilder.h"
#include "charts/SeriesPalette.h"
#include "util/Csv.h"

#include <QBuffer>
#include <QChart>
#include <QClipboard>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QGuiApplication>
#include <QImageWriter>
#include <QMimeData>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <memory>

namespace claimlens::charts {
namespace {

QColor background(bool dark)
{
    return palette::background(dark);  // the one the series colours were chosen against
}

QFont captionFont()
{
    QFont f;
    f.setPointSizeF(9);
    return f;
}

}  // namespace

ExportContent chartContent(const ChartModel& model)
{
    ExportContent c;
    c.title = model.title;
    c.caption = model.captionLines();
    c.csvHeader = model.csvHeader;
    c.csvRows = model.csvRows;
    c.draw = [model](QPainter& painter, const QRectF& area, bool dark) {
        QGraphicsScene scene;
        QChart* chart = ChartBuilder::build(model, dark);
        scene.addItem(chart);  // the scene owns the chart from here
        chart->setGeometry(QRectF(QPointF(0, 0), area.size()));
        // lay out now rather than on the next event loop turn, so nothing waits on events
        if (chart->layout())
            chart->layout()->activate();
        scene.setSceneRect(QRectF(QPointF(0, 0), area.size()));
        scene.render(&painter, area, scene.sceneRect(), Qt::IgnoreAspectRatio);
    };
    return c;
}

ExportFormat ChartExporter::formatFor(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QStringLiteral("svg"))
        return ExportFormat::Svg;
    if (suffix == QStringLiteral("pdf"))
        return ExportFormat::Pdf;
    if (suffix == QStringLiteral("csv"))
        return ExportFormat::Csv;
    return ExportFormat::Png;
}

void ChartExporter::paint(const ExportContent& content, QPainter& painter, QSize size, bool dark)
{
    const QFont font = captionFont();
    painter.setFont(font);
    const QFontMetricsF metrics(font, painter.device());
    const double line = metrics.lineSpacing();
    const double margin = 12;
    // the first caption line is the title, which the picture already shows large
    const QStringList lines = content.caption.mid(1);
    const double captionHeight = lines.size() * line + 2 * margin;
    painter.fillRect(QRectF(QPointF(0, 0), QSizeF(size)), background(dark));
    const QRectF picture(0, 0, size.width(), std::max(1.0, size.height() - captionHeight));
    if (content.draw) {
        painter.save();
        content.draw(painter, picture, dark);
        painter.restore();
    }
    painter.setFont(font);
    painter.setPen(dark ? QColor(0xdd, 0xdd, 0xdd) : QColor(0x33, 0x33, 0x33));
    double y = picture.bottom() + margin + metrics.ascent();
    for (const QString& l : lines) {
        painter.drawText(QPointF(margin, y), metrics.elidedText(l, Qt::ElideRight, size.width() - 2 * margin));
        y += line;
    }
}

QImage ChartExporter::image(const ExportContent& content, const ExportOptions& options)
{
    const QSize pixels(qRound(options.size.width() * options.scale), qRound(options.size.height() * options.scale));
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(background(options.dark));
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.scale(options.scale, options.scale);
        paint(content, painter, options.size, options.dark);
    }
    // 96 dpi times the scale, so that a 2x image prints at the layout's size
    image.setDotsPerMeterX(qRound(96 * options.scale / 0.0254));
    image.setDotsPerMeterY(qRound(96 * options.scale / 0.0254));
    image.setText(QStringLiteral("Title"), content.title);
    image.setText(QStringLiteral("Description"), content.caption.join(u'\n'));
    image.setText(QStringLiteral("Source"), content.caption.value(1));
    image.setText(QStringLiteral("Comment"), content.caption.value(2));
    image.setText(QStringLiteral("Software"), QStringLiteral("Claimlens"));
    return image;
}

QByteArray ChartExporter::csv(const ExportContent& content)
{
    QByteArray out;
    auto row = [&](const QStringList& fields) { out += csv::row(fields).toUtf8() + "\r\n"; };
    row(content.csvHeader);
    for (const QStringList& r : content.csvRows)
        row(r);
    return out;
}

Status ChartExporter::write(const ExportContent& content, const QString& path, const ExportOptions& options)
{
    auto cannot = [&](const QString& why) { return Error{QStringLiteral("%1: cannot write (%2)").arg(path, why)}; };
    switch (formatFor(path)) {
    case ExportFormat::Png: {
        QImageWriter writer(path, "png");
        if (!writer.write(image(content, options)))
            return cannot(writer.errorString());
        return {};
    }
    case ExportFormat::Svg: {
        QSvgGenerator generator;
        generator.setFileName(path);
        generator.setSize(options.size);
        generator.setViewBox(QRect(QPoint(0, 0), options.size));
        generator.setResolution(96);
        generator.setTitle(content.title);
        generator.setDescription(content.caption.join(u'\n'));
        QPainter painter;
        if (!painter.begin(&generator))
            return cannot(QStringLiteral("the SVG could not be started"));
        paint(content, painter, options.size, options.dark);
        painter.end();
        if (!QFileInfo::exists(path))
            return cannot(QStringLiteral("no file was written"));
        return {};
    }
    case ExportFormat::Pdf: {
        QPdfWriter writer(path);
        writer.setTitle(content.title);
        writer.setCreator(QStringLiteral("Claimlens"));
        // one page the size of the layout at 96 dpi, so fonts keep their size against the chart
        writer.setResolution(96);
        writer.setPageSize(QPageSize(QSizeF(options.size) * 72.0 / 96.0, QPageSize::Point, content.title,
                                     QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&writer))
            return cannot(QStringLiteral("the PDF could not be started"));
        const double sx = writer.width() / static_cast<double>(options.size.width());
        painter.scale(sx, sx);
        paint(content, painter, options.size, options.dark);
        painter.end();
        return {};
    }
    case ExportFormat::Csv: {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return cannot(file.errorString());
        file.write(csv(content));
        return {};
    }
    }
    return {};
}

void ChartExporter::copyToClipboard(const ExportContent& content, const ExportOptions& options)
{
    auto* mime = new QMimeData;
    mime->setImageData(image(content, options));
    mime->setText(QString::fromUtf8(csv(content)));
    mime->setData(QStringLiteral("text/csv"), csv(content));
    QGuiApplication::clipboard()->setMimeData(mime);
}

}  // namespace claimlens::charts
