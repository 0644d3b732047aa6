// A query whose statement stops on an error part way through its rows must say so: no caller may
// take the rows read before the failure for the whole answer. SQLite is made to fail at chosen
// points with a progress handler that interrupts the running statement (SQLITE_INTERRUPT, as a
// Database::interrupt() from another thread does, and as a corrupt page or a full disk fail a
// step): at every such point a query answers either with an error or with its whole answer.
#include "export/JsonExporter.h"
#include "knowledge/Knowledge.h"
#include "query/DocumentListQuery.h"
#include "query/DocumentQuery.h"
#include "query/ExtractionQuery.h"
#include "store/DocumentStore.h"

#include "TestSupport.h"

#include <QBuffer>
#include <QFile>

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <functional>

using namespace claimlens;

namespace {

/// Counts SQLite's virtual-machine steps on a connection and interrupts the statement running at
/// the `at`-th one (once; 0: never).
class Interrupter {
public:
    explicit Interrupter(Database& db) : m_db(db) { sqlite3_progress_handler(m_db.handle(), 1, &Interrupter::tick, this); }
    ~Interrupter() { sqlite3_progress_handler(m_db.handle(), 0, nullptr, nullptr); }
    Interrupter(const Interrupter&) = delete;
    Interrupter& operator=(const Interrupter&) = delete;

    void arm(long at)
    {
        m_at = at;
        m_count = 0;
        m_fired = false;
    }
    long count() const { return m_count; }
    bool fired() const { return m_fired; }

private:
    static int tick(void* self)
    {
        auto* me = static_cast<Interrupter*>(self);
        if (++me->m_count == me->m_at) {
            me->m_fired = true;
            return 1;
        }
        return 0;
    }
    Database& m_db;
    long m_at = 0;
    long m_count = 0;
    bool m_fired = false;
};

/// Runs `answer` (a query, its answer written out as text, or an error) once whole, then
/// interrupted at `points` places spread over its run: each answer must be an error or the whole
/// answer. Returns how many of the interrupted runs failed.
int expectErrorOrWhole(Database& db, const std::function<Result<QString>()>& answer, int points = 150)
{
    Interrupter interrupter(db);
    interrupter.arm(0);
    const Result<QString> whole = answer();
    EXPECT_TRUE(whole.ok()) << qPrintable(whole.error());
    if (!whole)
        return 0;
    const long steps = interrupter.count();
    EXPECT_GT(steps, points) << "the query is too small to interrupt in many places";
    int errors = 0;
    for (int i = 1; i <= points; ++i) {
        const long at = std::max<long>(1, steps * i / (points + 1));
        interrupter.arm(at);
        const Result<QString> got = answer();
        EXPECT_TRUE(interrupter.fired()) << "step " << at << " of " << steps;
        if (!got.ok()) {
            ++errors;
            EXPECT_FALSE(got.error().isEmpty());
        } else {
            EXPECT_EQ(got.value(), whole.value()) << "interrupted at step " << at << " of " << steps
                                    << ", the query answered with part of its rows as if whole";
        }
    }
    return errors;
}

class RowLoopFailureTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        for (const char* name : {"001_wipo-genai-patents.txt", "004_chip-export-controls-feature.txt",
                                 "007_chinese-models-explainer.txt"}) {
            const QString file = QString::fromLatin1(name);
            ws.write(QStringLiteral("in/") + file, test::readAll(test::testData(QStringLiteral("articles/") + file)));
        }
        db = test::ingestAndOpen(ws, QStringLiteral("in"), 3);
        ASSERT_TRUE(db.has_value());
        auto docs = DocumentQuery(*db).documents();
        ASSERT_TRUE(docs.ok());
        ASSERT_EQ(docs->size(), 3u);
        id = docs->back().id;
    }
    test::Workspace ws;
    std::optional<Database> db;
    std::int64_t id = 0;
};

}  // namespace

TEST_F(RowLoopFailureTest, ForEachReportsAStatementStoppedAfterSomeRows)
{
    auto stmt = db->prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000) SELECT i FROM n");
    ASSERT_TRUE(stmt.ok());
    int rows = 0;
    const Status s = stmt->forEach([&](const Statement& row) {
        ++rows;
        if (row.integer(0) == 500)
            db->interrupt();
    });
    EXPECT_EQ(rows, 500);
    ASSERT_FALSE(s.ok());
    EXPECT_TRUE(s.error().contains(QStringLiteral("interrupt"), Qt::CaseInsensitive)) << qPrintable(s.error());
}

