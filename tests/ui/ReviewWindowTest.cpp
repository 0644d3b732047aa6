// The analyst's review in the window, driven as a user does: the reader's menu on a figure
// (reject, undo, correct, confirm), the chart and its CSV following, a correction outliving
// re-extraction, orphans listed, the Facts and Claims tables' keys, and a metadata correction.
#include "CorrectionsDialog.h"
#include "FactsTab.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ReaderView.h"
#include "ReviewController.h"
#include "ReviewDialog.h"
#include "TestSupport.h"
#include "WindowReview.h"
#include "charts/ChartsTab.h"
#include "charts/TimelineTab.h"
#include "ingest/ReextractJob.h"
#include "models/ClaimListModel.h"
#include "models/DocumentListModel.h"
#include "review/CorrectionStore.h"

#include <QApplication>
#include <QLineEdit>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUndoStack>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

QString one(Database& db, const char* sql)
{
    auto stmt = db.prepare(sql);
    return stmt && stmt->step() ? stmt->text(0) : QStringLiteral("<none>");
}

/// The next modal ReviewDialog gets `value` in its field `name` and is accepted.
void answerNextDialog(const QString& name, const QString& value)
{
    QTimer::singleShot(0, [name, value] {
        auto* dialog = qobject_cast<ReviewDialog*>(QApplication::activeModalWidget());
        ASSERT_NE(dialog, nullptr) << "no review dialog opened";
        auto* edit = qobject_cast<QLineEdit*>(dialog->field(name));
        ASSERT_NE(edit, nullptr) << name.toStdString();
        edit->setText(value);
        dialog->accept();
    });
}

class ReviewWindowTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        MessageBox::setAutoAnswer(QMessageBox::Ok);  // a failure's dialog must not wait for a click
        ws.write(QStringLiteral("in/chips.txt"),
                 "Accelerator Orders Climb as Cloud Buyers Stock Up Before New Export Rules\n\nBy Mara Quist\n\n"
                 "March 3, 2025\n\nHuawei shipped 410,000 AI accelerators in 2024, an internal memo shows. "
                 "Cambricon said on Monday that its revenue would double next year.\n");
        window.show();
        ASSERT_TRUE(window.openDatabase(ws.database()));
        QSignalSpy finished(window.importer(), &ImportController::finished);
        ASSERT_TRUE(window.importPaths({ws.path(QStringLiteral("in"))}));
        ASSERT_TRUE(finished.wait(60000));
        db = window.database();
        ASSERT_NE(db, nullptr);
        window.openDocument(window.documentModel()->documentId(0));
        ASSERT_TRUE(window.reader()->readerDocument().has_value());
    }

    /// The reader's menu entry `label` in the submenu of the first mark of `kind`.
    QAction* markAction(TextMark::Kind kind, const QString& label)
    {
        const auto& marks = window.reader()->readerDocument()->marks;
        const auto mark = std::find_if(marks.begin(), marks.end(), [&](const TextMark& m) { return m.kind == kind; });
        if (mark == marks.end())
            return nullptr;
        const int at = window.reader()->positionOf(mark->start);
        for (QAction* a : window.reader()->reviewActions(at, &menuOwner)) {
            if (!a->menu() || a->menu()->title() != mark->detail.left(70))
                continue;
            for (QAction* sub : a->menu()->actions())
                if (sub->text() == label)
                    return sub;
        }
        return nullptr;
    }

    test::Workspace ws;
    MainWindow window;
    Database* db = nullptr;
    QObject menuOwner;
};

}  // namespace

