#include "UiTestSupport.h"

#include "TestSupport.h"
#include "ingest/IngestJob.h"
#include "models/ClaimListModel.h"
#include "models/DocumentListModel.h"
#include "models/FacetModel.h"

#include <QFont>

#include <QAbstractItemModelTester>
#include <QFileInfo>
#include <QSignalSpy>

#include <gtest/gtest.h>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

/// Our 16 gold articles in a real database, shared by the model tests.
class ModelsTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        ws = new test::Workspace;
        const IngestResult r = IngestJob({test::goldArticleFiles(), ws->database()}).run();
        ASSERT_TRUE(r.ok()) << qPrintable(r.error);
        ASSERT_EQ(r.imported, 16);
    }
    static void TearDownTestSuite()
    {
        delete ws;
        ws = nullptr;
    }
    void SetUp() override
    {
        auto opened = Database::open(ws->database());
        ASSERT_TRUE(opened.ok());
        db.emplace(std::move(*opened));
    }
    static QSet<QString> filesIn(const DocumentListModel& model)
    {
        QSet<QString> out;
        for (int r = 0; r < model.rowCount(); ++r)
            out.insert(QFileInfo(model.index(r, 0).data(DocumentListModel::PathRole).toString()).fileName());
        return out;
    }
    static test::Workspace* ws;
    std::optional<Database> db;
};
test::Workspace* ModelsTest::ws = nullptr;

}  // namespace

TEST_F(ModelsTest, DocumentListHoldsEveryDocumentNewestFirst)
{
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setDatabase(&*db);
    ASSERT_EQ(model.rowCount(), 16);
    EXPECT_FALSE(model.canFetchMore({}));
    QString previous = QStringLiteral("9999");
    bool undatedSeen = false;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QString iso = model.index(r, DocumentListModel::Published).data(DocumentListModel::RawValueRole).toString();
        if (iso.isEmpty()) {
            undatedSeen = true;
            continue;
        }
        EXPECT_FALSE(undatedSeen) << "undated documents come last";
        EXPECT_LE(iso, previous);
        previous = iso;
    }
    // Titles fall back to the file name, never an empty cell.
    for (int r = 0; r < model.rowCount(); ++r)
        EXPECT_FALSE(model.index(r, DocumentListModel::Title).data().toString().isEmpty());
    // A page without a headline is named by its first sentence, in italics: a derived title.
    bool derivedSeen = false;
    for (int r = 0; r < model.rowCount(); ++r) {
        const QModelIndex title = model.index(r, DocumentListModel::Title);
        if (!title.data(DocumentListModel::PathRole).toString().endsWith(QStringLiteral("014_baidu-ernie-feature.txt")))
            continue;
        derivedSeen = true;
        EXPECT_TRUE(title.data().toString().startsWith(QStringLiteral("Few Chinese companies bet on artificial")));
        EXPECT_TRUE(title.data().toString().endsWith(QStringLiteral("\u2026")));
        EXPECT_TRUE(title.data(Qt::FontRole).value<QFont>().italic());
        EXPECT_TRUE(title.data(DocumentListModel::RawValueRole).toString().isEmpty()) << "the stored title stays empty";
    }
    EXPECT_TRUE(derivedSeen);
}

TEST_F(ModelsTest, DocumentListSortsByEveryColumn)
{
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setDatabase(&*db);
    model.sort(DocumentListModel::Claims, Qt::DescendingOrder);
    ASSERT_EQ(model.rowCount(), 16);
    for (int r = 1; r < model.rowCount(); ++r)
        EXPECT_GE(model.index(r - 1, DocumentListModel::Claims).data().toInt(),
                  model.index(r, DocumentListModel::Claims).data().toInt());
    model.sort(DocumentListModel::Title, Qt::AscendingOrder);
    ASSERT_EQ(model.rowCount(), 16);
    for (int r = 1; r < model.rowCount(); ++r) {
        const QString a = model.index(r - 1, DocumentListModel::Title).data(DocumentListModel::RawValueRole).toString();
        const QString b = model.index(r, DocumentListModel::Title).data(DocumentListModel::RawValueRole).toString();
        if (!a.isEmpty() && !b.isEmpty()) {
            EXPECT_LE(a.compare(b, Qt::CaseInsensitive), 0) << qPrintable(a) << " / " << qPrintable(b);
        }
    }
}

