#include "UiTestSupport.h"

#include "FilterChips.h"
#include "FilterPanel.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ReaderView.h"
#include "TestSupport.h"
#include "models/DocumentListModel.h"
#include "models/ClaimListModel.h"
#include "models/FacetModel.h"
#include "charts/ChartsTab.h"
#include "charts/TimelineTab.h"

#include <QFileInfo>
#include <QLineEdit>
#include <QListView>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

/// Imports through the window's own import path (the one File → Import and drag and drop use)
/// and waits for it to finish.
IngestResult importAndWait(MainWindow& window, const QStringList& paths)
{
    QSignalSpy finished(window.importer(), &ImportController::finished);
    EXPECT_TRUE(window.importPaths(paths));
    EXPECT_TRUE(finished.wait(60000));
    // The filter panel's counts are read off the GUI thread after the import.
    QSignalSpy counted(&window, &MainWindow::facetsLoaded);
    EXPECT_TRUE(counted.wait(60000));
    return finished.isEmpty() ? IngestResult{} : finished.first().first().value<IngestResult>();
}

QSet<QString> listedFiles(const MainWindow& window)
{
    QSet<QString> out;
    const DocumentListModel* model = window.documentModel();
    for (int r = 0; r < model->rowCount(); ++r)
        out.insert(QFileInfo(model->index(r, 0).data(DocumentListModel::PathRole).toString()).fileName());
    return out;
}

/// Checks a company in the filter panel as a user does: types in its search box, then checks the row.
void checkCompany(MainWindow& window, const QString& name)
{
    FilterPanel* panel = window.filterPanel();
    panel->companySearch()->clear();
    QTest::keyClicks(panel->companySearch(), name);
    QAbstractItemModel* shown = panel->companyList()->model();
    for (int r = 0; r < shown->rowCount(); ++r) {
        const QModelIndex index = shown->index(r, 0);
        if (index.data(FacetModel::NameRole).toString() == name) {
            shown->setData(index, Qt::Checked, Qt::CheckStateRole);
            return;
        }
    }
    ADD_FAILURE() << "no company " << qPrintable(name) << " in the filter panel";
}

}  // namespace

TEST(MainWindowTest, ImportsFilterByCompanyAndSaysSoInTheStatusBar)
{
    test::Workspace ws;
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openDatabase(ws.database()));
    QTest::qWait(0);  // the status count follows the list
    EXPECT_EQ(window.statusText(), QStringLiteral("0 of 0 documents"));

    const IngestResult r = importAndWait(window, test::goldArticleFiles());
    EXPECT_EQ(r.imported, 16);
    EXPECT_EQ(window.documentModel()->rowCount(), 16);
    EXPECT_EQ(window.statusText(), QStringLiteral("16 of 16 documents"));
    EXPECT_GT(window.filterPanel()->companies()->rowCount(), 20);
    EXPECT_FALSE(window.filterChips()->isVisibleTo(&window)) << "no chips while nothing filters";

    // Sources: the outlets documents come from under one title, the sources they cite under another
    const FacetModel* sources = window.filterPanel()->sources();
    ASSERT_GT(sources->rowCount(), 3);
    EXPECT_EQ(sources->index(0).data(FacetModel::NameRole).toString(), QStringLiteral("Outlets"));
    EXPECT_FALSE(sources->flags(sources->index(0)) & Qt::ItemIsUserCheckable);
    QStringList names;
    for (int row = 0; row < sources->rowCount(); ++row)
        names.append(sources->index(row).data(FacetModel::NameRole).toString());
    const qsizetype cited = names.indexOf(QStringLiteral("Cited sources"));
    const qsizetype ledger = names.indexOf(QStringLiteral("THE COMPUTE LEDGER"));  // a newsletter's masthead
    ASSERT_GT(cited, 0);
    EXPECT_TRUE(ledger > 0 && ledger < cited) << qPrintable(names.join(u'|'));
    EXPECT_GT(names.indexOf(QStringLiteral("Coleman Parkes Research")), cited);  // cited, not an outlet

    checkCompany(window, QStringLiteral("ByteDance"));
    QTest::qWait(0);
    // the status bar's count comes from the facet worker, the same count as the panel's
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.statusText().startsWith(QStringLiteral("Counting")); }, 10000));
    const QSet<QString> gold =
        test::goldFilesNaming(test::testData(QStringLiteral("articles/gold.json")), QStringLiteral("ByteDance"));
    EXPECT_EQ(listedFiles(window), gold);
    EXPECT_EQ(window.statusText(),
              QStringLiteral("%1 of 16 documents \u00B7 filtered by ByteDance").arg(gold.size()));
    EXPECT_EQ(window.filterChips()->labels(), QStringList{QStringLiteral("Company: ByteDance  \u2715")});
    EXPECT_TRUE(window.filterChips()->isVisibleTo(&window));

    // A second company widens the list; closing a chip narrows it again.
    checkCompany(window, QStringLiteral("Kuaishou"));
    EXPECT_EQ(listedFiles(window),
              gold | test::goldFilesNaming(test::testData(QStringLiteral("articles/gold.json")), QStringLiteral("Kuaishou")));
    DocumentFilter onlyKuaishou = window.filter();
    onlyKuaishou.companies.removeAll(QStringLiteral("ByteDance"));
    Q_EMIT window.filterChips()->filterEdited(onlyKuaishou);
    EXPECT_EQ(window.filter().companies, QStringList{QStringLiteral("Kuaishou")});
    EXPECT_EQ(window.filterPanel()->companies()->checked(), QStringList{QStringLiteral("Kuaishou")});

    // Words typed in the search box filter too, and the reader marks them.
    window.setFilter({});
    QTest::keyClicks(window.searchBox(), QStringLiteral("export controls"));
    QTest::keyClick(window.searchBox(), Qt::Key_Return);
    EXPECT_EQ(window.filter().search, QStringLiteral("export controls"));
    ASSERT_GT(window.documentModel()->rowCount(), 0);
    EXPECT_LT(window.documentModel()->rowCount(), 16);
    window.documentView()->selectRow(0);
    ASSERT_TRUE(window.reader()->readerDocument().has_value());
    EXPECT_FALSE(window.reader()->extraSelections().isEmpty());
}

