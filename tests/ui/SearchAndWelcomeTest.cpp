// The filter panel's counts under a filter, the search results list with F3 / Shift+F3, the
// reader kept among the results, and the welcome panel of an empty database (issue 14).
#include "UiTestSupport.h"

#include "FilterPanel.h"
#include "MainWindow.h"
#include "ReaderView.h"
#include "SearchResultsPanel.h"
#include "TestSupport.h"
#include "WelcomePanel.h"
#include "models/DocumentListModel.h"
#include "models/FacetModel.h"
#include "models/SearchResultsModel.h"
#include "query/DocumentListQuery.h"
#include "query/FacetIndex.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QListView>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>
#include <QUrl>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

bool waitForFacets(MainWindow& window)
{
    QSignalSpy counted(&window, &MainWindow::facetsLoaded);
    return counted.wait(60000);
}

void importAndWait(MainWindow& window, const QStringList& paths)
{
    QSignalSpy finished(window.importer(), &ImportController::finished);
    ASSERT_TRUE(window.importPaths(paths));
    ASSERT_TRUE(finished.wait(60000));
    ASSERT_TRUE(waitForFacets(window));
}

/// A facet's count of `name`, -1 when not listed.
int facetCount(const FacetModel* model, const QString& name)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r).data(FacetModel::NameRole).toString() == name)
            return model->index(r).data(FacetModel::CountRole).toInt();
    return -1;
}

int matching(const QString& database, const DocumentFilter& filter)
{
    auto db = Database::openForReading(database);
    if (!db)
        return -1;
    auto n = DocumentListQuery(*db).count(filter);
    return n ? *n : -1;
}

/// The window on the gold articles, their counts read.
class Gold : public ::testing::Test {
protected:
    void SetUp() override
    {
        window.show();
        ASSERT_TRUE(window.openDatabase(ws.database()));
        importAndWait(window, test::goldArticleFiles());
    }
    void filterAndWait(const DocumentFilter& f)
    {
        QSignalSpy counted(&window, &MainWindow::facetsLoaded);
        window.setFilter(f);
        ASSERT_TRUE(counted.wait(30000));
    }
    void search(const QString& words)
    {
        DocumentFilter f;
        f.search = words;
        filterAndWait(f);
    }
    test::Workspace ws;
    MainWindow window;
};

}  // namespace

TEST_F(Gold, FacetCountsFollowTheFilter)
{
    const FacetModel* countries = window.filterPanel()->countries();
    const FacetModel* companies = window.filterPanel()->companies();
    const int chinaEverywhere = facetCount(countries, QStringLiteral("China"));
    const int byteDanceEverywhere = facetCount(companies, QStringLiteral("ByteDance"));
    ASSERT_GT(chinaEverywhere, 0);
    ASSERT_GT(byteDanceEverywhere, 0);

    DocumentFilter byteDance;
    byteDance.companies = {QStringLiteral("ByteDance")};
    filterAndWait(byteDance);
    DocumentFilter both = byteDance;
    both.countries = {QStringLiteral("China")};
    const int expected = matching(ws.database(), both);
    EXPECT_EQ(facetCount(countries, QStringLiteral("China")), expected);
    EXPECT_LT(expected, chinaEverywhere) << "the gold articles name China without ByteDance too";
    // A field's values are ORed: its own counts leave its own selection out
    EXPECT_EQ(facetCount(companies, QStringLiteral("ByteDance")), byteDanceEverywhere);
    for (int r = 0; r < companies->rowCount(); ++r) {
        DocumentFilter f;
        f.companies = {companies->index(r).data(FacetModel::NameRole).toString()};
        EXPECT_EQ(companies->index(r).data(FacetModel::CountRole).toInt(), matching(ws.database(), f));
    }
    // Every country count is the documents of ByteDance and that country, as SQL counts them
    for (int r = 0; r < countries->rowCount(); ++r) {
        DocumentFilter f = byteDance;
        f.countries = {countries->index(r).data(FacetModel::NameRole).toString()};
        EXPECT_EQ(countries->index(r).data(FacetModel::CountRole).toInt(), matching(ws.database(), f))
            << qPrintable(f.countries.first());
    }

    // A checked value left with no document stays listed, at 0; unchecked ones at 0 go
    DocumentFilter nothing = byteDance;
    nothing.search = QStringLiteral("zyxwvutsrq");
    filterAndWait(nothing);
    EXPECT_EQ(facetCount(companies, QStringLiteral("ByteDance")), 0);
    EXPECT_EQ(companies->rowCount(), 1);
    EXPECT_EQ(facetCount(countries, QStringLiteral("China")), -1);
}

