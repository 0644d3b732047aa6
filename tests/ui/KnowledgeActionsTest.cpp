// Telling the extractor from the window (KnowledgeActions): merge two companies, mark a name as not
// a company, add one from a selection in the reader, undo; each written to the analyst's knowledge
// file and followed by a re-read of the documents off the GUI thread.
#include "FilterPanel.h"
#include "KnowledgeActions.h"
#include "MainWindow.h"
#include "MergeDialog.h"
#include "ReaderView.h"
#include "TestSupport.h"
#include "knowledge/KnowledgeEdits.h"
#include "models/DocumentListModel.h"
#include "models/FacetModel.h"
#include "store/Database.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QListWidget>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTextDocument>
#include <QTest>
#include <QTimer>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

QMap<QString, int> companies(const MainWindow& window)
{
    QMap<QString, int> out;
    const FacetModel* model = window.filterPanel()->companies();
    for (int r = 0; r < model->rowCount(); ++r)
        out.insert(model->index(r).data(FacetModel::NameRole).toString(), model->index(r).data(FacetModel::CountRole).toInt());
    return out;
}

QAction* actionStartingWith(QMenu& menu, const QString& text)
{
    for (QAction* a : menu.actions())
        if (a->text().remove(u'&').startsWith(text))
            return a;
    ADD_FAILURE() << "no menu item " << qPrintable(text);
    return nullptr;
}

class KnowledgeActionsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        // the tests' knowledge file (UiTestMain), empty for each test
        QFile::remove(userKnowledgePath());
        Knowledge::reload();
        ws.write(QStringLiteral("in/a.txt"), "Funding Round\n\nJune 6, 2024\n\nThe start-up Zorblat raised money from investors.\n");
        ws.write(QStringLiteral("in/b.txt"), "Expansion\n\nJune 7, 2024\n\nInvestors backed the start-up Zorblat AI this week.\n");
        ws.write(QStringLiteral("in/c.txt"), "Chip News\n\nJune 8, 2024\n\nThe start-up Quillfeather signed a deal on Monday. "
                                             "Grumbleweed shipped a new chip the same day.\n");
        window.resize(1300, 800);
        window.show();
        ASSERT_TRUE(window.openDatabase(ws.database()));
        QSignalSpy finished(window.importer(), &ImportController::finished);
        ASSERT_TRUE(window.importPaths({ws.path(QStringLiteral("in"))}));
        ASSERT_TRUE(finished.wait(60000));
        waitForCounts();
        actions = window.findChild<KnowledgeActions*>();
        ASSERT_NE(actions, nullptr);
    }
    void TearDown() override
    {
        QFile::remove(userKnowledgePath());
        Knowledge::reload();
    }

    void waitForCounts()
    {
        QSignalSpy counted(&window, &MainWindow::facetsLoaded);
        ASSERT_TRUE(counted.wait(60000));
    }
    /// Waits for the re-read an edit started, then for the filter panel's counts after it.
    ReextractResult waitForReread()
    {
        QSignalSpy reread(actions, &KnowledgeActions::rereadDone);
        QSignalSpy counted(&window, &MainWindow::facetsLoaded);
        EXPECT_TRUE(reread.wait(60000));
        // the counts read after the re-read (the filter panel counts under every filter change, so
        // one may have landed while the re-read ran)
        counted.clear();
        EXPECT_TRUE(counted.wait(60000));
        return reread.isEmpty() ? ReextractResult{} : reread.first().first().value<ReextractResult>();
    }

    test::Workspace ws;
    MainWindow window;
    KnowledgeActions* actions = nullptr;
};

}  // namespace

TEST_F(KnowledgeActionsTest, MergingTwoCompaniesListsOne)
{
    ASSERT_TRUE(companies(window).contains(QStringLiteral("Zorblat")));
    ASSERT_TRUE(companies(window).contains(QStringLiteral("Zorblat AI")));
    // right-click "Zorblat" in the filter panel, Merge with..., tick "Zorblat AI", keep the longer name
    QMenu menu;
    actions->addCompanyActions(&menu, QStringLiteral("Zorblat"));
    bool answered = false;
    QTimer::singleShot(0, this->actions, [&] {
        auto* dialog = qobject_cast<MergeDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr);
        const auto items = dialog->list()->findItems(QStringLiteral("Zorblat AI"), Qt::MatchExactly);
        ASSERT_EQ(items.size(), 1);
        items.first()->setCheckState(Qt::Checked);
        EXPECT_EQ(dialog->kept(), QStringLiteral("Zorblat AI"));
        EXPECT_EQ(dialog->merged(), QStringList{QStringLiteral("Zorblat")});
        answered = true;
        dialog->accept();
    });
    actionStartingWith(menu, QStringLiteral("Merge \u201cZorblat\u201d with"))->trigger();
    ASSERT_TRUE(answered);
    EXPECT_TRUE(actions->isRereading());  // the window goes on while the documents are read again
    const ReextractResult result = waitForReread();
    EXPECT_TRUE(result.ok());
    EXPECT_EQ(result.documents, 3);
    EXPECT_FALSE(companies(window).contains(QStringLiteral("Zorblat")));
    EXPECT_EQ(companies(window).value(QStringLiteral("Zorblat AI")), 2);
    const auto edits = UserKnowledgeFile().edits();
    ASSERT_TRUE(edits.ok());
    ASSERT_EQ(edits->size(), 1u);
    EXPECT_EQ(edits->front(), KnowledgeEdit::merge(EntityKind::Company, {QStringLiteral("Zorblat")}, QStringLiteral("Zorblat AI")));
}

