// claimlens-bench ingest: how fast Claimlens reads articles into SQLite, beside the floor of
// inserting the same raw text into SQLite + FTS5 in one transaction, measured in the same run.
// Ratios hold on a noisy machine; absolute times do not.
#include "ArticleGenerator.h"

#include "ingest/IngestJob.h"
#include "read/FileCollector.h"
#include "read/TextDecoder.h"
#include "store/Database.h"
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

using namespace claimlens;

namespace {

/// Peak resident memory since the last reset, in MiB (Linux VmHWM).
double peakMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

struct Timing {
    double seconds;
    double peak;
};

/// The floor: the same files read and their raw text inserted into SQLite + FTS5, one transaction.
Timing floorRun(const QString& folder, const QString& dbPath)
{
    resetPeak();
    QFile::remove(dbPath);
    QElapsedTimer timer;
    timer.start();
    auto db = Database::openRaw(dbPath);
    (void)db->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
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
    return {static_cast<double>(timer.nsecsElapsed()) / 1e9, peakMiB()};
}

/// Reading and parsing alone (and with `extract`, extraction too), no database: how the ingest
/// time splits.
Timing parseRun(const QString& folder, bool extract)
{
    resetPeak();
    QElapsedTimer timer;
    timer.start();
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
    return {static_cast<double>(timer.nsecsElapsed()) / 1e9, peakMiB()};
}

Timing claimlensRun(const QString& folder, const QString& dbPath, int expected)
{
    resetPeak();
    QFile::remove(dbPath);
    QFile::remove(dbPath + QStringLiteral("-wal"));
    QFile::remove(dbPath + QStringLiteral("-shm"));
    QElapsedTimer timer;
    timer.start();
    const IngestResult r = IngestJob({{folder}, dbPath}).run();
    const double seconds = static_cast<double>(timer.nsecsElapsed()) / 1e9;
    if (!r.ok() || r.imported != expected)
        std::fprintf(stderr, "bench: ingest failed or incomplete: %s (%d of %d)\n", qPrintable(r.error), r.imported,
                     expected);
    return {seconds, peakMiB()};
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
        std::printf("%.2f s\n", parseRun(args.last(), true).seconds);
        return 0;
    }
    if (docs <= 0 || args.contains(QStringLiteral("--help"))) {
        std::printf("usage: claimlens-bench [--docs N] [--generate DIR]   (default 10000 articles)\n");
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
    const Timing floor1 = floorRun(folder, dir.filePath(QStringLiteral("floor.sqlite")));
    const Timing ours = claimlensRun(folder, dir.filePath(QStringLiteral("claimlens.sqlite")), docs);
    const Timing parse = parseRun(folder, false);
    const Timing extract = parseRun(folder, true);
    const Timing floor2 = floorRun(folder, dir.filePath(QStringLiteral("floor.sqlite")));
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
    return 0;
}
