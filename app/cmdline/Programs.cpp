#include "Programs.h"

#include "read/FileCollector.h"

#include <QFileInfo>

namespace claimlens::cmdline {
namespace {

QString articleTypes()
{
    QStringList suffixes;
    for (const QString& s : FileCollector::supportedSuffixes())
        suffixes << u'.' + s;
    return suffixes.join(QStringLiteral(", "));
}

Option text(const char* name, const char* valueName, const char* help)
{
    return {QLatin1String(name), {}, QLatin1String(valueName), QLatin1String(help), ValueKind::Text, {}};
}

Option file(const char* name, const char* valueName, const char* help)
{
    return {QLatin1String(name), {}, QLatin1String(valueName), QLatin1String(help), ValueKind::File, {}};
}

Option flag(const char* name, const char* help)
{
    return {QLatin1String(name), {}, {}, QLatin1String(help), ValueKind::None, {}};
}

Option choice(const char* name, const char* valueName, QStringList choices, const char* help)
{
    return {QLatin1String(name), {}, QLatin1String(valueName), QLatin1String(help), ValueKind::Choice, std::move(choices)};
}

const std::vector<Option> kStandardOptions{
    {QStringLiteral("--help"), QStringLiteral("-h"), {}, QStringLiteral("this text"), ValueKind::None, {}},
    {QStringLiteral("--version"), {}, {}, QStringLiteral("the program's name and version"), ValueKind::None, {}},
};

const QString kFiles[] = {
    QStringLiteral("~/.local/share/claimlens/claimlens.sqlite  the default database"),
    QStringLiteral("~/.local/share/claimlens/knowledge.json  the analyst's own companies, products, people and "
                   "metrics, added to the built-in knowledge, and the merges and exclusions made in the window"),
    QStringLiteral("~/.local/share/claimlens/structure-rules.json  the analyst's own rules for page furniture "
                   "and headings"),
    QStringLiteral("/usr/share/claimlens/sample-corpus  the bundled sample articles"),
};

}  // namespace

bool isDatabaseFile(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    return suffix == QStringLiteral("sqlite") || suffix == QStringLiteral("sqlite3") || suffix == QStringLiteral("db");
}

const Program& cliProgram()
{
    static const Program program = [] {
        Program p;
        p.name = QStringLiteral("claimlens-cli");
        p.summary = QStringLiteral("read news articles into a database and query their claims, figures and events");
        p.description = QStringLiteral(
            "claimlens-cli reads news articles (pasted page text, saved web pages, PDFs) into a SQLite database, "
            "finds the companies, countries, people, statistics, events and claims in them, and answers questions "
            "about what it read: lists, full-text search, exports and charts. The Claimlens window (claimlens) "
            "opens the same database.");
        const QStringList listKinds{QStringLiteral("documents"), QStringLiteral("companies"), QStringLiteral("products"),
                                    QStringLiteral("countries"), QStringLiteral("people"), QStringLiteral("organizations"),
                                    QStringLiteral("claims"), QStringLiteral("statistics"), QStringLiteral("events")};
        const QStringList chartKinds{QStringLiteral("mentions"), QStringLiteral("countries"),
                                     QStringLiteral("claims-per-year"), QStringLiteral("claims-per-month")};
        p.commands = {
            {QStringLiteral("ingest"),
             {{QStringLiteral("PATH"), ValueKind::Path, {}, true, false}},
             {text("--batch", "N", "store N documents per transaction (default 500)"),
              text("--max-size", "MIB", "skip files larger than MIB mebibytes (default 64)"),
              flag("--quiet", "no progress line on the terminal")},
             QStringLiteral("read article files and folders (%1) into the database; folders are searched "
                            "recursively, unchanged files are skipped and changed ones read again")
                 .arg(articleTypes())},
            {QStringLiteral("list"),
             {{QStringLiteral("WHAT"), ValueKind::Choice, listKinds, false, false}},
             {text("--company", "X", "only what names company X (or its products)"),
              text("--metric", "M", "statistics of metric M only"),
              text("--country", "C", "documents naming country C"),
              text("--source", "S", "documents citing source S"),
              text("--from", "DATE", "documents published on or after DATE (2024, 2024-07 or 2024-07-04)"),
              text("--to", "DATE", "documents published on or before DATE"),
              text("--search", "TEXT", "documents with a sentence matching TEXT"),
              flag("--json", "print JSON instead of lines")},
             QStringLiteral("WHAT is documents (newest first); companies, products, countries, people or "
                            "organizations, each with the number of documents naming it; or claims, statistics or "
                            "events, what extraction found, each traceable to its sentence. --country, --source, "
                            "--from, --to and --search filter documents only")},
            {QStringLiteral("search"),
             {{QStringLiteral("QUERY"), ValueKind::Text, {}, true, false}},
             {text("--limit", "N", "at most N matches (default 50)")},
             QStringLiteral("full-text search over sentences: words, \"a phrase\", prefix*, OR, NOT")},
            {QStringLiteral("show"),
             {{QStringLiteral("DOC"), ValueKind::Text, {}, false, false}},
             {},
             QStringLiteral("a document's metadata, sources and blocks with their kinds (DOC: an id, a file name or "
                            "a path)")},
            {QStringLiteral("export"),
             {},
             {choice("--format", "FORMAT", {QStringLiteral("json"), QStringLiteral("csv")},
                     "json: documents with their structure and everything read; csv: the statistics"),
              file("--out", "FILE", "write to FILE instead of standard output")},
             QStringLiteral("everything read, as JSON or CSV")},
            {QStringLiteral("chart"),
             {{QStringLiteral("WHAT"), ValueKind::Text, chartKinds, false, false}},
             {file("--out", "FILE", "the image or table to write: .png, .svg, .pdf or .csv"),
              text("--company", "X", "only documents naming company X"),
              text("--width", "W", "layout width in pixels (default 1200)"),
              text("--height", "H", "layout height in pixels (default 800)"),
              text("--scale", "S", "PNG pixels per layout pixel (default 2)"),
              flag("--dark", "a dark background")},
             QStringLiteral("a chart as the Charts tab draws it, with its caption: WHAT is mentions, countries, "
                            "claims-per-year, claims-per-month, or a metric (its key or words of its name)")},
            {QStringLiteral("stats"), {}, {}, QStringLiteral("counts of documents, sentences, sources and blocks by kind")},
            {QStringLiteral("check"), {}, {},
             QStringLiteral("checks the database: SQLite's integrity check, foreign keys, the full-text index against "
                            "the sentences, and that every document has its blocks and sentences; says what is wrong "
                            "(exit 3) or that it is sound")},
            {QStringLiteral("review"),
             {{QStringLiteral("ACTION"), ValueKind::Text,
               {QStringLiteral("list"), QStringLiteral("export"), QStringLiteral("import")}, false, false},
              {QStringLiteral("FILE"), ValueKind::File, {}, false, true}},
             {file("--out", "FILE", "export: write to FILE instead of standard output")},
             QStringLiteral("the analyst's corrections (confirmed, rejected, edited and added readings): list them "
                            "with their state (orphaned when the sentence or the document is gone), export them as "
                            "JSON, or import a JSON file of them (FILE, or standard input) and apply them")},
            {QStringLiteral("reextract"), {}, {},
             QStringLiteral("read every stored text again with the current rules and knowledge")},
            {QStringLiteral("extract"),
             {{QStringLiteral("FILE"), ValueKind::File, {}, true, false}},
             {},
             QStringLiteral("what the rules find in files, without storing them")},
        };
        p.options = {file("--db", "FILE",
                          "the database (default: $CLAIMLENS_DB, else claimlens.sqlite in the user's data folder)")};
        p.options.insert(p.options.end(), kStandardOptions.begin(), kStandardOptions.end());
        p.exitStatus = {QStringLiteral("0  ok"), QStringLiteral("1  some files skipped"), QStringLiteral("2  usage"),
                        QStringLiteral("3  database error (or no database)"),
                        QStringLiteral("4  no such document, company or metric")};
        p.environment = {QStringLiteral("CLAIMLENS_DB  the database used when --db is not given")};
        p.files = QStringList(std::begin(kFiles), std::end(kFiles));
        p.examples = {QStringLiteral("claimlens-cli ingest ~/Downloads/articles"),
                      QStringLiteral("claimlens-cli list statistics --company Huawei"),
                      QStringLiteral("claimlens-cli search \"patent applications\""),
                      QStringLiteral("claimlens-cli chart patents --out patents.png")};
        p.seeAlso = {QStringLiteral("claimlens(1)"), QStringLiteral("sqlite3(1)")};
        return p;
    }();
    return program;
}

const Program& guiProgram()
{
    static const Program program = [] {
        Program p;
        p.name = QStringLiteral("claimlens");
        p.summary = QStringLiteral("explore the claims, figures and events in news about China's AI industry");
        p.description = QStringLiteral(
            "Claimlens is a desktop explorer for analysts who follow China's AI industry. It reads news articles "
            "(pasted page text, saved web pages, PDFs) into a database and lets you click through the documents, "
            "filter by company, country and source, follow claims on a timeline, compare the figures articles "
            "report in charts, and export those charts as images.\n\n"
            "With no arguments the window opens the default database, and on first start reads the bundled sample "
            "corpus into it. A DATABASE argument (.sqlite, .sqlite3 or .db) opens that database; FILE arguments (%1) "
            "are imported into the database opened.")
                            .arg(articleTypes());
        p.operands = {{QStringLiteral("DATABASE"), ValueKind::File, {}, false, true},
                      {QStringLiteral("FILE"), ValueKind::Path, {}, true, true}};
        p.options = kStandardOptions;
        p.exitStatus = {QStringLiteral("0  ok"), QStringLiteral("2  usage, or no display to open a window on")};
        p.environment = {QStringLiteral("CLAIMLENS_DB  the default database")};
        p.files = QStringList(std::begin(kFiles), std::end(kFiles));
        p.seeAlso = {QStringLiteral("claimlens-cli(1)")};
        return p;
    }();
    return program;
}

}  // namespace claimlens::cmdline
