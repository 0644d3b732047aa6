#include "Cli.h"

#include "cmdline/Programs.h"

#include "charts/ChartExporter.h"
#include "charts/ChartModel.h"
#include "query/ChartQuery.h"

#include "export/CsvExporter.h"
#include "export/JsonExporter.h"
#include "extract/Extractor.h"
#include "ingest/IngestJob.h"
#include "ingest/ReextractJob.h"
#include "query/ExtractionQuery.h"
#include "query/DocumentListQuery.h"
#include "query/DocumentQuery.h"
#include "read/ArticleReader.h"
#include "read/FileCollector.h"
#include "read/TextDecoder.h"
#include "structure/StructureParser.h"
#include "store/Database.h"
#include "store/DatabaseLocation.h"
#include "store/IntegrityCheck.h"
#include "util/DataFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QStandardPaths>

#include <unistd.h>

#include <cmath>

namespace claimlens {

QString takeOption(QStringList& args, const QString& name, bool* missingValue)
{
    const qsizetype i = args.indexOf(name);
    if (i < 0)
        return {};
    if (i + 1 >= args.size()) {
        if (missingValue)
            *missingValue = true;
        args.removeAt(i);
        return {};
    }
    const QString value = args.at(i + 1);
    args.remove(i, 2);
    return value;
}

bool takeFlag(QStringList& args, const QString& name)
{
    return args.removeAll(name) > 0;
}

namespace {

/// Progress on a terminal: one line rewritten in place.
class TerminalProgress : public IngestProgress {
public:
    explicit TerminalProgress(QTextStream& err) : m_err(err) { m_timer.start(); }
    void fileDone(int done, int total, const QString&) override
    {
        if (m_timer.elapsed() - m_last < 100 && done != total)
            return;
        m_last = m_timer.elapsed();
        const double rate = done / std::max(0.001, static_cast<double>(m_timer.elapsed()) / 1000.0);
        m_err << QStringLiteral("\r  %1/%2 files  %3 docs/s ").arg(done).arg(total).arg(rate, 0, 'f', 0) << Qt::flush;
    }
    void finish() { m_err << '\r' << QString(40, u' ') << '\r' << Qt::flush; }

private:
    QTextStream& m_err;
    QElapsedTimer m_timer;
    qint64 m_last = -1000;
};

/// A value for one field of a tab-separated line: a tab, newline or carriage return in it (a file
/// name may hold one) written as \t, \n, \r, so every record stays one line of the same fields.
QString field(QString value)
{
    if (value.contains(u'\t') || value.contains(u'\n') || value.contains(u'\r') || value.contains(u'\\'))
        value.replace(u'\\', QStringLiteral("\\\\"))
            .replace(u'\t', QStringLiteral("\\t"))
            .replace(u'\n', QStringLiteral("\\n"))
            .replace(u'\r', QStringLiteral("\\r"));
    return value;
}

/// 38,000; 67,200,000,000; 0.0008; 8.6: full numbers, readable, never rounded away
QString formatValue(double value)
{
    if (value == std::floor(value) && std::abs(value) < 1e15)
        return QLocale(QLocale::English).toString(static_cast<qlonglong>(value));
    return QString::number(value, 'g', 8);
}

}  // namespace

QString Cli::defaultDatabasePath()
{
    return claimlens::defaultDatabasePath();
}

std::optional<Database> Cli::openDatabase()
{
    auto db = Database::openForReading(m_db);
    if (!db) {
        m_err << "claimlens-cli: " << db.error() << '\n';
        return std::nullopt;
    }
    return std::move(db.value());
}

int Cli::usage(const QString& problem)
{
    const cmdline::Program& program = cmdline::cliProgram();
    const cmdline::Command* command = program.command(m_command);
    const QString text = command ? cmdline::commandUsageText(program, *command) : cmdline::usageText(program);
    if (problem.isEmpty()) {
        m_out << text;
        return Ok;
    }
    m_err << "claimlens-cli: " << problem << "\n\n" << text;
    return Usage;
}

int Cli::run(QStringList args)
{
    const cmdline::Program& program = cmdline::cliProgram();
    for (const QString& a : args)
        if (!a.startsWith(u'-') && program.command(a)) {
            m_command = a;
            break;
        }
    if (takeFlag(args, QStringLiteral("-h")) || takeFlag(args, QStringLiteral("--help")))
        return usage();
    if (takeFlag(args, QStringLiteral("--version"))) {
        m_out << "claimlens-cli " << QCoreApplication::applicationVersion() << '\n';
        const QString data = installedDataFolder();
        m_out << "data: " << (data.isEmpty() ? QStringLiteral("built in (the program runs from a build folder)") : data) << '\n';
        return Ok;
    }
    bool missing = false;
    m_db = takeOption(args, QStringLiteral("--db"), &missing);
    if (missing || (!m_db.isNull() && m_db.isEmpty()))
        return usage(QStringLiteral("--db needs a file"));
    if (args.isEmpty())
        return usage(QStringLiteral("no command given"));
    if (m_db.isNull())
        m_db = defaultDatabasePath();

    const QString command = args.takeFirst();
    const cmdline::Command* declared = program.command(command);
    if (!declared)
        return usage(QStringLiteral("unknown command '%1'").arg(command));
    if (const QString problem = cmdline::checkOptions(program, *declared, args); !problem.isEmpty())
        return usage(problem);
    // Only ingest makes a database (and its folder); every other command reads one that exists.
    if (command == QStringLiteral("ingest"))
        QDir().mkpath(QFileInfo(m_db).absolutePath());
    else if (command != QStringLiteral("extract") && !QFileInfo(m_db).isFile()) {
        m_err << "claimlens-cli: no database at " << m_db
              << (QFileInfo(m_db).exists() ? QStringLiteral(" (it is not a file)") : QStringLiteral(" ('ingest' makes one)")) << '\n';
        return DatabaseError;
    }
    if (command == QStringLiteral("ingest"))
        return ingest(args);
    if (command == QStringLiteral("list"))
        return list(args);
    if (command == QStringLiteral("show"))
        return show(args);
    if (command == QStringLiteral("search"))
        return search(args);
    if (command == QStringLiteral("export"))
        return exportStore(args);
    if (command == QStringLiteral("stats"))
        return stats(args);
    if (command == QStringLiteral("reextract"))
        return reextract(args);
    if (command == QStringLiteral("extract"))
        return extract(args);
    if (command == QStringLiteral("chart"))
        return chart(args);
    if (command == QStringLiteral("check"))
        return check(args);
    if (command == QStringLiteral("review"))
        return review(args);
    return usage(QStringLiteral("'%1' is declared but not handled").arg(command));
}

int Cli::ingest(const QStringList& argsIn)
{
    QStringList args = argsIn;
    bool missing = false;
    const QString batch = takeOption(args, QStringLiteral("--batch"), &missing);
    const QString maxSize = takeOption(args, QStringLiteral("--max-size"), &missing);
    const bool quiet = takeFlag(args, QStringLiteral("--quiet"));
    if (missing)
        return usage(QStringLiteral("--batch needs a number"));
    if (args.isEmpty())
        return usage(QStringLiteral("ingest needs at least one file or folder"));
    IngestParams params{args, m_db};
    if (!batch.isNull()) {
        bool ok = false;
        params.batchSize = batch.toInt(&ok);
        if (!ok || params.batchSize < 1)
            return usage(QStringLiteral("--batch needs a positive number"));
    }
    if (!maxSize.isNull()) {
        bool ok = false;
        const double mib = maxSize.toDouble(&ok);
        if (!ok || mib <= 0 || mib > 4096)
            return usage(QStringLiteral("--max-size needs a size in MiB above 0, at most 4096"));
        params.maxFileBytes = static_cast<qint64>(mib * 1024 * 1024);
    }
    std::unique_ptr<TerminalProgress> progress;
    if (!quiet && isatty(STDERR_FILENO))
        progress = std::make_unique<TerminalProgress>(m_err);
    const IngestResult r = IngestJob(params).run(progress.get());
    if (progress)
        progress->finish();
    for (const auto& s : r.skipped)
        m_err << "skipped: " << s.path << ": " << s.reason << '\n';
    for (const auto& w : r.warnings)
        m_err << "warning: " << w.path << ": " << w.reason << '\n';
    if (!r.ok()) {
        m_err << "claimlens-cli: " << r.error << '\n';
        // what is safe, and how to go on: every batch committed before the stop is stored whole
        m_err << QStringLiteral("claimlens-cli: the ingest stopped; %1 documents stored before it are kept (%2 files "
                                "were unchanged). Running the same command again continues: stored files are "
                                "recognised and skipped\n")
                     .arg(r.imported + r.updated)
                     .arg(r.unchanged);
        return DatabaseError;
    }
    m_out << QStringLiteral("%1 files: %2 imported, %3 updated, %4 unchanged, %5 duplicates, %6 skipped")
                 .arg(r.total)
                 .arg(r.imported)
                 .arg(r.updated)
                 .arg(r.unchanged)
                 .arg(r.duplicates)
                 .arg(r.skipped.size());
    if (r.ignored)
        m_out << QStringLiteral(", %1 other files ignored").arg(r.ignored);
    m_out << QStringLiteral(" (%1 s, %2 docs/s) into %3\n")
                 .arg(r.seconds, 0, 'f', 2)
                 .arg(r.seconds > 0 ? (r.imported + r.updated) / r.seconds : 0.0, 0, 'f', 0)
                 .arg(m_db);
    return r.skipped.empty() ? Ok : SomeSkipped;
}

int Cli::list(const QStringList& argsIn)
{
    QStringList args = argsIn;
    const bool json = takeFlag(args, QStringLiteral("--json"));
    bool missing = false;
    ExtractionFilter filter;
    filter.company = takeOption(args, QStringLiteral("--company"), &missing);
    filter.metric = takeOption(args, QStringLiteral("--metric"), &missing);
    const QString country = takeOption(args, QStringLiteral("--country"), &missing);
    const QString source = takeOption(args, QStringLiteral("--source"), &missing);
    const QString from = takeOption(args, QStringLiteral("--from"), &missing);
    const QString to = takeOption(args, QStringLiteral("--to"), &missing);
    const QString searchText = takeOption(args, QStringLiteral("--search"), &missing);
    static const QStringList what{QStringLiteral("documents"), QStringLiteral("companies"), QStringLiteral("products"),
                                  QStringLiteral("countries"), QStringLiteral("people"), QStringLiteral("organizations"),
                                  QStringLiteral("claims"), QStringLiteral("statistics"), QStringLiteral("events")};
    if (missing || args.size() != 1 || !what.contains(args.first()))
        return usage(QStringLiteral("list takes one of: %1").arg(what.join(QStringLiteral(", "))));
    auto db = openDatabase();
    if (!db)
        return DatabaseError;
    const QString kind = args.first();
    for (const auto& [name, value] : {std::pair{"--from", from}, std::pair{"--to", to}})
        if (!value.isNull() && !DocumentFilter::firstDay(value).isValid())
            return usage(QStringLiteral("%1 takes a date: 2024, 2024-07 or 2024-07-04 (not '%2')")
                             .arg(QLatin1String(name), value));
    const bool documentOnly = !country.isNull() || !source.isNull() || !from.isNull() || !to.isNull() || !searchText.isNull();
    if (documentOnly && kind != QStringLiteral("documents"))
        return usage(QStringLiteral("--country, --source, --from, --to and --search filter 'list documents'"));
    ExtractionQuery extraction(*db);
    if (!filter.company.isEmpty() && kind != QStringLiteral("statistics") && extraction.resolveCompany(filter.company).isEmpty()) {
        m_err << "claimlens-cli: no company '" << filter.company << "' is known\n";
        return NotFound;
    }
    QJsonArray array;
    auto print = [&](const QJsonObject& o, const QString& line) {
        if (json)
            array.append(o);
        else
            m_out << line << '\n';
    };
    auto fail = [&](const QString& error) {
        m_err << "claimlens-cli: " << error << '\n';
        return static_cast<int>(DatabaseError);
    };

    if (kind == QStringLiteral("documents")) {
        DocumentFilter documentFilter;
        if (!filter.company.isEmpty())
            documentFilter.companies = {extraction.resolveCompany(filter.company)};
        if (!country.isEmpty())
            documentFilter.countries = {country};
        if (!source.isEmpty())
            documentFilter.sources = {source};
        documentFilter.from = DocumentFilter::firstDay(from);
        documentFilter.to = DocumentFilter::lastDay(to);
        documentFilter.search = searchText;
        auto docs = DocumentListQuery(*db).all(documentFilter);
        if (!docs)
            return fail(docs.error());
        for (const auto& d : *docs) {
            auto nullable = [](const QString& s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
            print(QJsonObject{{QStringLiteral("id"), static_cast<qint64>(d.id)},
                              {QStringLiteral("file"), d.fileName},
                              {QStringLiteral("path"), d.path},
                              {QStringLiteral("title"), nullable(d.title)},
                              {QStringLiteral("author"), nullable(d.author)},
                              {QStringLiteral("source"), nullable(d.source)},
                              {QStringLiteral("published"), nullable(d.published.iso())},
                              {QStringLiteral("companies"), QJsonArray::fromStringList(d.companies)},
                              {QStringLiteral("claims"), d.claims},
                              {QStringLiteral("statistics"), d.statistics}},
                  QStringLiteral("%1\t%2\t%3\t%4\t%5")
                      .arg(d.id)
                      .arg(field(d.fileName), d.published.iso().isEmpty() ? QStringLiteral("-") : d.published.iso(),
                           d.author.isEmpty() ? QStringLiteral("-") : field(d.author),
                           d.title.isEmpty() ? QStringLiteral("(untitled)") : field(d.title)));
        }
        if (!json)
            m_out << docs->size() << " documents\n";
    } else if (kind == QStringLiteral("claims")) {
        auto rows = extraction.claims(filter);
        if (!rows)
            return fail(rows.error());
        for (const auto& c : *rows)
            print(QJsonObject{{QStringLiteral("file"), c.fileName}, {QStringLiteral("text"), c.text},
                              {QStringLiteral("score"), c.score}, {QStringLiteral("date"), c.date.iso()},
                              {QStringLiteral("reported"), c.reported.iso()},
                              {QStringLiteral("actors"), QJsonArray::fromStringList(c.actors)},
                              {QStringLiteral("source"), c.source}},
                  QStringLiteral("%1\t%2\t%3\t%4").arg(c.date.isValid()       ? c.date.iso()
                                                       : c.reported.isValid() ? QStringLiteral("reported ") + c.reported.iso()
                                                                              : QStringLiteral("undated"),
                                                       field(c.actors.join(QStringLiteral(", "))), field(c.fileName), field(c.text)));
    } else if (kind == QStringLiteral("statistics")) {
        auto rows = extraction.statistics(filter);
        if (!rows)
            return fail(rows.error());
        for (const auto& st : *rows)
            print(QJsonObject{{QStringLiteral("file"), st.fileName}, {QStringLiteral("subject"), st.subject},
                              {QStringLiteral("metric_key"), st.metricKey}, {QStringLiteral("metric"), st.metric},
                              {QStringLiteral("value"), st.value}, {QStringLiteral("unit"), st.unit},
                              {QStringLiteral("qualifier"), st.qualifier}, {QStringLiteral("period"), st.period},
                              {QStringLiteral("sentence"), st.sentence}},
                  QStringLiteral("%1\t%2\t%3 %4\t%5\t%6")
                      .arg(field(st.subject), field(st.metric))
                      .arg(formatValue(st.value), st.unit,
                           st.period.isEmpty() ? QStringLiteral("-") : field(st.period), field(st.fileName)));
    } else if (kind == QStringLiteral("events")) {
        auto rows = extraction.events(filter);
        if (!rows)
            return fail(rows.error());
        for (const auto& e : *rows)
            print(QJsonObject{{QStringLiteral("file"), e.fileName}, {QStringLiteral("date"), e.date.iso()},
                              {QStringLiteral("relative"), e.relative}, {QStringLiteral("text"), e.sentence}},
                  QStringLiteral("%1\t%2\t%3").arg(e.date.isValid() ? e.date.iso() : field(e.relative), field(e.fileName), field(e.sentence)));
    } else {
        const EntityKind entityKind = kind == QStringLiteral("companies")   ? EntityKind::Company
                                      : kind == QStringLiteral("products")  ? EntityKind::Product
                                      : kind == QStringLiteral("countries") ? EntityKind::Country
                                      : kind == QStringLiteral("people")    ? EntityKind::Person
                                                                            : EntityKind::Organization;
        auto rows = extraction.entities(entityKind);
        if (!rows)
            return fail(rows.error());
        for (const auto& e : *rows)
            print(QJsonObject{{QStringLiteral("name"), e.name}, {QStringLiteral("documents"), e.documents},
                              {QStringLiteral("via_product_only"), e.viaProductOnly}, {QStringLiteral("mentions"), e.mentions}},
                  QStringLiteral("%1\t%2 documents%3").arg(field(e.name), -24).arg(e.documents)
                      .arg(e.viaProductOnly ? QStringLiteral(" (%1 through its products only)").arg(e.viaProductOnly) : QString()));
    }
    if (json)
        m_out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    return Ok;
}

int Cli::extract(const QStringList& args)
{
    // what the rules read in a file, without storing it: for trying rules and knowledge
    if (args.isEmpty())
        return usage(QStringLiteral("extract needs a file"));
    const ArticleReader reader;
    const Extractor extractor;
    int code = Ok;
    for (const QString& path : args) {
        auto bytes = FileCollector::readFile(path);
        if (!bytes) {
            m_err << "claimlens-cli: " << path << ": " << bytes.error() << '\n';
            code = SomeSkipped;
            continue;
        }
        auto read = reader.read(*bytes, path);  // pages and PDFs as ingest reads them
        if (!read) {
            m_err << "claimlens-cli: " << path << ": " << read.error() << '\n';
            code = SomeSkipped;
            continue;
        }
        const Article article = reader.article(*read);
        const Extraction found = extractor.extract(article);
        auto sentence = [&](int i) { return article.sentenceText(article.sentences[static_cast<size_t>(i)]); };
        m_out << "== " << path << '\n';
        for (const Mention& m : found.mentions)
            m_out << "  " << entityKindName(m.kind) << '\t' << m.name
                  << (m.surface != m.name ? QStringLiteral(" (\"%1\")").arg(m.surface) : QString())
                  << (m.via.isEmpty() ? QString() : QStringLiteral(" via %1").arg(m.via)) << '\n';
        for (const Statistic& st : found.statistics)
            m_out << "  statistic\t" << st.subject << " | " << st.metricKey << " | " << st.metric << " | "
                  << formatValue(st.value) << ' ' << st.unit
                  << (st.period.isEmpty() ? QString() : QStringLiteral(" | ") + st.period) << '\n';
        for (const Event& e : found.events)
            m_out << "  event\t" << (e.date.isValid() ? e.date.iso() : QStringLiteral("(%1)").arg(e.relative)) << '\t'
                  << sentence(e.sentence) << '\n';
        for (const CitedSource& src : found.sources)
            m_out << "  source\t" << src.name << '\n';
        for (const Claim& c : found.claims)
            m_out << "  claim\t" << QString::number(c.score, 'f', 2) << '\t' << sentence(c.sentence) << '\n';
    }
    return code;
}

int Cli::reextract(const QStringList& args)
{
    if (!args.isEmpty())
        return usage(QStringLiteral("reextract takes no arguments"));
    std::unique_ptr<TerminalProgress> progress;
    if (isatty(STDERR_FILENO))
        progress = std::make_unique<TerminalProgress>(m_err);
    const ReextractResult r = ReextractJob(m_db).run(progress.get());
    if (progress)
        progress->finish();
    if (!r.ok()) {
        m_err << "claimlens-cli: " << r.error << '\n';
        return DatabaseError;
    }
    m_out << QStringLiteral("%1 documents read again (%2 s) in %3\n").arg(r.documents).arg(r.seconds, 0, 'f', 2).arg(m_db);
    return Ok;
}

int Cli::show(const QStringList& args)
{
    if (args.size() != 1)
        return usage(QStringLiteral("show takes one document: an id, a file name or a path"));
    auto db = openDatabase();
    if (!db)
        return DatabaseError;
    DocumentQuery query(*db);
    const auto doc = query.find(args.first());
    if (!doc) {
        m_err << "claimlens-cli: no document '" << args.first() << "' in " << m_db << '\n';
        return NotFound;
    }
    m_out << "document " << doc->id << ": " << doc->path << '\n';
    m_out << "  title:     " << (doc->title.isEmpty() ? QStringLiteral("-") : doc->title) << '\n';
    m_out << "  author:    " << (doc->author.isEmpty() ? QStringLiteral("-") : doc->author) << '\n';
    m_out << "  section:   " << (doc->section.isEmpty() ? QStringLiteral("-") : doc->section) << '\n';
    m_out << "  published: " << (doc->published.isValid() ? doc->published.iso() : QStringLiteral("-")) << '\n';
    m_out << "  encoding:  " << doc->encoding << '\n';
    if (auto sources = query.sources(doc->id); sources && !sources->empty()) {
        m_out << "  sources:  ";
        for (const auto& s : *sources)
            m_out << ' ' << s.name << " (" << s.kind << (s.relativeAge.isEmpty() ? QString() : u' ' + s.relativeAge)
                  << ')';
        m_out << '\n';
    }
    if (auto dups = query.duplicatePaths(doc->id); dups)
        for (const auto& p : *dups)
            m_out << "  duplicate: " << p << '\n';
    m_out << '\n';
    auto blocks = query.blocks(doc->id);
    if (!blocks) {
        m_err << "claimlens-cli: " << blocks.error() << '\n';
        return DatabaseError;
    }
    for (const auto& b : *blocks) {
        QString label = blockKindName(b.kind);
        if (!b.key.isEmpty())
            label += QStringLiteral(" (%1%2)").arg(b.key, b.value.isEmpty() ? QString() : QStringLiteral(": ") + b.value);
        m_out << QStringLiteral("%1  %2\n").arg(label, -24).arg(b.text);
    }
    return Ok;
}

int Cli::search(const QStringList& argsIn)
{
    QStringList args = argsIn;
    bool missing = false;
    const QString limitText = takeOption(args, QStringLiteral("--limit"), &missing);
    int limit = 50;
    if (missing || (!limitText.isNull() && (limit = limitText.toInt()) <= 0))
        return usage(QStringLiteral("--limit needs a positive number"));
    if (args.isEmpty())
        return usage(QStringLiteral("search needs words to look for"));
    auto db = openDatabase();
    if (!db)
        return DatabaseError;
    if (const QString notice = DocumentQuery::searchNotice(args.join(u' ')); !notice.isEmpty())
        m_err << "claimlens-cli: " << notice << '\n';
    auto hits = DocumentQuery(*db).search(args.join(u' '), limit);
    if (!hits) {
        m_err << "claimlens-cli: " << hits.error() << '\n';
        return DatabaseError;
    }
    for (const auto& h : *hits)
        m_out << field(h.fileName) << ':' << h.sentenceOrdinal + 1 << ": " << field(h.snippet) << '\n';
    m_out << hits->size() << (hits->size() == 1 ? " match\n" : " matches\n");
    return Ok;
}

int Cli::exportStore(const QStringList& argsIn)
{
    QStringList args = argsIn;
    bool missing = false;
    const QString format = takeOption(args, QStringLiteral("--format"), &missing);
    const QString outPath = takeOption(args, QStringLiteral("--out"), &missing);
    if (missing || !args.isEmpty() || (format != QStringLiteral("json") && format != QStringLiteral("csv")))
        return usage(QStringLiteral("export takes --format json|csv [--out FILE]"));
    auto db = openDatabase();
    if (!db)
        return DatabaseError;
    QFile file;
    if (outPath.isEmpty()) {
        m_out.flush();
        file.open(stdout, QIODevice::WriteOnly);
    } else {
        file.setFileName(outPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            m_err << "claimlens-cli: " << outPath << ": cannot write (" << file.errorString() << ")\n";
            return Usage;
        }
    }
    const Status s = format == QStringLiteral("json") ? JsonExporter(*db).write(file) : CsvExporter(*db).write(file);
    file.close();
    if (!s) {
        m_err << "claimlens-cli: export failed: " << s.error() << '\n';
        return DatabaseError;
    }
    return Ok;
}

int Cli::stats(const QStringList& args)
{
    if (!args.isEmpty())
        return usage(QStringLiteral("stats takes no arguments"));
    auto db = openDatabase();
    if (!db)
        return DatabaseError;
    auto st = DocumentQuery(*db).stats();
    if (!st) {
        m_err << "claimlens-cli: " << st.error() << '\n';
        return DatabaseError;
    }
    m_out << "database:   " << m_db << " (schema " << st->schemaVersion << ")\n";
    m_out << "documents:  " << st->documents << '\n';
    m_out << "duplicates: " << st->duplicates << '\n';
    m_out << "sentences:  " << st->sentences << '\n';
    m_out << "sources:    " << st->sources << '\n';
    m_out << "characters: " << st->textCharacters << '\n';
    m_out << "blocks:\n";
    for (auto it = st->blocksByKind.cbegin(); it != st->blocksByKind.cend(); ++it)
        m_out << QStringLiteral("  %1 %2\n").arg(it.key(), -12).arg(it.value());
    return Ok;
}

int Cli::check(const QStringList& args)
{
    if (!args.isEmpty())
        return usage(QStringLiteral("check takes no arguments"));
    auto db = Database::openRaw(m_db);  // as it is: opening normally would migrate it first
    if (!db) {
        m_err << "claimlens-cli: " << db.error() << '\n';
        return DatabaseError;
    }
    auto report = checkIntegrity(*db);
    if (!report) {
        m_err << "claimlens-cli: " << m_db << " cannot be checked: " << report.error() << '\n';
        return DatabaseError;
    }
    for (const QString& problem : report->problems)
        m_err << m_db << ": " << problem << '\n';
    if (!report->ok()) {
        m_err << QStringLiteral("%1: %2 problems found\n").arg(m_db).arg(report->problems.size());
        return DatabaseError;
    }
    m_out << QStringLiteral("%1: sound (%2 documents, %3 sentences; integrity, foreign keys, full-text index and "
                            "documents checked)\n")
                 .arg(m_db)
                 .arg(report->documents)
                 .arg(report->sentences);
    return Ok;
}

int Cli::chart(const QStringList& argsIn)
{
    QStringList args = argsIn;
    bool missing = false;
    const QString out = takeOption(args, QStringLiteral("--out"), &missing);
    const QString company = takeOption(args, QStringLiteral("--company"), &missing);
    const QString width = takeOption(args, QStringLiteral("--width"), &missing);
    const QString height = takeOption(args, QStringLiteral("--height"), &missing);
    const QString scale = takeOption(args, QStringLiteral("--scale"), &missing);
    const bool dark = takeFlag(args, QStringLiteral("--dark"));
    if (missing || args.size() != 1 || out.isEmpty())
        return usage(QStringLiteral("chart takes METRIC|mentions|countries|claims-per-year|claims-per-month --out FILE"));
    charts::ExportOptions options;
    options.dark = dark;
    bool ok = true;
    if (!width.isNull())
        options.size.setWidth(width.toInt(&ok));
    if (ok && !height.isNull())
        options.size.setHeight(height.toInt(&ok));
    if (!ok || options.size.width() < 200 || options.size.height() < 150)
        return usage(QStringLiteral("--width and --height need at least 200 and 150 pixels"));
    if (!scale.isNull()) {
        options.scale = scale.toDouble(&ok);
        if (!ok || options.scale <= 0 || options.scale > 8)
            return usage(QStringLiteral("--scale needs a number above 0, at most 8"));
    }
    auto db = openDatabase();
    if (!db)
        return DatabaseError;
    DocumentFilter filter;
    if (!company.isEmpty()) {
        const QString name = ExtractionQuery(*db).resolveCompany(company);
        if (name.isEmpty()) {
            m_err << "claimlens-cli: no company '" << company << "' is known\n";
            return NotFound;
        }
        filter.companies = QStringList{name};
    }
    auto fail = [&](const QString& error) {
        m_err << "claimlens-cli: " << error << '\n';
        return static_cast<int>(DatabaseError);
    };
    ChartQuery query(*db);
    const QString what = args.first();
    charts::ChartModel model;
    if (what == QStringLiteral("mentions") || what == QStringLiteral("countries")) {
        const EntityKind kind = what == QStringLiteral("countries") ? EntityKind::Country : EntityKind::Company;
        auto counts = query.documentsPerEntity(filter, kind, kind == EntityKind::Company ? 10 : 30);
        auto total = query.documentCount(filter);
        if (!counts || !total)
            return fail(counts ? total.error() : counts.error());
        model = charts::mentionsModel(*counts, kind, filter, *total);
    } else if (what == QStringLiteral("claims-per-year") || what == QStringLiteral("claims-per-month")) {
        auto companies = query.selectedCompanies(filter, 8);
        if (!companies)
            return fail(companies.error());
        auto claims = query.claimsOverTime(filter, *companies,
                                           what == QStringLiteral("claims-per-year") ? TimeBucket::Year : TimeBucket::Month);
        auto total = query.documentCount(filter);
        if (!claims || !total)
            return fail(claims ? total.error() : claims.error());
        model = charts::claimsModel(*claims, filter);
        model.documentCount = *total;
    } else {
        auto series = query.statistics(filter, what);
        if (!series)
            return fail(series.error());
        if (series->values.empty()) {
            m_err << "claimlens-cli: no statistics for '" << what << "'";
            if (auto metrics = query.metrics(filter); metrics && !metrics->empty()) {
                m_err << "; the metrics found are:";
                for (const MetricCount& m : *metrics)
                    m_err << "\n  " << m.key << " (" << m.label << ", " << m.values << " values)";
            }
            m_err << '\n';
            return NotFound;
        }
        model = charts::statisticModel(*series, filter);
    }
    if (Status s = charts::ChartExporter::write(charts::chartContent(model), out, options); !s)
        return fail(s.error());
    m_out << QStringLiteral("%1: %2, %3 bars\n").arg(out, model.title).arg(model.categories.size());
    return Ok;
}

}  // namespace claimlens