TEST_F(ReviewWindowTest, RejectUndoCorrectAndConfirmAFigureFromTheReaderThenSeeTheChartFollow)
{
    ASSERT_EQ(one(*db, "SELECT value FROM statistics"), QStringLiteral("410000.0"));
    QAction* reject = markAction(TextMark::Kind::Statistic, QStringLiteral("&Reject"));
    ASSERT_NE(reject, nullptr);
    reject->trigger();
    ASSERT_EQ(one(*db, "SELECT count(*) FROM statistics"), QStringLiteral("0")) << MessageBox::lastText().toStdString();
    // the reader still shows it, struck through, to be taken back
    const auto& marks = window.reader()->readerDocument()->marks;
    EXPECT_TRUE(std::any_of(marks.begin(), marks.end(), [](const TextMark& m) { return m.rejected; }));

    // Edit → Undo brings the machine's reading back
    auto* undo = window.findChild<QAction*>(QStringLiteral("undoReview"));
    ASSERT_NE(undo, nullptr);
    EXPECT_TRUE(undo->isEnabled());
    undo->trigger();
    EXPECT_EQ(one(*db, "SELECT value || ' ' || coalesce(review, '-') FROM statistics"), QStringLiteral("410000.0 -"));

    answerNextDialog(QStringLiteral("value"), QStringLiteral("420,000"));
    QAction* correct = markAction(TextMark::Kind::Statistic, QStringLiteral("C&orrect\u2026"));
    ASSERT_NE(correct, nullptr);
    correct->trigger();
    EXPECT_EQ(one(*db, "SELECT value || ' ' || review FROM statistics"), QStringLiteral("420000.0 edited"));

    // the chart and its CSV: the corrected value, drawn as reviewed, and said so in the caption
    const QString metric = one(*db, "SELECT metric_key FROM statistics");
    window.tabs()->setCurrentWidget(window.chartsTab());
    window.chartsTab()->showChart(charts::ChartKind::Statistic, metric);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !window.chartsTab()->isLoading(); }, 30000));
    const charts::ChartModel* chart = window.chartsTab()->currentModel();
    ASSERT_NE(chart, nullptr);
    ASSERT_EQ(chart->statisticValues.size(), 1u);
    EXPECT_EQ(chart->statisticValues[0].value, 420000);
    EXPECT_TRUE(chart->statisticValues[0].isReviewed());
    EXPECT_TRUE(std::any_of(chart->sets.begin(), chart->sets.end(),
                            [](const charts::ChartSet& s) { return s.role == charts::ChartSet::Role::Reviewed; }));
    EXPECT_TRUE(chart->captionLines().join(u'\n').contains(QStringLiteral("Reviewed by an analyst: 1 of 1 values")))
        << chart->captionLines().join(u'\n').toStdString();
    ASSERT_EQ(chart->csvRows.size(), 1u);
    EXPECT_EQ(chart->csvRows[0].value(2), QStringLiteral("420000"));
    EXPECT_EQ(chart->csvRows[0].last(), QStringLiteral("yes"));

    // the correction outlives re-extraction with new rules
    ASSERT_TRUE(ReextractJob(ws.database()).run().ok());
    window.reloadData();
    EXPECT_EQ(one(*db, "SELECT value || ' ' || review FROM statistics"), QStringLiteral("420000.0 edited"));
}

TEST_F(ReviewWindowTest, TheCorrectionsListShowsAnOrphanAndTakesADecisionBack)
{
    answerNextDialog(QStringLiteral("value"), QStringLiteral("415000"));
    markAction(TextMark::Kind::Statistic, QStringLiteral("C&orrect\u2026"))->trigger();
    Correction orphan;
    orphan.contentHash = one(*db, "SELECT content_hash FROM documents");
    orphan.item = CorrectionItem::Event;
    orphan.action = CorrectionAction::Reject;
    orphan.sentence = QStringLiteral("A sentence this document never had.");
    orphan.start = 5;
    orphan.end = 9;
    ASSERT_TRUE(CorrectionStore(*db).put(orphan).ok());

    CorrectionsDialog dialog(&window, window.review()->controller());
    ASSERT_EQ(dialog.table()->rowCount(), 2);
    EXPECT_EQ(dialog.table()->item(0, CorrectionsDialog::State)->text(), QStringLiteral("applied"));
    EXPECT_EQ(dialog.table()->item(1, CorrectionsDialog::State)->text(), QStringLiteral("orphaned"));
    EXPECT_EQ(dialog.table()->item(1, CorrectionsDialog::Why)->text(), QStringLiteral("the sentence is no longer in the document"));

    const QString file = ws.path(QStringLiteral("shared.json"));
    ASSERT_TRUE(dialog.exportTo(file));
    dialog.table()->selectRow(0);
    dialog.findChild<QPushButton*>(QStringLiteral("takeBack"))->click();
    EXPECT_EQ(dialog.table()->rowCount(), 1);
    EXPECT_EQ(one(*db, "SELECT value FROM statistics"), QStringLiteral("410000.0"));
    ASSERT_TRUE(dialog.importFrom(file));  // a colleague's file: the correction is back
    EXPECT_EQ(one(*db, "SELECT value FROM statistics"), QStringLiteral("415000.0"));
}

TEST_F(ReviewWindowTest, TheFactsTableConfirmsAReadingWithSpaceAndShowsItReviewed)
{
    window.tabs()->setCurrentWidget(window.factsTab());
    FactsTab* facts = window.factsTab();
    // the facts are read on a worker: the tab says so until they are listed
    auto loaded = [&] { return QTest::qWaitFor([&] { return !facts->isLoading(); }, 10000); };
    ASSERT_TRUE(loaded());
    ASSERT_EQ(facts->facts().size(), 1u);
    EXPECT_EQ(facts->facts()[0].subject, QStringLiteral("Huawei"));
    ASSERT_TRUE(facts->selectFact(QStringLiteral("Huawei"), facts->facts()[0].metricKey));
    ASSERT_TRUE(loaded());
    ASSERT_EQ(facts->readings().size(), 1u) << facts->findChild<QLabel*>(QStringLiteral("factSummary"))->text().toStdString();
    facts->readingView()->setFocus();
    facts->readingView()->setCurrentIndex(facts->readingView()->model()->index(0, 0));
    QTest::keyClick(facts->readingView(), Qt::Key_Space);
    EXPECT_EQ(one(*db, "SELECT review FROM statistics"), QStringLiteral("confirmed"));
    ASSERT_TRUE(loaded());
    ASSERT_EQ(facts->facts().size(), 1u);
    EXPECT_EQ(facts->facts()[0].reviewed, 1);
    EXPECT_EQ(facts->factView()->model()->index(0, FactsTab::Reviewed).data().toString(), QStringLiteral("1 of 1"));
    ASSERT_EQ(facts->readings().size(), 1u);  // the fact stayed selected through the reload
    EXPECT_EQ(facts->readings()[0].review, QStringLiteral("confirmed"));
}