TEST_F(Gold, SearchListsMatchingSentencesAndF3StepsThroughThem)
{
    search(QStringLiteral("export controls"));
    SearchResultsPanel* panel = window.searchResults();
    ASSERT_TRUE(panel->isVisibleTo(&window));
    const SearchResultsModel* results = panel->model();
    ASSERT_GT(results->rowCount(), 2);
    QSet<qint64> resultDocuments;
    for (int r = 0; r < results->rowCount(); ++r) {
        const QModelIndex row = results->index(r, 0);
        EXPECT_FALSE(row.data(SearchResultsModel::TitleRole).toString().isEmpty());
        const QString html = row.data(SearchResultsModel::MarkedHtmlRole).toString().toLower();
        EXPECT_TRUE(html.contains(QStringLiteral("<b>export</b>")) && html.contains(QStringLiteral("<b>controls</b>")))
            << qPrintable(html);
        resultDocuments.insert(row.data(SearchResultsModel::DocumentIdRole).toLongLong());
    }
    // The document list holds the documents among the results, and only them
    QSet<qint64> listed;
    for (int r = 0; r < window.documentModel()->rowCount(); ++r)
        listed.insert(window.documentModel()->documentId(r));
    EXPECT_EQ(listed, resultDocuments);
    // and the status bar counts them: the facet worker's count, read off the full-text index
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.statusText().startsWith(QStringLiteral("Counting")); }, 10000));
    EXPECT_TRUE(window.statusText().startsWith(QStringLiteral("%1 of 16 documents").arg(resultDocuments.size())))
        << qPrintable(window.statusText());

    // A click opens the sentence in the reader
    QListView* list = panel->list();
    const QModelIndex second = results->index(1, 0);
    list->scrollTo(second);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(second).center());
    auto shownSentence = [&] {
        const auto selections = window.reader()->extraSelections();
        return selections.isEmpty() ? QString() : selections.first().cursor.selectedText().simplified();
    };
    EXPECT_EQ(window.currentDocument(), second.data(SearchResultsModel::DocumentIdRole).toLongLong());
    EXPECT_EQ(shownSentence(), second.data(SearchResultsModel::SentenceRole).toString().simplified());

    // F3 steps to the next match, across documents; Shift+F3 back
    window.activateWindow();
    window.setFocus();
    for (int r = 2; r < results->rowCount(); ++r) {
        QTest::keyClick(&window, Qt::Key_F3);
        const QModelIndex row = results->index(r, 0);
        ASSERT_EQ(panel->currentRow(), r);
        EXPECT_EQ(window.currentDocument(), row.data(SearchResultsModel::DocumentIdRole).toLongLong());
        EXPECT_EQ(shownSentence(), row.data(SearchResultsModel::SentenceRole).toString().simplified());
    }
    EXPECT_GT(QSet<qint64>(resultDocuments).size(), 1) << "the steps went across documents";
    QTest::keyClick(&window, Qt::Key_F3, Qt::ShiftModifier);
    const QModelIndex back = results->index(results->rowCount() - 2, 0);
    EXPECT_EQ(panel->currentRow(), results->rowCount() - 2);
    EXPECT_EQ(window.currentDocument(), back.data(SearchResultsModel::DocumentIdRole).toLongLong());
    EXPECT_EQ(shownSentence(), back.data(SearchResultsModel::SentenceRole).toString().simplified());

    // Cleared, the search hides its list
    filterAndWait({});
    EXPECT_FALSE(panel->isVisibleTo(&window));
}

