// claimlens-screenshot: opens the real explorer window on a database, applies a filter, opens a
// document and saves what the window shows, for the README and for looking at changes.
// usage: claimlens-screenshot --db FILE --out PNG [--company NAME] [--country NAME] [--search WORDS]
//                             [--tab N] [--document-row N] [--claim-row N] [--result-row N] [--width W --height H]
//                             [--chart KIND] (the Charts tab's chart, as its menu names it: "Claims over time")
#include "MainWindow.h"
#include "MessageBox.h"
#include "SearchResultsPanel.h"
#include "Settings.h"
#include "Theme.h"
#include "charts/ChartsTab.h"
#include "charts/TimelineTab.h"
#include "models/DocumentListModel.h"

#include <QApplication>
#include <QComboBox>
#include <QCommandLineParser>
#include <QPalette>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("claimlens"));
    QCommandLineParser parser;
    const QCommandLineOption db(QStringLiteral("db"), QStringLiteral("database"), QStringLiteral("FILE"));
    const QCommandLineOption out(QStringLiteral("out"), QStringLiteral("PNG to write"), QStringLiteral("PNG"));
    const QCommandLineOption company(QStringLiteral("company"), QStringLiteral("filter by company"), QStringLiteral("NAME"));
    const QCommandLineOption country(QStringLiteral("country"), QStringLiteral("filter by country"), QStringLiteral("NAME"));
    const QCommandLineOption search(QStringLiteral("search"), QStringLiteral("full-text words"), QStringLiteral("WORDS"));
    const QCommandLineOption tab(QStringLiteral("tab"), QStringLiteral("tab to show"), QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption row(QStringLiteral("document-row"), QStringLiteral("list row to open"), QStringLiteral("N"),
                                 QStringLiteral("0"));
    const QCommandLineOption result(QStringLiteral("result-row"), QStringLiteral("search result to open"),
                                    QStringLiteral("N"));
    const QCommandLineOption claim(QStringLiteral("claim-row"), QStringLiteral("claim to open"), QStringLiteral("N"));
    const QCommandLineOption width(QStringLiteral("width"), QStringLiteral("width"), QStringLiteral("W"), QStringLiteral("1600"));
    const QCommandLineOption height(QStringLiteral("height"), QStringLiteral("height"), QStringLiteral("H"), QStringLiteral("1000"));
    const QCommandLineOption dark(QStringLiteral("dark"), QStringLiteral("a dark system palette"));
    const QCommandLineOption reported(QStringLiteral("reported"), QStringLiteral("timeline: claims when they were reported"));
    const QCommandLineOption theme(QStringLiteral("theme"), QStringLiteral("View > Theme as remembered: system, light or dark"),
                                   QStringLiteral("NAME"));
    const QCommandLineOption chart(QStringLiteral("chart"), QStringLiteral("the Charts tab's chart"), QStringLiteral("KIND"));
    parser.addOptions({db, out, company, country, search, tab, row, claim, result, width, height, dark, reported, theme, chart});
    parser.addHelpOption();
    parser.process(app);
    if (!parser.isSet(db) || !parser.isSet(out)) {
        std::fputs("claimlens-screenshot: --db and --out are required\n", stderr);
        return 2;
    }
    if (parser.isSet(dark))  // what a desktop in dark mode hands the application, as System shows it
        QApplication::setPalette(claimlens::ui::darkPalette());
    QTemporaryDir settings;  // a fresh window, whatever the user's settings say
    claimlens::ui::Settings::useFile(settings.filePath(QStringLiteral("settings.ini")));
    if (parser.isSet(theme))  // as if chosen in an earlier session: the window applies it on start
        claimlens::ui::Settings().set(claimlens::ui::Setting::ThemeName, parser.value(theme));

    claimlens::ui::MainWindow window;
    window.resize(parser.value(width).toInt(), parser.value(height).toInt());
    window.show();
    claimlens::ui::MessageBox::setAutoAnswer(QMessageBox::Ok);  // nobody is there to answer a dialog
    if (!window.openDatabase(parser.value(db))) {
        std::fprintf(stderr, "claimlens-screenshot: %s\n%s\n", qPrintable(claimlens::ui::MessageBox::lastText()),
                     qPrintable(claimlens::ui::MessageBox::lastDetails()));
        return 3;
    }
    claimlens::DocumentFilter filter;
    if (parser.isSet(company))
        filter.companies = parser.values(company);
    if (parser.isSet(country))
        filter.countries = parser.values(country);
    filter.search = parser.value(search);
    window.setFilter(filter);
    if (parser.isSet(claim)) {
        QTableView* claims = window.claimView();
        const QModelIndex index = claims->model()->index(parser.value(claim).toInt(), 0);
        claims->setCurrentIndex(index);
        Q_EMIT claims->activated(index);
    } else {
        window.documentView()->selectRow(parser.value(row).toInt());
    }
    if (parser.isSet(result))  // F3 pressed N + 1 times: the search result N in the reader
        for (int i = 0; i <= parser.value(result).toInt(); ++i)
            window.searchResults()->step(+1);
    if (parser.isSet(reported))
        window.timelineTab()->setDating(claimlens::TimelineDating::Reported);
    window.tabs()->setCurrentIndex(parser.value(tab).toInt());
    if (parser.isSet(chart)) {
        QTest::qWait(200);  // the chart kinds are listed once the tab has read the database
        for (QComboBox* box : window.chartsTab()->findChildren<QComboBox*>())
            if (const int i = box->findText(parser.value(chart)); i >= 0)
                box->setCurrentIndex(i);
    }
    QTest::qWait(400);  // let layouts and the reader settle before the picture
    if (!window.grab().save(parser.value(out))) {
        std::fprintf(stderr, "claimlens-screenshot: cannot write %s\n", qPrintable(parser.value(out)));
        return 3;
    }
    std::printf("%s\n", qPrintable(parser.value(out)));
    return 0;
}