TEST(MainWindowTest, ClaimsTabOpensTheClaimInTheReader)
{
    test::Workspace ws;
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openDatabase(ws.database()));
    importAndWait(window, test::goldArticleFiles());
    window.tabs()->setCurrentIndex(1);
    QTableView* claims = window.claimView();
    ASSERT_GT(claims->model()->rowCount(), 0);
    const QModelIndex last = claims->model()->index(claims->model()->rowCount() - 1, 0);
    const QString text = last.data().toString();
    claims->setCurrentIndex(last);
    Q_EMIT claims->activated(last);
    EXPECT_EQ(window.tabs()->currentIndex(), 0);
    ASSERT_TRUE(window.reader()->readerDocument().has_value());
    const QString selected = window.reader()->extraSelections().isEmpty()
                                 ? QString()
                                 : window.reader()->extraSelections().first().cursor.selectedText();
    EXPECT_EQ(selected.simplified(), text.simplified());
}

TEST(MainWindowTest, ABadDatabaseFileIsRefusedWithItsNameAndTheOpenOneStays)
{
    test::Workspace ws;
    const QString junk = ws.write(QStringLiteral("junk.sqlite"), QByteArray(4096, 'x'));
    MainWindow window;
    ASSERT_TRUE(window.openDatabase(ws.database()));
    MessageBox::setNextAnswer(QMessageBox::Ok);
    EXPECT_FALSE(window.openDatabase(junk));
    EXPECT_TRUE(MessageBox::lastText().contains(junk));
    EXPECT_EQ(window.databasePath(), ws.database());
}

TEST(MainWindowTest, SkippedFilesAreNamedInTheImportSummary)
{
    test::Workspace ws;
    ws.write(QStringLiteral("in/good.txt"), "Baidu released Ernie 4.0 in October 2023, the company said.\n");
    ws.write(QStringLiteral("in/empty.txt"), "   \n");
    ws.write(QStringLiteral("in/binary.txt"), QByteArray("\x00\x01\x02\x03 binary", 11));
    MainWindow window;
    ASSERT_TRUE(window.openDatabase(ws.database()));
    MessageBox::setAutoAnswer(QMessageBox::Ok);
    const IngestResult r = importAndWait(window, {ws.path(QStringLiteral("in"))});
    MessageBox::setAutoAnswer(QMessageBox::NoButton);
    EXPECT_EQ(r.imported, 1);
    EXPECT_EQ(r.skipped.size(), 2u);
    EXPECT_TRUE(MessageBox::lastDetails().contains(QStringLiteral("empty.txt")));
    EXPECT_TRUE(MessageBox::lastDetails().contains(QStringLiteral("binary.txt")));
    EXPECT_EQ(window.documentModel()->rowCount(), 1);
}