TEST_F(ModelsTest, CompanyFilterListsTheDocumentsNamingItOrItsProducts)
{
    DocumentListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setDatabase(&*db);
    const QString gold = test::testData(QStringLiteral("articles/gold.json"));
    for (const QString& company : {QStringLiteral("ByteDance"), QStringLiteral("Kuaishou"), QStringLiteral("Nvidia"),
                                  QStringLiteral("OpenAI")}) {
        DocumentFilter f;
        f.companies = {company};
        model.setFilter(f);
        EXPECT_EQ(filesIn(model), test::goldFilesNaming(gold, company)) << qPrintable(company);
    }
    // Two companies: documents naming either.
    DocumentFilter both;
    both.companies = {QStringLiteral("Kuaishou"), QStringLiteral("SMIC")};
    model.setFilter(both);
    EXPECT_EQ(filesIn(model), test::goldFilesNaming(gold, QStringLiteral("Kuaishou")) |
                                  test::goldFilesNaming(gold, QStringLiteral("SMIC")));
}

TEST_F(ModelsTest, FacetModelChecksAndKeepsCheckedValues)
{
    FacetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setItems({{QStringLiteral("Baidu"), 12, 2}, {QStringLiteral("Kuaishou"), 2, 0}});
    QSignalSpy changed(&model, &FacetModel::checkedChanged);
    ASSERT_TRUE(model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole));
    ASSERT_EQ(changed.count(), 1);
    EXPECT_EQ(model.checked(), QStringList{QStringLiteral("Kuaishou")});
    EXPECT_TRUE(model.index(0).data().toString().contains(QStringLiteral("2 via products")));
    model.setItems({{QStringLiteral("Baidu"), 13, 2}});
    EXPECT_EQ(model.checked(), QStringList{QStringLiteral("Kuaishou")}) << "a filter never loses a value silently";
}

TEST_F(ModelsTest, FacetGroupTitlesAreNotValues)
{
    FacetModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setItems({{QStringLiteral("Outlets"), 0, 0, true}, {QStringLiteral("Harbour Line"), 3, 0},
                    {QStringLiteral("Cited sources"), 0, 0, true}, {QStringLiteral("Kyodo"), 1, 0}});
    EXPECT_FALSE(model.flags(model.index(0)) & Qt::ItemIsUserCheckable);
    EXPECT_TRUE(model.flags(model.index(1)) & Qt::ItemIsUserCheckable);
    EXPECT_FALSE(model.index(0).data(Qt::CheckStateRole).isValid());
    EXPECT_TRUE(model.index(0).data(Qt::FontRole).value<QFont>().bold());
    EXPECT_EQ(model.index(0).data().toString(), QStringLiteral("Outlets"));
    EXPECT_FALSE(model.setData(model.index(2), Qt::Checked, Qt::CheckStateRole));
    EXPECT_TRUE(model.checked().isEmpty());
}

TEST_F(ModelsTest, ClaimListFollowsTheFilter)
{
    ClaimListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setDatabase(&*db);
    const int all = model.rowCount();
    ASSERT_GT(all, 30);
    DocumentFilter f;
    f.companies = {QStringLiteral("Kuaishou")};
    model.setFilter(f);
    ASSERT_GT(model.rowCount(), 0);
    EXPECT_LT(model.rowCount(), all);
    const QSet<QString> gold = test::goldFilesNaming(test::testData(QStringLiteral("articles/gold.json")),
                                                     QStringLiteral("Kuaishou"));
    DocumentListModel documents;
    documents.setDatabase(&*db);
    documents.setFilter(f);
    QSet<qint64> ids;
    for (int r = 0; r < documents.rowCount(); ++r)
        ids.insert(documents.documentId(r));
    for (int r = 0; r < model.rowCount(); ++r)
        EXPECT_TRUE(ids.contains(model.index(r, 0).data(ClaimListModel::DocumentIdRole).toLongLong()));
    EXPECT_EQ(ids.size(), gold.size());
}

TEST_F(ModelsTest, ClaimListSortsInTheDatabaseAndPages)
{
    ClaimListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setPageSize(40);
    model.setDatabase(&*db);
    model.sort(ClaimListModel::Score, Qt::DescendingOrder);
    EXPECT_EQ(model.rowCount(), 40);
    while (model.canFetchMore({}))
        model.fetchMore({});
    ASSERT_GT(model.rowCount(), 120) << "every page read, each after the last";
    for (int r = 1; r < model.rowCount(); ++r)
        EXPECT_GE(model.index(r - 1, ClaimListModel::Score).data().toDouble(),
                  model.index(r, ClaimListModel::Score).data().toDouble());
    model.sort(ClaimListModel::Date, Qt::AscendingOrder);
    while (model.canFetchMore({}))
        model.fetchMore({});
    bool undated = false;
    for (int r = 0; r < model.rowCount(); ++r) {
        const bool isUndated = model.index(r, ClaimListModel::Date).data().toString() == QStringLiteral("undated");
        EXPECT_FALSE(undated && !isUndated) << "undated claims come last";
        undated |= isUndated;
    }
}
