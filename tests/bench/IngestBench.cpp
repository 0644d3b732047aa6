// claimlens-bench ingest: how fast Claimlens reads articles into SQLite, beside the floor of
// inserting the same raw text into SQLite + FTS5 in one transaction, measured in the same run.
// Ratios hold on a noisy machine; absolute times do not.
#include "ArticleGenerator.h"
#include "BenchSupport.h"

#include "ingest/IngestJob.h"
#include "read/FileCollector.h"
#include "read/TextDecoder.h"
#include "store/Database.h"
#include "store/DocumentStore.h"
#include "extract/Extractor.h"
#include "structure/StructureParser.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <ctime>

using namespace claimlens;
using claimlens::bench::peakMiB;
using claimlens::bench::resetPeak;

namespace {

struct Timing {
    double seconds;
    double peak;
    double cpu = 0;  ///< this thread's CPU seconds: steadier than the clock when others share the machine
};

/// CPU seconds of every thread of the process so far (the ingest runs two).
double processCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double threadCpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

/// The floor: the same files read and their raw text inserted into SQLite + FTS5, one transaction.
Timing floorRun(const QString& folder, const QString& dbPath, int expected)
{
    resetPeak();
    QFile::remove(dbPath);
    QFile::remove(dbPath + QStringLiteral("-wal"));
    QFile::remove(dbPath + QStringLiteral("-shm"));
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = processCpuSeconds();
    // opened as the store opens its database (WAL, synchronous, foreign keys, temp store) and with
    // the ingest's checkpoint interval and page cache, so the floor differs from the ingest only in what it stores
    auto db = Database::open(dbPath);
    (void)db->exec("PRAGMA wal_autocheckpoint=8192; PRAGMA cache_size=-16384;"
                   "CREATE TABLE raw(id INTEGER PRIMARY KEY, path TEXT, text TEXT);"
                   "CREATE VIRTUAL TABLE raw_fts USING fts5(text, content='raw', content_rowid='id',"
                   " tokenize='unicode61 remove_diacritics 2');");
    auto insert = db->prepare("INSERT INTO raw(path, text) VALUES (?1, ?2)");
    auto index = db->prepare("INSERT INTO raw_fts(rowid, text) VALUES (?1, ?2)");
    (void)db->exec("BEGIN");
    FileCollector(QStringList{folder}).forEach([&](const QString& path) {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        const QString text = QString::fromUtf8(f.readAll());
        insert->bind(1, path).bind(2, text);
        (void)insert->exec();
        index->bind(1, db->lastInsertId()).bind(2, text);
        (void)index->exec();
        return true;
    });
    (void)db->exec("COMMIT");
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double cpu = processCpuSeconds() - cpu0;
    // a floor that silently stored less would flatter nothing but itself: count what it holds
    auto rows = db->prepare("SELECT (SELECT count(*) FROM raw), (SELECT count(*) FROM raw_fts_docsize)");
    if (rows && rows->step() && (rows->int64(0) != expected || rows->int64(1) != expected))
        std::fprintf(stderr, "bench: the floor stored %lld texts and indexed %lld of %d\n",
                     static_cast<long long>(rows->int64(0)), static_cast<long long>(rows->int64(1)), expected);
    return {seconds, peakMiB(), cpu};
}

/// Reading and parsing alone (and with `extract`, extraction too), no database: how the ingest
/// time splits.
Timing parseRun(const QString& folder, bool extract)
{
    resetPeak();
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = threadCpuSeconds();
    const StructureParser parser;
    const Extractor extractor;
    qsizetype sentences = 0;
    FileCollector(QStringList{folder}).forEach([&](const QString& path) {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        auto text = decodeText(f.readAll());
        const Article article = parser.parse(text->text);
        sentences += article.sentences.size();
        if (extract)
            sentences += extractor.extract(article).mentions.size();
        return true;
    });
    if (sentences == 0)
        std::fprintf(stderr, "bench: no sentences parsed\n");
    return {static_cast<double>(timer.nsecsElapsed()) / 1e9, peakMiB(), threadCpuSeconds() - cpu0};
}

/// The writer alone: the first `limit` files parsed and extracted beforehand, then only the
/// store's inserts timed, in the ingest's batches, so each half of the pipeline can be tuned apart.
Timing writeRun(const QString& folder, const QString& dbPath, int limit)
{
    struct Parsed {
        DocumentFile file;
        Article article;
        Extraction extraction;
    };
    std::vector<Parsed> parsed;
    const StructureParser parser;
    const Extractor extractor;
    FileCollector(QStringList{folder}).forEach([&](const QString& path) {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        const QByteArray bytes = f.readAll();
        auto text = decodeText(bytes);
        Article article = parser.parse(text->text);
        Extraction extraction = extractor.extract(article);
        parsed.push_back({{path, QString::number(parsed.size()), text->encoding, bytes.size()}, std::move(article),
                          std::move(extraction)});
        return static_cast<int>(parsed.size()) < limit;
    });
    QFile::remove(dbPath);
    QFile::remove(dbPath + QStringLiteral("-wal"));
    QFile::remove(dbPath + QStringLiteral("-shm"));
    resetPeak();
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = threadCpuSeconds();
    auto db = Database::open(dbPath);
    (void)db->exec("PRAGMA wal_autocheckpoint=8192; PRAGMA cache_size=-16384");  // as the ingest opens it
    auto store = DocumentStore::create(*db, Knowledge::defaults());
    store->setDeferIndexing(true);  // as the ingest writes
    Database::Transaction tx(*db);
    const int batch = IngestParams{}.batchSize;
    for (size_t i = 0; i < parsed.size(); ++i) {
        if (i % static_cast<size_t>(batch) == 0 && (i == 0 || (store->flushPending() && tx.commit())))
            (void)tx.begin();
        if (!store->insert(parsed[i].file, parsed[i].article, parsed[i].extraction))
            std::fprintf(stderr, "bench: insert failed\n");
    }
    (void)store->flushPending();
    (void)tx.commit();
    return {static_cast<double>(timer.nsecsElapsed()) / 1e9, peakMiB(), threadCpuSeconds() - cpu0};
}

Timing claimlensRun(const QString& folder, const QString& dbPath, int expected)
{
    resetPeak();
    QFile::remove(dbPath);
    QFile::remove(dbPath + QStringLiteral("-wal"));
    QFile::remove(dbPath + QStringLiteral("-shm"));
    QElapsedTimer timer;
    timer.start();
    const double cpu0 = processCpuSeconds();
    const IngestResult r = IngestJob({{folder}, dbPath}).run();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    const double cpu = processCpuSeconds() - cpu0;
    if (!r.ok() || r.imported != expected)
        std::fprintf(stderr, "bench: ingest failed or incomplete: %s (%d of %d)\n", qPrintable(r.error), r.imported,
                     expected);
    return {seconds, peakMiB(), cpu};
}

}  // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    int docs = 10000;
    QStringList args = QCoreApplication::arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--docs")); i > 0 && i + 1 < args.size())
        docs = args.at(i + 1).toInt();
    if (args.contains(QStringLiteral("--extract-only"))) {  // for profiling the extractor alone
        const Timing t = parseRun(args.last(), !args.contains(QStringLiteral("--no-extract")));
        std::printf("%.2f s (CPU %.2f s)\n", t.seconds, t.cpu);
        return 0;
    }
    if (args.contains(QStringLiteral("--floor-only"))) {  // for profiling the floor beside the ingest
        QTemporaryDir scratch;
        const int n = static_cast<int>(FileCollector(QStringList{args.last()}).count());
        const Timing t = floorRun(args.last(), scratch.filePath(QStringLiteral("f.sqlite")), n);
        std::printf("%.3f s for %d documents (CPU %.3f s)\n", t.seconds, n, t.cpu);
        return 0;
    }
    if (args.contains(QStringLiteral("--write-only"))) {  // for profiling the writer alone
        QTemporaryDir scratch;
        const int n = std::min(docs, 2000);  // parsed articles are held in memory for this
        const Timing t = writeRun(args.last(), scratch.filePath(QStringLiteral("w.sqlite")), n);
        std::printf("%.3f s for %d documents, %.3f ms each (CPU %.3f ms each)\n", t.seconds, n, t.seconds * 1000 / n,
                    t.cpu * 1000 / n);
        return 0;
    }
    if (docs <= 0 || args.contains(QStringLiteral("--help"))) {
        std::printf("usage: claimlens-bench [--docs N] [--generate DIR] [--extract-only DIR] [--write-only DIR] [--floor-only DIR]\n"
                    "  (default 10000 articles; --write-only times the store alone on the first 2000 of DIR)\n");
        return docs <= 0 ? 2 : 0;
    }

    // --generate DIR writes the synthetic corpus and stops (for profiling, or for building a large
    // database to try the explorer on).
    QTemporaryDir dir;
    const qsizetype g = args.indexOf(QStringLiteral("--generate"));
    const QString folder = g > 0 && g + 1 < args.size() ? args.at(g + 1) : dir.filePath(QStringLiteral("articles"));
    QDir().mkpath(folder);
    bench::ArticleGenerator generator;
    qint64 bytes = 0;
    for (int i = 0; i < docs; ++i) {
        // a folder per thousand keeps directories a realistic size
        const QString sub = QStringLiteral("%1/%2").arg(folder).arg(i / 1000, 3, 10, QLatin1Char('0'));
        if (i % 1000 == 0)
            QDir().mkpath(sub);
        const QString path = QStringLiteral("%1/article-%2.txt").arg(sub).arg(i, 6, 10, QLatin1Char('0'));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        bytes += f.write(generator.article(i).toUtf8());
    }
    if (g > 0) {
        std::printf("wrote %d articles to %s\n", docs, qPrintable(folder));
        return 0;
    }
    const double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);

    // floor, ingest, floor: the better floor is the one compared against
    const Timing floor1 = floorRun(folder, dir.filePath(QStringLiteral("floor.sqlite")), docs);
    const Timing ours = claimlensRun(folder, dir.filePath(QStringLiteral("claimlens.sqlite")), docs);
    const Timing parse = parseRun(folder, false);
    const Timing extract = parseRun(folder, true);
    const Timing floor2 = floorRun(folder, dir.filePath(QStringLiteral("floor.sqlite")), docs);
    const Timing floor = floor1.seconds <= floor2.seconds ? floor1 : floor2;

    QTextStream out(stdout);
    out << QStringLiteral("ingest benchmark: %1 articles, %2 MB\n").arg(docs).arg(mb, 0, 'f', 1);
    out << QStringLiteral("  floor (raw text -> SQLite + FTS5, 1 transaction): %1 s  %2 docs/s  %3 MB/s  peak %4 MiB\n")
               .arg(floor.seconds, 0, 'f', 2)
               .arg(docs / floor.seconds, 0, 'f', 0)
               .arg(mb / floor.seconds, 0, 'f', 1)
               .arg(floor.peak, 0, 'f', 0);
    out << QStringLiteral("  claimlens ingest:                                 %1 s  %2 docs/s  %3 MB/s  peak %4 MiB\n")
               .arg(ours.seconds, 0, 'f', 2)
               .arg(docs / ours.seconds, 0, 'f', 0)
               .arg(mb / ours.seconds, 0, 'f', 1)
               .arg(ours.peak, 0, 'f', 0);
    out << QStringLiteral("    of which reading + parsing (no database):       %1 s\n").arg(parse.seconds, 0, 'f', 2);
    out << QStringLiteral("    of which reading + parsing + extraction:        %1 s\n").arg(extract.seconds, 0, 'f', 2);
    out << QStringLiteral("  ratio: %1x the floor (target <= 3x)\n").arg(ours.seconds / floor.seconds, 0, 'f', 2);
    // CPU time is what a busy machine disturbs least: the two say together whether a change helped
    out << QStringLiteral("  CPU: floor %1 s, ingest %2 s (both threads), %3x\n")
               .arg(floor.cpu, 0, 'f', 2)
               .arg(ours.cpu, 0, 'f', 2)
               .arg(ours.cpu / floor.cpu, 0, 'f', 2);
    return 0;
}