TEST_F(KnowledgeActionsTest, NotACompanyGoesFromTheCompaniesAndUndoBringsItBack)
{
    ASSERT_TRUE(companies(window).contains(QStringLiteral("Quillfeather")));
    // a filter on it must not be left filtering on a name nothing has any more
    DocumentFilter f;
    f.companies = {QStringLiteral("Quillfeather")};
    window.setFilter(f);
    QMenu menu;
    actions->addCompanyActions(&menu, QStringLiteral("Quillfeather"));
    actionStartingWith(menu, QStringLiteral("\u201cQuillfeather\u201d Is Not a Company"))->trigger();
    ASSERT_NE(actions->progressDialog(), nullptr);
    waitForReread();
    EXPECT_FALSE(companies(window).contains(QStringLiteral("Quillfeather")));
    EXPECT_TRUE(window.filter().companies.isEmpty());
    EXPECT_EQ(actions->progressDialog(), nullptr);

    ASSERT_TRUE(actions->undoAction()->isEnabled());
    EXPECT_TRUE(actions->undoAction()->text().contains(QStringLiteral("Quillfeather is not a company")));
    actions->undoAction()->trigger();
    waitForReread();
    EXPECT_TRUE(companies(window).contains(QStringLiteral("Quillfeather")));
    EXPECT_TRUE(UserKnowledgeFile().edits()->empty());
}

TEST_F(KnowledgeActionsTest, AddingACompanyFromASelectionInTheReader)
{
    ASSERT_FALSE(companies(window).contains(QStringLiteral("Grumbleweed")));
    const DocumentListModel* list = window.documentModel();
    int row = -1;
    for (int r = 0; r < list->rowCount(); ++r)
        if (list->index(r, 0).data(DocumentListModel::PathRole).toString().endsWith(QStringLiteral("c.txt")))
            row = r;
    ASSERT_GE(row, 0);
    window.openDocument(list->documentId(row));
    ReaderView* reader = window.reader();
    QTextCursor found = reader->document()->find(QStringLiteral("Grumbleweed"));
    ASSERT_FALSE(found.isNull());
    found.setPosition(found.position() + 2, QTextCursor::KeepAnchor);  // "Grumbleweed s": a sloppy selection
    reader->setTextCursor(found);
    QMenu menu;
    actions->addReaderActions(&menu);
    actionStartingWith(menu, QStringLiteral("Add \u201cGrumbleweed s\u201d as a Company"));  // what was selected
    found = reader->document()->find(QStringLiteral("Grumbleweed"));
    reader->setTextCursor(found);
    QMenu exact;
    actions->addReaderActions(&exact);
    actionStartingWith(exact, QStringLiteral("Add \u201cGrumbleweed\u201d as a Company"))->trigger();
    waitForReread();
    EXPECT_EQ(companies(window).value(QStringLiteral("Grumbleweed")), 1);
    // the reader shows the document again, read with the new knowledge
    ASSERT_TRUE(reader->readerDocument().has_value());
    EXPECT_EQ(reader->readerDocument()->summary.id, list->documentId(list->rowOf(reader->readerDocument()->summary.id)));
}

TEST_F(KnowledgeActionsTest, CancelStopsTheRereadAndSaysSo)
{
    // another writer holds the database, so the re-read waits before its first document
    auto other = Database::open(ws.database());
    ASSERT_TRUE(other.ok());
    Database::Transaction holding(*other);
    ASSERT_TRUE(holding.begin().ok());
    ASSERT_TRUE(actions->edit(KnowledgeEdit::add(EntityKind::Company, QStringLiteral("Grumbleweed"))));
    ASSERT_NE(actions->progressDialog(), nullptr);
    QTest::qWait(100);  // the window answers meanwhile: nothing waits on its thread
    EXPECT_TRUE(actions->isRereading());
    auto* cancel = actions->progressDialog()->findChild<QPushButton*>();
    ASSERT_NE(cancel, nullptr);
    cancel->click();
    holding.rollback();
    const ReextractResult result = waitForReread();
    EXPECT_TRUE(result.cancelled);
    EXPECT_LT(result.documents, 3);
    EXPECT_FALSE(actions->isRereading());
    // and Re-read finishes it
    ASSERT_TRUE(actions->reread());
    EXPECT_EQ(waitForReread().documents, 3);
    EXPECT_TRUE(companies(window).contains(QStringLiteral("Grumbleweed")));
}
