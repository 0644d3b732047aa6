#pragma once

#include "TestSupport.h"

#include "query/ChartQuery.h"
#include "store/Database.h"

#include <memory>

namespace claimlens::test {

/// Our 16 gold articles and the 10 of the sample corpus, ingested once through the real IngestJob
/// and shared by the chart tests that only read.
class ChartsFixture {
public:
    static ChartsFixture& shared();
    Database& db() { return *m_db; }
    const QString& path() const { return m_path; }
    int count(const char* sql);

private:
    ChartsFixture();
    Workspace m_ws;
    QString m_path;
    std::unique_ptr<Database> m_db;
};

/// A statistic value found once in one document, for chart models built by hand.
StatisticValue statisticValue(const QString& subject, double value, const QStringList& sources = {});

/// Rows of `a` missing from `b`, as "a EXCEPT b" (0 when b holds every row of a).
int missingRows(Database& db, const QString& a, const QString& b);
/// The chart aggregates recomputed from the base tables equal the stored ones.
void expectAggregatesCurrent(Database& db);

}  // namespace claimlens::test
