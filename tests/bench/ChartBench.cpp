// claimlens-chart-bench: how long the data behind each chart takes on a large database, and a PNG
// export beside Qt Charts' own draw and save of the same series, measured in the same run.
// The database is built once (synthetic articles through the real ingest) and reused from /tmp.
#include "ArticleGenerator.h"

#include "charts/ChartBuilder.h"
#include "charts/ChartExporter.h"
#include "charts/ChartModel.h"
#include "ingest/IngestJob.h"
#include "query/ChartQuery.h"
#include "store/Database.h"

#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QPainter>
#include <QTemporaryDir>
#include <QValueAxis>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace claimlens;

namespace {

struct Timing {
    double first;  ///< ms, the first run (cold statement cache, maybe cold pages)
    double best;   ///< ms, the best of the runs after it
};

Timing measure(const std::function<void()>& run, int repeats = 5)
{
    QElapsedTimer t;
    t.start();
    run();
    const double first = static_cast<double>(t.nsecsElapsed()) / 1e6;
    double best = first;
    for (int i = 0; i < repeats; ++i) {
        t.restart();
        run();
        best = std::min(best, static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return {first, best};
}

bool buildDatabase(const QString& dbPath, int docs)
{
    const QString folder = QFileInfo(dbPath).absoluteDir().filePath(QStringLiteral("articles"));
    if (!QDir(folder).exists()) {
        std::printf("writing %d synthetic articles to %s\n", docs, qPrintable(folder));
        bench::ArticleGenerator generator;
        for (int i = 0; i < docs; ++i) {
            const QString sub = QStringLiteral("%1/%2").arg(folder).arg(i / 1000, 3, 10, QLatin1Char('0'));
            if (i % 1000 == 0)
                QDir().mkpath(sub);
            QFile f(QStringLiteral("%1/article-%2.txt").arg(sub).arg(i, 6, 10, QLatin1Char('0')));
            if (!f.open(QIODevice::WriteOnly))
                return false;
            f.write(generator.article(i).toUtf8());
        }
    }
    std::printf("ingesting %s (a few minutes for 100,000 articles)\n", qPrintable(folder));
    const IngestResult r = IngestJob({{folder}, dbPath}).run();
    if (!r.ok())
        std::fprintf(stderr, "chart-bench: %s\n", qPrintable(r.error));
    return r.ok();
}

/// Qt Charts on its own: the same bars, default look, drawn into an image and saved.
void qtChartsAlone(const charts::ChartModel& model, QSize pixels, const QString& path)
{
    QGraphicsScene scene;
    auto* chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    auto* series = new QHorizontalBarSeries;
    auto* set = new QBarSet(model.title);
    for (double v : model.sets.front().values)
        set->append(v);
    series->append(set);
    series->setLabelsVisible(true);
    chart->addSeries(series);
    auto* categories = new QBarCategoryAxis;
    categories->append(model.categories);
    auto* values = new QValueAxis;
    chart->addAxis(categories, Qt::AlignLeft);
    chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(categories);
    series->attachAxis(values);
    scene.addItem(chart);
    chart->setGeometry(QRectF(QPointF(0, 0), QSizeF(pixels)));
    chart->layout()->activate();
    QImage image(pixels, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        scene.render(&painter, QRectF(QPointF(0, 0), QSizeF(pixels)), QRectF(QPointF(0, 0), QSizeF(pixels)));
    }
    image.save(path, "png");
}

}  // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // each figure as soon as it is measured
    QStringList args = QCoreApplication::arguments();
    if (args.contains(QStringLiteral("--help"))) {
        std::printf("usage: claimlens-chart-bench [--db FILE] [--docs N]\n"
                    "  FILE defaults to /tmp/claimlens-chart-bench/bench-100k.sqlite, built from N (100000)\n"
                    "  synthetic articles when missing and reused after.\n");
        return 0;
    }
    QString dbPath = QStringLiteral("/tmp/claimlens-chart-bench/bench-100k.sqlite");
    int docs = 100000;
    if (const qsizetype i = args.indexOf(QStringLiteral("--db")); i > 0 && i + 1 < args.size())
        dbPath = args.at(i + 1);
    if (const qsizetype i = args.indexOf(QStringLiteral("--docs")); i > 0 && i + 1 < args.size())
        docs = args.at(i + 1).toInt();
    QDir().mkpath(QFileInfo(dbPath).absolutePath());
    if (!QFileInfo::exists(dbPath) && !buildDatabase(dbPath, docs))
        return 1;
    auto db = Database::open(dbPath);
    if (!db) {
        std::fprintf(stderr, "chart-bench: %s\n", qPrintable(db.error()));
        return 1;
    }
    ChartQuery query(*db);
    const int documents = *query.documentCount({});
    std::printf("chart data on %s: %d documents\n", qPrintable(dbPath), documents);
    std::printf("  %-58s %10s %10s\n", "query (target: 50 ms)", "first ms", "best ms");
    auto row = [](const char* name, Timing t) { std::printf("  %-58s %10.1f %10.1f\n", name, t.first, t.best); };

    const DocumentFilter all;
    DocumentFilter baidu;
    baidu.companies = QStringList{QStringLiteral("Baidu")};
    DocumentFilter year;
    year.from = QDate(2024, 7, 1);
    year.to = QDate(2024, 7, 31);

    auto metrics = query.metrics(all);
    const QString top = metrics && !metrics->empty() ? metrics->front().key : QStringLiteral("patents");
    row("metrics found (all documents)", measure([&] { (void)query.metrics(all); }));
    row(qPrintable(QStringLiteral("statistics: %1, the most reported (all)").arg(top)), measure([&] { (void)query.statistics(all, top); }));
    row("statistics: patents (all)", measure([&] { (void)query.statistics(all, QStringLiteral("patents")); }));
    row("documents per company, top 10 (all)", measure([&] { (void)query.documentsPerEntity(all, EntityKind::Company, 10); }));
    row("documents per country (all)", measure([&] { (void)query.documentsPerEntity(all, EntityKind::Country, 0); }));
    const QStringList companies = *query.selectedCompanies(all, 8);
    row("claims per year, top 8 companies stacked (all)",
        measure([&] { (void)query.claimsOverTime(all, *query.selectedCompanies(all, 8), TimeBucket::Year); }));
    row("claims per month, top 8 companies stacked (all)",
        measure([&] { (void)query.claimsOverTime(all, companies, TimeBucket::Month); }));
    row("timeline claims, the tab's first 4,000 with actors (all)", measure([&] { (void)query.timelineClaims(all, 4000); }));
    row("timeline claims, first 20,000 with actors (all)", measure([&] { (void)query.timelineClaims(all, 20000); }));
    row("timeline claims, first 4,000 (company Baidu)", measure([&] { (void)query.timelineClaims(baidu, 4000); }, 2));
    row("timeline claims, first 4,000 (published July 2024)", measure([&] { (void)query.timelineClaims(year, 4000); }, 2));
    row("metrics found (published July 2024)", measure([&] { (void)query.metrics(year); }));
    row("documents per company, top 10 (published July 2024)",
        measure([&] { (void)query.documentsPerEntity(year, EntityKind::Company, 10); }));
    row("claims per year (published July 2024)", measure([&] { (void)query.claimsOverTime(year, companies, TimeBucket::Year); }));
    row("statistics: patents (company Baidu, ~60% of documents)",
        measure([&] { (void)query.statistics(baidu, QStringLiteral("patents")); }, 2));
    row("documents per company, top 10 (company Baidu)",
        measure([&] { (void)query.documentsPerEntity(baidu, EntityKind::Company, 10); }, 2));
    row("claims per year, Baidu (company Baidu)",
        measure([&] { (void)query.claimsOverTime(baidu, baidu.companies, TimeBucket::Year); }, 2));

    // export: ours (caption, theme, labels, text chunks) beside Qt Charts alone, same bars, same pixels
    auto per = query.documentsPerEntity(all, EntityKind::Company, 15);
    const charts::ChartModel model = charts::mentionsModel(*per, EntityKind::Company, all, documents);
    QTemporaryDir tmp;
    charts::ExportOptions options;  // 1200 x 800 at 2x
    const QSize pixels(2400, 1600);
    const Timing qt = measure([&] { qtChartsAlone(model, pixels, tmp.filePath(QStringLiteral("qt.png"))); });
    const Timing ours = measure([&] {
        (void)charts::ChartExporter::write(charts::chartContent(model), tmp.filePath(QStringLiteral("ours.png")), options);
    });
    const Timing qt2 = measure([&] { qtChartsAlone(model, pixels, tmp.filePath(QStringLiteral("qt.png"))); });
    const double floor = std::min(qt.best, qt2.best);
    std::printf("PNG export, %d bars, 2400 x 1600 px:\n", static_cast<int>(model.categories.size()));
    std::printf("  Qt Charts alone (draw + save):  %8.1f ms\n", floor);
    std::printf("  claimlens export:               %8.1f ms  (%.2fx, target <= 2x)\n", ours.best, ours.best / floor);
    return 0;
}