TEST_F(ReviewWindowTest, TheClaimsTableRejectsAClaimWithDeleteAndTheMetadataIsCorrected)
{
    window.tabs()->setCurrentWidget(window.claimView());
    QTableView* claims = window.claimView();
    const int before = claims->model()->rowCount();
    ASSERT_GT(before, 0);
    claims->setFocus();
    claims->setCurrentIndex(claims->model()->index(0, 0));
    QTest::keyClick(claims, Qt::Key_Delete);
    EXPECT_EQ(one(*db, "SELECT count(*) FROM claims").toInt(), before - 1);
    EXPECT_TRUE(QTest::qWaitFor([&] { return claims->model()->rowCount() == before - 1; }, 10000));

    // Space confirms the claim now first; its Review column says so, the others stay unreviewed
    const QString text = claims->model()->index(0, ClaimListModel::Text).data().toString();
    EXPECT_EQ(claims->model()->index(0, ClaimListModel::Review).data().toString(), QStringLiteral("unreviewed"));
    claims->setCurrentIndex(claims->model()->index(0, 0));
    QTest::keyClick(claims, Qt::Key_Space);
    auto reviewOf = [&](const QString& claim) {
        for (int r = 0; r < claims->model()->rowCount(); ++r)
            if (claims->model()->index(r, ClaimListModel::Text).data().toString() == claim)
                return claims->model()->index(r, ClaimListModel::Review).data(ClaimListModel::ReviewRole).toString();
        return QStringLiteral("(gone)");
    };
    EXPECT_TRUE(QTest::qWaitFor([&] { return reviewOf(text) == QStringLiteral("confirmed"); }, 10000)) << qPrintable(reviewOf(text));
    EXPECT_EQ(one(*db, "SELECT count(*) FROM claims WHERE review = 'confirmed'").toInt(), 1);

    // The timeline rings the confirmed claim, and its export says how many were reviewed
    window.tabs()->setCurrentWidget(window.timelineTab());
    ASSERT_TRUE(QTest::qWaitFor([&] { return window.timelineTab()->canExport() && !window.timelineTab()->isLoading(); }, 10000));
    const charts::ExportContent timeline = window.timelineTab()->exportContent();
    const qsizetype reviewedColumn = timeline.csvHeader.indexOf(QStringLiteral("reviewed"));
    const qsizetype textColumn = timeline.csvHeader.indexOf(QStringLiteral("text"));
    ASSERT_GE(reviewedColumn, 0);
    int ringed = 0;
    for (const QStringList& row : timeline.csvRows)
        if (row[reviewedColumn] == QStringLiteral("yes")) {
            ++ringed;
            EXPECT_EQ(row[textColumn], text);
        }
    EXPECT_EQ(ringed, 1);
    EXPECT_TRUE(timeline.caption.contains(
        QStringLiteral("Reviewed by an analyst (ringed): 1 of %1 claims").arg(timeline.csvRows.size())))
        << qPrintable(timeline.caption.join(u'\n'));
    window.tabs()->setCurrentWidget(window.claimView());

    const qint64 id = window.documentModel()->documentId(0);
    answerNextDialog(QStringLiteral("value"), QStringLiteral("Accelerator orders climb"));
    ASSERT_TRUE(window.review()->correctMetadata(id, CorrectionItem::Title));
    EXPECT_EQ(one(*db, "SELECT title FROM documents"), QStringLiteral("Accelerator orders climb"));
    answerNextDialog(QStringLiteral("value"), QStringLiteral("March 2025"));  // not a date: the dialog says so
    QTimer::singleShot(50, [] {
        if (auto* dialog = qobject_cast<ReviewDialog*>(QApplication::activeModalWidget())) {
            auto* problem = dialog->findChild<QLabel*>(QStringLiteral("problem"));
            EXPECT_TRUE(problem && problem->isVisible());
            dialog->reject();
        }
    });
    EXPECT_FALSE(window.review()->correctMetadata(id, CorrectionItem::Published));
    EXPECT_EQ(one(*db, "SELECT published FROM documents"), QStringLiteral("2025-03-03"));
}