TEST_F(RowLoopFailureTest, ForEachStopsAtTheFirstRowItsCallbackRefuses)
{
    auto stmt = db->prepare("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT i FROM n");
    ASSERT_TRUE(stmt.ok());
    int rows = 0;
    const Status s = stmt->forEach([&](const Statement& row) -> Status {
        ++rows;
        return row.integer(0) == 3 ? Status(Error{QStringLiteral("row 3 refused")}) : Status::success();
    });
    EXPECT_EQ(rows, 3);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.error(), QStringLiteral("row 3 refused"));
}

TEST_F(RowLoopFailureTest, DocumentBlocksNeverComeBackTruncated)
{
    const int errors = expectErrorOrWhole(*db, [&]() -> Result<QString> {
        auto blocks = DocumentQuery(*db).blocks(id);
        if (!blocks)
            return Error{blocks.error()};
        QString out;
        for (const StoredBlock& b : *blocks)
            out += QStringLiteral("%1 %2 %3 %4|").arg(blockKindName(b.kind)).arg(b.start).arg(b.page).arg(b.text);
        return out;
    });
    EXPECT_GT(errors, 0);
}

TEST_F(RowLoopFailureTest, StatsNeverComeBackTruncated)
{
    const int errors = expectErrorOrWhole(*db, [&]() -> Result<QString> {
        auto st = DocumentQuery(*db).stats();
        if (!st)
            return Error{st.error()};
        QString out = QStringLiteral("%1 %2 %3 %4 %5 %6|")
                          .arg(st->documents)
                          .arg(st->duplicates)
                          .arg(st->sentences)
                          .arg(st->sources)
                          .arg(st->textCharacters)
                          .arg(st->schemaVersion);
        for (auto it = st->blocksByKind.cbegin(); it != st->blocksByKind.cend(); ++it)
            out += QStringLiteral("%1=%2 ").arg(it.key()).arg(it.value());
        return out;
    });
    EXPECT_GT(errors, 0);
}

TEST_F(RowLoopFailureTest, DocumentExtractionNeverComesBackTruncated)
{
    const int errors = expectErrorOrWhole(*db, [&]() -> Result<QString> {
        auto x = ExtractionQuery(*db).forDocument(id);
        if (!x)
            return Error{x.error()};
        QString out = (x->companies + x->countries + x->organizations + x->people + x->citedSources).join(u',');
        for (const auto& p : x->products)
            out += QStringLiteral("|%1<%2").arg(p.name, p.owner);
        for (const auto& s : x->statistics)
            out += QStringLiteral("|%1 %2 %3").arg(s.metricKey).arg(s.value).arg(s.sentence);
        for (const auto& e : x->events)
            out += QStringLiteral("|%1 %2").arg(e.date.iso(), e.sentence);
        for (const auto& c : x->claims)
            out += QStringLiteral("|%1 %2").arg(c.text, c.actors.join(u','));
        return out;
    });
    EXPECT_GT(errors, 0);
}

TEST_F(RowLoopFailureTest, StoredArticleNeverComesBackTruncated)
{
    auto store = DocumentStore::create(*db, Knowledge::defaults());
    ASSERT_TRUE(store.ok()) << qPrintable(store.error());
    const int errors = expectErrorOrWhole(*db, [&]() -> Result<QString> {
        auto a = store->loadArticle(id);
        if (!a)
            return Error{a.error()};
        QString out = a->text + a->title;
        for (const auto& b : a->blocks)
            out += QStringLiteral("|b%1-%2").arg(b.start).arg(b.end);
        for (const auto& s : a->sentences)
            out += QStringLiteral("|s%1-%2").arg(s.start).arg(s.end);
        for (const auto& s : a->sources)
            out += QStringLiteral("|c%1").arg(s.name);
        return out + QString::number(a->pages.size());
    });
    EXPECT_GT(errors, 0);
}

TEST_F(RowLoopFailureTest, DocumentListNeverComesBackTruncated)
{
    const int errors = expectErrorOrWhole(*db, [&]() -> Result<QString> {
        auto rows = DocumentListQuery(*db).all({}, DocumentSort::FileName, false);
        if (!rows)
            return Error{rows.error()};
        QString out;
        for (const DocumentListRow& r : *rows)
            out += QStringLiteral("|%1 %2").arg(r.id).arg(r.companies.join(u','));
        return out;
    });
    EXPECT_GT(errors, 0);
}

TEST_F(RowLoopFailureTest, JsonExportNeverComesBackTruncated)
{
    const int errors = expectErrorOrWhole(
        *db,
        [&]() -> Result<QString> {
            QByteArray bytes;
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            if (Status s = JsonExporter(*db).write(buffer); !s)
                return Error{s.error()};
            return QString::fromUtf8(bytes);
        },
        300);
    EXPECT_GT(errors, 0);
}
