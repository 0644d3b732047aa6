// The analyst's review as stored: corrections applied to the readings the charts and exports use,
// kept through re-extraction and re-ingest, orphaned (listed, not applied) when their sentence
// changed, undone by putting back what a change returned.
#include "export/JsonExporter.h"
#include "ingest/IngestJob.h"
#include "ingest/ReextractJob.h"
#include "review/Reviewer.h"

#include "TestSupport.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <gtest/gtest.h>

using namespace claimlens;

namespace {

QString one(Database& db, const QString& sql)
{
    auto stmt = db.prepare(sql.toUtf8().constData());
    return stmt && stmt->step() ? stmt->text(0) : QStringLiteral("<none>");
}

class ReviewTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        file = ws.write(QStringLiteral("in/chips.txt"),
                        "Accelerator Orders Climb as Cloud Buyers Stock Up Before New Export Rules\n\nBy Mara Quist\n\nMarch 3, 2025\n\n"
                        "Huawei shipped 410,000 AI accelerators in 2024, an internal memo shows. "
                        "Analysts at the brokerage expect the pace to slow next year.\n");
        db = test::ingestAndOpen(ws, QStringLiteral("in"), 1);
        ASSERT_TRUE(db.has_value());
        hash = one(*db, QStringLiteral("SELECT content_hash FROM documents"));
        auto st = db->prepare("SELECT s.text, st.span_start, st.span_end, st.subject, st.metric_key, st.metric,"
                              " st.value, st.unit, coalesce(st.period, '') FROM statistics st"
                              " JOIN sentences s ON s.id = st.sentence_id ORDER BY st.id LIMIT 1");
        ASSERT_TRUE(st && st->step()) << "the fixture must give a statistic";
        sentence = st->text(0);
        machine.subject = st->text(3);
        machine.subjectKind = EntityKind::Company;
        machine.metricKey = st->text(4);
        machine.metric = st->text(5);
        machine.value = st->real(6);
        machine.unit = st->text(7);
        machine.period = st->text(8);
        start = st->int64(1);
        end = st->int64(2);
        ASSERT_EQ(machine.value, 410000);
    }

    Correction statisticCorrection(CorrectionAction action, double value) const
    {
        Correction c;
        c.contentHash = hash;
        c.item = CorrectionItem::Statistic;
        c.action = action;
        c.sentence = sentence;
        c.start = start;
        c.end = end;
        c.machine = statisticToJson(machine);
        if (action != CorrectionAction::Reject) {
            Statistic s = machine;
            s.value = value;
            c.value = statisticToJson(s);
        }
        return c;
    }

    QString exported()
    {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        EXPECT_TRUE(JsonExporter(*db).write(out).ok());
        return QString::fromUtf8(out.data());
    }

    test::Workspace ws;
    std::optional<Database> db;
    QString file, hash, sentence;
    Statistic machine;
    qsizetype start = 0, end = 0;
};

}  // namespace

TEST_F(ReviewTest, AnEditedValueReplacesTheReadingEverywhere)
{
    Reviewer reviewer(*db, Knowledge::defaults());
    auto before = reviewer.record(statisticCorrection(CorrectionAction::Edit, 420000));
    ASSERT_TRUE(before.ok()) << before.error().toStdString();
    EXPECT_FALSE(before->has_value());  // nothing decided before
    EXPECT_EQ(one(*db, QStringLiteral("SELECT value || ' ' || review FROM statistics")), QStringLiteral("420000.0 edited"));
    // the charts' counts: the old value is gone, the new one counted as reviewed
    EXPECT_EQ(one(*db, QStringLiteral("SELECT occurrences FROM statistic_values WHERE value = 410000")), QStringLiteral("0"));
    EXPECT_EQ(one(*db, QStringLiteral("SELECT occurrences || '/' || reviewed FROM statistic_values WHERE value = 420000")),
              QStringLiteral("1/1"));
    const QString json = exported();
    EXPECT_TRUE(json.contains(QStringLiteral("420000"))) << json.toStdString();
    EXPECT_FALSE(json.contains(QStringLiteral("410000")));
    EXPECT_TRUE(test::integrityProblems(*db).isEmpty());
}