TEST_F(Gold, ReaderStaysAmongTheSearchResults)
{
    // a document without the words, open in the reader
    DocumentFilter words;
    words.search = QStringLiteral("export controls");
    qint64 without = -1;
    for (int r = 0; r < window.documentModel()->rowCount() && without < 0; ++r) {
        const qint64 id = window.documentModel()->documentId(r);
        auto db = Database::openForReading(ws.database());
        if (!*DocumentListQuery(*db).contains(words, id))
            without = id;
    }
    ASSERT_GE(without, 0);
    window.openDocument(without);
    ASSERT_EQ(window.currentDocument(), without);

    search(words.search);
    const QModelIndex first = window.searchResults()->model()->index(0, 0);
    ASSERT_TRUE(first.isValid());
    EXPECT_EQ(window.currentDocument(), first.data(SearchResultsModel::DocumentIdRole).toLongLong());

    // a search nothing matches leaves the reader empty
    search(QStringLiteral("zyxwvutsrq"));
    EXPECT_EQ(window.searchResults()->model()->rowCount(), 0);
    EXPECT_EQ(window.currentDocument(), -1);
}

TEST(WelcomePanelTest, ShownOnAnEmptyDatabaseAndLoadsTheSampleCorpus)
{
    ASSERT_FALSE(MainWindow::sampleCorpusPath().isEmpty());
    test::Workspace ws;
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openDatabase(ws.database()));
    WelcomePanel* welcome = window.welcomePanel();
    EXPECT_TRUE(welcome->isVisibleTo(&window));
    EXPECT_FALSE(window.tabs()->isVisibleTo(&window));
    ASSERT_TRUE(welcome->sampleButton()->isVisibleTo(&window));

    QSignalSpy started(window.importer(), &ImportController::started);
    QSignalSpy finished(window.importer(), &ImportController::finished);
    QTest::mouseClick(welcome->sampleButton(), Qt::LeftButton);
    ASSERT_TRUE(started.count() > 0 || started.wait(30000));
    EXPECT_FALSE(welcome->sampleButton()->isEnabled()) << "waits while importing";
    ASSERT_TRUE(finished.count() > 0 || finished.wait(120000));
    const IngestResult result = finished.first().first().value<IngestResult>();
    EXPECT_GE(result.imported, 10) << "the sample corpus";
    EXPECT_EQ(window.documentModel()->rowCount(), result.imported);
    EXPECT_FALSE(welcome->isVisibleTo(&window));
    EXPECT_TRUE(window.tabs()->isVisibleTo(&window));

    // emptied (by another program), the database shows the panel again once reloaded
    {
        auto db = Database::open(ws.database());
        ASSERT_TRUE(db->exec("DELETE FROM documents"));
    }
    QAction* reload = nullptr;
    for (QAction* a : window.findChildren<QAction*>())
        if (a->text() == QStringLiteral("&Reload"))
            reload = a;
    ASSERT_NE(reload, nullptr);
    reload->trigger();
    EXPECT_TRUE(welcome->isVisibleTo(&window));
    EXPECT_TRUE(welcome->sampleButton()->isEnabled());
}

TEST(WelcomePanelTest, DroppedFilesAreImported)
{
    test::Workspace ws;
    const QString file = QFileInfo(test::goldArticleFiles().first()).absoluteFilePath();
    MainWindow window;
    window.show();
    ASSERT_TRUE(window.openDatabase(ws.database()));
    WelcomePanel* welcome = window.welcomePanel();
    ASSERT_TRUE(welcome->isVisibleTo(&window));

    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(file), QUrl(QStringLiteral("https://example.com/not-a-file"))});
    const QPoint at = welcome->dropArea()->geometry().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(welcome, &enter);
    EXPECT_TRUE(enter.isAccepted());
    QSignalSpy finished(window.importer(), &ImportController::finished);
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(welcome, &drop);
    EXPECT_TRUE(drop.isAccepted());
    ASSERT_TRUE(finished.wait(60000));
    EXPECT_EQ(window.documentModel()->rowCount(), 1);
    EXPECT_EQ(QFileInfo(window.documentModel()->index(0, 0).data(DocumentListModel::PathRole).toString()).fileName(),
              QFileInfo(file).fileName());
    EXPECT_FALSE(welcome->isVisibleTo(&window));
}