TEST(MainWindowTest, ReferenceArticlesFilterByCompanyAsTheAnalystReadThem)
{
    const QString corpus = QStringLiteral(CLAIMLENS_SHARED_CORPUS);
    if (!QFileInfo(corpus + QStringLiteral("/gold.json")).exists())
        GTEST_SKIP() << "no reference corpus beside this checkout";
    test::Workspace ws;
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openDatabase(ws.database()));
    const IngestResult r = importAndWait(window, {corpus + QStringLiteral("/articles")});
    ASSERT_EQ(r.imported, 5);
    for (const QString& company : {QStringLiteral("OpenAI"), QStringLiteral("ByteDance")}) {
        window.setFilter({});
        checkCompany(window, company);
        const QSet<QString> gold = test::goldFilesNaming(corpus + QStringLiteral("/gold.json"), company);
        EXPECT_EQ(listedFiles(window), gold) << qPrintable(company);
    }
}

TEST(MainWindowTest, FilterChangesCanBeUndone)
{
    test::Workspace ws;
    MainWindow window;
    ASSERT_TRUE(window.openDatabase(ws.database()));
    importAndWait(window, test::goldArticleFiles());
    checkCompany(window, QStringLiteral("Nvidia"));
    checkCompany(window, QStringLiteral("Huawei"));
    window.setFilter({});
    ASSERT_EQ(window.documentModel()->rowCount(), 16);
    window.undoFilter();
    EXPECT_EQ(window.filter().companies, (QStringList{QStringLiteral("Nvidia"), QStringLiteral("Huawei")}));
    EXPECT_EQ(window.filterPanel()->companies()->checked(), window.filter().companies);
    window.undoFilter();
    EXPECT_EQ(window.filter().companies, QStringList{QStringLiteral("Nvidia")});
    EXPECT_EQ(listedFiles(window),
              test::goldFilesNaming(test::testData(QStringLiteral("articles/gold.json")), QStringLiteral("Nvidia")));
}

TEST(MainWindowTest, ChartsAndTimelineFollowTheFilterWhenShownAndOpenTheReader)
{
    test::Workspace ws;
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openDatabase(ws.database()));
    importAndWait(window, test::goldArticleFiles());
    checkCompany(window, QStringLiteral("Kuaishou"));
    window.tabs()->setCurrentWidget(window.chartsTab());
    // the charts are read on the window's chart worker and drawn when it answers
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.chartsTab()->isLoading(); }, 30000));
    ASSERT_NE(window.chartsTab()->currentModel(), nullptr);
    EXPECT_TRUE(window.chartsTab()->canExport());
    window.chartsTab()->showChart(charts::ChartKind::CompanyMentions);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.chartsTab()->isLoading(); }, 30000));
    ASSERT_NE(window.chartsTab()->currentModel(), nullptr);
    EXPECT_TRUE(window.chartsTab()->currentModel()->categories.contains(QStringLiteral("Kuaishou")));
    // A mark's sentence opens in the reader, on the documents tab.
    ClaimListModel* claims = window.claimModel();
    window.tabs()->setCurrentWidget(window.claimView());
    ASSERT_GT(claims->rowCount(), 0);
    const qint64 doc = claims->index(0, 0).data(ClaimListModel::DocumentIdRole).toLongLong();
    const int sentence = claims->index(0, 0).data(ClaimListModel::SentenceOrdinalRole).toInt();
    window.tabs()->setCurrentWidget(window.timelineTab());
    Q_EMIT window.timelineTab()->openDocument(doc, sentence);
    EXPECT_EQ(window.tabs()->currentIndex(), 0);
    EXPECT_EQ(window.currentDocument(), doc);
}

TEST(MainWindowTest, ALongSearchSaysWhatItLeftOut)
{
    test::Workspace ws;
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openDatabase(ws.database()));
    DocumentFilter filter;
    for (int i = 0; i < 20; ++i)
        filter.search += QStringLiteral("word%1 ").arg(i);
    window.setFilter(filter);
    EXPECT_TRUE(window.statusBar()->currentMessage().contains(QStringLiteral("only the first 16 different words")))
        << qPrintable(window.statusBar()->currentMessage());
}