TEST_F(ReviewTest, CorrectionsSurviveReextractionAndReingest)
{
    Reviewer reviewer(*db, Knowledge::defaults());
    ASSERT_TRUE(reviewer.record(statisticCorrection(CorrectionAction::Edit, 420000)).ok());
    ASSERT_TRUE(ReextractJob(ws.database()).run().ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT value || ' ' || review FROM statistics")), QStringLiteral("420000.0 edited"));

    // the same text at another path, after the document was removed: the correction holds
    ASSERT_TRUE(db->exec("DELETE FROM documents").ok());
    QFile::rename(file, ws.path(QStringLiteral("in/moved.txt")));
    const IngestResult again = IngestJob({{ws.path(QStringLiteral("in"))}, ws.database()}).run();
    ASSERT_EQ(again.imported, 1);
    EXPECT_EQ(one(*db, QStringLiteral("SELECT value || ' ' || review FROM statistics")), QStringLiteral("420000.0 edited"));
}

TEST_F(ReviewTest, RejectRemovesTheReadingAndUndoBringsItBack)
{
    Reviewer reviewer(*db, Knowledge::defaults());
    const Correction reject = statisticCorrection(CorrectionAction::Reject, 0);
    auto before = reviewer.record(reject);
    ASSERT_TRUE(before.ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT count(*) FROM statistics")), QStringLiteral("0"));
    EXPECT_EQ(one(*db, QStringLiteral("SELECT sum(occurrences) FROM statistic_values")), QStringLiteral("0"));
    // undo: what record returned (nothing) is put back, and the machine's reading returns
    ASSERT_TRUE(reviewer.restore(ReadingKey::of(reject), *before).ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT value || ' ' || coalesce(review, 'unreviewed') FROM statistics")),
              QStringLiteral("410000.0 unreviewed"));
    EXPECT_EQ(one(*db, QStringLiteral("SELECT count(*) FROM corrections")), QStringLiteral("0"));
}

TEST_F(ReviewTest, AConfirmationMarksTheReadingReviewed)
{
    Reviewer reviewer(*db, Knowledge::defaults());
    ASSERT_TRUE(reviewer.record(statisticCorrection(CorrectionAction::Confirm, 410000)).ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT value || ' ' || review FROM statistics")), QStringLiteral("410000.0 confirmed"));
    EXPECT_EQ(one(*db, QStringLiteral("SELECT reviewed FROM statistic_values WHERE value = 410000")), QStringLiteral("1"));
}

TEST_F(ReviewTest, ACorrectionWhoseSentenceChangedIsListedAsOrphanedAndNotApplied)
{
    Reviewer reviewer(*db, Knowledge::defaults());
    Correction moved = statisticCorrection(CorrectionAction::Edit, 999);
    moved.sentence = QStringLiteral("Huawei shipped 410,000 AI accelerators in 2024.");  // not the sentence stored
    ASSERT_TRUE(reviewer.record(moved).ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT value FROM statistics")), QStringLiteral("410000.0"));
    Correction gone = statisticCorrection(CorrectionAction::Reject, 0);
    gone.contentHash = QStringLiteral("no-such-document");
    ASSERT_TRUE(reviewer.record(gone).ok());
    auto listed = CorrectionStore(*db).list();
    ASSERT_TRUE(listed.ok());
    ASSERT_EQ(listed->size(), 2u);
    EXPECT_TRUE((*listed)[0].orphaned);
    EXPECT_EQ((*listed)[0].why, QStringLiteral("the sentence is no longer in the document"));
    EXPECT_TRUE((*listed)[1].orphaned);
    EXPECT_EQ((*listed)[1].documentId, 0);
}

TEST_F(ReviewTest, AMetadataCorrectionSetsTheFieldAndClearingItRestoresTheMachines)
{
    Reviewer reviewer(*db, Knowledge::defaults());
    const QString machineTitle = one(*db, QStringLiteral("SELECT title FROM documents"));
    ASSERT_EQ(machineTitle, QStringLiteral("Accelerator Orders Climb as Cloud Buyers Stock Up Before New Export Rules"));
    Correction title;
    title.contentHash = hash;
    title.item = CorrectionItem::Title;
    title.action = CorrectionAction::Edit;
    title.value = {{QStringLiteral("value"), QStringLiteral("Accelerator orders climb")}};
    title.machine = {{QStringLiteral("value"), machineTitle}};
    Correction outlet = title;
    outlet.item = CorrectionItem::Outlet;
    outlet.value = {{QStringLiteral("value"), QStringLiteral("The Fab Ledger")}};
    outlet.machine = {};
    ASSERT_TRUE(reviewer.record(title).ok());
    ASSERT_TRUE(reviewer.record(outlet).ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT title || ' | ' || source FROM documents")),
              QStringLiteral("Accelerator orders climb | The Fab Ledger"));
    ASSERT_TRUE(reviewer.clear(ReadingKey::of(title)).ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT title FROM documents")), machineTitle);
}

TEST_F(ReviewTest, AnAddedStatisticAndARejectedMentionChangeWhatTheDocumentNames)
{
    Reviewer reviewer(*db, Knowledge::defaults());
    // "the brokerage" read as no company before; the analyst adds a statistic the reading missed
    const qsizetype at = one(*db, QStringLiteral("SELECT instr(clean_text, 'next year') - 1 FROM documents")).toLongLong();
    const QString second = one(*db, QStringLiteral("SELECT text FROM sentences WHERE text LIKE 'Analysts%'"));
    Correction add;
    add.contentHash = hash;
    add.item = CorrectionItem::Statistic;
    add.action = CorrectionAction::Add;
    add.sentence = second;
    add.start = at;
    add.end = at + 9;
    Statistic s = machine;
    s.value = 5;
    s.unit = QStringLiteral("percent");
    s.metricKey = QStringLiteral("growth");
    s.metric = QStringLiteral("growth");
    s.period = QStringLiteral("2025");
    add.value = statisticToJson(s);
    ASSERT_TRUE(reviewer.record(add).ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT group_concat(metric_key || ':' || coalesce(review, '-'), ' ') FROM"
                                      " (SELECT * FROM statistics ORDER BY span_start)")),
              QStringLiteral("%1:- growth:added").arg(machine.metricKey));

    auto huawei = db->prepare("SELECT s.text, m.span_start, m.span_end FROM mentions m JOIN sentences s ON s.id = m.sentence_id"
                              " JOIN entities e ON e.id = m.entity_id WHERE e.name = 'Huawei'");
    ASSERT_TRUE(huawei && huawei->step());
    Correction notHuawei;
    notHuawei.contentHash = hash;
    notHuawei.item = CorrectionItem::Mention;
    notHuawei.action = CorrectionAction::Reject;
    notHuawei.sentence = huawei->text(0);
    notHuawei.start = huawei->int64(1);
    notHuawei.end = huawei->int64(2);
    ASSERT_TRUE(reviewer.record(notHuawei).ok());
    EXPECT_EQ(one(*db, QStringLiteral("SELECT count(*) FROM document_entities de JOIN entities e ON e.id = de.entity_id"
                                      " WHERE e.name = 'Huawei'")),
              QStringLiteral("0"));
}

TEST_F(ReviewTest, CorrectionsGoThroughJsonUnchanged)
{
    Correction c = statisticCorrection(CorrectionAction::Edit, 420000);
    c.created = QStringLiteral("2026-12-03T08:00:00Z");
    QString error;
    const auto back = correctionFromJson(correctionToJson(c), &error);
    ASSERT_TRUE(back.has_value()) << error.toStdString();
    EXPECT_EQ(correctionToJson(*back), correctionToJson(c));
    QJsonObject broken = correctionToJson(c);
    broken.insert(QStringLiteral("action"), QStringLiteral("approve"));
    EXPECT_FALSE(correctionFromJson(broken, &error).has_value());
    EXPECT_EQ(error, QStringLiteral("unknown action \"approve\""));

    Reviewer reviewer(*db, Knowledge::defaults());
    auto imported = reviewer.import({c});
    ASSERT_TRUE(imported.ok()) << imported.error().toStdString();
    EXPECT_EQ(imported->stored, 1);
    EXPECT_EQ(imported->documents, 1);
    EXPECT_EQ(one(*db, QStringLiteral("SELECT value FROM statistics")), QStringLiteral("420000.0"));
}
